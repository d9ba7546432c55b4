"""Scenarios on an installed .deb: Thunderbird has to find SendGuard's add-in and host in the
system-wide folders the package filled, with nothing in the profile or in HOME. tests/deb runs
them between installing and removing the package, with a config that says "installed": true;
they are not part of the build tree's e2e suite.

- installed-confirm: the add-in from /usr/share/mozilla/extensions, the host from the manifest
  in /usr/lib/mozilla/native-messaging-hosts; a click on Send, the dialog answered by keyboard,
  the mail at the sink.
- installed-policy: /etc/thunderbird/policies/policies.json as the package's example has it
  (written by tests/deb); its 3rdparty policy blocks competitor.example, so the dialog offers
  only Cancel; the add-in is the one ExtensionSettings names, and the add-on manager says the
  user may not disable it.
"""

import json
import os

from .scenarios import (ATTACHMENT, SYSTEM_MANIFEST_DIRS, World, check_delivered,
                        confirm_by_keyboard, expect, external_draft, round_result, run_round,
                        sink_after_settle, tail_of, wait_closed, wait_dialog)
from .scenarios_audience import host_log_lines
from .xsession import HarnessError

POLICIES = "/etc/thunderbird/policies/policies.json"


def require_installed(config):
    if not config.get("installed"):
        raise HarnessError("this scenario tests the installed .deb; run it through tests/deb "
                           "(its config says \"installed\": true)")


