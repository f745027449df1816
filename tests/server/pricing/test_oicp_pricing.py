"""OICP pricing import: the Hubject seed's own sample rows, broken files (each problem names the
file, line and field), availability windows, and serve.py pricing a simulator EVSE from the CSVs
(or refusing to start)."""
import os
import subprocess
import sys
import tempfile
import unittest
from decimal import Decimal

from server.pricing import oicp_pricing as op
from server.sim.catalog import load_catalog

from ..support.server_process import REPO, ServerProcess

# The seed (003_...) prints its samples run together on one line; these are its rows, one a line.
SEED_PRODUCTS = """CPO-XYZ,KILOWATT_HOUR,5,EUR
DayTariff,KILOWATT_HOUR,15,EUR,30,false,Workdays,07:00,18:00,START FEE,KILOWATT_HOUR,4
NightTariff,KILOWATT_HOUR,5,EUR,30,false,Workdays,18:00,06:59
WeekendTariff,KILOWATT_HOUR,13,EUR,30,true,Weekend, 00:00,23:00
"""
SEED_EVSES = """DE*AB7*E840*6587,Region_1
DE*AB7*E840*6625,Region_2
DE*AB7*E840*2833,Region_3
"""


def products(text):
    parsed, problems = op.parse_products(text, "P.csv")
    return parsed, problems


class SeedSampleTest(unittest.TestCase):
    def test_a_stray_carriage_return_is_a_named_problem(self):
        # found by tools/fuzz/py_fuzz.py: the csv module's own error escaped, so serve.py died with a traceback
        parsed, problems = products("CPO-XYZ,KILOWATT_HOUR,5,EUR\nDay\rTariff,KILOWATT_HOUR,15,EUR\n")
        self.assertIsNone(parsed)
        self.assertTrue(any(p.startswith("P.csv:2: row: not readable as CSV") for p in problems), problems)
        mapping, problems = op.parse_evse_pricing("DE*AB7*E840*6587,\0Region\n", {})
        self.assertIsNone(mapping)
        self.assertTrue(problems)

    def test_the_seed_products_read(self):
        parsed, problems = products(SEED_PRODUCTS)
        self.assertEqual(problems, [])
        operator, unit, price, currency, items = parsed
        self.assertEqual((operator, unit, price, currency), ("CPO-XYZ", "KILOWATT_HOUR", Decimal(5), "EUR"))
        self.assertEqual(list(items), ["DayTariff", "NightTariff", "WeekendTariff"])
        day = items["DayTariff"]
        self.assertEqual((day.begin, day.end, day.days), (7 * 60, 18 * 60, frozenset(range(5))))
        self.assertEqual(day.additional, [("START FEE", "KILOWATT_HOUR", Decimal(4))])
        self.assertEqual(items["WeekendTariff"].begin, 0)  # " 00:00" in the seed: space trimmed

    def test_the_seed_evse_rows_need_their_products(self):
        _, _, _, _, items = products(SEED_PRODUCTS)[0]
        mapping, problems = op.parse_evse_pricing(SEED_EVSES, items, "E.csv")
        self.assertIsNone(mapping)
        # Region_1.. are not products of the sample pricing file: each line is named
        self.assertEqual(problems, [f"E.csv:{n}: ProductId: 'Region_{n}' is not a product in the pricing file"
                                    for n in (1, 2, 3)])
        ok, problems = op.parse_evse_pricing(SEED_EVSES.replace("Region_1", "DayTariff").replace(
            "Region_2", "NightTariff").replace("Region_3", "WeekendTariff"), items, "E.csv")
        self.assertEqual(problems, [])
        self.assertEqual(ok["DE*AB7*E840*6587"], ["DayTariff"])

    def test_products_become_tariff_models(self):
        _, _, _, _, items = products(SEED_PRODUCTS)[0]
        pricing = op.Pricing("CPO-XYZ", "KILOWATT_HOUR", Decimal(5), "EUR", items, {})
        day = pricing.tariff("DayTariff")
        self.assertEqual(day["currency"], "EUR")
        self.assertFalse(day["isVatIncluded"])
        self.assertEqual(day["elements"][0]["priceComponents"],
                         [{"type": "FLAT", "price": 4.0, "stepSize": 1}, {"type": "ENERGY", "price": 15.0, "stepSize": 1}])
        minute = op._tariff_model("MINUTE", Decimal("0.05"), "EUR", [("PARKING FEE", "MINUTE", Decimal("0.10"))])
        self.assertEqual(minute["elements"][0]["priceComponents"],
                         [{"type": "TIME", "price": 3.0, "stepSize": 60}, {"type": "PARKING_TIME", "price": 6.0, "stepSize": 60}])


