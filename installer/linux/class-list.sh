#!/usr/bin/env bash
# The build's training runs for start-up: records the classes the app loads (-XX:DumpLoadedClassList) into
# <app image>/lib/app/smtp-doctor.classlist, which the .deb's postinst turns into a class-data-sharing archive for
# the installed paths (lib/app/smtp-doctor.jsa, used through -XX:SharedArchiveFile in linux/app.args).
#   1. the command line: `smtp-doctor probe` (STARTTLS, AUTH PLAIN, MAIL FROM, RCPT TO; JSON and text output)
#      against TrainingServer.java on 127.0.0.1, once with an EC and once with an RSA certificate, and `explain`
#      (needs the build JDK's java and keytool: the second argument, else the PATH's)
#   2. the window: starts it once under a private Xvfb until it shows (needs Xvfb and xwininfo)
# Called by installer/package.xml; a part whose tools are missing is skipped (the app then starts without those
# classes in the archive, or without the archive when both are skipped).
#   usage: installer/linux/class-list.sh <app image dir> [<build JDK bin dir>]
set -uo pipefail
app=$1
jdk_bin=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
list="$app/lib/app/smtp-doctor.classlist"
title="SMTP Doctor"
rm -f "$list"

tmp=$(mktemp -d)
app_pid=
server_pids=()
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null
  [ -z "${xvfb_pid:-}" ] || kill "$xvfb_pid" 2>/dev/null
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# each training run records its own list (<n>-<name>.classlist, n = order); merged at the end, first occurrence kept
record() { # n-name command...: runs the app with the class list for this run
  local name=$1
  shift
  HOME="$tmp/home" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$tmp/$name.classlist" "$@"
}
merge() {
  if compgen -G "$tmp/[0-9]-*.classlist" >/dev/null; then
    cat "$tmp"/[0-9]-*.classlist | awk '!/^#/ && !seen[$0]++' >"$list"
    echo "class list: $(grep -vc '^#' "$list") classes in $list"
  fi
}

# ---- 1. the command line -----------------------------------------------------------------------------------
jdk_tool() { if [ -n "$jdk_bin" ] && [ -x "$jdk_bin/$1" ]; then echo "$jdk_bin/$1"; else command -v "$1"; fi; }
java_bin=$(jdk_tool java)
keytool_bin=$(jdk_tool keytool)
if [ -z "$java_bin" ] || [ -z "$keytool_bin" ]; then
  echo "class list: command line skipped (needs the JDK's java and keytool)"
else
  cli_ok=true
  for alg in EC RSA; do
    if [ "$alg" = EC ]; then size=(-groupname secp256r1); else size=(-keysize 2048); fi
    "$keytool_bin" -genkeypair -alias training -keyalg "$alg" "${size[@]}" -dname CN=localhost \
      -ext san=ip:127.0.0.1,dns:localhost -validity 2 -storetype PKCS12 -keystore "$tmp/$alg.p12" \
      -storepass training -keypass training >"$tmp/keytool.log" 2>&1 \
      && "$keytool_bin" -exportcert -rfc -alias training -keystore "$tmp/$alg.p12" -storepass training \
        -file "$tmp/$alg.pem" >>"$tmp/keytool.log" 2>&1 \
      || { cli_ok=false; cat "$tmp/keytool.log"; break; }
    "$java_bin" "$here/TrainingServer.java" "$tmp/$alg.p12" training "$tmp/$alg.port" >"$tmp/server-$alg.log" 2>&1 &
    server_pids+=($!)
  done
  for alg in EC RSA; do
    $cli_ok || break
    for _ in $(seq 1 300); do [ -s "$tmp/$alg.port" ] && break; sleep 0.1; done
    [ -s "$tmp/$alg.port" ] || { cli_ok=false; cat "$tmp/server-$alg.log"; }
  done
  if $cli_ok; then
    n=1
    for alg in EC RSA; do
      output=(--json)
      [ "$alg" = RSA ] && output=()
      record "$n-probe-$alg" env TRAINING_PASSWORD=training "$app/bin/smtp-doctor" probe --host 127.0.0.1 \
        --port "$(cat "$tmp/$alg.port")" --security starttls --auth plain --user training@example.test \
        --password-env TRAINING_PASSWORD --from training@example.test --to postmaster@example.test \
        --trust-cert "$tmp/$alg.pem" --timeout 20 "${output[@]}" </dev/null >"$tmp/probe-$alg.log" 2>&1 \
        || { echo "class list: the training probe failed ($alg); its output follows"; cat "$tmp/probe-$alg.log"; }
      n=$((n + 1))
    done
    record 3-explain "$app/bin/smtp-doctor" explain "535 5.7.8 Authentication credentials invalid" \
      </dev/null >"$tmp/explain.log" 2>&1 || true
  else
    echo "class list: command line skipped (the training server did not start)"
  fi
fi

# ---- 2. the window -----------------------------------------------------------------------------------------
if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null; then
  echo "class list: window skipped (needs Xvfb and xwininfo: apt-get install -y xvfb x11-utils)"
  merge
  exit 0
fi

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || { echo "class list: window skipped (Xvfb did not start)"; merge; exit 0; }
export DISPLAY=":$(tr -d '[:space:]' <"$tmp/display")"

HOME="$tmp/home" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$tmp/9-window.classlist" "$app/bin/smtp-doctor" \
  >"$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do
  if xwininfo -name "$title" 2>/dev/null | grep -q 'Map State: IsViewable'; then
    sleep 2   # let the first screen finish its layout, styling and painting
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null
    app_pid=
    merge
    exit 0
  fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
echo "class list: window skipped (no window titled '$title'; app output follows)"
cat "$tmp/app.log"
rm -f "$tmp"/9-window.classlist
merge
exit 0
