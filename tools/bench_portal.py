#!/usr/bin/env python3
"""Measures the hotel portal's costs: reading guest lists of growing size, one lookup, and a whole
check-in over HTTP against a real serve.py (median of many). Prints numbers; asserts nothing.
Usage: python3 tools/bench_portal.py [--rows 1000,10000,100000] [--checkins 200]"""
import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from server.deploy import GuestList, read_guest_list  # noqa: E402
from tests.server.support.server_process import ServerProcess  # noqa: E402


def write_list(path, rows):
    today = dt.date.today()
    with open(path, "w") as fh:
        fh.write("room,surname,bookingReference,arrival,departure\n")
        for i in range(rows):
            fh.write(f"{i % 900 + 100},Guest{i},BK-{i:07d},{today - dt.timedelta(days=i % 5)},"
                     f"{today + dt.timedelta(days=i % 7)}\n")


def median_ms(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", default="1000,10000,100000")
    parser.add_argument("--checkins", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("guest list          read (ms)   lookup (ms)")
        for rows in [int(r) for r in args.rows.split(",")]:
            path = os.path.join(tmp, f"guests-{rows}.csv")
            write_list(path, rows)
            read_ms = median_ms(lambda: read_guest_list(path), 5)
            guests = GuestList(path)
            last = rows - 1
            lookup_ms = median_ms(lambda: guests.find(str(last % 900 + 100), f"guest{last}"), 200)
            print(f"{rows:>10,} rows {read_ms:>12.1f} {lookup_ms:>13.3f}")

        path = os.path.join(tmp, "guests.csv")
        write_list(path, 10000)
        config = json.loads((REPO / "assets/config/portal-hotel.json").read_text())
        config["portal"].update(guestList=path, maxFailedAttempts=100)
        config_path = os.path.join(tmp, "portal.json")
        Path(config_path).write_text(json.dumps(config))
        with ServerProcess(args=["--config", config_path]) as server:
            def checkin():
                status, _, _ = server.request("POST", "/portal/checkin", {"bookingReference": "BK-0000042"})
                assert status == 200, status
            checkin()  # first one registers the token
            ms = median_ms(checkin, args.checkins)
            print(f"check-in over HTTP (10,000-row list, token and room method registered): median {ms:.2f} ms "
                  f"over {args.checkins}")


if __name__ == "__main__":
    main()
