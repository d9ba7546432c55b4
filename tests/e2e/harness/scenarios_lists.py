"""End-to-end scenarios for address-book mailing lists: the add-in expands a list pill to its
members before the review, so the dialog shows (and the host checks) the real recipients."""

import os
import re

from .scenarios import (World, check_delivered, confirm_by_keyboard, expect, round_result,
                        run_round, sink_after_settle, wait_dialog)
from .widgets import Image, checkbox_centres

LIST_NAME = "Sales Partners"
MEMBERS = [
    {"name": "Alice Example", "email": "alice@client.example"},
    {"name": "Bob Partner", "email": "bob@partner.example"},
]


def host_review_summaries(log_path):
    """The host's info line for each review: (recipients, external, findings)."""
    pattern = re.compile(r"sendguard\.host: review \S+: (\d+) recipients \((\d+) external\), "
                         r"\d+ attachments, (\d+) findings")
    if not os.path.exists(log_path):
        return []
    with open(log_path, encoding="utf-8", errors="replace") as log:
        return [tuple(int(n) for n in match.groups())
                for match in map(pattern.search, log) if match]


def mailing_list_expanded(config):
    """An address-book mailing list with two external members; the draft is To that list. The
    add-in expands the pill, so the real dialog lists both members as external recipients (two
    checkboxes, and the host's review line says 2 recipients, 2 external); the test ticks them
    and sends by keyboard, and the sink's RCPT TO holds both members."""
    with World(config, "mailing-list-expanded") as world:
        draft = {"to": [{"list": LIST_NAME}], "cc": [], "bcc": [],
                 "subject": "Price list 2027",
                 "body": "Dear partners,\n\nthe new prices apply from January.\n",
                 "attachments": []}
        world.launch({"mode": "test", "draft": draft,
                      "addressBook": {"lists": [{"name": LIST_NAME, "members": MEMBERS}]},
                      "rounds": [{"trigger": "api", "pauseMs": 1500}],
                      "checkComposeAfterCancel": False})
        sent = run_round(world, 0)
        window, _, _ = wait_dialog(world, sent - 0.001)

        summaries = host_review_summaries(world.profile.host_log)
        expect(summaries and summaries[-1][:2] == (2, 2),
               "the host should review the list's 2 members, both external; it logged %s"
               % summaries)
        world.desktop.raise_to_top(window)
        boxes = checkbox_centres(Image(world.desktop.pixels(window)))
        expect(len(boxes) == 2, "expected a checkbox per list member, found %s" % boxes)
        confirm_by_keyboard(world, window, boxes=2,
                            screenshot=os.path.join(world.out, "dialog-ticked.png"))
        result = round_result(world, 0)
        expect(result["verdict"] == "sent", "the confirmed mail was not sent: %s" % result)
        world.finish()
        messages = sink_after_settle(world, 1)
        expect(len(messages) == 1, "the sink got %d messages, expected 1" % len(messages))
        check_delivered(world, messages[0], sorted(m["email"] for m in MEMBERS))
        print("list %r expanded to %s; dialog: %s" % (LIST_NAME, [m["email"] for m in MEMBERS],
                                                     os.path.join(world.out,
                                                                  "dialog-ticked.png")))


SCENARIOS = {
    "mailing-list-expanded": mailing_list_expanded,
}
