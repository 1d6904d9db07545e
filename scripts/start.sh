#!/bin/bash
# `npm start`: from a fresh machine to the app on http://localhost:${PORT:-3000}. Installs the npm packages,
# builds the web app when its sources changed; server.ts then finds or starts the Docker engine (installing
# Debian's docker.io if needed) and builds the sandbox images when their recipes changed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_node_modules
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib lessons grader next.config.mjs package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  echo "[setup] building the web app (next build)"
  npm run build
fi
NODE_ENV=production exec npx tsx server.ts
