#!/usr/bin/python3
"""Measures the road not taken: pre-rendered 256 px PNG tiles drawn from the same cells as the vector
base map (make_basemap.py's output), against the cells themselves. Renders all z4-z9 tiles over the
region and a fixed random sample of z10-z13 ones, and prints counts, time and bytes, extrapolated.
Needs python3-pil (a measuring tool only; the build does not use it).
Usage: measure_raster.py BASEMAP_DIR [--sample 300] [--png z/x/y OUT.png]
"""
import argparse
import io
import math
import os
import random
import subprocess
import sys
import time

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cell_format  # noqa: E402
from make_basemap import REGION, band_cells, lonlat_to_world  # noqa: E402

LAND, WATER, COAST, RIVER, BORDER, TEXT = (242, 239, 233), (170, 211, 223), (120, 160, 180), (170, 211, 223), \
    (160, 130, 170), (60, 60, 60)
START = (52.425, 5.10, 10.5, 412, 420)  # core/map/state.hpp's first camera: lat, lng, zoom, CSS px


def band_zoom(zoom):
    return 4 if zoom < 7 else 7 if zoom < 10 else 10


def place_shown(population, zoom):
    for z, least in ((5, 1_000_000), (6, 500_000), (7, 200_000), (8, 100_000), (9, 50_000), (10, 20_000),
                     (11, 10_000), (12, 5_000)):
        if zoom < z:
            return population >= least
    return True


_FONT = []


def label_font():
    if not _FONT:
        try:  # the UI's own face (Debian's fonts-dejavu-core); PIL's bitmap default is Latin-1 only
            _FONT.append(ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 11))
        except OSError:
            _FONT.append(ImageFont.load_default())
    return _FONT[0]


class Cells:
    def __init__(self, root):
        self.root, self.cache = root, {}

    def get(self, z, x, y):
        key = (z, x, y)
        if key not in self.cache:
            try:
                with open(os.path.join(self.root, str(z), str(x), f"{y}.bin"), "rb") as fh:
                    self.cache[key] = cell_format.decode(fh.read())
            except OSError:
                self.cache[key] = None
        return self.cache[key]