def processes_of(executable):
    """(pid, argv, environment) of every process running `executable`."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if os.path.realpath("/proc/%s/exe" % pid) != os.path.realpath(executable):
                continue
            with open("/proc/%s/cmdline" % pid, "rb") as cmdline:
                argv = [a.decode("utf-8", "replace") for a in cmdline.read().split(b"\0") if a]
            with open("/proc/%s/environ" % pid, "rb") as environ:
                env = dict(item.decode("utf-8", "replace").partition("=")[::2]
                           for item in environ.read().split(b"\0") if item)
        except OSError:  # gone, or not ours to read
            continue
        found.append((int(pid), argv, env))
    return found


def check_served_by_installed_host(world):
    """While the dialog is up: the host serving this run's Thunderbird is the installed
    executable, started with a system-wide manifest, and HOME holds no manifest of its own."""
    ours = [p for p in processes_of(world.config["host"])
            if p[2].get("HOME") == world.profile.home]
    expect(len(ours) == 1, "expected one %s serving this Thunderbird, found %s"
           % (world.config["host"], [(pid, argv) for pid, argv, _ in ours]))
    argv = ours[0][1]
    manifests = [os.path.join(d, world.config["hostName"] + ".json") for d in SYSTEM_MANIFEST_DIRS]
    expect(len(argv) >= 3 and argv[1] in manifests and argv[2] == world.config["addonId"],
           "the host was not started from a system-wide manifest: argv %s" % argv)
    user_manifests = os.path.join(world.profile.home, ".mozilla", "native-messaging-hosts")
    expect(not os.path.exists(user_manifests), "HOME has its own manifests: %s" % user_manifests)
    print("host: pid %d, %s" % (ours[0][0], " ".join(argv)))
    return argv


def addon_entry(world):
    """The add-in's entry in the profile's extensions.json, after Thunderbird exited."""
    path = os.path.join(world.profile.profile, "extensions.json")
    expect(os.path.exists(path), "Thunderbird wrote no extensions.json")
    with open(path, encoding="utf-8") as data:
        addons = json.load(data)["addons"]
    entries = [a for a in addons if a["id"] == world.config["addonId"]]
    expect(len(entries) == 1, "expected one %s in extensions.json, found %d"
           % (world.config["addonId"], len(entries)))
    entry = entries[0]
    print("add-in: %s %s from %s (%s), active %s" % (entry["id"], entry["version"],
                                                      entry.get("path"), entry["location"],
                                                      entry["active"]))
    expect(entry["active"] and not entry.get("userDisabled"),
           "the add-in is not active: %s" % {k: entry.get(k) for k in
                                              ("location", "active", "userDisabled", "path")})
    return entry


def addon_manager_view(world):
    """The driver's ADDON report: Thunderbird's add-on manager on the add-in."""
    view = world.thunderbird.wait_report("ADDON", 30.0, "the driver's ADDON report")
    print("add-on manager: %s" % view)
    expect(view["enabled"], "the add-in is not enabled: %s" % view)
    return view


def no_addin_in_profile(world):
    xpi = os.path.join(world.profile.extensions, world.config["addonId"] + ".xpi")
    expect(not os.path.exists(xpi), "the harness put the add-in into the profile: %s" % xpi)


def installed_confirm(config):
    """A click on Send; the installed host shows the dialog, the test ticks both boxes and
    presses Send by keyboard; the mail reaches the sink. Thunderbird found the add-in in the
    system extension folder and the host through /usr/lib/mozilla/native-messaging-hosts."""
    require_installed(config)
    with World(config, "installed-confirm") as world:
        no_addin_in_profile(world)
        world.launch({"mode": "test", "draft": external_draft("Quote from the package"),
                      "rounds": [{"trigger": "click"}], "checkComposeAfterCancel": False,
                      "reportAddon": config["addonId"]})
        sent = run_round(world, 0)
        window, mapped, painted = wait_dialog(world, sent - 0.001)
        print("click -> dialog painted: %.0f ms" % ((painted - sent) * 1000))
        check_served_by_installed_host(world)
        confirm_by_keyboard(world, window, boxes=2,
                            screenshot=os.path.join(world.out, "dialog-ticked.png"))
        result = round_result(world, 0)
        expect(result["verdict"] == "sent", "the confirmed mail was not sent: %s" % result)
        manager = addon_manager_view(world)
        expect(manager["installType"] == "sideload" and manager["mayDisable"],
               "without a policy the add-in should be a sideload the user may disable: %s"
               % manager)
        world.finish()
        messages = sink_after_settle(world, 1)
        expect(len(messages) == 1, "the sink got %d messages, expected 1" % len(messages))
        check_delivered(world, messages[0], ["alice@client.example", "colleague@corp.example"],
                        ATTACHMENT)
        entry = addon_entry(world)
        expect(entry["location"] == "app-system-share"
               and entry["path"].startswith("/usr/share/mozilla/extensions/"),
               "the add-in did not come from the system extension folder: %s" % entry)


def installed_policy(config):
    """policies.json as in the package's example: ExtensionSettings force-installs the add-in
    from /usr/share/sendguard, and the 3rdparty policy blocks competitor.example. Mail to
    competitor.example gets the blocked dialog (Cancel only); Escape; nothing is sent."""
    require_installed(config)
    expect(os.path.exists(POLICIES), "%s is missing (tests/deb writes it)" % POLICIES)
    with open(POLICIES, encoding="utf-8") as policies:
        settings = json.load(policies)["policies"]["ExtensionSettings"][config["addonId"]]
    with World(config, "installed-policy") as world:
        no_addin_in_profile(world)
        draft = {"to": ["Mallory Kimura <mallory@competitor.example>"],
                 "cc": ["Hanako Ito <hanako@corp.example>"], "bcc": [],
                 "subject": "Price list", "body": "Here are our prices.\n", "attachments": []}
        # The pause gives the policy engine time to act on ExtensionSettings at start-up.
        world.launch({"mode": "test", "draft": draft,
                      "rounds": [{"trigger": "api", "pauseMs": 3000}],
                      "checkComposeAfterCancel": False, "reportAddon": config["addonId"]})
        sent = run_round(world, 0)
        window, _, _ = wait_dialog(world, sent - 0.001)
        check_served_by_installed_host(world)
        world.desktop.screenshot(window, os.path.join(world.out, "dialog-blocked.png"))
        world.desktop.focus(window)
        world.desktop.keys("Escape")
        wait_closed(world, window)
        result = round_result(world, 0)
        expect(result["verdict"] == "cancelled", "Escape should cancel: %s" % result)
        manager = addon_manager_view(world)
        expect(not manager["mayDisable"], "ExtensionSettings force_installed should stop the "
               "user from disabling the add-in: %s" % manager)
        blocked = host_log_lines(world, r"review \S+: .*blocked: yes")
        expect(blocked, "the host did not review the draft as blocked, so the 3rdparty policy "
               "from %s did not reach it; its log ends:\n%s"
               % (POLICIES, tail_of(world.profile.host_log)))
        world.finish()
        expect(not sink_after_settle(world, 0), "a blocked mail reached the sink")
        entry = addon_entry(world)
        url = settings["install_url"]
        expect(settings["installation_mode"] == "force_installed" and url.startswith("file://"),
               "the example's ExtensionSettings changed: %s" % settings)
        # Thunderbird installs a force_installed file:// add-in unless the same version is
        # there already; the system extension folder's copy is that same file.
        expect(os.path.realpath(entry["path"]) == os.path.realpath(url[len("file://"):])
               or entry["location"] == "app-profile",
               "the active add-in is neither the policy's file nor installed by it: %s" % entry)


SCENARIOS = {
    "installed-confirm": installed_confirm,
    "installed-policy": installed_policy,
}
