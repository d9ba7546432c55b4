"""A local SMTP sink: accepts every message on 127.0.0.1 and keeps it.

Each message is written as msgN.eml, and one JSON line {mail_from, rcpt_tos, file} is appended to
sink.log in the same folder. Nothing is relayed anywhere.

As a program (used by scripts/demo):
    /usr/bin/python3 -m harness.sink DIR [--port-file FILE]
prints "listening on 127.0.0.1:PORT" and serves until SIGTERM or SIGINT;
    /usr/bin/python3 -m harness.sink --summary DIR
prints what the sink in DIR received.
"""

import argparse
import email
import email.policy
import json
import os
import signal
import socket
import threading

from aiosmtpd.controller import Controller

LOOPBACK = "127.0.0.1"


def free_loopback_port():
    """A TCP port that was free on 127.0.0.1 a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, folder):
        self.folder = folder
        self.lock = threading.Lock()
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = "msg%d.eml" % self.count
            path = os.path.join(self.folder, name)
            with open(path, "wb") as out:
                out.write(envelope.original_content or envelope.content)
            record = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos),
                      "file": name}
            with open(os.path.join(self.folder, "sink.log"), "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")
        return "250 OK"


class Sink:
    """An aiosmtpd Controller bound to 127.0.0.1 on a free port."""

    def __init__(self, folder, port=None):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)
        self.port = port or free_loopback_port()
        self._controller = Controller(_Handler(folder), hostname=LOOPBACK, port=self.port)

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    def messages(self):
        """The records of sink.log, oldest first."""
        path = os.path.join(self.folder, "sink.log")
        if not os.path.exists(path):
            return []
        with open(path, encoding="utf-8") as log:
            return [json.loads(line) for line in log if line.strip()]

    def message_bytes(self, record):
        with open(os.path.join(self.folder, record["file"]), "rb") as eml:
            return eml.read()


def summary(folder):
    """A few lines per received message: envelope, subject, attachments."""
    sink = Sink.__new__(Sink)
    sink.folder = folder
    records = sink.messages()
    lines = ["The local SMTP sink received %d message(s)." % len(records)]
    for record in records:
        message = email.message_from_bytes(sink.message_bytes(record), policy=email.policy.default)
        attachments = ["%s (%d bytes)" % (part.get_filename(), len(part.get_content()))
                       for part in message.iter_attachments()]
        lines += ["  %s" % os.path.join(folder, record["file"]),
                  "    MAIL FROM: %s" % record["mail_from"],
                  "    RCPT TO:   %s" % ", ".join(record["rcpt_tos"]),
                  "    Subject:   %s" % message["Subject"],
                  "    Attachments: %s" % (", ".join(attachments) or "none")]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file", help="write the chosen port here once listening")
    parser.add_argument("--summary", action="store_true", help="print what DIR received; exit")
    args = parser.parse_args()
    if args.summary:
        print(summary(args.folder))
        return
    sink = Sink(args.folder, args.port or None).start()
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as out:
            out.write(str(sink.port))
        os.replace(args.port_file + ".tmp", args.port_file)
    print("listening on %s:%d" % (LOOPBACK, sink.port), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    sink.stop()


if __name__ == "__main__":
    main()
