#!/usr/bin/env python3
"""Fails when a tr() text of the sources is not translated in the committed catalogues.

Runs lupdate over the same folders and with the same options as the sendguard_lupdate target,
into a temporary .ts, and compares it with translations/sendguard_ja.ts (every message) and
translations/sendguard_en.ts (the numerus forms only). A message fails when it is missing from
the committed file, marked unfinished, empty, has the wrong number of numerus forms, or when its
translation drops or adds a placeholder (%1, %n, %Ln) or a mnemonic (&B). An entry of the
committed file that the sources no longer have fails too: the .ts was not refreshed.

usage: check_translations.py LUPDATE SOURCE_ROOT
"""

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

OPTIONS = ["-extensions", "cpp,h", "-locations", "none", "-no-obsolete", "-silent"]
FOLDERS = ["ui", "native-host"]
# (file, target language, numerus forms the language has, extra lupdate options)
CATALOGUES = [
    ("translations/sendguard_ja.ts", "ja_JP", 1, []),
    ("translations/sendguard_en.ts", "en_US", 2, ["-pluralonly"]),
]
PLACEHOLDER = re.compile(r"%L?(?:n|\d+)")
MNEMONIC = re.compile(r"&(?!&)\S")


def messages(path):
    """{(context, source, disambiguation): <message> element}"""
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            result[key] = message
    return result


def forms(message):
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def problems_of(key, message, numerus_count):
    context, source, _ = key
    where = f"{context}: {source!r}"
    translation = message.find("translation")
    state = translation.get("type") if translation is not None else "missing"
    if state in ("unfinished", "vanished", "obsolete", "missing"):
        return [f"{where} is {state}"]
    texts = forms(message)
    if message.get("numerus") == "yes" and len(texts) != numerus_count:
        return [f"{where} has {len(texts)} numerus forms, the language has {numerus_count}"]
    found = []
    for text in texts:
        if not text.strip():
            found.append(f"{where} has an empty translation")
            continue
        if sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))):
            found.append(f"{where}: placeholders differ in {text!r}")
        if bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(text)):
            found.append(f"{where}: the mnemonic (&) is lost or added in {text!r}")
    return found


def main():
    lupdate, root = sys.argv[1], sys.argv[2]
    failures = []
    checked = 0
    for relative, language, numerus_count, extra in CATALOGUES:
        committed_path = os.path.join(root, relative)
        if not os.path.exists(committed_path):
            failures.append(f"{relative} does not exist")
            continue
        with tempfile.TemporaryDirectory() as folder:
            fresh_path = os.path.join(folder, "fresh.ts")
            command = [lupdate, *OPTIONS, *extra, *[os.path.join(root, f) for f in FOLDERS],
                       "-target-language", language, "-ts", fresh_path]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            fresh = messages(fresh_path)
        committed = messages(committed_path)
        if not fresh:
            failures.append(f"lupdate found no texts for {relative}: the check would be empty")
        for key in fresh:
            checked += 1
            if key not in committed:
                failures.append(f"{relative}: {key[0]}: {key[1]!r} is not in the file "
                                "(run `ninja sendguard_lupdate`, then translate it)")
                continue
            failures += [f"{relative}: {p}" for p in problems_of(key, committed[key], numerus_count)]
        for key in committed.keys() - fresh.keys():
            failures.append(f"{relative}: {key[0]}: {key[1]!r} is no longer in the sources "
                            "(run `ninja sendguard_lupdate`)")
    for failure in failures:
        print("FAIL", failure)
    print(f"{checked} messages checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
