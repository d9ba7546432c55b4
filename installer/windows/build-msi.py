#!/usr/bin/env python3
"""Builds the SendGuard MSI with wixl (msitools) from installer/windows/*.wxs.

    build-msi.py --version 0.1.0 --names-dir BUILD/installer/windows \
        --host-exe sendguard-host.exe [--runtime-dir windeployqt-output] \
        --manifest BUILD/installer/windows/org.sendguard.host.json \
        --xpi BUILD/sendguard@sendguard.org.xpi --output SendGuard.msi

The .wxs files are WiX 3 source that candle and light build on Windows as they are. wixl 0.101
rejects one WiX 3 element this source needs, a component's <Condition>, so this script
  1. preprocesses the source with wixl -E (every variable given here),
  2. takes each Component/Condition out, remembering it,
  3. builds the MSI with wixl -a x64,
  4. writes the conditions into the Component table with msibuild (SQL UPDATE), lists the
     Secure="yes" properties in SecureCustomProperties, and moves RemoveExistingProducts to
     just after InstallValidate, where WiX's MajorUpgrade puts it,
which gives the package WiX would build. --runtime-dir is harvested with wixl-heat into the
RuntimeFiles component group (one component per file, Win64); without it the host is taken to
need no files beside it (a static build) and runtime-none.wxs supplies the empty group.
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
WIX_NS = "http://schemas.microsoft.com/wix/2006/wi"
SOURCES = ["sendguard.wxs", "policy.wxs"]


def fail(message):
    print(f"build-msi: {message}", file=sys.stderr)
    sys.exit(1)


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        fail(f"{command[0]} failed (exit {result.returncode})")
    return result.stdout


def harvest_runtime(runtime_dir, out_dir):
    """Writes runtime.wxs with one Win64 component per file below runtime_dir."""
    files = sorted(str(p) for p in runtime_dir.resolve().rglob("*") if p.is_file())
    if not files:
        fail(f"--runtime-dir {runtime_dir} holds no files")
    prefix = str(runtime_dir.resolve()) + os.sep
    fragment = run(
        ["wixl-heat", "--prefix", prefix, "--var", "var.RuntimeDir",
         "--component-group", "RuntimeFiles", "--directory-ref", "SendGuardFolder",
         "--win64"],
        input="\n".join(files) + "\n")
    path = out_dir / "runtime.wxs"
    path.write_text(fragment, encoding="utf-8")
    return path


def take_out_conditions(preprocessed, out_path, secure):
    """Takes each Component/Condition out of a preprocessed .wxs; returns {id: condition}.
    Adds the ids of its Property elements with Secure="yes" to the set secure."""
    ET.register_namespace("", WIX_NS)
    tree = ET.ElementTree(ET.fromstring(preprocessed))
    secure.update(p.get("Id") for p in tree.iter(f"{{{WIX_NS}}}Property")
                  if p.get("Secure") == "yes")
    conditions = {}
    for component in tree.iter(f"{{{WIX_NS}}}Component"):
        for condition in component.findall(f"{{{WIX_NS}}}Condition"):
            text = (condition.text or "").strip()
            if "'" in text:
                fail(f"component {component.get('Id')}: a condition may not hold a single quote")
            conditions[component.get("Id")] = text
            component.remove(condition)
    tree.write(out_path, encoding="utf-8", xml_declaration=True)
    return conditions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", required=True, help="product version, such as 0.1.0")
    parser.add_argument("--names-dir", required=True, type=pathlib.Path,
                        help="folder of the configured names.wxi")
    parser.add_argument("--host-exe", required=True, type=pathlib.Path)
    parser.add_argument("--runtime-dir", type=pathlib.Path,
                        help="files the host needs beside it (windeployqt output)")
    parser.add_argument("--manifest", required=True, type=pathlib.Path,
                        help="the native-messaging manifest for Windows")
    parser.add_argument("--xpi", required=True, type=pathlib.Path)
    parser.add_argument("--output", required=True, type=pathlib.Path)
    args = parser.parse_args()

    for name in ("host_exe", "manifest", "xpi"):
        path = getattr(args, name)
        if not path.is_file():
            fail(f"--{name.replace('_', '-')} {path}: no such file")
    if not (args.names_dir / "names.wxi").is_file():
        fail(f"{args.names_dir}/names.wxi is missing: configure the build with CMake first")
    if args.runtime_dir is not None and not args.runtime_dir.is_dir():
        fail(f"--runtime-dir {args.runtime_dir}: no such folder")

    with tempfile.TemporaryDirectory(prefix="sendguard-msi-") as scratch:
        scratch = pathlib.Path(scratch)
        # wixl resolves File/@Source relative to the .wxs it reads and cannot take an absolute
        # path, so the inputs are linked into the scratch folder beside the sources it reads.
        inputs = scratch / "inputs"
        inputs.mkdir()
        links = {"HostExe": args.host_exe, "NativeManifest": args.manifest,
                 "AddonXpi": args.xpi}
        if args.runtime_dir is not None:
            links["RuntimeDir"] = args.runtime_dir
        defines = {"ProductVersion": args.version,
                   # wixl-heat --win64 writes Win64="$(var.Win64)".
                   "Win64": "yes",
                   "RuntimeDir": "inputs/RuntimeDir"}
        for name, target in links.items():
            (inputs / name).symlink_to(target.resolve())
            defines[name] = f"inputs/{name}"
        define_args = [f"--define={key}={value}" for key, value in defines.items()]
        include_args = ["-I", str(args.names_dir.resolve()), "-I", str(HERE)]

        sources = [HERE / name for name in SOURCES]
        if args.runtime_dir is not None:
            # Harvested with the link's path, so Source stays relative.
            sources.append(harvest_runtime(inputs / "RuntimeDir", scratch))
        else:
            sources.append(HERE / "runtime-none.wxs")

        conditions = {}
        secure = set()
        stripped = []
        for source in sources:
            preprocessed = run(["wixl", "-E", *define_args, *include_args, str(source)])
            out = scratch / f"stripped-{source.name}"
            found = take_out_conditions(preprocessed, out, secure)
            overlap = conditions.keys() & found.keys()
            if overlap:
                fail(f"components defined twice: {', '.join(sorted(overlap))}")
            conditions.update(found)
            stripped.append(str(out))

        args.output.parent.mkdir(parents=True, exist_ok=True)
        partial = args.output.with_name(args.output.name + ".partial")
        build = subprocess.run(["wixl", "-a", "x64", "-o", str(partial), *stripped],
                               capture_output=True, text=True)
        # wixl warns (GLib) about attributes it ignores, such as Property/@Secure, which WiX
        # needs; show only the rest.
        for line in build.stderr.splitlines():
            if line.strip() and "has no property named 'Secure'" not in line:
                print(line, file=sys.stderr)
        if build.returncode != 0:
            partial.unlink(missing_ok=True)
            fail(f"wixl failed (exit {build.returncode})")

        # WiX schedules MajorUpgrade's RemoveExistingProducts after InstallValidate (1401);
        # wixl puts it after InstallFinalize and ignores MajorUpgrade/@Schedule.
        run(["msibuild", str(partial), "-q",
             "UPDATE `InstallExecuteSequence` SET `Sequence` = 1401 "
             "WHERE `Action` = 'RemoveExistingProducts'"])
        # wixl ignores Property/@Secure; WiX lists those properties in SecureCustomProperties,
        # which lets Windows Installer pass them from msiexec's command line to the
        # installation service in every kind of installation.
        listed = [row.split("\t", 1)[1] for row in
                  run(["msiinfo", "export", str(partial), "Property"]).splitlines()
                  if row.startswith("SecureCustomProperties\t")]
        names = sorted(set(listed[0].split(";") if listed else []) | secure)
        if listed:
            query = ("UPDATE `Property` SET `Value` = '{0}' "
                     "WHERE `Property` = 'SecureCustomProperties'")
        else:
            query = ("INSERT INTO `Property` (`Property`, `Value`) "
                     "VALUES ('SecureCustomProperties', '{0}')")
        run(["msibuild", str(partial), "-q", query.format(";".join(names))])
        for component, condition in sorted(conditions.items()):
            run(["msibuild", str(partial), "-q",
                 f"UPDATE `Component` SET `Condition` = '{condition}' "
                 f"WHERE `Component` = '{component}'"])
        os.replace(partial, args.output)
    print(f"build-msi: wrote {args.output} ({len(conditions)} component conditions)")


if __name__ == "__main__":
    main()
