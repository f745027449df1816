#!/usr/bin/env python3
"""Tariff engine throughput: sessions priced per second by the C++ engine, on its own (evprice
--bench: one parsed tariff and CDR priced N times) and end to end (evprice --batch: N random
sessions as JSON lines, parsing included), next to the simulator's Python pricer on the same
sessions. Prints the numbers; asserts nothing.

usage: python3 tools/bench_tariff.py [--evprice build/native/evprice] [--sessions 20000]"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "tests", "tools"))
import tariff_differential as diff  # noqa: E402  (the random tariffs and sessions)

COMPLEX = os.path.join(REPO, "..", "shared", "testdata", "tariffs", "ocpi-tariffs", "test_data", "complex", "tariff.json")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--evprice", default=os.path.join(REPO, "build", "native", "evprice"))
    ap.add_argument("--sessions", type=int, default=20000)
    args = ap.parse_args()

    # 1. The engine alone: the OCPI "complex" tariff (6 elements, weekday, time and current
    #    restrictions) over a 24-period CDR (12 h in half hours, charging then parking).
    periods = []
    for i in range(24):
        start = f"2015-06-29T{9 + i // 2:02d}:{30 * (i % 2):02d}:00Z"
        dims = [{"type": "ENERGY", "volume": 3.5}, {"type": "TIME", "volume": 0.5}, {"type": "MAX_CURRENT", "volume": 16}] \
            if i < 16 else [{"type": "PARKING_TIME", "volume": 0.5}]
        periods.append({"start_date_time": start, "dimensions": dims})
    cdr = {"start_date_time": "2015-06-29T09:00:00Z", "end_date_time": "2015-06-29T21:00:00Z",
           "currency": "EUR", "charging_periods": periods}
    with tempfile.TemporaryDirectory() as tmp:
        cdr_path = os.path.join(tmp, "cdr.json")
        with open(cdr_path, "w") as fh:
            json.dump(cdr, fh)
        n = 200_000
        out = subprocess.run([args.evprice, "--bench", str(n), COMPLEX, cdr_path, "--timezone", "Europe/Amsterdam"],
                             capture_output=True, text=True, check=True).stdout
        engine = json.loads(out)
    print(f"engine only: {engine['sessions_per_second']:,.0f} sessions/s "
          f"({engine['periods_per_session']} periods each, complex tariff, Europe/Amsterdam; {n:,} sessions)")

    # 2. End to end through JSON, random tariffs and sessions as in the differential test.
    rng = random.Random(1)
    cases = []
    for i in range(args.sessions):
        c = diff.session(rng)
        start_ms = diff.tc._iso_ms(c["start_date_time"])
        tariff = diff.charge_assist_tariff(rng) if i % 3 == 2 else diff.ocpi_tariff(rng, start_ms)
        cases.append({"tariff": tariff, "cdr": c, "timezone": rng.choice(diff.ZONES)})
    stdin = "".join(json.dumps(c) + "\n" for c in cases)
    n_periods = sum(len(c["cdr"]["charging_periods"]) for c in cases)
    # CPU time of the child, not wall time: the build machine's 2 cores are shared.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([args.evprice, "--batch"], input=stdin, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpp = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    t0 = time.process_time()
    for c in cases:
        diff.python_price(json.loads(json.dumps(c)))  # parsing included, as for the C++ side
    py = time.process_time() - t0
    print(f"end to end (JSON in and out, CPU time): C++ {args.sessions / cpp:,.0f} sessions/s, "
          f"Python simulator pricer {args.sessions / py:,.0f} sessions/s "
          f"({args.sessions:,} random sessions, {n_periods / args.sessions:.1f} periods on average)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
