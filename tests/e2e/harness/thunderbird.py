"""Thunderbird started on a profile, with the driver's "E2E {json}" reports read from stdout."""

import collections
import json
import os
import subprocess
import threading
import time

from .xsession import HarnessError, stop_process

MARKER = "E2E {"


def parse_report(line):
    """The driver's report in a stdout line, or None.

    With devtools.console.stdout.content the line reads: console.log: "E2E {...}" where the
    quoted part is a JS-style string literal; the driver escapes non-ASCII so that it is JSON.
    """
    at = line.find('console.log: "')
    if at < 0 or MARKER not in line:
        return None
    try:
        text = json.loads(line[at + len("console.log: "):].strip())
        return json.loads(text[len("E2E "):])
    except ValueError:
        return None


class Thunderbird:
    def __init__(self, binary, profile_dir, env, stdout_path):
        self.binary = binary
        self.profile_dir = profile_dir
        self.env = env
        self.stdout_path = stdout_path
        self.process = None
        self.reports = []
        self.tail = collections.deque(maxlen=60)
        self._lock = threading.Condition()

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--profile", self.profile_dir, "--no-remote"], env=self.env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def _read(self):
        with open(self.stdout_path, "w", encoding="utf-8") as log:
            for raw in self.process.stdout:
                line = raw.decode("utf-8", "replace")
                log.write(line)
                log.flush()
                report = parse_report(line)
                with self._lock:
                    self.tail.append(line.rstrip("\n"))
                    if report is not None:
                        report["received"] = time.time()
                        self.reports.append(report)
                    self._lock.notify_all()
        with self._lock:
            self._lock.notify_all()

    def wait_report(self, ev, timeout, what=None, round_index=None):
        """The first report named ev (for round_index, when given); fails on a driver FAILED
        report, on Thunderbird exiting, or when the time runs out."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for report in self.reports:
                    if report["ev"] == "FAILED":
                        raise HarnessError("the driver failed: %s" % report["data"].get("error"))
                    data = report.get("data") or {}
                    if report["ev"] == ev and (round_index is None
                                               or data.get("round") == round_index):
                        return data
                if self.process.poll() is not None:
                    raise HarnessError("Thunderbird exited (rc %s) before %s"
                                       % (self.process.returncode, what or ev))
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise HarnessError("timed out after %.0f s waiting for %s"
                                       % (timeout, what or ev))
                self._lock.wait(min(remaining, 0.5))

    def has_report(self, ev, round_index=None):
        with self._lock:
            return any(r["ev"] == ev and (round_index is None
                                          or (r.get("data") or {}).get("round") == round_index)
                       for r in self.reports)

    def wait_exit(self, timeout):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise HarnessError("Thunderbird did not exit within %.0f s after the driver "
                               "closed its windows" % timeout)

    def stdout_tail(self, lines=40):
        with self._lock:
            return "\n".join(list(self.tail)[-lines:])

    def stop(self):
        stop_process(self.process)
