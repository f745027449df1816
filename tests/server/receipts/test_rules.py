"""The receipt rules one by one, with expected values worked out by hand from the rules: EU VAT number
formats, e-mail address checks, the VAT split over cost lines, RFC 4180 quoting, the charger's time zone."""
import csv
import datetime as dt
import io
import unittest

from server.receipts import email_address, money, vat_numbers, zones
from server.receipts.csv_export import export_csv
from server.receipts.receipt import read_receipt


class VatNumberTest(unittest.TestCase):
    def test_formats_per_country(self):
        good = {
            "NL803654321B01": "NL803654321B01", "nl 8036.54.321 b01": "NL803654321B01",
            "DE 123 456 789": "DE123456789", "ATU12345678": "ATU12345678", "BE0123456789": "BE0123456789",
            "FR-AB-123456789": "FRAB123456789", "ESX1234567Z": "ESX1234567Z", "EL123456789": "EL123456789",
            "IE1234567FA": "IE1234567FA", "IE1A23456B": "IE1A23456B", "SE123456789001": "SE123456789001",
            "LT123456789012": "LT123456789012", "CY12345678X": "CY12345678X", "XIGD123": "XIGD123",
        }
        for text, normalized in good.items():
            with self.subTest(text=text):
                self.assertEqual(vat_numbers.check(text), (normalized, None))
        bad = ["NL803654321B1", "NL803654321C01", "DE12345678", "ATU1234567", "BE2123456789", "FRIO123456789",
               "SE123456789002", "GR123456789", "US123456789", "NL", "", "12345678", "NL80365432ĺB01",
               "NL803654321B01\u0000", "DE1234567890"]
        for text in bad:
            with self.subTest(text=text):
                number, why = vat_numbers.check(text)
                self.assertIsNone(number)
                self.assertTrue(why)
        self.assertIn("EL", vat_numbers.check("GR123456789")[1])


class EmailAddressTest(unittest.TestCase):
    def test_syntax_and_length(self):
        self.assertEqual(email_address.check(" Jo.Driver+bon@Example.COM "), "Jo.Driver+bon@example.com")
        self.assertEqual(email_address.check("jo@bücher.example"), "jo@xn--bcher-kva.example")
        local = "a" * 64
        domain = "b" * 63 + "." + "b" * 63 + "." + "b" * 58 + ".nl"   # 63 + 1 + 63 + 1 + 58 + 3 = 189
        self.assertEqual(len(email_address.check(f"{local}@{domain}")), 254)   # 64 + 1 + 189
        too_long = f"{local}@b{domain}"                                        # 255
        for text in ["", "plain", "@example.com", "jo@", "jo@example", "jo@@example.com", "jo..x@example.com",
                     ".jo@example.com", "jo.@example.com", "jo x@example.com", '"jo"@example.com',
                     "jo@[127.0.0.1]", "jo@-example.com", "jo@example.123", "jö@example.com", "a" * 65 + "@x.nl",
                     too_long, "jo@example.com\nBcc: x@example.com", None, 7]:
            with self.subTest(text=text):
                with self.assertRaises(email_address.AddressError):
                    email_address.check(text)


class VatSplitTest(unittest.TestCase):
    def test_largest_remainder_to_the_cent(self):
        # €1.64 + €3.75 + €0.09 = €5.48 at 13%: exact VAT 0.18867, 0.43142, 0.01035 → floors 18 + 43 + 1 = 62
        # cents; total VAT €0.63 needs one more, which goes to the largest remainder (0.867 of a cent: line 1)
        eur = money.MICROS
        lines = [1_640_000, 3_750_000, 90_000]
        self.assertEqual(money.split_vat(lines, 5_480_000, 630_000, 13 * eur), [190_000, 430_000, 10_000])
        # 21%: €12.10 → VAT €2.10 exactly, nothing to distribute
        self.assertEqual(money.split_vat([12_100_000], 12_100_000, 2_100_000, 21 * eur), [2_100_000])
        # lines that do not add up to the total (a minimum price applied): no VAT per line
        self.assertIsNone(money.split_vat([1_000_000], 2_000_000, 347_000, 21 * eur))
        self.assertIsNone(money.split_vat([1_000_000], 1_000_000, 0, None))

    def test_money_words(self):
        self.assertEqual(money.format_money(1_234_565_000, "EUR"), "€1,234.57")
        self.assertEqual(money.format_money(5_000, "GBP"), "£0.01")
        self.assertEqual(money.format_money(-2_500_000, "CHF"), "-CHF 2.50")
        self.assertEqual(money.format_unit_price(5_850, "EUR"), "€0.00585")
        self.assertEqual(money.format_percent(5_500_000), "5.5%")


