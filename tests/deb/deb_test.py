#!/usr/bin/python3
"""Tests of SendGuard's Debian package (CTest label deb; tests/deb/README.md).

    deb_test.py --config BUILD/tests/deb/deb-config.json COMMAND

COMMAND is one of:
package              cpack -G DEB into a fresh folder: exactly one .deb
contents             what dpkg-deb says is in it: the paths, the manifest pointing at the installed
                     host, the XPI, the example policies.json, nothing under /etc, no maintainer
                     scripts, computed dependencies, the project's version
lintian              lintian on the .deb: no error and no warning (overrides say why)
install-send-remove  installs it on this machine (apt-get install ./x.deb, as root), runs the
                     installed-confirm and installed-policy e2e scenarios in the real Thunderbird
                     against the installed files, removes it (dpkg -r) and checks that every file
                     it brought is gone and that /etc/thunderbird/policies/policies.json was
                     left alone by install and removal. The package is removed and policies.json
                     restored also when a step fails.
Exit status: 0 passed, 1 failed, 2 bad usage.
"""

import argparse
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "e2e"))

from harness.systemlock import SystemLock  # noqa: E402
from harness.xsession import stop_process  # noqa: E402

POLICIES = "/etc/thunderbird/policies/policies.json"
# Stands for the file IT already has; nothing in it matters to SendGuard or to the scenarios.
SENTINEL_POLICIES = b'{\n  "policies": {\n    "DisableTelemetry": true\n  }\n}\n'
LOCK_TIMEOUT = 900.0
E2E_TIMEOUT = 300


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def run(argv, check=True, timeout=600, env=None):
    """Runs argv; returns its stdout. Fails with its output when it fails and check is set."""
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=timeout, env=env)
    if check and done.returncode != 0:
        raise Failure("%s failed (rc %d):\n%s" % (" ".join(argv), done.returncode, done.stdout))
    return done.stdout if check else done


def the_deb(config):
    debs = sorted(glob.glob(os.path.join(config["packageDir"], "*.deb")))
    expect(len(debs) == 1, "expected one .deb in %s (run deb.package first), found %s"
           % (config["packageDir"], debs))
    return debs[0]


# ---- package ----------------------------------------------------------------------------

def package(config):
    shutil.rmtree(config["packageDir"], ignore_errors=True)
    os.makedirs(config["packageDir"])
    started = time.monotonic()
    print(run([config["cpack"], "-G", "DEB", "--config", config["cpackConfig"],
               "-B", config["packageDir"]]).rstrip())
    deb = the_deb(config)
    print("%s: %d bytes, %.1f s" % (deb, os.path.getsize(deb), time.monotonic() - started))


# ---- contents ---------------------------------------------------------------------------

def expected_paths(config):
    """Path -> kind ("file", "exec", "link") of everything the package must hold."""
    prefix, host_json = config["prefix"], config["hostName"] + ".json"
    doc = "%s/share/doc/%s" % (prefix, config["package"])
    return {
        config["host"]: "exec",
        "%s/lib/mozilla/native-messaging-hosts/%s" % (prefix, host_json): "file",
        "%s/lib64/mozilla/native-messaging-hosts/%s" % (prefix, host_json): "file",
        config["xpi"]: "file",
        system_xpi(config): "link",
        doc + "/examples/policies.json": "file",
        doc + "/examples/draft.json": "file",
        doc + "/copyright": "file",
        doc + "/changelog.Debian.gz": "file",
        doc + "/README.md": "file",
        "%s/share/man/man1/%s.1.gz" % (prefix, os.path.basename(config["host"])): "file",
        "%s/share/lintian/overrides/%s" % (prefix, config["package"]): "file",
    }


def system_xpi(config):
    return "%s/share/mozilla/extensions/%s/%s.xpi" % (config["prefix"], config["thunderbirdAppId"],
                                                     config["addonId"])


