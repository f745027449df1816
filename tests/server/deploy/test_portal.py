"""The hotel portal through a real serve.py: check-in against the guest list, the stay's validity, the
rate limit on wrong details, the hotel's private chargers, and a session billed to the room."""
import datetime as dt
import http.client
import json
import os
import tempfile
import threading
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
        config["languages"] = ["en", "nl", "de"]  # English first: the default; French not offered
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
        # the hotel's charger does not exist for outsiders: a start is the 404 of an unknown place
        status, body = self.server.api("POST", f"/session/start?appToken={driver.token}", {
            "locationId": HOTEL, "evseUid": "NL-HTL-EDIJKZICHT-2", "paymentMethodId": card["id"]})
        self.assertEqual((status, body), (404, "Location not found."))

    def test_the_hotels_chargers_do_not_exist_for_outsiders(self):
        """Every endpoint that could show a closed group's charger, or confirm it is there, answers an
        outsider as it answers for a place that does not exist."""
        evse = "NL-HTL-EDIJKZICHT-1"
        driver = Driver(self.server, "app-outsider")
        driver.register()
        card = driver.valid_card()
        t = driver.token
        api = self.server.api
        def answer(path, loc):
            status, body = api("GET", path.format(loc=loc))
            if isinstance(body, dict):
                body.pop("instance", None)  # the path asked for, as problem details name it
            return status, body
        for path in (f"/tariff/evse/{{loc}}/{evse}?connectorId=1", f"/tariff/{t}/evse/{{loc}}/{evse}?connectorId=1",
                     f"/payment/{t}/wallet?locationId={{loc}}", f"/locations/{{loc}}"):
            self.assertEqual(answer(path, HOTEL), answer(path, "nl-htl-nowhere"), path)
            self.assertEqual(answer(path, HOTEL)[0], 404, path)
        for prefix in ("", "/v2.1"):
            self.assertEqual(api("POST", f"{prefix}/favorites/{t}/location/{HOTEL}")[0], 404)
            status, favourites = api("GET", f"{prefix}/favorites/{t}/locations")
            self.assertNotIn(HOTEL, json.dumps(favourites))
        start = {"locationId": HOTEL, "evseUid": evse, "paymentMethodId": card["id"]}
        self.assertEqual(api("POST", f"/session/start?appToken={t}", start)[0], 404)
        self.assertEqual(api("POST", f"/v2.1/session/start?appToken={t}", start)[0], 404)
        for path in (f"/token/{t}/sessions", f"/v2.1/token/{t}/sessions"):
            status, history = api("GET", path)
            self.assertEqual(status, 200)
            self.assertNotIn(HOTEL, json.dumps(history))
            self.assertNotIn("Guest garage", json.dumps(history))
        self.assertEqual(api("POST", "/locations/availability", {"locationIds": [HOTEL]}), (200, {"data": []}))
        # the charger side tells an outsider nothing either (its session token is checked first)
        self.assertEqual(self.server.control(evse, "plug", app_token=t),
                         self.server.control("NL-HTL-ENOWHERE-1", "plug", app_token=t))
        # a guest of the hotel sees it all
        status, guest, _ = self.checkin({"room": "12", "surname": "Jansen"})
        g = guest["appToken"]
        self.assertEqual(api("GET", f"/tariff/{g}/evse/{HOTEL}/{evse}?connectorId=1")[0], 200)
        self.assertEqual(api("GET", f"/payment/{g}/wallet?locationId={HOTEL}")[0], 200)
        self.assertEqual(api("POST", f"/favorites/{g}/location/{HOTEL}")[0], 204)
        self.assertIn(HOTEL, json.dumps(api("GET", f"/favorites/{g}/locations")[1]))
        self.assertEqual(api("DELETE", f"/favorites/{g}/location/{HOTEL}")[0], 204)

    def test_stay_validity(self):
        status, body, _ = self.checkin({"room": "14", "surname": "Bakker"})
        self.assertEqual((status, body["code"]), (403, "STAY_NOT_STARTED"))
        self.assertIn("starts on", body["message"])
        status, body, _ = self.checkin({"bookingReference": "DZ-3"})
        self.assertEqual((status, body["code"]), (403, "STAY_ENDED"))
        self.assertIn("ended on", body["message"])
        status, body, _ = self.checkin({"room": "18", "surname": "De Vries"})
        self.assertEqual(status, 200, "arrival and departure on the same day: valid all that day")

    def test_messages_in_the_guests_language(self):
        """The app's `lang`, else Accept-Language, among the deployment's languages; codes stay English."""
        status, body, headers = self.checkin({"room": "14", "surname": "Bakker", "lang": "de"})
        self.assertEqual((status, body["code"], headers["Content-Language"]), (403, "STAY_NOT_STARTED", "de"))
        self.assertTrue(body["message"].startswith("Ihr Aufenthalt beginnt am "), body["message"])
        self.assertIn("00:00 Uhr", body["message"])
        status, headers, data = self.server.request("POST", "/portal/checkin", {"room": "41", "surname": "Niemand"},
                                                    {"Accept-Language": "fr-BE,nl-BE;q=0.8,en;q=0.5"})
        body = json.loads(data)
        self.assertEqual((status, body["code"], headers["Content-Language"]), (404, "GUEST_NOT_FOUND", "nl"))
        self.assertTrue(body["message"].startswith("Geen verblijf gevonden"), body["message"])
        status, body, headers = self.checkin({"room": "12", "surname": "x" * 51, "lang": "de"})
        self.assertEqual((status, body["message"]), (400, "Nachname: höchstens 50 Zeichen."))
        # French is not offered here: the deployment's first language
        status, headers, data = self.server.request("POST", "/portal/checkin", {"bookingReference": "DZ-3", "lang": "fr"},
                                                    {"Accept-Language": "fr"})
        self.assertEqual((status, headers["Content-Language"]), (403, "en"))
        self.assertIn("Your stay ended on ", json.loads(data)["message"])

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
            start = Request("POST", "/api/session/start", {}, {"appToken": [admitted["appToken"]]}, {}, b"{}",
                            endpoint="/session/start")
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
    def test_wrong_details_are_limited_per_room_and_per_address(self):
        import zoneinfo
        today = dt.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "guests.csv").write_text(guest_list(today))
            config = json.loads((REPO / "assets/config/portal-hotel.json").read_text())
            config["portal"].update(guestList="guests.csv", maxFailedAttempts=3, maxFailedAttemptsPerAddress=5,
                                    lockoutMinutes=1)
            Path(tmp, "portal.json").write_text(json.dumps(config))
            with ServerProcess(args=["--config", os.path.join(tmp, "portal.json")]) as server:
                def checkin(body):
                    status, headers, data = server.request("POST", "/portal/checkin", body)
                    return status, json.loads(data), headers
                codes = [checkin({"room": "12", "surname": "Janssen"})[0] for _ in range(3)]
                self.assertEqual(codes, [404, 404, 404])
                status, body, headers = checkin({"room": "12", "surname": "Jansen"})
                # the room is locked: even right details wait, so its surname cannot be guessed faster
                self.assertEqual((status, body["code"]), (429, "TOO_MANY_ATTEMPTS"))
                self.assertLessEqual(int(headers["Retry-After"]), 61)
                self.assertEqual(checkin({"room": " 12", "surname": "x"})[0], 429)  # however it is typed
                # the room's guest still has the booking reference, and the next guest behind the same
                # address (the hotel's NAT) is not locked out by these typos
                self.assertEqual(checkin({"bookingReference": "DZ-1"})[0], 200)
                self.assertEqual(checkin({"room": "18", "surname": "de Vries"})[0], 200)
                # but one address cannot try room after room: its own limit is 5
                self.assertEqual([checkin({"room": r, "surname": "X"})[0] for r in ("50", "51")], [404, 404])
                self.assertEqual(checkin({"room": "18", "surname": "de Vries"})[0], 429)


