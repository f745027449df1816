#!/usr/bin/env bash
# Runs the app as in production: Debian's nginx in front (HTTPS, HTTP/2, brotli, caching, limits) and
# serve.py workers behind it. See tools/nginx/front.py, or run.sh --help.
#   bash tools/nginx/run.sh --port 8443 [--workers 2] [serve.py options...]
set -euo pipefail
exec python3 "$(dirname "$0")/front.py" "$@"
