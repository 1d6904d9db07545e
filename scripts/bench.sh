#!/bin/bash
# `npm run bench`: the benchmarks (bench/run.ts); the JSON result on stdout, progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_node_modules >&2
exec npx tsx bench/run.ts
