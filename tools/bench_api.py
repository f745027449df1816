#!/usr/bin/env python3
"""Measures the simulator's bounding-box queries on the full network: p50/p99 latency and requests per
second for a city box and a country box, on loopback, with a bounded number of requests. Prints numbers;
asserts nothing.

  python3 tools/bench_api.py [--requests 300] [--concurrency 4]
"""
import argparse
import http.client
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BOXES = {
    # name: (query, what it covers)
    "city (Rotterdam)": "bottomLeftLat=51.88&bottomLeftLng=4.40&topRightLat=51.96&topRightLng=4.56",
    "city (Berlin)": "bottomLeftLat=52.45&bottomLeftLng=13.25&topRightLat=52.57&topRightLng=13.52",
    "country (NL)": "bottomLeftLat=50.75&bottomLeftLng=3.35&topRightLat=53.55&topRightLng=7.23",
    "country (DE)": "bottomLeftLat=47.27&bottomLeftLng=5.87&topRightLat=55.06&topRightLng=15.04",
}
PATHS = {"boundingbox": "/api/locations/boundingbox?", "boundingbox-minimal": "/api/locations/boundingbox-minimal?"}


def start_server():
    began = time.monotonic()
    proc = subprocess.Popen([sys.executable, str(REPO / "serve.py"), "--port", "0", "--state", ":memory:",
                             "--quiet", "--rate-limit", "0", "--root", str(REPO / "build" / "web" / "dist")],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=str(REPO))
    line = proc.stdout.readline().decode()
    if not line.startswith("serving on http://"):
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    return proc, int(line.strip().rstrip("/").rsplit(":", 1)[1]), time.monotonic() - began


def run(port, path, total, concurrency):
    latencies, errors, sizes = [], [], []
    lock = threading.Lock()
    counter = iter(range(total))

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            t0 = time.perf_counter()
            conn.request("GET", path)
            answer = conn.getresponse()
            body = answer.read()
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                sizes.append(len(body))
                if answer.status != 200:
                    errors.append(answer.status)
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    return {"p50": p(0.50), "p99": p(0.99), "rps": len(latencies) / wall, "errors": len(errors),
            "bytes": statistics.mean(sizes)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300, help="per box and endpoint (default %(default)s)")
    parser.add_argument("--concurrency", type=int, default=4, help="parallel keep-alive clients (default %(default)s)")
    args = parser.parse_args(argv)
    if not 1 <= args.requests <= 100000 or not 1 <= args.concurrency <= 64:
        parser.error("--requests 1..100000, --concurrency 1..64")
    proc, port, startup = start_server()
    try:
        print(f"start-up (full network, until listening): {startup:.2f} s")
        print(f"{args.requests} requests per row, {args.concurrency} clients, loopback\n")
        print(f"{'endpoint':<20} {'box':<18} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'bytes':>8} {'errors':>6}")
        for endpoint, prefix in PATHS.items():
            for name, query in BOXES.items():
                run(port, prefix + query, min(20, args.requests), 1)  # warm-up
                r = run(port, prefix + query, args.requests, args.concurrency)
                print(f"{endpoint:<20} {name:<18} {r['p50']:>8.1f} {r['p99']:>8.1f} {r['rps']:>8.1f} "
                      f"{r['bytes']:>8.0f} {r['errors']:>6}")
    finally:
        proc.terminate()
        proc.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