def listing(deb):
    """Path -> tarfile member of the package's data, paths absolute without a trailing /."""
    with tempfile.TemporaryDirectory() as folder:
        data = os.path.join(folder, "data.tar")
        with open(data, "wb") as out:
            subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], stdout=out, check=True)
        with tarfile.open(data) as tar:
            return {"/" + m.name.lstrip("./").rstrip("/"): m for m in tar.getmembers()
                    if m.name not in (".", "./")}


def check_manifest(config, text, where):
    manifest = json.loads(text)
    expect(manifest.get("name") == config["hostName"] and manifest.get("type") == "stdio"
           and manifest.get("path") == config["host"]
           and manifest.get("allowed_extensions") == [config["addonId"]],
           "%s: the native manifest is wrong: %s" % (where, manifest))


def check_example_policies(config, text):
    policies = json.loads(text)["policies"]
    setting = policies["ExtensionSettings"][config["addonId"]]
    expect(setting == {"installation_mode": "force_installed",
                       "install_url": "file://" + config["xpi"]},
           "the example's ExtensionSettings entry is wrong: %s" % setting)
    expect(isinstance(policies["3rdparty"]["Extensions"][config["addonId"]], dict),
           "the example has no 3rdparty policy for %s" % config["addonId"])


def contents(config):
    deb = the_deb(config)
    fields = {name: run(["dpkg-deb", "-f", deb, name]).strip()
              for name in ("Package", "Version", "Architecture", "Depends", "Recommends",
                           "Maintainer", "Description", "Section")}
    print("\n".join("%s: %s" % item for item in fields.items() if item[0] != "Description"))
    expect(fields["Package"] == config["package"], "Package is %r" % fields["Package"])
    expect(fields["Version"] == config["version"],
           "Version is %r, the project's is %r" % (fields["Version"], config["version"]))
    arch = run(["dpkg", "--print-architecture"]).strip()
    expect(fields["Architecture"] == arch, "Architecture %r on %r" % (fields["Architecture"], arch))
    # dpkg-shlibdeps' work: the libraries the host links, with versions.
    for library in ("libc6", "libstdc++6", "libqt6widgets6", "libicu", "libsqlite3"):
        expect(library in fields["Depends"], "Depends lacks %s: %r" % (library, fields["Depends"]))
    expect("(>=" in fields["Depends"], "Depends has no versions: %r" % fields["Depends"])
    # Qt's Japanese catalogue, for its standard buttons in Japanese.
    expect("qt6-translations-l10n" in fields["Recommends"],
           "Recommends lacks qt6-translations-l10n: %r" % fields["Recommends"])
    expect(fields["Maintainer"] and "\n" in fields["Description"], "no maintainer or description")

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["dpkg-deb", "-e", deb, folder], check=True)
        members = sorted(os.listdir(folder))
    expect(members == ["control", "md5sums"],
           "the control archive holds %s: no maintainer scripts or conffiles expected" % members)

    paths = listing(deb)
    for path in sorted(paths):
        print("  %s%s" % (path, " -> " + paths[path].linkname if paths[path].issym() else ""))
    for path, kind in expected_paths(config).items():
        member = paths.get(path)
        expect(member is not None, "the package lacks %s" % path)
        if kind == "link":
            expect(member.issym(), "%s is not a symbolic link" % path)
            target = os.path.normpath(os.path.join(os.path.dirname(path), member.linkname))
            expect(target == config["xpi"], "%s points to %s, not %s" % (path, target,
                                                                       config["xpi"]))
            expect(not member.linkname.startswith("/"), "%s: link not relative" % path)
        else:
            expect(member.isfile(), "%s is not a plain file" % path)
            mode = 0o755 if kind == "exec" else 0o644
            expect(member.mode & 0o7777 == mode, "%s has mode %o, expected %o"
                   % (path, member.mode & 0o7777, mode))
        expect(member.uname == "root" and member.gname == "root", "%s not owned by root" % path)
    outside = [p for p in paths if not (p == config["prefix"] or
                                        p.startswith(config["prefix"] + "/"))]
    expect(not outside, "files outside %s: %s" % (config["prefix"], outside))
    expect(not [p for p in paths if p.startswith("/etc")], "the package writes under /etc")

    with tempfile.TemporaryDirectory() as root:
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        manifests = [p for p, kind in expected_paths(config).items()
                     if p.endswith(config["hostName"] + ".json")]
        for manifest in manifests:
            with open(root + manifest, encoding="utf-8") as text:
                check_manifest(config, text.read(), manifest)
        with open(root + expected_paths_doc(config), encoding="utf-8") as text:
            check_example_policies(config, text.read())
        with zipfile.ZipFile(root + config["xpi"]) as xpi:
            addin = json.loads(xpi.read("manifest.json"))
        gecko = addin["browser_specific_settings"]["gecko"]
        expect(gecko["id"] == config["addonId"], "the XPI's id is %r" % gecko["id"])
        expect(addin["version"] == config["version"].rsplit("-", 1)[0],
               "the XPI's version %r is not the package's %r" % (addin["version"],
                                                                config["version"]))
        version = run([root + config["host"], "--version"]).strip()
        expect(version == config["hostVersion"], "the host says %r, expected %r"
               % (version, config["hostVersion"]))
        print("host --version: %s; XPI %s %s" % (version, gecko["id"], addin["version"]))
        # The README's way to try a policy before rolling it out, on the package's examples:
        # the example policy blocks competitor.example, which the example draft has in Cc.
        draft = root + os.path.dirname(expected_paths_doc(config)) + "/draft.json"
        for policy, blocked in ((None, False), (root + expected_paths_doc(config), True)):
            argv = [root + config["host"], "--check", draft, "--json"]
            done = run(argv + (["--policy", policy] if policy else []), check=False)
            expect(done.returncode == 0, "%s: rc %d\n%s" % (" ".join(argv), done.returncode,
                                                           done.stdout))
            result = json.loads(done.stdout[done.stdout.index("{"):])
            expect(result["blocked"] == blocked, "--check on the example draft %s the example "
                   "policy: blocked %s" % ("with" if policy else "without", result["blocked"]))
        print("--check examples/draft.json: not blocked alone, blocked with examples/policies.json")


