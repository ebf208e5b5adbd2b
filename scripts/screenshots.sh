#!/usr/bin/env bash
# Renders every notice kind in every language to PNG with headless
# Chromium, to look at the layouts as a reader sees them: the HTML golden
# files of package i18n (each notice kind in each locale, and the seed
# variants) and of package assist (the help catalogue and its
# announcement), each the whole A4 sheet at 96 dpi.
#
#   bash scripts/screenshots.sh [OUTDIR] [GLOB]
#
# OUTDIR defaults to a new temporary directory; GLOB (a shell pattern
# matched against the file names, e.g. 'holiday.vi*') to every file. The
# pictures show the golden files as they are: after changing a layout,
# regenerate them first (go test ./i18n -run TestGolden -update) and read
# the diff. Needs Debian's chromium package; the
# screenshots use whatever fonts the machine has (fonts-noto-cjk and
# fonts-liberation2 stand in for Fangsong and Times New Roman). CI does
# not run this script.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
pattern=${2:-*}
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "screenshots: chromium not found (apt-get install -y chromium fonts-noto-cjk fonts-liberation2)" >&2
  exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
n=0
for f in i18n/testdata/golden/*.html assist/testdata/golden/*.html; do
  name=$(basename "$f" .html)
  # shellcheck disable=SC2254
  case "$name" in $pattern) ;; *) continue ;; esac
  pkg=$(basename "$(dirname "$(dirname "$(dirname "$f")")")")
  png="$out/$pkg.$name.png"
  # 210 mm at 96 dpi is 794 px, 297 mm 1123 px; the sheet has a margin
  # around it. A notice longer than a page grows downwards: set HEIGHT to
  # see more of it.
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" --window-size=860,"${HEIGHT:-1240}" \
    --screenshot="$png" "file://$PWD/$f" >/dev/null 2>&1
  n=$((n + 1))
done
echo "$n screenshots in $out"
