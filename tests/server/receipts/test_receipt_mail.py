"""POST /receipts/email against a real SMTP conversation: serve.py with --smtp sends to an aiosmtpd server
on a free loopback port, and the message it received is checked (headers, both parts, the amounts against
the session's CDR, UTF-8 names); STARTTLS with a login; a relay that is down and a refused recipient give
their documented errors; another token cannot send; the rate limit holds; hostile requests get 4xx."""
import os
import socket
import subprocess
import tempfile
import unittest
import uuid

from ..support.server_process import ServerProcess
from .sessions import SmtpSink, euros, finished_session, line_vats, sink_available

ORDER = {"ENERGY": 0, "TIME": 1, "FLAT": 2, "PARKING_TIME": 3}


def post(server, path, body, headers=None):
    import json
    status, hdrs, data = server.request("POST", path, body, headers)
    return status, hdrs, (json.loads(data) if data and hdrs.get("Content-Type", "").startswith("application/json")
                          else data)


@unittest.skipUnless(sink_available(), "Debian's python3-aiosmtpd is not installed")
class ReceiptMailTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sink = SmtpSink("--refuse-domain", "refused.example")
        cls.server = ServerProcess(time_scale=600, args=["--smtp", f"127.0.0.1:{cls.sink.port}",
                                                         "--smtp-from", "Laadpaal Bonnen <bon@laad.example>"]).start()
        cls.token = "mail-" + uuid.uuid4().hex[:8]
        cls.session_id, cls.cdr = finished_session(cls.server, cls.token)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()
        cls.sink.stop()

    def send(self, **fields):
        body = {"appToken": self.token, "sessionId": self.session_id, "email": "driver@example.com", **fields}
        return post(self.server, "/receipts/email", body)

    def test_the_message_received(self):
        before = len(self.sink.messages())
        invoice = {"name": "Zoë Ångström-Łukasiewicz", "company": "Ħamrun Laadpunten BV",
                   "vatNumber": "NL 8036.54.321.B01", "address": "Straße 7\n1314 WL Almere"}
        status, _, body = self.send(email="Zoe.Driver@Example.com", invoice=invoice)
        self.assertEqual(status, 200, body)
        self.assertEqual(body, {"sent": True, "receiptNumber": self.cdr["receiptNumber"], "delivery": "smtp"})
        record = self.sink.wait_messages(before + 1)[-1]
        msg = record["message"]
        self.assertEqual(record["rcptTos"], ["Zoe.Driver@example.com"])
        self.assertEqual(record["mailFrom"], "bon@laad.example")
        self.assertEqual(msg["Subject"], self.cdr["receiptNumber"])
        self.assertEqual(msg["To"], "Zoe.Driver@example.com")
        self.assertEqual(msg["From"].addresses[0].display_name, "Laadpaal Bonnen")
        self.assertEqual(msg["Reply-To"], self.cdr["location"]["branding"]["supportEmail"])
        self.assertEqual(msg["Auto-Submitted"], "auto-generated")
        self.assertIsNotNone(msg["Message-ID"])
        self.assertIsNotNone(msg["Date"])
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        text = msg.get_body(("plain",)).get_content()
        html = msg.get_body(("html",)).get_content()

        cdr = self.cdr
        rate = cdr["vatPercentage"]
        rate_text = f"{rate:g}%"
        items = sorted(cdr["costBreakdown"]["retailSegments"][0]["items"], key=lambda i: ORDER[i["dimension"]])
        vats = line_vats([i["roundedCost"] for i in items], cdr["totalCosts"], cdr["totalVat"], rate)
        self.assertEqual(sum(vats), round(cdr["totalVat"] * 100))
        net = euros(round(cdr["totalCosts"] - cdr["totalVat"], 2))
        for part in (text, html.replace("&#x27;", "'")):
            self.assertIn(f"Total: {euros(cdr['totalCosts'])}" if part is text else euros(cdr["totalCosts"]), part)
            for item, vat in zip(items, vats):
                self.assertIn(f"{euros(item['roundedCost'])} (VAT {rate_text}: €{vat // 100}.{vat % 100:02d})", part)
            self.assertIn(euros(cdr["totalVat"]), part)
            self.assertIn(f"excl. VAT {net} · VAT {euros(cdr['totalVat'])} · total {euros(cdr['totalCosts'])}", part)
            self.assertIn("Charged to card ••2836", part)
            self.assertIn("GreenFlux", part)                         # the location's operator
            self.assertIn("Chargestation-1 · connector 1", part)     # the EVSE as the location lists it
            self.assertIn(f"{cdr['energyInKwh']:.2f} kWh", part)
            self.assertIn("Zoë Ångström-Łukasiewicz", part)
            self.assertIn("Ħamrun Laadpunten BV", part)
            self.assertIn("Straße 7", part)
            self.assertIn("VAT NL803654321B01", part)
            self.assertIn(cdr["receiptNumber"], part)
        # the charger is in Almere: its zone is CET in winter and CEST in summer, named beside the time
        start = cdr["startTime"]  # the simulator writes the location's local time with its offset
        hour_minute = start[11:16]
        zone = "CEST" if start.endswith("+02:00") else "CET"
        self.assertIn(f"Started: ", text)
        self.assertIn(f", {hour_minute} {zone}", text)
        self.assertIn(f", {hour_minute} {zone}", html)
        # the HTML part escapes what it shows
        self.assertNotIn("<script", html)

    def test_another_token_gets_the_same_404_as_a_missing_session(self):
        other = "other-" + uuid.uuid4().hex[:8]
        self.server.api("PUT", f"/token/{other}")
        before = len(self.sink.messages())
        status_other, _, body_other = post(self.server, "/receipts/email", {
            "appToken": other, "sessionId": self.session_id, "email": "thief@example.com"})
        status_missing, _, body_missing = self.send(sessionId=str(uuid.uuid4()))
        status_unknown, _, body_unknown = post(self.server, "/receipts/email", {
            "appToken": "never-registered", "sessionId": self.session_id, "email": "thief@example.com"})
        self.assertEqual((status_other, status_missing, status_unknown), (404, 404, 404))
        self.assertEqual(body_other, body_missing)
        self.assertEqual(body_unknown, body_missing)
        self.assertEqual(body_other["code"], "RECEIPT_NOT_FOUND")
        for path in ("/receipts/pdf", "/receipts/export"):
            status, _, _ = post(self.server, path, {"appToken": other, "sessionId": self.session_id,
                                                   "from": self.cdr["startTime"][:10], "to": self.cdr["startTime"][:10]})
            self.assertIn(status, (200, 404))
        self.assertEqual(len(self.sink.messages()), before)

    def test_recipient_refused(self):
        status, hdrs, body = self.send(email="nobody@refused.example")
        self.assertEqual(status, 422, body)
        self.assertEqual(body["code"], "RECIPIENT_REFUSED")
        self.assertNotIn("nobody", self.server.stderr())

    def test_bad_input_is_400_and_never_500(self):
        cases = [
            ({"email": "not-an-address"}, "INVALID_EMAIL"),
            ({"email": "a@b"}, "INVALID_EMAIL"),
            ({"email": "x" * 250 + "@example.com"}, "INVALID_EMAIL"),
            ({"email": "two@@example.com"}, "INVALID_EMAIL"),
            ({"email": "a b@example.com"}, "INVALID_EMAIL"),
            ({"email": "victim@example.com\r\nBcc: many@example.com"}, "INVALID_EMAIL"),
            ({"email": 42}, "INVALID_EMAIL"),
            ({"email": None}, "INVALID_EMAIL"),
            ({"invoice": {"vatNumber": "NL123"}}, "INVALID_VAT_NUMBER"),
            ({"invoice": {"vatNumber": "GR123456789"}}, "INVALID_VAT_NUMBER"),
            ({"invoice": {"name": "x" * 101}}, "TOO_LONG"),
            ({"invoice": {"name": "Evil\u0007"}}, "INVALID_CHARACTERS"),
            ({"invoice": "NL803654321B01"}, "INVALID_TYPE"),
            ({"invoice": {"iban": "NL91ABNA0417164300"}}, "UNKNOWN_FIELD"),
            ({"sessionId": None}, "REQUIRED"),
            ({"appToken": "../etc"}, "INVALID"),
        ]
        for fields, code in cases:
            with self.subTest(fields=fields):
                status, _, body = self.send(**fields)
                self.assertEqual((status, body["code"]), (400, code), body)
        raw_cases = [
            (b'{"appToken": "\\ud800", "sessionId": "s", "email": "a@example.com"}', "application/json"),
            (b"[1, 2]", "application/json"),
            (b"\xff\xfe", "application/json"),
            (b"{", "application/json"),
        ]
        for raw, media_type in raw_cases:
            with self.subTest(raw=raw):
                status, _, data = self.server.request("POST", "/receipts/email", raw=raw,
                                                      headers={"Content-Type": media_type})
                self.assertEqual(status, 400, data)
        status, _, _ = self.server.request("POST", "/receipts/email", raw=b'{"appToken": "t"}',
                                           headers={"Content-Type": "text/plain"})
        self.assertEqual(status, 415)
        status, _, _ = self.server.request("POST", "/receipts/email", raw=b"{" + b" " * (70 * 1024) + b"}",
                                           headers={"Content-Type": "application/json"})
        self.assertEqual(status, 413)
        for path in ("/receipts/%65mail", "/receipts/email/", "/receipts//email", "/receipts/email%2F",
                     "/api/receipts/email", "/RECEIPTS/email"):
            with self.subTest(path=path):
                status, _, _ = self.server.request("POST", path, {"appToken": self.token,
                                                                  "sessionId": self.session_id, "email": "x@example.com"})
                # %65 decodes to the endpoint itself (one reading of the target); the rest reach no endpoint
                # (404/405, or 503 for the files of a web build these tests do not make), never a 500
                if path == "/receipts/%65mail":
                    self.assertEqual(status, 200)
                else:
                    self.assertNotIn(status, (200, 500))
        status, _, _ = self.server.request("GET", "/receipts/email")
        self.assertEqual(status, 405)
        self.assertTrue(self.server.alive())
        self.assertNotIn("Traceback", self.server.stderr())


