#!/usr/bin/env python3
"""Measures what the map's loading costs against serve.py with --paging full and --paging documented:
for a country view and a city view, from a cold cache, the requests sent, the pages that followed a
token, the tiles split, the locations the pages gave and how many distinct ones, the chargers in view
that were found out of those there are, whether the view would say "zoom in", and the wall time.
Prints numbers; asserts nothing. Needs no browser: it replays the planner's request pattern in Python.

  python3 tools/bench_paging.py [--size 412x600] [--modes full,documented] [--views country,city]
                                [--split-levels 3] [--max-pages 100]

--split-levels and --max-pages ask "what if": the app's values are the defaults (kSplitLevels, kMaxPages).

Where it mirrors the C++ (src/core/map/), and must be kept in step with it:
  - geo.cpp: project, unproject, world_px, from_screen/visible_box, covering_tiles (nearest the view's
    centre first), tile_box;
  - planner.cpp: data_zoom (floor of the view zoom in [3, 14], coarser while more than
    kMaxWantedTiles = 16 tiles), plan() (reading tiles in order, skipped while loading or read,
    at most kMaxInFlight = 4 tile requests in flight, a tile's next page keeping its slot) and
    on_tile() (a refused next page, locations held once per tile and once in the map);
  - requests.cpp / core/api/requests.cpp: the tile's request (its box with six decimals, pageSize=50,
    the continuationToken header);
  - tile_split.cpp: judge_page (empty or repeating next page, a token given twice, no token, the
    page cap kMaxPages = 100, tokens known to lead nowhere), refuses_token (4xx but 408 and 429),
    reading_tiles (a split tile's children that meet the view, nearest first, down to the floor
    zoom data zoom + kSplitLevels = 3), and MapState::tokens_lead_on.
The chargers that exist in view are counted apart, from boundingbox-minimal followed in full on the
full-paging server; those requests are not in the figures.
"""
import argparse
import concurrent.futures as cf
import http.client
import json
import math
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# planner.hpp / tile_split.hpp
MAX_IN_FLIGHT = 4
MAX_WANTED_TILES = 16
MAX_PAGES = 100
SPLIT_LEVELS = 3
MAX_LAT = 85.0511287798066

VIEWS = {
    # name: (lat, lng, zoom). The country view is tools/bench_map.mjs's; the three countries are the
    # simulator's whole network (lat 49.5-55, lng 2.5-15) fitted to the view; the city is Amsterdam.
    "country (NL, zoom 7)": (52.15, 5.3, 7.0),
    "NL+BE+DE (zoom 5.5)": (52.25, 8.75, 5.5),
    "city (Amsterdam, zoom 13)": (52.37, 4.89, 13.0),
    "city (Amsterdam, zoom 11)": (52.37, 4.89, 11.0),
    "city (Berlin, zoom 12)": (52.51, 13.40, 12.0),
}


# geo.cpp

def project(lat, lng):
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    s = math.sin(math.radians(lat))
    return lng / 360.0 + 0.5, 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)


def unproject(x, y):
    n = math.pi - 2.0 * math.pi * y
    return math.degrees(math.atan(math.sinh(n))), (x - 0.5) * 360.0


def world_px(zoom):
    return 256.0 * 2 ** zoom


def from_screen(cam, sx, sy):
    lat, lng, zoom, w, h = cam
    size = world_px(zoom)
    ox, oy = project(lat, lng)
    x, y = ox + (sx - w / 2) / size, min(1.0, max(0.0, oy + (sy - h / 2) / size))
    plat, plng = unproject(x, y)
    if plng > 180:
        plng -= 360
    if plng < -180:
        plng += 360
    return plat, plng


def visible_box(cam):
    lat, lng, zoom, w, h = cam
    nw, se = from_screen(cam, 0, 0), from_screen(cam, w, h)
    south, west, north, east = se[0], nw[1], nw[0], se[1]
    if w >= world_px(zoom) or west > east:
        west, east = -180.0, 180.0
    return south, west, north, east


def covering_tiles(cam, z):
    lat, lng, zoom, w, h = cam
    n = 1 << z
    size = world_px(zoom)
    ox, oy = project(lat, lng)
    half_w, half_h = w / 2 / size, h / 2 / size
    x0, x1 = math.floor((ox - half_w) * n), math.floor((ox + half_w) * n)
    y0, y1 = max(0, math.floor((oy - half_h) * n)), min(n - 1, math.floor((oy + half_h) * n))
    span = min(x1 - x0 + 1, n)
    out = [(z, ((x0 + i) % n + n) % n, y) for y in range(y0, y1 + 1) for i in range(span)]
    cx, cy = ox * n, oy * n

    def dist(t):
        dx = t[1] + 0.5 - cx
        if dx > n / 2:
            dx -= n
        if dx < -n / 2:
            dx += n
        dy = t[2] + 0.5 - cy
        return dx * dx + dy * dy
    return sorted(out, key=lambda t: (dist(t), t))


