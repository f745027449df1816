#!/usr/bin/env bash
# Sets up the machine if needed, builds the web app and serves it on the built-in simulator.
# Extra arguments go to serve.py (e.g. --port 8080 --time-scale 10).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build.sh web
exec python3 serve.py "$@"
