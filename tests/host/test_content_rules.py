"""The content rules through the real sendguard-host --check --json: each fires on the draft that
shows its situation and stays silent on the one that only looks like it."""

import json
import os
import subprocess
import tempfile
import unittest

from hostprocess import DATA, HOST

CONTENT_RULES = ("attention-term", "forgotten-attachment", "sensitive-data",
                 "salutation-mismatch")


def check(name):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    with tempfile.TemporaryDirectory() as data_home:
        env["XDG_DATA_HOME"] = data_home
        result = subprocess.run([HOST, "--check", os.path.join(DATA, name), "--json"],
                                capture_output=True, text=True, env=env, timeout=30)
    if result.returncode != 0:
        raise AssertionError(result.stderr)
    return json.loads(result.stdout)


def content_findings(output):
    return [f for f in output["findings"] if f["rule"] in CONTENT_RULES]


class ContentRules(unittest.TestCase):
    def assert_only(self, name, rule, message_part):
        output = check(name)
        findings = content_findings(output)
        self.assertEqual([f["rule"] for f in findings], [rule], findings)
        self.assertEqual(findings[0]["severity"], "warn")
        self.assertEqual(findings[0]["target"]["kind"], "draft")
        self.assertIn(message_part, findings[0]["message"])
        self.assertTrue(output["needsConfirmation"])
        return findings[0]

    def test_forgotten_attachment_in_japanese(self):
        self.assert_only("forgot-attachment-japanese.json", "forgotten-attachment", "添付")

    def test_card_number_on_internal_only_mail(self):
        finding = self.assert_only("card-number-in-body.json", "sensitive-data", "ending 4242")
        self.assertNotIn("4242 4242", finding["message"])

    def test_my_number_in_full_width_digits(self):
        finding = self.assert_only("my-number-in-body.json", "sensitive-data", "ending 9018")
        self.assertNotIn("5678", finding["message"])

    def test_greeting_names_another_person(self):
        self.assert_only("greeting-names-other-person.json", "salutation-mismatch", "佐藤様")

    def test_full_width_attention_term_in_subject_and_attachment(self):
        self.assert_only("attention-term-full-width-subject.json", "attention-term",
                         "the subject and the attachment name "
                         "\u201cmerger-plan_confidential.docx\u201d")

    def test_quoted_text_and_signature_do_not_count(self):
        self.assertEqual(content_findings(check("reply-quote-mentions-attachment.json")), [])

    def test_family_name_greeting_with_attachment_is_silent(self):
        self.assertEqual(content_findings(check("greeting-family-name-only.json")), [])

    def test_plain_drafts_trigger_no_content_rule(self):
        for name in ("internal-only.json", "external-recipient-with-attachment.json"):
            with self.subTest(name=name):
                self.assertEqual(content_findings(check(name)), [])


if __name__ == "__main__":
    unittest.main()
