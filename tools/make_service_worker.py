#!/usr/bin/env python3
"""Writes dist/sw.js's build line: the app shell's files (everything dist/ serves to open the app
with no network: the page, its scripts and styles, the wasm, the fonts, the translations, the manifest and
icons, the brands' logos) and a version derived from their contents, so that any change
to any of them is a new worker the browser installs. Run when dist/ is made, after minifying and
naming files by their content (tools/hash_names.py), before minifying sw.js itself and precompressing.

    python3 tools/make_service_worker.py build/web/dist
"""
import hashlib
import pathlib
import re
import sys

# What the shell is, relative to dist/. The base map's cells (about 340 KB gzip at zoom 4 and 7
# alone, a cost on a phone's data the first visit should not pay) and the QR decoder are cached as
# they are first used instead, so the area the driver looked at is there offline; so is anything a
# deployment adds.
SHELL_GLOBS = ("index.html", "*.js", "*.css", "*.wasm", "*.ttc", "lang/*.bin", "manifest.webmanifest", "icons/*.png", "branding/*")
SKIP = {"sw.js"}  # the worker is not its own shell file
BUILD_LINE = re.compile(r"^const BUILD = \{.*\};$", re.M)


def shell_files(dist):
    found = set()
    for pattern in SHELL_GLOBS:
        for path in dist.glob(pattern):
            if path.is_file() and path.name not in SKIP and path.suffix not in (".br", ".gz"):
                found.add(path.relative_to(dist).as_posix())
    return sorted(found)


def digests_of(dist, files):
    """Each file's SHA-256 prefix: the worker checks a cached copy against it before serving it."""
    return {name: hashlib.sha256((dist / name).read_bytes()).hexdigest()[:16] for name in files}


def version_of(digests):
    h = hashlib.sha256()
    for name in sorted(digests):
        h.update(name.encode() + b"\0" + digests[name].encode())
    return h.hexdigest()[:16]


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    dist = pathlib.Path(argv[1])
    worker = dist / "sw.js"
    files = shell_files(dist)
    if "index.html" not in files or not any(re.fullmatch(r"evcharge\.[0-9a-f]{16}\.wasm", f) for f in files):
        sys.exit(f"make_service_worker: {dist} holds no built app")
    digests = digests_of(dist, files)
    version = version_of(digests)
    listed = ", ".join(f"'{name}': '{digest}'" for name, digest in digests.items())
    text = worker.read_text()
    if not BUILD_LINE.search(text):
        sys.exit("make_service_worker: sw.js has no `const BUILD = {...};` line to fill")
    worker.write_text(BUILD_LINE.sub(lambda _: f"const BUILD = {{ version: '{version}', files: {{{listed}}} }};", text, 1))
    print(f"[sw] version {version}, {len(files)} shell files")


if __name__ == "__main__":
    main(sys.argv)
