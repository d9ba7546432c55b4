"""End-to-end scenarios for learning from the Sent folders and the history rules, on a profile
that has sent mail before SendGuard is installed.

The profile's Local Folders "Sent" mbox holds a realistic sent history: a project team at
partner.example (Hanako Suzuki, Ken Tanaka, Mika Ito) written to together again and again, a
client written to alone, a supplier, colleagues. At start-up the add-in offers, in its own
window, to learn from the Sent folders; the test answers that window with the keyboard as a
person would, waits until the window says it is done (and the host has logged the batches),
then presses Send on one compose window five times with other recipients each time. The host's
review log line names the rules that fired (ids only); each history rule must fire on its own
round, and none on the usual team. learn-host-missing checks the window's failure wording and
that the offer is made only once.
"""

import email.utils
import os
import re
import time

from .profile import SENDER_ADDRESS, SENDER_NAME
from .scenarios import (EXIT_TIMEOUT, FAILURE_TITLE, Failure, World, cancel_by_escape,
                        check_delivered, confirm_by_keyboard, expect, round_result, run_round,
                        sink_after_settle, tabs_between_boxes, tail_of, wait_closed,
                        wait_dialog)
from .scenarios_audience import host_log_lines
from .thunderbird import Thunderbird
from .xsession import HarnessError
from .widgets import Image, checkbox_centres

LEARN_TITLE = "SendGuard: learn from your sent mail"
LEARN_TIMEOUT = 30.0
HISTORY_RULES = ("new-recipient", "new-domain", "unusual-recipient-mix",
                 "display-name-mismatch")

HANAKO = "Hanako Suzuki <hanako.suzuki@partner.example>"
KEN = "Ken Tanaka <ken.tanaka@partner.example>"
MIKA = "Mika Ito <mika.ito@partner.example>"
TEAM = [HANAKO, KEN, MIKA]
ALICE = "Alice Example <alice@client.example>"
DAVE = "Dave Miller <dave@supplier.example>"
COLLEAGUE = "Colleague One <colleague@corp.example>"


TEAM_DRAFT = {"to": TEAM, "cc": [], "bcc": [], "subject": "Project Aoi: next steps",
              "body": "Hello,\n\nthe next steps are below.\n\nTest Sender\n",
              "attachments": []}


def sent_history():
    """(to, cc, subject) of each mail in the Sent folder, oldest first."""
    mails = []
    for week in range(8):
        cc = [KEN, MIKA] + ([COLLEAGUE] if week % 3 == 0 else [])
        mails.append(([HANAKO], cc, "Project Aoi: weekly status %d" % (week + 1)))
    mails.append(([KEN, MIKA], [HANAKO], "Project Aoi: test plan"))
    for month in range(4):
        mails.append(([ALICE], [], "Invoice %d" % (month + 1)))
    mails.append(([DAVE], [], "Order 4711"))
    mails.append(([DAVE], [COLLEAGUE], "Order 4712"))
    mails.append(([COLLEAGUE], ["Team Lead <lead@corp.example>"], "Holiday plan"))
    return mails


def sent_mbox(mails):
    """The mails as an mbox file, each with From, To, Cc, Date and Message-ID headers."""
    start = 1767225600  # 2026-01-01T00:00:00Z
    parts = []
    for index, (to, cc, subject) in enumerate(mails):
        stamp = start + index * 3 * 86400 + 9 * 3600
        headers = [
            "From: %s <%s>" % (SENDER_NAME, SENDER_ADDRESS),
            "To: " + ", ".join(to),
        ]
        if cc:
            headers.append("Cc: " + ", ".join(cc))
        headers += [
            "Subject: " + subject,
            "Date: " + email.utils.formatdate(stamp, usegmt=True),
            "Message-ID: <sent-%d@corp.example>" % (index + 1),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
        ]
        envelope = time.strftime("From - %a %b %d %H:%M:%S %Y", time.gmtime(stamp))
        parts.append(envelope + "\n" + "\n".join(headers) + "\n\nHello,\n\nsee below.\n\n")
    return "".join(parts)


