#!/usr/bin/env bash
# Writes <app image>/lib/app/smtp-doctor-cli: the command line's launcher on Linux, a shell script that starts the
# runtime's java directly; the .deb's postinst links /usr/bin/smtp-doctor to it.
# Why not jpackage's native launcher (bin/smtp-doctor, which the menu entry keeps using): JDK 17's asks
# `rpm -qf` and `dpkg -S` who owns it, twice, at every start (~80 ms of a 0.8 s probe), and it passes the
# window's --add-exports/--add-opens for ControlsFX, which turn off CDS's archived module graph. The script takes
# the class path, main class and every other JVM option from the launcher's own .cfg, so both stay in step, and
# opens the window through the native launcher when given no arguments.
# Called by installer/package.xml after the app image is made.
#   usage: installer/linux/cli-launcher.sh <app image dir>
set -euo pipefail
app=$1
cfg="$app/lib/app/smtp-doctor.cfg"
out="$app/lib/app/smtp-doctor-cli"
[ -f "$cfg" ] || { echo "cli launcher: no $cfg" >&2; exit 1; }

# in the script, $app is lib/app of wherever the app is installed (the launcher's $APPDIR)
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed 's|[$]APPDIR|$app|' | paste -sd: -)
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
opts=$(sed -n 's/^java-options=//p' "$cfg" | grep -v -e '^--add-exports' -e '^--add-opens' \
  | sed -e 's|[$]APPDIR|$app|' -e 's/.*/"&"/' | paste -sd' ' -)

cat >"$out" <<EOF
#!/bin/sh
# SMTP Doctor's command line (made by installer/linux/cli-launcher.sh from smtp-doctor.cfg); no arguments: the window
app=\$(dirname "\$(readlink -f "\$0")")
if [ \$# -eq 0 ]; then
  exec "\$app/../../bin/smtp-doctor"
fi
exec "\$app/../runtime/bin/java" $opts -cp "$cp" $main "\$@"
EOF
chmod 755 "$out"
echo "cli launcher: $out"
