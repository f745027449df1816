"""The base map's cell file: one Web Mercator tile of land/water, lines and places, as compact
little-endian binary. Written by make_basemap.py, read by src/core/basemap (decode.cpp) and the tests.

Layout, version 1 (all integers little-endian, no padding):
  "EVBM"  u8 version=1  u8 zoom  u16 flags=0  u32 x  u32 y          header, 16 bytes
  u32 V, then V x (u16 x, u16 y)                                     water vertices
  u32 I, then I indices, u16 each when V <= 65536 else u32           water triangles, I % 3 == 0
  u32 L, then L x (u8 kind, u32 N, N x (u16 x, u16 y))               lines, N >= 2
  u32 P, then P x (u16 x, u16 y, u32 population, u8 n, n bytes)      places, name in UTF-8
Coordinates are the cell's unit square quantized to 0..65535 (x east, y south). Nothing follows.
"""
import struct

MAGIC = b"EVBM"
VERSION = 1
QUANT = 65535
KINDS = {"coast": 0, "river_large": 1, "river": 2, "border": 3}


def quantize(v):
    """A unit-square coordinate to its uint16, clamped to the square."""
    q = int(round(v * QUANT))
    return 0 if q < 0 else QUANT if q > QUANT else q


def encode(z, x, y, water_xy, water_tris, lines, places):
    """water_xy: [(qx, qy)], water_tris: [i, ...], lines: [(kind, [(qx, qy), ...])],
    places: [(qx, qy, population, name)]. Coordinates already quantized."""
    out = bytearray(MAGIC)
    out += struct.pack("<BBHII", VERSION, z, 0, x, y)
    out += struct.pack("<I", len(water_xy))
    for qx, qy in water_xy:
        out += struct.pack("<HH", qx, qy)
    assert len(water_tris) % 3 == 0
    out += struct.pack("<I", len(water_tris))
    fmt = "<%dH" if len(water_xy) <= 65536 else "<%dI"
    out += struct.pack(fmt % len(water_tris), *water_tris)
    out += struct.pack("<I", len(lines))
    for kind, pts in lines:
        assert len(pts) >= 2
        out += struct.pack("<BI", kind, len(pts))
        for qx, qy in pts:
            out += struct.pack("<HH", qx, qy)
    out += struct.pack("<I", len(places))
    for qx, qy, population, name in places:
        raw = name.encode("utf-8")[:255]
        while raw:  # never cut a character in two
            try:
                raw.decode("utf-8")
                break
            except UnicodeDecodeError:
                raw = raw[:-1]
        out += struct.pack("<HHIB", qx, qy, population, len(raw)) + raw
    return bytes(out)


def decode(data):
    """The inverse of encode, as a dict with coordinates in [0, 1]; raises ValueError when malformed."""
    pos = 0

    def take(fmt):
        nonlocal pos
        size = struct.calcsize(fmt)
        if pos + size > len(data):
            raise ValueError("truncated")
        values = struct.unpack_from(fmt, data, pos)
        pos += size
        return values

    if data[:4] != MAGIC:
        raise ValueError("not a base map cell")
    pos = 4
    version, z, _flags, x, y = take("<BBHII")
    if version != VERSION:
        raise ValueError(f"version {version}")
    (nv,) = take("<I")
    verts = take("<%dH" % (2 * nv))
    (ni,) = take("<I")
    tris = take(("<%dH" if nv <= 65536 else "<%dI") % ni)
    if ni % 3 or any(i >= nv for i in tris):
        raise ValueError("bad triangles")
    lines = []
    (nl,) = take("<I")
    for _ in range(nl):
        kind, n = take("<BI")
        pts = take("<%dH" % (2 * n))
        lines.append((kind, [v / QUANT for v in pts]))
    places = []
    (np_,) = take("<I")
    for _ in range(np_):
        qx, qy, population, n = take("<HHIB")
        (name,) = take("<%ds" % n)
        places.append((name.decode("utf-8"), qx / QUANT, qy / QUANT, population))
    if pos != len(data):
        raise ValueError("trailing bytes")
    return {"z": z, "x": x, "y": y, "water_xy": [v / QUANT for v in verts], "water_tris": list(tris),
            "lines": lines, "places": places}


def point_in_water(cell, u, v):
    """Whether the unit-square point (u, v) lies in one of the cell's water triangles."""
    xy, tris = cell["water_xy"], cell["water_tris"]
    for t in range(0, len(tris), 3):
        a, b, c = tris[t], tris[t + 1], tris[t + 2]
        ax, ay, bx, by, cx, cy = xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], xy[2 * c], xy[2 * c + 1]
        d1 = (u - bx) * (ay - by) - (ax - bx) * (v - by)
        d2 = (u - cx) * (by - cy) - (bx - cx) * (v - cy)
        d3 = (u - ax) * (cy - ay) - (cx - ax) * (v - ay)
        if not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0)):
            return True
    return False
