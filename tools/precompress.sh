#!/usr/bin/env bash
# Writes .br and .gz siblings for every servable text/wasm/data file in a folder, so serve.py can send
# them as is. A file whose two siblings are already there and not older than it is left alone (the
# base map's cells come with theirs: spawning brotli and zopfli for each of ~1,700 takes minutes).
set -euo pipefail
dir=${1:?usage: precompress.sh DIR}
find "$dir" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.mjs' -o -name '*.html' -o -name '*.css' \
  -o -name '*.json' -o -name '*.webmanifest' -o -name '*.svg' -o -name '*.ttf' -o -name '*.ttc' -o -name '*.bin' \) -print0 |
while IFS= read -r -d '' f; do
  if [ -f "$f.br" ] && [ -f "$f.gz" ] && ! [ "$f" -nt "$f.br" ] && ! [ "$f" -nt "$f.gz" ]; then continue; fi
  # -n: the copy gets its own (later) time; brotli would copy the source's truncated to whole
  # seconds, which serve.py then takes for a stale copy older than its source.
  brotli -f -n -q 11 -o "$f.br" "$f"
  # brotli makes its output readable by its owner only; a web server running as another user (nginx's
  # workers) must read it like the file itself
  chmod 0644 "$f.br"
  # Chromium takes gzip over plain HTTP: zopfli's gzip is about 4 % smaller than gzip -9's, same format.
  if command -v zopfli > /dev/null; then zopfli -c "$f" > "$f.gz"; else gzip -9 -n -c "$f" > "$f.gz"; fi
done
