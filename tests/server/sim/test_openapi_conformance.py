"""Every response body the simulator gives on a tour of all its endpoints (successes and errors) is
checked against the schema the OpenAPI description documents for that path, method and status."""
import json
import unittest
import urllib.parse
import uuid

from ..support.openapi_check import OPENAPI, OpenApi
from ..support.server_process import MARGA, VAN_DER_VALK, Driver, ServerProcess

EVSE = "NL-GFX-ENL-GFX-Ramya-TEST01-1"
QR = "https://a.greenflux.app/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f"
BOX = "bottomLeftLat=52.30&bottomLeftLng=4.90&topRightLat=52.55&topRightLng=5.30"
# statuses the description does not list but any endpoint may give, with the body shape they use
TRANSPORT = {405, 411, 413}


@unittest.skipUnless(OPENAPI.exists(), "the OpenAPI description is not next to this checkout")
class OpenApiConformanceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spec = OpenApi()
        cls.server = ServerProcess(time_scale=120, sim_data="full").start()
        cls.seen = []         # (method, template, status)
        cls.problems = []

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def call(self, method, path, body=None, headers=None, raw=None, expect=None):
        status, data = self.server.api(method, path, body, headers, raw)
        bare = urllib.parse.urlsplit(path).path
        template, operation = self.spec.operation(method, bare)
        where = f"{method} {path} -> {status}"
        if expect is not None:
            self.assertEqual(status, expect, f"{where}: {data}")
        if operation is None and status == 405 and self.spec.operation("GET", bare)[1] is not None:
            return status, data  # a known path asked with a method it does not have
        if operation is None:
            self.problems.append(f"{where}: not in the description")
            return status, data
        self.seen.append((method, template, status))
        documented, schema = self.spec.response_schema(operation, status)
        if not documented:
            if status in TRANSPORT and isinstance(data, dict) and {"title", "status", "detail"} <= set(data):
                return status, data
            if 200 <= status < 300:
                self.problems.append(f"{where}: success status not documented")
            elif status == 400 and (isinstance(data, dict) and "validationMessages" in data):
                return status, data  # validation the description leaves out (e.g. nearby without latitude)
            else:
                self.problems.append(f"{where}: status not documented ({data!r:.80})")
            return status, data
        if status == 204 or schema is None:
            # 204 carries no body whatever schema the description attaches to it
            if data not in (None, ""):
                self.problems.append(f"{where}: a body where none is documented")
            return status, data
        # The API serializes nulls (the walkthrough shows "endTime": null), and its description, generated
        # from .NET models, cannot mark a referenced object nullable: a null object reference is allowed.
        for error in self.spec.errors(data, schema, ref_null_ok=True):
            self.problems.append(f"{where}: {error}")
        return status, data

    def assert_clean(self):
        problems, self.problems[:] = list(self.problems), []
        self.assertEqual(problems, [], "\n".join(problems[:40]))

    def test_tour_of_every_endpoint(self):
        token = "oa-" + uuid.uuid4().hex[:10]
        stranger = "nobody-" + uuid.uuid4().hex[:10]
        c = self.call
        # tokens
        c("PUT", f"/token/{token}", expect=200)
        c("PUT", "/token", {"appToken": token, "driverId": "drv-1"}, expect=200)
        c("PUT", "/token", {"driverId": 5}, expect=400)
        c("POST", "/v2.1/token", {"appToken": token}, expect=200)
        c("POST", "/v2.1/token", raw=b"[", expect=400)
        c("GET", f"/v2.1/token/{token}", expect=200)
        c("GET", f"/v2.1/token/{stranger}", expect=404)
        # wallet
        driver = Driver(self.server, token)
        card = driver.valid_card("770674109963002836")
        c("PUT", f"/payment/{token}/chargecard", {"visualNumber": "INVALIDCARD1"}, expect=200)
        c("PUT", f"/payment/{token}/chargecard", {"visualNumber": "x"}, expect=400)
        c("PUT", f"/payment/{stranger}/chargecard", {"visualNumber": "12345678"}, expect=404)
        _, external = c("PUT", f"/payment/{token}/external", {"externalPaymentMethodId": "psp-123"}, expect=200)
        c("PUT", f"/payment/{token}/external", {}, expect=400)
        c("GET", f"/payment/{token}/wallet", expect=200)
        c("GET", f"/payment/{token}/wallet?locationId={MARGA}", expect=200)
        c("GET", f"/payment/{stranger}/wallet", expect=404)
        c("DELETE", f"/payment/{token}/{external['id']}", expect=204)
        c("DELETE", f"/payment/{token}/{external['id']}", expect=404)
        # locations
        c("GET", f"/locations/boundingbox?{BOX}", expect=200)
        c("GET", f"/locations/boundingbox?{BOX}&filter.powerType=DC&filter.isAvailable=true&pageSize=5", expect=200)
        _, page = c("GET", f"/locations/boundingbox?{BOX}&pageSize=10", expect=200)
        # the summaries carry their EVSEs (EvseSummary, ConnectorSummary), so those schemas are checked too
        self.assertTrue(all(d.get("evses") and d["evses"][0].get("connectors") for d in page["data"]))
        c("GET", f"/locations/boundingbox?{BOX}&pageSize=10",
          headers={"continuationToken": page["meta"]["continuationToken"]}, expect=200)
        c("GET", "/locations/boundingbox?bottomLeftLat=x", expect=400)
        c("GET", f"/locations/boundingbox-minimal?{BOX}", expect=200)
        c("GET", "/locations/boundingbox-minimal?bottomLeftLat=1", expect=400)
        c("GET", f"/v2.1/locations/boundingbox?{BOX}&pageSize=5", expect=200)
        c("GET", f"/v2.1/locations/boundingbox-minimal?{BOX}", expect=200)
        c("GET", "/locations/nearby?latitude=52.37&longitude=5.21", expect=200)
        c("GET", "/v2.1/locations/nearby?latitude=50.85&longitude=4.35&pageSize=10", expect=200)
        c("GET", "/locations/search?q=station&userLatitude=52.1&userLongitude=5.1", expect=200)
        c("GET", "/v2.1/locations/search?q=Berlin&pageSize=5", expect=200)
        c("GET", "/locations/search", expect=400)
        c("GET", f"/locations/{MARGA}", expect=200)
        c("GET", f"/v2.1/locations/{VAN_DER_VALK}", expect=200)
        c("GET", "/locations/nl-gfx-unknown", expect=404)
        c("GET", f"/locations/evse/{EVSE}", expect=200)
        c("GET", "/v2.1/locations/evse/NL*GFX*EChargestation*1", expect=200)
        c("GET", "/locations/evse/NL*XXX*E0*0", expect=404)
        c("POST", "/locations/availability", {"locationIds": [MARGA, VAN_DER_VALK]}, expect=200)
        c("POST", "/locations/availability", {"locationIds": []}, expect=400)
        c("GET", f"/privatelocations/{token}?pageSize=3", expect=200)
        c("GET", f"/privatelocations/{stranger}", expect=404)
        # favorites
        for prefix in ("", "/v2.1"):
            c("POST", f"{prefix}/favorites/{token}/location/{MARGA}", {"displayName": "Work"}, expect=204)
            c("GET", f"{prefix}/favorites/{token}/locations?userLatitude=52.3&userLongitude=5.2", expect=200)
            c("DELETE", f"{prefix}/favorites/{token}/location/{MARGA}", expect=204)
            c("DELETE", f"{prefix}/favorites/{token}/location/{MARGA}", expect=404)
            c("POST", f"{prefix}/favorites/{token}/location/nl-gfx-unknown", expect=404)
        # QR
        c("POST", "/qr", {"url": QR}, expect=200)
        c("POST", "/qr", {"url": "https://example.com/x"}, expect=200)
        c("POST", "/qr", {"url": "https://a.greenflux.app/qr/gsop/x/00000000-0000-0000-0000-000000000000"}, expect=404)
        c("POST", "/qr", {}, expect=400)
        # tariffs
        c("GET", f"/tariff/{token}/evse/{MARGA}/{EVSE}?connectorId=1", expect=200)
        c("GET", f"/tariff/{stranger}/evse/{MARGA}/{EVSE}", expect=404)
        c("GET", f"/tariff/evse/{MARGA}/{EVSE}", expect=200)
        c("GET", f"/tariff/evse/{MARGA}/NL-GFX-EExternalID123-1", expect=404)
        c("GET", "/tariff/evse/nl-x/NL-X-1", expect=404)
        # sessions, v1
        _, started = c("POST", f"/session/start?appToken={token}", {
            "locationId": MARGA, "evseUid": EVSE, "connectorId": "1", "paymentMethodId": card["id"]}, expect=200)
        session = started["chargeSessionId"]
        c("GET", f"/session/status?appToken={token}&chargeSessionId={session}", expect=200)
        driver.wait_status(session, "CHARGING")
        self.server.wait_for(lambda: driver.status(session)["usageSummary"]["dataPoints"], what="meter values")
        c("GET", f"/session/status?appToken={token}&chargeSessionId={session}&maxDataPoints=5", expect=200)
        c("POST", f"/session/highpriority?appToken={token}", {"chargeSessionId": session}, expect=200)
        c("POST", "/session/highpriority", {"chargeSessionId": session}, expect=400)  # a session id is no key
        c("POST", f"/session/stop?appToken={token}", {"chargeSessionId": session}, expect=200)
        driver.wait_status(session, "CDR_AVAILABLE")
        _, receipt = c("GET", f"/session/status?appToken={token}&chargeSessionId={session}", expect=200)
        self.assertIsNotNone(receipt["costBreakdown"])
        _, rejected = c("POST", f"/session/start?appToken={token}", {
            "locationId": MARGA, "evseUid": "NL-GFX-EAddCS123-1", "paymentMethodId": card["id"]}, expect=200)
        driver.wait_status(rejected["chargeSessionId"], "REJECTED")
        c("GET", f"/session/status?appToken={token}&chargeSessionId={rejected['chargeSessionId']}", expect=200)
        c("POST", f"/session/start?appToken={token}", {"locationId": MARGA}, expect=400)
        c("POST", f"/session/start?appToken={stranger}", {"locationId": MARGA, "evseUid": EVSE,
                                                           "paymentMethodId": "x"}, expect=403)
        c("POST", f"/session/start?appToken={token}", {"locationId": "nl-x", "evseUid": EVSE,
                                                        "paymentMethodId": card["id"]}, expect=404)
        c("GET", f"/session/status?appToken={token}&chargeSessionId=nope", expect=404)
        c("POST", f"/session/stop?appToken={token}", {"chargeSessionId": "nope"}, expect=404)
        c("POST", f"/session/highpriority?appToken={token}", {"chargeSessionId": "nope"}, expect=404)
        c("GET", f"/token/{token}/sessions", expect=200)
        c("GET", f"/token/{token}/sessions?filter.sessionStatus=CDR_AVAILABLE&sortDesc=false", expect=200)
        c("GET", f"/token/{stranger}/sessions", expect=404)
        # sessions, v2.1
        _, started = c("POST", f"/v2.1/session/start?appToken={token}", {
            "locationId": MARGA, "evseUid": EVSE, "paymentMethodId": card["id"]}, expect=200)
        c("GET", f"/v2.1/session/status?appToken={token}&chargeSessionId={started['chargeSessionId']}", expect=200)
        c("POST", f"/v2.1/session/stop?appToken={token}", {"chargeSessionId": started["chargeSessionId"]}, expect=200)
        c("POST", f"/v2.1/session/start?appToken={stranger}", {"locationId": MARGA, "evseUid": EVSE,
                                                                "paymentMethodId": "x"}, expect=403)
        c("GET", f"/v2.1/session/status?appToken={token}&chargeSessionId=nope", expect=404)
        c("POST", f"/v2.1/session/highpriority?appToken={token}", {"chargeSessionId": started["chargeSessionId"]},
          expect=200)
        c("GET", f"/v2.1/token/{token}/sessions", expect=200)
        c("GET", f"/v2.1/token/{stranger}/sessions", expect=404)
        c("GET", "/servicestatus", expect=200)
        # transport level
        c("PATCH", f"/locations/{MARGA}", expect=405)
        c("POST", f"/session/start?appToken={token}", raw=b"x" * 70000, expect=413)
        self.assert_clean()
        self.check_coverage()

    def check_coverage(self):
        """Every path and method the simulator serves was seen answering successfully."""
        served = {("PUT", "/token/{appToken}"), ("PUT", "/token"), ("POST", "/v2.1/token"),
                  ("GET", "/v2.1/token/{appToken}"), ("GET", "/token/{appToken}/sessions"),
                  ("GET", "/v2.1/token/{appToken}/sessions"), ("PUT", "/payment/{appToken}/chargecard"),
                  ("PUT", "/payment/{appToken}/external"), ("GET", "/payment/{appToken}/wallet"),
                  ("DELETE", "/payment/{appToken}/{id}"), ("POST", "/qr"),
                  ("GET", "/tariff/{appToken}/evse/{locationId}/{evseUid}"),
                  ("GET", "/tariff/evse/{locationId}/{evseUid}"), ("POST", "/session/start"),
                  ("GET", "/session/status"), ("POST", "/session/stop"), ("POST", "/session/highpriority"),
                  ("POST", "/v2.1/session/start"), ("GET", "/v2.1/session/status"), ("POST", "/v2.1/session/stop"),
                  ("POST", "/v2.1/session/highpriority"), ("GET", "/servicestatus"),
                  ("GET", "/privatelocations/{appToken}"), ("POST", "/locations/availability")}
        for prefix in ("", "/v2.1"):
            served |= {("GET", prefix + p) for p in ("/locations/boundingbox", "/locations/boundingbox-minimal",
                                                     "/locations/nearby", "/locations/search", "/locations/{id}",
                                                     "/locations/evse/{evseUid}", "/favorites/{appToken}/locations")}
            served |= {(m, prefix + "/favorites/{appToken}/location/{id}") for m in ("POST", "DELETE")}
        ok = {(m, t) for m, t, s in self.seen if 200 <= s < 300}
        self.assertEqual(sorted(served - ok), [])


