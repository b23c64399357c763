#!/usr/bin/env bash
# Takes the README screenshots from the real app (org.smtpdoctor.Launcher) under Xvfb, driven by the keyboard
# with xdotool (mnemonics and Tab, as a keyboard user would), against local servers on 127.0.0.1
# (org.smtpdoctor.ui.ScreenshotServers, from the test kit). Nothing leaves the machine.
#
# Needs: apt-get install -y xvfb xauth imagemagick xdotool libgtk-3-0
# Run from anywhere: assets/screenshots/make.sh        (all)
#                    assets/screenshots/make.sh find   (only 10-14, on the loopback "internet"; needs root for port 465)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SCREENSHOTS_INNER:-}" ]; then
  mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/screenshot-cp.txt \
      -Dmdep.includeScope=test
  export SCREENSHOTS_INNER=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

CP="target/classes:target/test-classes:$(cat target/screenshot-cp.txt)"
OUT=assets/screenshots
XDG_CONFIG_HOME="$(mktemp -d)"   # a fresh "user": no saved settings from earlier runs
export XDG_CONFIG_HOME

java -cp "$CP" org.smtpdoctor.ui.ScreenshotServers &
SERVERS=$!
APP=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  kill "$SERVERS" 2>/dev/null || true
  rm -rf "$XDG_CONFIG_HOME"
}
trap cleanup EXIT

start_app() {
  java -cp "$CP" org.smtpdoctor.Launcher >/dev/null 2>&1 &
  APP=$!
  WID=$(xdotool search --sync --name '^SMTP Doctor$' | head -1)
  sleep 2
  xdotool windowfocus --sync "$WID"
  sleep 0.5
}
stop_app() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  APP=""
}
key() { xdotool key --clearmodifiers "$@"; sleep 0.5; }
text() { xdotool type --delay 40 "$1"; sleep 0.4; }
replace() { key ctrl+a; text "$1"; }
shot() { sleep "${2:-1}"; timeout 10 import -window "$WID" "$OUT/$1.png"; echo "$OUT/$1.png"; }

# choose Thunderbird: the focus starts on the first program, Thunderbird is the third
choose_thunderbird() { key Tab; key Tab; key space; }

# the wizard with a loopback "internet" and its own test DNS (org.smtpdoctor.ui.FindScreenshot)
start_find_app() {
  java -cp "$CP" org.smtpdoctor.ui.FindScreenshot >/dev/null 2>&1 &
  APP=$!
  WID=$(xdotool search --sync --name '^SMTP Doctor$' | head -1)
  sleep 2
  xdotool windowfocus --sync "$WID"
  sleep 0.5
}

if [ "${1:-all}" = all ]; then

# 1-3 and 5: a Gmail address (pre-filled from the provider list), then STARTTLS on an implicit-TLS port
start_app
choose_thunderbird
key alt+y; text "alice@gmail.com"; key Tab
shot 1-start 1.5
key alt+c
shot 2-outgoing-server
key alt+s; replace "127.0.0.1"
key alt+p; replace "44650"
key alt+t
key alt+n
key alt+w; text "example-password"; key Tab
shot 3-sign-in
key alt+t
shot 5-result-change-setting 4
stop_app

# 4: the Testing page mid-test (a server that takes a second per reply)
start_app
choose_thunderbird
key alt+y; text "bob@example.com"
key alt+c
key alt+s; replace "127.0.0.1"
key alt+p; replace "42526"
key alt+o
key alt+n
key shift+Tab; key space
key alt+t
shot 4-testing 3.5
stop_app

# 6: settings that work
start_app
choose_thunderbird
key alt+y; text "bob@example.com"
key alt+c
key alt+s; replace "127.0.0.1"
key alt+p; replace "42525"
key alt+o
key alt+n
key shift+Tab; key space
key alt+t
shot 6-result-works 4
stop_app

# 7-8: the pasted-error path
start_app
key alt+e
text "535 5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials"
shot 7-paste-error
key alt+x
shot 8-paste-result 3
stop_app

# 15-16: a server with its own self-signed certificate: the result offers to look at it; the dialog shows it
start_app
choose_thunderbird
key alt+y; text "bob@example.com"
key alt+c
key alt+s; replace "127.0.0.1"
key alt+p; replace "44650"
key alt+l
key alt+n
key shift+Tab; key space
key alt+t
shot 15-result-certificate 4
key alt+t
sleep 2
timeout 10 import -window root -crop 900x700+190+50 "$OUT/16-certificate-dialog.png"; echo "$OUT/16-certificate-dialog.png"
stop_app

# 9: helpdesk view: zoomed in twice, presentation mode on (address and username masked)
start_app
choose_thunderbird
key alt+y; text "alice@gmail.com"; key Tab
key alt+c
key alt+n
key ctrl+plus; key ctrl+plus
key ctrl+shift+p
shot 9-helpdesk-zoom-presentation
stop_app
fi

# 10: Find working settings: the user has smtp.example.com, 587, STARTTLS; the server speaks only SSL/TLS on 465
start_find_app
choose_thunderbird
key alt+y; text "bob@example.com"; key Tab
key alt+c
key alt+s; replace "smtp.example.com"
key alt+t
key alt+p; replace "587"
key alt+n
key alt+w; text "example-password"
key alt+b; key alt+b
key alt+m
shot 10-find-settings 5
stop_app

# the server on 465 speaks SSL/TLS; the user has STARTTLS there
wrong_security_on_465() {
  choose_thunderbird
  key alt+y; text "bob@example.com"; key Tab
  key alt+c
  key alt+s; replace "127.0.0.52"
  key alt+t
  key alt+p; replace "465"
  key alt+n
  key alt+u; text "bob@example.com"
  key alt+w; text "example-password"
  key alt+t
  sleep 3
}

# 11: at 800×600, Apply and test again works: "These settings work — now change them in Thunderbird"
start_find_app
xdotool windowsize --sync "$WID" 800 600; sleep 1
wrong_security_on_465
key alt+a
shot 11-result-now-change-800x600 4
# 12: the same in presentation mode (address and username masked on screen and in reports)
key ctrl+shift+p
shot 12-presentation-mode 1.5
stop_app

# 13: 200 % zoom at 800×600: the result's buttons wrap, nothing is cut
start_find_app
xdotool windowsize --sync "$WID" 800 600; sleep 1
wrong_security_on_465
key ctrl+plus; key ctrl+plus; key ctrl+plus; key ctrl+plus; key ctrl+plus
shot 13-zoom-200-800x600 1.5
stop_app

# 14: the Start page at 800×600 and 200 % zoom, presentation mode on (the badge wraps)
start_find_app
xdotool windowsize --sync "$WID" 800 600; sleep 1
choose_thunderbird
key alt+y; text "bob@example.com"; key Tab
key ctrl+plus; key ctrl+plus; key ctrl+plus; key ctrl+plus; key ctrl+plus
key ctrl+shift+p
shot 14-start-zoom-200-presentation 1.5
stop_app
