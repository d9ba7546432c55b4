#!/usr/bin/env python3
"""The Windows MSI, built from installer/windows/ with wixl and installed under wine.

    test_msi.py --build-dir BUILD --linux-host BUILD/native-host/host/sendguard-host
                [--windows-host-exe sendguard-host.exe [--windows-runtime-dir DIR]]

Builds two versions of the MSI from the real source with the real XPI of BUILD, checks their
tables with msiinfo, then, in a fresh wine prefix of its own: refuses a bad property; installs
headless with policy properties and checks the files, the native-messaging key and manifest,
the ExtensionSettings JSON and the 3rdparty policy values (and that the host, given the policy
the way Thunderbird hands it to the add-in, reads it right); upgrades without the properties
(one product, the new version, the settings kept, one of them changed); refuses a downgrade;
uninstalls and checks that everything it wrote is gone and nothing else is.

Without --windows-host-exe the package holds a STAND-IN host: a tiny PE console program
compiled here with mingw-w64 that answers every frame with a fixed pong (so the launch and
stdio path of the installed exe is checked), a test input only, never shipped. The real cross-built
sendguard-host.exe goes in through --windows-host-exe (ctest passes the CMake cache variable
SENDGUARD_WINDOWS_HOST_EXE).
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse

SOURCE = pathlib.Path(__file__).resolve().parents[2]
BUILD_MSI = SOURCE / "installer" / "windows" / "build-msi.py"
POLICY_MODULE = SOURCE / "extension" / "modules" / "policy.mjs"

HKLM_POLICIES = r"HKLM\Software\Policies\Mozilla\Thunderbird"
UNINSTALL = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"
TOOLS = {
    "wixl": "wixl", "wixl-heat": "wixl", "msiinfo": "msitools", "msibuild": "msitools",
    "wine": "wine", "wineserver": "wine", "x86_64-w64-mingw32-g++": "g++-mingw-w64-x86-64-posix",
    "node": "nodejs",
}

failures = []
checks = 0


def check(name, ok, detail=""):
    global checks
    checks += 1
    if ok:
        print(f"ok   {name}")
    else:
        failures.append(name)
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))
    return ok


def abort(message):
    print(f"FAIL {message}")
    print(f"test_msi: stopped after {checks} checks, {len(failures)} failed")
    sys.exit(1)


def names_from_cmake():
    text = (SOURCE / "cmake" / "SendGuardNames.cmake").read_text(encoding="utf-8")
    names = dict(re.findall(r'set\((SENDGUARD_\w+) "([^"]*)"\)', text))
    return names["SENDGUARD_ADDON_ID"], names["SENDGUARD_HOST_NAME"], \
        names["SENDGUARD_HOST_EXECUTABLE"]


ADDON_ID, HOST_NAME, HOST_EXECUTABLE = names_from_cmake()
POLICY_KEY = HKLM_POLICIES + r"\3rdparty\Extensions" + "\\" + ADDON_ID
HOST_KEY = r"HKLM\Software\Mozilla\NativeMessagingHosts" + "\\" + HOST_NAME


class Wine:
    def __init__(self, prefix):
        self.env = dict(os.environ, WINEPREFIX=str(prefix), WINEARCH="win64",
                        WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=")
        self.env.pop("DISPLAY", None)
        self.prefix = prefix

    def start(self):
        # One wineserver for the whole test, so no command pays for starting it: -p30 keeps it
        # 30 s after the last wine process (it ends by itself should this test be killed);
        # stop() ends it.
        self.prefix.mkdir(exist_ok=True)
        subprocess.run(["wineserver", "-p30"], env=self.env, check=True)

    def stop(self):
        subprocess.run(["wineserver", "-k"], env=self.env)
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=60)

    def run(self, *args, timeout=180):
        # Output goes through files, not pipes: wine's background processes (services,
        # explorer) inherit the handles and would hold a pipe open after the command is done.
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            result = subprocess.run(["wine", *args], env=self.env, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=err, timeout=timeout)
            out.seek(0)
            err.seek(0)
            result.stdout = out.read().decode("utf-8", "replace").replace("\r\n", "\n")
            result.stderr = err.read().decode("utf-8", "replace")
        return result

    def msiexec(self, *args, log=None):
        extra = ["/l*v", str(log)] if log else []
        return self.run("msiexec", *args, "/qn", *extra).returncode

    def values(self, key):
        """{name: (type, data)} of a key, or None when the key does not exist."""
        result = self.run("reg", "query", key)
        if result.returncode != 0:
            return None
        values = {}
        for line in result.stdout.splitlines():
            match = re.match(r"^    (.*?)    (REG_\w+)    ?(.*)$", line)
            if match:
                values[match.group(1)] = (match.group(2), match.group(3))
        return values

    def unix_path(self, windows_path):
        return pathlib.Path(self.run("winepath", "-u", windows_path).stdout.strip())

    def program_files(self):
        return self.prefix / "drive_c" / "Program Files" / "SendGuard"


def msi_table(msi, table):
    out = subprocess.run(["msiinfo", "export", str(msi), table], capture_output=True,
                         text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines()[3:] if line]


def build_msi(args, version, host_exe, runtime_dir, output):
    command = [sys.executable, str(BUILD_MSI), "--version", version,
               "--names-dir", str(args.build_dir / "installer" / "windows"),
               "--host-exe", str(host_exe),
               "--manifest", str(args.build_dir / "installer" / "windows" / f"{HOST_NAME}.json"),
               "--xpi", str(args.build_dir / f"{ADDON_ID}.xpi"), "--output", str(output)]
    if runtime_dir:
        command += ["--runtime-dir", str(runtime_dir)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout + result.stderr)
        abort(f"build-msi.py {version}")
    print(f"ok   build-msi.py {version}")


STAND_IN_SOURCE = r"""// Test input for tests/installer/test_msi.py, standing in for the real
// host: NOT SendGuard. It answers each native-messaging frame with one fixed pong frame, so that the
// test can check the installed exe is started from the manifest and talks over stdio.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <io.h>
#include <string>

