"""A private X server (Xvfb on a display it picks itself), the X event watcher, and the
xdotool/ImageMagick calls that play the user.
"""

import json
import os
import queue
import re
import select
import subprocess
import threading
import time


class HarnessError(Exception):
    """A wait that ran out or a tool that failed; the message says which."""


def run_tool(argv, env, timeout=10.0, check=True):
    try:
        result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise HarnessError("%s did not finish within %.0f s" % (" ".join(argv), timeout))
    if check and result.returncode != 0:
        raise HarnessError("%s failed (rc %d): %s" % (" ".join(argv), result.returncode,
                                                     result.stderr.strip()))
    return result


def stop_process(process, grace=3.0):
    """SIGTERM, then SIGKILL after the grace period; safe on an exited process."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(grace)


class Xvfb:
    """Xvfb on a free display number, chosen by the server (-displayfd)."""

    def __init__(self, log_path, screen="1280x1024x24"):
        self.log_path = log_path
        self.screen = screen
        self.process = None
        self.display = None

    def start(self, timeout=15.0):
        read_end, write_end = os.pipe()
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", self.screen, "-nolisten",
             "tcp", "-noreset", "+extension", "DAMAGE"],
            stdout=log, stderr=subprocess.STDOUT, pass_fds=(write_end,))
        os.close(write_end)
        number = b""
        deadline = time.monotonic() + timeout
        while not number.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([read_end], [], [], max(remaining, 0))
            if not ready:
                break
            chunk = os.read(read_end, 16)
            if not chunk:
                break
            number += chunk
        os.close(read_end)
        if not number.strip():
            stop_process(self.process)
            raise HarnessError("Xvfb did not report a display within %.0f s (see %s)"
                               % (timeout, self.log_path))
        self.display = ":" + number.decode().strip()
        return self

    def stop(self):
        stop_process(self.process)


class Watcher:
    """sendguard-e2e-xwatch in the background; its JSON lines are collected in order."""

    def __init__(self, binary, env, log_path, patterns):
        self.binary = binary
        self.env = env
        self.log_path = log_path
        self.patterns = patterns
        self.events = []
        self._lock = threading.Condition()
        self.process = None

    def start(self, timeout=10.0):
        if not os.access(self.binary, os.X_OK):
            raise HarnessError("the X watcher %s was not built (it needs libx11-dev and "
                               "libxdamage-dev)" % self.binary)
        self.process = subprocess.Popen([self.binary] + self.patterns, env=self.env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for(lambda e: e["ev"] == "ready", timeout, "the X watcher to start")
        return self

    def _read(self):
        with open(self.log_path, "w", encoding="utf-8") as log:
            for raw in self.process.stdout:
                line = raw.decode("utf-8", "replace")
                log.write(line)
                log.flush()
                try:
                    event = json.loads(line)
                except ValueError:
                    continue
                with self._lock:
                    self.events.append(event)
                    self._lock.notify_all()

    def wait_for(self, predicate, timeout, what, start=0):
        """The first event from index `start` on that satisfies predicate, as (index, event)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for index in range(start, len(self.events)):
                    if predicate(self.events[index]):
                        return index, self.events[index]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise HarnessError("timed out after %.0f s waiting for %s" % (timeout, what))
                self._lock.wait(remaining)

    def wait_until(self, find, timeout, what):
        """find(events) over all events so far, re-run on each new event until it returns
        something other than None."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = find(self.events)
                if found is not None:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise HarnessError("timed out after %.0f s waiting for %s" % (timeout, what))
                self._lock.wait(remaining)

    def mark(self):
        with self._lock:
            return len(self.events)

    def snapshot(self):
        with self._lock:
            return list(self.events)

    def stop(self):
        stop_process(self.process, grace=1.0)


class Desktop:
    """The user's hands and eyes on one display: xdotool, xwininfo, import."""

    def __init__(self, env):
        self.env = env

    def search_name(self, pattern, timeout=10.0):
        """xdotool search --sync --name: the window ids whose title matches the regex."""
        result = run_tool(["xdotool", "search", "--sync", "--onlyvisible", "--name", pattern],
                          self.env, timeout=timeout)
        return [int(w) for w in result.stdout.split()]

    def tree_titles(self):
        """(id, title) of every named window, from xwininfo -root -tree."""
        result = run_tool(["xwininfo", "-root", "-tree"], self.env)
        titles = []
        for match in re.finditer(r'^\s+(0x[0-9a-f]+) "(.*)":', result.stdout, re.M):
            titles.append((int(match.group(1), 16), match.group(2)))
        return titles

    def focus(self, window):
        run_tool(["xdotool", "windowfocus", "--sync", str(window)], self.env)

    def raise_to_top(self, window):
        """There is no window manager: nothing raises a window but us. Thunderbird may put its
        main window over the compose window, where a click would land instead."""
        run_tool(["xdotool", "windowraise", str(window)], self.env)

    def keys(self, *keys, delay_ms=40):
        """Real key events (XTEST) to the focused window, one after another."""
        run_tool(["xdotool", "key", "--delay", str(delay_ms)] + list(keys), self.env)

    def click(self, window, x, y):
        """Moves the pointer into the window and clicks; returns the wall-clock time (s)
        just before xdotool started, so the measured latency includes xdotool's start-up."""
        # Gecko acts on a click only where it has seen the pointer arrive: move, let it
        # settle, then press.
        run_tool(["xdotool", "mousemove", "--window", str(window), str(x), str(y)], self.env)
        time.sleep(0.2)
        started = time.time()
        run_tool(["xdotool", "click", "1"], self.env)
        return started

    def pixels(self, window):
        """The window's content as a binary PPM (raise it first: see screenshot)."""
        result = subprocess.run(["import", "-window", str(window), "-depth", "8", "ppm:-"], env=self.env,
                                capture_output=True, timeout=20)
        if result.returncode != 0:
            raise HarnessError("import -window %s failed: %s" % (window, result.stderr[-300:]))
        return result.stdout

    def screenshot(self, window, path):
        """import -window grabs what is on screen: a covered window comes out black, so the
        window is raised first (there is no window manager to do it)."""
        if window != "root":
            self.raise_to_top(window)
        run_tool(["import", "-window", str(window), path], self.env, timeout=20.0)
        return path
