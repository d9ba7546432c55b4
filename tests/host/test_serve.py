"""Serve mode of the real sendguard-host: frames in, frames out, over pipes."""

import os
import struct
import subprocess
import tempfile
import unittest

from hostprocess import HOST, HostProcess, frame, message, request_file

MAX_REQUEST_BYTES = 8 * 1024 * 1024


def review(name, request_id):
    request = request_file(name)
    request["id"] = request_id
    return request


class ServeTest(unittest.TestCase):
    display = "offscreen"

    def setUp(self):
        self.host = HostProcess(display=self.display)

    def tearDown(self):
        self.host.kill()

    # Closes stdin, expects exit 0 and a stdout that held nothing but whole frames.
    def finish(self):
        self.host.close_input()
        self.assertEqual(self.host.wait(), 0, self.host.stderr.decode(errors="replace"))
        self.assertEqual(self.host.leftover, b"", "stdout held bytes that are not a frame")
        return self.host.remaining_replies()

    def assertError(self, reply, code, request_id=""):
        self.assertEqual(reply["type"], "error", reply)
        self.assertEqual(reply["code"], code, reply)
        self.assertEqual(reply["id"], request_id, reply)
        self.assertTrue(reply["message"], reply)

    def assertPong(self, reply, request_id):
        self.assertEqual(reply, {"type": "pong", "id": request_id, "protocol": 1,
                                 "version": reply.get("version")})
        self.assertRegex(reply["version"], r"^\d+\.\d+\.\d+$")


class Answers(ServeTest):
    def test_ping_gets_pong(self):
        self.host.send({"type": "ping", "id": "p-1"})
        self.assertPong(self.host.reply(), "p-1")
        self.assertEqual(self.finish(), [])

    def test_serve_flag_starts_serve_mode(self):
        self.host.kill()
        self.host = HostProcess(args=["--serve"])
        self.host.send({"type": "ping", "id": "p-serve"})
        self.assertPong(self.host.reply(), "p-serve")
        self.finish()

    def test_internal_only_review_is_sent_at_once(self):
        self.host.send(review("internal-only.json", "r-1"))
        verdict = self.host.reply()
        self.assertEqual(verdict["type"], "verdict")
        self.assertEqual(verdict["id"], "r-1")
        self.assertEqual(verdict["decision"], "send")
        self.assertEqual(verdict["findings"], [])
        self.assertFalse(verdict["blocked"])
        self.assertFalse(verdict["needsConfirmation"])
        self.assertNotIn("truncated", verdict)
        self.finish()

    def test_reviews_arriving_together_are_answered_in_order(self):
        ids = ["r-%d" % i for i in range(8)]
        batch = b"".join(message(review("internal-only.json", i)) for i in ids)
        self.host.send_raw(batch + message({"type": "ping", "id": "p-after"}))
        got = [self.host.reply()["id"] for _ in range(len(ids) + 1)]
        self.assertEqual(got, ids + ["p-after"])
        self.finish()

    def test_sent_notice_gets_no_reply(self):
        self.host.send(review("internal-only.json", "r-sent"))
        self.assertEqual(self.host.reply()["decision"], "send")
        self.host.send({"type": "sent", "id": "r-sent"})
        self.host.send({"type": "ping", "id": "p-1"})
        self.assertPong(self.host.reply(), "p-1")
        self.assertEqual(self.finish(), [])

    def test_empty_learn_batch_learns_nothing(self):
        self.host.send({"type": "learn", "id": "l-1", "messages": []})
        self.assertEqual(self.host.reply(),
                         {"type": "learned", "id": "l-1", "learned": 0, "skipped": 0})
        self.finish()

    def test_end_of_input_exits_zero(self):
        self.assertEqual(self.finish(), [])


