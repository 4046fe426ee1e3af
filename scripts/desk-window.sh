#!/usr/bin/env bash
# Drives Copydesk from the keyboard in a real window under Xvfb, the way the
# Fyne test driver cannot (focus after a menu shortcut, a window the size
# of a small or a large screen), and checks the result in the database:
#   scripts/desk-window.sh [WIDTHxHEIGHT] [OUTDIR]
# It opens the bundled sample, presses Ctrl+H and types into the find bar,
# closes it with Escape, types into the article, saves a revision with
# Ctrl+S by typing its label and pressing Enter, quits with Ctrl+Q, and
# then fails unless revision 2 holds the article typing and none of the
# find-bar or label typing. Screenshots of each step go to OUTDIR.
# Needs: xvfb, xdotool, imagemagick (scripts/deps.sh xvfb) and bin/copydesk.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024x700}
out=${2:-$(mktemp -d)}
w=${size%x*} h=${size#*x}
bin=${COPYDESK_BIN:-bin/copydesk}
tmp=$(mktemp -d)
display=:${DISPLAY_NUM:-93}
cleanup() { kill ${app_pid:-} ${xvfb_pid:-} 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
mkdir -p "$out"
Xvfb "$display" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

mkdir -p "$tmp/config/fyne/io.copydesk.desk"
printf '{"editor.author":"Copy Desk"}\n' > "$tmp/config/fyne/io.copydesk.desk/preferences.json"
db=$tmp/copydesk.db
HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data "$bin" --db "$db" 2>/dev/null &
app_pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --name '^Copydesk' | head -n1)
xdotool windowsize "$wid" "$w" "$h" windowmove "$wid" 0 0
sleep 3
shot() { sleep 0.6; import -window root "$out/$1.png"; }
shot 1-open

xdotool key ctrl+h
sleep 0.4
xdotool type --delay 40 "zzfind"
shot 2-find-bar
xdotool key Escape
sleep 0.3
xdotool key ctrl+Home
xdotool type --delay 40 "Desk edit. "
sleep 0.3
xdotool key ctrl+s
sleep 0.5
xdotool type --delay 40 "zzlabel"
shot 3-save-revision
xdotool key Return
shot 4-saved
xdotool key ctrl+q
wait "$app_pid" 2>/dev/null || true
app_pid=

if ! r2=$("$bin" export --db "$db" --revision 2 1 2>/dev/null); then
  echo "FAIL: ${size}: Ctrl+S, the typed label and Enter saved no revision 2"
  exit 1
fi
fail=0
case $r2 in "Desk edit. "*) ;; *) echo "FAIL: revision 2 does not start with the typed edit"; fail=1 ;; esac
case $r2 in *zzfind*|*zzlabel*) echo "FAIL: find-bar or label typing reached the article"; fail=1 ;; esac
[ $fail -eq 0 ] && echo "ok: ${size}: typing went where the focus was; screenshots in $out"
exit $fail