int main()
{
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
    std::fputs("stand-in for sendguard-host\n", stderr);
    std::uint32_t length = 0;
    while (std::fread(&length, sizeof length, 1, stdin) == 1) {
        std::string message(length, '\0');
        if (length && std::fread(message.data(), 1, length, stdin) != length)
            return 1;
        const char reply[] = "{\"type\":\"pong\",\"id\":\"p-1\",\"stand-in\":true}";
        const std::uint32_t size = sizeof reply - 1;
        std::fwrite(&size, sizeof size, 1, stdout);
        std::fwrite(reply, 1, size, stdout);
        std::fflush(stdout);
    }
    return 0;
}
"""


def stand_in_host(scratch):
    """A real PE console program standing in for sendguard-host.exe: a test input only."""
    source = scratch / "stand-in-host.cpp"
    source.write_text(STAND_IN_SOURCE, encoding="utf-8")
    exe = scratch / "stand-in" / f"{HOST_EXECUTABLE}.exe"
    exe.parent.mkdir()
    subprocess.run(["x86_64-w64-mingw32-g++", "-O2", "-static", "-o", str(exe), str(source)],
                   check=True)
    return exe


def stand_in_runtime(scratch):
    """Runtime files (as the Windows workflow stages them beside the exe), in subfolders too:
    a plugin, and Qt's Japanese catalogue where ui/language.cpp looks for it."""
    runtime = scratch / "stand-in-runtime"
    (runtime / "platforms").mkdir(parents=True)
    (runtime / "translations").mkdir()
    (runtime / "stand-in-runtime.txt").write_text("test input\n", encoding="utf-8")
    (runtime / "platforms" / "stand-in-plugin.txt").write_text("test input\n", encoding="utf-8")
    (runtime / "translations" / "qtbase_ja.qm").write_bytes(b"test input, not a catalogue\n")
    return runtime