def tile_box(t):
    z, x, y = t
    n = float(1 << z)
    north, west = unproject(x / n, y / n)
    south, east = unproject((x + 1) / n, (y + 1) / n)
    return south, west, north, east


# planner.cpp

def data_zoom(cam):
    z = max(3, min(14, math.floor(cam[2])))
    while z > 3 and len(covering_tiles(cam, z)) > MAX_WANTED_TILES:
        z -= 1
    return z


# tile_split.cpp

def meets(a, b):
    return a[0] <= b[2] and a[2] >= b[0] and a[1] <= b[3] and a[3] >= b[1]


def children(t):
    z, x, y = t
    return [(z + 1, 2 * x, 2 * y), (z + 1, 2 * x + 1, 2 * y), (z + 1, 2 * x, 2 * y + 1), (z + 1, 2 * x + 1, 2 * y + 1)]


def reading_tiles(tiles, data_tiles, view):
    out = []
    cx, cy = project((view[0] + view[2]) / 2, (view[1] + view[3]) / 2)

    def visit(t, floor):
        tile = tiles.get(t)
        if not (t[0] < floor and tile is not None and tile.complete and tile.truncated):
            out.append(t)
            return
        n = float(1 << (t[0] + 1))
        kids = sorted(children(t), key=lambda c: ((c[1] + 0.5) / n - cx) ** 2 + ((c[2] + 0.5) / n - cy) ** 2)
        for c in kids:
            if meets(tile_box(c), view):
                visit(c, floor)
    for t in data_tiles:
        visit(t, t[0] + SPLIT_LEVELS)
    return out


def judge_page(tile, items, more, token, tokens_lead_on):
    if tile.pages > 0:
        if not items:
            return "token-failed"
        held = set(tile.ids)
        if any(i["id"] in held for i in items):
            return "token-failed"
    if not more:
        return "done"
    if not token:
        return "split"
    if token in tile.tokens:
        return "token-failed"
    if not tokens_lead_on or tile.pages + 1 >= MAX_PAGES:
        return "split"
    return "follow"


def refuses_token(status):
    return 400 <= status < 500 and status not in (408, 429)


class Tile:  # state.hpp MapTile
    def __init__(self):
        self.ids, self.continuation, self.tokens = [], "", []
        self.pages, self.complete, self.truncated, self.failed = 0, False, False, False


