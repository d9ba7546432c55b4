"""Hostile input against the real sendguard-host over pipes: each test is an attack that once
gave a wrong verdict, lost data or forged the log, and must not again."""

import csv
import io
import json
import os
import sqlite3
import stat
import struct
import subprocess
import tempfile
import time
import unittest

from hostprocess import HOST, HostProcess, request_file


def review(request_id, draft=None, policy=None):
    request = request_file("internal-only.json")
    request["id"] = request_id
    request["draft"].update(draft or {})
    if policy is not None:
        request["policy"] = policy
    return request


class HostileTest(unittest.TestCase):
    display = None  # a review that needs a person then gets "unavailable", never "send"

    def setUp(self):
        self.host = HostProcess(display=self.display)

    def tearDown(self):
        self.host.kill()
        if getattr(self, "first", None):
            self.first.kill()

    def finish(self):
        self.host.close_input()
        self.assertEqual(self.host.wait(), 0, self.host.stderr.decode(errors="replace"))

    def assertNotSent(self, reply):
        self.assertEqual(reply["type"], "error", reply)
        self.assertEqual(reply["code"], "unavailable", reply)


class MalformedPolicyLists(HostileTest):
    # The domain is trusted too, so without its block the mail needs no dialog at all.
    def blocked_review(self, request_id, blocked):
        return review(request_id, {"to": ["x@competitor.example"]},
                      {"internalDomains": ["corp.example"],
                       "trustedDomains": ["competitor.example"], "blockedDomains": blocked})

    def test_bad_entries_or_a_lone_string_keep_the_block(self):
        for n, blocked in enumerate((["competitor.example", None], ["competitor.example", 5],
                                     "competitor.example", [["competitor.example"]],
                                     {"competitor.example": True})):
            with self.subTest(blocked=blocked):
                self.host.send(self.blocked_review("r-%d" % n, blocked))
                self.assertNotSent(self.host.reply())
        self.finish()
        log = self.host.log_text()
        self.assertIn("blockedDomains[1] must be a string; that entry is ignored", log)
        self.assertIn("single string is used as a one-entry list", log)

    def test_internal_mail_still_goes_under_a_bad_list_elsewhere(self):
        self.host.send(review("r-ok", policy={"internalDomains": ["corp.example", "*.corp.example", 7]}))
        self.assertEqual(self.host.reply()["decision"], "send")
        self.finish()


class UserSettingsAgainstTheBlock(HostileTest):
    # A hand-edited settings.json once turned blocked-domain off: mail to the domain IT blocked
    # (and the user trusted) then went out with no dialog at all.
    def test_settings_file_cannot_switch_off_the_blocking_rules(self):
        self.host.write_settings({"trustedDomains": ["competitor.example"],
                                  "rules": {"blocked-domain": {"enabled": False},
                                            "invalid-address": {"enabled": False}}})
        policy = {"internalDomains": ["corp.example"], "blockedDomains": ["competitor.example"]}
        self.host.send(review("r-blocked", {"to": ["x@competitor.example"]}, policy))
        self.assertNotSent(self.host.reply())
        self.host.send(review("r-unreadable", {"to": ["no domain here"]}, policy))
        self.assertNotSent(self.host.reply())
        self.finish()
        self.assertIn("rules.blocked-domain can be set only by your administrator",
                      self.host.log_text())


class AuditExportCsvInjection(HostileTest):
    # Review ids, addresses and attachment names come from the mail; the CSV export once handed
    # them over as they were, and a spreadsheet ran =HYPERLINK(...) as a formula.
    def test_fields_a_spreadsheet_would_run_are_kept_as_text(self):
        hostile = ['=HYPERLINK("http://evil.example/","open")', "+1+1", "-2+3", "@SUM(1)",
                   "\t=1", "\r=1"]
        for n, text in enumerate(hostile):
            request = review(text, {"to": ["%s@client.example" % text.strip() if n == 1
                                           else "x@client.example"],
                                    "attachments": [{"name": text, "size": 1}]})
            self.host.send(request)
            self.assertNotSent(self.host.reply())
        self.finish()
        database = os.path.join(self.host.data_home.name, "sendguard", "history.sqlite")
        export = subprocess.run([HOST, "--audit-export", "--history", database],
                                capture_output=True, timeout=60)  # bytes: keep the \r as it is
        self.assertEqual(export.returncode, 0, export.stderr)
        text = export.stdout.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        self.assertEqual(len(rows), 1 + len(hostile), text)
        for row in rows[1:]:
            for field in row:
                self.assertNotIn(field[:1], ("=", "+", "-", "@", "\t", "\r"), row)
        self.assertEqual([row[1] for row in rows[1:]], ["'" + text for text in hostile])
        self.assertEqual(rows[1][4], "'" + hostile[0] + ":1")
        self.assertTrue(rows[2][3].startswith("'+1+1@client.example"), rows[2])


