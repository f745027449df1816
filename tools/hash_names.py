#!/usr/bin/env python3
"""Gives the app's code files content-hashed names in a dist folder, so a server may let browsers keep
them for good (server/web/cache_policy.py): evcharge.wasm becomes evcharge.<16 hex>.wasm and the name
in evcharge.js follows, evcharge.deferred.wasm (the code the first screen does not need) and
evcharge.fonts.ttc (the whole faces) likewise and their names in boot.js; then every script and
stylesheet index.html loads (evcharge.js, the bridges, boot.js, shell.css) is renamed the same way
and index.html rewritten. index.html, sw.js and the
manifest keep their names: they say which build runs. Run when dist/ is made, after minifying and
before the service worker's list is written.

    python3 tools/hash_names.py build/web/dist
"""
import hashlib
import pathlib
import re
import sys

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from server.web import cache_policy  # noqa: E402

WASM = "evcharge.wasm"
LOADER = "evcharge.js"
DEFERRED = "evcharge.deferred.wasm"
FONTS = "evcharge.fonts.ttc"
LATER = (DEFERRED, FONTS)  # what boot.js fetches once the first screen is up
BOOT = "boot.js"
# src="x.js" / href="x.css": a local file in dist/ itself (no scheme, no folder, no query)
PAGE_REFERENCE = re.compile(r'(\b(?:src|href)=")([A-Za-z0-9_-]+\.(?:js|css))(")')


def hashed_name(path):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return f"{path.stem}.{digest}{path.suffix}"


def rename(dist, name):
    """Moves dist/name to its hashed name; the new name."""
    new = hashed_name(dist / name)
    assert re.search(cache_policy.HASHED_NAME, new), new
    (dist / name).rename(dist / new)
    return new


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    dist = pathlib.Path(argv[1])
    loader = dist / LOADER
    text = loader.read_text(encoding="utf-8")
    if text.count(f'"{WASM}"') != 1:
        sys.exit(f"hash_names: {loader} does not name {WASM} exactly once as a string")
    boot = dist / BOOT
    boot_text = boot.read_text(encoding="utf-8")
    quoted = {name: re.compile(r"([\"'])" + re.escape(name) + r"\1") for name in LATER}
    for name, pattern in quoted.items():
        if len(pattern.findall(boot_text)) != 1:
            sys.exit(f"hash_names: {boot} does not name {name} exactly once as a string")
    wasm = rename(dist, WASM)
    loader.write_text(text.replace(f'"{WASM}"', f'"{wasm}"'), encoding="utf-8")
    later = {}
    for name, pattern in quoted.items():
        later[name] = rename(dist, name)
        boot_text = pattern.sub(lambda m, new=later[name]: m.group(1) + new + m.group(1), boot_text)
    boot.write_text(boot_text, encoding="utf-8")

    index = dist / "index.html"
    page = index.read_text(encoding="utf-8")
    names = sorted(set(m.group(2) for m in PAGE_REFERENCE.finditer(page)))
    if LOADER not in names:
        sys.exit(f"hash_names: {index} does not load {LOADER}")
    renamed = {name: rename(dist, name) for name in names}
    index.write_text(PAGE_REFERENCE.sub(lambda m: m.group(1) + renamed[m.group(2)] + m.group(3), page),
                     encoding="utf-8")
    print(f"[hash] {len(renamed) + 1 + len(later)} files: {wasm}, " + "".join(f"{n}, " for n in later.values()) + ", ".join(renamed[n] for n in names))


if __name__ == "__main__":
    main(sys.argv)
