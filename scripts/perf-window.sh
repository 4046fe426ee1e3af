#!/usr/bin/env bash
# Measures Copydesk in a real window under Xvfb with a 10,000-word article
# (WORDS=N for another length; TEXT_DIR=DIR takes the paragraphs from the
# .txt files in DIR, shuffled, instead of repeating the bundled sample):
#  1. seconds from launch (copydesk --open ID) to the window being visible,
#     and to the article's text being drawn in it;
#  2. idle CPU over 10 s with the caret in the editor, beside the same for a
#     window holding one focused single-line stock Entry (the framework's
#     floor), measured in the same run;
#  3. whether 50 keystrokes sent by xdotool all land in the autosaved
#     working copy, and how long after the last one.
# Needs: xvfb, xdotool, imagemagick (scripts/deps.sh xvfb) and a built
# bin/copydesk.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${COPYDESK_BIN:-bin/copydesk}
tmp=$(mktemp -d)
display=:${DISPLAY_NUM:-90}
cleanup() { kill ${pid:-} ${xvfb_pid:-} 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

go build -o "$tmp/idlebaseline" ./scripts/idlebaseline

words=${WORDS:-10000}
# The article: the sample's headline, then its paragraphs (or those of
# TEXT_DIR's files, shuffled) repeated until it has $words words.
{
  head -n1 assets/sample-article.txt
  if [ -n "${TEXT_DIR:-}" ]; then
    paras=$tmp/paragraphs.txt
    cat "$TEXT_DIR"/*.txt | awk 'NF' > "$paras"
    total=$(wc -w < "$paras")
    for i in $(seq $((words / total + 1))); do shuf --random-source=<(yes "$i") "$paras"; done
  else
    for _ in $(seq $((words / 300 + 1))); do tail -n +2 assets/sample-article.txt; done
  fi
} > "$tmp/repeated.txt"
awk -v max="$words" '{n=split($0,a," "); if (NR>1 && w+n>max) exit; w+=n; print}' "$tmp/repeated.txt" > "$tmp/long.txt"
words=$(wc -w < "$tmp/long.txt")
db=$tmp/perf.db
id=$("$bin" import --db "$db" "$tmp/long.txt" 2>/dev/null)

Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; } # utime+stime in ticks
idle_cpu() { # PID SECONDS -> percent of one core
  local a b
  a=$(cpu "$1"); sleep "$2"; b=$(cpu "$1")
  awk -v a="$a" -v b="$b" -v t="$ticks" -v s="$2" 'BEGIN{printf "%.1f", 100*(b-a)/t/s}'
}

# A fresh profile, with the desk's user name already given, so the
# first-run question does not cover the window.
mkdir -p "$tmp/config/fyne/io.copydesk.desk"
printf '{"editor.author":"Copy Desk"}\n' > "$tmp/config/fyne/io.copydesk.desk/preferences.json"

# 1 and 2: Copydesk.
t0=$(date +%s.%N)
HOME=$tmp XDG_CONFIG_HOME=$tmp/config "$bin" --db "$db" --open "$id" 2>/dev/null &
pid=$!
wid=$(timeout 120 xdotool search --sync --onlyvisible --name '^Copydesk' | head -n1)
t1=$(date +%s.%N)
visible=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}')
# A mapped window may not be drawn yet: wait for text in the editor's
# column (the middle of the default 1200×800 window at the top left), seen
# as the spread of its pixels' brightness.
drawn="no text after 120 s"
while awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{exit !(b-a<120)}'; do
  sd=$(import -window root -crop 560x700+310+60 png:- 2>/dev/null | convert - -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
  if awk -v s="$sd" 'BEGIN{exit !(s>0.05)}'; then
    drawn=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f s", b-a}')
    break
  fi
  sleep 0.1
done
sleep "${REVIEW_WAIT:-3}" # let the first review finish
xdotool windowsize "$wid" 1280 860 windowmove "$wid" 0 0
sleep 1
xdotool mousemove 600 300 click 1 # the caret in the editor
sleep 1
copydesk_idle=$(idle_cpu "$pid" 10)

# 3: 50 keystrokes at the end of the text.
xdotool key ctrl+End
sent_at=$(date +%s.%N)
xdotool type --delay 40 "$(printf 'z%.0s' $(seq 50))"
sent_end=$(date +%s.%N)
landed="no"
for _ in $(seq 300); do
  n=$("$bin" export --db "$db" --working "$id" 2>/dev/null | grep -o z | wc -l || true)
  if [ "$n" -ge 50 ]; then landed="yes"; break; fi
  sleep 0.1
done
saved_at=$(date +%s.%N)
lag=$(awk -v a="$sent_end" -v b="$saved_at" 'BEGIN{printf "%.2f", b-a}')
typing=$(awk -v a="$sent_at" -v b="$sent_end" 'BEGIN{printf "%.2f", b-a}')
kill "$pid"; wait "$pid" 2>/dev/null || true

# 2: the baseline window.
"$tmp/idlebaseline" 2>/dev/null &
pid=$!
timeout 60 xdotool search --sync --onlyvisible --name '^Idle baseline' >/dev/null
sleep 3
baseline_idle=$(idle_cpu "$pid" 10)
kill "$pid"; wait "$pid" 2>/dev/null || true

echo "article: $words words"
echo "window visible after launch: ${visible} s; the article drawn in it after ${drawn}"
echo "idle CPU, caret in the editor, 10 s: ${copydesk_idle}% of a core"
echo "idle CPU, one focused stock Entry, 10 s: ${baseline_idle}% of a core"
echo "50 keystrokes typed in ${typing} s; all in the working copy: ${landed} (${lag} s after the last)"
