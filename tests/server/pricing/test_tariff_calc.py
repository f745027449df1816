"""tariff_calc against the OCPI 2.2.1 example CDRs (tandemdrive/ocpi-tariffs) and hand-worked cases."""
import glob
import json
import os
import unittest
from decimal import Decimal

from server.pricing.tariff_calc import (OcpiPeriod, Period, _iso_ms, ms_from_hours, mwh_from_kwh, price_ocpi,
                                        price_session, receipt_cents, round_to_cents)

OCPI_CASES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "testdata", "tariffs",
                          "ocpi-tariffs", "test_data")


def D(x):
    return Decimal(str(x))


def _cents(amount):
    """A Decimal amount rounded to cents on its own, as the receipt's lines once were."""
    return Decimal(round_to_cents(int(amount * 1_000_000))) / 1_000_000


def charging(offset_s, seconds, wh, before_wh=0, power_kw=None):
    return Period(start_offset_s=D(offset_s), time_s=D(seconds), energy_wh=D(wh), energy_before_wh=D(before_wh),
                  power_kw=None if power_kw is None else D(power_kw))


def parking(offset_s, seconds, before_wh):
    return Period(start_offset_s=D(offset_s), parking_s=D(seconds), energy_before_wh=D(before_wh))


A1 = {"tariffType": "RETAIL", "vatPercentage": 13.0, "currency": "EUR", "isVatIncluded": True, "elements": [
    {"priceComponents": [{"price": 1.64, "type": "FLAT", "stepSize": 1, "vat": 13.0},
                         {"price": 2.106, "type": "ENERGY", "stepSize": 1, "vat": 13.0},
                         {"price": 0.351, "type": "TIME", "stepSize": 60, "vat": 13.0}]}]}


def ocpi_periods(cdr):
    periods = []
    for raw in cdr["charging_periods"]:
        p = OcpiPeriod(start_ms=_iso_ms(raw["start_date_time"]))
        for dim in raw["dimensions"]:
            if dim["type"] == "ENERGY":
                p.energy = mwh_from_kwh(dim["volume"])
            elif dim["type"] == "TIME":
                p.time = ms_from_hours(dim["volume"])
            elif dim["type"] == "PARKING_TIME":
                p.parking = ms_from_hours(dim["volume"])
        periods.append(p)
    return periods


class OcpiExamplesTest(unittest.TestCase):
    def test_example_cdrs(self):
        cases = sorted(glob.glob(os.path.join(OCPI_CASES, "*", "cdr*.json")))
        if not cases:
            self.skipTest("OCPI test data not present")
        for cdr_file in cases:
            with open(os.path.join(os.path.dirname(cdr_file), "tariff.json")) as fh:
                tariff = json.load(fh)
            with open(cdr_file) as fh:
                cdr = json.load(fh)
            # as given: the cases' engine leaves min/max_price out
            cost = price_ocpi(tariff, ocpi_periods(cdr), _iso_ms(cdr["start_date_time"]),
                              _iso_ms(cdr["end_date_time"]), apply_min_max=False)
            excl, incl = cost.totals["total"]
            with self.subTest(cdr_file):
                self.assertEqual(round(D(excl) / 1_000_000, 4), round(D(cdr["total_cost"]["excl_vat"]), 4))
                self.assertEqual(round(D(incl) / 1_000_000, 4), round(D(cdr["total_cost"]["incl_vat"]), 4))
        self.assertGreaterEqual(len(cases), 6)

    def test_min_price_bounds_both_totals_as_ocpi_says(self):
        with open(os.path.join(OCPI_CASES, "025kwh_min_price", "tariff.json")) as fh:
            tariff = json.load(fh)
        # 1.2 kWh at 0.25 = 0.30 / 0.33: below min_price 0.50 / 0.55
        cost = price_ocpi(tariff, [OcpiPeriod(start_ms=0, energy=1_200_000)], 0, 3_600_000)
        self.assertEqual(cost.totals["total"], [500_000, 550_000])
        self.assertEqual(cost.totals["energy"], [300_000, 330_000])
        self.assertTrue(cost.min_price_applied)