def check_runtime_tables(msi, runtime_dir):
    """Every runtime file is in the package, in the folder it has in the runtime folder (so Qt's
    catalogue lands in SendGuard\\translations, where the host looks for it)."""
    directories = {row[0]: (row[1], row[2].split("|")[-1].split(":")[-1])
                   for row in msi_table(msi, "Directory")}
    component_folder = {row[0]: row[2] for row in msi_table(msi, "Component")}

    def folder_of(directory):
        parts = []
        while directory in directories and directory != "SendGuardFolder":
            parent, name = directories[directory]
            if name != ".":  # "." is the parent folder itself
                parts.insert(0, name)
            directory = parent
        return "/".join(parts) if directory == "SendGuardFolder" else None

    packaged = {(folder_of(component_folder[row[1]]), row[2].split("|")[-1])
                for row in msi_table(msi, "File")}
    wanted = {("/".join(p.relative_to(runtime_dir).parts[:-1]), p.name)
              for p in runtime_dir.rglob("*") if p.is_file()}
    missing = sorted(f"{folder}/{name}" for folder, name in wanted - packaged)
    check(f"File: all {len(wanted)} runtime files in their folders under SendGuard",
          not missing, ", ".join(missing))
    if (runtime_dir / "translations" / "qtbase_ja.qm").is_file():
        check("File: Qt's Japanese catalogue in SendGuard\\translations",
              ("translations", "qtbase_ja.qm") in packaged)


