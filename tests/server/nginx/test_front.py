"""The production front, started as an operator would (tools/nginx/run.sh): the real nginx on a free port
with HTTPS (its self-signed certificate) and HTTP/2 before two serve.py workers. What nginx serves itself
(brotli and gzip copies, long caching of hashed names only, MIME types, security headers on every kind
of answer, no dotfiles), what it passes on (deep links, the API, the client's real address), what it
keeps out of its log, and that its runtime folder is private."""
import json
import os
import socket
import ssl
import stat
import subprocess
import tempfile
import time
import unittest

from ..support.front_process import FrontProcess, MISSING, curl_http_version, nginx_installed, unverified_context
from . import fake_build

SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
            "X-Frame-Options", "Strict-Transport-Security")
IMMUTABLE = "public, max-age=31536000, immutable"


@unittest.skipUnless(nginx_installed(), MISSING)
class FrontTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="front-build-")
        os.chmod(cls.tmp.name, 0o755)
        cls.root = fake_build.make(os.path.join(cls.tmp.name, "dist"))
        cls.front = FrontProcess(serve_args=["--root", cls.root]).start()

    @classmethod
    def tearDownClass(cls):
        cls.front.stop()
        cls.front.cleanup()
        cls.tmp.cleanup()

    def get(self, path, headers=None):
        return self.front.request("GET", path, headers=headers)

    def read(self, name):
        with open(os.path.join(self.root, name), "rb") as fh:
            return fh.read()

    def test_the_wasm_goes_out_as_brotli_when_asked_and_gzip_otherwise(self):
        wasm = "/" + fake_build.WASM
        status, headers, body = self.get(wasm, {"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual((status, headers["Content-Encoding"]), (200, "br"))
        self.assertEqual(body, self.read(fake_build.WASM + ".br"))
        self.assertEqual(headers["Content-Type"], "application/wasm")
        self.assertIn("Accept-Encoding", headers["Vary"])
        status, headers, body = self.get(wasm, {"Accept-Encoding": "gzip"})
        self.assertEqual((status, headers["Content-Encoding"], body), (200, "gzip", self.read(fake_build.WASM + ".gz")))
        status, headers, body = self.get(wasm)
        self.assertEqual((status, headers["Content-Encoding"], body), (200, None, self.read(fake_build.WASM)))

    def test_hashed_names_are_kept_for_good_and_the_page_worker_and_manifest_never(self):
        for path in ("/" + fake_build.WASM, "/" + fake_build.LOADER):
            status, headers, _ = self.get(path, {"Accept-Encoding": "br"})
            self.assertEqual((status, headers["Cache-Control"]), (200, IMMUTABLE), path)
        for path in ("/", "/index.html", "/sw.js", "/manifest.webmanifest"):
            status, headers, _ = self.get(path, {"Accept-Encoding": "br"})
            self.assertEqual(status, 200, path)
            self.assertEqual(headers["Cache-Control"], "no-cache", path)
            self.assertNotIn("immutable", headers["Cache-Control"], path)
        self.assertEqual(self.get("/icons/icon-192.png")[1]["Cache-Control"], "public, max-age=300")

    def test_media_types(self):
        expected = {"/index.html": "text/html; charset=utf-8", "/" + fake_build.WASM: "application/wasm",
                    "/" + fake_build.LOADER: "text/javascript; charset=utf-8",
                    "/manifest.webmanifest": "application/manifest+json; charset=utf-8",
                    "/icons/icon-192.png": "image/png", "/config.json": "application/json",
                    "/map-config.json": "application/json"}
        for path, media_type in expected.items():
            status, headers, _ = self.get(path)
            self.assertEqual((status, headers["Content-Type"].split(";")[0]), (200, media_type.split(";")[0]), path)

    def test_every_kind_of_answer_carries_the_security_headers_once(self):
        answers = {
            "page": self.get("/"), "hashed file": self.get("/" + fake_build.WASM),
            "API": self.get("/api/locations/nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0"),
            "API error": self.get("/api/no/such/endpoint"), "missing file": self.get("/nothing-here.js"),
            "dotfile": self.get("/.env"), "deep link": self.get("/qr/a/b/c"),
        }
        for what, (status, headers, _) in answers.items():
            for name in SECURITY:
                self.assertEqual(len(headers.get_all(name) or []), 1, f"{what} ({status}): {name}")
            self.assertIn("frame-ancestors 'none'", headers["Content-Security-Policy"], what)
            self.assertEqual(headers["X-Content-Type-Options"], "nosniff", what)
            self.assertEqual(headers["Strict-Transport-Security"], "max-age=31536000", what)

    def test_http2_is_offered_and_spoken(self):
        with socket.create_connection(("127.0.0.1", self.front.port), timeout=10) as raw:
            with unverified_context().wrap_socket(raw, server_hostname="localhost") as tls:
                self.assertEqual(tls.selected_alpn_protocol(), "h2")
                self.assertIn(tls.version(), ("TLSv1.2", "TLSv1.3"))
        version = curl_http_version(f"https://127.0.0.1:{self.front.port}/")
        if version is not None:
            self.assertEqual(version, "2")

    def test_plain_http_on_the_https_port_is_refused(self):
        with socket.create_connection(("127.0.0.1", self.front.port), timeout=10) as raw:
            raw.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            self.assertIn(b"400", raw.recv(4096).split(b"\r\n")[0])

    def test_sticker_deep_links_reach_the_app(self):
        status, headers, _ = self.get("/qr/GFX/NLGFX/0f0c5c4c-66e5-4c7b-8c24-7d3a6f3b2b1a")
        self.assertEqual(status, 302)
        self.assertEqual(headers["Location"],
                         "/?qr=https%3A%2F%2Fgreenflux.app%2Fqr%2FGFX%2FNLGFX%2F0f0c5c4c-66e5-4c7b-8c24-7d3a6f3b2b1a")
        status, headers, _ = self.get("/evse/NL*GFX*E1")
        self.assertEqual((status, headers["Location"]), (302, "/?evse=NL%2AGFX%2AE1"))
        status, _, body = self.get(headers["Location"])
        self.assertEqual((status, body), (200, self.read("index.html")))

    def test_the_api_and_the_deployment_answers_come_from_serve_py(self):
        status, body = self.front.api("PUT", "/token/front-test-driver")
        self.assertEqual(status, 200, body)
        status, body = self.front.api("GET", "/payment/front-test-driver/wallet")
        self.assertEqual((status, body["data"]), (200, []))
        self.assertEqual(json.loads(self.get("/config.json")[2])["mode"], "driver")
        self.assertIn("tileUrl", json.loads(self.get("/map-config.json")[2]))

    def test_bad_input_gets_a_clear_4xx_json_error(self):
        status, headers, body = self.front.request("POST", "/api/session/start?appToken=nobody", raw=b"{not json",
                                                   headers={"Content-Type": "application/json"})
        self.assertTrue(400 <= status < 500, status)
        json.loads(body)
        status, headers, body = self.front.request("POST", "/api/qr", raw=b"x" * (70 * 1024),
                                                   headers={"Content-Type": "application/json"})
        self.assertEqual(status, 413)
        self.assertEqual(json.loads(body)["code"], "TOO_LARGE")
        status, headers, body = self.front.request("POST", "/portal/checkin", body={"room": 1})
        self.assertTrue(400 <= status < 500, (status, body))

    def test_compressed_api_answers_when_the_client_takes_them(self):
        path = "/api/locations/boundingbox?bottomLeftLat=52.2&bottomLeftLng=4.8&topRightLat=52.6&topRightLng=5.4"
        status, headers, body = self.get(path, {"Accept-Encoding": "br"})
        self.assertEqual((status, headers["Content-Encoding"]), (200, "br"))
        self.assertEqual(headers["Cache-Control"], "no-store")

    def test_dotfiles_and_paths_out_of_the_root_are_not_served(self):
        for path in ("/.env", "/%2egit/config", "/icons/../../secret", "/.well-known/x"):
            status, _, body = self.get(path)
            self.assertIn(status, (400, 404), path)
            self.assertNotIn(b"secret", body)

    def test_serve_py_sees_the_driver_not_nginx_and_no_address_the_client_names(self):
        self.get("/api/servicestatus?probe=named", {"X-Real-IP": "198.51.100.23",
                                                    "X-Forwarded-For": "198.51.100.24", "Forwarded": "for=198.51.100.25"})
        logs = self.front.wait_for(
            lambda: "".join(t for t in (self.front.log("worker-1.log"), self.front.log("worker-2.log"))
                            if "probe=named" in t), what="the worker's log line")
        line = next(l for l in logs.splitlines() if "probe=named" in l)
        self.assertTrue(line.startswith("127.0.0.1 - "), line)
        self.assertNotIn("198.51.100.", logs)

    def test_the_access_log_shows_no_token(self):
        self.front.api("PUT", "/token/secret-token-4711")
        self.front.api("GET", "/session/status?appToken=secret-token-4711&chargeSessionId=x")
        self.front.api("GET", "/v2.1/favorites/secret-token-4711/locations")
        log = self.front.wait_for(lambda: (lambda t: t if t.count("[token]") >= 2 else None)(
            self.front.log("access.log")), what="the access log")
        self.assertIn('"PUT /api/token/[token] HTTP/1.1" 200', log)
        self.assertIn('"GET /api/session/status? HTTP/1.1"', log)
        for name, data in self.front.runtime_files().items():
            self.assertNotIn(b"secret-token-4711", data, name)

    def test_the_runtime_folder_is_private(self):
        self.assertEqual(stat.S_IMODE(os.stat(self.front.runtime).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.front.runtime, "self-signed.key")).st_mode), 0o600)
        for name in ("nginx.conf", "proxy.conf", "security_headers.conf"):
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.front.runtime, name)).st_mode) & 0o077, 0, name)
        self.assertIn("SELF-SIGNED", self.front.stderr())

    def test_started_as_root_nginx_works_as_www_data(self):
        if os.geteuid() != 0:
            self.skipTest("not started as root")
        listing = subprocess.run(["ps", "-o", "user=", "--ppid", str(self.front.nginx_pid())], capture_output=True,
                                 text=True, check=True).stdout
        users = {line.strip() for line in listing.splitlines()}
        self.assertEqual(users, {"www-data"})


