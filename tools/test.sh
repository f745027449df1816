#!/usr/bin/env bash
# Sets up the machine if needed, builds everything and runs every test suite:
# core (Catch2 via ctest), serve.py (Python unittest), browser (node:test + playwright-core + Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build.sh all

status=0
echo "== core (Catch2)"
ctest --test-dir build/native --output-on-failure || status=1
echo "== serve.py (unittest)"
python3 -m unittest discover -s tests/server -t . || status=1
echo "== browser (playwright-core, Chromium)"
node --test --test-concurrency=1 tests/browser/*.test.mjs || status=1
exit $status
