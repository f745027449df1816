"""Smart charging held back until POST /session/highpriority, offline chargers, "require authorization",
the v2.1 session variants' error shape, service status, and private and restricted locations."""
import unittest
import uuid

from server.sim.catalog import load_catalog
from server.sim.locations import is_restricted

from ..support.server_process import MARGA, Driver, ServerProcess

AVAILABLE_AC = "NL-GFX-ENL-GFX-Ramya-TEST01-1"   # Marga, 7 kW


def usable(loc):
    return [e for e in loc["evses"] if e["status"] == "AVAILABLE" and not e["chargingNotAllowed"]
            and e["connectors"][0].get("tariffId")]


def is_v2_error(body):
    return isinstance(body, dict) and set(body) == {"message", "code", "context", "validationStatus"} \
        and body["validationStatus"] == "Error"


class SmartOfflineAccessTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        catalog = load_catalog()
        locations = list(catalog.locations.values())
        cls.smart = next(l for l in locations if l.get("smartChargingEnabled") and not l.get("isPrivateLocation")
                         and not is_restricted(l) and usable(l))
        cls.private = next(l for l in locations if l.get("isPrivateLocation"))
        cls.restricted = next(l for l in locations if is_restricted(l))
        cls.server = ServerProcess(time_scale=60, sim_data="full").start()
        cls.driver = Driver(cls.server, "smart-" + uuid.uuid4().hex[:8])
        cls.driver.register()
        cls.card = cls.driver.valid_card("SMART00001")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def setUp(self):
        self.server.control(AVAILABLE_AC, "reset")

    def test_smart_charging_holds_until_high_priority(self):
        evse = usable(self.smart)[0]
        session = self.driver.start(self.smart["id"], evse["uid"], self.card["id"])
        held = self.driver.wait_status(session, "CHARGING")
        self.assertTrue(held["smartChargingEnabled"])
        self.assertEqual(held["prioritySessionStatus"], "OFF")
        self.assertEqual((held["currentPowerInKw"], held["energyInKwh"]), (0.0, 0.0))
        status, answer = self.server.api("POST", f"/session/highpriority?appToken={self.driver.token}",
                                         {"chargeSessionId": session})
        self.assertEqual((status, answer), (200, {"status": "APPROVED"}))
        charging = self.server.wait_for(lambda: (b := self.driver.status(session))["energyInKwh"] > 0 and b,
                                        what="energy after priority")
        self.assertGreater(charging["currentPowerInKw"], 0)
        self.assertEqual(charging["prioritySessionStatus"], "ON")
        self.driver.stop(session)
        receipt = self.driver.wait_status(session, "CDR_AVAILABLE")
        self.assertGreater(receipt["energyInKwh"], 0)
        status, answer = self.server.api("POST", f"/v2.1/session/highpriority?appToken={self.driver.token}",
                                         {"chargeSessionId": session})
        self.assertEqual((status, answer), (200, {"status": "DENIED"}))  # over: nothing to override

    def test_high_priority_refusals(self):
        session = self.driver.start(MARGA, AVAILABLE_AC, self.card["id"])
        status, answer = self.server.api("POST", f"/session/highpriority?appToken={self.driver.token}",
                                         {"chargeSessionId": session})
        self.assertEqual((status, answer), (200, {"status": "DENIED"}))  # no smart charging at Marga
        self.driver.stop(session)
        status, answer = self.server.api("POST", f"/session/highpriority?appToken={self.driver.token}",
                                         {"chargeSessionId": "nope"})
        self.assertEqual(status, 404)
        self.assertIsInstance(answer, str)
        status, answer = self.server.api("POST", "/v2.1/session/highpriority", raw=b"{")
        self.assertEqual(status, 400)
        self.assertTrue(is_v2_error(answer), answer)

    def test_offline_charger(self):
        status, body = self.server.control(AVAILABLE_AC, "offline")
        self.assertEqual((status, body["evseStatus"]), (200, "UNKNOWN"))
        self.assertEqual(self.driver.evse_status(MARGA, AVAILABLE_AC), "UNKNOWN")
        session = self.driver.start(MARGA, AVAILABLE_AC, self.card["id"])
        self.assertEqual(self.driver.wait_status(session, "REJECTED")["error"], "EVSE_NOT_AVAILABLE")
        status, body = self.server.api("POST", f"/session/start?appToken={self.driver.token}", {
            "locationId": MARGA, "evseUid": AVAILABLE_AC, "paymentMethodId": self.card["id"],
            "ignoreEvseAvailablity": True})
        self.assertEqual(status, 200)
        first = self.driver.status(body["chargeSessionId"])
        self.assertEqual(first["status"], "REQUESTED")
        rejected = self.driver.wait_status(body["chargeSessionId"], "REJECTED")
        self.assertEqual(rejected["error"], "COMMAND_TIMED_OUT")
        self.server.control(AVAILABLE_AC, "online")
        self.assertEqual(self.driver.evse_status(MARGA, AVAILABLE_AC), "AVAILABLE")

    def test_require_authorization_charges_once_the_start_arrives(self):
        self.server.control(AVAILABLE_AC, "never_plug")  # no car would come by itself...
        status, body = self.server.control(AVAILABLE_AC, "require_authorization")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["evseStatus"], "AVAILABLE")  # plugged, waiting, no session: still startable
        session = self.driver.start(MARGA, AVAILABLE_AC, self.card["id"])
        # Until the authorization reaches the charger, the station's meter data says a car is on the
        # cable with no current: STARTING (or REQUESTED) with 0 kW and 0 kWh, no start time.
        waiting = self.driver.wait_status(session, "STARTING")
        self.assertEqual((waiting["currentPowerInKw"], waiting["energyInKwh"], waiting["startTime"]), (0.0, 0.0, None))
        charging = self.driver.wait_status(session, "CHARGING")  # ...but this one is already plugged in
        self.assertIsNotNone(charging["startTime"])
        self.driver.stop(session)
        status, body = self.server.control(AVAILABLE_AC, "fault")
        status, body = self.server.control(AVAILABLE_AC, "require_authorization")
        self.assertEqual(status, 409)

    def test_a_method_the_location_does_not_take_is_rejected(self):
        marga = load_catalog().locations[MARGA]
        self.assertNotIn("EXTERNAL", marga["pms"])
        status, external = self.server.api("PUT", f"/payment/{self.driver.token}/external",
                                           {"externalPaymentMethodId": "room-12"})
        self.assertEqual(status, 200, external)
        listed = {m["id"]: m for m in self.driver.wallet(MARGA)["data"]}
        self.assertIs(listed[external["id"]]["isCompatible"], False)
        self.assertIs(listed[self.card["id"]]["isCompatible"], True)
        session = self.driver.start(MARGA, AVAILABLE_AC, external["id"])
        rejected = self.driver.wait_status(session, "REJECTED", "CHARGING", "CDR_AVAILABLE")
        self.assertEqual((rejected["status"], rejected["error"]), ("REJECTED", "INVALID_TOKEN"))
        self.assertIsNone(rejected["startTime"])
        self.assertEqual(self.driver.evse_status(MARGA, AVAILABLE_AC), "AVAILABLE")
        # the compatible card still starts there
        session = self.driver.start(MARGA, AVAILABLE_AC, self.card["id"])
        self.driver.wait_status(session, "CHARGING")
        self.driver.stop(session)
        self.driver.wait_status(session, "COMPLETED", "CDR_AVAILABLE")

    def test_plugging_in_a_car_that_is_already_charging_changes_nothing(self):
        session = self.driver.start(MARGA, AVAILABLE_AC, self.card["id"])
        self.driver.wait_status(session, "CHARGING")  # the car came by itself
        status, body = self.server.control(AVAILABLE_AC, "plug")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["session"], {"chargeSessionId": session, "status": "CHARGING"})
        self.driver.stop(session)
        self.driver.wait_status(session, "COMPLETED", "CDR_AVAILABLE")
        status, body = self.server.control(AVAILABLE_AC, "plug")  # no session: a car now waits for one
        self.assertEqual(status, 200, body)

    def test_v2_sessions_answer_errors_in_their_shape(self):
        stranger = "nobody-" + uuid.uuid4().hex
        cases = (("POST", f"/v2.1/session/start?appToken={stranger}", {"locationId": MARGA, "evseUid": AVAILABLE_AC,
                                                                        "paymentMethodId": "x"}, 403),
                 ("POST", f"/v2.1/session/start?appToken={self.driver.token}", {"locationId": MARGA}, 400),
                 ("GET", f"/v2.1/session/status?appToken={self.driver.token}&chargeSessionId=nope", None, 404),
                 ("POST", f"/v2.1/session/stop?appToken={self.driver.token}", {}, 400))
        for method, path, body, expected in cases:
            status, answer = self.server.api(method, path, body)
            self.assertEqual(status, expected, path)
            self.assertTrue(is_v2_error(answer), answer)
        session = self.server.api("POST", f"/v2.1/session/start?appToken={self.driver.token}", {
            "locationId": MARGA, "evseUid": AVAILABLE_AC, "paymentMethodId": self.card["id"]})[1]["chargeSessionId"]
        status, answer = self.server.api("GET", f"/v2.1/session/status?appToken={self.driver.token}"
                                                f"&chargeSessionId={session}")
        self.assertEqual((status, answer["sessionId"]), (200, session))
        status, answer = self.server.api("POST", f"/v2.1/session/stop?appToken={self.driver.token}",
                                         {"chargeSessionId": session})
        self.assertEqual(status, 200)
        status, history = self.server.api("GET", f"/v2.1/token/{self.driver.token}/sessions")
        mine = [h for h in history["data"] if h["chargeSessionId"] == session]
        self.assertEqual(mine[0]["locationSummary"]["locationId"], MARGA)
        self.assertEqual(mine[0]["locationSummary"]["evseUid"], AVAILABLE_AC)
        status, answer = self.server.api("GET", f"/v2.1/token/{stranger}/sessions")
        self.assertEqual((status, answer["status"]), (404, 404))  # problem details here

    def test_service_status(self):
        status, _, data = self.server.request("GET", "/api/servicestatus")
        self.assertEqual((status, data), (200, b""))

    def test_private_locations_need_a_registered_token(self):
        loc = self.private
        c = loc["coordinates"]
        box = (f"/locations/boundingbox?bottomLeftLat={c['latitude'] - 0.001}&bottomLeftLng={c['longitude'] - 0.001}"
               f"&topRightLat={c['latitude'] + 0.001}&topRightLng={c['longitude'] + 0.001}")
        ids = lambda path: [d["id"] for d in self.server.api("GET", path)[1]["data"]]
        self.assertNotIn(loc["id"], ids(box))
        self.assertNotIn(loc["id"], ids(box + "&filter.appToken=not-registered"))
        self.assertIn(loc["id"], ids(box + f"&filter.appToken={self.driver.token}"))
        status, body = self.server.api("GET", f"/locations/{loc['id']}")
        self.assertEqual(status, 403)
        self.assertIsInstance(body, str)
        status, body = self.server.api("GET", f"/locations/{loc['id']}?filter.appToken={self.driver.token}")
        self.assertEqual((status, body["isPrivateLocation"]), (200, True))
        status, body = self.server.api("GET", f"/privatelocations/{self.driver.token}?pageSize=100")
        self.assertEqual(status, 200)
        self.assertTrue(all(d["isPrivateLocation"] for d in body["data"]))

    def test_restricted_locations_only_when_asked(self):
        loc = self.restricted
        c = loc["coordinates"]
        box = (f"/locations/boundingbox?bottomLeftLat={c['latitude'] - 0.001}&bottomLeftLng={c['longitude'] - 0.001}"
               f"&topRightLat={c['latitude'] + 0.001}&topRightLng={c['longitude'] + 0.001}")
        ids = lambda path: [d["id"] for d in self.server.api("GET", path)[1]["data"]]
        self.assertNotIn(loc["id"], ids(box))
        self.assertIn(loc["id"], ids(box + "&filter.restrictedAccess=true"))
        status, body = self.server.api("GET", f"/locations/{loc['id']}")
        self.assertEqual(status, 200)
        self.assertTrue(all(e["restrictedAccess"] for e in body["evses"]))


if __name__ == "__main__":
    unittest.main()