def check_tables(msi, version):
    properties = dict((row[0], row[1]) for row in msi_table(msi, "Property"))
    check("Property: per-machine (ALLUSERS=1)", properties.get("ALLUSERS") == "1")
    check(f"Property: ProductVersion {version}", properties.get("ProductVersion") == version)
    check("Property: FORCEINSTALL defaults to 1", properties.get("FORCEINSTALL") == "1")
    secure = set(properties.get("SecureCustomProperties", "").split(";"))
    wanted = {"INTERNALDOMAINS", "TRUSTEDDOMAINS", "BLOCKEDDOMAINS", "ONHOSTFAILURE", "LOCKED",
              "SKIPWHENINTERNALONLY", "FORCEINSTALL", "WIX_UPGRADE_DETECTED",
              "WIX_DOWNGRADE_DETECTED"}
    check("Property: the msiexec properties are secure (SecureCustomProperties)",
          wanted <= secure, ", ".join(sorted(wanted - secure)))
    upgrade_code = properties.get("UpgradeCode", "")
    check("Property: UpgradeCode in upper case", upgrade_code == upgrade_code.upper()
          and len(upgrade_code) == 38, upgrade_code)

    components = msi_table(msi, "Component")
    not_64 = [row[0] for row in components if not int(row[3]) & 256]
    check(f"Component: all {len(components)} are 64-bit (Win64)", components and not not_64,
          ", ".join(not_64))
    conditions = {row[0]: row[4] for row in components}
    policy_components = [name for name in conditions if name.startswith("cmpPolicy")]
    check("Component: 15 policy components", len(policy_components) == 15,
          str(len(policy_components)))
    unconditioned = [name for name in policy_components + ["cmpExtensionSettings"]
                     if 'OR REMOVE ~= "ALL"' not in conditions[name]]
    check("Component: the policy and ExtensionSettings components have their conditions",
          not unconditioned, ", ".join(unconditioned))

    registry = msi_table(msi, "Registry")
    check("Registry: every row in HKLM (root 2)", all(row[1] == "2" for row in registry))
    by_name = {(row[2], row[3]): row[4] for row in registry}
    check("Registry: NativeMessagingHosts default value is the manifest's path",
          by_name.get((HOST_KEY[5:], "")) == "[#NativeManifest]")
    check("Registry: ExtensionSettings is a multi-string with escaped JSON",
          by_name.get((HKLM_POLICIES[5:], "ExtensionSettings"), "").startswith("[~][\\{]"))
    policy_rows = {row[3]: row[4] for row in registry if row[2] == POLICY_KEY[5:]}
    expected = {"internalDomains": "[INTERNALDOMAINS]", "blockedDomains": "[BLOCKEDDOMAINS]",
                "trustedDomains": "[TRUSTEDDOMAINS]", "locked": "[LOCKED]",
                "onHostFailure": "[ONHOSTFAILURE]", "largeAudience": "#[LARGEAUDIENCE]",
                "skipWhenInternalOnly": "#[SKIPWHENINTERNALONLY]"}
    wrong = {k: policy_rows.get(k) for k, v in expected.items() if policy_rows.get(k) != v}
    check("Registry: 3rdparty values from properties (lists as strings, numbers as DWORD)",
          not wrong, str(wrong))

    upgrade = msi_table(msi, "Upgrade")
    check("Upgrade: an upgrade row and a downgrade row for the UpgradeCode",
          len(upgrade) == 2 and all(row[0] == upgrade_code for row in upgrade)
          and {row[-1] for row in upgrade} == {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"})
    launch = [row[0] for row in msi_table(msi, "LaunchCondition")]
    check("LaunchCondition: a downgrade is refused", "NOT WIX_DOWNGRADE_DETECTED" in launch)
    check("LaunchCondition: Program Files must be where the add-in's URL points",
          "%ProgramW6432 ~= STANDARDPROGRAMFILES" in launch)
    sequence = {row[0]: int(row[2]) for row in msi_table(msi, "InstallExecuteSequence")}
    check("InstallExecuteSequence: RemoveExistingProducts right after InstallValidate",
          sequence.get("RemoveExistingProducts") == sequence.get("InstallValidate", 0) + 1)
    restores = [name for name in sequence if name.startswith("Restore")]
    check("InstallExecuteSequence: settings restored between AppSearch and LaunchConditions",
          len(restores) == 15 and all(50 < sequence[name] < 100 for name in restores))
    suminfo = subprocess.run(["msiinfo", "suminfo", str(msi)], capture_output=True,
                             text=True).stdout
    check("Summary: x64 package", "Template: x64" in suminfo)


def product_entries(wine):
    """DisplayVersion of each installed product named SendGuard (Add or remove programs)."""
    result = wine.run("reg", "query", UNINSTALL, "/s")
    versions = []
    for block in re.split(r"\n(?=HKEY_)", result.stdout):
        values = dict(re.findall(r"^    (DisplayName|DisplayVersion)    REG_SZ    (.*)$", block,
                                 re.MULTILINE))
        if values.get("DisplayName") == "SendGuard":
            versions.append(values.get("DisplayVersion"))
    return versions


def policy_as_thunderbird_gives_it(values):
    """The 3rdparty object as Thunderbird's WindowsGPOParser builds it from this key's values:
    REG_SZ as a string, REG_DWORD as a number (the only types SendGuard's MSI writes)."""
    policy = {}
    for name, (kind, data) in values.items():
        if kind == "REG_SZ":
            policy[name] = data
        elif kind == "REG_DWORD":
            policy[name] = int(data, 16)
        else:
            policy[name] = f"unexpected {kind}"
    return policy


def normalized_by_addon(policy):
    script = (f"import {{ normalizeManagedPolicy }} from {json.dumps(POLICY_MODULE.as_uri())};\n"
              f"process.stdout.write(JSON.stringify(normalizeManagedPolicy("
              f"{json.dumps(policy)})));\n")
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True,
                            text=True)
    if result.returncode != 0:
        return {"node failed": result.stderr}
    return json.loads(result.stdout)


def check_host_reads(args, scratch, policy):
    """The Linux build of the host reviews a draft with that policy: same engine, same JSON."""
    draft = {"type": "review", "id": "msi", "protocol": 1,
             "draft": {"from": "Taro <taro@corp.example>",
                       "to": ["a@sub.corp.example", "b@partner.example", "c@other.example",
                              "d@competitor.example"],
                       "subject": "Quarterly figures", "body": "Hello", "attachments": []}}
    (scratch / "draft.json").write_text(json.dumps(draft), encoding="utf-8")
    (scratch / "policy.json").write_text(json.dumps(policy), encoding="utf-8")
    result = subprocess.run([str(args.linux_host), "--check", str(scratch / "draft.json"),
                             "--policy", str(scratch / "policy.json"), "--json"],
                            capture_output=True, text=True)
    if not check("host: --check with the installed policy runs", result.returncode == 0,
                 result.stderr):
        return
    check("host: no policy warnings", "warning" not in result.stderr, result.stderr.strip())
    review = json.loads(result.stdout)
    recipients = {r["address"]: r for r in review["recipients"]}
    check("host: *.corp.example from INTERNALDOMAINS is internal",
          recipients["a@sub.corp.example"]["internal"])
    check("host: partner.example from TRUSTEDDOMAINS is trusted",
          recipients["b@partner.example"]["trusted"])
    check("host: other.example is external", not recipients["c@other.example"]["internal"])
    blocked = [f["target"].get("text") for f in review["findings"]
               if f["rule"] == "blocked-domain"]
    check("host: competitor.example from BLOCKEDDOMAINS is blocked",
          blocked == ["d@competitor.example"], str(blocked))


def check_host_answers(wine, exe, manifest_path):
    """Starts the installed host the way Thunderbird does on Windows (the exe, the manifest's
    path and the add-in id as arguments, its own folder as the working folder) and pings it
    over native-messaging frames: a 4-byte little-endian length, then UTF-8 JSON."""
    request = json.dumps({"type": "ping", "id": "p-1"}).encode("utf-8")
    windows_manifest = "C:\\Program Files\\SendGuard\\" + manifest_path.name
    try:
        result = subprocess.run(
            ["wine", str(exe), windows_manifest, ADDON_ID], cwd=exe.parent, env=wine.env,
            input=struct.pack("<I", len(request)) + request, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        check("installed exe: started as Thunderbird starts it, answers a ping over stdio",
              False, "no answer in 60 s")
        return
    reply = {}
    if len(result.stdout) >= 4:
        size = struct.unpack("<I", result.stdout[:4])[0]
        try:
            reply = json.loads(result.stdout[4:4 + size].decode("utf-8"))
        except ValueError:
            reply = {"unreadable": result.stdout[:200].hex()}
    check("installed exe: started as Thunderbird starts it, answers a ping over stdio",
          reply.get("type") == "pong" and reply.get("id") == "p-1",
          f"{reply} (exit {result.returncode})")


def check_installed(args, wine, scratch, xpi, host_exe, runtime_dir):
    folder = wine.program_files()
    check("files: host exe installed", (folder / f"{HOST_EXECUTABLE}.exe").read_bytes()
          == host_exe.read_bytes() if (folder / f"{HOST_EXECUTABLE}.exe").exists() else False)
    check("files: XPI installed, same bytes as the build's",
          (folder / f"{ADDON_ID}.xpi").exists()
          and (folder / f"{ADDON_ID}.xpi").read_bytes() == xpi.read_bytes())
    if runtime_dir:
        missing = [str(p.relative_to(runtime_dir)) for p in runtime_dir.rglob("*")
                   if p.is_file() and not (folder / p.relative_to(runtime_dir)).is_file()]
        check("files: runtime files installed beside the exe, subfolders kept", not missing,
              ", ".join(missing))

    host = wine.values(HOST_KEY) or {}
    default = host.get("(Default)", ("", ""))
    check("registry: NativeMessagingHosts key in the 64-bit view, default REG_SZ",
          default[0] == "REG_SZ" and default[1].endswith(f"\\SendGuard\\{HOST_NAME}.json"),
          str(host))
    check("registry: nothing in the 32-bit view (Wow6432Node)",
          wine.values(r"HKLM\Software\Wow6432Node\Mozilla\NativeMessagingHosts" + "\\"
                      + HOST_NAME) is None)
    manifest_path = wine.unix_path(default[1]) if default[1] else pathlib.Path("/nonexistent")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        check("manifest: readable JSON at the key's path", False, str(error))
        manifest = {}
    check("manifest: name is the host name", manifest.get("name") == HOST_NAME)
    check("manifest: stdio, allowed for the add-in", manifest.get("type") == "stdio"
          and manifest.get("allowed_extensions") == [ADDON_ID])
    check("manifest: path (relative to the manifest) is the installed host",
          (manifest_path.parent / manifest.get("path", "missing")).is_file())

    exe = manifest_path.parent / manifest.get("path", "missing")
    if exe.is_file():
        check_host_answers(wine, exe, manifest_path)

    settings = (wine.values(HKLM_POLICIES) or {}).get("ExtensionSettings", ("", ""))
    check("registry: ExtensionSettings is REG_MULTI_SZ", settings[0] == "REG_MULTI_SZ",
          settings[0])
    try:
        entry = json.loads(settings[1]).get(ADDON_ID, {})
    except ValueError as error:
        check("ExtensionSettings: parses as JSON", False, f"{error}: {settings[1]}")
        entry = {}
    check("ExtensionSettings: the add-in is force_installed",
          entry.get("installation_mode") == "force_installed", str(entry))
    url = entry.get("install_url", "")
    check("ExtensionSettings: install_url is a file:/// URL", url.startswith("file:///"), url)
    target = None
    if url.startswith("file:///"):
        path = urllib.parse.unquote(urllib.parse.urlparse(url).path).lstrip("/")
        target = wine.unix_path(path.replace("/", "\\"))
    check("ExtensionSettings: the URL names the installed XPI",
          target is not None and target.is_file()
          and target.read_bytes() == xpi.read_bytes(), str(target))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", required=True, type=pathlib.Path)
    parser.add_argument("--linux-host", required=True, type=pathlib.Path)
    parser.add_argument("--windows-host-exe", type=pathlib.Path)
    parser.add_argument("--windows-runtime-dir", type=pathlib.Path)
    args = parser.parse_args()
    started = time.monotonic()

    missing = [f"{tool} (Debian {package})" for tool, package in TOOLS.items()
               if shutil.which(tool) is None]
    if missing:
        abort("missing tools, run scripts/setup-deps: " + ", ".join(missing))
    xpi = args.build_dir / f"{ADDON_ID}.xpi"
    if not xpi.is_file():
        abort(f"{xpi} is missing: build first")

    with tempfile.TemporaryDirectory(prefix="sendguard-msi-test-") as scratch:
        scratch = pathlib.Path(scratch)
        if args.windows_host_exe:
            host_exe, runtime_dir = args.windows_host_exe, args.windows_runtime_dir
        else:
            host_exe, runtime_dir = stand_in_host(scratch), stand_in_runtime(scratch)
        old_msi, new_msi = scratch / "SendGuard-0.1.0.msi", scratch / "SendGuard-0.2.0.msi"
        build_msi(args, "0.1.0", host_exe, runtime_dir, old_msi)
        build_msi(args, "0.2.0", host_exe, runtime_dir, new_msi)
        check_tables(old_msi, "0.1.0")
        if runtime_dir:
            check_runtime_tables(old_msi, runtime_dir)

        wine = Wine(scratch / "wineprefix")
        wine.start()
        try:
            run_in_wine(args, wine, scratch, xpi, host_exe, runtime_dir, old_msi, new_msi)
        finally:
            wine.stop()

    elapsed = time.monotonic() - started
    print(f"test_msi: {checks} checks, {len(failures)} failed, {elapsed:.0f} s")
    sys.exit(1 if failures else 0)


def run_in_wine(args, wine, scratch, xpi, host_exe, runtime_dir, old_msi, new_msi):
    result = wine.run("wineboot", "--init")
    if result.returncode != 0:
        abort(f"wineboot --init: {result.stderr[-2000:]}")
    # A value of someone else's that the MSI must leave alone.
    wine.run("reg", "add", HKLM_POLICIES, "/v", "DisableTelemetry", "/t", "REG_DWORD",
             "/d", "1", "/f")

    code = wine.msiexec("/i", str(old_msi), "LARGEAUDIENCE=many", log=scratch / "bad.log")
    check("install: LARGEAUDIENCE=many is refused", code != 0, f"exit {code}")
    log = (scratch / "bad.log").read_text(encoding="utf-8", errors="replace") \
        if (scratch / "bad.log").exists() else ""
    check("install: refused by the launch conditions, before anything changed",
          "LaunchConditions. Return value 0" in log)
    check("install: nothing installed after the refusal",
          not wine.program_files().exists() and wine.values(POLICY_KEY) is None)

    properties = ["INTERNALDOMAINS=corp.example;*.corp.example",
                  "TRUSTEDDOMAINS=partner.example", "BLOCKEDDOMAINS=competitor.example",
                  "ONHOSTFAILURE=block", "LOCKED=internalDomains;blockedDomains",
                  "SKIPWHENINTERNALONLY=0", "LARGEAUDIENCE=30", "ATTENTIONTERMS="]
    code = wine.msiexec("/i", str(old_msi), *properties, log=scratch / "install.log")
    if not check("install: msiexec /i 0.1.0 /qn with properties", code == 0,
                 f"exit {code}, log {scratch / 'install.log'}"):
        abort("install failed")
    check("install: one product, 0.1.0", product_entries(wine) == ["0.1.0"])
    check_installed(args, wine, scratch, xpi, host_exe, runtime_dir)

    values = wine.values(POLICY_KEY) or {}
    expected = {"internalDomains": ("REG_SZ", "corp.example;*.corp.example"),
                "trustedDomains": ("REG_SZ", "partner.example"),
                "blockedDomains": ("REG_SZ", "competitor.example"),
                "onHostFailure": ("REG_SZ", "block"),
                "locked": ("REG_SZ", "internalDomains;blockedDomains"),
                "skipWhenInternalOnly": ("REG_DWORD", "0x0"),
                "largeAudience": ("REG_DWORD", "0x1e")}
    check("registry: the 3rdparty values, and only the properties given",
          values == expected, str(values))
    policy = normalized_by_addon(policy_as_thunderbird_gives_it(values))
    check("add-in: reads the lists as arrays and the switch as a boolean", policy == {
        "internalDomains": ["corp.example", "*.corp.example"],
        "trustedDomains": ["partner.example"], "blockedDomains": ["competitor.example"],
        "onHostFailure": "block", "locked": ["internalDomains", "blockedDomains"],
        "skipWhenInternalOnly": False, "largeAudience": 30}, str(policy))
    check_host_reads(args, scratch, policy)

    code = wine.msiexec("/i", str(new_msi), "BLOCKEDDOMAINS=rival.example",
                        log=scratch / "upgrade.log")
    check("upgrade: msiexec /i 0.2.0 /qn", code == 0, f"exit {code}")
    check("upgrade: one product, 0.2.0", product_entries(wine) == ["0.2.0"],
          str(product_entries(wine)))
    after = wine.values(POLICY_KEY) or {}
    check("upgrade: a property given again replaces its value",
          after.get("blockedDomains") == ("REG_SZ", "rival.example"), str(after))
    check("upgrade: the settings not given again are kept",
          {k: v for k, v in after.items() if k != "blockedDomains"}
          == {k: v for k, v in expected.items() if k != "blockedDomains"}, str(after))
    check_installed(args, wine, scratch, xpi, host_exe, runtime_dir)

    code = wine.msiexec("/i", str(old_msi), log=scratch / "downgrade.log")
    check("downgrade: msiexec /i 0.1.0 over 0.2.0 is refused", code != 0, f"exit {code}")
    check("downgrade: 0.2.0 still installed, alone", product_entries(wine) == ["0.2.0"])
    check("downgrade: the files are still there",
          (wine.program_files() / f"{HOST_EXECUTABLE}.exe").is_file())

    code = wine.msiexec("/x", str(new_msi), log=scratch / "uninstall.log")
    check("uninstall: msiexec /x /qn", code == 0, f"exit {code}")
    check("uninstall: no product left", product_entries(wine) == [])
    check("uninstall: the folder is gone", not wine.program_files().exists())
    check("uninstall: the NativeMessagingHosts key is gone", wine.values(HOST_KEY) is None)
    check("uninstall: the 3rdparty key is gone", wine.values(POLICY_KEY) is None)
    check("uninstall: the remembered settings are gone",
          wine.values(r"HKLM\Software\SendGuard") is None)
    left = wine.values(HKLM_POLICIES)
    check("uninstall: ExtensionSettings is gone, another policy value kept",
          left == {"DisableTelemetry": ("REG_DWORD", "0x1")}, str(left))

    code = wine.msiexec("/i", str(new_msi), "FORCEINSTALL=0")
    check("FORCEINSTALL=0: installs", code == 0, f"exit {code}")
    check("FORCEINSTALL=0: ExtensionSettings left alone",
          "ExtensionSettings" not in (wine.values(HKLM_POLICIES) or {}))
    check("FORCEINSTALL=0: no policy values without properties",
          wine.values(POLICY_KEY) is None)
    code = wine.msiexec("/x", str(new_msi))
    check("FORCEINSTALL=0: uninstalls clean", code == 0 and not wine.program_files().exists())


if __name__ == "__main__":
    main()
