"""The driver's whole journey against the real server: token, card, wallet, map, location, tariff, start,
charging, stop, receipt and history, with the receipt checked against an independent calculation."""
import datetime as dt
import time
import unittest
import uuid
from fractions import Fraction

from ..support.billing import a1_bill, metered_kwh
from ..support.server_process import MARGA, VAN_DER_VALK, Driver, ServerProcess

SEED_BOX = "bottomLeftLat=52.362815&bottomLeftLng=4.9188916&topRightLat=53.362815&topRightLng=5.9188916"
EVSE = "NL-GFX-EChargestation-1"  # AVAILABLE, 7 kW AC_1_PHASE, tariff A1
ORDER = ["REQUESTED", "STARTING", "CHARGING", "STOPPING", "COMPLETED", "CDR_AVAILABLE"]


def parse_time(text):
    moment = dt.datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"{text} has no UTC offset"
    return moment


def all_pages(server, query):
    """Every LocationSummary in a box, following continuationToken from page to page."""
    items, token = [], None
    for _ in range(50):
        status, body = server.api("GET", f"/locations/boundingbox?{query}",
                                  headers={"continuationToken": token} if token else None)
        assert status == 200, (status, body)
        assert len(body["data"]) == body["meta"]["count"] <= 50
        items += body["data"]
        if not body["meta"]["hasMoreData"]:
            return items
        token = body["meta"]["continuationToken"]
    raise AssertionError("paging did not end")


class JourneyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(time_scale=60).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def test_whole_journey(self):
        server = self.server
        driver = Driver(server, "journey-" + uuid.uuid4().hex[:8])

        # register, twice: PUT is idempotent
        for _ in range(2):
            body = driver.register()
            self.assertEqual(body["meta"]["count"], 1)
            self.assertEqual(body["data"][0]["appToken"], driver.token)

        # add a charge card: PENDING first, VALID a few simulated seconds later
        card = driver.add_card("770674109963002836")
        self.assertEqual(card["type"], "CHARGE_CARD")
        self.assertEqual(card["cardHint"], "** **** **** **** 2836")
        self.assertEqual(card["verificationStatus"], "PENDING")
        uuid.UUID(card["id"])
        self.assertEqual(driver.add_card("770674109963002836")["id"], card["id"])
        valid = driver.valid_card("770674109963002836")
        self.assertEqual(valid["id"], card["id"])
        self.assertEqual(valid["verificationStatus"], "VALID")
        wallet = driver.wallet()
        self.assertEqual(wallet["meta"], {"count": 1, "hasMoreData": False})

        # the map around the seed area shows both seed locations with their seeded availability
        summaries = {s["id"]: s for s in all_pages(server, SEED_BOX)}
        self.assertIn(MARGA, summaries)
        self.assertIn(VAN_DER_VALK, summaries)
        marga = summaries[MARGA]
        self.assertEqual((marga["name"], marga["add"], marga["city"], marga["lat"], marga["lng"]),
                         ("Marga", "Margaklompehof 11", "Almere", 52.37707, 5.21647))
        self.assertEqual((marga["conAvail"], marga["conTot"]), (2, 3))
        self.assertEqual(marga["branding"]["displayName"], "Demo Station")
        vdv = summaries[VAN_DER_VALK]
        self.assertEqual((vdv["name"], vdv["conAvail"], vdv["conTot"], vdv["brandingId"]),
                         ("Van der Valk Hotel Volendam", 1, 2, "greenflux"))

        # location details
        status, location = server.api("GET", f"/locations/{MARGA}")
        self.assertEqual(status, 200)
        self.assertEqual([e["uid"] for e in location["evses"]],
                         ["NL-GFX-EAddCS123-1", EVSE, "NL-GFX-ENL-GFX-Ramya-TEST01-1", "NL-GFX-EExternalID123-1"])
        evse = next(e for e in location["evses"] if e["uid"] == EVSE)
        self.assertEqual(evse["status"], "AVAILABLE")
        self.assertEqual(evse["connectors"][0]["kw"], 7)

        # the tariff, one item per payment method
        status, tariffs = server.api("GET", f"/tariff/{driver.token}/evse/{MARGA}/{EVSE}?connectorId=1")
        self.assertEqual(status, 200)
        self.assertEqual(tariffs["meta"]["count"], 1)
        item = tariffs["data"][0]
        self.assertEqual(item["validity"], "VALID")
        self.assertEqual(item["paymentMethod"]["id"], card["id"])
        self.assertIs(item["paymentMethod"]["isCompatible"], True)
        components = {c["type"]: c for c in item["tariff"]["elements"][0]["priceComponents"]}
        self.assertEqual((components["FLAT"]["price"], components["ENERGY"]["price"], components["TIME"]["price"],
                          components["TIME"]["stepSize"]), (1.64, 2.106, 0.351, 60))
        self.assertEqual((item["tariff"]["vatPercentage"], item["tariff"]["isVatIncluded"]), (13, True))

        # start: a request that becomes a charging session once the car is plugged in
        status, started = server.api("POST", f"/session/start?appToken={driver.token}", {
            "locationId": MARGA, "evseUid": EVSE, "connectorId": "1", "paymentMethodId": card["id"]})
        self.assertEqual(status, 200, started)
        session_id = started["chargeSessionId"]
        parse_time(started["nextStatusCall"])

        seen = []
        first = driver.status(session_id)
        seen.append(first["status"])
        self.assertIn(first["status"], ("REQUESTED", "STARTING", "CHARGING"))
        charging = driver.wait_status(session_id, "CHARGING")
        seen.append("CHARGING")
        self.assertEqual(charging["currentPowerInKw"], 7.0)
        self.assertIsNotNone(charging["startTime"])
        self.assertIsNone(charging["endTime"])
        self.assertIsNone(charging["totalCosts"])
        self.assertIsInstance(charging["stateOfCharge"], (int, float))
        self.assertGreater(parse_time(charging["nextStatusCall"]).timestamp(), time.time() - 1)
        e1 = charging["energyInKwh"]
        # meter values come per simulated second at the earliest: wait for a second reading, not only more energy
        later = server.wait_for(lambda: (b := driver.status(session_id))["energyInKwh"] > e1
                                and len(b["usageSummary"]["dataPoints"]) >= 2 and b, what="energy to rise")
        self.assertEqual(later["status"], "CHARGING")
        points = later["usageSummary"]["dataPoints"]
        self.assertGreaterEqual(len(points), 2)
        self.assertEqual(sorted(p["energyInKwh"] for p in points), [p["energyInKwh"] for p in points])

        # while charging, the EVSE is taken: the map and the location say so
        self.assertEqual(driver.evse_status(MARGA, EVSE), "CHARGING")
        marga_now = next(s for s in all_pages(server, SEED_BOX) if s["id"] == MARGA)
        self.assertEqual((marga_now["conAvail"], marga_now["conTot"]), (1, 3))

        # charge for a while (about two simulated minutes), then stop
        server.wait_for(lambda: driver.status(session_id)["energyInKwh"] >= 0.2, what="0.2 kWh")
        stopped = driver.stop(session_id)
        self.assertIn(stopped["status"], ("STOPPING", "COMPLETED", "CDR_AVAILABLE"))
        seen.append(stopped["status"])
        receipt = driver.wait_status(session_id, "CDR_AVAILABLE")
        seen.append("CDR_AVAILABLE")
        self.assertEqual(seen, sorted(seen, key=ORDER.index))

        # the receipt: energy follows the connector's 7 kW over the charging time, costs follow A1
        start, end = parse_time(receipt["startTime"]), parse_time(receipt["endTime"])
        seconds = (end - start).total_seconds()
        self.assertGreater(seconds, 60)
        energy = Fraction(str(receipt["energyInKwh"]))
        self.assertEqual(energy, metered_kwh(7, seconds))
        total, vat = a1_bill(receipt["energyInKwh"], seconds)
        self.assertEqual(Fraction(str(receipt["totalCosts"])), Fraction(total))
        self.assertEqual(Fraction(str(receipt["totalVat"])), Fraction(vat))
        self.assertEqual((receipt["vatPercentage"], receipt["currency"]), (13, "EUR"))
        self.assertRegex(receipt["receiptNumber"], r"^rec-\d{5}$")
        self.assertEqual(receipt["currentPowerInKw"], 0)
        lines = receipt["costBreakdown"]["retailSegments"][0]["items"]
        self.assertEqual(sorted(line["dimension"] for line in lines), ["ENERGY", "FLAT", "TIME"])
        self.assertAlmostEqual(sum(line["roundedCost"] for line in lines), receipt["totalCosts"], places=9)
        time_line = next(line for line in lines if line["dimension"] == "TIME")
        self.assertEqual(time_line["quantity"], -(-seconds // 60))
        self.assertEqual(next(line for line in lines if line["dimension"] == "ENERGY")["quantity"],
                         receipt["energyInKwh"])

        # the EVSE is free again, and the session is in the history
        self.assertEqual(driver.evse_status(MARGA, EVSE), "AVAILABLE")
        status, history = server.api("GET", f"/token/{driver.token}/sessions")
        self.assertEqual(status, 200)
        entry = next(h for h in history["data"] if h["chargeSessionId"] == session_id)
        self.assertEqual(entry["status"], "CDR_AVAILABLE")
        self.assertEqual(entry["retailCostInclVat"], receipt["totalCosts"])
        self.assertEqual(entry["energyInKwh"], receipt["energyInKwh"])
        self.assertEqual(entry["location"]["id"], MARGA)


class BillingReferenceTest(unittest.TestCase):
    """The reference calculation itself, worked by hand."""

    def test_a1_worked_example(self):
        # 132 s at 7 kW: 256 Wh. FLAT 1.64; ENERGY 2.106 x 0.256 = 0.539136 -> 0.54;
        # TIME 3 started minutes x 0.351/60 = 0.01755 -> 0.02. Total 2.20; VAT 2.20 x 13/113 = 0.2531 -> 0.25.
        self.assertEqual(metered_kwh(7, 132), Fraction(256, 1000))
        total, vat = a1_bill(0.256, 132)
        self.assertEqual((str(total), str(vat)), ("2.20", "0.25"))

    def test_a1_larger_session(self):
        # 20.86 kWh over 1 h 30 min 5 s: 1.64 + 43.93116 -> 43.93 + 91 min x 0.00585 = 0.53235 -> 0.53
        total, vat = a1_bill(20.86, 5405)
        self.assertEqual((str(total), str(vat)), ("46.10", "5.30"))


if __name__ == "__main__":
    unittest.main()
