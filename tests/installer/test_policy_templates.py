#!/usr/bin/env python3
"""The Group Policy templates (installer/windows/policy-templates/, as configured in BUILD):

    test_policy_templates.py --build-dir BUILD

- the ADMX and both ADMLs (en-US, ja-JP) are well-formed XML (xmllint);
- every string and presentation the ADMX names exists in each ADML, each ADML has the same
  string ids, and every presentation control refers to an element of its policy;
- every setting writes the registry shape the MSI writes for the same value (the key, the value
  name and REG_SZ or REG_DWORD), and the two cover the same values, except rules: JSON in a
  REG_MULTI_SZ, which only the template offers.
"""

import argparse
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

SOURCE = pathlib.Path(__file__).resolve().parents[2]
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions",
      "w": "http://schemas.microsoft.com/wix/2006/wi"}
LANGUAGES = ["en-US", "ja-JP"]

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else f": {detail}"))
    if not ok:
        failures.append(name)
    return ok


def addon_id():
    text = (SOURCE / "cmake" / "SendGuardNames.cmake").read_text(encoding="utf-8")
    return re.search(r'set\(SENDGUARD_ADDON_ID "([^"]*)"\)', text).group(1)


def admx_shapes(admx):
    """{value name: (key, type)} that the ADMX's settings write."""
    shapes = {}
    for policy in admx.iterfind(".//p:policies/p:policy", NS):
        key = policy.get("key")
        if policy.get("valueName"):
            value = policy.find("p:enabledValue/*", NS)
            kind = "REG_DWORD" if value is not None and value.tag.endswith("decimal") else "REG_SZ"
            shapes[policy.get("valueName")] = (key, kind)
        for element in policy.iterfind("p:elements/*", NS):
            tag = element.tag.split("}")[1]
            if tag == "text":
                kind = "REG_SZ"
            elif tag == "decimal":
                kind = "REG_SZ" if element.get("storeAsText") == "true" else "REG_DWORD"
            elif tag == "multiText":
                kind = "REG_MULTI_SZ"
            elif tag == "enum":
                values = element.findall("p:item/p:value/*", NS)
                kinds = {"REG_SZ" if v.tag.endswith("string") else "REG_DWORD" for v in values}
                kind = kinds.pop() if len(kinds) == 1 else f"mixed {kinds}"
            else:
                kind = f"unexpected element {tag}"
            shapes[element.get("valueName")] = (element.get("key", key), kind)
    return shapes


def msi_shapes(policy_key):
    """{value name: (key, type)} that installer/windows/policy.wxs writes under policy_key."""
    wxs = ET.parse(SOURCE / "installer" / "windows" / "policy.wxs")
    shapes = {}
    for value in wxs.iterfind(".//w:RegistryValue", NS):
        key = value.get("Key").replace("$(var.AddonId)", addon_id())
        if key == policy_key:
            kind = {"string": "REG_SZ", "integer": "REG_DWORD"}.get(value.get("Type"), "?")
            shapes[value.get("Name")] = (key, kind)
    return shapes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", required=True, type=pathlib.Path)
    args = parser.parse_args()
    folder = args.build_dir / "installer" / "windows" / "policy-templates"
    files = [folder / "sendguard.admx"] + [folder / lang / "sendguard.adml" for lang in LANGUAGES]

    result = subprocess.run(["xmllint", "--noout", *map(str, files)], capture_output=True,
                            text=True)
    if not check("xmllint: ADMX and ADMLs are well-formed", result.returncode == 0,
                 result.stderr):
        sys.exit(1)
    admx = ET.parse(files[0])
    admx_text = files[0].read_text(encoding="utf-8")
    strings = set(re.findall(r"\$\(string\.(\w+)\)", admx_text))
    presentations = set(re.findall(r"\$\(presentation\.(\w+)\)", admx_text))

    string_ids = {}
    for lang, path in zip(LANGUAGES, files[1:]):
        adml = ET.parse(path)
        ids = {s.get("id") for s in adml.iterfind(".//p:stringTable/p:string", NS)}
        string_ids[lang] = ids
        check(f"{lang}: every string the ADMX names", strings <= ids,
              ", ".join(sorted(strings - ids)))
        empty = [s.get("id") for s in adml.iterfind(".//p:stringTable/p:string", NS)
                 if not (s.text or "").strip()]
        check(f"{lang}: no empty string", not empty, ", ".join(empty))
        shown = {p.get("id"): p for p in adml.iterfind(".//p:presentationTable/p:presentation",
                                                          NS)}
        check(f"{lang}: every presentation the ADMX names", presentations <= shown.keys(),
              ", ".join(sorted(presentations - shown.keys())))
        bad_refs = []
        for policy in admx.iterfind(".//p:policies/p:policy", NS):
            name = re.search(r"\$\(presentation\.(\w+)\)", policy.get("presentation") or "")
            if not name or name.group(1) not in shown:
                continue
            element_ids = {e.get("id") for e in policy.iterfind("p:elements/*", NS)}
            refs = {c.get("refId") for c in shown[name.group(1)] if c.get("refId")}
            if refs != element_ids:
                bad_refs.append(policy.get("name"))
        check(f"{lang}: presentation controls match the policies' elements", not bad_refs,
              ", ".join(bad_refs))
    check("ADMLs: en-US and ja-JP have the same strings",
          string_ids["en-US"] == string_ids["ja-JP"],
          ", ".join(sorted(string_ids["en-US"] ^ string_ids["ja-JP"])))

    policy_key = r"Software\Policies\Mozilla\Thunderbird\3rdparty\Extensions" + "\\" + addon_id()
    from_admx = admx_shapes(admx)
    from_msi = msi_shapes(policy_key)
    check("ADMX: every setting under the add-in's 3rdparty key",
          all(key == policy_key for key, _ in from_admx.values()), str(from_admx))
    # rules is JSON, which Thunderbird reads from a REG_MULTI_SZ; the MSI has no property for
    # it (JSON on msiexec's command line needs every quote doubled).
    check("ADMX: rules is a multi-string (JSON)",
          from_admx.pop("rules", (None, None))[1] == "REG_MULTI_SZ")
    check("ADMX and MSI: the same values", from_admx.keys() == from_msi.keys(),
          ", ".join(sorted(from_admx.keys() ^ from_msi.keys())))
    differ = {name: (from_admx[name][1], from_msi[name][1])
              for name in from_admx.keys() & from_msi.keys() if from_admx[name] != from_msi[name]}
    check("ADMX and MSI: each value with the same registry type", not differ, str(differ))

    print(f"test_policy_templates: {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