def expected_paths_doc(config):
    return "%s/share/doc/%s/examples/policies.json" % (config["prefix"], config["package"])


# ---- lintian ----------------------------------------------------------------------------

def lintian(config):
    expect(config["lintian"], "lintian is not installed (scripts/setup-deps installs it)")
    # (--show-overrides would make lintian fail on the overridden tags too.)
    done = run([config["lintian"], "--fail-on", "error,warning", "--display-info",
                the_deb(config)], check=False)
    print(done.stdout.rstrip() or "(lintian: nothing to report)")
    expect(done.returncode == 0, "lintian reports errors or warnings (rc %d)" % done.returncode)


# ---- install-send-remove ----------------------------------------------------------------

def fingerprint(path):
    """What 'untouched' means for a file: same bytes, same inode, same mtime, same mode."""
    if not os.path.exists(path):
        return None
    status = os.stat(path)
    with open(path, "rb") as data:
        digest = hashlib.sha256(data.read()).hexdigest()
    return (digest, status.st_ino, status.st_mtime_ns, status.st_mode)


def package_status(name):
    done = run(["dpkg-query", "-W", "-f=${Status}", name], check=False)
    return done.stdout.strip() if done.returncode == 0 else "not known to dpkg"


def on_machine(status):
    """Whether dpkg keeps anything of the package: installed, half-done or config files."""
    return not (status == "not known to dpkg" or status.endswith(" not-installed"))


