#!/usr/bin/env bash
# Renders the confirmation and settings dialogs in English and Japanese on a private Xvfb, saves the PNGs and
# fails when a visible character has no glyph: screenshots.sh SCREENSHOT_DIALOG OUT_DIR
set -euo pipefail
tool=$1
out=$2
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "xvfb-run missing: run scripts/setup-deps" >&2; exit 1; }

failed=0
run() {
    local name=$1
    shift
    if xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
        env -u QT_QPA_PLATFORM "$tool" "$out/$name.png" --check-glyphs "$@"; then
        echo "ok   $name"
    else
        echo "FAIL $name"
        failed=1
    fi
}
for lang in en ja; do
    run "dialog-$lang" --lang "$lang"
    run "dialog-$lang-dark" --lang "$lang" --dark
    run "dialog-$lang-block" --lang "$lang" --block
    run "dialog-$lang-large-font" --lang "$lang" --font-scale 1.6
    run "settings-$lang" --lang "$lang" --settings
    run "settings-$lang-checks" --lang "$lang" --settings --checks-tab
    run "settings-$lang-problems" --lang "$lang" --settings --problems
done
exit $failed
