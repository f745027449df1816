"""Location endpoints beyond the bounding box: search, nearby, boundingbox-minimal, live availability,
the v2.1 variants, favorites (v1 and v2.1) and private locations."""
import gzip
import json
import math
import unittest
import uuid

from ..support.server_process import MARGA, VAN_DER_VALK, Driver, ServerProcess

EVSE = "NL-GFX-EChargestation-1"
ALMERE_BOX = "bottomLeftLat=52.30&bottomLeftLng=5.10&topRightLat=52.45&topRightLng=5.35"


def km(a_lat, a_lng, b_lat, b_lng):
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b_lng - a_lng) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def is_validation_response(body):
    return isinstance(body, dict) and isinstance(body.get("validationMessages"), list) and "message" in body


class LocationEndpointsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(time_scale=60, sim_data="full").start()
        cls.driver = Driver(cls.server, "loc-" + uuid.uuid4().hex[:8])
        cls.driver.register()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def get(self, path, headers=None):
        return self.server.api("GET", path, headers=headers)

    def all_pages(self, path):
        items, token = [], None
        for _ in range(500):
            status, body = self.get(path, {"continuationToken": token} if token else None)
            self.assertEqual(status, 200, body)
            self.assertEqual(body["meta"]["count"], len(body["data"]))
            items += body["data"]
            if not body["meta"]["hasMoreData"]:
                return items
            token = body["meta"]["continuationToken"]
        self.fail("paging never ended")

    # search

    def test_large_answers_are_gzipped_for_clients_that_accept_it(self):
        path = "/api/locations/boundingbox?bottomLeftLat=52.30&bottomLeftLng=4.80&topRightLat=52.42&topRightLng=5.00"
        status, headers, plain = self.server.request("GET", path)
        self.assertEqual(status, 200)
        self.assertIsNone(headers.get("Content-Encoding"))
        self.assertGreater(len(plain), 4096, "a page of 50 summaries")
        status, headers, packed = self.server.request("GET", path, headers={"Accept-Encoding": "gzip, br"})
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("Content-Encoding"), "gzip")
        self.assertIn("Accept-Encoding", headers.get("Vary", ""))
        self.assertEqual(int(headers["Content-Length"]), len(packed))
        self.assertLess(len(packed), len(plain) / 3)
        self.assertEqual(json.loads(gzip.decompress(packed)), json.loads(plain))
        # q=0 refuses it; small answers are not worth it
        _, headers, _ = self.server.request("GET", path, headers={"Accept-Encoding": "gzip;q=0"})
        self.assertIsNone(headers.get("Content-Encoding"))
        _, headers, _ = self.server.request("GET", "/api/servicestatus", headers={"Accept-Encoding": "gzip"})
        self.assertIsNone(headers.get("Content-Encoding"))

    def test_search_finds_by_name_city_and_address(self):
        status, body = self.get("/locations/search?q=marga")
        self.assertEqual(status, 200)
        self.assertEqual(body["data"][0]["id"], MARGA)
        status, body = self.get("/locations/search?q=Wagenweg")
        self.assertIn(VAN_DER_VALK, [d["id"] for d in body["data"]])
        for item in self.all_pages("/locations/search?q=almere&pageSize=40"):
            self.assertIn("almere", " ".join(str(item.get(k)) for k in ("name", "add", "city")).lower())

    def test_search_pages_cover_every_hit_once(self):
        items = self.all_pages("/locations/search?q=amsterdam&pageSize=30")
        ids = [i["id"] for i in items]
        self.assertGreater(len(ids), 30)
        self.assertEqual(len(ids), len(set(ids)))

    def test_search_needs_a_query_and_valid_filters(self):
        for path in ("/locations/search", "/locations/search?q=", "/locations/search?q=a&pageSize=0",
                     "/locations/search?q=a&filter.powerType=XY", "/locations/search?q=" + "x" * 300):
            status, body = self.get(path)
            self.assertEqual(status, 400, path)
            self.assertTrue(is_validation_response(body), body)

    def test_search_v2_gives_full_models(self):
        status, body = self.get("/v2.1/locations/search?q=marga")
        self.assertEqual(status, 200)
        self.assertEqual(body["data"][0]["id"], MARGA)
        self.assertEqual(len(body["data"][0]["evses"]), 4)

    # nearby

    def test_nearby_is_within_50_km_capable_first_then_nearest(self):
        lat, lng = 52.37707, 5.21647
        status, body = self.get(f"/locations/nearby?latitude={lat}&longitude={lng}")
        self.assertEqual(status, 200)
        data = body["data"]
        self.assertEqual(len(data), 25)
        self.assertEqual(data[0]["id"], MARGA)
        distances = [km(lat, lng, d["lat"], d["lng"]) for d in data]
        self.assertTrue(all(d <= 50 for d in distances))
        self.assertEqual(distances, sorted(distances))  # all of these can start sessions
        status, body = self.get("/locations/nearby?latitude=0&longitude=0")
        self.assertEqual((status, body["data"]), (200, []))
        status, body = self.get("/locations/nearby?latitude=52.3")
        self.assertEqual(status, 400)
        status, body = self.get(f"/v2.1/locations/nearby?latitude={lat}&longitude={lng}&pageSize=5")
        self.assertEqual(len(body["data"]), 5)
        self.assertIn("evses", body["data"][0])

    # minimal and v2.1 bounding box

    def test_minimal_counts_agree_with_the_full_summaries(self):
        full = {d["id"]: d for d in self.all_pages(f"/locations/boundingbox?{ALMERE_BOX}")}
        status, body = self.get(f"/locations/boundingbox-minimal?{ALMERE_BOX}&pageSize=1000")
        self.assertEqual(status, 200)
        minimal = {d["locationId"]: d for d in body["data"]}
        self.assertEqual(set(minimal), set(full))
        for loc_id, m in minimal.items():
            self.assertEqual((m["evsesAvailableCount"], m["evsesCount"]),
                             (full[loc_id]["conAvail"], full[loc_id]["conTot"]))
            self.assertEqual((m["lat"], m["lon"]), (full[loc_id]["lat"], full[loc_id]["lng"]))
        status, body = self.get(f"/v2.1/locations/boundingbox?{ALMERE_BOX}")
        self.assertEqual(status, 200)
        self.assertLessEqual(len(body["data"]), 50)
        self.assertIn("evses", body["data"][0])

    # availability

    def test_availability_is_live(self):
        other = "api-" + uuid.uuid4().hex[:8]
        driver = Driver(self.server, other)
        driver.register()
        card = driver.valid_card("AVAIL00001")
        status, body = self.server.api("POST", "/locations/availability", {"locationIds": [MARGA, "nope", MARGA]})
        self.assertEqual(status, 200)
        self.assertEqual([d["id"] for d in body["data"]], [MARGA])
        before = {e["uid"]: e["status"] for e in body["data"][0]["evses"]}
        self.assertEqual(before[EVSE], "AVAILABLE")
        session = driver.start(MARGA, EVSE, card["id"])
        status, body = self.server.api("POST", "/locations/availability", {"locationIds": [MARGA]})
        after = {e["uid"]: e["status"] for e in body["data"][0]["evses"]}
        self.assertEqual(after[EVSE], "CHARGING")
        driver.stop(session)
        driver.wait_status(session, "CANCELLED", "CDR_AVAILABLE", "COMPLETED")

    def test_availability_limits(self):
        for body in ({"locationIds": []}, {"locationIds": ["x"] * 21}, {"locationIds": [1]}, {}, {"locationIds": "x"}):
            status, answer = self.server.api("POST", "/locations/availability", body)
            self.assertEqual(status, 400, body)
            self.assertEqual(answer["statusCode"], 400)
            self.assertIn("locationIds", answer["value"]["message"])

    # favorites

    def test_favorite_filter_is_the_drivers_own(self):
        """filter.isFavorite lists the favourites of filter.appToken's driver only: without a token, or
        with another driver's, nothing; search honours it too. The sheet lists the facilities."""
        token = self.driver.token
        status, _ = self.server.api("POST", f"/favorites/{token}/location/{MARGA}", {})
        self.assertEqual(status, 204)
        try:
            status, body = self.get(f"/locations/boundingbox?{ALMERE_BOX}&filter.isFavorite=true")
            self.assertEqual((status, body["data"]), (200, []))
            other = f"nobody-{uuid.uuid4().hex}"
            status, body = self.get(f"/locations/boundingbox?{ALMERE_BOX}&filter.isFavorite=true&filter.appToken={other}")
            self.assertEqual((status, body["data"]), (200, []))
            status, body = self.get(f"/locations/search?q=marga&filter.isFavorite=true&filter.appToken={token}")
            self.assertEqual([d["id"] for d in body["data"]], [MARGA])
            status, body = self.get(f"/locations/search?q=van%20der%20valk&filter.isFavorite=true&filter.appToken={token}")
            self.assertEqual(body["data"], [])
            status, body = self.get(f"/locations/boundingbox?{ALMERE_BOX}&filter.isFavorite=maybe&filter.appToken={token}")
            self.assertEqual(status, 400)
            status, body = self.get(f"/locations/{MARGA}")
            self.assertEqual(body["facilities"], ["MALL"])
        finally:
            self.server.api("DELETE", f"/favorites/{token}/location/{MARGA}")

    def test_favorites_v1_and_v2(self):
        token = self.driver.token
        for prefix in ("", "/v2.1"):
            status, _ = self.server.api("POST", f"{prefix}/favorites/{token}/location/{MARGA}",
                                        {"displayName": "Home"})
            self.assertEqual(status, 204)
            status, _ = self.server.api("POST", f"{prefix}/favorites/{token}/location/{VAN_DER_VALK}", raw=b"")
            self.assertEqual(status, 204)
            status, body = self.get(f"{prefix}/favorites/{token}/locations?userLatitude=52.48&userLongitude=5.03")
            self.assertEqual(status, 200)
            self.assertEqual([d["id"] for d in body["data"]], [VAN_DER_VALK, MARGA])  # nearest first
            self.assertEqual(body["data"][1]["displayName"], "Home")
            status, body = self.get(f"/locations/boundingbox?{ALMERE_BOX}&filter.isFavorite=true"
                                    f"&filter.appToken={token}")
            self.assertEqual([d["id"] for d in body["data"]], [MARGA])
            for loc in (MARGA, VAN_DER_VALK):
                status, _ = self.server.api("DELETE", f"{prefix}/favorites/{token}/location/{loc}")
                self.assertEqual(status, 204)
            status, body = self.server.api("DELETE", f"{prefix}/favorites/{token}/location/{MARGA}")
            self.assertEqual(status, 404)
            self.assertIsInstance(body, str)
            status, body = self.get(f"{prefix}/favorites/{token}/locations")
            self.assertEqual(body["data"], [])
        status, body = self.server.api("POST", f"/favorites/{token}/location/nl-gfx-unknown", {})
        self.assertEqual(status, 404)
        status, body = self.server.api("POST", f"/favorites/nobody-{uuid.uuid4().hex}/location/{MARGA}", {})
        self.assertEqual(status, 404)
        status, body = self.server.api("POST", f"/favorites/{token}/location/{MARGA}", raw=b"{bad")
        self.assertEqual(status, 400)


class StartUpTest(unittest.TestCase):
    def test_no_half_built_map_while_the_network_loads(self):
        with ServerProcess(sim_data="full") as server:
            # asked the moment the server listens, while the network is still being built
            status, body = server.api("GET", "/locations/search?q=Berlin&pageSize=100")
            self.assertEqual(status, 200)
            self.assertEqual(len(body["data"]), 100)
            self.assertEqual(body["data"][0]["country"], "DEU")


if __name__ == "__main__":
    unittest.main()
