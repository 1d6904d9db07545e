#!/bin/bash
# `npm start`: from a fresh machine to the app on http://localhost:${PORT:-3000}. Installs the npm packages,
# builds the web app when its sources changed; server.ts then finds or starts the Docker engine (installing
# Debian's docker.io if needed) and builds the sandbox images when their recipes changed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_node_modules
# Any source newer than the last build means a new build (not a hand list of folders: one would go missing).
newer_source() {
  find . \( -path ./node_modules -o -path ./.next -o -path ./.data -o -path ./.git -o -path ./tests -o -path ./docs -o -name "*.tsbuildinfo" -o -name next-env.d.ts \) -prune \
    -o -type f -newer .next/BUILD_ID -print -quit
}
if [ ! -f .next/BUILD_ID ] || [ -n "$(newer_source)" ]; then
  echo "[setup] building the web app (next build)"
  npm run build
fi
NODE_ENV=production exec npx tsx server.ts
