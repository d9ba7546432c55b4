"""End-to-end scenarios for who sees the mail: "Move everyone to Bcc" next to the cc-exposure
warning, whose edits the add-in hands back to Thunderbird before the send continues; and a
recipient domain the admin policy blocks, where the dialog offers only Cancel. The admin policy
reaches the add-in as Thunderbird's managed storage, as a deployment sets it."""

import email
import email.policy
import json
import os
import re
import time

from .scenarios import (World, check_compose_usable, expect, round_result, run_round,
                        sink_after_settle, tail_of, wait_closed, wait_dialog)
from .profile import SENDER_ADDRESS
from .widgets import Image, button_boxes, checkbox_centres

ADDON_ID = "sendguard@sendguard.org"

# To and Cc at three outside companies, and a colleague: cc-exposure warns.
EXPOSED = {
    "to": ["Alice Tanaka <alice@one-trading.example>"],
    "cc": ["Bob Suzuki <bob@two-logistics.example>", "Carol Sato <carol@three-bank.example>",
           "Hanako Ito <hanako@corp.example>"],
}
EXPOSED_ADDRESSES = ["alice@one-trading.example", "bob@two-logistics.example",
                     "carol@three-bank.example", "hanako@corp.example"]


def write_managed_policy(world, policy):
    """The admin policy as Thunderbird's managed storage for the add-in, in the scenario HOME
    (the per-user location Thunderbird reads on Linux)."""
    folder = os.path.join(world.profile.home, ".mozilla", "managed-storage")
    os.makedirs(folder, exist_ok=True)
    manifest = {"name": ADDON_ID, "description": "SendGuard policy (e2e test)",
                "type": "storage", "data": policy}
    with open(os.path.join(folder, ADDON_ID + ".json"), "w") as out:
        json.dump(manifest, out, indent=2)


def host_log_lines(world, pattern):
    path = world.profile.host_log
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", errors="replace") as log:
        return [line.rstrip() for line in log if re.search(pattern, line)]


def header_section(raw):
    """The message's header block (up to the first empty line), unfolded, as text."""
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n")
    head = text.split("\n\n", 1)[0]
    return re.sub(r"\n[ \t]+", " ", head)


def cc_exposure(config):
    """To and Cc hold people at three outside companies and a colleague. The real dialog warns
    that they would see each other; the test presses "Move everyone to Bcc" with the keyboard
    (Tab from the warning, Space), ticks each outside recipient and presses Send. The sink's
    RCPT TO holds all four, and no header of the message names any of them: no To or Cc with
    their addresses, no Bcc header."""
    with World(config, "cc-exposure") as world:
        draft = dict(EXPOSED, bcc=[], subject="Kick-off for the joint shipment",
                     body="Dear all,\n\nthank you for joining the kick-off on Friday.\n\nTaro\n",
                     attachments=[])
        world.launch({"mode": "test", "draft": draft,
                      "rounds": [{"trigger": "api", "pauseMs": 1500}],
                      "checkComposeAfterCancel": False})
        sent = run_round(world, 0)
        window, _, _ = wait_dialog(world, sent - 0.001)
        world.desktop.raise_to_top(window)
        world.desktop.screenshot(window, os.path.join(world.out, "dialog.png"))
        boxes = checkbox_centres(Image(world.desktop.pixels(window)))
        expect(len(boxes) == 4, "expected the warning's box and one per outside recipient (4), "
               "found %s" % boxes)

        # Focus starts on the warning's box; the button follows it in the tab order. Pressing
        # it ticks the warning and moves the focus to the first recipient to tick. Each outside
        # company's header has its "Always trust this domain" button before its recipient in
        # the tab order, so from one recipient's box two Tabs reach the next one's, and one Tab
        # from the last box reaches Send.
        world.desktop.focus(window)
        world.desktop.keys("Tab", "space")
        world.desktop.keys("space", "Tab", "Tab", "space", "Tab", "Tab", "space", "Tab")
        world.desktop.screenshot(window, os.path.join(world.out, "dialog-moved-ticked.png"))
        world.desktop.keys("Return")
        wait_closed(world, window)

        result = round_result(world, 0)
        expect(result["verdict"] == "sent", "the confirmed mail was not sent: %s" % result)
        moved = host_log_lines(world, r"review \S+ -> send.*moved to Bcc")
        expect(moved, "the host did not log the move to Bcc; its log ends:\n%s"
               % tail_of(world.profile.host_log))
        world.finish()

        messages = sink_after_settle(world, 1)
        expect(len(messages) == 1, "the sink got %d messages, expected 1" % len(messages))
        record = messages[0]
        expect(sorted(a.lower() for a in record["rcpt_tos"]) == sorted(EXPOSED_ADDRESSES),
               "RCPT TO was %s, expected %s" % (record["rcpt_tos"], sorted(EXPOSED_ADDRESSES)))
        expect(record["mail_from"].lower() == SENDER_ADDRESS,
               "MAIL FROM was %r" % record["mail_from"])
        raw = world.sink.message_bytes(record)
        headers = header_section(raw)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        expect(message["Subject"] == draft["subject"], "Subject was %r" % message["Subject"])
        for address in EXPOSED_ADDRESSES:
            expect(address not in headers.lower(),
                   "%s appears in the headers after the move to Bcc:\n%s" % (address, headers))
        expect(message["Cc"] is None, "a Cc header remained: %r" % message["Cc"])
        expect(message["Bcc"] is None, "a Bcc header went out: %r" % message["Bcc"])
        print("after the move: To: %r, Cc: %r, RCPT TO: %s"
              % (message["To"], message["Cc"], record["rcpt_tos"]))


