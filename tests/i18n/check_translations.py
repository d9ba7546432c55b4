#!/usr/bin/env python3
"""Fails when a tr() text of the sources is not translated in the committed catalogues.

Runs lupdate over ui/ and native-host/ (every file, whatever catalogue it belongs to) into a
temporary .ts and compares it with the union of translations/*_ja.ts (every message) and of
translations/*_en.ts (the numerus forms only): sendguard_*.ts, and the catalogues other parts
keep apart (rulemessages_*.ts). A message fails when no catalogue has it, when a catalogue holds
it unfinished or empty, with the wrong number of numerus forms, or with a placeholder (%1, %n,
%Ln) or a mnemonic (&B) dropped or added. An entry of a catalogue that the sources no longer have
fails too: the .ts was not refreshed.

usage: check_translations.py LUPDATE SOURCE_ROOT
"""

import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

OPTIONS = ["-extensions", "cpp,h", "-locations", "none", "-no-obsolete", "-silent"]
FOLDERS = ["ui", "native-host"]
# (language, target language, numerus forms the language has, extra lupdate options)
LANGUAGES = [
    ("ja", "ja_JP", 1, []),
    ("en", "en_US", 2, ["-pluralonly"]),
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
    for code, language, numerus_count, extra in LANGUAGES:
        paths = sorted(glob.glob(os.path.join(root, "translations", f"*_{code}.ts")))
        if not paths:
            failures.append(f"no translations/*_{code}.ts")
            continue
        with tempfile.TemporaryDirectory() as folder:
            fresh_path = os.path.join(folder, "fresh.ts")
            command = [lupdate, *OPTIONS, *extra, *[os.path.join(root, f) for f in FOLDERS],
                       "-target-language", language, "-ts", fresh_path]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            fresh = messages(fresh_path)
        if not fresh:
            failures.append(f"lupdate found no texts for {code}: the check would be empty")
        catalogues = {os.path.relpath(path, root): messages(path) for path in paths}
        for key in fresh:
            checked += 1
            holders = [(name, entries[key]) for name, entries in catalogues.items()
                       if key in entries]
            if not holders:
                failures.append(f"{code}: {key[0]}: {key[1]!r} is in no translations/*_{code}.ts "
                                "(run `ninja sendguard_lupdate`, then translate it)")
            for name, message in holders:
                failures += [f"{name}: {p}" for p in problems_of(key, message, numerus_count)]
        for name, entries in catalogues.items():
            for key in entries.keys() - fresh.keys():
                failures.append(f"{name}: {key[0]}: {key[1]!r} is no longer in the sources "
                                "(refresh the .ts with lupdate)")
    for failure in failures:
        print("FAIL", failure)
    print(f"{checked} messages checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
