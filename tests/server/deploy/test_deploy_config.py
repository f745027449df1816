"""serve.py --config: every example file loads; broken files stop the start with a message naming the field."""
import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from server.deploy import config as deploy_config
from server.deploy.config import ConfigError, parse
from server.sim.catalog import load_catalog

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "assets" / "config"
HOTEL = "nl-htl-3c1e9a52-6f0d-4b8e-9a27-1d5f0c7b4e61"
MARGA = "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0"


def example(name):
    return json.loads((EXAMPLES / name).read_text())


class ExampleFilesTest(unittest.TestCase):
    def test_each_mode_has_a_valid_example(self):
        catalog = load_catalog()
        for name, mode in (("driver.json", "driver"), ("portal-hotel.json", "portal"), ("kiosk.json", "kiosk")):
            cfg = deploy_config.load(str(EXAMPLES / name))
            self.assertEqual(cfg.mode, mode, name)
            deploy_config.check_against_catalog(cfg, catalog)

    def test_no_file_is_the_driver_app_on_the_simulator(self):
        cfg = deploy_config.load(None)
        self.assertEqual((cfg.mode, cfg.api_mode, cfg.languages), ("driver", "simulator", ["en", "nl", "de", "fr"]))
        self.assertEqual(cfg.public()["locations"]["ids"], [])

    def test_public_view_has_no_paths(self):
        cfg = deploy_config.load(str(EXAMPLES / "portal-hotel.json"))
        text = json.dumps(cfg.public())
        self.assertNotIn("guests", text)
        self.assertNotIn("accessGroup", text)
        self.assertEqual(cfg.public()["branding"]["primaryColorHex"], "#1D4E89")
        self.assertEqual(cfg.portal.guest_list, str(EXAMPLES / "guests-example.csv"))


class BrokenConfigTest(unittest.TestCase):
    """Each broken variant must fail on the field it breaks."""

    def assert_field(self, data, field, base_dir=str(EXAMPLES)):
        with self.assertRaises(ConfigError) as ctx:
            parse(data, base_dir)
        self.assertEqual(ctx.exception.where, field, str(ctx.exception))
        return str(ctx.exception)

    def variant(self, name, change):
        data = copy.deepcopy(example(name))
        change(data)
        return data

    def test_top_level(self):
        self.assert_field([], "")
        self.assert_field({"mode": "hotel"}, "mode")
        self.assert_field({"mood": "driver"}, "mood")
        self.assert_field({"mode": "portal"}, "branding")

    def test_branding(self):
        for key, value in (("primaryColorHex", "blue"), ("primaryColorHex", "#12345"), ("supportEmail", "nobody"),
                           ("supportPhone", "call us"), ("supportWebsite", "ftp://x"), ("displayName", ""),
                           ("displayName", 7), ("logoUrl", "javascript:alert(1)"), ("displayName", "x" * 61)):
            data = self.variant("driver.json", lambda d: d["branding"].__setitem__(key, value))
            self.assert_field(data, f"branding.{key}")
        data = self.variant("driver.json", lambda d: d["branding"].__setitem__("colour", "#fff"))
        self.assert_field(data, "branding.colour")

    def test_api(self):
        self.assert_field({"api": {"mode": "cloud"}}, "api.mode")
        self.assert_field({"api": {"mode": "upstream"}}, "api.url")
        self.assert_field({"api": {"mode": "upstream", "url": "http://plain.example"}}, "api.url")
        self.assert_field({"api": {"mode": "upstream", "url": "https://api.example"}}, "api.apiKeyEnv")
        self.assert_field({"api": {"mode": "simulator", "url": "https://api.example"}}, "api.url")

    def test_locations_and_languages(self):
        self.assert_field({"locations": {"ids": "abc"}}, "locations.ids")
        self.assert_field({"locations": {"ids": ["ok-1", "bad id"]}}, "locations.ids[1]")
        self.assert_field({"locations": {"ids": ["a", "a"]}}, "locations.ids[1]")
        self.assert_field({"locations": {"area": {"bottomLeftLat": 1}}}, "locations.area.bottomLeftLng")
        area = {"bottomLeftLat": 53, "bottomLeftLng": 5, "topRightLat": 52, "topRightLng": 6}
        self.assert_field({"locations": {"area": area}}, "locations.area")
        self.assert_field({"locations": {"area": {**area, "bottomLeftLat": 95}}}, "locations.area.bottomLeftLat")
        self.assert_field({"languages": []}, "languages")
        message = self.assert_field({"languages": ["en", "xx"]}, "languages[1]")
        self.assertIn("available: en", message)

    def test_directions_url(self):
        for url in ("http://maps.example/{lat},{lng}", "https://maps.example/route", "javascript:{lat}{lng}",
                    "https://maps.example/{lat},{lng} x", "", 7):
            self.assert_field({"directionsUrl": url}, "directionsUrl")
        self.assert_field(self.variant("kiosk.json", lambda d: d.__setitem__(
            "directionsUrl", "https://maps.example/?to={lat},{lng}")), "directionsUrl")
        good = "https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lng}"
        self.assertEqual(parse({"directionsUrl": good}).public()["directionsUrl"], good)
        self.assertNotIn("directionsUrl", parse({}).public())

    def test_portal(self):
        self.assert_field(self.variant("portal-hotel.json", lambda d: d.pop("portal")), "portal")
        for key, value, field in (("guestList", "missing.csv", "portal.guestList"),
                                  ("timeZone", "Mars/Olympus", "portal.timeZone"),
                                  ("timeZone", "../etc", "portal.timeZone"),
                                  ("accessGroup", "hotel guests", "portal.accessGroup"),
                                  ("maxFailedAttempts", 0, "portal.maxFailedAttempts"),
                                  ("lockoutMinutes", "15", "portal.lockoutMinutes"),
                                  ("wifi", "x", "portal.wifi")):
            data = self.variant("portal-hotel.json", lambda d: d["portal"].__setitem__(key, value))
            self.assert_field(data, field)
        for key in ("guestList", "timeZone", "accessGroup"):
            data = self.variant("portal-hotel.json", lambda d: d["portal"].pop(key))
            self.assert_field(data, f"portal.{key}")
        self.assert_field(self.variant("portal-hotel.json", lambda d: d["locations"].pop("ids")), "locations.ids")
        self.assert_field(self.variant("driver.json", lambda d: d.__setitem__("portal", {})), "portal")

    def test_kiosk(self):
        for key, value in (("idleSeconds", 2), ("idleSeconds", True), ("countdownSeconds", 1000),
                           ("demoCard", "12-34"), ("locationId", "")):
            data = self.variant("kiosk.json", lambda d: d["kiosk"].__setitem__(key, value))
            self.assert_field(data, f"kiosk.{key}")
        data = self.variant("kiosk.json", lambda d: d["branding"].__setitem__("logoUrl", "https://cdn.example/l.png"))
        self.assert_field(data, "branding.logoUrl")
        data = self.variant("kiosk.json", lambda d: d.__setitem__(
            "api", {"mode": "upstream", "url": "https://api.example", "apiKeyEnv": "KEY"}))
        self.assert_field(data, "api.mode")
        data = self.variant("kiosk.json", lambda d: d["locations"].__setitem__("ids", [HOTEL]))
        self.assert_field(data, "kiosk.locationId")

    def test_defaults(self):
        cfg = parse(self.variant("kiosk.json", lambda d: d.__setitem__("kiosk", {"locationId": MARGA})))
        self.assertEqual((cfg.kiosk.idle_seconds, cfg.kiosk.countdown_seconds), (60, 10))


