"""The country-wide network: over 20,000 locations in NL, BE and DE, clustered around cities and
motorways, well formed (eMI3 EVSE ids, OCPI connectors, priced tariffs of every component type),
with private, restricted, info-only and smart-charging places; and the BNetzA import that feeds DE."""
import gzip
import hashlib
import json
import math
import unittest
from collections import Counter
from pathlib import Path

from server.sim.bnetza import compact, read_stations
from server.sim.catalog import load_catalog
from server.sim.locations import CONNECTOR_STANDARDS
from server.sim.network_gen import BNETZA_FILE, NETWORK_FILE

REPO = Path(__file__).resolve().parents[3]
BNETZA_CSV = REPO / ".." / "shared" / "testdata" / "locations" / "bnetza-2019-07.csv"
OPENAPI = REPO / ".." / "shared" / "testdata" / "chargeassist" / "openapi.json"
EVSE_ID = r"^(([A-Z]{2}\*?[A-Z0-9]{3}\*?E[A-Z0-9\*]{1,30})|(\+?[0-9]{1,3}\*[0-9]{3}\*[0-9\*]{1,32}))$"


def km(a_lat, a_lng, b_lat, b_lng):
    dy = (a_lat - b_lat) * 111.0
    dx = (a_lng - b_lng) * 111.0 * math.cos(math.radians((a_lat + b_lat) / 2))
    return math.hypot(dx, dy)


def km_to_segment(lat, lng, a, b):
    """Distance to the segment a-b on a local flat projection (fine at these scales)."""
    scale = math.cos(math.radians(lat))
    px, py = (lng - a[1]) * scale * 111.0, (lat - a[0]) * 111.0
    bx, by = (b[1] - a[1]) * scale * 111.0, (b[0] - a[0]) * 111.0
    t = max(0.0, min(1.0, (px * bx + py * by) / (bx * bx + by * by)))
    return math.hypot(px - t * bx, py - t * by)


class NetworkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.catalog = load_catalog()
        cls.base_ids = set(load_catalog(network=False).locations)
        with open(NETWORK_FILE, encoding="utf-8") as fh:
            cls.params = json.load(fh)

    def test_size_and_countries(self):
        countries = Counter(loc["country"] for loc in self.catalog.locations.values())
        self.assertGreaterEqual(len(self.catalog.locations), 20000)
        self.assertGreater(countries["NLD"], 5000)
        self.assertGreater(countries["BEL"], 2000)
        self.assertGreater(countries["DEU"], 8000)
        self.assertEqual(len(self.catalog.index), len(self.catalog.locations))

    def test_clustered_around_cities_and_motorways(self):
        cities = self.params["cities"]
        roads = self.params["roads"]
        near_city = motorway = motorway_near_road = 0
        generated = [l for l in self.catalog.locations.values() if l["country"] in ("NLD", "BEL")
                     and l["id"] not in self.base_ids]
        for loc in generated:
            c = loc["coordinates"]
            lat, lng = c["latitude"], c["longitude"]
            if loc["type"] == "ALONG_MOTORWAY":
                motorway += 1
                nearest = min(km_to_segment(lat, lng, a, b) for r in roads for a, b in zip(r["points"], r["points"][1:]))
                motorway_near_road += nearest < 1.0
            elif min(km(lat, lng, x["lat"], x["lng"]) for x in cities) < 15:
                near_city += 1
        self.assertGreater(motorway, 100)
        self.assertEqual(motorway_near_road, motorway)
        self.assertGreater(near_city / (len(generated) - motorway), 0.9)
        # denser in big cities: Rotterdam has more than Middelburg within 5 km of the centre
        def around(lat, lng):
            return sum(1 for l in generated if km(lat, lng, l["coordinates"]["latitude"], l["coordinates"]["longitude"]) < 5)
        self.assertGreater(around(51.9225, 4.4792), 5 * around(51.4988, 3.6136))

    def test_well_formed(self):
        kinds, statuses, components = set(), Counter(), set()
        for loc in self.catalog.locations.values():
            self.assertIn(loc["country"], ("NLD", "BEL", "DEU"))
            self.assertRegex(loc["id"], r"^(nl|be|de)-[a-z0-9]{3}-[0-9a-f-]{36}$")
            for evse in loc["evses"]:
                statuses[evse["status"]] += 1
                if "evseId" in evse:
                    self.assertRegex(evse["evseId"], EVSE_ID)
                    self.assertEqual(self.catalog.find_evse(evse["evseId"])[1]["uid"], evse["uid"])
                for c in evse["connectors"]:
                    self.assertIn(c["standard"], CONNECTOR_STANDARDS)
                    self.assertIsInstance(c["kw"], int)
                    kinds.add((c["powerType"], c["standard"]))
                    if c.get("tariffId") and loc["id"] != "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0":
                        tariff = self.catalog.tariffs[c["tariffId"]]
                        for element in tariff["elements"]:
                            for component in element["priceComponents"]:
                                components.add(component["type"])
                                for key in component.get("restrictions") or {}:
                                    components.add(key)
        self.assertTrue({"FLAT", "ENERGY", "TIME", "PARKING_TIME"} <= components)
        self.assertTrue({"min_kwh", "max_kwh", "min_duration", "min_power", "max_power", "max_current"} <= components)
        for expected in (("AC_3_PHASE", "IEC_62196_T2"), ("DC", "IEC_62196_T2_COMBO"), ("DC", "CHADEMO"),
                         ("AC_1_PHASE", "DOMESTIC_F"), ("AC_1_PHASE", "IEC_62196_T2")):
            self.assertIn(expected, kinds)
        self.assertTrue({"AVAILABLE", "CHARGING", "OUTOFORDER", "UNKNOWN"} <= set(statuses))
        self.assertGreater(statuses["AVAILABLE"] / sum(statuses.values()), 0.4)

    def test_access_kinds_are_present(self):
        # the generated network's access kinds; closed groups' chargers (assets/sim/private.json) are apart
        locations = [l for i, l in self.catalog.locations.items() if i not in self.catalog.private_groups]
        private = [l for l in locations if l.get("isPrivateLocation")]
        restricted = [l for l in locations if l["evses"] and all(e["restrictedAccess"] for e in l["evses"])]
        info_only = [l for l in locations if any(e["chargingNotAllowed"] for e in l["evses"])]
        smart = [l for l in locations if l.get("smartChargingEnabled")]
        for group in (private, restricted, info_only, smart):
            self.assertGreater(len(group), 50)
        self.assertEqual(sorted(i for i in self.catalog.private_ids if i not in self.catalog.private_groups),
                         sorted(l["id"] for l in private))
        self.assertFalse(set(l["id"] for l in private) & set(l["id"] for l in restricted))

    def test_facilities_fit_the_place(self):
        """Every value is one of the API's; service areas have fuel and food, park-and-rides their stop,
        hotels a hotel; street chargers mostly nothing; a kind of place has a mix, not one fixed list."""
        enum = set(json.loads(OPENAPI.read_text())["components"]["schemas"]["LocationModel"]["properties"]
                   ["facilities"]["items"]["enum"])
        by_type = {}
        for loc in self.catalog.locations.values():
            facilities = loc["facilities"]
            self.assertLessEqual(set(facilities), enum, loc["id"])
            self.assertEqual(len(facilities), len(set(facilities)), loc["id"])
            by_type.setdefault(loc["type"], Counter())[tuple(facilities)] += 1
            if loc["type"] == "ALONG_MOTORWAY":
                self.assertIn("FUEL_STATION", facilities, loc["id"])
                self.assertTrue({"CAFE", "RESTAURANT"} & set(facilities), loc["id"])
            if "hotel" in loc["name"].lower():
                self.assertIn("HOTEL", facilities, loc["id"])
            if loc["type"] == "PARKING_LOT" and loc["name"].startswith("P+R"):
                self.assertIn("CARPOOL_PARKING", facilities, loc["id"])
        motorway = by_type["ALONG_MOTORWAY"]
        self.assertGreater(sum(n for f, n in motorway.items() if "SUPERMARKET" in f), sum(motorway.values()) * 0.25)
        street = by_type["ON_STREET"]
        self.assertGreater(street[()], sum(street.values()) * 0.4)
        for kind in ("ON_STREET", "PARKING_GARAGE", "PARKING_LOT", "ALONG_MOTORWAY"):
            self.assertGreater(len(by_type[kind]), 4, kind)

    def test_every_evse_has_a_qr_code(self):
        by_evse = {v[2]: k for k, v in self.catalog.lazy_qr.items()}
        by_evse.update({q["evseUid"]: k for k, q in self.catalog.qr.items()})
        for uid, (loc_id, evse) in list(self.catalog.evses.items())[::97]:
            if loc_id == "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0":
                continue  # the walkthrough's QR example covers one of Marga's EVSEs
            qr = self.catalog.qr_for(by_evse[uid])
            self.assertEqual((qr["locationId"], qr["evseUid"]), (loc_id, uid))

    def test_reproducible(self):
        def digest(catalog):
            h = hashlib.sha256()
            for loc_id, loc in catalog.locations.items():
                h.update(json.dumps(loc, sort_keys=True).encode())
            return h.hexdigest()
        self.assertEqual(digest(load_catalog()), digest(self.catalog))


