#!/usr/bin/env bash
# Builds the native core, its tests and tools (build/native) and the web app (build/web/dist).
# Usage: build.sh [native|web|all]   (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=$(nproc 2>/dev/null || echo 2)
# Debian's emcc needs acorn from Debian's node modules for its JS optimizer passes.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
if [ "$what" = native ] || [ "$what" = all ]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
fi
if [ "$what" = web ] || [ "$what" = all ]; then
  emcmake cmake -S . -B build/web -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/web -j"$jobs"
fi