class Client:
    """One keep-alive connection per worker thread, as a browser keeps a few per host."""

    def __init__(self, port):
        self.port = port
        self.local = threading.local()

    def get(self, path, headers=None):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        conn.request("GET", path, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, answer.read()


def tile_path(t):
    s, w, n, e = tile_box(t)
    return (f"/api/locations/boundingbox?bottomLeftLat={s:.6f}&bottomLeftLng={w:.6f}"
            f"&topRightLat={n:.6f}&topRightLng={e:.6f}&pageSize=50")


def load_view(client, pool, cam):
    """Loads one view from a cold cache as the planner does; returns its figures."""
    view = visible_box(cam)
    data = covering_tiles(cam, data_zoom(cam))
    tiles, pending = {}, {}  # pending: future -> tile
    stats = {"requests": 0, "token_pages": 0, "splits": 0, "items": 0, "refused": 0, "failed": 0}
    positions = {}  # id -> (lat, lng): MapState::locations, once each
    state = {"tokens_lead_on": True}

    def send(t):
        tile = tiles[t]
        headers = {"continuationToken": tile.continuation} if tile.continuation else None
        stats["requests"] += 1
        stats["token_pages"] += headers is not None
        pending[pool.submit(client.get, tile_path(t), headers)] = t

    def plan():
        for t in reading_tiles(tiles, data, view):
            tile = tiles.setdefault(t, Tile())
            if t in pending.values() or tile.complete or tile.failed:
                continue
            if len(pending) >= MAX_IN_FLIGHT:
                break
            send(t)

    def end_reading(tile, more):
        tile.complete, tile.truncated, tile.continuation, tile.tokens = True, more, "", []
        stats["splits"] += more

    began = time.perf_counter()
    plan()
    while pending:
        done, _ = cf.wait(list(pending), return_when=cf.FIRST_COMPLETED)
        for future in done:
            t = pending.pop(future)
            tile = tiles[t]
            status, body = future.result()
            if tile.pages > 0 and refuses_token(status):
                stats["refused"] += 1
                state["tokens_lead_on"] = False
                end_reading(tile, True)
                plan()
                continue
            if not 200 <= status < 300:
                stats["failed"] += 1
                tile.failed = True
                plan()
                continue
            answer = json.loads(body)
            items, meta = answer.get("data") or [], answer.get("meta") or {}
            token = meta.get("continuationToken") or ""
            verdict = judge_page(tile, items, bool(meta.get("hasMoreData")), token, state["tokens_lead_on"])
            if tile.pages == 0:
                tile.ids = []
            held = set(tile.ids)
            for item in items:
                if item["id"] not in held:
                    held.add(item["id"])
                    tile.ids.append(item["id"])
                positions[item["id"]] = (item["lat"], item["lng"])
            stats["items"] += len(items)
            tile.pages += 1
            if verdict == "follow":
                tile.continuation = token
                tile.tokens.append(token)
                send(t)
            else:
                if verdict == "token-failed":
                    state["tokens_lead_on"] = False
                end_reading(tile, verdict != "done")
                plan()
    seconds = time.perf_counter() - began
    reading = reading_tiles(tiles, data, view)
    in_view = {i for i, (lat, lng) in positions.items() if view[0] <= lat <= view[2] and view[1] <= lng <= view[3]}
    return {**stats, "seconds": seconds, "distinct": len(positions), "in_view": len(in_view),
            "data_zoom": data[0][0], "data_tiles": len(data), "tiles_read": len([t for t in tiles.values() if t.pages]),
            "deepest": max(z for z, _, _ in tiles), "zoom_in": any(tiles[t].truncated for t in reading if t in tiles)}


def chargers_in(client, view):
    """Every location in the box, through boundingbox-minimal followed in full (full paging only)."""
    s, w, n, e = view
    path = (f"/api/locations/boundingbox-minimal?bottomLeftLat={s:.6f}&bottomLeftLng={w:.6f}"
            f"&topRightLat={n:.6f}&topRightLng={e:.6f}&pageSize=1000")
    found, token = set(), None
    while True:
        status, body = client.get(path, {"continuationToken": token} if token else None)
        answer = json.loads(body)
        found.update(d["locationId"] for d in answer["data"])
        if not answer["meta"]["hasMoreData"]:
            return len(found)
        token = answer["meta"]["continuationToken"]


def start_server(paging):
    proc = subprocess.Popen([sys.executable, str(REPO / "serve.py"), "--port", "0", "--state", ":memory:", "--quiet",
                             "--rate-limit", "0", "--paging", paging, "--root", str(REPO / "build" / "web" / "dist")],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=str(REPO))
    line = proc.stdout.readline().decode()
    if not line.startswith("serving on http://"):
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    conn.request("GET", "/api/servicestatus")  # waits until the country-wide network is loaded
    conn.getresponse().read()
    conn.close()
    return proc, port


def main():
    global SPLIT_LEVELS, MAX_PAGES
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="412x600", help="the map view in CSS px, WxH (default %(default)s)")
    parser.add_argument("--modes", default="full,documented", help="--paging modes, comma-separated")
    parser.add_argument("--views", default="", help="only the views whose names contain one of these words")
    parser.add_argument("--split-levels", type=int, default=SPLIT_LEVELS, help="what if: the floor's depth")
    parser.add_argument("--max-pages", type=int, default=MAX_PAGES, help="what if: the page cap a tile")
    args = parser.parse_args()
    SPLIT_LEVELS, MAX_PAGES = args.split_levels, args.max_pages
    words = [w for w in args.views.split(",") if w]
    views = {k: v for k, v in VIEWS.items() if not words or any(w.lower() in k.lower() for w in words)}
    width, height = (float(v) for v in args.size.lower().split("x"))
    totals = {}
    print(f"map view {width:g}x{height:g} CSS px, cold cache, {MAX_IN_FLIGHT} tile requests in flight, "
          f"at most {MAX_PAGES} pages a tile, split down to data zoom + {SPLIT_LEVELS}")
    for mode in args.modes.split(","):
        proc, port = start_server(mode)
        try:
            client = Client(port)
            with cf.ThreadPoolExecutor(MAX_IN_FLIGHT) as pool:
                for name, (lat, lng, zoom) in views.items():
                    cam = (lat, lng, zoom, width, height)
                    if mode == "full":
                        totals[name] = chargers_in(client, visible_box(cam))
                    r = load_view(client, pool, cam)
                    there = totals.get(name)
                    found = f"{r['in_view']:,} of {there:,} in view" if there else f"{r['in_view']:,} in view"
                    print(f"--paging {mode:<17} {name:<26} {r['requests']:>5} requests "
                          f"({r['token_pages']} with a token, {r['refused']} refused), "
                          f"{r['splits']} tiles split, {r['tiles_read']} tiles read (data zoom {r['data_zoom']}, "
                          f"{r['data_tiles']} data tiles, deepest {r['deepest']}); {r['items']:,} locations in the "
                          f"pages, {r['distinct']:,} distinct, {found}; zoom in: {'yes' if r['zoom_in'] else 'no'}; "
                          f"{r['seconds']:.2f} s")
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
