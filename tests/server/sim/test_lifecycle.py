"""Session life cycle paths other than the happy one, driven by the charger-side control API:
waiting for the cable, time-out, cancel, full battery, unplug, fault, rejections, ownership."""
import datetime as dt
import time
import unittest
import uuid

from ..support.server_process import MARGA, VAN_DER_VALK, Driver, ServerProcess

AVAILABLE_AC = "NL-GFX-ENL-GFX-Ramya-TEST01-1"   # Marga, 7 kW, A1
BUSY = "NL-GFX-EAddCS123-1"                      # Marga, CHARGING in the seed
UNKNOWN_STATUS = "NL-GFX-EExternalID123-1"       # Marga, UNKNOWN, tariff A5 which does not exist
VDV_FREE = "NL-GFX-EVdValkVolendam-1"            # Van der Valk, AVAILABLE


def free_generated_evse(server, skip=()):
    """An AVAILABLE EVSE of a generated location near Almere, with its location id."""
    status, body = server.api("GET", "/locations/boundingbox?bottomLeftLat=52.30&bottomLeftLng=5.10"
                                     "&topRightLat=52.45&topRightLng=5.35&filter.isAvailable=true&pageSize=50")
    assert status == 200, body
    for summary in body["data"]:
        if not summary["id"].startswith("nl-gfx-") or summary["id"] == MARGA:
            continue
        _, location = server.api("GET", f"/locations/{summary['id']}")
        for evse in location["evses"]:
            if evse["status"] == "AVAILABLE" and not evse["chargingNotAllowed"] and evse["uid"] not in skip:
                return location["id"], evse
    raise AssertionError("no free generated EVSE found")


class LifecycleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(time_scale=60).start()
        cls.driver = Driver(cls.server, "life-" + uuid.uuid4().hex[:8])
        cls.driver.register()
        cls.card = cls.driver.valid_card("NLGFX12345678")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def setUp(self):
        # every test leaves the seed EVSEs as it found them
        for evse in (AVAILABLE_AC, VDV_FREE):
            self.server.control(evse, "reset")

    def start(self, evse, location=MARGA):
        return self.driver.start(location, evse, self.card["id"])

    def test_waits_for_the_cable_then_charges_when_plugged(self):
        status, body = self.server.control(AVAILABLE_AC, "never_plug")
        self.assertEqual(status, 200, body)
        session = self.start(AVAILABLE_AC)
        starting = self.driver.wait_status(session, "STARTING")
        self.assertIsNone(starting["energyInKwh"])
        self.assertIsNone(starting["startTime"])
        self.assertIsNone(starting["usageSummary"])
        self.assertEqual(self.driver.evse_status(MARGA, AVAILABLE_AC), "CHARGING")  # taken while starting
        status, body = self.server.control(AVAILABLE_AC, "plug")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["session"]["chargeSessionId"], session)
        charging = self.driver.wait_status(session, "CHARGING")
        self.assertIsNotNone(charging["startTime"])
        self.driver.stop(session)
        self.driver.wait_status(session, "CDR_AVAILABLE")

    def test_times_out_without_a_cable(self):
        self.server.control(AVAILABLE_AC, "never_plug")
        session = self.start(AVAILABLE_AC)
        timed_out = self.driver.wait_status(session, "TIMEOUT")
        self.assertEqual(timed_out["error"], "SOFT_TIME_OUT")
        self.assertIsNone(timed_out["totalCosts"])
        self.assertEqual(self.driver.evse_status(MARGA, AVAILABLE_AC), "AVAILABLE")
        # a final session does not change any more, stopping it included
        self.assertEqual(self.driver.stop(session)["status"], "TIMEOUT")

    def test_stop_before_charging_cancels(self):
        self.server.control(AVAILABLE_AC, "never_plug")
        session = self.start(AVAILABLE_AC)
        self.driver.wait_status(session, "STARTING")
        stopped = self.driver.stop(session)
        self.assertEqual(stopped["status"], "CANCELLED")
        self.assertIsNone(stopped["energyInKwh"])
        self.assertEqual(self.driver.evse_status(MARGA, AVAILABLE_AC), "AVAILABLE")

    def test_full_battery_parks_and_parking_is_not_charging_time(self):
        session = self.start(AVAILABLE_AC)
        self.driver.wait_status(session, "CHARGING")
        self.server.wait_for(lambda: self.driver.status(session)["energyInKwh"] >= 0.05, what="some energy")
        status, body = self.server.control(AVAILABLE_AC, "car_full")
        self.assertEqual(status, 200, body)
        parked = self.driver.wait_status(session, "PARKING")
        self.assertEqual(parked["currentPowerInKw"], 0)
        energy = parked["energyInKwh"]
        self.server.wait_for(lambda: self.driver.status(session)["usageSummary"]["dataPoints"][-1]["status"]
                             == "PARKING", what="a parking meter value")
        self.assertEqual(self.driver.status(session)["energyInKwh"], energy)
        self.assertEqual(self.driver.evse_status(MARGA, AVAILABLE_AC), "CHARGING")
        time.sleep(1.2)  # > 1 simulated minute of parking
        self.driver.stop(session)
        receipt = self.driver.wait_status(session, "CDR_AVAILABLE")
        self.assertEqual(receipt["energyInKwh"], energy)
        lines = {line["dimension"]: line for line in receipt["costBreakdown"]["retailSegments"][0]["items"]}
        self.assertNotIn("PARKING_TIME", lines)  # A1 has no parking fee
        # under a minute of charging (0.05 kWh at 7 kW is 26 s) is billed as one started minute; the
        # minute and more of parking after it is not charging time
        self.assertEqual(lines["TIME"]["quantity"], 1)
        session_seconds = (dt.datetime.fromisoformat(receipt["endTime"])
                           - dt.datetime.fromisoformat(receipt["startTime"])).total_seconds()
        self.assertGreater(session_seconds, 90)  # two started minutes, were parking billed as TIME
        self.assertEqual([p["status"] for p in receipt["usageSummary"]["dataPoints"]][-2:], ["PARKING", "STOPPING"])

    def test_unplugging_ends_the_session(self):
        session = self.start(AVAILABLE_AC)
        self.driver.wait_status(session, "CHARGING")
        status, body = self.server.control(AVAILABLE_AC, "unplug")
        self.assertEqual(status, 200, body)
        self.assertIn(body["session"]["status"], ("STOPPING", "COMPLETED"))
        receipt = self.driver.wait_status(session, "CDR_AVAILABLE")
        self.assertIsNotNone(receipt["totalCosts"])
        self.assertEqual(self.server.control(AVAILABLE_AC, "unplug")[0], 409)

    def test_fault_ends_the_session_and_blocks_the_evse(self):
        session = self.start(AVAILABLE_AC)
        self.driver.wait_status(session, "CHARGING")
        status, body = self.server.control(AVAILABLE_AC, "fault")
        self.assertEqual((status, body["evseStatus"]), (200, "OUTOFORDER"))
        receipt = self.driver.wait_status(session, "CDR_AVAILABLE")
        self.assertEqual(receipt["error"], "UNKNOWN")
        self.assertEqual(self.driver.evse_status(MARGA, AVAILABLE_AC), "OUTOFORDER")
        rejected = self.driver.wait_status(self.start(AVAILABLE_AC), "REJECTED")
        self.assertEqual(rejected["error"], "EVSE_NOT_AVAILABLE")
        status, body = self.server.control(AVAILABLE_AC, "reset")
        self.assertEqual((status, body["evseStatus"]), (200, "AVAILABLE"))

    def test_fault_before_charging_is_an_error(self):
        self.server.control(AVAILABLE_AC, "never_plug")
        session = self.start(AVAILABLE_AC)
        self.driver.wait_status(session, "STARTING")
        self.server.control(AVAILABLE_AC, "fault")
        failed = self.driver.wait_status(session, "ERROR")
        self.assertIsNone(failed["totalCosts"])

    def test_car_plugged_in_before_the_start_charges_right_away(self):
        status, body = self.server.control(VDV_FREE, "plug")
        self.assertEqual((status, body["session"], body["evseStatus"]), (200, None, "AVAILABLE"))
        session = self.start(VDV_FREE, VAN_DER_VALK)
        charging = self.driver.wait_status(session, "CHARGING")
        self.assertIn(charging["currentPowerInKw"], (7.4, 11))  # 11 kW connector; cars take 7.4 or 11
        self.driver.stop(session)
        self.driver.wait_status(session, "CDR_AVAILABLE")

    def test_start_on_a_busy_evse_is_rejected(self):
        session = self.start(BUSY)
        rejected = self.driver.wait_status(session, "REJECTED")
        self.assertEqual(rejected["error"], "EVSE_NOT_AVAILABLE")
        self.assertIsNone(rejected["energyInKwh"])

    def test_second_driver_cannot_take_an_evse_in_use(self):
        session = self.start(AVAILABLE_AC)
        self.driver.wait_status(session, "CHARGING")
        other = Driver(self.server, "other-" + uuid.uuid4().hex[:8])
        other.register()
        card = other.valid_card("OTHER123456")
        rejected = other.wait_status(other.start(MARGA, AVAILABLE_AC, card["id"]), "REJECTED")
        self.assertEqual(rejected["error"], "EVSE_NOT_AVAILABLE")
        # and may not look at or stop the first driver's session
        for method, path, body in (
                ("GET", f"/session/status?appToken={other.token}&chargeSessionId={session}", None),
                ("POST", f"/session/stop?appToken={other.token}", {"chargeSessionId": session})):
            status, answer = self.server.api(method, path, body)
            self.assertEqual(status, 403)
            self.assertIsInstance(answer, str)
        self.assertEqual(self.driver.status(session)["status"], "CHARGING")
        self.driver.stop(session)
        self.driver.wait_status(session, "CDR_AVAILABLE")

    def test_evse_in_unknown_status_is_rejected(self):
        rejected = self.driver.wait_status(self.start(UNKNOWN_STATUS), "REJECTED")
        self.assertEqual(rejected["error"], "EVSE_NOT_AVAILABLE")

    def test_invalid_card_is_rejected_by_the_charge_point(self):
        card = self.driver.valid_card("INVALID0001")
        self.assertEqual(card["verificationStatus"], "INVALID")
        status, tariffs = self.server.api("GET", f"/tariff/{self.driver.token}/evse/{MARGA}/{AVAILABLE_AC}")
        item = next(i for i in tariffs["data"] if i["paymentMethod"]["id"] == card["id"])
        self.assertEqual(item["validity"], "NOT_COMPATIBLE")
        self.assertNotIn("tariff", item)
        session = self.driver.start(VAN_DER_VALK, VDV_FREE, card["id"])
        rejected = self.driver.wait_status(session, "REJECTED")
        self.assertEqual(rejected["error"], "INVALID_TOKEN")
        self.assertEqual(self.driver.evse_status(VAN_DER_VALK, VDV_FREE), "AVAILABLE")

    def test_session_ids_are_case_sensitive(self):
        session = self.start(AVAILABLE_AC)
        status, _ = self.server.api("GET", f"/session/status?appToken={self.driver.token}"
                                           f"&chargeSessionId={session.upper()}")
        self.assertEqual(status, 404)
        self.driver.stop(session)

    def test_dc_session_on_a_generated_location(self):
        location_id, evse = free_generated_evse(self.server)
        connector = evse["connectors"][0]
        session = self.driver.start(location_id, evse["uid"], self.card["id"], connector["id"])
        charging = self.driver.wait_status(session, "CHARGING")
        self.assertGreater(charging["currentPowerInKw"], 0)
        self.assertLessEqual(charging["currentPowerInKw"], connector["kw"])
        self.driver.stop(session)
        receipt = self.driver.wait_status(session, "CDR_AVAILABLE")
        self.assertGreaterEqual(receipt["totalCosts"], 0)
        lines = receipt["costBreakdown"]["retailSegments"][0]["items"]
        self.assertAlmostEqual(sum(line["roundedCost"] for line in lines), receipt["totalCosts"], places=9)

    def operator_post(self, body=None, raw=None):
        status, _, data = self.server.request("POST", "/sim/control", body, raw=raw, headers={
            "X-Sim-Control-Key": self.server.control_key, "Content-Type": "application/json"})
        return status, data

    def test_control_api_rejects_bad_requests(self):
        for body, expected in (({"evseUid": AVAILABLE_AC, "action": "explode"}, 400),
                               ({"evseUid": "NL-GFX-ENOPE-1", "action": "plug"}, 404),
                               ({"action": "plug"}, 400),
                               ({"evseUid": AVAILABLE_AC, "action": "car_full"}, 409)):
            status, data = self.server.control(body.get("evseUid"), body["action"]) if "evseUid" in body else \
                self.operator_post(body)
            self.assertEqual(status, expected, (body, data))
        status, _ = self.operator_post(raw=b"{nope")
        self.assertEqual(status, 400)
        status, headers, _ = self.server.request("GET", "/sim/control")
        self.assertEqual((status, headers["Allow"]), (405, "POST"))
        # an eMI3 id works as well as a uid
        _, location = self.server.api("GET", "/locations/boundingbox?bottomLeftLat=52.3&bottomLeftLng=4.8"
                                             "&topRightLat=52.4&topRightLng=5.0")
        loc_id = next(s["id"] for s in location["data"] if s["id"].startswith("nl-gfx-"))
        _, detail = self.server.api("GET", f"/locations/{loc_id}")
        evse = detail["evses"][0]
        status, body = self.server.control(evse["evseId"], "reset")
        self.assertEqual((status, body["evseUid"]), (200, evse["uid"]))


class CardVerificationTest(unittest.TestCase):
    """At real speed a new card stays PENDING long enough to be seen."""

    def test_pending_card(self):
        with ServerProcess(time_scale=1) as server:
            driver = Driver(server, "pending-" + uuid.uuid4().hex[:8])
            driver.register()
            card = driver.add_card("123456789012")
            status, tariffs = server.api("GET", f"/tariff/{driver.token}/evse/{MARGA}/{AVAILABLE_AC}")
            self.assertEqual(status, 200)
            self.assertEqual(tariffs["data"][0]["validity"], "UNKNOWN")
            self.assertNotIn("tariff", tariffs["data"][0])
            session = driver.start(MARGA, AVAILABLE_AC, card["id"])
            self.assertEqual(driver.status(session)["status"], "REQUESTED")
            rejected = driver.wait_status(session, "REJECTED", timeout=5)
            self.assertEqual(rejected["error"], "INVALID_TOKEN")


if __name__ == "__main__":
    unittest.main()
