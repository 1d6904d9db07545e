# Sourced by recipes: download_debs PKG... fetches Debian packages into $debs with the host's apt, refreshing
# the package lists once if they are missing or stale.
download_debs() {
  (cd "$debs" && { apt-get download "$@" 2>/dev/null || { apt-get update -qq && apt-get download "$@"; }; } 2>&1 |
    grep -v '^W: Download is performed unsandboxed') || true
}
