#!/usr/bin/env python3
"""Measures the same load on serve.py alone (plain HTTP, as tools/start.sh runs it) and on the production
front (tools/nginx/run.sh: nginx with HTTPS before 1 and 2 serve.py workers) and prints them side by side:
first-load bytes as a browser gets them (gzip over plain HTTP, brotli over HTTPS), static files per second
and API requests per second with their p50/p99 latency at 1, 16 and 64 concurrent clients (Debian's wrk:
HTTP/1.1 keep-alive connections, over TLS for nginx). The API request is a map page, the bounding box of
Almere with 50 chargers (about 36 KB of JSON before compression), on the simulator's seed data with
every rate limit off. Prints numbers; asserts nothing. Needs a web build (bash tools/build.sh web).

  python3 tools/bench_deploy.py [--seconds 5] [--clients 1,16,64] [--workers 1,2]
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DIST = REPO / "build" / "web" / "dist"
API_PATH = "/api/locations/boundingbox?bottomLeftLat=52.33&bottomLeftLng=5.15&topRightLat=52.41&topRightLng=5.30"
# what Chromium asks for over each (it asks for brotli only over HTTPS)
ACCEPT = {"http": "gzip, deflate", "https": "gzip, deflate, br"}
SERVE_ARGS = ["--sim-data", "seed", "--rate-limit", "0", "--quiet", "--time-scale", "1"]
PAGE_REFERENCE = re.compile(r'(?:src|href)="([A-Za-z0-9_.-]+\.(?:js|css))"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Target:
    """A running setup to measure: serve.py alone, or the front with N workers."""

    def __init__(self, name, workers=None):
        self.name = name
        self.workers = workers
        self.tmp = tempfile.mkdtemp(prefix="bench-deploy-")
        self.proc = None

    def start(self):
        state = os.path.join(self.tmp, "state.sqlite")
        if self.workers is None:
            self.scheme, self.port = "http", free_port()
            command = [sys.executable, str(REPO / "serve.py"), "--port", str(self.port), "--state", state, *SERVE_ARGS]
        else:
            self.scheme, self.port = "https", free_port()
            command = ["bash", str(REPO / "tools" / "nginx" / "run.sh"), "--port", str(self.port), "--bind",
                       "127.0.0.1", "--workers", str(self.workers), "--api-rate", "0",
                       "--runtime-dir", os.path.join(self.tmp, "runtime"), "--state", state, *SERVE_ARGS]
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=str(REPO),
                                     start_new_session=True)
        line = self.proc.stdout.readline().decode()
        if not line.startswith("serving on"):
            self.stop()
            raise SystemExit(f"{self.name} did not start: {line!r}")
        self.get(API_PATH)  # the simulator answers: every worker has its data
        return self

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)

    @property
    def base(self):
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def get(self, path):
        """(status, body bytes as sent) with the browser's Accept-Encoding for this scheme."""
        if self.scheme == "https":
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=60, context=context)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request("GET", path, headers={"Accept-Encoding": ACCEPT[self.scheme]})
            answer = conn.getresponse()
            return answer.status, answer.read()
        finally:
            conn.close()


def first_load_files():
    """The page and what it loads before the first frame: its scripts, stylesheet and the wasm."""
    page = (DIST / "index.html").read_text(encoding="utf-8")
    files = ["/"] + ["/" + name for name in PAGE_REFERENCE.findall(page)]
    files += ["/" + p.name for p in DIST.glob("evcharge.*.wasm")]
    return files


def first_load_bytes(target):
    total = 0
    for path in first_load_files():
        status, body = target.get(path)
        if status != 200:
            raise SystemExit(f"{target.name}: {path} answered {status}")
        total += len(body)
    return total


def wrk(target, path, clients, seconds):
    """(requests per second, p50 ms, p99 ms, failed requests) from wrk --latency."""
    threads = max(1, min(clients, 2))
    result = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{seconds}s", "--latency", "--timeout", "10s",
         "-H", f"Accept-Encoding: {ACCEPT[target.scheme]}", target.base + path],
        capture_output=True, text=True, check=True)
    out = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50, p99 = (_millis(re.search(rf"^\s+{q}%\s+(\S+)", out, re.M).group(1)) for q in (50, 99))
    failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    failed += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return rate, p50, p99, failed


def _millis(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def cell(rate, p50, p99, failed):
    def ms(x):
        return f"{x:.2f}" if x < 1 else f"{x:.1f}"
    text = f"{rate:,.0f}/s · {ms(p50)} / {ms(p99)} ms"
    return text + (f" ({failed} failed)" if failed else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=5, help="each measurement's length (default %(default)s)")
    parser.add_argument("--clients", default="1,16,64", help="concurrent clients (default %(default)s)")
    parser.add_argument("--workers", default="1,2", help="serve.py workers behind nginx (default %(default)s)")
    args = parser.parse_args()
    if not (DIST / "index.html").is_file():
        raise SystemExit(f"no web build in {DIST}: bash tools/build.sh web")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (bash tools/setup.sh installs it)")
    clients = [int(c) for c in args.clients.split(",")]
    load = os.getloadavg()[0]
    setups = [Target("serve.py alone (HTTP)")] + [
        Target(f"nginx + {n} worker{'s' if n > 1 else ''} (HTTPS)", n) for n in map(int, args.workers.split(","))]
    static = next(p for p in first_load_files() if "http_bridge" in p)
    rows = {"first load (bytes on the wire)": []}
    for c in clients:
        rows[f"static file, {c} client{'s' if c > 1 else ''}"] = []
    for c in clients:
        rows[f"API map page, {c} client{'s' if c > 1 else ''}"] = []
    for target in setups:
        print(f"measuring {target.name} ...", file=sys.stderr, flush=True)
        target.start()
        try:
            coding = "brotli" if target.scheme == "https" else "gzip"
            rows["first load (bytes on the wire)"].append(f"{first_load_bytes(target):,} ({coding})")
            for c in clients:
                rows[f"static file, {c} client{'s' if c > 1 else ''}"].append(cell(*wrk(target, static, c, args.seconds)))
            for c in clients:
                rows[f"API map page, {c} client{'s' if c > 1 else ''}"].append(cell(*wrk(target, API_PATH, c, args.seconds)))
        finally:
            target.stop()
    print(f"load average at the start: {load:.1f}, at the end: {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores; static file {static}; "
          f"cells: requests/s · p50 / p99 latency")
    print()
    print("| | " + " | ".join(t.name for t in setups) + " |")
    print("|---|" + "---:|" * len(setups))
    for name, cells in rows.items():
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
