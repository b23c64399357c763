#!/usr/bin/env bash
# Training run for start-up: starts the app image's window once under a private Xvfb and records the classes
# it loads until the window shows (-XX:DumpLoadedClassList) into <app image>/lib/app/smtp-doctor.classlist.
# The .deb's postinst turns that list into a class-data-sharing archive for the installed paths
# (lib/app/smtp-doctor.jsa, used through -XX:SharedArchiveFile in linux/app.args).
# Called by installer/package.xml; without Xvfb/xwininfo it skips (the app then starts without the archive).
#   usage: installer/linux/class-list.sh <app image dir>
set -uo pipefail
app=$1
list="$app/lib/app/smtp-doctor.classlist"
title="SMTP Doctor"
rm -f "$list"

if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null; then
  echo "class list: skipped (needs Xvfb and xwininfo: apt-get install -y xvfb x11-utils)"
  exit 0
fi

tmp=$(mktemp -d)
app_pid=
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null
  [ -z "${xvfb_pid:-}" ] || kill "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || { echo "class list: skipped (Xvfb did not start)"; exit 0; }
export DISPLAY=":$(tr -d '[:space:]' <"$tmp/display")"

HOME="$tmp/home" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" "$app/bin/smtp-doctor" >"$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do
  if xwininfo -name "$title" 2>/dev/null | grep -q 'Map State: IsViewable'; then
    sleep 2   # let the first screen finish its layout, styling and painting
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null
    app_pid=
    echo "class list: $(grep -vc '^#' "$list") classes in $list"
    exit 0
  fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
echo "class list: skipped (no window titled '$title'; app output follows)"
cat "$tmp/app.log"
rm -f "$list"
exit 0
