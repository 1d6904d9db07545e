#!/bin/bash
# `npm test`: the whole suite from a fresh machine (see scripts/test-suite.ts for the steps).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_node_modules
exec npx tsx scripts/test-suite.ts "$@"
