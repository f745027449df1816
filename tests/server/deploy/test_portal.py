"""The hotel portal through a real serve.py: check-in against the guest list, the stay's validity, the
rate limit on wrong details, the hotel's private chargers, and a session billed to the room."""
import datetime as dt
import json
import os
import tempfile
import unittest
from pathlib import Path

from ..support.server_process import Driver, ServerProcess

REPO = Path(__file__).resolve().parents[3]
HOTEL = "nl-htl-3c1e9a52-6f0d-4b8e-9a27-1d5f0c7b4e61"
BOX = "bottomLeftLat=52.48&bottomLeftLng=5.05&topRightLat=52.51&topRightLng=5.09"


def guest_list(today):
    day = dt.timedelta(days=1)
    return ("room,surname,bookingReference,arrival,departure\n"
            f"12,Jansen,DZ-1,{today - day},{today + day}\n"
            f"14,Bakker,DZ-2,{today + 3 * day},{today + 5 * day}\n"
            f"16,Visser,DZ-3,{today - 5 * day},{today - day}\n"
            f"18,de Vries,DZ-4,{today},{today}\n")


class PortalTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        # the hotel's day, not the test machine's: Europe/Amsterdam
        import zoneinfo
        today = dt.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()
        Path(cls.tmp.name, "guests.csv").write_text(guest_list(today))
        config = json.loads((REPO / "assets/config/portal-hotel.json").read_text())
        config["portal"]["guestList"] = "guests.csv"
        config["portal"]["maxFailedAttempts"] = 3
        path = Path(cls.tmp.name, "portal.json")
        path.write_text(json.dumps(config))
        cls.server = ServerProcess(args=["--config", str(path)]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def checkin(self, body, client=None):
        headers = {"X-Test": client} if client else None
        status, headers, data = self.server.request("POST", "/portal/checkin", body, headers)
        return status, json.loads(data), headers

    def test_config_is_served(self):
        status, _, data = self.server.request("GET", "/config.json")
        self.assertEqual(status, 200)
        body = json.loads(data)
        self.assertEqual(body["mode"], "portal")
        self.assertEqual(body["locations"]["ids"], [HOTEL])
        self.assertNotIn("guestList", json.dumps(body))
        self.assertEqual(self.server.request("POST", "/config.json", raw=b"{}")[0], 405)
        status, headers, data = self.server.request("HEAD", "/config.json")
        self.assertEqual((status, data), (200, b""))

    def test_guest_checks_in_and_charges_on_the_room(self):
        status, body, _ = self.checkin({"room": " 12 ", "surname": "JANSEN"})
        self.assertEqual(status, 200, body)
        token = body["appToken"]
        self.assertTrue(token.startswith("guest-"))
        self.assertEqual(body["room"], "12")
        self.assertTrue(body["validUntil"].endswith("59:59.999Z"))
        # the token's wallet holds the room: an external method referencing the booking
        status, wallet = self.server.api("GET", f"/payment/{token}/wallet")
        self.assertEqual(status, 200)
        [method] = wallet["data"]
        self.assertEqual(method["type"], "EXTERNAL")
        self.assertIn("DZ-1", method["externalPaymentMethodId"])
        self.assertEqual(method["id"], body["paymentMethodId"])
        # the hotel's garage is private: shown with filter.appToken of a guest only
        status, public = self.server.api("GET", f"/locations/boundingbox?{BOX}")
        self.assertNotIn(HOTEL, [l["id"] for l in public["data"]])
        status, mine = self.server.api("GET", f"/locations/boundingbox?{BOX}&filter.appToken={token}")
        hotel = [l for l in mine["data"] if l["id"] == HOTEL]
        self.assertEqual(len(hotel), 1)
        self.assertTrue(hotel[0]["isPrivateLocation"])
        self.assertEqual(self.server.api("GET", f"/locations/{HOTEL}")[0], 404)
        self.assertEqual(self.server.api("GET", f"/locations/{HOTEL}?filter.appToken={token}")[0], 200)
        self.assertEqual(self.server.api("GET", "/locations/evse/NL-HTL-EDIJKZICHT-1")[0], 404)
        self.assertEqual(self.server.api("GET", f"/locations/evse/NL*HTL*EDIJKZICHT*1?filter.appToken={token}")[0], 200)
        status, tokens = self.server.api("PUT", f"/token/{token}")
        self.assertEqual(tokens["data"][0]["groups"], ["hotel-dijkzicht-guests"])
        # the session runs and is billed through the room's method
        driver = Driver(self.server, token)
        session = driver.start(HOTEL, "NL-HTL-EDIJKZICHT-1", method["id"])
        driver.wait_status(session, "CHARGING", timeout=15)
        self.server.wait_for(lambda: (driver.status(session)["energyInKwh"] or 0) > 0.05, what="energy")
        driver.stop(session)
        final = driver.wait_status(session, "CDR_AVAILABLE", timeout=15)
        self.assertEqual(final["paymentMethod"]["externalPaymentMethodId"], method["externalPaymentMethodId"])
        self.assertGreater(final["totalCosts"], 0)
        # checking in again (another phone) gives the same token back
        self.assertEqual(self.checkin({"bookingReference": "dz-1"})[1]["appToken"], token)

    def test_stranger_token_cannot_charge_at_the_hotel(self):
        driver = Driver(self.server, "app-stranger")
        driver.register()
        card = driver.valid_card()
        session = driver.start(HOTEL, "NL-HTL-EDIJKZICHT-2", card["id"])
        status = driver.wait_status(session, "REJECTED")
        self.assertEqual(status["error"], "INVALID_TOKEN")

    def test_stay_validity(self):
        status, body, _ = self.checkin({"room": "14", "surname": "Bakker"})
        self.assertEqual((status, body["code"]), (403, "STAY_NOT_STARTED"))
        self.assertIn("starts on", body["message"])
        status, body, _ = self.checkin({"bookingReference": "DZ-3"})
        self.assertEqual((status, body["code"]), (403, "STAY_ENDED"))
        self.assertIn("ended on", body["message"])
        status, body, _ = self.checkin({"room": "18", "surname": "De Vries"})
        self.assertEqual(status, 200, "arrival and departure on the same day: valid all that day")

    def test_bad_requests(self):
        for body, field in (({"room": "12"}, "surname"), ({"surname": "Jansen"}, "room"),
                            ({"room": "12", "surname": "x" * 51}, "surname"), ({"bookingReference": 5}, "bookingReference")):
            status, data, _ = self.checkin(body)
            self.assertEqual(status, 400, body)
            self.assertEqual(data["field"], field)
        status, _, data = self.server.request("POST", "/portal/checkin", raw=b"{oops")
        self.assertEqual(status, 400)
        status, _, _ = self.server.request("GET", "/portal/checkin")
        self.assertEqual(status, 405)


class EndOfStayTest(unittest.TestCase):
    """In-process, with the portal's clock moved past the departure day."""

    def test_a_checked_in_guest_cannot_start_after_the_stay(self):
        from server.app import build
        from server.deploy.config import parse
        from server.web import ApiError, Request
        with tempfile.TemporaryDirectory() as tmp:
            today = dt.date(2026, 11, 21)
            Path(tmp, "guests.csv").write_text(guest_list(today))
            config = json.loads((REPO / "assets/config/portal-hotel.json").read_text())
            config["portal"]["guestList"] = "guests.csv"
            app, simulator = build(os.path.join(tmp, "www"), ":memory:", config=parse(config, tmp))
            _, portal = app.extra["/portal/checkin"]
            portal = portal.__self__
            noon = dt.datetime(2026, 11, 21, 11, 0, tzinfo=dt.timezone.utc).timestamp()
            portal.wall_clock = lambda: noon
            admitted = portal.checkin(Request("POST", "/portal/checkin", {}, {}, {},
                                              b'{"room":"12","surname":"Jansen"}', "1.2.3.4")).body
            start = Request("POST", "/api/session/start", {}, {"appToken": [admitted["appToken"]]}, {}, b"{}")
            portal.guard(start)  # during the stay: passes
            # departure is the 22nd: 23:59:59.999 Amsterdam time is 22:59:59.999 UTC
            portal.wall_clock = lambda: dt.datetime(2026, 11, 22, 22, 59, 59, tzinfo=dt.timezone.utc).timestamp()
            portal.guard(start)
            portal.wall_clock = lambda: dt.datetime(2026, 11, 22, 23, 0, 0, tzinfo=dt.timezone.utc).timestamp()
            with self.assertRaises(ApiError) as ctx:
                portal.guard(start)
            self.assertEqual((ctx.exception.status, ctx.exception.code), (403, "STAY_ENDED"))
            simulator.store.close()


class RateLimitTest(unittest.TestCase):
    def test_wrong_details_are_limited(self):
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "guests.csv").write_text(guest_list(dt.date.today()))
            config = json.loads((REPO / "assets/config/portal-hotel.json").read_text())
            config["portal"].update(guestList="guests.csv", maxFailedAttempts=3, lockoutMinutes=1)
            Path(tmp, "portal.json").write_text(json.dumps(config))
            with ServerProcess(args=["--config", os.path.join(tmp, "portal.json")]) as server:
                codes = []
                for _ in range(4):
                    status, headers, data = server.request("POST", "/portal/checkin", {"room": "99", "surname": "X"})
                    codes.append(status)
                self.assertEqual(codes, [404, 404, 404, 429])
                self.assertEqual(json.loads(data)["code"], "TOO_MANY_ATTEMPTS")
                self.assertLessEqual(int(headers["Retry-After"]), 61)
                # while locked out, even right details wait: guessing cannot be sped up
                status, _, _ = server.request("POST", "/portal/checkin", {"room": "12", "surname": "Jansen"})
                self.assertEqual(status, 429)


if __name__ == "__main__":
    unittest.main()
