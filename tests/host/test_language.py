"""The language of the real sendguard-host: the system locale by default, the policy's
`language` key over it; JSON output the same in every language."""

import json
import os
import subprocess
import tempfile
import unittest

from hostprocess import DATA, HOST, HostProcess, request_file

JAPANESE = {"LANG": "ja_JP.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
ENGLISH = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def run(locale, *args):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(locale)
    with tempfile.TemporaryDirectory() as data_home:
        env["XDG_DATA_HOME"] = data_home
        return subprocess.run([HOST] + list(args), capture_output=True, text=True, env=env,
                              timeout=30)


def policy_file(folder, **policy):
    path = os.path.join(folder, "policy.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"internalDomains": ["corp.example"], **policy}, f)
    return path


SAMPLE = os.path.join(DATA, "external-recipient-with-attachment.json")


class CommandLine(unittest.TestCase):
    def test_help_follows_the_system_locale(self):
        japanese = run(JAPANESE, "--help")
        self.assertEqual(japanese.returncode, 0, japanese.stderr)
        self.assertTrue(japanese.stdout.startswith("使い方:"), japanese.stdout)
        self.assertIn("sendguard-host --check FILE", japanese.stdout)
        english = run(ENGLISH, "--help")
        self.assertTrue(english.stdout.startswith("Usage:"), english.stdout)

    def test_check_text_output_in_japanese(self):
        result = run(JAPANESE, "--check", SAMPLE)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"^検出 \d+ 件\n")
        self.assertIn("送信不可: いいえ", result.stdout)
        self.assertIn("確認が必要: はい", result.stdout)
        # Rule ids and severities stay as the policy spells them.
        self.assertIn("confirm  external-recipient", result.stdout)

    def test_english_numerus_forms(self):
        result = run(ENGLISH, "--check", os.path.join(DATA, "internal-only.json"))
        self.assertTrue(result.stdout.startswith("0 findings\n"), result.stdout)
        result = run(ENGLISH, "--check", os.path.join(DATA, "blocked-domain.json"))
        self.assertRegex(result.stdout, r"^(1 finding|[02-9]\d* findings)\n")

    def test_policy_problems_are_warned_of_in_japanese(self):
        with tempfile.TemporaryDirectory() as folder:
            result = run(JAPANESE, "--check", SAMPLE, "--policy",
                         policy_file(folder, autoBcc=["archive@"], noSuchKey=1))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("警告: ", result.stderr)
        self.assertIn("管理者ポリシー: autoBcc の 1 番目の項目「archive@」は、読み取れるメール"
                      "アドレスではありません（「@」の後にドメインがありません）。", result.stderr)
        self.assertIn("「noSuchKey」は SendGuard が認識できない設定項目です。", result.stderr)
        self.assertNotIn("admin policy", result.stderr)

    def test_unreadable_request_is_said_in_japanese_with_the_parsers_words(self):
        result = run(JAPANESE, "--check", os.path.join(DATA, "recipient-not-a-string.json"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("SendGuard が読み取れる確認リクエストではありません: draft.to[2] must be a "
                      "string", result.stderr)

    def test_unusable_history_is_said_in_japanese_with_the_databases_words(self):
        with tempfile.TemporaryDirectory() as folder:
            history = os.path.join(folder, "history.sqlite")
            with open(history, "w", encoding="utf-8") as f:
                f.write("not a database\n" * 100)
            result = run(JAPANESE, "--audit-export", "--history", history)
        self.assertEqual(result.returncode, 2)
        self.assertIn("送信履歴を使用できませんでした: ", result.stderr)

    def test_history_rebuilt_after_damage_is_said_in_each_language(self):
        # --learn opens the history for writing: a damaged file is set aside and rebuilt, and
        # the command line says so in the reader's language, the database's words kept.
        sent = os.path.join(DATA, "sent-folder-client-project-group.json")
        said = {}
        for name, locale in (("ja", JAPANESE), ("en", ENGLISH)):
            with tempfile.TemporaryDirectory() as folder:
                history = os.path.join(folder, "history.sqlite")
                with open(history, "w", encoding="utf-8") as f:
                    f.write("not a database\n" * 100)
                result = run(locale, "--learn", sent, "--history", history)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertTrue(any(n.startswith("history.sqlite.corrupt-")
                                    for n in os.listdir(folder)), os.listdir(folder))
                said[name] = result.stderr
        self.assertIn("送信履歴が破損していたため", said["ja"])
        self.assertNotIn("history was corrupt", said["ja"])
        self.assertIn("history was corrupt (", said["en"])
        self.assertIn("and rebuilt", said["en"])

    def test_json_output_is_the_same_in_every_language(self):
        japanese = run(JAPANESE, "--check", SAMPLE, "--json")
        english = run(ENGLISH, "--check", SAMPLE, "--json")
        self.assertEqual(japanese.returncode, 0, japanese.stderr)
        self.assertEqual(json.loads(japanese.stdout), json.loads(english.stdout))
        self.assertIn("needsConfirmation", json.loads(japanese.stdout))

    def test_policy_language_overrides_the_system(self):
        with tempfile.TemporaryDirectory() as folder:
            english = run(JAPANESE, "--check", SAMPLE, "--policy",
                          policy_file(folder, language="en"))
            self.assertIn("blocked: no", english.stdout)
            japanese = run(ENGLISH, "--check", SAMPLE, "--policy",
                           policy_file(folder, language="ja"))
            self.assertIn("送信不可: いいえ", japanese.stdout)
            auto = run(JAPANESE, "--check", SAMPLE, "--policy",
                       policy_file(folder, language="auto"))
            self.assertIn("送信不可: いいえ", auto.stdout)

    def test_findings_follow_the_same_choice(self):
        # The rule messages come from the same catalogue as the rest: one language choice.
        with tempfile.TemporaryDirectory() as folder:
            japanese = run(ENGLISH, "--check", SAMPLE, "--policy",
                           policy_file(folder, language="ja"))
            english = run(JAPANESE, "--check", SAMPLE, "--policy",
                          policy_file(folder, language="en"))
        self.assertIn("は社外のドメインです。", japanese.stdout)
        self.assertNotIn("outside your organisation", japanese.stdout)
        self.assertIn("is outside your organisation.", english.stdout)
        self.assertNotIn("社外", english.stdout)

    def test_user_settings_choose_the_language_unless_locked(self):
        with tempfile.TemporaryDirectory() as folder:
            user = os.path.join(folder, "settings.json")
            with open(user, "w", encoding="utf-8") as f:
                json.dump({"language": "ja"}, f)
            chosen = run(ENGLISH, "--check", SAMPLE, "--policy", policy_file(folder),
                         "--user-settings", user)
            locked = run(ENGLISH, "--check", SAMPLE, "--policy",
                         policy_file(folder, language="en", locked=["language"]),
                         "--user-settings", user)
        self.assertEqual(chosen.returncode, 0, chosen.stderr)
        self.assertIn("送信不可: いいえ", chosen.stdout)
        self.assertIn("は社外のドメインです。", chosen.stdout)
        self.assertEqual(locked.returncode, 0, locked.stderr)
        self.assertIn("blocked: no", locked.stdout)
        self.assertIn("language is set by your administrator", locked.stderr)

    def test_bad_language_value_is_a_warning_in_the_users_language(self):
        with tempfile.TemporaryDirectory() as folder:
            result = run(JAPANESE, "--check", SAMPLE, "--policy",
                         policy_file(folder, language="fr"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("警告: ", result.stderr)
        self.assertIn("language", result.stderr)
        self.assertIn("送信不可: いいえ", result.stdout)

    def test_usage_error_in_japanese(self):
        result = run(JAPANESE, "--bogus")
        self.assertEqual(result.returncode, 2)
        self.assertIn("不明な引数です: --bogus", result.stderr)
        self.assertIn("使い方:", result.stderr)


class Serve(unittest.TestCase):
    def serve(self, locale):
        saved = dict(os.environ)
        os.environ.update(locale)
        try:
            host = HostProcess(display=None)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        self.addCleanup(lambda: (host.close_input(), host.wait()))
        return host

    def review(self, request_id, language=None):
        request = request_file("external-recipient-with-attachment.json")
        request["id"] = request_id
        if language:
            request["policy"]["language"] = language
        return request

    def test_error_reply_follows_the_policy_language(self):
        host = self.serve(ENGLISH)
        host.send(self.review("r-ja", "ja"))
        reply = host.reply()
        self.assertEqual(reply["code"], "unavailable")
        self.assertEqual(reply["message"], "確認ダイアログを表示できるディスプレイがありません。")
        host.send(self.review("r-en", "en"))
        self.assertEqual(host.reply()["message"],
                         "There is no display to show the confirmation dialog on.")

    def test_error_reply_follows_the_system_locale(self):
        host = self.serve(JAPANESE)
        host.send(self.review("r-auto"))
        self.assertEqual(host.reply()["message"],
                         "確認ダイアログを表示できるディスプレイがありません。")


if __name__ == "__main__":
    unittest.main()
