#!/bin/bash
# A small nginx image: Debian's nginx-light (the nginx binary, nginx-common, and the http-echo module it
# pulls in) unpacked with dpkg-deb, plus the shared libraries the binary links, serving Debian's welcome page.
# Busybox provides a shell and the usual tools (cat, ip, ping, wget), so `docker exec ng1 …` works in lessons;
# Debian's curl is there too, as in the official image (tutorials run `docker exec ng2 curl http://ng1`).
# Inputs: OUT (empty folder to fill), CACHE (kept between builds).
set -euo pipefail
debs="$CACHE/debs"
mkdir -p "$debs"
. "$(dirname "$0")/../download-debs.sh"
download_debs nginx nginx-common libnginx-mod-http-echo busybox-static
for p in nginx nginx-common libnginx-mod-http-echo; do
  f=$(ls -t "$debs"/${p}_*.deb | head -n1)
  echo "unpacking $(basename "$f")"
  dpkg-deb -x "$f" "$OUT"
done
# Shared libraries: ask the dynamic loader which ones the binary needs and copy them with their paths.
for lib in $(ldd "$OUT/usr/sbin/nginx" | grep -o '/[^ ]*'); do
  cp -L --parents "$lib" "$OUT/"
done
for lib in $(ldd "$OUT"/usr/lib/nginx/modules/*.so | grep -o '/[^ ]*' | sort -u); do
  [ -e "$OUT$lib" ] || cp -L --parents "$lib" "$OUT/"
done
# curl with the libraries it needs, each from its Debian package (libc is the one nginx already took).
curl_debs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances curl | grep -v '^[ <]' | grep -vx 'libc6\|gcc-12-base\|libgcc-s1' | sort -u)
download_debs $curl_debs
tmp=$(mktemp -d)
for p in $curl_debs; do dpkg-deb -x "$(ls -t "$debs"/${p}_*.deb | head -n1)" "$tmp"; done
mkdir -p "$OUT/usr/bin"
cp "$tmp/usr/bin/curl" "$OUT/usr/bin/curl"
curl_libs=$(LD_LIBRARY_PATH="$tmp/usr/lib/x86_64-linux-gnu:$tmp/lib/x86_64-linux-gnu" ldd "$tmp/usr/bin/curl")
if grep -q 'not found' <<<"$curl_libs"; then echo "curl needs a library no package gave: $curl_libs" >&2; exit 1; fi
for lib in $(grep -o '/[^ ]*' <<<"$curl_libs"); do
  target="$OUT${lib#"$tmp"}"
  [ -e "$target" ] || { mkdir -p "$(dirname "$target")" && cp -L "$lib" "$target"; }
done
rm -rf "$tmp"
tmp=$(mktemp -d)
dpkg-deb -x "$(ls -t "$debs"/busybox-static_*.deb | head -n1)" "$tmp"
mkdir -p "$OUT/bin"
cp "$tmp/bin/busybox" "$OUT/bin/busybox"
rm -rf "$tmp"
for applet in $("$OUT/bin/busybox" --list); do
  [ -e "$OUT/bin/$applet" ] || [ -e "$OUT/usr/sbin/$applet" ] || ln -s busybox "$OUT/bin/$applet"
done
# What nginx-common's maintainer scripts would have done.
ln -sf ../sites-available/default "$OUT/etc/nginx/sites-enabled/default"
mkdir -p "$OUT/var/www/html" "$OUT/var/lib/nginx" "$OUT/var/log/nginx" "$OUT/run" "$OUT/tmp" "$OUT/etc/nginx/modules-enabled"
cp "$OUT/usr/share/nginx/html/index.html" "$OUT/var/www/html/index.nginx-debian.html"
for m in "$OUT"/usr/share/nginx/modules-available/*.conf; do
  [ -e "$m" ] && ln -sf "/usr/share/nginx/modules-available/$(basename "$m")" "$OUT/etc/nginx/modules-enabled/50-$(basename "$m")"
done
chmod 1777 "$OUT/tmp"
# Logs go to the container's output, as in the official image, so `docker logs` shows requests.
ln -sf /dev/stdout "$OUT/var/log/nginx/access.log"
ln -sf /dev/stderr "$OUT/var/log/nginx/error.log"
mkdir -p "$OUT/etc"
printf 'root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' > "$OUT/etc/passwd"
printf 'root:x:0:\nwww-data:x:33:\nnogroup:x:65534:\n' > "$OUT/etc/group"
rm -rf "$OUT/usr/share/doc" "$OUT/usr/share/man" "$OUT/etc/init.d" "$OUT/lib/systemd" "$OUT/etc/logrotate.d" "$OUT/etc/ufw"
"$OUT/usr/sbin/nginx" -V 2>&1 | sed -n 1p
