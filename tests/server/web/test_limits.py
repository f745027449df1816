"""One misbehaving client cannot take the server from the others: per-driver rate limits, and clients
that trickle or stall their requests are cut off while everyone else is served."""
import select
import socket
import threading
import time
import unittest
import uuid

from server.web.rate_limit import RateLimiter, client_key

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

    def test_key(self):
        self.assertEqual(client_key({"appToken": "t1"}, {}, "1.2.3.4"), "token:t1")
        self.assertEqual(client_key({}, {"appToken": ["t2"]}, "1.2.3.4"), "token:t2")
        self.assertEqual(client_key({}, {"filter.appToken": ["t3"]}, "1.2.3.4"), "token:t3")
        self.assertEqual(client_key({}, {}, "1.2.3.4"), "addr:1.2.3.4")


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
        statuses = [self.server.api("GET", f"/v2.1/token/{greedy}")[0] for _ in range(5)]
        self.assertEqual(statuses, [404] * 5)
        status, hdrs, data = self.server.request("GET", f"/api/v2.1/token/{greedy}")
        self.assertEqual(status, 429)
        self.assertGreaterEqual(int(hdrs["Retry-After"]), 1)
        self.assertIn(b"Too many requests", data)
        self.assertEqual(self.server.api("PUT", f"/token/{other}")[0], 200)  # others are served meanwhile
        self.assertNotEqual(self.server.request("GET", "/index.html")[0], 429)  # static files are not counted
        time.sleep(0.6)
        self.assertEqual(self.server.api("GET", f"/v2.1/token/{greedy}")[0], 404)


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
            sock.sendall(b"GET /api/servicestatus HTTP/1.1\r\nHost: x\r\nX-Slow: ")
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
            sock.sendall(b"POST /api/qr HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
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
