#!/usr/bin/env bash
# Installs everything a fresh Debian bookworm machine lacks to build, run and test the app.
# Idempotent: each step checks first and skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # binaryen: wasm-split cuts the code in two (tools/split/split_wasm.py)
  emscripten binaryen cmake g++ make pkg-config python3 dpkg-dev tzdata
  nlohmann-json3-dev catch2 libzxing-dev libwebp-dev libstb-dev
  fonts-dejavu-core fonts-material-design-icons-iconfont python3-fonttools brotli zopfli
  chromium qrencode ffmpeg
  gmt gmt-gshhg-high gmt-gshhg-low gmt-dcw python3-shapely python3-mapbox-earcut python3-numpy python3-brotli
  # serve.py's receipts: PDFs (python3-reportlab), the mail tests' SMTP server (python3-aiosmtpd), PDF text in tests
  python3-reportlab python3-aiosmtpd poppler-utils
  # tools/fuzz/run.sh: clang 14 with its runtime (libFuzzer, AddressSanitizer, UBSan)
  clang-14 libclang-rt-14-dev
  # tools/nginx/run.sh, the production front (HTTPS, HTTP/2, brotli), and its benchmark's load tools
  nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter wrk nghttp2-client
)

say() { printf '[setup] %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$p"
  done
}

# deb-src entries mirror the machine's own Debian entries for its release, so no host is written here.
ensure_deb_src() {
  local codename out=/etc/apt/sources.list.d/evcharge-deb-src.sources
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  [ -f "$out" ] && return 0
  if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null; then
    return 0
  fi
  say "deriving deb-src entries from the machine's apt sources ($codename)"
  python3 - "$codename" "$out" <<'PY'
import glob, re, sys
codename, out = sys.argv[1], sys.argv[2]
stanzas = []
for path in sorted(glob.glob('/etc/apt/sources.list.d/*.sources')):
    for block in re.split(r'\n\s*\n', open(path).read()):
        fields = {}
        for line in block.splitlines():
            if line.startswith('#') or ':' not in line or line[0].isspace():
                continue
            k, v = line.split(':', 1)
            fields[k.strip()] = v.strip()
        if 'deb' in fields.get('Types', '').split() and codename in fields.get('Suites', ''):
            fields['Types'] = 'deb-src'
            stanzas.append('\n'.join(f'{k}: {v}' for k, v in fields.items()))
for path in ['/etc/apt/sources.list'] + sorted(glob.glob('/etc/apt/sources.list.d/*.list')):
    try:
        lines = open(path).read().splitlines()
    except OSError:
        continue
    for line in lines:
        m = re.match(r'^deb\s+(\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s+(.+)$', line.strip())
        if m and m.group(3).startswith(codename):
            opts = m.group(1) or ''
            signed = re.search(r'signed-by=(\S+?)\]?(\s|$)', opts)
            st = f'Types: deb-src\nURIs: {m.group(2)}\nSuites: {m.group(3)}\nComponents: {m.group(4)}'
            if signed:
                st += f'\nSigned-By: {signed.group(1).rstrip("]")}'
            stanzas.append(st)
if not stanzas:
    sys.exit('no Debian apt source for this release found to derive deb-src from')
open(out, 'w').write('\n\n'.join(stanzas) + '\n')
PY
  APT_UPDATED=0
}

APT_UPDATED=1
apt_update_once() {
  if [ "$APT_UPDATED" != 2 ]; then as_root apt-get update -q >/dev/null; APT_UPDATED=2; fi
}

ensure_deb_src
want=$(missing_packages "${APT_PACKAGES[@]}")
command -v node >/dev/null || want+=$'\nnodejs\nnpm'
if [ -n "${want//[$'\n ']/}" ]; then
  say "installing: $(echo $want)"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends $want >/dev/null
fi

# Dear ImGui from Debian's source package, unpacked once into third_party/ (never committed).
if [ ! -f third_party/imgui/imgui.h ]; then
  say "fetching Dear ImGui source (apt-get source imgui)"
  [ "$APT_UPDATED" = 0 ] && apt_update_once
  rm -rf third_party/imgui-src && mkdir -p third_party/imgui-src
  if ! (cd third_party/imgui-src && apt-get source -q imgui >/dev/null 2>&1); then
    apt_update_once
    (cd third_party/imgui-src && apt-get source -q imgui >/dev/null)
  fi
  dir=$(find third_party/imgui-src -maxdepth 1 -mindepth 1 -type d -name 'imgui-*' | head -n1)
  [ -f "$dir/imgui.h" ] || { echo "imgui source not found after apt-get source" >&2; exit 1; }
  rm -rf third_party/imgui && mv "$dir" third_party/imgui && rm -rf third_party/imgui-src
fi
grep -qE 'IMGUI_VERSION +"1\.86"' third_party/imgui/imgui.h || say "warning: expected Dear ImGui 1.86, found $(grep -m1 'define IMGUI_VERSION ' third_party/imgui/imgui.h)"

# nlohmann is under /usr/include, which Emscripten's sysroot hides: expose just that folder.
mkdir -p third_party/include
[ -e third_party/include/nlohmann ] || ln -s /usr/include/nlohmann third_party/include/nlohmann

# npm packages pinned by package-lock.json.
npm_complete() {  # every package the lock file pins is in node_modules at its version
  python3 - <<'PY'
import json, os, sys
lock = json.load(open("package-lock.json"))
for path, meta in lock.get("packages", {}).items():
    if not path.startswith("node_modules/") or meta.get("optional"):
        continue
    try:
        have = json.load(open(os.path.join(path, "package.json"))).get("version")
    except OSError:
        have = None
    if have != meta.get("version"):
        sys.exit(f"{path}: want {meta.get('version')}, have {have}")
PY
}
if [ -L node_modules ]; then
  # A link to an install shared with other checkouts: reinstalling it from here would empty it
  # under everyone else's running builds and tests, so it is only checked.
  npm_complete || { echo "[setup] the shared node_modules ($(readlink node_modules)) is incomplete: run npm ci where it lives" >&2; exit 1; }
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
# npm only warns about a package whose engines.node the Node in use does not meet (playwright-core
# then refuses to start): prints that Node's version, and stops here naming any such package.
python3 tools/check_node_engines.py
say "ready"
