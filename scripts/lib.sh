# Shared by the npm entry scripts: install the npm packages when they are missing or out of date.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "[setup] installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
  fi
}
