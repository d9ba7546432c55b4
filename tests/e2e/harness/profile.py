"""A fresh HOME and Thunderbird profile for one run, following the tested recipe
(/work/shared/reference/thunderbird-e2e.md, sections 2-4).
"""

import json
import os
import shutil
import zipfile

DRIVER_ID = "e2e-driver@sendguard.test"
DRIVER_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "driver")

SENDER_NAME = "Test Sender"
SENDER_ADDRESS = "sender@corp.example"


def user_js(smtp_port):
    """Prefs: one never-contacted POP3 account whose identity sends through the sink."""
    prefs = [
        ("mail.accountmanager.accounts", "account1"),
        ("mail.account.account1.server", "server1"),
        ("mail.account.account1.identities", "id1"),
        ("mail.server.server1.type", "pop3"),
        ("mail.server.server1.hostname", "127.0.0.1"),
        ("mail.server.server1.userName", "sender"),
        ("mail.server.server1.login_at_startup", False),
        ("mail.server.server1.check_new_mail", False),
        ("mail.identity.id1.fullName", SENDER_NAME),
        ("mail.identity.id1.useremail", SENDER_ADDRESS),
        ("mail.identity.id1.smtpServer", "smtp1"),
        ("mail.identity.id1.fcc", False),
        ("mail.smtpservers", "smtp1"),
        ("mail.smtpserver.smtp1.hostname", "127.0.0.1"),
        ("mail.smtpserver.smtp1.port", smtp_port),
        ("mail.smtpserver.smtp1.authMethod", 1),
        ("mail.smtpserver.smtp1.try_ssl", 0),
        # Sideloaded add-ons in <profile>/extensions start enabled.
        ("extensions.autoDisableScopes", 0),
        ("extensions.update.enabled", False),
        # Extension console.log -> Thunderbird's stdout: how the driver reports.
        ("devtools.console.stdout.content", True),
        ("mail.provider.suppress_dialog_on_startup", True),
        ("mailnews.start_page.enabled", False),
        ("mail.rights.version", 1),
        ("mail.warn_on_send_accel_key", False),
        ("mail.SpellCheckBeforeSend", False),
        ("datareporting.policy.dataSubmissionEnabled", False),
        ("datareporting.healthreport.uploadEnabled", False),
        ("toolkit.telemetry.enabled", False),
        ("browser.region.network.url", ""),
        ("browser.region.update.enabled", False),
        ("network.connectivity-service.enabled", False),
        ("toolkit.startup.max_resumed_crashes", -1),
    ]
    return "".join("user_pref(%s, %s);\n" % (json.dumps(k), json.dumps(v)) for k, v in prefs)


class Profile:
    """Folders of one run: <root>/home (HOME), <root>/profile, <root>/mail (the sink)."""

    def __init__(self, root):
        self.root = root
        self.home = os.path.join(root, "home")
        self.profile = os.path.join(root, "profile")
        self.mail = os.path.join(root, "mail")
        self.extensions = os.path.join(self.profile, "extensions")
        self.runtime = os.path.join(root, "runtime")
        for folder in (self.home, self.extensions, self.mail):
            os.makedirs(folder, exist_ok=True)
        os.makedirs(self.runtime, mode=0o700, exist_ok=True)

    @property
    def host_log(self):
        return os.path.join(self.home, ".local", "share", "sendguard", "sendguard.log")

    def write_prefs(self, smtp_port):
        with open(os.path.join(self.profile, "user.js"), "w") as out:
            out.write(user_js(smtp_port))

    def seed_sent_folder(self, mbox_text):
        """Local Folders with a "Sent" folder holding mbox_text, as in a profile that has sent
        mail for years: Thunderbird flags a Local Folders mailbox named "Sent" as the Sent
        folder (specialUse "sent") and builds its summary from the mbox at start-up."""
        folder = os.path.join(self.profile, "Mail", "Local Folders")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "Sent"), "w", encoding="utf-8", newline="") as out:
            out.write(mbox_text)
        prefs = [
            ("mail.accountmanager.accounts", "account1,account2"),
            ("mail.accountmanager.localfoldersserver", "server2"),
            ("mail.account.account2.server", "server2"),
            ("mail.server.server2.type", "none"),
            ("mail.server.server2.hostname", "Local Folders"),
            ("mail.server.server2.name", "Local Folders"),
            ("mail.server.server2.userName", "nobody"),
            ("mail.server.server2.directory-rel", "[ProfD]Mail/Local Folders"),
        ]
        self.add_prefs(prefs)

    def add_prefs(self, prefs):
        """Appends (name, value) prefs to user.js, after those of write_prefs."""
        with open(os.path.join(self.profile, "user.js"), "a") as out:
            out.write("".join("user_pref(%s, %s);\n" % (json.dumps(k), json.dumps(v))
                              for k, v in prefs))

    def register_host(self, host_name, host_path, addon_id):
        """The user-level native manifest, the one place Thunderbird looks in HOME."""
        folder = os.path.join(self.home, ".mozilla", "native-messaging-hosts")
        os.makedirs(folder, exist_ok=True)
        manifest = {
            "name": host_name,
            "description": "SendGuard native host (e2e test registration)",
            "path": os.path.abspath(host_path),
            "type": "stdio",
            "allowed_extensions": [addon_id],
        }
        path = os.path.join(folder, host_name + ".json")
        with open(path, "w") as out:
            json.dump(manifest, out, indent=2)
        return path

    def install_addin(self, xpi_path, addon_id):
        # The file name must equal the gecko id, or Thunderbird silently ignores it.
        shutil.copyfile(xpi_path, os.path.join(self.extensions, addon_id + ".xpi"))

    def install_driver(self, scenario):
        """The test-only driver add-on with this run's scenario.json inside its XPI."""
        path = os.path.join(self.extensions, DRIVER_ID + ".xpi")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as xpi:
            for name in ("manifest.json", "background.js"):
                xpi.write(os.path.join(DRIVER_DIR, name), name)
            xpi.writestr("scenario.json", json.dumps(scenario, indent=2))
        return path


# The demo's draft (scripts/demo): an external recipient, an internal Cc and an attachment, so
# that pressing Send opens SendGuard's dialog.
DEMO_SCENARIO = {
    "mode": "compose-only",
    "draft": {
        "to": ["Alice Example <alice@client.example>"],
        "cc": ["Colleague One <colleague@corp.example>"],
        "bcc": [],
        "subject": "Quote for March",
        "body": "Hello Alice,\n\nthe figures for the third quarter are attached.\n\n"
                "Test Sender\n",
        "attachments": [{"name": "figures-q3.csv", "type": "text/csv",
                         "content": "quarter,revenue\nq3,1234\n"}],
    },
}


def main():
    """python3 -m harness.profile ROOT --smtp-port N: the demo's HOME and profile (prefs and
    the compose-only driver); with --xpi/--host also the add-in and the host registration."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--smtp-port", type=int, required=True)
    parser.add_argument("--xpi")
    parser.add_argument("--addon-id")
    parser.add_argument("--host")
    parser.add_argument("--host-name")
    args = parser.parse_args()
    profile = Profile(args.root)
    profile.write_prefs(args.smtp_port)
    profile.install_driver(DEMO_SCENARIO)
    if args.xpi:
        profile.install_addin(args.xpi, args.addon_id)
    if args.host:
        profile.register_host(args.host_name, args.host, args.addon_id)
    print(profile.profile)


if __name__ == "__main__":
    main()
