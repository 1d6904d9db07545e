# Shared by the npm entry scripts.
# Next.js would send anonymous telemetry: NetLab sends nothing off this machine.
export NEXT_TELEMETRY_DISABLED=1

# Install the npm packages when they are missing or out of date.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "[setup] installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
  fi
}