@unittest.skipUnless(sink_available(), "Debian's python3-aiosmtpd is not installed")
class RateLimitTest(unittest.TestCase):
    def test_five_receipts_then_429_per_token_and_per_address(self):
        sink = SmtpSink()
        self.addCleanup(sink.stop)
        with ServerProcess(time_scale=600, args=["--smtp", f"127.0.0.1:{sink.port}"]) as server:
            token = "rate-" + uuid.uuid4().hex[:8]
            session_id, _ = finished_session(server, token)
            for i in range(5):
                status, _, body = post(server, "/receipts/email", {"appToken": token, "sessionId": session_id,
                                                                   "email": f"r{i}@example.com"})
                self.assertEqual(status, 200, body)
            status, hdrs, body = post(server, "/receipts/email", {"appToken": token, "sessionId": session_id,
                                                                  "email": "r9@example.com"})
            self.assertEqual((status, body["code"]), (429, "TOO_MANY_REQUESTS"))
            self.assertGreaterEqual(int(hdrs["Retry-After"]), 1)
            self.assertEqual(len(sink.wait_messages(5)), 5)

            # one mailbox, five drivers' receipts: the sixth driver waits too
            target = "same@example.com"
            sent = []
            for i in range(6):
                other = f"rate-{i}-" + uuid.uuid4().hex[:6]
                other_session, _ = finished_session(server, other)
                status, _, body = post(server, "/receipts/email", {"appToken": other, "sessionId": other_session,
                                                                   "email": target})
                sent.append(status)
            self.assertEqual(sent, [200] * 5 + [429])