def cdr(**changes):
    base = {"status": "CDR_AVAILABLE", "sessionId": "s-1", "receiptNumber": "rec-7", "totalCosts": 12.1,
            "totalVat": 2.1, "vatPercentage": 21, "currency": "EUR", "energyInKwh": 20.5, "evseUid": "NL-X-E1",
            "connectorId": "1", "startTime": "2024-07-01T16:11:00+00:00", "endTime": "2024-07-01T17:41:30+00:00",
            "paymentMethod": {"type": "CHARGE_CARD", "cardHint": "** **** 2836"},
            "location": {"name": 'De "Laadplek", Noord', "address": "Kade 1\nAchter", "city": "Almere",
                         "timeZone": "W. Europe Standard Time"},
            "costBreakdown": {"retailSegments": [{"items": [
                {"dimension": "ENERGY", "price": 0.5, "quantity": 20.5, "roundedCost": 10.25, "unit": "KWH"},
                {"dimension": "FLAT", "price": 1.85, "quantity": 1, "roundedCost": 1.85, "unit": "MONEY"}]}]}}
    base.update(changes)
    return base


class ZoneAndCsvTest(unittest.TestCase):
    def test_times_in_the_chargers_zone(self):
        # 16:11 UTC on 1 July is 18:11 in Amsterdam (CEST, UTC+2); on 1 January 17:11 (CET, UTC+1)
        summer = read_receipt(cdr())
        self.assertEqual(zones.format_date_time(summer.started), "1 Jul 2024, 18:11 CEST")
        winter = read_receipt(cdr(startTime="2024-01-01T16:11:00Z", endTime="2024-01-01T16:12:00Z"))
        self.assertEqual(zones.format_date_time(winter.started), "1 Jan 2024, 17:11 CET")
        # the same instant written with another offset is still shown in the charger's zone
        same = read_receipt(cdr(startTime="2024-07-01T19:11:00+03:00"))
        self.assertEqual(zones.format_date_time(same.started), "1 Jul 2024, 18:11 CEST")
        # an IANA name works too; an unknown zone keeps the offset the API wrote
        london = read_receipt(cdr(location={"timeZone": "Europe/London"}))
        self.assertEqual(zones.format_date_time(london.started), "1 Jul 2024, 17:11 BST")
        unknown = read_receipt(cdr(location={"timeZone": "Mars/Olympus"}, startTime="2024-07-01T18:11:00+02:00"))
        self.assertEqual(zones.format_date_time(unknown.started), "1 Jul 2024, 18:11 UTC+02:00")
        self.assertEqual(summer.duration_s, 90 * 60 + 30)

    def test_csv_rfc4180(self):
        receipt = read_receipt(cdr(receiptNumber="=HYPERLINK(1)"))
        data = export_csv([receipt]).decode("utf-8")
        lines = data.split("\r\n")
        self.assertEqual(lines[-1], "")
        self.assertEqual(lines[0], "date,place,charger,energy kWh,duration,cost excl. VAT,VAT,total,currency,"
                                   "payment method,receipt number")
        # a field with a comma, a quote or a line break is quoted and its quotes doubled
        self.assertIn('"De ""Laadplek"", Noord, Kade 1 Achter, Almere"', data)
        row = list(csv.reader(io.StringIO(data, newline="")))[1]
        self.assertEqual(row, ["2024-07-01 18:11", 'De "Laadplek", Noord, Kade 1 Achter, Almere', "NL-X-E1 · connector 1",
                               "20.500", "1:30:30", "10.00", "2.10", "12.10", "EUR", "card ••2836",
                               "'=HYPERLINK(1)"])

    def test_not_finished_is_not_a_receipt(self):
        from server.receipts.receipt import NotReady
        for changes in ({"status": "CHARGING"}, {"totalCosts": None}, {"receiptNumber": None}):
            with self.subTest(changes=changes):
                with self.assertRaises(NotReady):
                    read_receipt(cdr(**changes))


if __name__ == "__main__":
    unittest.main()
