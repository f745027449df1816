"""A small stand-in for build/web/dist with the build's shape: content-hashed code files, the page that
loads them, the service worker and the manifest, each with the .br and .gz copies tools/precompress.sh
makes. Readable by every user, as a deployed build is (nginx's workers run as www-data under root)."""
import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
WASM = "evcharge.0123456789abcdef.wasm"
LOADER = "evcharge.fedcba9876543210.js"
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Charge</title>
<link rel="manifest" href="manifest.webmanifest"></head><body><canvas id="canvas"></canvas>
<script src="{LOADER}" defer></script></body></html>
"""


def make(folder):
    """Writes the build into `folder`; its path."""
    os.makedirs(os.path.join(folder, "icons"), exist_ok=True)
    files = {
        "index.html": PAGE.encode(),
        WASM: b"\x00asm\x01\x00\x00\x00" + b"evcharge " * 4000,
        LOADER: b"var Module=Module||{};fetch('" + WASM.encode() + b"');\n" * 200,
        "sw.js": b"const BUILD = { version: 'test', files: {} };\n" * 40,
        "manifest.webmanifest": b'{"name":"Charge","short_name":"Charge","start_url":"./","display":"standalone"}',
        "icons/icon-192.png": b"\x89PNG\r\n\x1a\n" + bytes(64),
    }
    for name, data in files.items():
        Path(folder, name).write_bytes(data)
    subprocess.run(["bash", str(REPO / "tools" / "precompress.sh"), folder], check=True)
    for path in [folder, *Path(folder).rglob("*")]:
        os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)
    return folder