class BadInput(ServeTest):
    def assertStillServing(self):
        self.host.send({"type": "ping", "id": "p-still"})
        self.assertPong(self.host.reply(), "p-still")

    def test_invalid_json_gets_error_and_host_keeps_serving(self):
        self.host.send_raw(frame(b'{"type": "ping", "id": '))
        self.assertError(self.host.reply(), "malformed-json")
        self.assertStillServing()
        self.finish()

    def test_invalid_utf8_frame_gets_error_and_host_keeps_serving(self):
        self.host.send_raw(frame(b'{"type":"ping","id":"\xff\xfe"}'))
        self.assertError(self.host.reply(), "malformed-json")
        self.assertStillServing()
        self.finish()

    def test_zero_length_frame_gets_error(self):
        self.host.send_raw(frame(b""))
        self.assertError(self.host.reply(), "malformed-json")
        self.assertStillServing()
        self.finish()

    def test_oversized_frame_is_skipped_with_one_error(self):
        length = MAX_REQUEST_BYTES + 1
        self.host.send_raw(struct.pack("=I", length))
        chunk = b"x" * (1024 * 1024)
        for _ in range(length // len(chunk)):
            self.host.send_raw(chunk)
        self.host.send_raw(b"x" * (length % len(chunk)))
        reply = self.host.reply(timeout=30)
        self.assertError(reply, "frame-too-large")
        self.assertStillServing()
        self.assertEqual(self.finish(), [])

    def test_wrong_member_type_names_the_member(self):
        self.host.send(request_file("recipient-not-a-string.json"))
        reply = self.host.reply()
        self.assertError(reply, "invalid-request", "r-wrong-type")
        self.assertIn("draft.to[2]", reply["message"])
        self.assertStillServing()
        self.finish()

    def test_truncated_frame_at_end_of_input_is_reported(self):
        self.host.send_raw(struct.pack("=I", 100) + b'{"type":')
        replies = self.finish()
        self.assertEqual(len(replies), 1, replies)
        self.assertError(replies[0], "malformed-frame")

    def test_truncated_prefix_at_end_of_input_is_reported(self):
        self.host.send_raw(b"\x05\x00")
        replies = self.finish()
        self.assertEqual(len(replies), 1, replies)
        self.assertError(replies[0], "malformed-frame")


class Dialog(ServeTest):
    def test_review_waits_for_dialog_while_pings_are_answered(self):
        self.host.send(review("external-recipient-with-attachment.json", "r-dialog"))
        self.host.send({"type": "ping", "id": "p-during"})
        self.assertPong(self.host.reply(), "p-during")
        # Queued behind the open dialog: no answer yet.
        self.host.send(review("internal-only.json", "r-queued"))
        self.assertIsNone(self.host.no_reply_within(1.0))
        self.host.send({"type": "ping", "id": "p-again"})
        self.assertPong(self.host.reply(), "p-again")
        # End of input closes the dialog unanswered; queued work that needs no dialog finishes.
        replies = self.finish()
        self.assertEqual([(r["id"], r.get("decision")) for r in replies], [("r-queued", "send")])

    def test_blocked_review_waits_for_dialog_too(self):
        self.host.send(review("blocked-domain.json", "r-blocked"))
        self.assertIsNone(self.host.no_reply_within(1.0))
        self.assertEqual(self.finish(), [])


class NoDisplay(ServeTest):
    display = None

    def test_review_needing_dialog_gets_unavailable(self):
        self.host.send(review("external-recipient-with-attachment.json", "r-nodisplay"))
        reply = self.host.reply()
        self.assertError(reply, "unavailable", "r-nodisplay")
        self.assertIn("display", reply["message"])
        self.host.send(review("internal-only.json", "r-internal"))
        self.assertEqual(self.host.reply()["decision"], "send")
        self.finish()


class Logging(ServeTest):
    def test_log_is_written_and_never_holds_bodies_or_addresses(self):
        self.host.send(review("internal-only.json", "r-log-1"))
        self.host.reply()
        self.host.send(review("external-recipient-with-attachment.json", "r-log-2"))
        self.host.send_raw(frame(b"not json"))
        self.finish()
        log = self.host.log_text()
        self.assertIsNotNone(log, "no log file under XDG_DATA_HOME/sendguard")
        self.assertIn("sendguard.host", log)
        self.assertIn("r-log-1", log)
        for secret in ("INTERNAL-BODY-MARKER", "EXTERNAL-BODY-MARKER", "hanako@corp.example",
                       "alice@client.example", "quote.pdf", "Quote for March"):
            self.assertNotIn(secret, log)

    def test_default_level_logs_nothing_below_warning(self):
        self.host.kill()
        self.host = HostProcess(log_level="")
        self.host.send(review("internal-only.json", "r-quiet"))
        self.host.reply()
        self.finish()
        log = self.host.log_text() or ""
        self.assertNotIn(" I sendguard.", log)
        self.assertNotIn(" D sendguard.", log)


class ClosedOutput(unittest.TestCase):
    def test_host_exits_when_stdout_is_closed(self):
        read_end, write_end = os.pipe()
        os.close(read_end)  # nobody will ever read the replies
        with tempfile.TemporaryDirectory() as data_home:
            env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
            env.update(XDG_DATA_HOME=data_home, QT_QPA_PLATFORM="offscreen")
            proc = subprocess.Popen([HOST, "--serve"], stdin=subprocess.PIPE, stdout=write_end,
                                    stderr=subprocess.DEVNULL, env=env)
            os.close(write_end)
            try:
                proc.stdin.write(message({"type": "ping", "id": "p-nobody"}))
                proc.stdin.flush()
                # stdin stays open: the failed write alone must end the host, without SIGPIPE.
                self.assertEqual(proc.wait(timeout=10), 0)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                proc.stdin.close()


if __name__ == "__main__":
    unittest.main()
