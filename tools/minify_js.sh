#!/usr/bin/env bash
# Minifies the page's own scripts in a dist folder in place (terser: compress and mangle local
# names; global names and property names stay, since the page, the wasm's JS and the tests call
# them by name): the named files, or every .js but two. evcharge.js is left alone: the Closure
# Compiler already minified it at link time. sw.js waits for its build line
# (tools/make_service_worker.py), then is minified on its own: minify_js.sh DIST sw.js
set -euo pipefail
dir=${1:?usage: minify_js.sh DIST [FILE...]}
shift
terser="$(dirname "$0")/../node_modules/.bin/terser"
if [ $# -gt 0 ]; then files=("$@"); else files=(); for f in "$dir"/*.js; do files+=("$(basename "$f")"); done; fi
for name in "${files[@]}"; do
  if [ $# -eq 0 ] && { [ "$name" = evcharge.js ] || [ "$name" = sw.js ]; }; then continue; fi
  "$terser" "$dir/$name" --compress --mangle --output "$dir/$name.min"
  mv "$dir/$name.min" "$dir/$name"
done
