"""lookalike-domain through the real sendguard-host's --check on the sample drafts: the finding
names the domain a recipient's resembles, and real, different companies stay silent."""

import json
import os
import subprocess
import tempfile
import unittest

from hostprocess import DATA, HOST


def check(name, *options, lang="en_US.UTF-8"):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE",
                        "LC_MESSAGES")}
    env["LANG"] = env["LC_ALL"] = lang
    with tempfile.TemporaryDirectory() as data_home:
        env["XDG_DATA_HOME"] = data_home
        result = subprocess.run([HOST, "--check", os.path.join(DATA, name), *options],
                                capture_output=True, text=True, env=env, timeout=30)
    if result.returncode != 0:
        raise AssertionError("--check %s failed: %s" % (name, result.stderr))
    return result.stdout


def check_json(name):
    return json.loads(check(name, "--json"))


def lookalikes(output):
    """{recipient address: message} of the lookalike-domain findings."""
    return {f["target"].get("text"): f["message"] for f in output["findings"]
            if f["rule"] == "lookalike-domain"}


class CheckLookalikeDomain(unittest.TestCase):
    def test_digit_for_letter_in_own_domain_warns(self):
        output = check_json("lookalike-own-domain-digit-for-letter.json")
        found = [f for f in output["findings"] if f["rule"] == "lookalike-domain"]
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["severity"], "warn")
        self.assertEqual(found[0]["target"]["text"], "jiro.suzuki@c0rp.example")
        self.assertEqual(found[0]["message"], "c0rp.example looks like corp.example, your "
                         "organisation's own domain, but is a different domain. Check the "
                         "spelling before sending.")
        self.assertEqual(found[0]["kind"], "lookalike.internal")
        self.assertEqual(found[0]["args"], {"domain": "c0rp.example", "resembles": "corp.example",
                                            "how": "typo"})
        self.assertTrue(output["needsConfirmation"])

    def test_text_output_speaks_the_language_of_the_locale(self):
        name = "lookalike-own-domain-digit-for-letter.json"
        japanese = check(name, lang="ja_JP.UTF-8")
        self.assertIn("c0rp.example は自社のドメイン corp.example に似ていますが、別のドメインです。"
                      "送信前に綴りを確認してください。", japanese)
        self.assertNotIn("looks like", japanese)
        english = check(name, lang="en_US.UTF-8")
        self.assertIn("c0rp.example looks like corp.example, your organisation's own domain, "
                      "but is a different domain. Check the spelling before sending.", english)
        # Any language SendGuard has no translation for gets English.
        self.assertIn("looks like corp.example", check(name, lang="de_DE.UTF-8"))

    def test_mail_provider_typos_and_homoglyph_name_the_provider(self):
        found = lookalikes(check_json("lookalike-mail-provider-typos.json"))
        self.assertEqual(sorted(found), ["aiko.mori@gmial.com", "ken.abe@docomo.ne.jq",
                                         "yui.sato@xn--yhoo-53d.co.jp"])
        self.assertIn("looks like gmail.com, a well-known mail provider",
                      found["aiko.mori@gmial.com"])
        self.assertIn("looks like docomo.ne.jp", found["ken.abe@docomo.ne.jq"])
        homoglyph = found["yui.sato@xn--yhoo-53d.co.jp"]
        self.assertIn("(xn--yhoo-53d.co.jp) looks like yahoo.co.jp", homoglyph)
        self.assertIn("mixes Latin and Cyrillic letters", homoglyph)

    def test_own_domain_written_into_another_warns_and_names_it(self):
        output = check_json("lookalike-own-domain-inside-another.json")
        found = {f["target"]["text"]: f for f in output["findings"]
                 if f["rule"] == "lookalike-domain"}
        self.assertEqual(sorted(found), ["it-desk@corp.example.account-verify.net",
                                         "jiro.suzuki@corp-example.com"])
        subdomain = found["it-desk@corp.example.account-verify.net"]
        self.assertEqual(subdomain["kind"], "lookalike.embedsInternal")
        self.assertEqual(subdomain["args"], {"domain": "corp.example.account-verify.net",
                                             "resembles": "corp.example", "how": "embedded"})
        self.assertEqual(found["jiro.suzuki@corp-example.com"]["message"],
                         "corp-example.com is not corp.example, your organisation's own "
                         "domain, but has its name written into it. Check that it is the "
                         "domain you mean.")
        self.assertTrue(output["needsConfirmation"])
        japanese = check("lookalike-own-domain-inside-another.json", lang="ja_JP.UTF-8")
        self.assertIn("corp-example.com は自社のドメイン corp.example ではありませんが、"
                      "その名前を含んでいます。", japanese)

    def test_companies_sharing_a_word_and_subdomains_stay_silent(self):
        output = check_json("lookalike-silent-company-sharing-a-word.json")
        self.assertEqual(lookalikes(output), {})
        self.assertIn("external-recipient", {f["rule"] for f in output["findings"]})


if __name__ == "__main__":
    unittest.main()
