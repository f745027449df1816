"""How long a browser or a cache may keep each of the app's files, by name. One statement for both
servers: static_files.py answers with it, and tools/nginx renders the same rules into nginx's config.

- Content-hashed names (tools/hash_names.py: evcharge.0123456789abcdef.wasm): a new build is a new name,
  so a copy may be kept for good.
- The page, the service worker and the manifests keep their names across builds and decide which build
  a phone runs: asked again every time (a 304 when nothing changed).
- Everything else (icons, base map cells, the QR decoder): a few minutes."""
import re

HASHED_NAME = r"\.[0-9a-f]{16}\.(js|wasm|css|ttc)$"   # PCRE and Python alike
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SHORT_MAX_AGE = 300
SHORT = f"public, max-age={SHORT_MAX_AGE}"
# names always asked again, besides every .html and .webmanifest
REVALIDATED_NAMES = ("sw.js",)
REVALIDATED_SUFFIXES = (".html", ".htm", ".webmanifest")

_HASHED = re.compile(HASHED_NAME)


def cache_control(name):
    """The Cache-Control of a served file, from its name (a path or a bare file name)."""
    base = name.rsplit("/", 1)[-1]
    if _HASHED.search(base):
        return IMMUTABLE
    if base in REVALIDATED_NAMES or base.lower().endswith(REVALIDATED_SUFFIXES):
        return REVALIDATE
    return SHORT
