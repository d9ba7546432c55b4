"""End-to-end scenarios for what the add-in reads besides the compose details: address-book
mailing lists, which it expands to their members before the review so that the dialog shows
(and the host checks) the real recipients; and the original message of a reply, which the
host's new-domain-in-reply rule compares the recipients with."""

import os
import re

from .scenarios import (World, check_delivered, confirm_by_keyboard, expect, round_result,
                        run_round, sink_after_settle, tabs_between_boxes, wait_dialog)
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
        confirm_by_keyboard(world, window, boxes=2, tabs_after=tabs_between_boxes(0, [1, 1]),
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


ORIGINAL_EML = (
    "From: Alice Example <alice@client.example>\r\n"
    "To: Test Sender <sender@corp.example>\r\n"
    "Subject: Quote for March\r\n"
    "Date: Tue, 01 Dec 2026 09:30:00 +0900\r\n"
    "Message-ID: <quote-march-1@client.example>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=UTF-8\r\n"
    "\r\n"
    "Could you send me the quote for March?\r\n"
)


def add_in_rules(world):
    """The rule ids the add-in logged for its reviews ("review r-1: send (rules: a, b)")."""
    with open(world.thunderbird.stdout_path, encoding="utf-8", errors="replace") as out:
        return [match.group(1).split(", ") for match in
                (re.search(r"SendGuard info: review \S+: \w+ \(rules: ([^)]*)\)", line)
                 for line in out) if match]


def reply_adds_new_domain(config):
    """A reply to Alice's message (imported into the Inbox by the driver) that also goes to
    Carol at a company that was not on Alice's mail. The add-in reads the original through
    relatedMessageId, so the host's new-domain-in-reply fires: the add-in logs the rule ids
    of the verdict. Every box is ticked by keyboard; the sink gets both recipients."""
    with World(config, "reply-adds-new-domain") as world:
        draft = {"to": ["Alice Example <alice@client.example>"],
                 "cc": ["Carol Rival <carol@third-company.example>"], "bcc": [],
                 "subject": "Re: Quote for March", "body": "", "attachments": []}
        world.launch({"mode": "test", "draft": draft,
                      "replyTo": {"eml": ORIGINAL_EML, "replyType": "replyToAll"},
                      "rounds": [{"trigger": "api", "pauseMs": 1500}],
                      "checkComposeAfterCancel": False})
        reply = world.thunderbird.wait_report("REPLY", 10.0, "the driver's reply details")
        expect(reply.get("type") == "reply" and reply.get("relatedMessageId"),
               "the driver's draft is no reply to the imported message: %s" % reply)
        sent = run_round(world, 0)
        window, _, _ = wait_dialog(world, sent - 0.001)
        world.desktop.raise_to_top(window)
        boxes = checkbox_centres(Image(world.desktop.pixels(window)))
        # Two external recipients and the warning, at least; other rules may add their own.
        expect(len(boxes) >= 3, "expected a box per recipient and one for the warning, found %s"
               % boxes)
        # The warnings at the top, then Alice at client.example and Carol at
        # third-company.example, each under her own domain.
        confirm_by_keyboard(world, window, boxes=len(boxes),
                            tabs_after=tabs_between_boxes(len(boxes) - 2, [1, 1]),
                            screenshot=os.path.join(world.out, "dialog-ticked.png"))
        result = round_result(world, 0)
        expect(result["verdict"] == "sent", "the confirmed reply was not sent: %s" % result)
        world.finish()
        rules = add_in_rules(world)
        expect(rules and "new-domain-in-reply" in rules[-1],
               "new-domain-in-reply did not fire; the add-in logged %s" % rules)
        messages = sink_after_settle(world, 1)
        expect(len(messages) == 1, "the sink got %d messages, expected 1" % len(messages))
        check_delivered(world, messages[0],
                        ["alice@client.example", "carol@third-company.example"])
        print("reply: rules %s; dialog: %s" % (rules[-1],
                                               os.path.join(world.out, "dialog-ticked.png")))


SCENARIOS = {
    "mailing-list-expanded": mailing_list_expanded,
    "reply-adds-new-domain": reply_adds_new_domain,
}
