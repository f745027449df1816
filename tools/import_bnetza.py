#!/usr/bin/env python3
"""Turns the Bundesnetzagentur charging-station register (CSV) into the simulator's German demo data,
assets/sim/de-bnetza.json.gz, and reports every row it skipped or fixed.

  python3 tools/import_bnetza.py [--csv ../shared/testdata/locations/bnetza-2019-07.csv] [--out PATH]
"""
import argparse
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from server.sim import bnetza  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", default=str(REPO.parent / "shared" / "testdata" / "locations" / "bnetza-2019-07.csv"))
    parser.add_argument("--out", default=str(REPO / "assets" / "sim" / "de-bnetza.json.gz"))
    args = parser.parse_args(argv)
    text = Path(args.csv).read_text(encoding="utf-8-sig")
    stations, report = bnetza.read_stations(text)
    for line in report.lines():
        print(line)
    doc = {"attribution": bnetza.ATTRIBUTION, "source": Path(args.csv).name,
           "fields": ["operator", "address", "postcode", "city", "lat", "lng", "fast", "commissioned",
                      "points [[kW, [[standard, format, powerType]...]]...]"],
           "stations": bnetza.compact(stations)}
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0: the same input always gives the same bytes
    with open(args.out, "wb") as fh:
        with gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
            gz.write(data)
    print(f"{len(stations)} locations written to {args.out} ({Path(args.out).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
