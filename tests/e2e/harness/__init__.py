"""SendGuard end-to-end harness: a real Thunderbird under Xvfb, the real host, add-in and dialog.

Run with Debian's /usr/bin/python3 (it has aiosmtpd). Entry point: tests/e2e/e2e.py.
"""