def blocked_domain(config, name="blocked-domain", policy=None):
    """The admin policy (managed storage) blocks competitor.example. The real dialog says the
    mail cannot be sent and offers only Cancel: no Send button is drawn. Enter (on the focused
    default, Cancel) cancels the first send, Esc the second; nothing reaches the sink and the
    compose window stays usable."""
    with World(config, name) as world:
        write_managed_policy(world, policy or {
            "internalDomains": ["corp.example"],
            "blockedDomains": ["# competitors", "competitor.example"]})
        draft = {"to": ["Mallory Kimura <mallory@competitor.example>"],
                 "cc": ["Hanako Ito <hanako@corp.example>"], "bcc": [],
                 "subject": "Customer list", "body": "Here is the list we talked about.\n",
                 "attachments": [{"name": "customers.csv", "type": "text/csv",
                                  "content": "name,mail\nA,a@shop.example\n"}]}
        world.launch({"mode": "test", "draft": draft,
                      "rounds": [{"trigger": "api", "pauseMs": 1500},
                                 {"trigger": "api", "pauseMs": 700}],
                      "checkComposeAfterCancel": True})

        for index, key in enumerate(("Return", "Escape")):
            sent = run_round(world, index)
            window, _, _ = wait_dialog(world, sent - 0.001)
            world.desktop.raise_to_top(window)
            if index == 0:
                world.desktop.screenshot(window, os.path.join(world.out, "dialog-blocked.png"))
            grey_buttons = button_boxes(Image(world.desktop.pixels(window)))
            expect(not grey_buttons, "a blocked dialog must offer only Cancel (the default, "
                   "framed in blue); found other buttons at %s" % grey_buttons)
            world.desktop.focus(window)
            world.desktop.keys(key)
            wait_closed(world, window)
            result = round_result(world, index)
            expect(result["verdict"] == "cancelled",
                   "%s on the blocked dialog should cancel, got %s" % (key, result))

        blocked = host_log_lines(world, r"review \S+: .*blocked: yes")
        expect(len(blocked) >= 2, "the host did not review the draft as blocked; its log "
               "ends:\n%s" % tail_of(world.profile.host_log))
        expect(not host_log_lines(world, r"review \S+ -> send"),
               "the host logged a send for a blocked draft")
        check_compose_usable(world)
        world.finish()
        messages = sink_after_settle(world, 0)
        expect(not messages, "a blocked mail reached the sink: %s" % messages)


def blocked_domain_registry_shapes(config):
    """blocked-domain with the policy in the shapes Windows' registry gives Thunderbird (the
    MSI's properties and the Group Policy template write them): each list one string of
    entries separated by ";", the switch 0 or 1. The add-in reads them as lists and a boolean,
    so the same mail is blocked."""
    blocked_domain(config, "blocked-domain-registry-shapes", {
        "internalDomains": "corp.example;*.corp.example",
        "blockedDomains": "rival.example; competitor.example",
        "skipWhenInternalOnly": 1})


def countdown(config):
    """The admin policy sets countdownSeconds 2. First send: the test ticks, presses Send by
    keyboard, and presses Esc while the dialog counts down: the send is cancelled and nothing
    reaches the sink. Second send: tick, Send, hands off: the dialog stays up for the
    countdown, then closes by itself, and exactly one message reaches the sink."""
    with World(config, "countdown") as world:
        write_managed_policy(world, {"internalDomains": ["corp.example"], "countdownSeconds": 2})
        draft = {"to": ["Alice Tanaka <alice@client.example>"], "cc": [], "bcc": [],
                 "subject": "Minutes of today's call",
                 "body": "Dear Ms Tanaka,\n\nthe minutes follow.\n", "attachments": []}
        world.launch({"mode": "test", "draft": draft,
                      "rounds": [{"trigger": "api", "pauseMs": 1500},
                                 {"trigger": "api", "pauseMs": 700}],
                      "checkComposeAfterCancel": False})

        sent = run_round(world, 0)
        window, _, _ = wait_dialog(world, sent - 0.001)
        world.desktop.raise_to_top(window)
        world.desktop.focus(window)
        world.desktop.keys("space", "Tab", "Return")
        time.sleep(0.5)
        world.desktop.screenshot(window, os.path.join(world.out, "dialog-counting-down.png"))
        world.desktop.keys("Escape")
        wait_closed(world, window)
        result = round_result(world, 0)
        expect(result["verdict"] == "cancelled",
               "Esc during the countdown should cancel, got %s" % result)
        expect(not sink_after_settle(world, 0, settle=2.5),
               "mail reached the sink after Esc during the countdown")

        sent = run_round(world, 1)
        window, _, _ = wait_dialog(world, sent - 0.001)
        world.desktop.raise_to_top(window)
        world.desktop.focus(window)
        world.desktop.keys("space", "Tab", "Return")
        pressed = time.time()
        wait_closed(world, window, timeout=10.0)
        waited = time.time() - pressed
        expect(waited >= 1.5, "the dialog closed %.1f s after Send; the countdown is 2 s" % waited)
        result = round_result(world, 1)
        expect(result["verdict"] == "sent", "the mail was not sent after the countdown: %s"
               % result)
        world.finish()
        sink_after_settle(world, 1)
        time.sleep(1.0)  # a second message, were there one, would have arrived by now
        messages = world.sink.messages()
        expect(len(messages) == 1, "the sink got %d messages, expected exactly 1"
               % len(messages))
        print("Send -> dialog closed by the countdown: %.1f s" % waited)


SCENARIOS = {
    "cc-exposure": cc_exposure,
    "blocked-domain": blocked_domain,
    "blocked-domain-registry-shapes": blocked_domain_registry_shapes,
    "countdown": countdown,
}
