"""--faults: each kind does what it says, only on /api/, at the stated moment relative to the handler,
and a seed replays the same draw."""
import http.client
import json
import os
import socket
import tempfile
import time
import unittest

from server.web.faults import KINDS, FaultPlan, parse_spec

from ..support.server_process import MARGA, Driver, ServerProcess


class SpecTest(unittest.TestCase):
    def test_kinds_and_rates(self):
        self.assertEqual(parse_spec("latency=0.1, error=0.2"), {"latency": 0.1, "error": 0.2})
        self.assertEqual(parse_spec("0.2"), {k: 0.05 for k in KINDS})
        for bad in ("", "bogus=0.1", "error", "error=x", "error=1.5", "error=0.6,drop=0.6", "-0.1", "2",
                    "error=0.1,error=0.2"):
            with self.assertRaises(ValueError, msg=bad):
                parse_spec(bad)

    def test_rates_are_kept_and_seed_replays(self):
        plan = FaultPlan(parse_spec("0.4"), seed=3)
        draws = [plan.draw()[0] for _ in range(4000)]
        for kind in KINDS:
            self.assertAlmostEqual(draws.count(kind) / 4000, 0.1, delta=0.03, msg=kind)
        self.assertAlmostEqual(draws.count(None) / 4000, 0.6, delta=0.04)
        again = FaultPlan(parse_spec("0.4"), seed=3)
        self.assertEqual([again.draw()[0] for _ in range(4000)], draws)
        self.assertEqual({FaultPlan({"error": 0.0}).draw()[0] for _ in range(100)}, {None})


def raw_get(port, path, timeout=10):
    """(status line, headers dict, body bytes, closed) read by hand so short bodies can be seen."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    if not data:
        return None, {}, b"", True
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
    return lines[0], headers, body, True


BOX = "/api/locations/boundingbox?bottomLeftLat=52.3&bottomLeftLng=4.8&topRightLat=52.4&topRightLng=5.0"


class FaultServerTest(unittest.TestCase):
    def run_server(self, spec, *extra, state=None, root=None):
        server = ServerProcess(args=["--faults", spec, *extra], state=state, root=root).start()
        self.addCleanup(server._tmp.cleanup)
        self.addCleanup(server.stop)
        return server

    def test_error_is_a_json_503_on_api_only(self):
        root = tempfile.TemporaryDirectory()
        self.addCleanup(root.cleanup)
        with open(os.path.join(root.name, "hello.txt"), "w") as fh:
            fh.write("hello")
        server = self.run_server("error=1", root=root.name)
        status, body = server.api("GET", BOX[4:])
        self.assertEqual(status, 503)
        self.assertEqual(body["status"], 503)
        self.assertIn("unavailable", body["detail"])
        # outside /api/ nothing is injected
        status, _, data = server.request("GET", "/hello.txt")
        self.assertEqual((status, data), (200, b"hello"))
        status, body = server.control("NL-GFX-EChargestation-1", "reset")
        self.assertEqual(status, 200)

    def test_error_strikes_before_the_handler(self):
        with tempfile.TemporaryDirectory() as tmp:
            state = os.path.join(tmp, "s.sqlite")
            server = self.run_server("error=1", state=state)
            self.assertEqual(server.api("PUT", "/token/fault-error-driver")[0], 503)
            server.stop()
            with ServerProcess(state=state) as clean:
                self.assertEqual(clean.api("GET", "/v2.1/token/fault-error-driver")[0], 404)

    def test_drop_closes_without_an_answer_after_the_handler(self):
        with tempfile.TemporaryDirectory() as tmp:
            state = os.path.join(tmp, "s.sqlite")
            server = self.run_server("drop=1", state=state)
            status, headers, body, _ = raw_get(server.port, BOX)
            self.assertIsNone(status)
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.request("PUT", "/api/token/fault-drop-driver")
            with self.assertRaises((http.client.RemoteDisconnected, ConnectionError)):
                conn.getresponse()
            conn.close()
            self.assertTrue(server.alive())
            server.stop()
            # the registration took effect although its answer was lost
            with ServerProcess(state=state) as clean:
                self.assertEqual(clean.api("GET", "/v2.1/token/fault-drop-driver")[0], 200)

    def test_a_dropped_start_took_effect_and_shows_in_the_session_list(self):
        """The contract the app relies on: after a start whose answer was lost, the session list tells."""
        with tempfile.TemporaryDirectory() as tmp:
            state = os.path.join(tmp, "s.sqlite")
            with ServerProcess(state=state) as clean:
                driver = Driver(clean, "fault-start-driver")
                driver.register()
                card = driver.valid_card("FAULTSTART1")
            server = self.run_server("drop=1", state=state)
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.request("POST", "/api/session/start?appToken=fault-start-driver", body=json.dumps({
                "locationId": MARGA, "evseUid": "NL-GFX-EChargestation-1", "paymentMethodId": card["id"]}),
                headers={"Content-Type": "application/json"})
            with self.assertRaises((http.client.RemoteDisconnected, ConnectionError)):
                conn.getresponse()
            conn.close()
            server.stop()
            with ServerProcess(state=state) as clean:
                status, history = clean.api("GET", "/token/fault-start-driver/sessions")
                self.assertEqual(status, 200)
                self.assertEqual(len(history["data"]), 1)
                self.assertEqual(history["data"][0]["evseUid"], "NL-GFX-EChargestation-1")

    def test_truncate_sends_half_the_announced_body(self):
        server = self.run_server("truncate=1")
        status, headers, body, closed = raw_get(server.port, BOX)
        self.assertIn(" 200 ", status)
        announced = int(headers["content-length"])
        self.assertGreater(announced, 100)
        self.assertEqual(len(body), announced // 2)
        self.assertTrue(closed)

    def test_latency_delays_the_answer(self):
        server = self.run_server("latency=1")
        began = time.monotonic()
        status, _ = server.api("GET", "/locations/nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0")
        self.assertEqual(status, 200)
        self.assertGreaterEqual(time.monotonic() - began, 0.5)

    def test_seed_replays_the_same_faults(self):
        def outcomes():
            server = ServerProcess(args=["--faults", "error=0.3,drop=0.3", "--faults-seed", "11"]).start()
            try:
                seen = []
                for _ in range(30):
                    status, _, _, _ = raw_get(server.port, BOX)
                    seen.append("drop" if status is None else status.split()[1])
                return seen
            finally:
                server.stop()
                server._tmp.cleanup()
        first = outcomes()
        self.assertEqual(outcomes(), first)
        self.assertTrue({"drop", "503", "200"} <= set(first), first)


if __name__ == "__main__":
    unittest.main()
