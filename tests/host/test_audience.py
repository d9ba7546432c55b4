"""The audience rules and the recipient edits through the real sendguard-host: --check on the
sample drafts, and verdicts in serve mode that carry the auto-Bcc edits."""

import json
import os
import subprocess
import tempfile
import unittest

from hostprocess import DATA, HOST, HostProcess, request_file


def check(name, *extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    with tempfile.TemporaryDirectory() as data_home:
        env["XDG_DATA_HOME"] = data_home
        result = subprocess.run([HOST, "--check", os.path.join(DATA, name)] + list(extra),
                                capture_output=True, text=True, env=env, timeout=30)
    if result.returncode != 0:
        raise AssertionError("--check %s failed: %s" % (name, result.stderr))
    return result.stdout


def check_json(name, *extra):
    return json.loads(check(name, "--json", *extra))


def targets(output, rule):
    return [f["target"].get("text") for f in output["findings"] if f["rule"] == rule]


class CheckAudienceRules(unittest.TestCase):
    def test_cc_exposure_three_companies_warns_once(self):
        output = check_json("cc-exposure-three-companies.json")
        exposure = [f for f in output["findings"] if f["rule"] == "cc-exposure"]
        self.assertEqual(len(exposure), 1)
        self.assertEqual(exposure[0]["severity"], "warn")
        self.assertEqual(exposure[0]["target"], {"kind": "draft"})
        self.assertIn("3 outside organisations", exposure[0]["message"])
        self.assertNotIn("edits", output)  # the move to Bcc is the person's choice, not --check's

    def test_large_audience_300_customers_warns_and_adds_the_archive(self):
        output = check_json("large-audience-300-customers.json")
        rules = {f["rule"] for f in output["findings"]}
        self.assertIn("large-audience", rules)
        self.assertIn("cc-exposure", rules)
        self.assertEqual(output["edits"]["bcc"], ["archive@corp.example"])
        self.assertEqual(len(output["edits"]["cc"]), 300)
        self.assertEqual(output["edits"]["to"], ["Taro Yamada <taro@corp.example>"])

    def test_attention_attachment_only_the_real_ending(self):
        output = check_json("attention-attachment-xlsx-to-client.json")
        self.assertEqual(targets(output, "attention-attachment"), ["price-list-Q2.XLSX"])

    def test_attention_domain_in_bcc(self):
        output = check_json("attention-domain-competitor-in-bcc.json")
        self.assertEqual(targets(output, "attention-domain"), ["eve@rival.example"])

    def test_auto_bcc_for_trusted_outside_mail_needs_no_dialog_but_edits(self):
        output = check_json("auto-bcc-archive-for-outside-mail.json")
        self.assertEqual(output["findings"], [])
        self.assertEqual(output["edits"], {
            "to": ["Alice Tanaka <alice@client.example>"],
            "cc": ["Hanako Ito <hanako@corp.example>"],
            "bcc": ["Archive <archive@corp.example>"],
        })

    def test_no_edits_for_a_blocked_draft(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as policy:
            json.dump({"internalDomains": ["corp.example"],
                       "blockedDomains": ["competitor.example"],
                       "autoBcc": ["archive@corp.example"]}, policy)
        try:
            output = check_json("blocked-domain.json", "--policy", policy.name)
        finally:
            os.unlink(policy.name)
        self.assertTrue(output["blocked"])
        self.assertNotIn("edits", output)

    def test_text_output_lists_the_edits_briefly(self):
        text = check("large-audience-300-customers.json")
        self.assertIn("edits (the recipients it goes out with):", text)
        self.assertIn("  bcc: archive@corp.example", text)
        self.assertIn("and 295 more", text)


class ServeEdits(unittest.TestCase):
    def setUp(self):
        self.host = HostProcess(display=None)

    def tearDown(self):
        self.host.kill()

    def finish(self):
        self.host.close_input()
        self.assertEqual(self.host.wait(), 0, self.host.stderr.decode(errors="replace"))

    def test_auto_bcc_verdict_carries_the_edits(self):
        request = request_file("auto-bcc-archive-for-outside-mail.json")
        self.host.send(request)
        verdict = self.host.reply()
        self.assertEqual(verdict["decision"], "send", verdict)
        self.assertEqual(verdict["edits"]["bcc"], ["Archive <archive@corp.example>"])
        self.assertEqual(verdict["edits"]["to"], request["draft"]["to"])
        self.assertEqual(verdict["edits"]["cc"], request["draft"]["cc"])
        self.finish()

    def test_internal_mail_gets_no_auto_bcc(self):
        request = request_file("internal-only.json")
        request.setdefault("policy", {})["autoBcc"] = ["archive@corp.example"]
        self.host.send(request)
        verdict = self.host.reply()
        self.assertEqual(verdict["decision"], "send", verdict)
        self.assertNotIn("edits", verdict)
        self.finish()


if __name__ == "__main__":
    unittest.main()
