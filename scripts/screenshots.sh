#!/usr/bin/env bash
# Takes the README's screenshots of Copydesk in a real window under Xvfb:
#   docs/workspace.png    the sample article with its findings
#   docs/quote-sheet.png  the quote sheet with source verification
#   docs/source-check.png a misquote shown against its source
#   docs/compare.png      two revisions side by side
# Needs: xvfb, xdotool, imagemagick (scripts/deps.sh xvfb) and bin/copydesk.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${COPYDESK_BIN:-bin/copydesk}
tmp=$(mktemp -d)
display=:${DISPLAY_NUM:-91}
cleanup() { kill ${app_pid:-} ${xvfb_pid:-} 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

# A fresh profile, with the desk's user name already given, so the
# first-run question does not cover the window.
mkdir -p "$tmp/config/fyne/io.copydesk.desk"
printf '{"editor.author":"Copy Desk"}\n' > "$tmp/config/fyne/io.copydesk.desk/preferences.json"

db=$tmp/copydesk.db
start() {
  HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data "$bin" --db "$db" "$@" 2>/dev/null &
  app_pid=$!
  wid=$(timeout 30 xdotool search --sync --onlyvisible --name '^Copydesk' | head -n1)
  xdotool windowsize "$wid" 1280 860 windowmove "$wid" 0 0
  sleep 2.5
  xdotool windowsize "$wid" 1280 860 windowmove "$wid" 0 0
  sleep 0.5
  xdotool mousemove 640 430
}
stop() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }
shot() { sleep 0.8; import -window root "$1"; echo "wrote $1"; }

# First run seeds the sample article and its source notes.
start
shot docs/workspace.png
xdotool key ctrl+2
shot docs/quote-sheet.png
xdotool key ctrl+1
# Select the misquote finding: F8 steps through the findings in order.
for _ in 1 2 3 4; do xdotool key F8; sleep 0.2; done
shot docs/source-check.png
stop

# A desk edit of the sample as revision 2, then compare r1 with r2.
sed -e 's/about 70 percent/about 60 percent/' \
    -e 's/no serious delays/no major delays/' \
    -e 's/,” he remarked\./,” Mr. Reyes said./' \
    -e 's/Ms. Marsh articulated\./Ms. Marsh said./' \
    -e '/^The board is expected/i The port expects the first larger ships in July, a spokeswoman said.' \
    assets/sample-article.txt > "$tmp/rev2.txt"
"$bin" revise --db "$db" --label "desk edit" 1 "$tmp/rev2.txt" >/dev/null
start --open 1
xdotool key ctrl+3
sleep 0.5
xdotool key alt+Down
shot docs/compare.png
stop
