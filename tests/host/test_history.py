"""The sending history through the real sendguard-host: learn in serve mode and on the command
line, the audit log of decisions, and --check against a learned history."""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

from hostprocess import DATA, HOST, HostProcess, request_file

SENT_FOLDER = os.path.join(DATA, "sent-folder-client-project-group.json")
HISTORY_RULES = ("new-recipient", "new-domain", "unusual-recipient-mix", "display-name-mismatch")


def run(*args):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([HOST] + list(args), capture_output=True, text=True, env=env,
                          timeout=60)


def sent_folder_messages():
    with open(SENT_FOLDER, encoding="utf-8") as file:
        return json.load(file)


class ServeLearns(unittest.TestCase):
    def setUp(self):
        self.host = HostProcess()

    def tearDown(self):
        self.host.kill()

    def history_file(self):
        return os.path.join(self.host.data_home.name, "sendguard", "history.sqlite")

    def finish(self):
        self.host.close_input()
        self.assertEqual(self.host.wait(), 0, self.host.stderr.decode(errors="replace"))

    def test_learning_the_same_batch_twice_counts_it_once(self):
        messages = sent_folder_messages()
        self.host.send({"type": "learn", "id": "l-1", "messages": messages})
        self.assertEqual(self.host.reply(),
                         {"type": "learned", "id": "l-1", "learned": 4, "skipped": 0})
        self.host.send({"type": "learn", "id": "l-2", "messages": messages})
        self.assertEqual(self.host.reply(),
                         {"type": "learned", "id": "l-2", "learned": 0, "skipped": 4})
        self.finish()

    def test_malformed_learn_batch_is_refused_by_name(self):
        self.host.send({"type": "learn", "id": "l-bad", "messages": [{"to": "not-a-list"}]})
        reply = self.host.reply()
        self.assertEqual(reply["type"], "error")
        self.assertIn("messages[0].to", reply["message"])
        self.finish()

    def test_decision_goes_to_the_audit_log_and_sent_mail_to_the_history(self):
        request = request_file("internal-only.json")
        request["id"] = "r-audit"
        self.host.send(request)
        self.assertEqual(self.host.reply()["decision"], "send")
        self.host.send({"type": "sent", "id": "r-audit", "messageId": "<r-audit@corp.example>"})
        self.finish()

        exported = run("--audit-export", "--format", "json", "--history", self.history_file())
        self.assertEqual(exported.returncode, 0, exported.stderr)
        entries = json.loads(exported.stdout)
        self.assertEqual([(e["review"], e["decision"]) for e in entries], [("r-audit", "send")])
        self.assertTrue(entries[0]["recipients"])
        self.assertEqual(entries[0]["policyFingerprint"] != "", True)

        # The mail that left is in the history: learning its message id again changes nothing.
        learned = os.path.join(self.host.data_home.name, "again.json")
        with open(learned, "w", encoding="utf-8") as file:
            json.dump([{"messageId": "<r-audit@corp.example>", "to": ["x@client.example"]}], file)
        again = run("--learn", learned, "--history", self.history_file())
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("learned 0 of 1", again.stdout)


    def test_review_goes_on_while_another_program_holds_the_write_lock(self):
        self.host.send({"type": "learn", "id": "l-1", "messages": sent_folder_messages()})
        self.assertEqual(self.host.reply()["learned"], 4)
        holder = sqlite3.connect(self.history_file(), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO domains VALUES ('held.example', 1, 1)")
        request = request_file("internal-only.json")
        request["id"] = "r-held"
        self.host.send(request)
        verdict = self.host.reply()
        self.assertEqual((verdict["id"], verdict["decision"]), ("r-held", "send"))
        self.assertNotIn("historyUnavailable", verdict)  # WAL: reads do not wait for a writer
        self.host.send({"type": "sent", "id": "r-held", "messageId": "<r-held@corp.example>"})
        self.host.send({"type": "ping", "id": "p-1"})
        self.assertEqual(self.host.reply()["type"], "pong")  # the failed write stopped nothing
        holder.execute("ROLLBACK")
        holder.close()
        request["id"] = "r-free"
        self.host.send(request)
        self.assertEqual(self.host.reply()["decision"], "send")
        self.finish()

    def test_review_goes_on_without_a_history_held_exclusively_and_says_so(self):
        self.host.send({"type": "learn", "id": "l-1", "messages": sent_folder_messages()})
        self.assertEqual(self.host.reply()["learned"], 4)
        self.finish()
        # A backup tool holds the file in exclusive mode as the next host starts: it cannot open
        # its history, and reviews without it.
        holder = sqlite3.connect(self.history_file(), isolation_level=None)
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO domains VALUES ('held.example', 1, 1)")
        second = HostProcess(data_home=self.host.data_home)
        try:
            request = request_file("internal-only.json")
            request["id"] = "r-locked"
            second.send(request)
            verdict = second.reply()
            self.assertEqual((verdict["id"], verdict["decision"]), ("r-locked", "send"))
            self.assertIs(verdict.get("historyUnavailable"), True)
            second.close_input()
            self.assertEqual(second.wait(), 0)
            self.assertIn("history unavailable", second.log_text() or "")
        finally:
            second.kill()
            holder.execute("ROLLBACK")
            holder.close()

    # The host killed with SIGKILL while it learns batch after batch: the file stays intact and
    # holds every batch it acknowledged, plus at most the one in flight, never part of one.
    def test_killed_while_learning_loses_at_most_the_batch_in_flight(self):
        batch_size = 40

        def batch(n):
            return {"type": "learn", "id": "l-%d" % n, "messages": [
                {"messageId": "<k%d-%d@corp.example>" % (n, i), "date": 1769000000000 + i,
                 "to": ["p%d-%d@client.example" % (n, i), "q%d@partner.example" % n]}
                for i in range(batch_size)]}

        for n in range(60):
            self.host.send(batch(n))
        acknowledged = 0
        while acknowledged < 5:
            self.assertEqual(self.host.reply()["learned"], batch_size)
            acknowledged += 1
        self.host.proc.kill()
        self.host.proc.wait()
        self.host._reader.join(timeout=5)
        acknowledged += sum(1 for r in self.host.remaining_replies() if r.get("type") == "learned")
        self.assertLess(acknowledged, 60, "the host finished before it was killed")

        db = sqlite3.connect(self.history_file())
        self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        learned = db.execute("SELECT count(*) FROM learned_messages").fetchone()[0]
        db.close()
        self.assertEqual(learned % batch_size, 0, "a batch was half written")
        self.assertGreaterEqual(learned, acknowledged * batch_size)
        self.assertLessEqual(learned, (acknowledged + 1) * batch_size)


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="sendguard-history-cli-")
        self.db = os.path.join(self.folder.name, "history.sqlite")

    def tearDown(self):
        self.folder.cleanup()

    def learn(self):
        result = run("--learn", SENT_FOLDER, "--history", self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_learn_is_idempotent(self):
        self.assertIn("learned 4 of 4", self.learn())
        self.assertIn("learned 0 of 4", self.learn())

    def test_check_with_history_fires_the_history_rules(self):
        self.learn()
        result = run("--check", os.path.join(DATA, "history-extra-recipient-and-namesake.json"),
                     "--history", self.db, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        found = sorted((f["rule"], f["target"]["text"]) for f in json.loads(result.stdout)["findings"]
                       if f["rule"] in HISTORY_RULES)
        self.assertEqual(found, [
            ("display-name-mismatch", "alice@rival.example"),
            ("new-domain", "alice@rival.example"),
            ("new-recipient", "alice@rival.example"),
            ("unusual-recipient-mix", "alice@rival.example"),
            ("unusual-recipient-mix", "dave@partner.example"),
        ])

    def test_check_of_the_usual_group_is_quiet(self):
        self.learn()
        result = run("--check", os.path.join(DATA, "history-usual-project-group.json"),
                     "--history", self.db, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
        self.assertFalse(set(rules) & set(HISTORY_RULES), rules)

    def test_check_with_a_missing_history_is_a_usage_error(self):
        result = run("--check", os.path.join(DATA, "internal-only.json"),
                     "--history", os.path.join(self.folder.name, "none.sqlite"))
        self.assertEqual(result.returncode, 2)

    def test_audit_export_of_an_empty_log_prints_the_csv_header(self):
        self.learn()
        result = run("--audit-export", "--since", "2026-01-01", "--history", self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith("time,review,decision,recipients"))

    # --since once took "2026-13-01" or "2026-02-30" for some other day, and refused 1970-01-01.
    def test_audit_export_since_takes_real_days_only(self):
        self.learn()
        with sqlite3.connect(self.db) as db:
            for review_id, time in (("r-epoch", 0), ("r-leap", 1709208000), ("r-march", 1709294400)):
                db.execute("INSERT INTO audit_log (time, review_id, decision, recipients, "
                           "attachments, findings_shown, findings_ticked, policy_fingerprint) "
                           "VALUES (?, ?, 'send', '[]', '[]', '[]', '[]', 'none')",
                           (time, review_id))
        db.close()
        for since, expected in (("1970-01-01", ["r-epoch", "r-leap", "r-march"]),
                                ("2024-02-29", ["r-leap", "r-march"]),
                                ("2024-03-01", ["r-march"]), ("2024-03-02", [])):
            with self.subTest(since=since):
                result = run("--audit-export", "--format", "json", "--since", since,
                             "--history", self.db)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual([e["review"] for e in json.loads(result.stdout)], expected)
        for since in ("2026-13-01", "2026-00-10", "2023-02-29", "2026-04-31", "2026-03-01x",
                      " 2026-03-01", "2026-3-1", "2026-03-01T00:00:00Z", "", "+2026-03-01"):
            with self.subTest(since=since):
                result = run("--audit-export", "--since", since, "--history", self.db)
                self.assertEqual(result.returncode, 2, result.stdout)
                self.assertIn("--since needs a date", result.stderr)

    def add_audit_rows(self, count):
        self.learn()
        with sqlite3.connect(self.db) as db:
            db.execute("PRAGMA journal_mode = DELETE")
            db.executemany(
                "INSERT INTO audit_log (time, review_id, decision, recipients, attachments, "
                "findings_shown, findings_ticked, policy_fingerprint) VALUES (?, ?, 'send', "
                "'[\"alice@client.example\",\"bob@corp.example\"]', "
                "'[{\"name\":\"quote.pdf\",\"size\":48213}]', '[\"external-recipient\"]', "
                "'[\"external-recipient\"]', '0123456789abcdef')",
                ((1767225600 + n, "r-%d" % n) for n in range(count)))
        db.close()

    # The export once built every entry in memory, and a JSON tree of them: 2.8 GB for a million.
    def test_audit_export_streams_instead_of_holding_the_whole_log(self):
        self.add_audit_rows(100000)
        measure = ("import resource, subprocess, sys\n"
                   "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
                   "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        for export_format in ("json", "csv"):
            with self.subTest(format=export_format):
                result = subprocess.run(
                    [sys.executable, "-c", measure, HOST, "--audit-export", "--format",
                     export_format, "--history", self.db],
                    capture_output=True, text=True, timeout=240)
                returncode, peak_kib = (int(word) for word in result.stdout.split())
                self.assertEqual(returncode, 0, result.stderr)
                self.assertLess(peak_kib, 60 * 1024, "the whole log was held in memory")
        exported = run("--audit-export", "--format", "json", "--history", self.db)
        entries = json.loads(exported.stdout)
        self.assertEqual(len(entries), 100000)
        self.assertEqual(entries[-1]["review"], "r-99999")

    def test_audit_log_damaged_midway_says_the_export_is_incomplete(self):
        self.add_audit_rows(20000)
        with sqlite3.connect(self.db) as db:
            leaves = [row[0] for row in db.execute(
                "SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' "
                "ORDER BY path")]
            page_size = db.execute("PRAGMA page_size").fetchone()[0]
        db.close()
        with open(self.db, "r+b") as f:
            f.seek((leaves[len(leaves) // 2] - 1) * page_size)
            f.write(b"\xff" * page_size)
        result = run("--audit-export", "--history", self.db)
        self.assertEqual(result.returncode, 2)
        self.assertIn("the export stops after", result.stderr)
        self.assertIn("is incomplete", result.stderr)
        rows = result.stdout.splitlines()
        self.assertTrue(rows[0].startswith("time,review"))
        self.assertTrue(1000 < len(rows) < 20000, len(rows))

    def test_audit_export_refuses_an_unknown_format(self):
        result = run("--audit-export", "--format", "xml", "--history", self.db)
        self.assertEqual(result.returncode, 2)
        self.assertIn("csv or json", result.stderr)

    def test_corrupt_history_is_set_aside_and_rebuilt(self):
        with open(self.db, "wb") as file:
            file.write(b"this is not a database" * 400)
        result = run("--learn", SENT_FOLDER, "--history", self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("corrupt", result.stderr)
        self.assertTrue(any(name.startswith("history.sqlite.corrupt-")
                            for name in os.listdir(self.folder.name)))


if __name__ == "__main__":
    unittest.main()
