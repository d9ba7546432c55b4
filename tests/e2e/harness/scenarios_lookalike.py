"""End-to-end scenario for a recipient domain one keystroke away from the organisation's own:
the sender is at corp.example and writes to c0rp.example (a zero for the o). The real host
reviews the real draft, finds `lookalike-domain`, and the real dialog opens; the person cancels,
and nothing leaves."""

import os

from .scenarios import (World, cancel_by_escape, check_compose_usable, expect, round_result,
                        run_round, sink_after_settle, tail_of, wait_dialog)
from .scenarios_audience import host_log_lines


def lookalike_domain(config):
    """No admin policy: the sender's own domain, corp.example, is the internal one. The draft
    goes To someone at c0rp.example, Cc a colleague. The host logs the review with the rules
    that fired (ids only, never addresses) and lookalike-domain must be among them; the dialog
    is mapped, Escape cancels, nothing reaches the sink and the compose window stays usable."""
    with World(config, "lookalike-domain") as world:
        draft = {"to": ["Jiro Suzuki <jiro.suzuki@c0rp.example>"],
                 "cc": ["Hanako Ito <hanako@corp.example>"], "bcc": [],
                 "subject": "Salary review for April",
                 "body": "Jiro,\n\nthe figures for your team are below.\n\nTaro\n",
                 "attachments": []}
        world.launch({"mode": "test", "draft": draft,
                      "rounds": [{"trigger": "api", "pauseMs": 1500}],
                      "checkComposeAfterCancel": True})
        sent = run_round(world, 0)
        window, mapped, painted = wait_dialog(world, sent - 0.001)
        world.desktop.raise_to_top(window)
        world.desktop.screenshot(window, os.path.join(world.out, "dialog-lookalike.png"))

        cancel_by_escape(world, window)
        result = round_result(world, 0)
        expect(result["verdict"] == "cancelled", "Escape should cancel the send: %s" % result)
        reviews = host_log_lines(world, r"review \S+: .*rules: \S*lookalike-domain")
        expect(reviews, "the host's review did not report lookalike-domain; its log ends:\n%s"
               % tail_of(world.profile.host_log))
        print("host: %s" % reviews[-1].split("sendguard.host: ", 1)[-1])
        expect(not host_log_lines(world, r"review \S+ -> send"),
               "the host logged a send for the lookalike draft")
        check_compose_usable(world)
        world.finish()
        messages = sink_after_settle(world, 0)
        expect(not messages, "mail to the lookalike domain reached the sink: %s" % messages)
        print("send->dialog mapped %.1f ms, painted %.1f ms"
              % ((mapped - sent) * 1000, (painted - sent) * 1000))


SCENARIOS = {
    "lookalike-domain": lookalike_domain,
}