class EndOfStayOverHttpTest(unittest.TestCase):
    """The end-of-stay guard sees the route the router chose: no spelling of the start path, v1 or v2.1,
    gets past it (issue 17: /api/v2.1/session/start, /api/session/st%61rt, /api/%73ession/start)."""

    def test_no_spelling_of_the_start_gets_past_the_end_of_the_stay(self):
        from server.app import build
        from server.deploy.config import parse
        from server.web import AppServer
        with tempfile.TemporaryDirectory() as tmp:
            today = dt.date(2026, 11, 21)
            Path(tmp, "guests.csv").write_text(guest_list(today))
            config = json.loads((REPO / "assets/config/portal-hotel.json").read_text())
            config["portal"]["guestList"] = "guests.csv"
            app, simulator = build(os.path.join(tmp, "www"), ":memory:", quiet=True, config=parse(config, tmp))
            portal = app.extra["/portal/checkin"][1].__self__
            portal.wall_clock = lambda: dt.datetime(2026, 11, 21, 11, 0, tzinfo=dt.timezone.utc).timestamp()
            server = AppServer(("127.0.0.1", 0), app)
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
            try:
                def post(path, body):
                    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
                    # an English-speaking guest: the example hotel answers in Dutch by default
                    conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json",
                                                                  "Accept-Language": "en"})
                    answer = conn.getresponse()
                    data = answer.read()
                    conn.close()
                    return answer.status, json.loads(data) if data else None
                status, guest = post("/portal/checkin", {"room": "12", "surname": "Jansen"})
                self.assertEqual(status, 200)
                token = guest["appToken"]
                start = {"locationId": HOTEL, "evseUid": "NL-HTL-EDIJKZICHT-1", "connectorId": "1",
                         "paymentMethodId": guest["paymentMethodId"]}
                # after the departure day
                portal.wall_clock = lambda: dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc).timestamp()
                for path in ("/api/session/start", "/api/v2.1/session/start", "/api/session/st%61rt",
                             "/api/%73ession/start", "/api/session/start/", "/api/v2.1/session/st%61rt",
                             "/api/v2%2E1/session/start", "/api/%53ession/start", "/api/session/start?x=1",
                             "/api/session%2Fstart", "/api//session/start", "/%61pi/session/start",
                             f"http://127.0.0.1/api/session/start"):
                    sep = "&" if "?" in path else "?"
                    status, body = post(f"{path}{sep}appToken={token}", start)
                    self.assertNotEqual(status, 200, path)
                    if status == 403:
                        self.assertIn("stay ended", json.dumps(body).lower(), path)
                with simulator.store.transaction() as store:
                    self.assertEqual(list(store.sessions_for_token(token)), [])
            finally:
                server.shutdown()
                server.server_close()
                simulator.store.close()


if __name__ == "__main__":
    unittest.main()