class AvailabilityTest(unittest.TestCase):
    def test_windows_days_and_midnight(self):
        _, _, _, _, items = products(SEED_PRODUCTS)[0]
        day, night, weekend = items["DayTariff"], items["NightTariff"], items["WeekendTariff"]
        self.assertTrue(day.available(0, 7 * 60))
        self.assertTrue(day.available(4, 18 * 60))       # the end minute is included
        self.assertFalse(day.available(4, 18 * 60 + 1))
        self.assertFalse(day.available(5, 12 * 60))      # Saturday
        self.assertTrue(night.available(4, 23 * 60))     # Friday evening
        self.assertTrue(night.available(5, 3 * 60))      # Saturday small hours belong to Friday night
        self.assertFalse(night.available(0, 3 * 60))     # Monday small hours: Sunday is no workday
        self.assertTrue(weekend.available(6, 23 * 60 + 30))  # valid 24 hours: times do not matter

    def test_resolver_picks_the_available_product_else_the_default(self):
        _, _, _, _, items = products(SEED_PRODUCTS)[0]
        pricing = op.Pricing("CPO-XYZ", "KILOWATT_HOUR", Decimal(5), "EUR", items, {})
        monday_noon = 4 * 86400 + 12 * 3600  # 1970-01-05 was a Monday
        r = op._Resolver(pricing, ["DayTariff"], "UTC", lambda: monday_noon, lambda ts, zone: 0)
        self.assertEqual(r.current()["elements"][0]["priceComponents"][-1]["price"], 15.0)
        r.now = lambda: monday_noon + 9 * 3600  # 21:00: not the day product; the default 5 per kWh
        self.assertEqual(r.current()["elements"][0]["priceComponents"], [{"type": "ENERGY", "price": 5.0, "stepSize": 1}])
        r.offset_minutes = lambda ts, zone: -240  # the same moment is 17:00 four hours west
        self.assertEqual(r.current()["elements"][0]["priceComponents"][-1]["price"], 15.0)


class BrokenFilesTest(unittest.TestCase):
    def problems(self, text):
        parsed, problems = products(text)
        self.assertIsNone(parsed)
        return problems

    def test_each_problem_names_line_and_field(self):
        head = "CPO-XYZ,KILOWATT_HOUR,5,EUR\n"
        cases = [
            ("A,KWH,15,EUR,30,false,Workdays,07:00,18:00", "P.csv:2: ReferenceUnit: 'KWH' is not one of"),
            ("A,HOUR,1.5,EURO,30,false,Workdays,07:00,18:00", "P.csv:2: ProductPriceCurrency: 'EURO' is not an ISO 4217"),
            ("A,HOUR,abc,EUR,30,false,Workdays,07:00,18:00", "P.csv:2: PricePerReferenceUnit: not a number"),
            ("A,HOUR,-1,EUR,30,false,Workdays,07:00,18:00", "P.csv:2: PricePerReferenceUnit: must be from 0"),
            ("A,HOUR,1,EUR,0,false,Workdays,07:00,18:00", "P.csv:2: MaximumProductChargingPower: expected kW"),
            ("A,HOUR,1,EUR,30,yes,Workdays,07:00,18:00", "P.csv:2: IsValid24hours: expected true or false"),
            ("A,HOUR,1,EUR,30,false,Workday,07:00,18:00", "P.csv:2: ProductAvailabilityTimes: 'Workday' is not one of"),
            ("A,HOUR,1,EUR,30,false,Workdays,24:00,18:00", "P.csv:2: begin: expected HH:MM"),
            ("A,HOUR,1,EUR,30,false,Workdays,07:00,7pm", "P.csv:2: end: expected HH:MM"),
            ("A,HOUR,1,EUR,30,false,Workdays,07:00,18:00,BONUS FEE,HOUR,1", "P.csv:2: AdditionalReference: 'BONUS FEE'"),
            ("A,HOUR,1,EUR,30,false,Workdays,07:00,18:00,PARKING FEE,KILOWATT_HOUR,1",
             "P.csv:2: AdditionalReferenceUnit: a PARKING FEE is per HOUR or per MINUTE"),
            ("A,HOUR,1,EUR,30,false,Workdays,07:00", "P.csv:2: row: expected 9 fields"),
            ("A,HOUR,1,EUR,30,false,Workdays,07:00,18:00\nA,HOUR,2,EUR,30,false,Weekend,07:00,18:00",
             "P.csv:3: ProductID: 'A' is already defined on line 2"),
        ]
        for row, expected in cases:
            with self.subTest(row):
                problems = self.problems(head + row + "\n")
                self.assertTrue(any(p.startswith(expected) for p in problems), problems)
        self.assertEqual(self.problems(""), ["P.csv:1: OperatorName: the file is empty"])
        self.assertTrue(self.problems("CPO,MINUTES,5,EUR\n")[0].startswith("P.csv:1: DefaultReferenceUnit:"))
        self.assertTrue(self.problems("CPO,HOUR,5\n")[0].startswith("P.csv:1: header: expected OperatorName"))

    def test_all_problems_of_a_file_are_listed_not_just_the_first(self):
        problems = self.problems("CPO,HOUR,5,EUR\nA,HOUR,x,EUR,30,false,Workdays,07:00,18:00\n"
                                 "B,HOUR,1,XXX,30,false,Workdays,07:00,18:00\n")
        self.assertEqual([p.split(": ")[0] + ": " + p.split(": ")[1] for p in problems],
                         ["P.csv:2: PricePerReferenceUnit", "P.csv:3: ProductPriceCurrency"])

    def test_evse_ids_follow_the_oicp_pattern(self):
        _, _, _, _, items = products(SEED_PRODUCTS)[0]
        for bad in ("DE-AB7-E840-6587", "de*ab7*e840*6587", "DE*AB7*X840*6587", "DE*AB7*E"):
            _, problems = op.parse_evse_pricing(f"{bad},DayTariff\n", items, "E.csv")
            self.assertEqual(problems, [f"E.csv:1: EVSEId: {bad!r} is not an OICP EVSE ID (e.g. DE*AB7*E840*6487)"])
        for good in ("DE*AB7*E840*6487", "DEAB7E8406487", "+49*810*000*438"):
            mapping, problems = op.parse_evse_pricing(f"{good},DayTariff\n", items, "E.csv")
            self.assertEqual(problems, [])
        _, problems = op.parse_evse_pricing("DE*AB7*E840*6487,DayTariff\nDE*AB7*E840*6487,DayTariff\n", items, "E.csv")
        self.assertEqual(problems, ["E.csv:2: ProductId: 'DayTariff' is already listed for DE*AB7*E840*6487"])


class ServeWithOicpTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        catalog = load_catalog()
        loc_id, evse = next((lid, e) for lid, loc in catalog.locations.items() if lid.startswith("nl-")
                            for e in loc["evses"] if e.get("evseId") and not e.get("chargingNotAllowed"))
        self.location_id, self.evse = loc_id, evse

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w") as fh:
            fh.write(text)
        return path

    def test_imported_products_price_the_evses_they_map_to(self):
        prices = self.write("p.csv", SEED_PRODUCTS + "AllDay,KILOWATT_HOUR,0.49,EUR,22,true,Everyday,00:00,23:59,"
                                                     "PARKING FEE,MINUTE,0.10\n")
        evses = self.write("e.csv", SEED_EVSES.replace("Region_1", "DayTariff").replace("Region_2", "NightTariff")
                           .replace("Region_3", "WeekendTariff") + f"{self.evse['evseId']},AllDay\n")
        server = ServerProcess(extra_args=["--oicp-pricing", prices, "--oicp-evse-pricing", evses])
        with server:
            status, body = server.api("GET", f"/tariff/evse/{self.location_id}/{self.evse['uid']}")
            self.assertEqual(status, 200, body)
            components = body["tariff"]["elements"][0]["priceComponents"]
            self.assertEqual(components, [{"type": "ENERGY", "price": 0.49, "stepSize": 1},
                                          {"type": "PARKING_TIME", "price": 6.0, "stepSize": 60}])
            log = server.stderr()
        # the seed's EVSEs are not in the simulator's data: reported, not fatal
        self.assertIn("EVSE DE*AB7*E840*6587: not in the simulator's data", log)
        self.assertIn("4 products, 1 EVSEs priced", log)

    def test_a_broken_file_stops_serve_py_with_the_line_and_field(self):
        prices = self.write("p.csv", "CPO,HOUR,5,EUR\nA,HOUR,1,EURO,30,false,Workdays,07:00,18:00\n")
        evses = self.write("e.csv", "DE*AB7*E840*6587,A\n")
        done = subprocess.run([sys.executable, str(REPO / "serve.py"), "--port", "0", "--state", ":memory:",
                               "--oicp-pricing", prices, "--oicp-evse-pricing", evses],
                              capture_output=True, text=True, timeout=30)
        self.assertEqual(done.returncode, 2)
        self.assertIn(f"{prices}:2: ProductPriceCurrency: 'EURO' is not an ISO 4217", done.stderr)
        self.assertEqual(done.stdout, "")  # never started serving
        one = subprocess.run([sys.executable, str(REPO / "serve.py"), "--oicp-pricing", prices],
                             capture_output=True, text=True, timeout=30)
        self.assertEqual(one.returncode, 2)
        self.assertIn("go together", one.stderr)


if __name__ == "__main__":
    unittest.main()