@unittest.skipUnless(OPENAPI.exists(), "the OpenAPI description is not next to this checkout")
class OpenApiCheckTest(unittest.TestCase):
    """The checker itself finds what is wrong (so a clean tour means something)."""

    def test_finds_faults(self):
        spec = OpenApi()
        ref = {"$ref": "#/components/schemas/LocationSummaryGeoListResponse"}
        good = {"data": [{"id": "x", "type": "ON_STREET", "lat": 52.1, "lng": 5.1, "conAvail": 1, "conTot": 2}],
                "meta": {"count": 1, "hasMoreData": False}}
        self.assertEqual(spec.errors(good, ref), [])
        bad = json.loads(json.dumps(good))
        bad["data"][0].update(conAvail="1", type="ON_ROOF", extra=True)
        bad["meta"]["count"] = 1.5
        errors = "\n".join(spec.errors(bad, ref))
        for fragment in ("conAvail: expected an integer", "'ON_ROOF' is not one of", "unexpected property extra",
                         "meta.count: expected an integer"):
            self.assertIn(fragment, errors)
        status = {"$ref": "#/components/schemas/StatusResponse"}
        errors = "\n".join(spec.errors({"status": "CHARGING", "startTime": "2021-06-14 10:59"}, status))
        self.assertIn("missing required sessionId", errors)
        self.assertIn("not an ISO 8601 date-time", errors)
        self.assertIn("null where", "\n".join(spec.errors({"usageSummary": None}, status)))
        self.assertFalse([e for e in spec.errors({"usageSummary": None}, status, ref_null_ok=True)
                          if "usageSummary" in e])


if __name__ == "__main__":
    unittest.main()
