# Shared by the npm entry scripts.
# Next.js would send anonymous telemetry: NetLab sends nothing off this machine.
export NEXT_TELEMETRY_DISABLED=1

# Install the npm packages when they are missing or out of date.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "[setup] installing npm packages (npm install, as pinned by package-lock.json)"
    # Not `npm ci`: it insists on lock entries for every platform's optional packages (Next.js's macOS and
    # Windows compilers), which the registry this project uses does not serve.
    npm install --no-audit --no-fund
  fi
}
