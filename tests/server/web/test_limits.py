"""One misbehaving client cannot take the server from the others: rate limits per registered driver and
per address, clients that trickle or stall their requests are cut off while everyone else is served, and
one address cannot take every connection."""
import select
import socket
import threading
import time
import unittest
import uuid

from server.web.connections import Connections
from server.web.rate_limit import ADDRESS_SHARE, RateLimiter, RequestBudgets, request_token

from ..support.server_process import MARGA, ServerProcess


class RateLimiterTest(unittest.TestCase):
    def test_bucket(self):
        now = [100.0]
        limiter = RateLimiter(rate=2, burst=3, clock=lambda: now[0])
        self.assertEqual([limiter.take("a") for _ in range(3)], [0, 0, 0])
        self.assertAlmostEqual(limiter.take("a"), 0.5)
        self.assertEqual(limiter.take("b"), 0)       # another driver has its own budget
        now[0] += 0.5
        self.assertEqual(limiter.take("a"), 0)
        self.assertGreater(limiter.take("a"), 0)
        self.assertEqual(RateLimiter(0, 1).take("x"), 0)  # off

    def test_token(self):
        self.assertEqual(request_token({"appToken": "t1"}, {}), "t1")
        self.assertEqual(request_token({}, {"appToken": ["t2"]}), "t2")
        self.assertEqual(request_token({}, {"filter.appToken": ["t3"]}), "t3")
        self.assertIsNone(request_token({}, {}))

    def test_made_up_tokens_spend_the_address_budget(self):
        now = [0.0]
        budgets = RequestBudgets(2, 5, registered=lambda t: t.startswith("driver"), clock=lambda: now[0])
        passed = sum(budgets.take(f"fresh-{i}", "1.2.3.4") == 0 for i in range(300))
        self.assertEqual(passed, 5 * ADDRESS_SHARE)
        # a registered driver elsewhere has its own budget, and the driver's is its own within its address
        self.assertEqual([budgets.take("driver-1", "5.6.7.8") == 0 for _ in range(6)], [True] * 5 + [False])
        self.assertEqual(budgets.take("driver-2", "5.6.7.8"), 0)
        # a driver over budget spends nothing of its address's share
        now[0] += 100
        spent = [budgets.take("driver-1", "9.9.9.9") for _ in range(20)]
        self.assertEqual(sum(w == 0 for w in spent), 5)
        self.assertEqual(sum(budgets.take(None, "9.9.9.9") == 0 for _ in range(100)), 5 * ADDRESS_SHARE - 5)


class ConnectionTableTest(unittest.TestCase):
    def test_a_greedy_address_gives_way(self):
        now = [0.0]
        table = Connections(max_total=6, max_per_address=4, clock=lambda: now[0])
        greedy = [socket.socket() for _ in range(6)]
        try:
            self.assertEqual([table.admit(s, "6.6.6.6") for s in greedy[:4]], [True] * 4)
            for i, s in enumerate(greedy[:4]):
                now[0] += 1
                table.waiting(s, 20)
            # at its cap, the greedy address's longest-waiting connection makes room for its newest
            self.assertTrue(table.admit(greedy[4], "6.6.6.6"))
            self.assertEqual(table.open_count("6.6.6.6"), 4)
            self.assertTrue(table.admit(socket.socket(), "1.1.1.1"))
            self.assertTrue(table.admit(socket.socket(), "2.2.2.2"))
            # full: the greedy address (4) gives way to a third address (0)
            self.assertTrue(table.admit(socket.socket(), "3.3.3.3"))
            self.assertEqual(table.open_count(), 6)
            self.assertEqual(table.open_count("6.6.6.6"), 3)
            # a connection answering a request is never cut
            busy = Connections(max_total=1, max_per_address=1)
            self.assertTrue(busy.admit(greedy[5], "6.6.6.6"))
            busy.waiting(greedy[5], None)
            self.assertFalse(busy.admit(socket.socket(), "1.1.1.1"))
        finally:
            for s in greedy:
                s.close()


class RateLimitServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(args=["--rate-limit", "2", "--rate-burst", "5"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def test_rate_limit_is_per_driver(self):
        greedy, other = "greedy-" + uuid.uuid4().hex[:6], "other-" + uuid.uuid4().hex[:6]
        self.assertEqual(self.server.api("PUT", f"/token/{greedy}")[0], 200)
        self.assertEqual(self.server.api("PUT", f"/token/{other}")[0], 200)
        statuses = [self.server.api("GET", f"/v2.1/token/{greedy}")[0] for _ in range(5)]
        self.assertEqual(statuses, [200] * 5)
        status, hdrs, data = self.server.request("GET", f"/api/v2.1/token/{greedy}")
        self.assertEqual(status, 429)
        self.assertGreaterEqual(int(hdrs["Retry-After"]), 1)
        self.assertIn(b"Too many requests", data)
        self.assertEqual(self.server.api("GET", f"/v2.1/token/{other}")[0], 200)  # others are served meanwhile
        self.assertNotEqual(self.server.request("GET", "/index.html")[0], 429)  # static files are not counted
        time.sleep(0.6)
        self.assertEqual(self.server.api("GET", f"/v2.1/token/{greedy}")[0], 200)


class SlowClientServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(args=["--client-timeout", "1"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def served_while(self, misbehave):
        """Runs `misbehave(sock)` on a raw connection, and meanwhile checks other clients are served.
        Returns how many other requests succeeded and whether the server closed the bad connection."""
        sock = socket.create_connection(("127.0.0.1", self.server.port), timeout=15)
        result = {}

        def bad_client():
            try:
                misbehave(sock)
                result["closed"] = True
            except (ConnectionError, OSError):
                result["closed"] = True
        thread = threading.Thread(target=bad_client, daemon=True)
        thread.start()
        served = 0
        for _ in range(10):
            status, _ = self.server.api("GET", f"/locations/{MARGA}", headers={"X-Who": "good"})
            served += status == 200
        thread.join(15)
        sock.close()
        return served, result.get("closed", False), thread.is_alive()

    def test_a_trickling_client_is_cut_off_and_others_are_served(self):
        def trickle(sock):
            sock.sendall(b"GET /api/servicestatus HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            for _ in range(60):  # one byte every 0.2 s: never a 1 s pause, but far beyond the 1 s budget
                sock.sendall(b"a")
                if select.select([sock], [], [], 0.2)[0]:
                    if sock.recv(1024) == b"":
                        return  # closed by the server
                    raise AssertionError("the server answered a request that never ended")
            raise AssertionError("the server kept waiting for 12 s")
        served, closed, stuck = self.served_while(trickle)
        self.assertEqual(served, 10)
        self.assertTrue(closed)
        self.assertFalse(stuck)

    def test_a_stalled_body_is_cut_off(self):
        def stall(sock):
            sock.sendall(b"POST /api/qr HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 100\r\n\r\n{\"url\":")
            data = sock.recv(1024)  # blocks until the server gives up on the rest of the body
            if data:
                raise AssertionError(f"unexpected answer {data[:60]!r}")
        served, closed, stuck = self.served_while(stall)
        self.assertEqual(served, 10)
        self.assertTrue(closed)
        self.assertFalse(stuck)

    def test_many_idle_connections_do_not_block_others(self):
        idle = [socket.create_connection(("127.0.0.1", self.server.port), timeout=15) for _ in range(40)]
        try:
            for _ in range(5):
                self.assertEqual(self.server.api("GET", f"/locations/{MARGA}")[0], 200)
            time.sleep(1.6)  # past the client time-out: the idle ones are closed by the server
            closed = sum(1 for s in idle if s.recv(1) == b"")
            self.assertEqual(closed, 40)
        finally:
            for s in idle:
                s.close()


if __name__ == "__main__":
    unittest.main()