class ServeStartTest(unittest.TestCase):
    """serve.py itself: exit status 2 and one line naming the file and the field; nothing served."""

    def start(self, text):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "deploy.json")
            with open(path, "w") as fh:
                fh.write(text)
            for name in ("guests-example.csv",):
                (Path(tmp) / name).write_text((EXAMPLES / name).read_text())
            proc = subprocess.run([sys.executable, str(REPO / "serve.py"), "--port", "0", "--state", ":memory:",
                                   "--quiet", "--config", path], capture_output=True, text=True, timeout=20)
        return proc

    def test_broken_files_stop_the_start(self):
        portal = example("portal-hotel.json")
        cases = [
            ("{not json", "is not valid JSON"),
            (json.dumps({**portal, "mode": "shop"}), "mode: must be one of"),
            (json.dumps({**portal, "locations": {"ids": [MARGA]}}), "locations.ids[0]: 'nl-gfx-a2f2ce5a"),
            (json.dumps({**portal, "locations": {"ids": ["nl-none"]}}), "locations.ids[0]: the simulator has no"),
            # upstream mode needs its API key in the named environment variable
            (json.dumps({"api": {"mode": "upstream", "url": "https://x.example", "apiKeyEnv": "K"}}),
             "api.apiKeyEnv: $K holds no API key"),
        ]
        for text, expected in cases:
            proc = self.start(text)
            self.assertEqual(proc.returncode, 2, proc.stderr)
            self.assertIn(expected, proc.stderr)
            self.assertNotIn("serving on", proc.stdout)
            self.assertNotIn("Traceback", proc.stderr)

    def test_missing_file(self):
        proc = subprocess.run([sys.executable, str(REPO / "serve.py"), "--port", "0", "--config", "/nonexistent.json"],
                              capture_output=True, text=True, timeout=20)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("cannot read /nonexistent.json", proc.stderr)

    def test_broken_guest_list_stops_the_start(self):
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "guests.csv").write_text("room,surname,bookingReference,arrival,departure\n"
                                                  "12,Jansen,R1,2026-01-01,2026-13-02\n")
            config = {**example("portal-hotel.json")}
            config["portal"] = {**config["portal"], "guestList": "guests.csv"}
            path = Path(tmp) / "deploy.json"
            path.write_text(json.dumps(config))
            proc = subprocess.run([sys.executable, str(REPO / "serve.py"), "--port", "0", "--state", ":memory:",
                                   "--config", str(path)], capture_output=True, text=True, timeout=20)
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("portal.guestList: line 2, departure: '2026-13-02' is not a date", proc.stderr)


if __name__ == "__main__":
    unittest.main()
