"""LocationSummary.evses in the simulator's lists (bounding box, search, nearby, favorites): every EVSE of
the location with its live status and its connectors' standard, AC/DC and power, in the schema's fields
only; boundingbox-minimal stays minimal."""
import unittest
import uuid

from ..support.server_process import MARGA, VAN_DER_VALK, Driver, ServerProcess

ALMERE_BOX = "bottomLeftLat=52.30&bottomLeftLng=5.10&topRightLat=52.45&topRightLng=5.35"
VOLENDAM_BOX = "bottomLeftLat=52.45&bottomLeftLng=4.95&topRightLat=52.52&topRightLng=5.10"
EVSE_FIELDS = {"uid", "chargerType", "status", "agreement", "connectors", "evseId", "displayName"}
CONNECTOR_FIELDS = {"id", "standard", "kw", "powerInKw", "powerType"}
NOT_COUNTED = ("UNKNOWN", "REMOVED", "PLANNED")


def no_nulls(value):
    if isinstance(value, dict):
        return all(v is not None and no_nulls(v) for v in value.values())
    if isinstance(value, list):
        return all(no_nulls(v) for v in value)
    return value is not None


class LocationSummaryEvsesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(time_scale=60, sim_data="seed").start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def get(self, path):
        status, body = self.server.api("GET", path)
        self.assertEqual(status, 200, body)
        return body

    def summary(self, loc_id, path=f"/locations/boundingbox?{ALMERE_BOX}&pageSize=50"):
        for item in self.get(path)["data"]:
            if item["id"] == loc_id:
                return item
        self.fail(f"{loc_id} not in {path}")

    def statuses(self, summary):
        return {e["uid"]: e["status"] for e in summary["evses"]}

    def test_summaries_list_every_evse_with_its_connectors(self):
        page = self.get(f"/locations/boundingbox?{ALMERE_BOX}&pageSize=50")["data"]
        self.assertEqual(len(page), 50)
        for item in page:
            detail = self.get(f"/locations/{item['id']}")
            self.assertTrue(no_nulls(item), item)
            if not detail["evses"]:
                self.assertNotIn("evses", item)
                continue
            self.assertEqual([e["uid"] for e in item["evses"]], [e["uid"] for e in detail["evses"]])
            for short, full in zip(item["evses"], detail["evses"]):
                self.assertLessEqual(set(short), EVSE_FIELDS)
                self.assertEqual(short["status"], full["status"])
                self.assertEqual(short.get("evseId"), full.get("evseId"))
                self.assertEqual(len(short["connectors"]), len(full["connectors"]))
                for c, f in zip(short["connectors"], full["connectors"]):
                    self.assertLessEqual(set(c), CONNECTOR_FIELDS)
                    self.assertEqual((c["id"], c["standard"], c["powerType"], c["kw"]),
                                     (f["id"], f["standard"], f["powerType"], f["kw"]))
                    self.assertEqual(c["powerInKw"], f.get("powerInKw", f["kw"]))
            # conAvail / conTot say the same as the statuses listed
            listed = [e["status"] for e in item["evses"]]
            self.assertEqual(item["conAvail"], listed.count("AVAILABLE"))
            self.assertEqual(item["conTot"], sum(s not in NOT_COUNTED for s in listed))
        kinds = {c["powerType"] for item in page for e in item.get("evses", []) for c in e["connectors"]}
        self.assertIn("DC", kinds)
        self.assertTrue(kinds & {"AC_1_PHASE", "AC_3_PHASE"})

    def test_marga_as_the_walkthrough_counts_it(self):
        marga = self.summary(MARGA)
        self.assertEqual((marga["conAvail"], marga["conTot"]), (2, 3))
        self.assertEqual(self.statuses(marga), {"NL-GFX-EAddCS123-1": "CHARGING", "NL-GFX-EChargestation-1": "AVAILABLE",
                                                "NL-GFX-ENL-GFX-Ramya-TEST01-1": "AVAILABLE",
                                                "NL-GFX-EExternalID123-1": "UNKNOWN"})
        self.assertEqual(marga["evses"][0]["connectors"],
                         [{"id": "1", "standard": "IEC_62196_T2", "kw": 11, "powerInKw": 11.0, "powerType": "AC_3_PHASE"}])

    def test_live_status_follows_faults_sessions_and_offline_chargers(self):
        vdv = self.summary(VAN_DER_VALK, f"/locations/boundingbox?{VOLENDAM_BOX}&pageSize=50")
        uids = list(self.statuses(vdv))
        try:
            for uid in uids:
                self.assertEqual(self.server.control(uid, "fault")[0], 200)
            for path in (f"/locations/boundingbox?{VOLENDAM_BOX}&pageSize=50",
                         "/locations/search?q=Volendam", "/locations/nearby?latitude=52.48&longitude=5.03"):
                item = self.summary(VAN_DER_VALK, path)
                self.assertEqual(set(self.statuses(item).values()), {"OUTOFORDER"}, path)
                self.assertEqual(item["conAvail"], 0)
            self.assertEqual(self.server.control(uids[0], "offline")[0], 200)
            self.assertEqual(self.statuses(self.summary(VAN_DER_VALK, "/locations/search?q=Volendam"))[uids[0]],
                             "OUTOFORDER")  # a broken charger stays broken while offline
            self.server.control(uids[0], "reset")
            self.server.control(uids[0], "offline")
            self.assertEqual(self.statuses(self.summary(VAN_DER_VALK, "/locations/search?q=Volendam"))[uids[0]],
                             "UNKNOWN")
        finally:
            for uid in uids:
                self.server.control(uid, "reset")
        self.assertEqual(self.statuses(self.summary(VAN_DER_VALK, "/locations/search?q=Volendam")),
                         self.statuses(vdv))

        driver = Driver(self.server, "sum-" + uuid.uuid4().hex[:8])
        driver.register()
        card = driver.valid_card("SUMMARY0001")
        evse = "NL-GFX-EChargestation-1"
        session = driver.start(MARGA, evse, card["id"])
        try:
            self.assertEqual(self.statuses(self.summary(MARGA))[evse], "CHARGING")
            self.assertEqual(self.summary(MARGA)["conAvail"], 1)
            v2 = self.summary(MARGA, f"/v2.1/locations/boundingbox?{ALMERE_BOX}&pageSize=50")
            self.assertEqual(self.statuses(v2)[evse], "CHARGING")
        finally:
            driver.stop(session)
            driver.wait_status(session, "CANCELLED", "CDR_AVAILABLE", "COMPLETED")

    def test_a_list_gives_each_branding_in_full_once_then_its_id(self):
        for path in (f"/locations/boundingbox?{ALMERE_BOX}&pageSize=50", "/locations/search?q=a&pageSize=100"):
            seen, branded = {}, 0
            for item in self.get(path)["data"]:
                key = item.get("brandingId") or (item.get("branding") or {}).get("id")
                if key is None:
                    continue
                if "branding" in item:  # (Marga carries its own always, as in the walkthrough)
                    self.assertRegex(item["branding"]["primaryColorHex"], r"^#[0-9A-Fa-f]{6}$", path)
                    seen[key] = item["branding"]
                else:
                    branded += 1
                    self.assertIn(key, seen, f"{path}: {item['name']} names a branding the list has not given")
            self.assertIn("greenflux", seen, path)
            self.assertGreater(branded, 0, f"{path}: no second location of a branded operator to check")

    def test_favorites_carry_evses_and_minimal_stays_minimal(self):
        driver = Driver(self.server, "fav-" + uuid.uuid4().hex[:8])
        driver.register()
        status, _ = self.server.api("POST", f"/favorites/{driver.token}/location/{MARGA}", {"displayName": "Home"})
        self.assertEqual(status, 204)
        for prefix in ("", "/v2.1"):
            item = self.get(f"{prefix}/favorites/{driver.token}/locations")["data"][0]
            self.assertEqual(item["displayName"], "Home")
            self.assertEqual(len(item["evses"]), 4)
        body = self.get(f"/locations/boundingbox-minimal?{ALMERE_BOX}")
        self.assertTrue(body["data"])
        for item in body["data"]:
            self.assertEqual(set(item), {"lat", "lon", "locationId", "evsesCount", "evsesAvailableCount"})


if __name__ == "__main__":
    unittest.main()
