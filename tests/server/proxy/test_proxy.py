"""Proxy mode against a fake Charge Assist on 127.0.0.1 that records what it receives: the key is added
and never leaks (not even echoed gzip-compressed), only allow-listed headers cross either way, only
allow-listed paths pass, non-ASCII paths and queries are escaped, the time-out holds for the whole
answer, made-up tokens buy no budget, upstream failures are clear JSON errors."""
import gzip
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ..support.server_process import SERVE, ServerProcess

KEY = "ca-test-key-7f3d9b21e5"


class FakeUpstream(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers.items()),
                                 "body": body})
        if "/slow" in self.path or "slow=1" in self.path:
            time.sleep(3)
        if "trickle=1" in self.path:
            # an answer that comes a byte at a time: each read is quick, the whole is not
            data = b'{"padding":"' + b"x" * 40 + b'"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            for i in range(len(data)):
                try:
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.25)
            return
        if "gzecho=1" in self.path:
            data = gzip.compress(json.dumps({"youSent": dict(self.headers.items())}).encode())
            return self._send(200, data, {"Content-Encoding": "gzip"})
        if "folded=1" in self.path:
            return self._send(200, b"{}", {"Content-Language": "nl,\r\n en", "X-Upstream-Secret": "internal"})
        if "echo=1" in self.path:
            # a careless upstream that echoes the request headers back
            return self._send(200, json.dumps({"youSent": dict(self.headers.items())}).encode(),
                              {"X-Echo-Auth": self.headers.get("Authorization", "")})
        if "fail=empty" in self.path:
            return self._send(500, b"")
        if "fail=503" in self.path:
            return self._send(503, b'"Service Unavailable"')
        if self.path.startswith("/base/locations/"):
            return self._send(200, b'{"id":"nl-up-1","name":"Upstream place"}',
                              {"continuationToken": "next", "Set-Cookie": "sid=1", "Connection": "keep-alive",
                               "Keep-Alive": "timeout=5"})
        self._send(200, json.dumps({"ok": True, "path": self.path}).encode())

    def _send(self, status, data, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _answer


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the slow answer meets a connection the proxy already gave up on: expected, not news


class ProxyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.upstream = QuietServer(("127.0.0.1", 0), FakeUpstream)
        cls.upstream.daemon_threads = True
        cls.upstream.seen = []
        threading.Thread(target=cls.upstream.serve_forever, daemon=True).start()
        env = dict(os.environ, CHARGE_ASSIST_API_KEY=KEY)
        url = f"http://127.0.0.1:{cls.upstream.server_address[1]}/base"
        cls.server = ServerProcess(args=["--upstream", url, "--upstream-timeout", "1"], env=env, quiet=False).start()
        cls.answers = []

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()
        cls.upstream.shutdown()
        cls.upstream.server_close()

    def call(self, method, path, body=None, headers=None):
        before = len(self.upstream.seen)
        status, hdrs, data = self.server.request(method, path, body=body, headers=headers)
        self.answers.append((dict(hdrs.items()), data))
        seen = self.upstream.seen[before:]
        return status, dict(hdrs.items()), data, seen

    def raw_call(self, method, path, headers):
        """Over http.client, which (unlike urllib) sends the Connection header it is given."""
        before = len(self.upstream.seen)
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=15)
        conn.request(method, path, headers=headers)
        answer = conn.getresponse()
        data = answer.read()
        conn.close()
        self.answers.append((dict(answer.getheaders()), data))
        return answer.status, dict(answer.getheaders()), data, self.upstream.seen[before:]

    def test_forwards_with_the_key_and_without_hop_by_hop_headers(self):
        status, hdrs, data, seen = self.raw_call("GET", "/api/locations/boundingbox?bottomLeftLat=52.3&x=%20y", {
            "continuationToken": "abc", "Accept-Language": "nl", "Authorization": "Bearer from-the-browser",
            "Connection": "keep-alive, X-Hop", "X-Hop": "1", "Keep-Alive": "timeout=5", "TE": "trailers",
            "Proxy-Authorization": "Basic eA==", "Upgrade": "websocket", "Cookie": "a=b"})
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(data), {"id": "nl-up-1", "name": "Upstream place"})
        self.assertEqual(len(seen), 1)
        got = seen[0]
        self.assertEqual(got["method"], "GET")
        self.assertEqual(got["path"], "/base/locations/boundingbox?bottomLeftLat=52.3&x=%20y")
        headers = {k.lower(): v for k, v in got["headers"].items()}
        self.assertEqual(headers["authorization"], f"ApiKey {KEY}")
        self.assertEqual(headers["continuationtoken"], "abc")
        self.assertEqual(headers["accept-language"], "nl")
        for hop in ("x-hop", "keep-alive", "te", "proxy-authorization", "upgrade", "cookie"):
            self.assertNotIn(hop, headers)
        self.assertNotIn("x-hop", headers.get("connection", "").lower())
        # the answer's end-to-end headers come back, its cookies and hop-by-hop headers do not
        lowered = {k.lower(): v for k, v in hdrs.items()}
        self.assertEqual(lowered["continuationtoken"], "next")
        self.assertNotIn("set-cookie", lowered)
        self.assertNotIn("keep-alive", lowered)

    def test_forwards_bodies_verbatim(self):
        body = {"locationId": "nl-x", "evseUid": "NL-X-E1-1", "paymentMethodId": "pm"}
        status, _, data, seen = self.call("POST", "/api/session/start?appToken=tok%2F1", body=body)
        self.assertEqual(status, 200)
        self.assertEqual(seen[0]["path"], "/base/session/start?appToken=tok%2F1")
        self.assertEqual(json.loads(seen[0]["body"]), body)
        self.assertEqual(seen[0]["headers"]["Content-Type"], "application/json")
        status, _, _, seen = self.call("DELETE", "/api/payment/tok/pm-1")
        self.assertEqual((status, seen[0]["method"], seen[0]["path"]), (200, "DELETE", "/base/payment/tok/pm-1"))

    def test_only_allow_listed_headers_cross(self):
        status, _, _, seen = self.raw_call("GET", "/api/servicestatus", {
            "X-Original-URL": "/account/mapuseranddrivers", "X-Rewrite-URL": "/vid", "X-HTTP-Method-Override": "DELETE",
            "X-Real-IP": "10.0.0.1", "X-Forwarded-Server": "x", "X-Forwarded-For": "1.2.3.4", "Forwarded": "for=x",
            "Origin": "https://evil.example", "Referer": "https://evil.example/", "Content-Type": "application/json",
            "Accept": "application/json", "User-Agent": "probe"})
        self.assertEqual(status, 200)
        sent = {k.lower() for k in seen[0]["headers"]}
        for name in ("x-original-url", "x-rewrite-url", "x-http-method-override", "x-real-ip", "x-forwarded-server",
                     "x-forwarded-for", "forwarded", "origin", "referer", "user-agent"):
            self.assertNotIn(name, sent)
        self.assertLessEqual({"accept", "content-type", "authorization"}, sent)
        # and back: folded values are joined, unknown headers stay behind
        status, hdrs, _, _ = self.call("GET", "/api/servicestatus?folded=1")
        lowered = {k.lower(): v for k, v in hdrs.items()}
        self.assertEqual(lowered["content-language"], "nl, en")
        self.assertNotIn("x-upstream-secret", lowered)

    def test_a_gzip_echo_of_the_key_is_scrubbed(self):
        for accept in ("gzip", "identity"):
            status, hdrs, data, seen = self.raw_call("GET", "/api/servicestatus?gzecho=1", {"Accept-Encoding": accept})
            self.assertEqual(status, 200)
            body = gzip.decompress(data) if hdrs.get("Content-Encoding") == "gzip" else data
            self.assertNotIn(KEY.encode(), body)
            self.assertIn(b"[redacted]", body)
            self.assertNotIn(KEY.encode(), gzip.compress(body))

    def test_non_ascii_paths_and_queries_are_escaped(self):
        for raw, forwarded in ((b"/api/locations/\xc3\xa9", "/base/locations/%C3%A9"),
                               (b"/api/locations/search?q=M\xc3\xbcller", "/base/locations/search?q=M%C3%BCller"),
                               (b"/api/locations/%C3%A9", "/base/locations/%C3%A9"),
                               (b"/api/locations/search?q=M%C3%BCller&x=a%20b", "/base/locations/search?q=M%C3%BCller&x=a%20b")):
            before = len(self.upstream.seen)
            with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as sock:
                sock.sendall(b"GET " + raw + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                answer = b""
                while chunk := sock.recv(65536):
                    answer += chunk
            self.assertTrue(answer.startswith(b"HTTP/1.1 200"), (raw, answer[:200]))
            self.assertEqual(self.upstream.seen[before]["path"], forwarded)

    def test_the_time_out_is_for_the_whole_answer(self):
        began = time.monotonic()
        status, _, data, _ = self.call("GET", "/api/servicestatus?trickle=1")
        took = time.monotonic() - began
        self.assertEqual(status, 504)
        self.assertLess(took, 2.5)  # --upstream-timeout 1; the trickle takes 11 s

    def test_made_up_tokens_do_not_reach_the_upstream_unlimited(self):
        env = dict(os.environ, CHARGE_ASSIST_API_KEY=KEY)
        url = f"http://127.0.0.1:{self.upstream.server_address[1]}/base"
        with ServerProcess(args=["--upstream", url, "--rate-limit", "0.1", "--rate-burst", "5"], env=env) as server:
            before = len(self.upstream.seen)
            began = time.monotonic()
            statuses = [server.api("GET", f"/payment/fresh-{i}/wallet?fail=401")[0] for i in range(300)]
            took = time.monotonic() - began
            went = len(self.upstream.seen) - before
            self.assertLessEqual(went, 50 + 1 * took + 2)  # the address's budget (burst 50, 1/s); before, all 300
            self.assertIn(429, statuses)

    def test_a_token_the_upstream_accepted_is_a_drivers(self):
        from server.proxy import Proxy, Upstream
        from server.web import Request
        proxy = Proxy(Upstream("http://127.0.0.1:9/base", KEY))
        self.assertFalse(proxy.registered("t-1"))
        proxy._learn(Request("GET", "/api/payment/t-1/wallet", {"appToken": "t-1"}, {}, {}))
        proxy._learn(Request("GET", "/api/session/status", {}, {"appToken": ["t-2"]}, {}))
        self.assertTrue(proxy.registered("t-1") and proxy.registered("t-2"))

    def test_paths_outside_the_allow_list_are_refused_locally(self):
        for method, path in (("POST", "/api/account/mapuseranddrivers"), ("POST", "/api/webhooks/paymentstatus"),
                             ("GET", "/api/locations"), ("GET", "/api/../admin"), ("POST", "/api/vid/t/register"),
                             ("GET", "/api/session/externalcdr/1/authid/2"), ("PUT", "/api/locations/x")):
            status, _, data, seen = self.call(method, path, body={} if method != "GET" else None)
            self.assertIn(status, (404, 405), path)
            self.assertEqual(seen, [], path)
            self.assertIn("detail", json.loads(data))
        for path in ("/api/locations/..%2Faccount%2Fmapuseranddrivers", "/api/locations/%2E%2E",
                     "/api/payment/t/..%5Cvid"):
            status, _, data, seen = self.call("GET" if "locations" in path else "DELETE", path)
            self.assertEqual(status, 400, path)
            self.assertEqual(seen, [], path)
        status, _, _, seen = self.raw_call("GET", "/api/locations/../servicestatus", {})
        self.assertIn(status, (400, 404))
        self.assertEqual(seen, [])
        status, _, _, seen = self.call("POST", "/sim/control", body={"evseUid": "x", "action": "plug"})
        self.assertEqual(status, 404)
        self.assertEqual(seen, [])

    def test_the_key_never_reaches_the_client(self):
        status, hdrs, data, seen = self.call("GET", "/api/servicestatus?echo=1")
        self.assertEqual(status, 200)
        self.assertEqual(seen[0]["headers"]["Authorization"], f"ApiKey {KEY}")
        self.assertNotIn(KEY.encode(), data)
        self.assertIn(b"[redacted]", data)
        self.assertNotIn(KEY, json.dumps(hdrs))

    def test_upstream_failures_are_clear_json_errors(self):
        status, _, data, seen = self.call("GET", "/api/servicestatus?slow=1")
        self.assertEqual(status, 504)
        self.assertIn("did not answer in time", json.loads(data)["detail"])
        self.assertTrue(self.server.alive())
        status, _, data, _ = self.call("GET", "/api/servicestatus?fail=empty")
        self.assertEqual(status, 502)
        self.assertIn("failed", json.loads(data)["detail"])
        status, _, data, _ = self.call("GET", "/api/servicestatus?fail=503")
        self.assertEqual((status, json.loads(data)), (503, "Service Unavailable"))

    def test_unreachable_upstream_is_a_502(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            dead_port = s.getsockname()[1]
        env = dict(os.environ, CHARGE_ASSIST_API_KEY=KEY)
        with ServerProcess(args=["--upstream", f"http://127.0.0.1:{dead_port}"], env=env) as server:
            status, body = server.api("GET", "/servicestatus")
        self.assertEqual(status, 502)
        self.assertIn("cannot be reached", body["detail"])

    def test_key_is_required_and_never_logged(self):
        env = {k: v for k, v in os.environ.items() if k != "CHARGE_ASSIST_API_KEY"}
        done = subprocess.run([sys.executable, str(SERVE), "--upstream", "http://127.0.0.1:9", "--port", "0"],
                              env=env, capture_output=True, timeout=30)
        self.assertEqual(done.returncode, 2)
        self.assertIn(b"CHARGE_ASSIST_API_KEY", done.stderr)
        self.call("GET", "/api/locations/x?echo=1")
        log = self.server.stderr()
        self.assertIn("/api/locations/x", log)  # the request log is on
        self.assertNotIn(KEY, log)
        for hdrs, data in self.answers:
            self.assertNotIn(KEY.encode(), data)
            self.assertNotIn(KEY, json.dumps(hdrs))


if __name__ == "__main__":
    unittest.main()
