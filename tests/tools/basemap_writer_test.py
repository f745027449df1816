"""The base map writer (tools/basemap/): its cell format round-trips, its cells cover the region, and
the cells it wrote for the tests (BASEMAP_TEST_DIR) and for the web build (build/web/basemap, when
there is one) read back with water, land and places where they are. Needs Debian's python3 (shapely,
mapbox_earcut, brotli), as the writer does."""
import os
import sys
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tools", "basemap"))
import cell_format  # noqa: E402
import make_basemap  # noqa: E402

TEST_DIR = os.environ.get("BASEMAP_TEST_DIR", os.path.join(REPO, "build", "native", "basemap_test"))
WEB_DIR = os.path.join(REPO, "build", "web", "basemap")


def where(lat, lon, z):
    x, y = make_basemap.lonlat_to_world(lon, lat)
    n = 1 << z
    return (int(x * n), int(y * n)), (x * n - int(x * n), y * n - int(y * n))


def read(root, z, cell):
    with open(os.path.join(root, str(z), str(cell[0]), f"{cell[1]}.bin"), "rb") as fh:
        return fh.read()


class FormatTest(unittest.TestCase):
    def test_round_trip(self):
        data = cell_format.encode(10, 526, 336, [(0, 0), (65535, 0), (0, 65535)], [0, 1, 2],
                                  [(0, [(0, 0), (65535, 65535)]), (3, [(1, 2), (3, 4), (5, 6)])],
                                  [(32768, 100, 210000, "Almere"), (1, 2, 1500, "Köln")])
        cell = cell_format.decode(data)
        self.assertEqual((cell["z"], cell["x"], cell["y"]), (10, 526, 336))
        self.assertEqual(cell["water_tris"], [0, 1, 2])
        self.assertEqual(cell["lines"][0], (0, [0.0, 0.0, 1.0, 1.0]))
        self.assertEqual(cell["places"][1][0], "Köln")
        self.assertTrue(cell_format.point_in_water(cell, 0.1, 0.1))
        self.assertFalse(cell_format.point_in_water(cell, 0.9, 0.9))
        for n in range(len(data)):
            with self.assertRaises(ValueError):
                cell_format.decode(data[:n])

    def test_wide_indices_and_long_names(self):
        verts = [(i % 65536, i // 65536) for i in range(70000)]
        name = "é" * 200  # 400 bytes: cut to 255 and then back to a whole character
        cell = cell_format.decode(cell_format.encode(4, 8, 5, verts, [0, 69999, 1], [], [(0, 0, 5, name)]))
        self.assertEqual(cell["water_tris"], [0, 69999, 1])
        self.assertEqual(cell["places"][0][0], "é" * 127)

    def test_quantize_clamps(self):
        self.assertEqual([cell_format.quantize(v) for v in (-0.1, 0, 0.5, 1, 1.2)], [0, 0, 32768, 65535, 65535])


class CellsTest(unittest.TestCase):
    def test_bands_cover_the_region(self):
        counts = {z: len(make_basemap.band_cells(z)) for z, *_ in make_basemap.BANDS}
        self.assertEqual(counts, {4: 1, 7: 36, 10: 1681})
        west, south, east, north = make_basemap.REGION
        for z, *_ in make_basemap.BANDS:
            for lat, lon in ((south, west), (south, east), (north, west), (north, east)):
                self.assertIn(where(lat, lon, z)[0], make_basemap.band_cells(z))

    def check_truths(self, root):
        for z in (10, 7):
            for lat, lon, wet in ((52.75, 5.35, True), (52.37, 5.22, False), (53.5, 4.0, True)):
                cell, (u, v) = where(lat, lon, z)
                got = cell_format.point_in_water(cell_format.decode(read(root, z, cell)), u, v)
                self.assertEqual(got, wet, (lat, lon, z))
        cell, _ = where(52.374, 4.890, 10)
        places = {name: pop for name, _, _, pop in cell_format.decode(read(root, 10, cell))["places"]}
        self.assertGreater(places["Amsterdam"], 500_000)

    def test_test_cells(self):
        if not os.path.isdir(TEST_DIR):
            self.skipTest(f"no {TEST_DIR}: build the native tree first")
        self.check_truths(TEST_DIR)

    def test_web_build_cells(self):
        if not os.path.isdir(WEB_DIR):
            self.skipTest(f"no {WEB_DIR}: no web build")
        for z, *_ in make_basemap.BANDS:
            for x, y in make_basemap.band_cells(z):
                path = os.path.join(WEB_DIR, str(z), str(x), f"{y}.bin")
                with open(path, "rb") as fh:
                    cell_format.decode(fh.read())
                for sibling in (path + ".br", path + ".gz"):  # fresh copies, or serve.py skips them
                    self.assertGreaterEqual(os.stat(sibling).st_mtime_ns, os.stat(path).st_mtime_ns, sibling)
        self.check_truths(WEB_DIR)
        # A cell written alone (for the tests) is the one written with all the others, but for the odd
        # last bit: gmt cuts lines at the region asked for, so the simplifier sees other pieces.
        if os.path.isdir(TEST_DIR):
            for z in (n for n in os.listdir(TEST_DIR) if n.isdigit()):
                for x in os.listdir(os.path.join(TEST_DIR, z)):
                    for name in (n for n in os.listdir(os.path.join(TEST_DIR, z, x)) if n.endswith(".bin")):
                        cell = (int(x), int(name[:-4]))
                        alone = cell_format.decode(read(TEST_DIR, int(z), cell))
                        full = cell_format.decode(read(WEB_DIR, int(z), cell))
                        self.assertEqual(alone["places"], full["places"])
                        grid = [((i + 0.5) / 12, (j + 0.5) / 12) for i in range(12) for j in range(12)]
                        same = sum(cell_format.point_in_water(alone, u, v) == cell_format.point_in_water(full, u, v)
                                   for u, v in grid)
                        self.assertGreaterEqual(same, len(grid) - 2, (z, cell))

if __name__ == "__main__":
    unittest.main()
