"""Who may use the charger controls (POST /sim/control, issue 17): the driver of the session on the EVSE,
with its appToken, as that session's car; the operator with the key for everything; nobody else, and
never with a body a web page elsewhere could post without asking (text/plain). And the session id the
controls answer with is no key to a stranger's high-priority override."""
import json
import unittest

from ..support.server_process import Driver, MARGA, ServerProcess

EVSE = "NL-GFX-EChargestation-1"


class ControlAccessTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(time_scale=1).start()
        cls.owner = Driver(cls.server, "app-owner")
        cls.owner.register()
        cls.card = cls.owner.valid_card()
        cls.stranger = Driver(cls.server, "app-stranger")
        cls.stranger.register()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def post(self, body, query="", headers=None, raw=None):
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        status, _, data = self.server.request("POST", "/sim/control" + query, body, hdrs, raw)
        return status, json.loads(data) if data else None

    def test_nobody_without_a_token_or_the_key(self):
        body = {"evseUid": EVSE, "action": "fault"}
        self.assertEqual(self.post(body)[0], 403)
        self.assertEqual(self.post(body, headers={"X-Sim-Control-Key": "not-the-key-at-all"})[0], 403)
        self.assertEqual(self.post(body, "?appToken=app-nobody-registered")[0], 403)
        # a page elsewhere can post text/plain (or a form) without the browser asking first: refused
        for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None,
                             "application/json-seq", "text/json"):
            headers = {"X-Sim-Control-Key": self.server.control_key}
            if content_type:
                headers["Content-Type"] = content_type
            status, _, _ = self.server.request("POST", "/sim/control", raw=json.dumps(body).encode(),
                                               headers=headers)
            self.assertEqual(status, 415, content_type)
        status, _ = self.post(body, headers={"X-Sim-Control-Key": self.server.control_key,
                                             "Content-Type": "Application/JSON; charset=utf-8"})
        self.assertEqual(status, 200)
        self.assertEqual(self.server.control(EVSE, "reset")[0], 200)

    def test_a_driver_plays_the_car_of_its_own_session_only(self):
        session = self.owner.start(MARGA, EVSE, self.card["id"])
        try:
            # a stranger: not on someone else's session, whatever the action
            for action in ("unplug", "plug", "car_full", "fault", "never_plug"):
                status, body = self.server.control(EVSE, action, app_token=self.stranger.token)
                self.assertEqual(status, 403, action)
                self.assertNotIn(session, json.dumps(body))
            # the owner: the car's actions on its own session, not the charger's
            status, body = self.server.control(EVSE, "plug", app_token=self.owner.token)
            self.assertEqual((status, body["session"]["chargeSessionId"]), (200, session))
            for action in ("fault", "offline", "reset", "require_authorization", "online"):
                self.assertEqual(self.server.control(EVSE, action, app_token=self.owner.token)[0], 403, action)
            # an EVSE without a session of the token is not the token's, known or not
            self.assertEqual(self.server.control("NL-GFX-EAddCS123-1", "plug", app_token=self.owner.token)[0], 403)
            self.assertEqual(self.server.control("NL-GFX-ENOPE-1", "plug", app_token=self.owner.token)[0], 403)
            self.assertEqual(self.server.control("NL-GFX-ENOPE-1", "plug")[0], 404)  # the operator learns it
            # the session id is no key: the override wants the session's own token
            status, _ = self.server.api("POST", "/session/highpriority", {"chargeSessionId": session})
            self.assertEqual(status, 400)
            status, _ = self.server.api("POST", f"/session/highpriority?appToken={self.stranger.token}",
                                        {"chargeSessionId": session})
            self.assertEqual(status, 404)
            status, _ = self.server.api("POST", f"/v2.1/session/highpriority?appToken={self.stranger.token}",
                                        {"chargeSessionId": session})
            self.assertEqual(status, 404)
            self.assertEqual(self.server.api("POST", f"/session/highpriority?appToken={self.owner.token}",
                                             {"chargeSessionId": session})[0], 200)
            status, body = self.server.control(EVSE, "unplug", app_token=self.owner.token)
            self.assertEqual(status, 200, body)
        finally:
            self.owner.stop(session)
            self.server.control(EVSE, "reset")

    def test_a_refusal_in_the_visitors_language(self):
        key = {"X-Sim-Control-Key": self.server.env["SIM_CONTROL_KEY"]}
        body = {"evseUid": EVSE, "action": "car_full"}  # no session here: no car is charging
        status, answer = self.post(body, headers=key)
        self.assertEqual((status, answer["detail"]), (409, "No car is charging here."))
        self.assertEqual(self.post({**body, "lang": "de"}, headers=key)[1]["detail"], "Hier lädt kein Auto.")
        self.assertEqual(self.post(body, headers={**key, "Accept-Language": "fr-BE,fr;q=0.9"})[1]["detail"],
                         "Aucune voiture ne se recharge ici.")
        # the app's own choice wins over the browser's; a language the app lacks falls to English
        self.assertEqual(self.post({**body, "lang": "nl"}, headers={**key, "Accept-Language": "de"})[1]["detail"],
                         "Hier laadt geen auto.")
        self.assertEqual(self.post({**body, "lang": "xx"}, headers={**key, "Accept-Language": "pl"})[1]["detail"],
                         "No car is charging here.")
        self.assertEqual(self.post({**body, "lang": ["de"]}, headers=key)[0], 409)  # not a string: ignored


class NoSimulatorNoControlsTest(unittest.TestCase):
    def test_the_proxy_has_no_charger_controls(self):
        import os
        env = dict(os.environ, CHARGE_ASSIST_API_KEY="ca-test-key-0123456789")
        with ServerProcess(args=["--upstream", "http://127.0.0.1:9"], env=env) as server:
            for method in ("POST", "GET", "PUT"):
                status, _, data = server.request(method, "/sim/control",
                                                 {"evseUid": EVSE, "action": "fault"} if method != "GET" else None,
                                                 {"X-Sim-Control-Key": server.control_key})
                self.assertEqual(status, 404, method)
                self.assertIn("simulator", json.loads(data)["detail"])


if __name__ == "__main__":
    unittest.main()
