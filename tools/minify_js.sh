#!/usr/bin/env bash
# Minifies the page's own scripts in a dist folder in place (terser: compress and mangle local
# names; global names and property names stay, since the page, the wasm's JS and the tests call
# them by name). evcharge.js is left alone: the Closure Compiler already minified it at link time.
set -euo pipefail
dir=${1:?usage: minify_js.sh DIST}
terser="$(dirname "$0")/../node_modules/.bin/terser"
for f in "$dir"/*.js; do
  [ "$(basename "$f")" = evcharge.js ] && continue
  "$terser" "$f" --compress --mangle --output "$f.min"
  mv "$f.min" "$f"
done