class HandWorkedTest(unittest.TestCase):
    def test_a1(self):
        # 132 s charging, 256 Wh: 1.64 + 0.539136 (0.54) + 3 min of 0.351/h = 0.01755 (0.02)
        bill = price_session(A1, [charging(0, 60, 116), charging(60, 60, 117, 116), charging(120, 12, 23, 233)])
        self.assertEqual([(l.dimension, l.quantity, l.rounded) for l in bill.lines],
                         [("FLAT", 1, D("1.64")), ("ENERGY", D("0.256"), D("0.54")), ("TIME", 3, D("0.02"))])
        self.assertEqual((bill.total, bill.total_vat, bill.vat_percentage), (D("2.20"), D("0.25"), 13))

    def test_time_is_not_rounded_up_when_parking_is_priced(self):
        tariff = {"currency": "EUR", "isVatIncluded": True, "elements": [{"priceComponents": [
            {"type": "TIME", "price": 6, "stepSize": 900}, {"type": "PARKING_TIME", "price": 3, "stepSize": 900}]}]}
        bill = price_session(tariff, [charging(0, 600, 0), parking(600, 60, 0)])
        lines = {l.dimension: l for l in bill.lines}
        self.assertEqual(lines["TIME"].quantity, 10)          # minutes, not rounded to 15
        self.assertEqual(lines["PARKING_TIME"].quantity, 15)  # rounded up to the 900 s step
        self.assertEqual(bill.total, D("1.00") + D("0.75"))

    def test_restrictions_pick_the_first_matching_component(self):
        tariff = {"currency": "EUR", "isVatIncluded": True, "elements": [{"priceComponents": [
            {"type": "ENERGY", "price": 0.49, "vat": 21, "restrictions": {"max_kwh": 20}},
            {"type": "ENERGY", "price": 0.36, "vat": 21, "restrictions": {"min_kwh": 20}},
            {"type": "PARKING_TIME", "price": 1.2, "stepSize": 900, "vat": 21, "restrictions": {"min_duration": 14400}},
        ]}]}
        periods = [charging(0, 3600, 15000), charging(3600, 3600, 10000, 15000), charging(7200, 3600, 5000, 25000),
                   parking(10800, 3600, 30000), parking(14400, 600, 30000)]
        bill = price_session(tariff, periods)
        energy = [(l.unit_price, l.quantity) for l in bill.lines if l.dimension == "ENERGY"]
        # the period starting at 15 kWh is priced whole at the first tier: periods are not split
        self.assertEqual(energy, [(D("0.49"), D(25)), (D("0.36"), D(5))])
        parking_lines = [l for l in bill.lines if l.dimension == "PARKING_TIME"]
        self.assertEqual([l.quantity for l in parking_lines], [15])  # only after 4 h, 600 s rounded to 900 s
        self.assertEqual(bill.total, D("12.25") + D("1.80") + D("0.30"))
        self.assertEqual(bill.total_vat, (D("14.35") * 21 / 121).quantize(D("0.01")))

    def test_prices_excluding_vat(self):
        tariff = {"currency": "EUR", "isVatIncluded": False, "vatPercentage": 21,
                  "elements": [{"priceComponents": [{"type": "ENERGY", "price": 0.4, "vat": 21}]}]}
        bill = price_session(tariff, [charging(0, 3600, 10000)])
        self.assertEqual((bill.total, bill.total_vat, bill.lines[0].unit_price), (D("4.84"), D("0.84"), D("0.484")))

    def test_half_a_cent_rounds_up(self):
        tariff = {"currency": "EUR", "isVatIncluded": True,
                  "elements": [{"priceComponents": [{"type": "ENERGY", "price": 0.45, "vat": 21}]}]}
        bill = price_session(tariff, [charging(0, 60, 100), charging(60, 60, 100, 100)])
        self.assertEqual(bill.lines[0].cost, D("0.09"))
        bill = price_session(tariff, [charging(0, 60, 100)])
        self.assertEqual((bill.lines[0].cost, bill.total), (D("0.045"), D("0.05")))  # not 0.04 (half even)
        self.assertEqual(bill.total_vat, D("0.01"))  # 0.05 x 21/121 = 0.00868

    def test_receipt_lines_add_up_to_the_total(self):
        # Three lines of 1.005 each: rounded on their own 3.03, but the driver pays 3.02.
        self.assertEqual(receipt_cents([1_005_000] * 3, 3_015_000), [1_010_000, 1_010_000, 1_000_000])
        # A1 at the walkthrough's prices: the FLAT fee, 0.257 kWh and 3 started minutes.
        tariff = {"currency": "EUR", "isVatIncluded": True, "vatPercentage": 13, "elements": [{"priceComponents": [
            {"type": "FLAT", "price": 1.64, "vat": 13}, {"type": "ENERGY", "price": 2.106, "vat": 13},
            {"type": "TIME", "price": 0.351, "vat": 13, "stepSize": 60}]}]}
        seen_fixed = False
        for wh in range(1, 400, 7):
            for seconds in (61, 150, 3599):
                bill = price_session(tariff, [charging(0, seconds, wh)])
                self.assertEqual(sum(line.rounded for line in bill.lines), bill.total, (wh, seconds))
                for line in bill.lines:
                    self.assertLessEqual(abs(line.rounded - line.cost), D("0.01"))
                alone = sum(_cents(line.cost) for line in bill.lines)
                seen_fixed |= alone != bill.total
        self.assertTrue(seen_fixed, "some sessions' lines, each rounded alone, would not add up")
        # Not when a minimum or maximum price made the total: the lines do not add up to it anyway.
        self.assertIsNone(receipt_cents([100_000, 200_000], 500_000))
        self.assertIsNone(receipt_cents([], 0))

    def test_missing_vat_means_no_vat(self):
        tariff = {"currency": "EUR", "isVatIncluded": False,
                  "elements": [{"priceComponents": [{"type": "FLAT", "price": 2}]}]}
        bill = price_session(tariff, [charging(0, 60, 100)])
        self.assertEqual((bill.total, bill.total_vat, bill.vat_percentage), (D(2), D(0), None))


if __name__ == "__main__":
    unittest.main()
