#!/usr/bin/env bash
# Takes a screenshot of Copydesk in a real window on a virtual display.
#   scripts/screenshot.sh OUT.png [copydesk arguments...]
# Without arguments after OUT.png it opens a fresh database seeded with the
# bundled sample. Needs: xvfb, xdotool, imagemagick (scripts/deps.sh xvfb).
set -euo pipefail
out=${1:?usage: $0 OUT.png [copydesk args...]}
shift
bin=${COPYDESK_BIN:-bin/copydesk}
tmp=$(mktemp -d)
trap 'kill ${app_pid:-} ${xvfb_pid:-} 2>/dev/null || true; rm -rf "$tmp"' EXIT

display=:${DISPLAY_NUM:-97}
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

# A fresh profile, with the desk's user name already given, so the
# first-run question does not cover the window.
mkdir -p "$tmp/config/fyne/io.copydesk.desk"
printf '{"editor.author":"Copy Desk"}\n' > "$tmp/config/fyne/io.copydesk.desk/preferences.json"

args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--db "$tmp/copydesk.db")
HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data "$bin" "${args[@]}" &
app_pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --name '^Copydesk' | head -n1)
xdotool windowsize "$wid" 1280 860 windowmove "$wid" 0 0
sleep "${SETTLE:-2}"
import -window root "$out"
echo "wrote $out"
