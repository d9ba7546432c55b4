"""One lock, for the whole machine, between the end-to-end runs that use the build tree's host
and the .deb test (tests/deb), which installs SendGuard system-wide for a minute: while it is
installed, Thunderbird finds its native manifest in /usr/lib/mozilla and its add-in in every
profile, so a build-tree run (host-missing above all) would test the installed copy instead.
Build-tree runs share the lock; the .deb test holds it alone from install to removal."""

import fcntl
import os
import time

from .xsession import HarnessError

# Fixed, not $TMPDIR: every run on the machine has to find the same file.
PATH = "/tmp/sendguard-e2e-system.lock"


class SystemLock:
    def __init__(self, exclusive, timeout):
        self.exclusive = exclusive
        self.timeout = timeout
        self.fd = None

    def __enter__(self):
        try:
            self.fd = os.open(PATH, os.O_RDWR | os.O_CREAT, 0o666)
        except PermissionError:  # made by another user: flock works on a read-only descriptor
            self.fd = os.open(PATH, os.O_RDONLY)
        mode = fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + self.timeout
        said = False
        while True:
            try:
                fcntl.flock(self.fd, mode | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(self.fd)
                    raise HarnessError(
                        "waited %.0f s for %s: %s" % (self.timeout, PATH, "other end-to-end runs "
                        "are going on" if self.exclusive else "the .deb test has SendGuard "
                        "installed system-wide"))
                if not said:
                    print("waiting for %s (%s)" % (PATH, "end-to-end runs still going on"
                          if self.exclusive else "the .deb test is running"))
                    said = True
                time.sleep(0.5)

    def __exit__(self, *error):
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
        return False
