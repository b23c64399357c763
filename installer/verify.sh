#!/usr/bin/env bash
# Verifies the Linux installer end to end, as a user would meet it:
#   build the .deb (or take one), install it with dpkg, check the menu entry, icon and PATH entry, run the
#   installed command line (--version, and a probe against a GreenMail server on 127.0.0.1), start the installed
#   window under Xvfb and time it, then uninstall and check that nothing is left.
#
#   usage: installer/verify.sh [path/to/smtp-doctor_*.deb]
#   needs: root (dpkg -i), a JDK 17 and Maven (build, GreenMail); installs its Debian tools with apt-get.
#   env:   VERIFY_STARTS=3  how many times the window is started to time it (the first is reported as cold)
#          VERIFY_NICE=-20  niceness of the timed starts: on a CI machine shared with other jobs, -20 gives the app
#                           the CPU as a foreground app on an otherwise idle desktop would have; 0 = as is
# Exit status 0 when every check passed; the first failed check stops the script with status 1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PKG=smtp-doctor
INSTALL_DIR=/opt/smtp-doctor
BIN_LINK=/usr/bin/smtp-doctor
DESKTOP_FILE=/usr/share/applications/smtp-doctor.desktop
TITLE="SMTP Doctor"
STARTS=${VERIFY_STARTS:-3}
NICE=${VERIFY_NICE:--20}

work=$(mktemp -d)
pids=()
installed_here=false
failed=true

say() { printf '[verify] %s\n' "$*"; }
fail() { printf '[verify] FAIL: %s\n' "$*" >&2; exit 1; }
ok() { printf '[verify] ok: %s\n' "$*"; }