class Machine:
    """Puts the machine back as it was: the package removed, policies.json as before."""

    def __init__(self, config):
        self.config = config
        self.original = None          # the bytes of an existing policies.json
        self.backup = None
        self.made_file = False
        self.made_dirs = []

    def seed_policies(self):
        if os.path.exists(POLICIES):
            with open(POLICIES, "rb") as data:
                self.original = data.read()
            # Kept beside the test's artefacts too, in case this process is killed.
            self.backup = os.path.join(self.config["outDir"], "policies.json.orig")
            shutil.copy2(POLICIES, self.backup)
            print("%s exists: it stands for IT's file (a copy is in %s)" % (POLICIES, self.backup))
            return
        folder = os.path.dirname(POLICIES)
        missing = []
        while not os.path.exists(folder):
            missing.append(folder)
            folder = os.path.dirname(folder)
        for folder in reversed(missing):
            os.mkdir(folder, 0o755)
            self.made_dirs.insert(0, folder)
        with open(POLICIES, "wb") as out:
            out.write(SENTINEL_POLICIES)
        self.made_file = True
        print("wrote %s as IT's existing file (removed at the end)" % POLICIES)

    def write_policies(self, data):
        with open(POLICIES, "wb") as out:
            out.write(data)

    def restore_policies(self):
        """IT's file back in place before dpkg -r: its bytes, its mode and its mtime."""
        if self.backup:
            shutil.copy2(self.backup, POLICIES)
        elif self.made_file:
            self.write_policies(SENTINEL_POLICIES)

    def cleanup(self):
        problems = []
        status = package_status(self.config["package"])
        if on_machine(status):
            print("cleanup: removing %s (%s)" % (self.config["package"], status))
            done = run(["dpkg", "--purge", self.config["package"]], check=False)
            if done.returncode != 0:
                problems.append("dpkg --purge failed:\n" + done.stdout)
        try:
            if self.original is not None:
                now = None
                if os.path.exists(POLICIES):
                    with open(POLICIES, "rb") as data:
                        now = data.read()
                if now != self.original:
                    shutil.copy2(self.backup, POLICIES)
                    print("cleanup: restored %s" % POLICIES)
            elif self.made_file:
                if os.path.exists(POLICIES):
                    os.remove(POLICIES)
                for folder in self.made_dirs:
                    os.rmdir(folder)
        except OSError as error:
            problems.append("restoring %s: %s" % (POLICIES, error))
        return problems


def check_installed(config, before):
    status = package_status(config["package"])
    expect(status == "install ok installed", "after install: %s" % status)
    version = run(["dpkg-query", "-W", "-f=${Version}", config["package"]]).strip()
    expect(version == config["version"], "installed version %r" % version)
    listed = set(run(["dpkg", "-L", config["package"]]).split())
    for path, kind in expected_paths(config).items():
        expect(path in listed, "dpkg -L does not list %s" % path)
        expect(os.path.lexists(path), "%s is missing after install" % path)
    expect(os.path.realpath(system_xpi(config)) == config["xpi"],
           "%s does not lead to %s" % (system_xpi(config), config["xpi"]))
    for path in expected_paths(config):
        if path.endswith(config["hostName"] + ".json"):
            with open(path, encoding="utf-8") as text:
                check_manifest(config, text.read(), path)
    expect(run([config["host"], "--version"]).strip() == config["hostVersion"],
           "the installed host does not run")
    expect(fingerprint(POLICIES) == before, "installing changed %s" % POLICIES)
    print("installed: %d paths; %s untouched" % (len(listed), POLICIES))


def check_removed(config, paths, existed, before):
    status = package_status(config["package"])
    expect(not on_machine(status), "after dpkg -r: %s" % status)
    left = [p for p in sorted(paths) if p not in existed and os.path.lexists(p)]
    expect(not left, "dpkg -r left behind: %s" % left)
    expect(fingerprint(POLICIES) == before, "removing changed %s" % POLICIES)
    print("removed: none of the %d new paths is left; %s untouched"
          % (len([p for p in paths if p not in existed]), POLICIES))