@unittest.skipUnless(nginx_installed(), MISSING)
class RequestLimitTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.front = FrontProcess(front_args=["--api-rate", "1", "--api-burst", "3"], workers=1).start()

    @classmethod
    def tearDownClass(cls):
        cls.front.stop()
        cls.front.cleanup()

    def test_beyond_its_rate_an_address_gets_429_with_a_json_body(self):
        for path in ("/api/servicestatus", "/portal/checkin"):
            answers = [self.front.request("GET", path) for _ in range(8)]
            refused = [a for a in answers if a[0] == 429]
            self.assertTrue(refused, path)
            status, headers, body = refused[0]
            problem = json.loads(body)
            self.assertEqual(problem["code"], "RATE_LIMITED")
            self.assertEqual((problem["status"], problem["title"]), (429, "Too Many Requests"))
            self.assertTrue(problem["message"])
            self.assertEqual(headers["Content-Type"], "application/json")
            self.assertEqual(headers["Retry-After"], "1")
            self.assertIn("Content-Security-Policy", headers)
            time.sleep(4)  # the bucket fills again for the next path

    def test_the_app_files_are_not_limited(self):
        self.assertNotIn(429, {self.front.request("GET", "/sw.js")[0] for _ in range(12)})


if __name__ == "__main__":
    unittest.main()
