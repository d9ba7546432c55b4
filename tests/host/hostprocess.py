"""Runs the real sendguard-host as a child process and speaks native messaging frames to it."""

import json
import os
import queue
import struct
import subprocess
import tempfile
import threading
import time

HOST = os.environ.get("SENDGUARD_HOST", "")
DATA = os.environ.get("SENDGUARD_TEST_DATA", "")
MANIFEST = "/tmp/org.sendguard.host.json"  # Thunderbird passes the manifest path; never read
ADDON_ID = "sendguard@sendguard.org"


def frame(payload: bytes) -> bytes:
    return struct.pack("=I", len(payload)) + payload


def message(obj) -> bytes:
    return frame(json.dumps(obj).encode("utf-8"))


def request_file(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


class HostProcess:
    """One host in serve mode. `display`: "offscreen" sets QT_QPA_PLATFORM=offscreen, an X
    display such as ":5" sets DISPLAY, None leaves every display variable unset (the host then
    has no dialogs)."""

    def __init__(self, display="offscreen", args=None, log_level="debug", data_home=None,
                 data_from=None):
        # `data_home`: another host's data folder, to start on what it left; `data_from`: an
        # earlier HostProcess whose data and config folders this one shares. Either is cleaned
        # up with its owner, not with this host.
        if data_from is not None:
            data_home = data_from.data_home
        self.data_home = data_home or tempfile.TemporaryDirectory(prefix="sendguard-host-test-")
        self.owns_data_home = data_home is None
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        env["XDG_DATA_HOME"] = self.data_home.name
        # The user's settings live here (settings.json), never in the real ~/.config.
        self.config_home = os.path.join(self.data_home.name, "config")
        env["XDG_CONFIG_HOME"] = self.config_home
        env["SENDGUARD_LOG_LEVEL"] = log_level
        if display and display.startswith(":"):
            env["DISPLAY"] = display
        elif display:
            env["QT_QPA_PLATFORM"] = display
        self.proc = subprocess.Popen([HOST] + (args or [MANIFEST, ADDON_ID]),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.replies = queue.Queue()
        self.stdout = bytearray()
        self.stderr = b""
        self.leftover = b""
        self._reader = threading.Thread(target=self._read_frames, daemon=True)
        self._reader.start()
        self._errors = threading.Thread(target=self._read_stderr, daemon=True)
        self._errors.start()

    # Parses the whole stdout stream as frames; whatever is not a frame ends up in `leftover`.
    def _read_frames(self):
        buffer = b""
        while True:
            chunk = self.proc.stdout.read1(65536)
            if not chunk:
                break
            self.stdout += chunk
            buffer += chunk
            while len(buffer) >= 4:
                (length,) = struct.unpack("=I", buffer[:4])
                if len(buffer) < 4 + length:
                    break
                payload = buffer[4:4 + length]
                buffer = buffer[4 + length:]
                try:
                    self.replies.put(json.loads(payload.decode("utf-8")))
                except ValueError:
                    self.replies.put({"unparseable": payload.decode("utf-8", "replace")})
        self.leftover = buffer

    def _read_stderr(self):
        self.stderr = self.proc.stderr.read()

    def send(self, obj):
        self.send_raw(message(obj))

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def reply(self, timeout=10.0):
        return self.replies.get(timeout=timeout)

    def no_reply_within(self, seconds):
        try:
            got = self.replies.get(timeout=seconds)
        except queue.Empty:
            return None
        return got

    def close_input(self):
        self.proc.stdin.close()

    def wait(self, timeout=20.0):
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        self._errors.join(timeout=5)
        return code

    def remaining_replies(self):
        out = []
        while not self.replies.empty():
            out.append(self.replies.get_nowait())
        return out

    def log_text(self):
        path = os.path.join(self.data_home.name, "sendguard", "sendguard.log")
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def settings_path(self):
        return os.path.join(self.config_home, "sendguard", "settings.json")

    def write_settings(self, layer):
        os.makedirs(os.path.dirname(self.settings_path()), exist_ok=True)
        with open(self.settings_path(), "w", encoding="utf-8") as f:
            json.dump(layer, f)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=5)
        self._errors.join(timeout=5)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except OSError:
                pass  # stdin may be closed already, with unflushed bytes to a dead host
        if self.owns_data_home:
            self.data_home.cleanup()


def wait_until(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
