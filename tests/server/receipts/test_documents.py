"""Without --smtp each receipt mail is an .eml file in the outbox (the folder serve.py names at start);
the receipt PDF is a PDF with the total in its text; the expense export is RFC 4180 CSV with one row per
session of the range (by the day it started on in the charger's time zone) and a combined PDF."""
import csv
import email
import email.policy
import glob
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import uuid

from ..support.server_process import ServerProcess
from .sessions import euros, finished_session


def post(server, path, body):
    return server.request("POST", path, body)


class OutboxAndDocumentsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="receipts-")
        cls.outbox = os.path.join(cls.tmp.name, "mails")
        cls.server = ServerProcess(time_scale=600, quiet=False, args=["--outbox", cls.outbox]).start()
        cls.token = "docs-" + uuid.uuid4().hex[:8]
        cls.first_id, cls.first = finished_session(cls.server, cls.token)
        cls.second_id, cls.second = finished_session(cls.server, cls.token)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()
        cls.tmp.cleanup()

    def test_outbox_eml_without_smtp(self):
        self.assertIn(f"written as an .eml file to {self.outbox}", self.server.stderr())
        status, _, data = post(self.server, "/receipts/email", {"appToken": self.token, "sessionId": self.first_id,
                                                                 "email": "Kiosk.Guest@Example.org"})
        self.assertEqual(status, 200, data)
        self.assertEqual(json.loads(data)["delivery"], "outbox")
        files = glob.glob(os.path.join(self.outbox, "*.eml"))
        self.assertEqual(len(files), 1)
        self.assertEqual(os.stat(files[0]).st_mode & 0o777, 0o600)
        with open(files[0], "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        self.assertEqual(msg["Subject"], self.first["receiptNumber"])
        self.assertEqual(msg["To"], "Kiosk.Guest@example.org")
        self.assertIn(euros(self.first["totalCosts"]), msg.get_body(("plain",)).get_content())
        self.assertIn(euros(self.first["totalCosts"]), msg.get_body(("html",)).get_content())
        self.assertNotIn("Kiosk.Guest", self.server.stderr())   # the request log never shows the address

    def test_receipt_pdf(self):
        status, headers, data = post(self.server, "/receipts/pdf", {
            "appToken": self.token, "sessionId": self.first_id, "invoice": {"name": "Zoë Łukasiewicz"}})
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "application/pdf")
        self.assertIn(f'filename="receipt-{self.first["receiptNumber"]}.pdf"', headers["Content-Disposition"])
        self.assertTrue(data.startswith(b"%PDF-"))
        self.assertIn(b"%%EOF", data[-32:])
        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext (poppler-utils) is not installed")
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
        self.assertRegex(text, rf"Total +{re.escape(euros(self.first['totalCosts']))}")
        self.assertIn("Zoë Łukasiewicz", text)
        # another token gets nothing
        status, _, _ = post(self.server, "/receipts/pdf", {"appToken": "someone-else", "sessionId": self.first_id})
        self.assertEqual(status, 404)

    def export(self, **fields):
        day = self.first["startTime"][:10]
        body = {"appToken": self.token, "from": day, "to": day, **fields}
        return post(self.server, "/receipts/export", body)

    def test_csv_export(self):
        status, headers, data = self.export(format="csv")
        self.assertEqual(status, 200, data)
        self.assertTrue(headers["Content-Type"].startswith("text/csv"))
        text = data.decode("utf-8")
        self.assertTrue(text.endswith("\r\n"))
        self.assertNotIn("\n", text.replace("\r\n", ""))   # RFC 4180: CRLF ends every record
        rows = list(csv.reader(io.StringIO(text, newline="")))
        self.assertEqual(rows[0], ["date", "place", "charger", "energy kWh", "duration", "cost excl. VAT", "VAT",
                                   "total", "currency", "payment method", "receipt number"])
        by_number = {row[10]: row for row in rows[1:]}
        for cdr in (self.first, self.second):
            if cdr["startTime"][:10] != self.first["startTime"][:10]:
                continue   # the second session started past midnight: another day
            row = by_number[cdr["receiptNumber"]]
            self.assertEqual(row[0], cdr["startTime"][:10] + " " + cdr["startTime"][11:16])
            self.assertEqual(row[1], "Marga, Margaklompehof 11, Almere")   # quoted in the file: it has commas
            self.assertEqual(row[3], f"{cdr['energyInKwh']:.3f}")
            self.assertEqual(row[7], euros(cdr["totalCosts"])[1:])
            self.assertEqual(row[6], euros(cdr["totalVat"])[1:])
            self.assertEqual(row[5], euros(round(cdr["totalCosts"] - cdr["totalVat"], 2))[1:])
            self.assertEqual(row[8], "EUR")
            self.assertEqual(row[9], "card ••2836")
        self.assertIn('"Marga, Margaklompehof 11, Almere"', text)
        # a day with no sessions: the header only
        status, _, data = self.export(format="csv", **{"from": "2001-01-01", "to": "2001-01-31"})
        self.assertEqual((status, data.decode().count("\r\n")), (200, 1))

    def test_pdf_export_and_bad_ranges(self):
        status, headers, data = self.export(format="pdf")
        self.assertEqual(status, 200)
        self.assertTrue(data.startswith(b"%PDF-"))
        for fields, code in (({"from": "2024-02-30"}, "INVALID_DATE"), ({"to": "2001-01-01"}, "OUT_OF_RANGE"),
                             ({"from": "2000-01-01", "to": "2030-01-01"}, "OUT_OF_RANGE"),
                             ({"format": "xlsx"}, "INVALID"), ({"from": None}, "REQUIRED")):
            with self.subTest(fields=fields):
                status, _, data = self.export(**fields)
                self.assertEqual((status, json.loads(data)["code"]), (400, code))


if __name__ == "__main__":
    unittest.main()
