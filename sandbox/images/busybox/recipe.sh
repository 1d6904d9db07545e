#!/bin/bash
# A tiny busybox image from Debian's busybox-static: one static binary and a link for each applet.
# Inputs: OUT (empty folder to fill), CACHE (kept between builds).
set -euo pipefail
debs="$CACHE/debs"
mkdir -p "$debs"
. "$(dirname "$0")/../download-debs.sh"
download_debs busybox-static
f=$(ls -t "$debs"/busybox-static_*.deb | head -n1)
echo "unpacking $(basename "$f")"
tmp=$(mktemp -d)
dpkg-deb -x "$f" "$tmp"
mkdir -p "$OUT/bin" "$OUT/etc" "$OUT/tmp" "$OUT/root" "$OUT/var"
cp "$tmp/bin/busybox" "$OUT/bin/busybox"
rm -rf "$tmp"
for applet in $("$OUT/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$OUT/bin/$applet"
done
chmod 1777 "$OUT/tmp"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' > "$OUT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$OUT/etc/group"
"$OUT/bin/busybox" | sed -n 1p
