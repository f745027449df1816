"""Static serving of the web build: MIME types, precompressed siblings, caching validators, HEAD,
path traversal, and the placeholder page when there is no build."""
import gzip
import http.client
import os
import subprocess
import tempfile
import time
import unittest

from ..support.server_process import ServerProcess

WASM = b"\x00asm\x01\x00\x00\x00" + bytes(range(256)) * 4
JS = b"console.log('evcharge');\n" * 50
JS_BR = b"pretend-brotli-bytes"  # served as is: the server never decodes
SECRET = b"top secret, outside the web root"
CELL = b"EVBM\x01\x0a\x00\x00" + bytes(range(256)) * 2  # a base map cell (binary)
CELL_BR = b"pretend-brotli-cell"


class StaticTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="static-test-")
        base = cls.tmp.name
        root = os.path.join(base, "dist")
        os.makedirs(os.path.join(root, "sub"))
        os.makedirs(os.path.join(root, "basemap", "10", "526"))
        files = {
            "index.html": b"<!doctype html><title>app</title>",
            "evcharge.wasm": WASM,
            "evcharge.0123456789abcdef.wasm": WASM,
            "sw.js": b"self.addEventListener('fetch', () => {});",
            "evcharge.js": JS,
            "evcharge.js.br": JS_BR,
            "evcharge.js.gz": gzip.compress(JS),
            "style.css": b"body{margin:0}",
            "manifest.webmanifest": b"{\"name\":\"EV\"}",
            "data.json": b"{}",
            "icon.png": b"\x89PNG\r\n\x1a\n",
            "icon.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            "font.ttf": b"\x00\x01\x00\x00",
            "basemap/10/526/336.bin": CELL,
            "basemap/10/526/336.bin.br": CELL_BR,
            "stale.js": b"new content",
            "stale.js.br": b"old content",
            "sub/index.html": b"<p>sub</p>",
        }
        for name, data in files.items():
            with open(os.path.join(root, name), "wb") as fh:
                fh.write(data)
        # a precompressed copy older than its source must not be served
        old = time.time() - 3600
        os.utime(os.path.join(root, "stale.js.br"), (old, old))
        with open(os.path.join(base, "secret.txt"), "wb") as fh:
            fh.write(SECRET)
        os.symlink(os.path.join(base, "secret.txt"), os.path.join(root, "link-out.txt"))
        cls.server = ServerProcess(root=root).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()
        cls.tmp.cleanup()

    def get(self, path, headers=None, method="GET"):
        """Raw request: the path goes out exactly as written, '..' included."""
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            conn.request(method, path, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.headers, resp.read()
        finally:
            conn.close()

    def test_index_at_root(self):
        status, headers, body = self.get("/")
        self.assertEqual(status, 200)
        self.assertEqual(body, b"<!doctype html><title>app</title>")
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertEqual(headers["Cache-Control"], "no-cache")
        self.assertEqual(self.get("/sub/")[2], b"<p>sub</p>")

    def test_how_long_each_file_may_be_kept(self):
        expected = {
            "/": "no-cache",
            "/sub/index.html": "no-cache",
            "/sw.js": "no-cache",
            "/manifest.webmanifest": "no-cache",
            "/evcharge.0123456789abcdef.wasm": "public, max-age=31536000, immutable",
            "/evcharge.wasm": "public, max-age=300",
            "/icon.png": "public, max-age=300",
            "/basemap/10/526/336.bin": "public, max-age=300",
        }
        for path, policy in expected.items():
            status, headers, _ = self.get(path)
            self.assertEqual((status, headers["Cache-Control"]), (200, policy), path)
        self.assertEqual(self.get("/evcharge.0123456789abcdef.wasm")[1]["Content-Type"], "application/wasm")

    def test_mime_types(self):
        expected = {
            "/evcharge.wasm": "application/wasm",
            "/evcharge.js": "text/javascript; charset=utf-8",
            "/style.css": "text/css; charset=utf-8",
            "/manifest.webmanifest": "application/manifest+json; charset=utf-8",
            "/data.json": "application/json; charset=utf-8",
            "/icon.png": "image/png",
            "/icon.svg": "image/svg+xml",
            "/font.ttf": "font/ttf",
            "/basemap/10/526/336.bin": "application/octet-stream",
        }
        for path, mime in expected.items():
            status, headers, _ = self.get(path)
            self.assertEqual((status, headers["Content-Type"]), (200, mime), path)
        status, headers, body = self.get("/evcharge.wasm")
        self.assertEqual(body, WASM)
        self.assertIsNone(headers["Content-Encoding"])

    def test_precompressed_siblings(self):
        status, headers, body = self.get("/evcharge.js", {"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual((status, body, headers["Content-Encoding"]), (200, JS_BR, "br"))
        self.assertEqual(headers["Content-Type"], "text/javascript; charset=utf-8")
        self.assertEqual(headers["Vary"], "Accept-Encoding")
        self.assertEqual(int(headers["Content-Length"]), len(JS_BR))
        status, headers, body = self.get("/evcharge.js", {"Accept-Encoding": "gzip"})
        self.assertEqual((headers["Content-Encoding"], gzip.decompress(body)), ("gzip", JS))
        status, headers, body = self.get("/evcharge.js", {"Accept-Encoding": "br;q=0, gzip;q=0.8"})
        self.assertEqual(headers["Content-Encoding"], "gzip")
        status, headers, body = self.get("/evcharge.js")
        self.assertEqual((body, headers["Content-Encoding"], headers["Vary"]), (JS, None, "Accept-Encoding"))
        status, headers, body = self.get("/stale.js", {"Accept-Encoding": "br"})
        self.assertEqual((body, headers["Content-Encoding"]), (b"new content", None))

    def test_base_map_cells_as_binary_with_their_brotli_copy(self):
        status, headers, body = self.get("/basemap/10/526/336.bin", {"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual((status, body, headers["Content-Encoding"]), (200, CELL_BR, "br"))
        self.assertEqual(headers["Content-Type"], "application/octet-stream")
        status, headers, body = self.get("/basemap/10/526/336.bin")
        self.assertEqual((status, body, headers["Content-Encoding"]), (200, CELL, None))
        # A cell outside the covered region is simply not there.
        self.assertEqual(self.get("/basemap/10/1/1.bin")[0], 404)

    def test_validators_and_304(self):
        status, headers, _ = self.get("/evcharge.wasm")
        etag, modified = headers["ETag"], headers["Last-Modified"]
        self.assertTrue(etag and modified)
        status, headers, body = self.get("/evcharge.wasm", {"If-None-Match": etag})
        self.assertEqual((status, body), (304, b""))
        status, _, _ = self.get("/evcharge.wasm", {"If-Modified-Since": modified})
        self.assertEqual(status, 304)
        status, _, _ = self.get("/evcharge.wasm", {"If-None-Match": '"something-else"'})
        self.assertEqual(status, 200)
        # each encoding is its own representation
        _, br_headers, _ = self.get("/evcharge.js", {"Accept-Encoding": "br"})
        status, _, _ = self.get("/evcharge.js", {"Accept-Encoding": "gzip", "If-None-Match": br_headers["ETag"]})
        self.assertEqual(status, 200)

    def test_head(self):
        status, headers, body = self.get("/evcharge.wasm", method="HEAD")
        self.assertEqual((status, body, int(headers["Content-Length"])), (200, b"", len(WASM)))
        self.assertEqual(headers["Content-Type"], "application/wasm")

    def test_no_way_out_of_the_root(self):
        for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/sub/../../secret.txt", "/%2e%2e%2fsecret.txt",
                     "/..%5csecret.txt", "/link-out.txt", "//etc/passwd", "/%00index.html", "/sub/%2e%2e/%2e%2e/secret.txt"):
            status, _, body = self.get(path)
            self.assertEqual(status, 404, path)
            self.assertNotIn(SECRET, body)
        self.assertEqual(self.get("/missing.js")[0], 404)

    def test_other_methods(self):
        status, headers, _ = self.get("/index.html", method="POST")
        self.assertEqual(status, 405)
        self.assertIn("GET", headers["Allow"])


class NotBuiltTest(unittest.TestCase):
    def test_placeholder_page_and_working_api(self):
        with ServerProcess() as server:  # its --root does not exist
            status, headers, body = server.request("GET", "/")
            self.assertEqual(status, 503)
            self.assertTrue(headers["Content-Type"].startswith("text/html"))
            self.assertIn(b"not built yet", body)
            status, body = server.api("PUT", "/token/someone")
            self.assertEqual(status, 200)


if __name__ == "__main__":
    unittest.main()


class PrecompressedByTheBuildTest(unittest.TestCase):
    """tools/precompress.sh's siblings are served: brotli must not give the copy its source's time
    cut to whole seconds, which reads as a copy older than the source (and so stale)."""

    def test_siblings_made_by_precompress_are_fresh(self):
        repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
        with tempfile.TemporaryDirectory(prefix="precompress-test-") as root:
            source = os.path.join(root, "app.js")
            with open(source, "wb") as fh:
                fh.write(JS)
            past = int(time.time()) - 60 + 0.75  # a source time with a fraction of a second
            os.utime(source, (past, past))
            subprocess.run(["bash", os.path.join(repo, "tools", "precompress.sh"), root], check=True)
            server = ServerProcess(root=root).start()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                for coding in ("br", "gzip"):
                    conn.request("GET", "/app.js", headers={"Accept-Encoding": coding})
                    response = conn.getresponse()
                    response.read()
                    self.assertEqual((response.status, response.getheader("Content-Encoding")), (200, coding))
                conn.close()
            finally:
                server.stop()
                server._tmp.cleanup()

    def test_cells_are_covered_and_fresh_copies_kept(self):
        """.bin files get siblings too; a file whose siblings are already fresh (the base map writer
        makes its own) is left alone rather than compressed again."""
        repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
        with tempfile.TemporaryDirectory(prefix="precompress-test-") as root:
            made, kept = os.path.join(root, "a.bin"), os.path.join(root, "b.bin")
            for path in (made, kept):
                with open(path, "wb") as fh:
                    fh.write(CELL)
            for suffix in (".br", ".gz"):
                with open(kept + suffix, "wb") as fh:
                    fh.write(b"made by the writer")
            subprocess.run(["bash", os.path.join(repo, "tools", "precompress.sh"), root], check=True)
            with open(made + ".gz", "rb") as fh:
                self.assertEqual(gzip.decompress(fh.read()), CELL)
            self.assertTrue(os.path.getsize(made + ".br") > 0)
            for suffix in (".br", ".gz"):
                with open(kept + suffix, "rb") as fh:
                    self.assertEqual(fh.read(), b"made by the writer")
