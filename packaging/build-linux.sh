#!/usr/bin/env bash
# Build the Linux one-folder bundle, start it offscreen, and report its size and start times.
# A missing data file, hidden import or keyring backend fails here, not on a user's desk.
#   packaging/build-linux.sh [OUT]     (default OUT: dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-dist}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== PyInstaller bundle"
build_start=$(date +%s)
uv run --locked --group packaging pyinstaller --noconfirm --log-level WARN \
  --distpath "$out" --workpath "$work/build" packaging/collector_desk.spec
bundle="$out/collector-desk"
cp packaging/linux/install.sh packaging/linux/collector-desk.desktop "$bundle/"
cp resources/icons/collector-desk-256.png "$bundle/collector-desk.png"
echo "built in $(( $(date +%s) - build_start )) s"

echo "== smoke test of the frozen app (offscreen, in an empty home)"
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
  XDG_STATE_HOME="$work/home/state" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
# prints the seconds a command took; on failure prints its output to stderr and stops
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >"$work/out.txt" 2>&1 || {
  cat "$work/out.txt" >&2; echo "FAILED: $*" >&2; exit 1; }; t1=$(date +%s.%N)
  awk "BEGIN { printf \"%.2f\", $t1 - $t0 }"; }
app="$bundle/collector-desk"
version_s=$(seconds "$app" --version); cat "$work/out.txt"
seconds "$app" info >/dev/null; cat "$work/out.txt"
seconds "$app" scripts check >/dev/null; cat "$work/out.txt"
first_s=$(seconds "$app" demo --cases 300 --screenshot "$work/first.png")
again_s=$(seconds "$app" demo --cases 300 --screenshot "$out/collector-desk-demo.png")
# the app logs when its first rows are on screen (the screenshot waits for the first sync)
rows_s=$(grep -a "first rows on screen" "$XDG_STATE_HOME/collector-desk/log/collector-desk.log" \
  | tail -1 | sed -E 's/.*first rows on screen ([0-9.]+) s.*/\1/')
practice_s=$(seconds "$app" practice --screenshot "$work/practice.png")
shots=("$work/first.png" "$out/collector-desk-demo.png" "$work/practice.png")
xcb_note=""
if command -v xvfb-run >/dev/null; then  # the X11 platform a desk uses, on a virtual screen
  xcb_s=$(QT_QPA_PLATFORM=xcb seconds xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$app" demo --cases 300 --screenshot "$work/xcb.png")
  shots+=("$work/xcb.png")
  xcb_note="; demo on X11 (xcb, Xvfb) ${xcb_s} s"
fi
for png in "${shots[@]}"; do
  [ "$(stat -c %s "$png")" -gt 20000 ] || { echo "FAILED: $png is empty or tiny"; exit 1; }
done

echo "== archive"
version=$("$app" --version | awk '{print $2}')
archive="$out/collector-desk-$version-linux-$(uname -m).tar.xz"
tar -C "$out" -I "xz -T0" -cf "$archive" collector-desk
mb() { awk "BEGIN { printf \"%.1f\", $1 / 1048576 }"; }
echo "bundle:  $(mb "$(du -sb "$bundle" | cut -f1)") MB unpacked, $(mb "$(stat -c %s "$archive")") MB as $(basename "$archive")"
echo "start:   --version ${version_s} s; demo: first rows ${rows_s} s after its code began," \
  "first screenshot ${again_s} s" \
  "(${first_s} s when it first generates 300 cases); practice ${practice_s} s${xcb_note}"
