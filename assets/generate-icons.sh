#!/usr/bin/env bash
# Regenerates every icon file from assets/IconGenerator.java (the one source image) and commits nothing:
# review the PNGs, then `git add` them.
#   needs: a JDK 17+, ImageMagick (`convert`, for the Windows .ico) and icnsutils (`png2icns`, for the macOS .icns)
#   apt-get install -y imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")/.."

# /usr/local/bin may hold a stand-in `convert`; prefer ImageMagick's own binary when it is installed
CONVERT=$(command -v convert-im6.q16 || command -v magick || command -v convert)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

java -Djava.awt.headless=true assets/IconGenerator.java "$tmp" 16 24 32 48 64 128 256 512 1024

# the source image set (assets/) and the Linux launcher icon
for size in 16 32 48 64 128 256 512; do
  cp "$tmp/icon-$size.png" "assets/icon-$size.png"
done
cp "$tmp/icon-512.png" assets/icon.png
cp "$tmp/icon-256.png" installer/linux/smtp-doctor.png

# the wizard loads its window icons from the class path
mkdir -p src/main/resources/org/smtpdoctor/ui
for size in 16 32 48 64 128 256; do
  cp "$tmp/icon-$size.png" "src/main/resources/org/smtpdoctor/ui/icon-$size.png"
done

# Windows: one .ico holding 16..256 (the 256 entry is stored as PNG)
"$CONVERT" "$tmp/icon-16.png" "$tmp/icon-24.png" "$tmp/icon-32.png" "$tmp/icon-48.png" "$tmp/icon-64.png" \
  "$tmp/icon-128.png" "$tmp/icon-256.png" installer/windows/smtp-doctor.ico

# macOS: .icns with 16..1024
png2icns installer/macos/smtp-doctor.icns "$tmp/icon-16.png" "$tmp/icon-32.png" "$tmp/icon-48.png" \
  "$tmp/icon-128.png" "$tmp/icon-256.png" "$tmp/icon-512.png" "$tmp/icon-1024.png" >/dev/null

echo "icons written: assets/, installer/{linux,windows,macos}/, src/main/resources/org/smtpdoctor/ui/"
