"""End-to-end scenarios for the policy's `language` key: with "ja" in the admin policy, the real
Qt dialog and the add-in's own failure window speak Japanese in a Thunderbird whose display
language is English (no language pack), as IT would set it for a Japanese office."""

import os

from .scenarios import (World, cancel_by_escape, check_compose_usable, expect, external_draft,
                        round_result, run_round, sink_after_settle, wait_dialog)
from .scenarios_audience import write_managed_policy

JAPANESE_POLICY = {"internalDomains": ["corp.example"], "language": "ja"}
DIALOG_TITLE_JA = "SendGuard – 送信前の確認: "
FAILURE_TITLE_JA = "SendGuard: メールは送信されていません"


def titles_of(world, window):
    return [e.get("title", "") for e in world.watcher.snapshot()
            if e.get("title") and int(e["win"], 16) == window]


def japanese_dialog(config):
    """Policy language "ja": the confirmation dialog's title (and so its catalogue) is
    Japanese; Escape cancels and nothing is sent."""
    with World(config, "japanese-dialog") as world:
        write_managed_policy(world, JAPANESE_POLICY)
        world.launch({"mode": "test", "draft": external_draft("見積書の送付"),
                      "rounds": [{"trigger": "api"}], "checkComposeAfterCancel": True})
        sent = run_round(world, 0)
        window, _, _ = wait_dialog(world, sent - 0.001, title="SendGuard")
        titles = titles_of(world, window)
        expect(any(t.startswith(DIALOG_TITLE_JA) for t in titles),
               "the dialog's title is not Japanese: %s" % titles)
        world.desktop.raise_to_top(window)
        world.desktop.screenshot(window, os.path.join(world.out, "dialog-ja.png"))
        cancel_by_escape(world, window)
        result = round_result(world, 0)
        expect(result["verdict"] == "cancelled", "the send was not cancelled: %s" % result)
        check_compose_usable(world)
        world.finish()
        expect(not sink_after_settle(world, 0), "a cancelled mail reached the sink")


def japanese_host_missing(config):
    """Policy language "ja", no native manifest: the add-in's failure window has its Japanese
    title; Escape cancels and nothing is sent."""
    with World(config, "japanese-host-missing", register_host=False) as world:
        write_managed_policy(world, JAPANESE_POLICY)
        world.launch({"mode": "test", "draft": external_draft("見積書の送付"),
                      "rounds": [{"trigger": "api"}], "checkComposeAfterCancel": True})
        sent = run_round(world, 0)
        window, _, _ = wait_dialog(world, sent - 0.001, title="SendGuard: ")
        titles = titles_of(world, window)
        expect(any(FAILURE_TITLE_JA in t for t in titles),
               "the failure window's title is not Japanese: %s" % titles)
        world.desktop.screenshot(window, os.path.join(world.out, "failure-window-ja.png"))
        cancel_by_escape(world, window)
        result = round_result(world, 0)
        expect(result["verdict"] == "cancelled", "the send was not cancelled: %s" % result)
        check_compose_usable(world)
        world.finish()
        expect(not sink_after_settle(world, 0), "mail reached the sink while the host was missing")


SCENARIOS = {
    "japanese-dialog": japanese_dialog,
    "japanese-host-missing": japanese_host_missing,
}
