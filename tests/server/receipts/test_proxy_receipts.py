"""Behind --upstream the receipt is read from the real backend with the caller's token (and the operator's
key, added by the proxy): a fake Charge Assist on 127.0.0.1 answers only tok-a's session; another token
gets the same 404; an upstream that is gone is a 502 the app can retry."""
import email
import email.policy
import glob
import json
import os
import tempfile
import threading
import unittest
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ..support.server_process import ServerProcess
from .test_rules import cdr

KEY = "ca-receipts-key-91c2"


class FakeUpstream(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        self.server.seen.append((url.path, query, self.headers.get("Authorization")))
        if url.path == "/base/session/status" and query.get("appToken") == ["tok-a"] \
                and query.get("chargeSessionId") == ["s-1"]:
            data, status = json.dumps(cdr()).encode(), 200
        else:
            data, status = b'"Charge session not found."', 404
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class ProxyReceiptTest(unittest.TestCase):
    def test_receipt_through_the_upstream(self):
        upstream = ThreadingHTTPServer(("127.0.0.1", 0), FakeUpstream)
        upstream.seen = []
        threading.Thread(target=upstream.serve_forever, daemon=True).start()
        outbox = tempfile.TemporaryDirectory()
        self.addCleanup(outbox.cleanup)
        env = dict(os.environ, CHARGE_ASSIST_API_KEY=KEY)
        url = f"http://127.0.0.1:{upstream.server_address[1]}/base"
        with ServerProcess(env=env, args=["--upstream", url, "--outbox", outbox.name]) as server:
            status, _, data = server.request("POST", "/receipts/email", {
                "appToken": "tok-a", "sessionId": "s-1", "email": "driver@example.com"})
            self.assertEqual(status, 200, data)
            self.assertEqual(upstream.seen[0][0], "/base/session/status")
            self.assertEqual(upstream.seen[0][2], f"ApiKey {KEY}")
            [name] = glob.glob(os.path.join(outbox.name, "*.eml"))
            with open(name, "rb") as f:
                msg = email.message_from_binary_file(f, policy=email.policy.default)
            self.assertEqual(msg["Subject"], "rec-7")
            self.assertIn("Total: €12.10", msg.get_body(("plain",)).get_content())
            status, _, data = server.request("POST", "/receipts/email", {
                "appToken": "tok-b", "sessionId": "s-1", "email": "driver@example.com"})
            self.assertEqual((status, json.loads(data)["code"]), (404, "RECEIPT_NOT_FOUND"))
            upstream.shutdown()
            upstream.server_close()
            status, _, data = server.request("POST", "/receipts/pdf", {"appToken": "tok-a", "sessionId": "s-1"})
            self.assertEqual((status, json.loads(data)["code"]), (502, "UPSTREAM_UNAVAILABLE"))
            self.assertNotIn(KEY, server.stderr())


if __name__ == "__main__":
    unittest.main()
