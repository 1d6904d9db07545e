#!/bin/bash
# The sandbox's root filesystem: Debian bookworm (debootstrap minbase) with Docker and the networking tools
# the lessons use, plus NetLab's init, shell and tmux settings from files/ and its helper from native/
# (compiled here, statically, with the host's gcc). The same tree is the sandbox's trusted tree (the image)
# and, as a separate read-only copy, the lower layer of every learner's root (see netlab-init).
# Inputs: OUT (empty folder to fill), CACHE (kept between builds), DEBIAN_MIRROR.
set -euo pipefail
PACKAGES=docker.io,sudo,uidmap,iproute2,netcat-openbsd,iputils-ping,bridge-utils,ethtool,curl,iptables,procps,tcpdump,dnsutils,net-tools,tmux,bash-completion,less,ca-certificates,psmisc
here=$(cd "$(dirname "$0")" && pwd)

# debootstrap is the slow part (~50 s): keep its result, keyed by what it depends on.
key=$(printf '%s\n' "$PACKAGES" "$DEBIAN_MIRROR" bookworm minbase | sha256sum | cut -c1-16)
base="$CACHE/rootfs-bookworm-$key.tar"
if [ -f "$base" ]; then
  echo "using cached debootstrap $base"
else
  echo "debootstrap bookworm (minbase + $PACKAGES)"
  tmp="$CACHE/rootfs-$key.tmp"
  rm -rf "$tmp"
  debootstrap --variant=minbase --include="$PACKAGES" bookworm "$tmp" "$DEBIAN_MIRROR"
  # What a sandbox never needs: package caches, docs and translations (~200 MB).
  rm -rf "$tmp"/var/cache/apt/archives/*.deb "$tmp"/var/lib/apt/lists/* "$tmp"/usr/share/doc/* \
    "$tmp"/usr/share/man/* "$tmp"/usr/share/info/* "$tmp"/usr/share/locale/*
  tar -C "$tmp" -cf "$base.part" . && mv "$base.part" "$base"
  rm -rf "$tmp"
fi
tar -C "$OUT" -xf "$base"
cp -a "$here/files/." "$OUT/"
gcc -static -O2 -Wall -Wextra -Werror -o "$OUT/usr/local/sbin/netlab-idmap-mount" "$here/native/idmap-mount.c"
chmod 0755 "$OUT"/usr/local/sbin/netlab-* "$OUT/usr/local/bin/docker"
chmod 0700 "$OUT/root"
