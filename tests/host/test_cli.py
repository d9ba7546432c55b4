"""The command line of the real sendguard-host: --check, --version, --help, exit codes."""

import json
import os
import subprocess
import tempfile
import unittest

from hostprocess import DATA, HOST


def run(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    with tempfile.TemporaryDirectory() as data_home:
        env["XDG_DATA_HOME"] = data_home
        env.update(env_extra or {})
        return subprocess.run([HOST] + list(args), capture_output=True, text=True, env=env,
                              timeout=30)


def data(name):
    return os.path.join(DATA, name)


class Check(unittest.TestCase):
    def check_json(self, name, *extra):
        result = run("--check", data(name), "--json", *extra)
        self.assertEqual(result.returncode, 0, result.stderr)
        output = json.loads(result.stdout)
        self.assertIsInstance(output["findings"], list)
        self.assertIsInstance(output["blocked"], bool)
        self.assertIsInstance(output["needsConfirmation"], bool)
        for finding in output["findings"]:
            self.assertIsInstance(finding["rule"], str)
            self.assertIn(finding["severity"], ("info", "confirm", "warn", "block"))
            self.assertIn("kind", finding["target"])
        return output

    def rules(self, output):
        return sorted({f["rule"] for f in output["findings"]})

    def test_internal_only_has_no_findings(self):
        output = self.check_json("internal-only.json")
        self.assertEqual(output["findings"], [])
        self.assertFalse(output["blocked"])
        self.assertFalse(output["needsConfirmation"])

    def test_external_recipient_with_attachment_needs_confirmation(self):
        output = self.check_json("external-recipient-with-attachment.json")
        self.assertEqual(self.rules(output), ["attachment", "external-recipient"])
        self.assertFalse(output["blocked"])
        self.assertTrue(output["needsConfirmation"])

    def test_blocked_domain_is_blocked(self):
        output = self.check_json("blocked-domain.json")
        self.assertIn("blocked-domain", self.rules(output))
        self.assertTrue(output["blocked"])

    def findings_of(self, output, rule):
        return [f for f in output["findings"] if f["rule"] == rule]

    def test_reply_all_adding_a_third_company_warns_about_it(self):
        output = self.check_json("reply-all-adds-third-company.json")
        found = self.findings_of(output, "new-domain-in-reply")
        self.assertEqual([f["target"]["text"] for f in found], ["carol@third-company.example"])
        self.assertEqual(found[0]["severity"], "warn")

    def test_forward_to_a_new_domain_warns_about_it(self):
        output = self.check_json("forward-to-new-domain.json")
        found = self.findings_of(output, "new-domain-in-reply")
        self.assertEqual([f["target"]["text"] for f in found], ["dan@newcomer.example"])

    def test_reply_within_the_thread_does_not_warn(self):
        output = self.check_json("reply-within-thread.json")
        self.assertEqual(self.findings_of(output, "new-domain-in-reply"), [])

    def test_unexpanded_list_is_reported_not_called_invalid(self):
        output = self.check_json("unexpanded-list.json")
        found = self.findings_of(output, "unexpanded-list")
        self.assertEqual([f["target"]["text"] for f in found],
                         ['Sales Partners <"Sales Partners">'])
        self.assertEqual(self.findings_of(output, "invalid-address"), [])
        self.assertFalse(output["blocked"])

    def test_without_policy_the_sender_domain_is_internal(self):
        output = self.check_json("no-policy-sender-domain-is-internal.json")
        self.assertEqual(output["findings"], [])

    def test_policy_file_replaces_the_request_policy(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as policy:
            json.dump({"internalDomains": ["corp.example"], "blockedDomains": ["client.example"],
                       "noSuchKey": 1}, policy)
        try:
            result = run("--check", data("external-recipient-with-attachment.json"), "--json",
                         "--policy", policy.name)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertTrue(json.loads(result.stdout)["blocked"])
            self.assertIn("noSuchKey", result.stderr)
        finally:
            os.unlink(policy.name)

    def with_user_settings(self, layer, *extra):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as settings:
            settings.write(layer if isinstance(layer, str) else json.dumps(layer))
        try:
            return run("--check", data("external-recipient-with-attachment.json"), "--json",
                       "--user-settings", settings.name, *extra)
        finally:
            os.unlink(settings.name)

    def test_user_settings_add_a_user_layer(self):
        result = self.with_user_settings({"trustedDomains": ["client.example"]})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("external-recipient", self.rules(json.loads(result.stdout)))
        self.assertEqual(result.stderr, "")

    def test_user_settings_yield_to_a_locked_admin_key(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as policy:
            json.dump({"internalDomains": ["corp.example"], "locked": ["trustedDomains"]}, policy)
        try:
            result = self.with_user_settings({"trustedDomains": ["client.example"]},
                                             "--policy", policy.name)
        finally:
            os.unlink(policy.name)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("external-recipient", self.rules(json.loads(result.stdout)))
        self.assertIn("trustedDomains is set by your administrator", result.stderr)

    def test_broken_user_settings_file_is_an_input_error_and_left_alone(self):
        result = self.with_user_settings("{ not json")
        self.assertEqual(result.returncode, 2)
        self.assertIn("not JSON", result.stderr)

    def check_with_policy_file(self, contents):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as policy:
            json.dump(contents, policy)
        try:
            return run("--check", data("external-recipient-with-attachment.json"), "--json",
                       "--policy", policy.name)
        finally:
            os.unlink(policy.name)

    def test_policy_file_may_be_a_whole_policies_json(self):
        # What IT rolls out to /etc/thunderbird/policies/policies.json, tried as it is.
        result = self.check_with_policy_file({"policies": {
            "ExtensionSettings": {"sendguard@sendguard.org": {
                "installation_mode": "force_installed",
                "install_url": "file:///usr/share/sendguard/sendguard@sendguard.org.xpi"}},
            "3rdparty": {"Extensions": {"sendguard@sendguard.org": {
                "internalDomains": ["corp.example"], "blockedDomains": ["client.example"]}}}}})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(json.loads(result.stdout)["blocked"])
        self.assertEqual(result.stderr, "")

    def test_policies_json_without_sendguards_entry_is_refused(self):
        for policies in ({"policies": {"DisableTelemetry": True}},
                         {"policies": {"3rdparty": {"Extensions": {"other@example": {}}}}},
                         {"policies": {"3rdparty": {"Extensions": ["sendguard@sendguard.org"]}}},
                         {"policies": {"3rdparty": {"Extensions": {
                             "sendguard@sendguard.org": ["internalDomains"]}}}},
                         {"policies": "none"}):
            result = self.check_with_policy_file(policies)
            self.assertEqual(result.returncode, 2, (policies, result.stdout))
            self.assertIn("3rdparty -> Extensions -> sendguard@sendguard.org", result.stderr)
            self.assertEqual(result.stdout, "")

    def test_text_output_lists_findings(self):
        result = run("--check", data("external-recipient-with-attachment.json"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("external-recipient", result.stdout)
        self.assertIn("needs confirmation: yes", result.stdout)

    def test_dialog_without_display_is_refused(self):
        result = run("--check", data("external-recipient-with-attachment.json"), "--dialog")
        self.assertEqual(result.returncode, 2)
        self.assertIn("display", result.stderr)

    def test_dialog_not_needed_prints_send(self):
        result = run("--check", data("internal-only.json"), "--dialog", "--json",
                     env_extra={"QT_QPA_PLATFORM": "offscreen"})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["decision"], "send")


class BadUsage(unittest.TestCase):
    def assertUsageError(self, result, words):
        self.assertEqual(result.returncode, 2)
        self.assertIn(words, result.stderr)
        self.assertEqual(result.stdout, "")

    def test_malformed_request_exits_2(self):
        self.assertUsageError(run("--check", data("malformed-request.json")), "not JSON")

    def test_wrong_member_type_names_the_member(self):
        self.assertUsageError(run("--check", data("recipient-not-a-string.json")), "draft.to[2]")

    def test_unreadable_file_exits_2(self):
        self.assertUsageError(run("--check", "/nonexistent/draft.json"), "cannot read")

    def test_folder_is_said_to_be_one(self):
        self.assertUsageError(run("--check", DATA), "it is a folder")

    # `--check /dev/zero` once read until memory ran out; every input file is read the same way.
    @unittest.skipUnless(os.path.exists("/dev/zero"), "needs /dev/zero")
    def test_endless_input_stops_at_the_size_limit(self):
        for args in (["--check", "/dev/zero"],
                     ["--check", data("internal-only.json"), "--policy", "/dev/zero"],
                     ["--check", data("internal-only.json"), "--user-settings", "/dev/zero"],
                     ["--learn", "/dev/zero", "--history", os.devnull]):
            with self.subTest(args=args):
                self.assertUsageError(run(*args), "larger than 64 MiB")

    # A policies.json nesting 200,000 '[' under `rules` once crashed --check: the stack ran out.
    def test_absurdly_deep_policy_settings_or_learn_file_is_refused(self):
        deep = "[" * 200000 + "]" * 200000
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "policies.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"policies":{"3rdparty":{"Extensions":{"sendguard@sendguard.org":'
                        '{"rules":%s}}}}}' % deep)
            for args in (["--check", data("internal-only.json"), "--policy", path],
                         ["--check", data("internal-only.json"), "--user-settings", path],
                         ["--learn", path, "--history", os.path.join(folder, "h.sqlite")]):
                with self.subTest(args=args[2]):
                    self.assertUsageError(run(*args), "more than 64 levels deep")

    @unittest.skipUnless(hasattr(os, "mkfifo"), "needs FIFOs")
    def test_request_from_a_pipe_is_still_read(self):
        with tempfile.TemporaryDirectory() as folder:
            fifo = os.path.join(folder, "request")
            os.mkfifo(fifo)
            with open(data("blocked-domain.json"), "rb") as request:
                contents = request.read()
            env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
            env["XDG_DATA_HOME"] = folder
            host = subprocess.Popen([HOST, "--check", fifo, "--json"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=env)
            with open(fifo, "wb") as writer:
                writer.write(contents)
            out, err = host.communicate(timeout=30)
        self.assertEqual(host.returncode, 0, err)
        self.assertTrue(json.loads(out)["blocked"])

    def test_missing_file_argument_exits_2(self):
        self.assertUsageError(run("--check"), "needs a FILE")

    def test_unknown_option_exits_2(self):
        self.assertUsageError(run("--check", data("internal-only.json"), "--frobnicate"),
                              "--frobnicate")

    def test_no_arguments_exits_2(self):
        self.assertUsageError(run(), "Usage")

    def test_ping_file_is_not_a_review(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as request:
            json.dump({"type": "ping", "id": "p"}, request)
        try:
            self.assertUsageError(run("--check", request.name), "not a review")
        finally:
            os.unlink(request.name)


class Information(unittest.TestCase):
    def test_version(self):
        result = run("--version")
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout, r"^sendguard-host \d+\.\d+\.\d+\n$")

    def test_help(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("--check FILE", result.stdout)


if __name__ == "__main__":
    unittest.main()
