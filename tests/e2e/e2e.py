#!/usr/bin/python3
"""Runs one SendGuard end-to-end scenario in a real Thunderbird under a private Xvfb.

    /usr/bin/python3 tests/e2e/e2e.py --config BUILD/tests/e2e/e2e-config.json SCENARIO

SCENARIO is one of: internal-only, external-confirm, external-confirm-mouse, external-cancel,
host-missing, mailing-list-expanded, reply-adds-new-domain, cc-exposure, blocked-domain, countdown,
lookalike-domain, history-rules, learn-host-missing, japanese-dialog, japanese-host-missing;
and, on an installed .deb only (tests/deb runs them), installed-confirm and installed-policy.
The config (written by CMake) names the built host, the add-in XPI, the X watcher, Thunderbird,
the add-in id and the native host name, and the folder for each run's artefacts.
Exit status: 0 passed, 1 failed (with the reason and the tails of the logs), 2 bad usage.
"""

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness.scenarios import SCENARIOS, Failure  # noqa: E402
from harness.xsession import HarnessError  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="SendGuard end-to-end scenario")
    parser.add_argument("--config", required=True)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    args = parser.parse_args()
    with open(args.config) as config_file:
        config = json.load(config_file)
    started = time.monotonic()
    try:
        SCENARIOS[args.scenario](config)
    except (Failure, HarnessError) as error:
        print("FAIL %s (%.1f s): %s" % (args.scenario, time.monotonic() - started, error))
        return 1
    print("PASS %s (%.1f s)" % (args.scenario, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
