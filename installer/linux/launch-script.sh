#!/usr/bin/env bash
# Writes <app image>/lib/app/smtp-doctor-launch: the Linux start script for the window (the menu entry runs it) and
# the command line (/usr/bin/smtp-doctor links to it): it starts the runtime's java directly.
# Why not jpackage's native launcher bin/smtp-doctor (kept, and the same when started by hand): JDK 17's asks
# `rpm -qf` and `dpkg -S` who owns it, twice, at every start (~80 ms for the command line, ~120 ms to the first
# window, measured). The command line also gets no --add-exports/--add-opens: only the window's ControlsFX needs
# them, and they turn off CDS's archived module graph. The script takes the class path, main class and every JVM
# option from the launcher's own .cfg, so both stay in step.
# Called by installer/package.xml after the app image is made.
#   usage: installer/linux/launch-script.sh <app image dir>
set -euo pipefail
app=$1
cfg="$app/lib/app/smtp-doctor.cfg"
out="$app/lib/app/smtp-doctor-launch"
[ -f "$cfg" ] || { echo "launch script: no $cfg" >&2; exit 1; }

# in the script, $app is lib/app of wherever the app is installed (the native launcher's $APPDIR)
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed 's|[$]APPDIR|$app|' | paste -sd: -)
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
options() { # the .cfg's JVM options, each quoted, without those matching $1
  sed -n 's/^java-options=//p' "$cfg" | grep -v -e "$1" | sed -e 's|[$]APPDIR|$app|' -e 's/.*/"&"/' | paste -sd' ' -
}
all=$(options '^$')
cli=$(options '^--add-\(exports\|opens\)')

cat >"$out" <<EOF
#!/bin/sh
# SMTP Doctor (made by installer/linux/launch-script.sh from smtp-doctor.cfg): no arguments open the window
app=\$(dirname "\$(readlink -f "\$0")")
if [ \$# -eq 0 ]; then
  exec "\$app/../runtime/bin/java" $all -cp "$cp" $main
fi
exec "\$app/../runtime/bin/java" $cli -cp "$cp" $main "\$@"
EOF
chmod 755 "$out"
echo "launch script: $out"