class SettingsFileIsAFifo(HostileTest):
    # The host once blocked for good opening a FIFO put where settings.json belongs: no review
    # and no ping was answered again.
    def test_reviews_and_pings_are_still_answered(self):
        os.makedirs(os.path.dirname(self.host.settings_path()), exist_ok=True)
        os.mkfifo(self.host.settings_path())
        self.host.send(review("r-fifo"))
        self.assertEqual(self.host.reply()["decision"], "send")
        self.host.send({"type": "ping", "id": "p-fifo"})
        self.assertEqual(self.host.reply()["type"], "pong")
        self.finish()
        self.assertIn("is not a regular file", self.host.log_text())


class DataFilesAreFifos(HostileTest):
    # A FIFO where the log or the history belongs once hung the host at its start, before it
    # answered anything: opening a FIFO to write waits for a reader, SQLite's first read for a
    # writer.
    def setUp(self):
        self.data_home = tempfile.TemporaryDirectory(prefix="sendguard-host-test-")
        os.makedirs(os.path.join(self.data_home.name, "sendguard"))
        self.host = None

    def tearDown(self):
        if self.host:
            self.host.kill()
        self.data_home.cleanup()

    def start_with_fifo(self, name):
        path = os.path.join(self.data_home.name, "sendguard", name)
        os.mkfifo(path)
        self.host = HostProcess(display=self.display, data_home=self.data_home)
        return path

    def test_log_file_fifo(self):
        path = self.start_with_fifo("sendguard.log")
        self.host.send({"type": "ping", "id": "p-log"})
        self.assertEqual(self.host.reply()["type"], "pong")
        self.host.send(review("r-log"))
        self.assertEqual(self.host.reply()["decision"], "send")
        self.finish()
        self.assertIn(b"sendguard.host", self.host.stderr)  # the log went to stderr instead
        self.assertTrue(stat.S_ISFIFO(os.stat(path).st_mode))

    def test_history_file_fifo(self):
        path = self.start_with_fifo("history.sqlite")
        self.host.send({"type": "ping", "id": "p-history"})
        self.assertEqual(self.host.reply()["type"], "pong")
        self.host.send(review("r-history"))
        verdict = self.host.reply()
        self.assertEqual(verdict["decision"], "send")
        self.assertTrue(verdict["historyUnavailable"])
        self.finish()
        self.assertIn("is not a regular file", self.host.log_text())
        self.assertTrue(stat.S_ISFIFO(os.stat(path).st_mode))
        export = subprocess.run([HOST, "--audit-export", "--history", path],
                                capture_output=True, text=True, timeout=20)
        self.assertEqual(export.returncode, 2)
        self.assertIn("is not a regular file", export.stderr)


class AutoBcc(HostileTest):
    def test_blocked_auto_bcc_is_not_added_silently(self):
        self.host.send(review("r-bcc", {"to": ["x@client.example"]},
                              {"internalDomains": ["corp.example", "*.corp.example"],
                               "trustedDomains": ["client.example"],
                               "blockedDomains": ["competitor.example"],
                               "autoBcc": ["not an address", "spy@competitor.example"]}))
        self.assertNotSent(self.host.reply())
        self.finish()
        self.assertIn("autoBcc[0] is not a readable address", self.host.log_text())


def peak_memory_kib(process):
    with open("/proc/%d/status" % process.pid) as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