@unittest.skipUnless(sink_available(), "Debian's python3-aiosmtpd is not installed")
class RelayTest(unittest.TestCase):
    def test_relay_down_is_503_relay_unavailable(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]   # closed again when the block ends: nobody listens there
        with ServerProcess(time_scale=600, args=["--smtp", f"127.0.0.1:{port}"]) as server:
            token = "down-" + uuid.uuid4().hex[:8]
            session_id, _ = finished_session(server, token)
            status, hdrs, body = post(server, "/receipts/email", {"appToken": token, "sessionId": session_id,
                                                                  "email": "driver@example.com"})
            self.assertEqual((status, body["code"]), (503, "RELAY_UNAVAILABLE"))
            self.assertIn("Retry-After", hdrs)
            self.assertNotIn("driver@example.com", server.stderr())

    def test_starttls_and_login(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        cert, key = os.path.join(tmp.name, "cert.pem"), os.path.join(tmp.name, "key.pem")
        made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                               cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                               "-addext", "subjectAltName=IP:127.0.0.1"], capture_output=True)
        if made.returncode != 0:
            self.skipTest("openssl could not make a test certificate")
        sink = SmtpSink("--cert", cert, "--key", key, "--user", "relay-user", "--password", "relay-secret-7")
        self.addCleanup(sink.stop)
        env = dict(os.environ, SMTP_USER="relay-user", SMTP_PASSWORD="relay-secret-7", SMTP_CA_FILE=cert)
        with ServerProcess(time_scale=600, env=env, args=["--smtp", f"127.0.0.1:{sink.port}"]) as server:
            token = "tls-" + uuid.uuid4().hex[:8]
            session_id, _ = finished_session(server, token)
            status, _, body = post(server, "/receipts/email", {"appToken": token, "sessionId": session_id,
                                                               "email": "driver@example.com"})
            self.assertEqual(status, 200, body)
            record = sink.wait_messages(1)[0]
            self.assertTrue(record["tls"])
            self.assertTrue(record["login"])
        # a relay whose certificate this server does not trust: not sent, and the app may try again
        env = dict(os.environ, SMTP_USER="relay-user", SMTP_PASSWORD="relay-secret-7")
        with ServerProcess(time_scale=600, env=env, args=["--smtp", f"127.0.0.1:{sink.port}"]) as server:
            token = "untrusted-" + uuid.uuid4().hex[:8]
            session_id, _ = finished_session(server, token)
            status, _, body = post(server, "/receipts/email", {"appToken": token, "sessionId": session_id,
                                                               "email": "driver@example.com"})
            self.assertEqual((status, body["code"]), (503, "RELAY_UNAVAILABLE"))
            self.assertNotIn("relay-secret", server.stderr())


if __name__ == "__main__":
    unittest.main()