cleanup() {
  [ -z "${app_pid:-}" ] || kill "$app_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if $installed_here && dpkg -s "$PKG" >/dev/null 2>&1; then
    say "removing $PKG after a failed run"
    dpkg -r "$PKG" >/dev/null 2>&1 || true
  fi
  if $failed; then
    say "logs kept in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

ms_now() { date +%s%N | cut -c1-13; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

wait_for_port() { # port seconds
  local deadline=$(( $(date +%s) + $2 ))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# ---------------------------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || fail "run as root (dpkg -i / dpkg -r)"

say "Debian tools: xvfb xauth fakeroot libgtk-3-0 x11-utils"
tools=(xvfb xauth fakeroot libgtk-3-0 x11-utils)
if ! dpkg -s "${tools[@]}" >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${tools[@]}" >"$work/apt.log" 2>&1 \
    || { apt-get update >>"$work/apt.log" 2>&1 && apt-get install -y --no-install-recommends "${tools[@]}" >>"$work/apt.log" 2>&1; } \
    || fail "apt-get install ${tools[*]} (see $work/apt.log)"
fi

# ---------------------------------------------------------------------------------------------------------
if [ $# -ge 1 ]; then
  deb=$(readlink -f "$1")
  [ -f "$deb" ] || fail "no such file: $1"
else
  say "building: mvn -B -Pinstaller package"
  build_start=$(date +%s)
  mvn -B -q -Pinstaller package >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "mvn -Pinstaller package"; }
  say "build took $(( $(date +%s) - build_start )) s"
  deb=$(ls -t "$ROOT"/target/installer/*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || fail "no .deb in target/installer/"
fi
deb_version=$(dpkg-deb -f "$deb" Version)
app_version=${deb_version%-*}
say "package: $deb ($deb_version)"

if dpkg -s "$PKG" >/dev/null 2>&1; then
  # left over from an interrupted run on this machine: the check is about a clean install, so start clean
  say "removing an earlier installation of $PKG first"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y "$PKG" >"$work/preremove.log" 2>&1 \
    || dpkg --remove --force-remove-reinstreq "$PKG" >>"$work/preremove.log" 2>&1 \
    || fail "could not remove the earlier installation of $PKG (see $work/preremove.log)"
fi

# ---------------------------------------------------------------------------------------------------------
# dpkg -i does not fetch dependencies: install the package's Depends (all plain names) from the archive first
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' ' | grep -v '^$' || true)
missing=()
for d in $deps; do dpkg -s "$d" >/dev/null 2>&1 || missing+=("$d"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing the package's dependencies: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >"$work/deps.log" 2>&1 \
    || fail "apt-get install ${missing[*]} (see $work/deps.log)"
fi
say "installing with dpkg -i"
installed_here=true
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i $deb"; }
dpkg -s "$PKG" | grep -q '^Status: install ok installed' || fail "$PKG not installed"
ok "installed $PKG $deb_version"

[ -f "$DESKTOP_FILE" ] || fail "menu entry $DESKTOP_FILE missing"
grep -qx "Name=$TITLE" "$DESKTOP_FILE" || fail "menu entry has no Name=$TITLE"
grep -q '^Categories=.*Network;Email;Utility;' "$DESKTOP_FILE" || fail "menu entry categories"
icon=$(sed -n 's/^Icon=//p' "$DESKTOP_FILE")
exec_line=$(sed -n 's/^Exec=//p' "$DESKTOP_FILE")
[ -s "$icon" ] || fail "menu entry icon $icon missing"
[ -x "$exec_line" ] || fail "menu entry command $exec_line missing"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$DESKTOP_FILE" || fail "desktop-file-validate $DESKTOP_FILE"
fi
ok "menu entry $DESKTOP_FILE (icon $icon, runs $exec_line)"

[ -L "$BIN_LINK" ] || fail "$BIN_LINK missing"
[ "$(command -v smtp-doctor)" = "$BIN_LINK" ] || fail "smtp-doctor is not found on the PATH as $BIN_LINK"
launch="$INSTALL_DIR/lib/app/smtp-doctor-launch"
if [ -f "$launch" ]; then
  # window and command line start java directly (installer/linux/launch-script.sh), not the native launcher
  [ "$(readlink "$BIN_LINK")" = "$launch" ] || fail "$BIN_LINK links to $(readlink "$BIN_LINK"), not to $launch"
  [ "$exec_line" = "$launch" ] || fail "the menu entry runs $exec_line, not $launch"
fi
ok "command line on the PATH: $BIN_LINK -> $(readlink "$BIN_LINK")"

modules=$("$INSTALL_DIR/lib/runtime/bin/java" --list-modules)
for m in javafx.controls jdk.crypto.ec java.naming java.security.sasl java.logging; do
  grep -q "^$m@" <<<"$modules" || fail "runtime lacks module $m"
done
ok "runtime modules: $(awk -F@ '{print $1}' <<<"$modules" | tr '\n' ' ')"

# ---------------------------------------------------------------------------------------------------------
version_out=$(cd / && HOME="$work/home" smtp-doctor --version 2>&1) || fail "smtp-doctor --version: $version_out"
grep -q "$app_version" <<<"$version_out" || fail "smtp-doctor --version printed '$version_out', expected $app_version"
ok "smtp-doctor --version: $version_out"

jsa="$INSTALL_DIR/lib/app/smtp-doctor.jsa"
if [ -f "$INSTALL_DIR/lib/app/smtp-doctor.classlist" ]; then
  [ -s "$jsa" ] || fail "postinst made no start-up archive $jsa"
  (cd / && HOME="$work/home" JAVA_TOOL_OPTIONS=-Xlog:class+load=info smtp-doctor --version 2>&1) \
    | grep -q 'org.smtpdoctor.Launcher source: shared objects file' \
    || fail "the launcher does not use the start-up archive $jsa"
  ok "start-up archive in use: $jsa ($(du -m "$jsa" | cut -f1) MiB, $(grep -vc '^#' "$INSTALL_DIR/lib/app/smtp-doctor.classlist") classes)"
else
  say "NOTE: the package was built without a class list (no Xvfb at build time): no start-up archive"
fi

# the probe command exists once its help shows "Usage: smtp-doctor probe" (`probe --help`, or picocli's
# `help probe`, which exits 2 with "Unknown subcommand" while there is none)
probe_help() {
  (cd / && HOME="$work/home" smtp-doctor "$@" >"$work/probe-help.log" 2>&1) \
    && grep -q 'Usage: smtp-doctor probe' "$work/probe-help.log"
}
if probe_help probe --help || probe_help help probe; then
  say "GreenMail on 127.0.0.1 for the probe"
  greenmail_version=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$ROOT/pom.xml")
  mvn -B -q -f "$ROOT/pom.xml" dependency:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$greenmail_version" -DoutputDirectory="$work/greenmail" \
    >"$work/greenmail-fetch.log" 2>&1 || fail "fetching greenmail-standalone (see $work/greenmail-fetch.log)"
  port=$(free_port) || fail "no free loopback port"
  java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$port" \
    -jar "$work/greenmail/greenmail-standalone-$greenmail_version.jar" >"$work/greenmail.log" 2>&1 &
  pids+=($!)
  wait_for_port "$port" 30 || fail "GreenMail did not listen on 127.0.0.1:$port"
  if (cd / && HOME="$work/home" timeout 60 smtp-doctor probe --host 127.0.0.1 --port "$port" --security none \
        --auth none >"$work/probe.log" 2>&1); then
    ok "smtp-doctor probe against GreenMail on 127.0.0.1:$port"
  else
    cat "$work/probe.log" >&2
    fail "smtp-doctor probe --host 127.0.0.1 --port $port --security none --auth none"
  fi
else
  say "SKIP: neither 'smtp-doctor probe --help' nor 'smtp-doctor help probe' shows a probe command: not landed yet"
fi

# ---------------------------------------------------------------------------------------------------------
say "window under Xvfb"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start (see $work/xvfb.log)"
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"

# starts the menu entry's command with a fresh home and waits for a viewable top-level window titled
# "SMTP Doctor"; sets start_ms (launch to that window) and app_pid (the app, still running)
start_window() {
  local home=$1 log=$2 t0 now
  mkdir -p "$home"
  t0=$(ms_now)
  (cd / && HOME="$home" exec nice -n "$NICE" "$exec_line") >"$log" 2>&1 &
  app_pid=$!
  while :; do
    if xwininfo -name "$TITLE" 2>/dev/null | grep -q 'Map State: IsViewable'; then
      now=$(ms_now)
      start_ms=$(( now - t0 ))
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || return 1
    [ $(( $(ms_now) - t0 )) -lt 30000 ] || return 1
    sleep 0.01
  done
}

stop_window() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
}

load_during=$(cut -d' ' -f1-3 /proc/loadavg)
times=()
for i in $(seq 1 "$STARTS"); do
  if ! start_window "$work/home-$i" "$work/app-$i.log"; then
    stop_window
    cat "$work/app-$i.log" >&2
    fail "no window titled '$TITLE' appeared (start $i)"
  fi
  if [ "$i" = 1 ]; then
    wm_class=$(xprop -name "$TITLE" WM_CLASS 2>/dev/null | sed 's/^WM_CLASS(STRING) = //')
    # the dock groups the window under the menu entry only when StartupWMClass names the window's class
    wm_expected=$(sed -n 's/^StartupWMClass=//p' "$DESKTOP_FILE")
    grep -q "\"$wm_expected\"" <<<"$wm_class" \
      || fail "window class $wm_class does not match StartupWMClass=$wm_expected in the menu entry"
    if command -v import >/dev/null; then
      timeout 10 import -window root "$work/window.png" 2>/dev/null && cp "$work/window.png" "$ROOT/target/installer/verify-window.png" || true
    fi
    [ ! -e "$work/home-1/.openjfx" ] || fail "JavaFX unpacked native libraries into ~/.openjfx (runtime lacks them)"
  fi
  stop_window
  times+=("$start_ms")
done
cold=${times[0]}
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(sed -n "$(( (${#times[@]} + 1) / 2 ))p" <<<"$sorted")
ok "window '$TITLE' appeared (WM_CLASS ${wm_class:-?}); start to window: first ${cold} ms, all: ${times[*]} ms, median ${median} ms"

# ---------------------------------------------------------------------------------------------------------
app_image_size=$(du -sm --exclude=smtp-doctor.jsa "$INSTALL_DIR" | cut -f1)
jsa_size=$( [ -f "$jsa" ] && du -m "$jsa" | cut -f1 || echo 0)
deb_size_bytes=$(stat -c %s "$deb")

say "uninstalling with apt-get remove"
DEBIAN_FRONTEND=noninteractive apt-get remove -y "$PKG" >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "apt-get remove"; }
installed_here=false
! dpkg -s "$PKG" 2>/dev/null | grep -q '^Status: install ok installed' || fail "$PKG still installed"
[ ! -e "$INSTALL_DIR" ] || fail "$INSTALL_DIR left behind: $(find "$INSTALL_DIR" | head -5)"
[ ! -e "$BIN_LINK" ] && [ ! -L "$BIN_LINK" ] || fail "$BIN_LINK left behind"
[ ! -e "$DESKTOP_FILE" ] || fail "$DESKTOP_FILE left behind"
! command -v smtp-doctor >/dev/null || fail "smtp-doctor still on the PATH: $(command -v smtp-doctor)"
ok "uninstalled: no $INSTALL_DIR, no $BIN_LINK, no menu entry"

failed=false
printf '\n'
say "RESULT: all checks passed"
say "  .deb:       $(( deb_size_bytes / 1024 / 1024 )) MiB ($deb_size_bytes bytes) $(basename "$deb")  (target <= 60 MB)"
say "  installed:  $app_image_size MiB app image in $INSTALL_DIR, + $jsa_size MiB start-up archive made by postinst"
say "  start-up:   first start to window ${cold} ms, median of ${#times[@]}: ${median} ms  (target <= 1500 ms)"
say "              (started with nice -n $NICE; machine load while timing: $load_during; $(nproc) cores)"