# Each round: the recipients, the history rules that must fire and those that must not.
ROUNDS = [
    ("the usual team", {"to": TEAM, "cc": []}, set(), set(HISTORY_RULES)),
    ("a new person at a known company", {"to": ["Yuki Mori <yuki.mori@partner.example>"],
                                         "cc": []},
     {"new-recipient"}, {"new-domain", "display-name-mismatch", "unusual-recipient-mix"}),
    ("a first mail to a new company", {"to": ["Bob Newman <bob@newco.example>"], "cc": []},
     {"new-recipient", "new-domain"}, {"display-name-mismatch"}),
    ("the team plus someone never written to with them", {"to": TEAM, "cc": [ALICE]},
     {"unusual-recipient-mix"}, {"new-recipient", "new-domain"}),
    ("Hanako Suzuki at another company's address",
     {"to": ["Hanako Suzuki <hanako.suzuki@rival.example>"], "cc": []},
     {"display-name-mismatch"}, {"unusual-recipient-mix"}),
]


def review_rules(world):
    """The rule ids of each review the host logged, in order."""
    lines = host_log_lines(world, r"sendguard\.host: review \S+: .*rules: ")
    return [set(line.rsplit("rules: ", 1)[1].strip().split(",")) - {"none"} for line in lines]


def learn_window_state(world):
    """The learn window's last "SendGuard learn window: <phase> N of M [(kind)]" line on
    stdout: (phase, N, M, failure kind or "")."""
    pattern = re.compile(r"SendGuard learn window: (\w+) (\d+) of (\d+)(?: \(([\w-]+)\))?")
    found = None
    with open(world.thunderbird.stdout_path, encoding="utf-8", errors="replace") as out:
        for line in out:
            match = pattern.search(line)
            if match:
                found = (match.group(1), int(match.group(2)), int(match.group(3)),
                         match.group(4) or "")
    return found


