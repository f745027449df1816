"""Sticker links into the app: /qr/... and /evse/... on this host redirect to the app page with the
code as a query parameter; nothing else is redirected, and odd paths are not."""
import http.client
import os
import tempfile
import unittest
import urllib.parse

from server.web.deep_links import redirect_for
from ..support.server_process import ServerProcess


class RedirectRuleTest(unittest.TestCase):
    def test_sticker_paths(self):
        self.assertEqual(redirect_for("/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f"),
                         "/?qr=" + urllib.parse.quote(
                             "https://greenflux.app/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f", safe=""))
        self.assertEqual(redirect_for("/evse/NL*GFX*E10154*1"), "/?evse=NL%2AGFX%2AE10154%2A1")
        # the server decodes the path once (target.py); a second decoding here would take %2A for *
        self.assertIsNone(redirect_for("/evse/NL%2AGFX%2AE10154%2A1"))

    def test_other_paths_are_left_alone(self):
        for path in ["/", "/index.html", "/qr/a/b", "/qr/a/b/c/d", "/qr/a/b/<script>", "/evse/", "/evse/a/b",
                     "/qr/a/b/../", "/evse/\xff", "/evse/" + "A" * 65, "/qr//b/c", "/qr/a/b/.."]:
            with self.subTest(path=path):
                self.assertIsNone(redirect_for(path))


class RedirectServedTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="deep-link-test-")
        with open(os.path.join(cls.tmp.name, "index.html"), "wb") as fh:
            fh.write(b"<!doctype html><title>app</title>")
        cls.server = ServerProcess(root=cls.tmp.name).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()
        cls.tmp.cleanup()

    def request(self, method, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            conn.request(method, path)
            r = conn.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            conn.close()

    def test_a_sticker_link_redirects_to_the_app(self):
        status, headers, body = self.request("GET", "/qr/gsop/greenflux/abc")
        self.assertEqual(status, 302)
        self.assertEqual(headers["Location"], "/?qr=https%3A%2F%2Fgreenflux.app%2Fqr%2Fgsop%2Fgreenflux%2Fabc")
        self.assertEqual(body, b"")
        status, headers, _ = self.request("HEAD", "/evse/DE*AB7*E840*6487")
        self.assertEqual(status, 302)
        self.assertEqual(headers["Location"], "/?evse=DE%2AAB7%2AE840%2A6487")
        status, headers, _ = self.request("GET", "/evse/NL%2AGFX%2AE10154%2A1")  # decoded once, by the server
        self.assertEqual((status, headers["Location"]), (302, "/?evse=NL%2AGFX%2AE10154%2A1"))
        self.assertEqual(self.request("GET", "/evse/NL%252AGFX")[0], 404)  # never twice

    def test_the_app_page_and_unknown_paths_are_not_redirected(self):
        self.assertEqual(self.request("GET", "/?evse=DEAB7E8406487")[0], 200)
        self.assertEqual(self.request("GET", "/qr/a/b")[0], 404)
        self.assertEqual(self.request("POST", "/qr/a/b/c")[0], 405)


if __name__ == "__main__":
    unittest.main()