class BnetzaImportTest(unittest.TestCase):
    HEADER = "operator,address,postcode_city,state,lon,lat,commissioned,power_kw,kind,points,plug1,p1_kw,plug2,p2_kw,plug3,p3_kw,plug4,p4_kw\n"

    def test_dirty_rows_are_fixed_or_skipped_and_reported(self):
        rows = [
            "Good AG,Hauptstr. 1,10115 Berlin,Berlin,13.38,52.53,2019-01-01,22,Normalladeeinrichtung,1,AC Steckdose Typ 2,22,,,,,,",
            "Good AG ,Hauptstr. 1,10115 Berlin,Berlin,13.38,52.53,2019-01-01,22,Normalladeeinrichtung,1,AC Kupplung Typ 2,22,,,,,,",
            "Swap GmbH,Weg 2,4109 Leipzig,Sachsen,51.34,12.37,,50,Schnellladeeinrichtung,1,\"DC Kupplung Combo, DC CHAdeMO\",50,,,,,,",
            "Far GmbH,Weg 3,01067 Dresden,Sachsen,15.59,50.68,,22,Normalladeeinrichtung,1,AC Steckdose Typ 2,22,,,,,,",
            "No City,Weg 4,06295,Sachsen-Anhalt,11.5,51.5,,22,Normalladeeinrichtung,1,AC Steckdose Typ 2,22,,,,,,",
            ",Weg 5,01067 Dresden,Sachsen,13.7,51.0,,22,Normalladeeinrichtung,1,AC Steckdose Typ 2,22,,,,,,",
            "Short,row",
            "Plug AG,Weg 6,80331 München,Bayern,11.57,48.14,,44,Normalladeeinrichtung,2,\"AC Schuko, 0\",x,Mystery plug,11,,,,",
            "Kw AG,Weg 7,80331 München,Bayern,11.58,48.14,,44,Normalladeeinrichtung,2,AC Steckdose Typ 2,,AC Steckdose Typ 2,999,,,,",
            "Kind AG,Weg 8,80331 München,Bayern,11.59,48.14,,44,Irgendwas,1,AC Steckdose Typ 2,22,,,,,,",
            "NaN AG,Weg 9,80331 München,Bayern,nan,48.14,,44,Normalladeeinrichtung,1,AC Steckdose Typ 2,22,,,,,,",
        ]
        stations, report = read_stations(self.HEADER + "\n".join(rows) + "\n\n")
        self.assertEqual(report.rows, 11)
        by_op = {s["operator"]: s for s in stations}
        self.assertEqual(set(by_op), {"Good AG", "Swap GmbH", "Plug AG", "Kw AG"})
        self.assertEqual(len(by_op["Good AG"]["points"]), 2)  # the two pillars at one place merged
        self.assertEqual((by_op["Swap GmbH"]["lat"], by_op["Swap GmbH"]["lng"]), (51.34, 12.37))
        self.assertEqual(by_op["Swap GmbH"]["postcode"], "04109")
        self.assertEqual(by_op["Swap GmbH"]["points"][0][1], [("IEC_62196_T2_COMBO", "CABLE", "DC"), ("CHADEMO", "CABLE", "DC")])
        self.assertEqual([kw for kw, _ in by_op["Kw AG"]["points"]], [22.0, 22.0])  # shared out from 44 kW
        self.assertEqual(by_op["Plug AG"]["points"], [(22.0, [("DOMESTIC_F", "SOCKET", "AC_1_PHASE")])])
        skipped = dict(report.skipped)
        self.assertEqual(skipped["coordinates outside Germany"], 1)
        self.assertEqual(skipped["postcode and city unreadable"], 1)
        self.assertEqual(skipped["operator or address missing"], 1)
        self.assertEqual(skipped["2 columns instead of 18"], 1)
        self.assertEqual(skipped["kind is neither normal nor fast charging"], 1)
        self.assertEqual(skipped["coordinates missing or not numbers"], 1)
        self.assertIn("latitude and longitude swapped back", report.fixed)
        self.assertTrue(any("lines" in line for line in report.lines()))

    def test_wrong_header_is_refused(self):
        with self.assertRaises(ValueError):
            read_stations("a,b,c\n1,2,3\n")

    @unittest.skipUnless(BNETZA_CSV.exists(), "the register test data is not next to this checkout")
    def test_asset_is_the_import_of_the_register(self):
        stations, report = read_stations(BNETZA_CSV.read_text(encoding="utf-8-sig"))
        self.assertEqual(report.rows, 9690)
        self.assertGreater(sum(report.skipped.values()), 0)
        with gzip.open(BNETZA_FILE, "rt", encoding="utf-8") as fh:
            asset = json.load(fh)
        self.assertIn("Bundesnetzagentur", asset["attribution"])
        self.assertEqual(json.loads(json.dumps(compact(stations))), asset["stations"])


if __name__ == "__main__":
    unittest.main()