class UsersProfile:
    """A profile that lives through the package's life as a person's does: made before the
    install, started again after each change. Thunderbird runs headless with no driver; the test
    reads the add-on state Thunderbird keeps in the profile's extensions.json."""

    def __init__(self, config):
        self.config = config
        self.root = os.path.join(config["outDir"], "existing-profile")
        shutil.rmtree(self.root, ignore_errors=True)
        self.profile = os.path.join(self.root, "profile")
        self.home = os.path.join(self.root, "home")
        for folder in (self.profile, self.home):
            os.makedirs(folder)
        os.makedirs(os.path.join(self.root, "runtime"), mode=0o700)
        prefs = {"mail.provider.suppress_dialog_on_startup": True,
                 "mailnews.start_page.enabled": False, "mail.rights.version": 1,
                 "extensions.update.enabled": False,
                 "datareporting.policy.dataSubmissionEnabled": False,
                 "toolkit.telemetry.enabled": False}
        with open(os.path.join(self.profile, "user.js"), "w") as out:
            out.write("".join("user_pref(%s, %s);\n" % (json.dumps(k), json.dumps(v))
                              for k, v in prefs.items()))
        self.runs = 0
        self.copy = os.path.join(self.profile, "extensions", config["addonId"] + ".xpi")

    def entries(self):
        path = os.path.join(self.profile, "extensions.json")
        try:
            with open(path, encoding="utf-8") as data:
                addons = json.load(data)["addons"]
        except (OSError, ValueError, KeyError):
            return None  # not written yet, or being written
        return [{k: a.get(k) for k in ("location", "active", "path")}
                for a in addons if a["id"] == self.config["addonId"]]

    def settle(self, process, quiet=4.0, longest=30.0):
        """Lets Thunderbird finish: until neither extensions.json nor addonStartup.json.lz4
        (the add-on manager's two records, saved at different times) changed for `quiet` s.
        Stopped earlier, the two can disagree at the next start, as after a crash."""
        files = [os.path.join(self.profile, name)
                 for name in ("extensions.json", "addonStartup.json.lz4")]
        started = time.monotonic()
        last, changed = None, time.monotonic()
        while time.monotonic() - started < longest and process.poll() is None:
            now = [os.stat(f).st_mtime_ns if os.path.exists(f) else 0 for f in files]
            if now != last:
                last, changed = now, time.monotonic()
            elif time.monotonic() - changed >= quiet:
                return
            time.sleep(0.25)

    def start(self, what, until, timeout=45.0):
        """Starts Thunderbird until `until(entries)` holds; fails after `timeout` s."""
        self.runs += 1
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("XDG_", "DBUS_", "DISPLAY", "WAYLAND", "MOZ_"))}
        env.update({"HOME": self.home, "XDG_RUNTIME_DIR": os.path.join(self.root, "runtime"),
                    "LANG": "C.UTF-8"})
        log_path = os.path.join(self.root, "thunderbird-%d.out" % self.runs)
        started = time.monotonic()
        with open(log_path, "w") as log:
            process = subprocess.Popen([self.config["thunderbird"], "--headless", "--profile",
                                        self.profile, "--no-remote"], env=env, stdout=log,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            try:
                while True:
                    entries = self.entries()
                    if entries is not None and until(entries):
                        self.settle(process)
                        break
                    expect(process.poll() is None, "%s: Thunderbird exited (rc %s); see %s"
                           % (what, process.returncode, log_path))
                    expect(time.monotonic() - started < timeout, "%s: after %.0f s the "
                           "profile's SendGuard entries are %s; see %s"
                           % (what, timeout, entries, log_path))
                    time.sleep(0.5)
            finally:
                stop_process(process)
        entries = self.entries()
        print("existing profile, %s (%.1f s): %s; profile copy %s" % (
            what, time.monotonic() - started, entries,
            "present" if os.path.exists(self.copy) else "absent"))
        return entries


def e2e(config, scenario):
    started = time.monotonic()
    done = subprocess.run([config["python"], config["e2e"], "--config", config["e2eConfig"],
                           scenario], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=E2E_TIMEOUT)
    print(done.stdout.rstrip())
    expect(done.returncode == 0, "e2e %s failed (rc %d)" % (scenario, done.returncode))
    return time.monotonic() - started


def install_send_remove(config):
    expect(os.geteuid() == 0, "installing the .deb needs root (run as root, or skip label deb)")
    deb = the_deb(config)
    status = package_status(config["package"])
    expect(not on_machine(status),
           "%s is already on this machine (%s); the test would remove it, so it stops"
           % (config["package"], status))
    os.makedirs(config["outDir"], exist_ok=True)
    paths = listing(deb)
    existed = {p for p in paths if os.path.lexists(p)}
    times = {}
    started = time.monotonic()
    with SystemLock(exclusive=True, timeout=LOCK_TIMEOUT):
        times["wait for the system lock"] = time.monotonic() - started
        machine = Machine(config)
        failure = None
        try:
            machine.seed_policies()
            before = fingerprint(POLICIES)
            # A person's profile from before SendGuard: it must see the package come and go.
            users = UsersProfile(config)
            users.start("before the install", lambda entries: os.path.exists(
                os.path.join(users.profile, "addonStartup.json.lz4")))
            step = time.monotonic()
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            print(run(["apt-get", "install", "-y", "-q", "--no-install-recommends",
                       os.path.abspath(deb)], env=env).rstrip()[-2000:])
            times["apt-get install"] = time.monotonic() - step
            check_installed(config, before)

            times["e2e installed-confirm"] = e2e(config, "installed-confirm")
            example = expected_paths_doc(config)
            with open(example, "rb") as data:
                machine.write_policies(data.read())
            print("%s = %s for installed-policy" % (POLICIES, example))
            times["e2e installed-policy"] = e2e(config, "installed-policy")

            # In a profile that existed before the package, force_installed makes Thunderbird
            # install its own copy from the file:// URL: the README's removal order (blocked
            # first, then dpkg -r) takes it away; without it the copy would outlive the package.
            step = time.monotonic()
            entries = users.start("with the example policy",
                                  lambda e: any(x["location"] == "app-profile" for x in e))
            expect(os.path.exists(users.copy) and any(x["active"] for x in entries),
                   "the existing profile has no active SendGuard with the policy: %s" % entries)
            with open(example, encoding="utf-8") as data:
                blocked = json.load(data)
            blocked["policies"]["ExtensionSettings"][config["addonId"]] = {
                "installation_mode": "blocked"}
            machine.write_policies(json.dumps(blocked, indent=2).encode())
            users.start("with installation_mode blocked", lambda e: not os.path.exists(users.copy)
                        and not any(x["location"] == "app-profile" for x in e))
            machine.restore_policies()
            # The policy's entries gone, the package's own copy (the system folder's) is back.
            users.start("with SendGuard's entries out of policies.json", lambda e: any(
                x["location"] == "app-system-share" and x["active"] for x in e))
            times["existing profile: policy, blocked, entries out"] = time.monotonic() - step
            before = fingerprint(POLICIES)

            step = time.monotonic()
            print(run(["dpkg", "-r", config["package"]]).rstrip())
            times["dpkg -r"] = time.monotonic() - step
            check_removed(config, paths, existed, before)
            step = time.monotonic()
            users.start("after dpkg -r", lambda entries: not entries
                        and not os.path.exists(users.copy))
            times["existing profile after dpkg -r"] = time.monotonic() - step
        except (Failure, subprocess.TimeoutExpired, OSError) as error:
            failure = error
        finally:
            problems = machine.cleanup()
    total = time.monotonic() - started
    for name, seconds in times.items():
        print("time: %s %.1f s" % (name, seconds))
    print("time: install-send-remove %.1f s in all" % total)
    if problems:
        raise Failure("; ".join(([str(failure)] if failure else []) + problems))
    if failure is not None:
        raise Failure(str(failure))


COMMANDS = {"package": package, "contents": contents, "lintian": lintian,
            "install-send-remove": install_send_remove}


def main():
    parser = argparse.ArgumentParser(description="SendGuard .deb tests")
    parser.add_argument("--config", required=True)
    parser.add_argument("command", choices=sorted(COMMANDS))
    args = parser.parse_args()
    with open(args.config) as config_file:
        config = json.load(config_file)
    started = time.monotonic()
    try:
        COMMANDS[args.command](config)
    except (Failure, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as error:
        print("FAIL deb.%s (%.1f s): %s" % (args.command, time.monotonic() - started, error))
        return 1
    print("PASS deb.%s (%.1f s)" % (args.command, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