class BigFrames(HostileTest):
    def test_frame_of_tiny_values_is_refused_fast_and_pings_still_answered(self):
        inner = b"{}," * (7 * 1024 * 1024 // 3)
        payload = b'{"type":"review","id":"r-big","draft":{"to":[' + inner + b'0]}}'
        self.host.send_raw(struct.pack("=I", len(payload)) + payload)
        started = time.monotonic()
        self.host.send({"type": "ping", "id": "p-after"})
        reply = self.host.reply(timeout=60)
        self.assertEqual(reply["type"], "error", reply)
        self.assertIn("JSON values", reply["message"])
        self.assertEqual(self.host.reply(timeout=60)["type"], "pong")
        self.assertLess(time.monotonic() - started, 3.0)
        self.assertLess(peak_memory_kib(self.host.proc), 200 * 1024)
        self.finish()

    def test_frame_over_eight_mebibytes_is_refused(self):
        self.host.send_raw(struct.pack("=I", 8 * 1024 * 1024 + 1) + b"x" * (8 * 1024 * 1024 + 1))
        reply = self.host.reply(timeout=30)
        self.assertEqual(reply["code"], "frame-too-large", reply)
        self.assertIn("8388608", reply["message"])
        self.finish()


class HistoryLockedAtStart(HostileTest):
    def test_a_passing_lock_costs_one_review_not_the_session(self):
        self.host.send(review("r-seed"))
        self.assertEqual(self.host.reply()["decision"], "send")
        self.finish()
        database = os.path.join(self.host.data_home.name, "sendguard", "history.sqlite")
        locker = sqlite3.connect(database, isolation_level=None)
        locker.execute("PRAGMA locking_mode=EXCLUSIVE")
        locker.execute("BEGIN EXCLUSIVE")
        locker.execute("DELETE FROM audit_log WHERE 0")
        self.first = self.host  # owns the shared folders: killed last, in tearDown
        self.host = HostProcess(display=self.display, data_from=self.first)
        self.host.send(review("r-locked"))
        locked = self.host.reply()
        self.assertEqual(locked["decision"], "send")
        self.assertTrue(locked.get("historyUnavailable"), locked)
        locker.execute("ROLLBACK")
        locker.close()
        for n in range(2):
            self.host.send(review("r-after-%d" % n))
            self.assertNotIn("historyUnavailable", self.host.reply())
        self.finish()
        log = self.host.log_text()
        self.assertIn("audit log entry for review r-locked ( send ) lost", log)
        with sqlite3.connect(database) as check:
            ids = [row[0] for row in check.execute("SELECT review_id FROM audit_log")]
        self.assertIn("r-after-0", ids)
        self.assertIn("r-after-1", ids)
        self.assertNotIn("r-locked", ids)


class LogForgery(HostileTest):
    def test_newlines_and_escapes_in_request_text_cannot_forge_log_lines(self):
        forged = "2026-12-04T00:00:00.000Z I sendguard.host: review r9 -> send, no dialog needed"
        self.host.send(review("r1\n" + forged))
        self.assertEqual(self.host.reply()["decision"], "send")
        self.host.send({"type": "sent", "id": "x\r\n" + forged + "\x1b]0;owned\x07\u202e"})
        self.host.send({"type": "ping", "id": "p"})
        self.host.reply()
        self.finish()
        lines = self.host.log_text().splitlines()
        self.assertFalse([line for line in lines if line.startswith("2026-12-04T00:00")])
        self.assertTrue([line for line in lines if "r1\\n2026-12-04T00:00" in line])
        self.assertTrue([line for line in lines if "\\x1b]0;owned\\x07\\u202e" in line])
        self.assertNotIn("\x1b", self.host.log_text())


class CheckTextOutput(unittest.TestCase):
    def test_control_characters_from_the_draft_are_shown_escaped(self):
        hostile = "Eve\x1b]0;owned\x07\u202e\x9b\nblocked: no"
        request = review("r-cli", {"to": ['"%s" <eve@client.example>' % hostile]})
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "request.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(request, f)
            env = dict(os.environ, XDG_DATA_HOME=folder, XDG_CONFIG_HOME=folder)
            result = subprocess.run([HOST, "--check", path], capture_output=True, text=True,
                                    env=env, timeout=60)
        for raw in ("\x1b", "\x07", "\u202e", "\x9b", "\nblocked: no"):
            self.assertNotIn(raw, result.stdout)
        self.assertIn("Eve\\x1b]0;owned\\x07\\u202e\\x9b\\nblocked: no", result.stdout)


class HistoryDamagedMidFile(HostileTest):
    def test_damage_past_the_first_pages_is_set_aside_and_rebuilt(self):
        for n in range(3):
            self.host.send(review("r-seed-%d" % n))
            self.host.reply()
        self.finish()
        folder = os.path.join(self.host.data_home.name, "sendguard")
        database = os.path.join(folder, "history.sqlite")
        with sqlite3.connect(database) as db:
            page = db.execute(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'").fetchone()[0]
            page_size = db.execute("PRAGMA page_size").fetchone()[0]
        with open(database, "r+b") as f:
            f.seek((page - 1) * page_size)
            f.write(b"\xff" * page_size)
        env = dict(os.environ, XDG_DATA_HOME=self.host.data_home.name)
        export = subprocess.run([HOST, "--audit-export", "--history", database],
                                capture_output=True, text=True, env=env, timeout=60)
        self.assertNotEqual(export.returncode, 0)
        self.assertIn("audit log in this file is damaged", export.stderr)
        self.first = self.host
        self.host = HostProcess(display=self.display, data_from=self.first)
        self.host.send(review("r-damaged"))
        self.assertEqual(self.host.reply()["decision"], "send")
        self.host.send(review("r-next"))
        self.assertNotIn("historyUnavailable", self.host.reply())
        self.finish()
        self.assertTrue([name for name in os.listdir(folder) if ".corrupt-" in name])
        self.assertIn("history database is damaged", self.host.log_text())
        with sqlite3.connect(database) as db:
            ids = [row[0] for row in db.execute("SELECT review_id FROM audit_log")]
        self.assertEqual(ids, ["r-damaged", "r-next"])


class DraftWithoutRecipients(HostileTest):
    display = "offscreen"

    def test_draft_naming_nobody_gets_an_error_not_send(self):
        cases = [({}, "no recipients"), ({"to": None, "attachments": None}, "draft.to"),
                 ({"To": ["x@competitor.example"]}, "no recipients"),
                 ({"recipients": ["x@competitor.example"]}, "no recipients"),
                 ({"cc": None}, "draft.cc")]
        for n, (draft, words) in enumerate(cases):
            with self.subTest(draft=draft):
                self.host.send({"type": "review", "id": "r-%d" % n, "protocol": 1,
                                "draft": draft})
                reply = self.host.reply()
                self.assertEqual(reply["type"], "error", reply)
                self.assertEqual(reply["code"], "invalid-request", reply)
                self.assertEqual(reply["id"], "r-%d" % n, reply)
                self.assertIn(words, reply["message"])
        self.finish()


if __name__ == "__main__":
    unittest.main()
