"""The simulator's data: the walkthrough's examples verbatim, the generated set reproducible and
well formed, and the grid index agreeing with a plain scan."""
import json
import random
import unittest

from server.sim.catalog import SEED_FILE, load_catalog
from server.sim.spatial_index import GridIndex

MARGA = "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0"


class CatalogTest(unittest.TestCase):
    """The seed and the hand-tuned set around it (the country-wide network is tested in test_network)."""

    @classmethod
    def setUpClass(cls):
        cls.catalog = load_catalog(network=False)

    def test_seed_is_served_verbatim(self):
        with open(SEED_FILE) as fh:
            seed = json.load(fh)
        marga = next(e for e in seed["locations"] if e["detail"]["id"] == MARGA)
        detail = dict(self.catalog.locations[MARGA])
        detail.pop("timeZone")
        self.assertEqual(detail, marga["detail"])
        self.assertEqual(self.catalog.tariffs["A1"], seed["tariffs"]["A1"])
        self.assertIn("d17c60e1-655f-4ff7-a802-15ccb2e7eb7f", self.catalog.qr)

    def test_generated_set_is_reproducible(self):
        again = load_catalog(network=False)
        self.assertEqual(list(again.locations), list(self.catalog.locations))
        self.assertEqual(again.locations, self.catalog.locations)
        self.assertEqual(again.qr, self.catalog.qr)

    def test_generated_set_is_well_formed(self):
        locations = self.catalog.locations
        self.assertGreater(len(locations), 300)
        cities = {loc["city"] for loc in locations.values()}
        self.assertTrue({"Amsterdam", "Almere", "Volendam"} <= cities)
        kinds, statuses = set(), set()
        for loc in locations.values():
            c = loc["coordinates"]
            self.assertTrue(52.2 < c["latitude"] < 52.7 and 4.6 < c["longitude"] < 5.5, loc["id"])
            self.assertRegex(loc["id"], r"^nl-[a-z]{3}-[0-9a-f-]{36}$")
            for evse in loc["evses"]:
                statuses.add(evse["status"])
                if "evseId" in evse:
                    self.assertRegex(evse["evseId"], r"^NL\*[A-Z0-9]{3}\*E[A-Z0-9]+\*\d+$")
                for connector in evse["connectors"]:
                    kinds.add(connector["powerType"])
                    if loc["id"] != MARGA:  # Marga's A5 is unknown on purpose, as in the walkthrough
                        self.assertIn(connector["tariffId"], self.catalog.tariffs, evse["uid"])
        self.assertEqual(kinds, {"AC_1_PHASE", "AC_3_PHASE", "DC"})
        self.assertTrue({"AVAILABLE", "CHARGING", "OUTOFORDER"} <= statuses)
        for qr in self.catalog.qr.values():
            self.assertIn(qr["evseUid"], self.catalog.evses)
            self.assertEqual(self.catalog.evses[qr["evseUid"]][0], qr["locationId"])

    def test_evse_lookup(self):
        loc_id, evse = next(v for v in self.catalog.evses.values() if "evseId" in v[1])
        for key in (evse["uid"], evse["evseId"], evse["evseId"].replace("*", ""), evse["evseId"].lower()):
            self.assertEqual(self.catalog.find_evse(key)[1]["uid"], evse["uid"], key)
        self.assertIsNone(self.catalog.find_evse("NL*XXX*E0*0"))

    def test_scales_to_a_large_set(self):
        big = load_catalog(count=3000, network=False, private_file=None)  # seed + generated only
        self.assertEqual(len(big.locations), 3002)
        self.assertEqual(len(big.index), 3002)


class GridIndexTest(unittest.TestCase):
    def test_agrees_with_a_scan(self):
        rng = random.Random(7)
        points = [(f"p{i}", rng.uniform(50, 54), rng.uniform(3, 8)) for i in range(3000)]
        index = GridIndex(cell_deg=0.05)
        for pid, lat, lng in points:
            index.add(pid, lat, lng)
        boxes = [(52.3, 4.8, 52.4, 5.0), (50, 3, 54, 8), (-90, -180, 90, 180), (52.0, 5.0, 52.0, 5.0)]
        boxes += [sorted_box(rng) for _ in range(50)]
        for bottom, left, top, right in boxes:
            expected = sorted(p for p, lat, lng in points if bottom <= lat <= top and left <= lng <= right)
            self.assertEqual(sorted(index.query(bottom, left, top, right)), expected)


def sorted_box(rng):
    lat = sorted([rng.uniform(49.5, 54.5), rng.uniform(49.5, 54.5)])
    lng = sorted([rng.uniform(2.5, 8.5), rng.uniform(2.5, 8.5)])
    return lat[0], lng[0], lat[1], lng[1]


if __name__ == "__main__":
    unittest.main()
