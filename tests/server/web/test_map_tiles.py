"""serve.py's map configuration and local tiles: /map-config.json for each option (with the charger data's
licence credit only when the BNetzA register is served), /tiles/{z}/{x}/{y}.png from --tiles DIR, and
nothing outside that folder or the tile scheme."""
import http.client
import json
import os
import subprocess
import sys
import tempfile
import unittest

from server.sim.bnetza import ATTRIBUTION as BNETZA_ATTRIBUTION
from server.proxy import API_KEY_ENV

from ..support.server_process import REPO, ServerProcess

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def get(server, path):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.getheader("Content-Type"), r.read()
    finally:
        conn.close()


class MapTilesTest(unittest.TestCase):
    def test_without_tiles_the_config_has_no_template(self):
        with ServerProcess() as server:
            status, ctype, body = get(server, "/map-config.json")
            self.assertEqual(status, 200)
            self.assertEqual(ctype, "application/json")
            self.assertEqual(json.loads(body), {"tileUrl": "", "attribution": ""})
            self.assertNotEqual(get(server, "/tiles/1/0/0.png")[0], 200)  # no tiles, no tile route

    def test_osm_preset_names_the_source(self):
        with ServerProcess(args=["--tile-url", "osm"]) as server:
            config = json.loads(get(server, "/map-config.json")[2])
            self.assertEqual(config["tileUrl"], "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
            self.assertEqual(config["attribution"], "© OpenStreetMap contributors")

    def test_tiles_from_a_folder(self):
        with tempfile.TemporaryDirectory() as tmp:
            tiles = os.path.join(tmp, "tiles")
            os.makedirs(os.path.join(tiles, "3", "4"))
            with open(os.path.join(tiles, "3", "4", "2.png"), "wb") as fh:
                fh.write(PNG)
            with open(os.path.join(tmp, "secret.png"), "wb") as fh:
                fh.write(b"secret")
            with ServerProcess(args=["--tiles", tiles, "--tile-attribution", "Kiosk map"]) as server:
                config = json.loads(get(server, "/map-config.json")[2])
                self.assertEqual(config, {"tileUrl": "tiles/{z}/{x}/{y}.png", "attribution": "Kiosk map"})
                status, ctype, body = get(server, "/tiles/3/4/2.png")
                self.assertEqual((status, ctype, body), (200, "image/png", PNG))
                self.assertEqual(get(server, "/tiles/3/4/3.png")[0], 404)        # missing tile
                self.assertEqual(get(server, "/tiles/3/9/2.png")[0], 404)        # outside the z3 grid
                self.assertEqual(get(server, "/tiles/../secret.png")[0], 404)
                self.assertEqual(get(server, "/tiles/%2e%2e/secret.png")[0], 404)
                self.assertEqual(get(server, "/tiles/3/4/2.png.gz")[0], 404)

    def test_data_credit_only_when_the_register_is_served(self):
        # the full network holds Germany's stations from the Bundesnetzagentur register (CC BY 4.0)
        with ServerProcess(sim_data="full", args=["--tile-url", "osm"]) as server:
            config = json.loads(get(server, "/map-config.json")[2])
            self.assertEqual(config["dataAttribution"], BNETZA_ATTRIBUTION)
            self.assertIn("Bundesnetzagentur", config["dataAttribution"])
            self.assertEqual(config["attribution"], "© OpenStreetMap contributors")  # the tiles keep theirs
        with ServerProcess(sim_data="seed") as server:  # the seed area is Dutch demo data: no credit owed
            self.assertNotIn("dataAttribution", json.loads(get(server, "/map-config.json")[2]))
        # behind --upstream the data is the real service's, not the register: no credit from here
        env = dict(os.environ, **{API_KEY_ENV: "test-key"})
        with ServerProcess(sim_data="full", args=["--upstream", "http://127.0.0.1:9"], env=env) as server:
            self.assertNotIn("dataAttribution", json.loads(get(server, "/map-config.json")[2]))

    def test_bad_options_are_refused(self):
        for args in (["--tiles", "/no/such/folder"], ["--tiles", ".", "--tile-url", "osm"]):
            result = subprocess.run([sys.executable, str(REPO / "serve.py"), *args, "--port", "0"],
                                    capture_output=True, text=True, timeout=20)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn("--tile", result.stderr)


if __name__ == "__main__":
    unittest.main()
