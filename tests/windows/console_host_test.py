#!/usr/bin/env python3
"""The console sendguard-host.exe under wine, as Thunderbird would talk to it.

Usage: console_host_test.py DRAFT_JSON EMULATOR... HOST_EXE

Checks that --version and --help work, that serve mode answers a framed ping with a pong,
answers a real review request (DRAFT_JSON, from tests/data) with an error instead of a verdict
(the console build has no checks, and must never let a draft through unchecked), rejects
malformed JSON and a truncated frame, and reads a frame whose length prefix holds the bytes
0D 0A (text-mode stdio would turn them into a newline and lose the frame).
"""
import json
import struct
import subprocess
import sys


def frame(payload: bytes) -> bytes:
    return struct.pack("<I", len(payload)) + payload


def read_frames(data: bytes):
    frames = []
    while data:
        if len(data) < 4:
            raise AssertionError(f"trailing {len(data)} bytes after the last frame")
        (length,) = struct.unpack("<I", data[:4])
        if len(data) < 4 + length:
            raise AssertionError(f"frame of {length} bytes cut after {len(data) - 4}")
        frames.append(json.loads(data[4 : 4 + length].decode("utf-8")))
        data = data[4 + length :]
    return frames


def ping_of_length(length: int) -> bytes:
    """A ping whose JSON is exactly `length` bytes, padded with spaces inside the object."""
    head = b'{"type":"ping","id":"crlf"'
    return head + b" " * (length - len(head) - 1) + b"}"


def main() -> int:
    draft_path, command = sys.argv[1], sys.argv[2:]
    failures = []

    def expect(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    version = subprocess.run(command + ["--version"], capture_output=True, timeout=120)
    expect(version.returncode == 0, "--version exits 0")
    expect(b"console build" in version.stdout, "--version says it is the console build")
    usage = subprocess.run(command + ["--bogus"], capture_output=True, timeout=120)
    expect(usage.returncode == 2, "an unknown argument exits 2 with usage")

    with open(draft_path, "rb") as draft_file:
        review = json.loads(draft_file.read())
    review["id"] = "review-1"
    crlf_ping = ping_of_length(0x0A0D)
    stdin = b"".join(
        [
            frame(b'{"type":"ping","id":"p-1"}'),
            frame(crlf_ping),
            frame(json.dumps(review, ensure_ascii=False).encode("utf-8")),
            frame(b"{not json"),
            struct.pack("<I", 100) + b'{"type":"ping"',  # truncated at end of input
        ]
    )
    served = subprocess.run(
        command + ["--serve"], input=stdin, capture_output=True, timeout=120
    )
    expect(served.returncode == 0, f"serve mode exits 0 at end of input ({served.returncode})")
    try:
        replies = read_frames(served.stdout)
    except (AssertionError, ValueError) as error:
        expect(False, f"stdout holds only well-formed frames ({error})")
        replies = []
    expect(len(replies) == 5, f"five replies for five frames ({len(replies)})")
    if len(replies) == 5:
        pong, crlf_pong, refused, malformed, truncated = replies
        expect(pong.get("type") == "pong" and pong.get("id") == "p-1", "ping -> pong")
        expect("version" in pong and "protocol" in pong, "pong carries versions")
        expect(
            crlf_pong.get("type") == "pong" and crlf_pong.get("id") == "crlf",
            "a frame of length 0x0A0D survives (binary stdio)",
        )
        expect(
            refused.get("type") == "error"
            and refused.get("id") == "review-1"
            and refused.get("code") == "unavailable",
            f"a review is refused with an error, not a verdict ({refused})",
        )
        expect(
            malformed.get("type") == "error" and malformed.get("code") == "malformed-json",
            f"malformed JSON -> malformed-json ({malformed.get('code')})",
        )
        expect(
            truncated.get("type") == "error" and truncated.get("code") == "malformed-frame",
            f"truncated frame -> malformed-frame ({truncated.get('code')})",
        )
    expect(b"BLOCKED-BODY-MARKER" not in served.stderr, "the body never reaches the log")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
