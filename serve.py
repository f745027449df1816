#!/usr/bin/env python3
"""Serves the EV charging web app and, under /api/, a simulator of the GreenFlux Charge Assist API."""
import argparse
import os
import sys

from server.app import default_state_path, run
from server.map_tiles import MapTiles
from server.sim_control import ACTIONS

HERE = os.path.dirname(os.path.abspath(__file__))

EPILOG = """\
simulator:
  /api/... answers like the Charge Assist API (see the OpenAPI description) from demo data around
  Almere, Amsterdam and Volendam. Sessions follow a charge point's life cycle in simulated time:
  REQUESTED, STARTING (the car plugs in ~3 s after the start), CHARGING, PARKING when the battery
  is full (the car leaves 30 min later), STOPPING, COMPLETED, CDR_AVAILABLE with costs from the
  EVSE's tariff. TIMEOUT without a cable within 30 s, CANCELLED when stopped before charging,
  REJECTED on an EVSE that is not AVAILABLE or with a card that is not VALID. New charge cards are
  PENDING for 5 s, then VALID (numbers starting with INVALID end up INVALID). Session timestamps
  are simulated time; nextStatusCall is wall-clock time, so clients poll at a sensible pace
  whatever the time scale.

state:
  Tokens, wallets and sessions live in an SQLite file (WAL mode), default %(state)s.
  Restarting on the same file carries on where it stopped; --state :memory: forgets on exit.

charger control (for kiosks and tests, outside /api/):
  POST /sim/control  {"evseUid": "NL-GFX-EChargestation-1", "action": "plug"}
  evseUid is an EVSE uid or eMI3 EVSE id. Actions:
%(actions)s
  Answers 200 {evseUid, action, evseStatus, session: {chargeSessionId, status} | null, message},
  400 for a bad body, 404 for an unknown EVSE, 409 when the action does not apply now.
"""


def main(argv=None):
    actions = "\n".join(f"    {name:<11} {text}" for name, text in ACTIONS.items())
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EPILOG % {"state": default_state_path(), "actions": actions})
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s)")
    parser.add_argument("--port", type=int, default=8000, help="port, 0 for any free one (default %(default)s)")
    parser.add_argument("--root", default=os.path.join(HERE, "build", "web", "dist"),
                        help="folder of the web app's files (default: build/web/dist beside serve.py)")
    parser.add_argument("--state", default=default_state_path(),
                        help="simulator state file, or :memory: (default: %(default)s)")
    parser.add_argument("--time-scale", type=float, default=1.0, metavar="N",
                        help="simulated seconds per real second (default %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="no request log")
    parser.add_argument("--tiles", metavar="DIR",
                        help="serve map tiles {z}/{x}/{y}.png from DIR at /tiles/ and show them on the map")
    parser.add_argument("--tile-url", metavar="TEMPLATE",
                        help="map tile URL template with {z} {x} {y}, or 'osm' for OpenStreetMap's standard "
                             "tiles (only where their usage policy allows); default: no tiles, a plain grid")
    parser.add_argument("--tile-attribution", metavar="TEXT", help="text shown over the map for the tiles")
    args = parser.parse_args(argv)
    if not 0 < args.time_scale <= 1_000_000:
        parser.error("--time-scale must be above 0 and at most 1000000")
    if not 0 <= args.port <= 65535:
        parser.error("--port must be between 0 and 65535")
    if args.tiles and not os.path.isdir(args.tiles):
        parser.error(f"--tiles: {args.tiles} is not a folder")
    if args.tiles and args.tile_url:
        parser.error("--tiles and --tile-url exclude each other")
    tiles = MapTiles(args.tiles, args.tile_url, args.tile_attribution)
    try:
        run(args.host, args.port, args.root, args.state, args.time_scale, args.quiet, tiles=tiles)
    except OSError as exc:
        print(f"serve.py: cannot start: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
