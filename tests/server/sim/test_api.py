"""The API's answers other than the journey: error shapes and status codes, limits, hostile input,
and the token, wallet, location, QR and tariff endpoints in detail."""
import json
import socket
import unittest
import urllib.parse
import uuid

from ..support.server_process import MARGA, VAN_DER_VALK, Driver, ServerProcess

EVSE = "NL-GFX-EChargestation-1"


def is_validation_response(body):
    return (isinstance(body, dict) and isinstance(body.get("validationMessages"), list)
            and all({"code", "message"} <= set(m) for m in body["validationMessages"])
            and "message" in body and "developerMessage" in body)


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(time_scale=60).start()
        cls.driver = Driver(cls.server, "api-" + uuid.uuid4().hex[:8])
        cls.driver.register()
        cls.card = cls.driver.valid_card("APITEST0001")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def start_path(self, token=None):
        return f"/session/start?appToken={token or self.driver.token}"

    def valid_start(self):
        return {"locationId": MARGA, "evseUid": EVSE, "connectorId": "1", "paymentMethodId": self.card["id"]}

    # error shapes

    def test_malformed_json_is_a_400_validation_response(self):
        for raw in (b"{not json", b"", b"[1,2]", b"\"text\"", b"\xff\xfe", b'{"a": NaN}', b"[" * 60000):
            status, body = self.server.api("POST", self.start_path(), raw=raw,
                                           headers={"Content-Type": "application/json"})
            self.assertEqual(status, 400, raw[:20])
            self.assertTrue(is_validation_response(body), body)

    def test_missing_and_mistyped_fields_are_400(self):
        base = self.valid_start()
        for change in ({"locationId": None}, {"evseUid": 12}, {"paymentMethodId": ["x"]},
                       {"connectorId": {"id": "1"}}, {"ignoreEvseAvailablity": "yes"}, {"locationId": ""},
                       {"locationId": "x" * 300}, {"evseUid": "a\nb"}):
            body = {k: v for k, v in {**base, **change}.items() if v is not None}
            status, answer = self.server.api("POST", self.start_path(), body)
            self.assertEqual(status, 400, change)
            self.assertTrue(is_validation_response(answer), answer)
        status, answer = self.server.api("POST", "/session/start", base)
        self.assertEqual(status, 400)
        self.assertIn("appToken", answer["message"])

    def test_unknown_token(self):
        stranger = "nobody-" + uuid.uuid4().hex
        status, body = self.server.api("POST", self.start_path(stranger), self.valid_start())
        self.assertEqual((status, body), (403, "Invalid token used"))
        status, body = self.server.api("GET", f"/session/status?appToken={stranger}&chargeSessionId=x")
        self.assertEqual((status, body), (403, "Invalid token used"))
        status, body = self.server.api("POST", f"/session/stop?appToken={stranger}", {"chargeSessionId": "x"})
        self.assertEqual((status, body), (403, "Invalid token used"))
        # wallet, tariff and history answer an unregistered token with 404 and a string (openapi.json)
        for path in (f"/payment/{stranger}/wallet", f"/tariff/{stranger}/evse/{MARGA}/{EVSE}",
                     f"/token/{stranger}/sessions"):
            status, body = self.server.api("GET", path)
            self.assertEqual(status, 404, path)
            self.assertIsInstance(body, str)
        status, body = self.server.api("PUT", f"/payment/{stranger}/chargecard", {"visualNumber": "12345678"})
        self.assertEqual(status, 404)

    def test_unknown_ids_are_404(self):
        status, body = self.server.api("GET", "/locations/nl-gfx-00000000-0000-0000-0000-000000000000")
        self.assertEqual(status, 404)
        self.assertIsInstance(body, str)
        self.assertEqual(self.server.api("GET", f"/locations/{MARGA.upper()}")[0], 404)  # case sensitive
        self.assertEqual(self.server.api("GET", "/locations/evse/NL-GFX-ENOPE-1")[0], 404)
        for change in ({"locationId": "nl-gfx-nope"}, {"evseUid": "NL-GFX-ENOPE-1"}, {"connectorId": "9"},
                       {"locationId": VAN_DER_VALK}):
            status, body = self.server.api("POST", self.start_path(), {**self.valid_start(), **change})
            self.assertEqual(status, 404, change)
            self.assertIsInstance(body, str)
        status, body = self.server.api("GET", f"/session/status?appToken={self.driver.token}"
                                              f"&chargeSessionId={uuid.uuid4()}")
        self.assertEqual(status, 404)

    def test_unknown_payment_method_is_a_validation_error(self):
        status, body = self.server.api("POST", self.start_path(),
                                       {**self.valid_start(), "paymentMethodId": str(uuid.uuid4())})
        self.assertEqual(status, 400)
        self.assertEqual(body["validationMessages"][0]["code"], "PAYMENT_METHOD_NOT_FOUND")

    def test_unknown_api_path_and_method(self):
        status, headers, data = self.server.request("GET", "/api/does/not/exist")
        self.assertEqual(status, 404)
        self.assertEqual(headers["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(json.loads(data)["status"], 404)
        status, headers, data = self.server.request("DELETE", f"/api/locations/{MARGA}")
        self.assertEqual(status, 405)
        self.assertIn("GET", headers["Allow"])
        json.loads(data)

    def test_oversized_body_is_413(self):
        big = json.dumps({"url": "x" * (100 * 1024)}).encode()
        status, headers, data = self.server.request("POST", "/api/qr", raw=big,
                                                    headers={"Content-Type": "application/json"})
        self.assertEqual(status, 413)
        self.assertEqual(json.loads(data)["status"], 413)
        self.assertEqual(self.server.api("GET", f"/locations/{MARGA}")[0], 200)

    def test_api_headers(self):
        status, headers, _ = self.server.request("GET", f"/api/locations/{MARGA}")
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(headers["Cache-Control"], "no-store")
        status, headers, _ = self.server.request("GET", "/api/locations/nope")
        self.assertEqual((headers["Content-Type"], headers["Cache-Control"]),
                         ("application/json; charset=utf-8", "no-store"))

    def test_hostile_input_never_breaks_the_server(self):
        nasty = ["", "%00", "%ff%fe", "..%2f..%2fetc%2fpasswd", "a" * 5000, "%E2%80%AE",
                 urllib.parse.quote("😀"), urllib.parse.quote("'; DROP TABLE x;--")]
        paths = []
        for n in nasty:
            paths += [("GET", f"/locations/{n}"), ("GET", f"/locations/evse/{n}"), ("GET", f"/payment/{n}/wallet"),
                      ("PUT", f"/token/{n}"), ("GET", f"/session/status?appToken={n}&chargeSessionId={n}"),
                      ("GET", f"/locations/boundingbox?bottomLeftLat={n}&bottomLeftLng=1&topRightLat=2&topRightLng=3"),
                      ("GET", f"/tariff/evse/{n}/{n}?connectorId={n}"), ("GET", f"/token/{n}/sessions?sortDesc={n}")]
        bodies = [None, b"{}", b"null", b"{\"url\": 5}", b"{\"visualNumber\": [1]}", b"\x00\x01", b"{" * 5000]
        for method, path in paths:
            status, headers, data = self.server.request(method, "/api" + path)
            self.assertLess(status, 500, path)
            json.loads(data or b"null")
        for body in bodies:
            for method, path in (("POST", "/qr"), ("PUT", f"/payment/{self.driver.token}/chargecard"),
                                 ("PUT", f"/payment/{self.driver.token}/external"), ("PUT", "/token"),
                                 ("POST", "/v2.1/token"), ("POST", self.start_path()),
                                 ("POST", f"/session/stop?appToken={self.driver.token}")):
                status, headers, data = self.server.request(method, "/api" + path, raw=body)
                self.assertEqual(status, 400, (path, body))
                json.loads(data)
        self.assertTrue(self.server.alive())

    def test_broken_http_does_not_stop_the_server(self):
        for payload in (b"GARBAGE\r\n\r\n", b"GET /api/locations/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
                        b"POST /api/qr HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n{",
                        b"POST /api/qr HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"):
            with socket.create_connection(("127.0.0.1", self.server.port), timeout=5) as sock:
                sock.sendall(payload)
                sock.shutdown(socket.SHUT_WR)
                try:
                    sock.recv(4096)
                except OSError:
                    pass
        # a client that stalls mid-request does not hold up others
        stalled = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        stalled.sendall(b"POST /api/qr HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{")
        try:
            self.assertEqual(self.server.api("GET", f"/locations/{MARGA}")[0], 200)
        finally:
            stalled.close()
        self.assertTrue(self.server.alive())

    # tokens

    def test_token_endpoints(self):
        token = "tok-" + uuid.uuid4().hex
        status, body = self.server.api("PUT", "/token", {"appToken": token, "driverId": "d-1"})
        self.assertEqual(status, 200)
        self.assertEqual(body["data"][0]["appToken"], token)
        status, body = self.server.api("GET", f"/v2.1/token/{token}")
        self.assertEqual((status, body["appToken"]), (200, token))
        token2 = "tok-" + uuid.uuid4().hex
        status, body = self.server.api("POST", "/v2.1/token", {"appToken": token2})
        self.assertEqual((status, body["appToken"]), (200, token2))
        status, body = self.server.api("GET", f"/v2.1/token/{uuid.uuid4()}")
        self.assertEqual(status, 404)
        self.assertEqual(body["validationStatus"], "Error")
        status, body = self.server.api("POST", "/v2.1/token", {"driverId": "x"})
        self.assertEqual((status, body["validationStatus"]), (400, "Error"))
        status, body = self.server.api("PUT", "/token", {"appToken": 5})
        self.assertEqual(status, 400)
        self.assertIsInstance(body, str)  # PUT /token answers 400 with a string

    # wallet

    def test_wallet_and_payment_methods(self):
        driver = Driver(self.server, "wallet-" + uuid.uuid4().hex[:8])
        driver.register()
        self.assertEqual(driver.wallet(), {"data": [], "meta": {"count": 0, "hasMoreData": False}})
        for bad in ("12345", "x" * 31, "12 34", "ABC$%^123", ""):
            status, body = self.server.api("PUT", f"/payment/{driver.token}/chargecard", {"visualNumber": bad})
            self.assertEqual(status, 400, bad)
            self.assertTrue(is_validation_response(body))
        card = driver.add_card("NL-GFX-C12345678")  # separators are allowed and dropped
        self.assertEqual(card["cardHint"], "** **** **** 5678")  # NLGFXC12345678
        status, external = self.server.api("PUT", f"/payment/{driver.token}/external",
                                           {"externalPaymentMethodId": "UFSedBQuyYajI25hy3Y6TsdeSF"})
        self.assertEqual(status, 200)
        self.assertEqual((external["type"], external["verificationStatus"], external["externalPaymentMethodId"]),
                         ("EXTERNAL", "VALID", "UFSedBQuyYajI25hy3Y6TsdeSF"))
        status, body = self.server.api("PUT", f"/payment/{driver.token}/external", {})
        self.assertEqual(status, 400)
        self.assertIsInstance(body, str)
        wallet = driver.wallet(MARGA)
        self.assertEqual(wallet["meta"]["count"], 2)
        compatible = {m["type"]: m["isCompatible"] for m in wallet["data"]}
        self.assertEqual(compatible, {"CHARGE_CARD": True, "EXTERNAL": False})  # Marga's pms lists no EXTERNAL
        status, _ = self.server.api("DELETE", f"/payment/{driver.token}/{external['id']}")
        self.assertEqual(status, 204)
        self.assertEqual([m["id"] for m in driver.wallet()["data"]], [card["id"]])
        self.assertEqual(self.server.api("DELETE", f"/payment/{driver.token}/{external['id']}")[0], 404)
        # another driver cannot delete this one's card
        self.assertEqual(self.server.api("DELETE", f"/payment/{self.driver.token}/{card['id']}")[0], 404)

    # locations

    def test_bounding_box_paging_and_limits(self):
        box = "bottomLeftLat=52.2&bottomLeftLng=4.7&topRightLat=52.6&topRightLng=5.4"
        seen, token, pages = [], None, 0
        while True:
            status, body = self.server.api("GET", f"/locations/boundingbox?{box}&pageSize=100",
                                           headers={"continuationToken": token} if token else None)
            self.assertEqual(status, 200)
            self.assertLessEqual(body["meta"]["count"], 50)
            seen += [s["id"] for s in body["data"]]
            pages += 1
            if not body["meta"]["hasMoreData"]:
                self.assertNotIn("continuationToken", body["meta"])
                break
            token = body["meta"]["continuationToken"]
        self.assertGreater(pages, 2)
        self.assertEqual(len(seen), len(set(seen)))
        self.assertGreater(len(seen), 250)
        for summary_id in (MARGA, VAN_DER_VALK):
            self.assertIn(summary_id, seen)
        # a small page, and a token that belongs to another query
        status, body = self.server.api("GET", f"/locations/boundingbox?{box}&pageSize=3")
        self.assertEqual((status, body["meta"]["count"]), (200, 3))
        status, body = self.server.api("GET", "/locations/boundingbox?bottomLeftLat=52&bottomLeftLng=4&"
                                              "topRightLat=53&topRightLng=6",
                                       headers={"continuationToken": body["meta"]["continuationToken"]})
        self.assertEqual(status, 400)
        self.assertEqual(self.server.api("GET", f"/locations/boundingbox?{box}",
                                         headers={"continuationToken": "garbage!"})[0], 400)

    def test_bounding_box_validation(self):
        for query in ("", "bottomLeftLat=52", "bottomLeftLat=x&bottomLeftLng=4&topRightLat=53&topRightLng=5",
                      "bottomLeftLat=53&bottomLeftLng=4&topRightLat=52&topRightLng=5",
                      "bottomLeftLat=52&bottomLeftLng=4&topRightLat=53&topRightLng=5&pageSize=0",
                      "bottomLeftLat=52&bottomLeftLng=4&topRightLat=53&topRightLng=5&pageSize=101",
                      "bottomLeftLat=95&bottomLeftLng=4&topRightLat=96&topRightLng=5",
                      "bottomLeftLat=52&bottomLeftLng=4&topRightLat=53&topRightLng=5&filter.powerType=XX",
                      "bottomLeftLat=inf&bottomLeftLng=4&topRightLat=53&topRightLng=5"):
            status, body = self.server.api("GET", f"/locations/boundingbox?{query}")
            self.assertEqual(status, 400, query)
            self.assertTrue(is_validation_response(body))

    def test_bounding_box_filters(self):
        box = "bottomLeftLat=52.2&bottomLeftLng=4.7&topRightLat=52.6&topRightLng=5.4&pageSize=50"
        status, body = self.server.api("GET", f"/locations/boundingbox?{box}&filter.powerType=DC")
        self.assertEqual(status, 200)
        self.assertTrue(body["data"])
        for summary in body["data"]:
            _, detail = self.server.api("GET", f"/locations/{summary['id']}")
            self.assertTrue(any(c["powerType"] == "DC" for e in detail["evses"] for c in e["connectors"]))
        status, body = self.server.api("GET", f"/locations/boundingbox?{box}&filter.isAvailable=true")
        self.assertTrue(all(s["conAvail"] > 0 for s in body["data"]))
        status, body = self.server.api("GET", f"/locations/boundingbox?{box}&filter.minKw=100")
        self.assertNotIn(MARGA, [s["id"] for s in body["data"]])

    def test_location_by_evse(self):
        status, body = self.server.api("GET", f"/locations/evse/{EVSE}")
        self.assertEqual(status, 200)
        self.assertEqual((body["id"], [e["uid"] for e in body["evses"]]), (MARGA, [EVSE]))
        _, page = self.server.api("GET", "/locations/boundingbox?bottomLeftLat=52.3&bottomLeftLng=4.8"
                                         "&topRightLat=52.4&topRightLng=5.0")
        generated = next(s["id"] for s in page["data"] if s["id"] != MARGA)
        _, detail = self.server.api("GET", f"/locations/{generated}")
        evse = detail["evses"][-1]
        self.assertRegex(evse["evseId"], r"^NL\*[A-Z]{3}\*E\d+\*\d+$")
        for key in (evse["evseId"], evse["evseId"].replace("*", "%2A"), evse["uid"]):
            status, body = self.server.api("GET", f"/locations/evse/{key}")
            self.assertEqual((status, body["id"], body["evses"][0]["uid"]), (200, generated, evse["uid"]), key)

    # QR

    def test_qr(self):
        status, body = self.server.api("POST", "/qr", {
            "url": "https://a.greenflux.app/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f"})
        self.assertEqual(status, 200)
        self.assertEqual((body["valid"], body["locationId"], body["evseUid"]),
                         (True, MARGA, "NL-GFX-EAddCS123-1"))
        status, body = self.server.api("POST", "/qr", {
            "url": "https://greenflux.app/qr/gsop/greenflux/00000000-0000-4000-8000-000000000000"})
        self.assertEqual(status, 404)
        self.assertTrue(is_validation_response(body))
        status, body = self.server.api("POST", "/qr", {"url": "https://example.com/not-a-charger"})
        self.assertEqual((status, body["valid"]), (200, False))
        status, body = self.server.api("POST", "/qr", {"url": ""})
        self.assertEqual(status, 400)
        self.assertTrue(is_validation_response(body))

    # tariffs

    def test_default_tariff(self):
        status, body = self.server.api("GET", f"/tariff/evse/{MARGA}/{EVSE}?connectorId=1")
        self.assertEqual(status, 200)
        self.assertEqual((body["validity"], body["tariff"]["currency"]), ("VALID", "EUR"))
        # A5 (Marga's fourth EVSE) is not a known tariff: no session is possible there
        status, body = self.server.api("GET", f"/tariff/evse/{MARGA}/NL-GFX-EExternalID123-1")
        self.assertEqual((status, body["status"], body["title"]), (404, 404, "Not Found"))
        status, body = self.server.api("GET", f"/tariff/evse/{MARGA}/NL-GFX-ENOPE")
        self.assertEqual((status, body["status"]), (404, 404))
        status, tariffs = self.server.api("GET", f"/tariff/{self.driver.token}/evse/{MARGA}/NL-GFX-EExternalID123-1")
        self.assertEqual((status, tariffs["data"][0]["validity"]), (200, "NO_TARIFF_FOUND"))


if __name__ == "__main__":
    unittest.main()