def wait_learn_done(world, timeout=LEARN_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = learn_window_state(world)
        if state and state[0] in ("done", "failed"):
            return state
        time.sleep(0.1)
    raise Failure("the learn window never said done; last state %s; host log:\n%s"
                         % (learn_window_state(world), tail_of(world.profile.host_log)))


def learned_counts(world):
    """(learned, known before) summed over the host's learn batch lines."""
    learned = known = 0
    for line in host_log_lines(world, r"learn batch .* learned,"):
        match = re.search(r"(\d+) learned, (\d+) known before", line)
        if match:
            learned += int(match.group(1))
            known += int(match.group(2))
    return learned, known


def use_profile_before_sendguard(world, messages):
    """The profile's earlier life: Thunderbird runs once without SendGuard and the Sent folder
    is opened, so that Thunderbird builds its summary from the mbox as it does for a person
    (it cannot list a local folder it has never opened). SendGuard is installed afterwards, so
    the real run is the add-in's first run on a profile that has sent mail."""
    addin = os.path.join(world.profile.extensions, world.config["addonId"] + ".xpi")
    os.remove(addin)
    world.profile.install_driver({"mode": "open-sent", "expectMessages": messages})
    world.thunderbird = Thunderbird(world.config["thunderbird"], world.profile.profile,
                                    world.env, os.path.join(world.out, "thunderbird-before.out"))
    world.thunderbird.start()
    opened = world.thunderbird.wait_report("OPENED", 40.0, "the Sent folder opened")
    expect(opened["count"] == messages, "Thunderbird lists %d messages in %s, the mbox has %d"
           % (opened["count"], opened["folder"], messages))
    world.thunderbird.wait_report("END", 10.0, "the driver's END report")
    world.thunderbird.wait_exit(EXIT_TIMEOUT)
    world.thunderbird = None
    world.profile.install_addin(world.config["xpi"], world.config["addonId"])
    # An add-on dropped into an existing profile's extensions folder is picked up at the next
    # start only when that folder's scope (1, the profile) is scanned at start-up.
    world.profile.add_prefs([("extensions.startupScanScopes", 1)])


def close_by_escape(world, window, attempts=3):
    """Escape on an extension window until it closes. Without a window manager, Thunderbird
    may move the X focus (to the window it just opened, or back to the compose window under
    the pointer after a click) between our focus and the key, and the key is then lost; a
    person would press Escape again. Escape on those windows only ever cancels or closes."""
    for attempt in range(attempts):
        world.desktop.raise_to_top(window)
        world.desktop.focus(window)
        world.desktop.keys("Escape")
        try:
            wait_closed(world, window, timeout=3.0)
            return
        except HarnessError:
            if attempt == attempts - 1:
                raise
            print("Escape on window 0x%x was lost (attempt %d); pressing it again"
                  % (window, attempt + 1))


def answer_learn_offer(world, started):
    """The first-run offer, answered as a person would: the window opens with focus on
    "Learn now" and Return presses it. Waits until the window says done or failed, takes a
    screenshot, closes the window with Escape and returns (phase, read, total, failure kind)."""
    window, mapped, _ = wait_dialog(world, started, title=LEARN_TITLE, timeout=LEARN_TIMEOUT)
    print("learn window offered %.1f s after start" % (mapped - started))
    world.desktop.raise_to_top(window)
    world.desktop.screenshot(window, os.path.join(world.out, "learn-offer.png"))
    world.desktop.focus(window)
    world.desktop.keys("Return")
    learn_started = time.monotonic()
    state = wait_learn_done(world)
    print("learn window: %s %d of %d%s after %.1f s"
          % (state[0], state[1], state[2], " (%s)" % state[3] if state[3] else "",
             time.monotonic() - learn_started))
    world.desktop.raise_to_top(window)
    world.desktop.screenshot(window, os.path.join(world.out, "learn-%s.png" % state[0]))
    close_by_escape(world, window)
    return state


def history_rules(config):
    """First run on a profile with sent mail: the learn window is offered, Return on its
    focused "Learn now" learns every mail of the Sent folder (the host logs the batches), and
    then each history rule fires from a real Send, none on the usual team. The last round,
    Hanako's name at rival.example, is ticked and sent; the sink gets exactly that mail."""
    with World(config, "history-rules") as world:
        mails = sent_history()
        world.profile.seed_sent_folder(sent_mbox(mails))
        before = time.monotonic()
        use_profile_before_sendguard(world, len(mails))
        print("profile's earlier run (Sent folder opened): %.1f s" % (time.monotonic() - before))
        draft = dict(TEAM_DRAFT)
        rounds = [{"trigger": "click", "recipients": recipients}
                  for _, recipients, _, _ in ROUNDS]
        started = time.time()
        world.launch({"mode": "test", "draft": draft, "rounds": rounds,
                      "checkComposeAfterCancel": False})

        phase, read, total, _ = answer_learn_offer(world, started)
        expect(phase == "done", "learning did not finish: %s %d of %d; host log:\n%s"
               % (phase, read, total, tail_of(world.profile.host_log)))
        expect(read == total == len(mails), "the window says %d of %d messages, the Sent "
               "folder holds %d" % (read, total, len(mails)))
        learned, known = learned_counts(world)
        expect((learned, known) == (len(mails), 0),
               "the host learned %d (%d known before), expected %d new"
               % (learned, known, len(mails)))

        for index, (label, recipients, fire, silent) in enumerate(ROUNDS):
            sent = run_round(world, index)
            dialog, _, _ = wait_dialog(world, sent - 0.001)
            rules = review_rules(world)
            expect(len(rules) == index + 1, "round %d (%s): expected %d reviews in the host "
                   "log, found %d" % (index + 1, label, index + 1, len(rules)))
            fired = rules[index] & set(HISTORY_RULES)
            print("round %d, %s: history rules %s" % (index + 1, label, sorted(fired) or "none"))
            expect(fire <= fired and not (silent & fired),
                   "round %d (%s): history rules %s, expected %s and none of %s"
                   % (index + 1, label, sorted(fired), sorted(fire), sorted(silent)))
            if index < len(ROUNDS) - 1:
                cancel_by_escape(world, dialog)
                result = round_result(world, index)
                expect(result["verdict"] == "cancelled",
                       "round %d: Escape should cancel, got %s" % (index + 1, result))
                continue
            world.desktop.raise_to_top(dialog)
            boxes = checkbox_centres(Image(world.desktop.pixels(dialog)))
            # The warnings, then the one recipient under rival.example.
            confirm_by_keyboard(world, dialog, boxes=len(boxes),
                                tabs_after=tabs_between_boxes(len(boxes) - 1, [1]),
                                screenshot=os.path.join(world.out, "dialog-namesake.png"))
            result = round_result(world, index)
            expect(result["verdict"] == "sent", "the confirmed mail was not sent: %s" % result)
        world.finish()
        messages = sink_after_settle(world, 1)
        expect(len(messages) == 1, "the sink got %d messages, expected 1" % len(messages))
        check_delivered(world, messages[0], ["hanako.suzuki@rival.example"])


def expect_no_second_offer(world):
    """Starts Thunderbird once more on the same profile: the add-in remembers (storage.local)
    that it offered, so it says so in its log and no learn window appears."""
    world.profile.install_driver({"mode": "compose-only", "draft": dict(TEAM_DRAFT)})
    since = time.time()
    world.thunderbird = Thunderbird(world.config["thunderbird"], world.profile.profile,
                                    world.env, os.path.join(world.out, "thunderbird-again.out"))
    world.thunderbird.start()
    world.thunderbird.wait_report("COMPOSED", 60.0, "the driver's compose window (second start)")
    deadline = time.monotonic() + 20.0
    while not said_offered_before(world):
        if time.monotonic() > deadline:
            raise Failure("on the second start the add-in never said it had offered before")
        time.sleep(0.1)
    offers = [e for e in world.watcher.snapshot() if e["t"] >= since * 1e6
              and e["ev"] in ("map", "title") and LEARN_TITLE in e.get("title", "")]
    expect(not offers, "the learn window was offered again: %s" % offers)
    world.thunderbird.stop()
    world.thunderbird = None
    print("second start: no offer")


def said_offered_before(world):
    with open(world.thunderbird.stdout_path, encoding="utf-8", errors="replace") as out:
        return any("offered before; not again" in line for line in out)


def learn_host_missing(config):
    """The same profile with no native host registered: the offer still appears, "Learn now"
    ends in the window saying that the checking program is missing (failure kind
    host-missing, nothing learned), and sending is unchanged: Send opens the add-in's failure
    window, Escape cancels, nothing reaches the sink. Thunderbird started again on that profile
    does not offer again."""
    with World(config, "learn-host-missing", register_host=False) as world:
        mails = sent_history()
        world.profile.seed_sent_folder(sent_mbox(mails))
        use_profile_before_sendguard(world, len(mails))
        started = time.time()
        world.launch({"mode": "test", "draft": dict(TEAM_DRAFT), "rounds": [{"trigger": "click"}],
                      "checkComposeAfterCancel": False})
        phase, read, total, kind = answer_learn_offer(world, started)
        expect((phase, kind) == ("failed", "host-missing"),
               "the learn window should say the checking program is missing; it says %s %s"
               % (phase, kind))
        sent = run_round(world, 0)
        window, _, _ = wait_dialog(world, sent - 0.001, title=FAILURE_TITLE)
        close_by_escape(world, window)
        result = round_result(world, 0)
        expect(result["verdict"] == "cancelled", "the send was not cancelled: %s" % result)
        world.finish()
        messages = sink_after_settle(world, 0)
        expect(not messages, "mail reached the sink while the host was missing: %s" % messages)
        expect_no_second_offer(world)


SCENARIOS = {
    "history-rules": history_rules,
    "learn-host-missing": learn_host_missing,
}