def render(cells, z, x, y, size=256):
    """The tile z/x/y drawn from its band's cell, as a palette PNG's bytes (None outside the data)."""
    bz = band_zoom(z)
    k = 1 << (z - bz)
    cell = cells.get(bz, x // k, y // k)
    if cell is None:
        return None
    ox, oy = x - (x // k) * k, y - (y // k) * k
    s = 4  # drawn 4x larger and reduced: smooth edges, as a tile server would
    big = size * s

    def px(u, v):
        return ((u * k - ox) * big, (v * k - oy) * big)

    img = Image.new("RGB", (big, big), LAND)
    d = ImageDraw.Draw(img)
    xy, tris = cell["water_xy"], cell["water_tris"]
    for t in range(0, len(tris), 3):
        pts = [px(xy[2 * i], xy[2 * i + 1]) for i in tris[t:t + 3]]
        if max(p[0] for p in pts) < 0 or min(p[0] for p in pts) > big or max(p[1] for p in pts) < 0 \
                or min(p[1] for p in pts) > big:
            continue
        d.polygon(pts, fill=WATER)
    width = {0: 1, 1: 2, 2: 1, 3: 2}
    colour = {0: COAST, 1: RIVER, 2: RIVER, 3: BORDER}
    for kind, flat in cell["lines"]:
        pts = [px(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
        d.line(pts, fill=colour[kind], width=width[kind] * s)
    img = img.resize((size, size), Image.LANCZOS)
    d = ImageDraw.Draw(img)
    font = label_font()
    for name, u, v, pop in cell["places"]:
        if not place_shown(pop, z):
            continue
        X, Y = px(u, v)
        X, Y = X / s, Y / s
        if -40 <= X <= size + 40 and -10 <= Y <= size + 10:
            d.ellipse((X - 2, Y - 2, X + 2, Y + 2), fill=TEXT)
            d.text((X + 4, Y - 6), name, fill=TEXT, font=font)
    out = io.BytesIO()
    img.quantize(colors=32).save(out, "PNG", optimize=True)
    return out.getvalue()


def region_tiles(z):
    n = 1 << z
    west, south, east, north = REGION
    x0, y0 = lonlat_to_world(west, north)
    x1, y1 = lonlat_to_world(east, south)
    return [(x, y) for x in range(int(x0 * n), int(x1 * n) + 1) for y in range(int(y0 * n), int(y1 * n) + 1)]


def start_view_tiles(z):
    lat, lng, zoom, w, h = START
    cx, cy = lonlat_to_world(lng, lat)
    scale = 256 * 2 ** zoom
    n = 1 << z
    x0, x1 = (cx * scale - w / 2) / scale * n, (cx * scale + w / 2) / scale * n
    y0, y1 = (cy * scale - h / 2) / scale * n, (cy * scale + h / 2) / scale * n
    return [(x, y) for x in range(int(x0), int(x1) + 1) for y in range(int(y0), int(y1) + 1)]


def brotli_size(path):
    br = path + ".br"
    if os.path.exists(br):
        return os.path.getsize(br)
    return len(subprocess.run(["brotli", "-q", "11", "-c", path], check=True, capture_output=True).stdout)


def vector_figures(root):
    print("Vector cells (this build):")
    per_band = {}
    for bz in (4, 7, 10):
        raw = br = count = 0
        for x, y in band_cells(bz):
            path = os.path.join(root, str(bz), str(x), f"{y}.bin")
            raw += os.path.getsize(path)
            br += brotli_size(path)
            count += 1
        per_band[bz] = (count, raw, br)
        print(f"  band z{bz:<2}: {count:5d} cells  {raw:10,d} B raw  {br:10,d} B brotli")
    print(f"  total    : {sum(c for c, _, _ in per_band.values()):5d} cells  "
          f"{sum(r for _, r, _ in per_band.values()):10,d} B raw  {sum(b for _, _, b in per_band.values()):10,d} B brotli")
    lat, lng, zoom, w, h = START
    bz = band_zoom(zoom)
    tiles = start_view_tiles(bz)
    raw = sum(os.path.getsize(os.path.join(root, str(bz), str(x), f"{y}.bin")) for x, y in tiles)
    br = sum(brotli_size(os.path.join(root, str(bz), str(x), f"{y}.bin")) for x, y in tiles)
    print(f"  start view (zoom {zoom}, {w}x{h} CSS px): {len(tiles)} z{bz} cells, {raw:,} B raw, {br:,} B brotli")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("basemap")
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--png", nargs=2, metavar=("Z/X/Y", "OUT"), help="only draw this tile to a file")
    ap.add_argument("--build-seconds", type=float, help="the vector build's measured time, to print beside")
    args = ap.parse_args()
    cells = Cells(args.basemap)
    if args.png:
        z, x, y = map(int, args.png[0].split("/"))
        with open(args.png[1], "wb") as fh:
            fh.write(render(cells, z, x, y))
        return
    vector_figures(args.basemap)
    if args.build_seconds:
        print(f"  build time: {args.build_seconds:.1f} s")
    print("Raster tiles (256 px, 32-colour palette PNG, same data, drawn with PIL):")
    rng = random.Random(20261206)
    total_tiles = total_bytes = 0
    total_ms = 0.0
    for z in range(4, 14):
        tiles = region_tiles(z)
        sample = tiles if z <= 9 else rng.sample(tiles, min(args.sample, len(tiles)))
        t0 = time.perf_counter()
        sizes = [len(render(cells, z, x, y)) for x, y in sample]
        ms = (time.perf_counter() - t0) * 1000 / len(sample)
        mean = sum(sizes) / len(sizes)
        total_tiles += len(tiles)
        total_bytes += mean * len(tiles)
        total_ms += ms * len(tiles)
        print(f"  z{z:<2}: {len(tiles):7,d} tiles, rendered {len(sample):4d}: {ms:6.1f} ms/tile, "
              f"{mean:7,.0f} B/tile -> {mean * len(tiles) / 1e6:8.1f} MB")
    print(f"  z4-z13: {total_tiles:,} tiles, {total_bytes / 1e6:.1f} MB, build about {total_ms / 1000 / 60:.1f} min "
          f"on one core of this machine")
    for z in (10, 11):
        tiles = start_view_tiles(z)
        size = sum(len(render(cells, z, x, y)) for x, y in tiles)
        print(f"  start view with z{z} tiles: {len(tiles)} tiles, {size:,} B (PNG; brotli does not shrink PNG)")


if __name__ == "__main__":
    main()
