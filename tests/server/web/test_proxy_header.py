"""The client's address behind a front proxy: serve.py counts and logs a request under X-Real-IP only when
started with --trust-proxy-header and only on a loopback connection; X-Forwarded-For is never read. Each
attack is a client that talks to serve.py directly and names another address."""
import email.message
import time
import unittest

from server.web.client_address import client_address, is_loopback
from server.web.connections import Connections

from ..support.server_process import ServerProcess

# one address's budget at --rate-limit 1 --rate-burst 2: ten drivers' worth, 20 at once
BURST_OF_ONE_ADDRESS = 20


def headers(*pairs):
    message = email.message.Message()
    for name, value in pairs:
        message[name] = value
    return message


class ClientAddressTest(unittest.TestCase):
    def test_believed_only_when_trusted_and_from_loopback(self):
        forged = headers(("X-Real-IP", "198.51.100.7"))
        self.assertEqual(client_address("127.0.0.1", forged, trust_proxy=True), "198.51.100.7")
        self.assertEqual(client_address("::1", forged, trust_proxy=True), "198.51.100.7")
        self.assertEqual(client_address("127.0.0.1", forged, trust_proxy=False), "127.0.0.1")
        self.assertEqual(client_address("203.0.113.9", forged, trust_proxy=True), "203.0.113.9")

    def test_anything_but_one_address_is_not_believed(self):
        for bad in (headers(("X-Real-IP", "not an address")), headers(("X-Real-IP", "1.2.3.4, 5.6.7.8")),
                    headers(("X-Real-IP", "1.2.3.4"), ("X-Real-IP", "5.6.7.8")), headers(),
                    headers(("X-Forwarded-For", "198.51.100.7")), headers(("Forwarded", "for=198.51.100.7"))):
            self.assertEqual(client_address("127.0.0.1", bad, trust_proxy=True), "127.0.0.1", bad.items())

    def test_loopback(self):
        self.assertTrue(is_loopback("127.0.0.1"))
        self.assertTrue(is_loopback("127.3.4.5"))
        self.assertTrue(is_loopback("::ffff:127.0.0.1"))
        self.assertFalse(is_loopback("10.0.0.1"))
        self.assertFalse(is_loopback(""))

    def test_a_trusted_proxy_is_not_held_to_one_address_share(self):
        table = Connections(max_total=8, max_per_address=2)
        socks = [object() for _ in range(5)]
        self.assertEqual([table.admit(s, "127.0.0.1", capped=False) for s in socks], [True] * 5)
        self.assertEqual(table.open_count("127.0.0.1"), 5)


class ForgedAddressTest(unittest.TestCase):
    """A budget of 20 requests at once per address: a client naming a new address on every request must
    still run out after 20, unless serve.py trusts a proxy on loopback to name the client."""

    def spend(self, server, name_header):
        statuses = []
        for i in range(BURST_OF_ONE_ADDRESS + 10):
            forged = {"X-Forwarded-For": f"198.51.100.{i}", "Forwarded": f"for=198.51.100.{i}"}
            if name_header:
                forged["X-Real-IP"] = f"198.51.100.{i}"
            statuses.append(server.request("GET", "/api/servicestatus", headers=forged)[0])
        return statuses

    def test_without_the_option_no_header_names_the_client(self):
        with ServerProcess(args=["--rate-limit", "1", "--rate-burst", "2"], quiet=False) as server:
            statuses = self.spend(server, name_header=True)
            self.assertIn(429, statuses)
            self.assertEqual(statuses[:BURST_OF_ONE_ADDRESS], [200] * BURST_OF_ONE_ADDRESS)
            time.sleep(0.2)
            log = server.stderr()
            self.assertIn("127.0.0.1 - \"GET /api/servicestatus", log)
            self.assertNotIn("198.51.100.", log)

    def test_with_the_option_x_forwarded_for_still_names_nobody(self):
        with ServerProcess(args=["--rate-limit", "1", "--rate-burst", "2", "--trust-proxy-header"]) as server:
            self.assertIn(429, self.spend(server, name_header=False))

    def test_with_the_option_the_proxy_names_the_client(self):
        with ServerProcess(args=["--rate-limit", "1", "--rate-burst", "2", "--trust-proxy-header"],
                           quiet=False) as server:
            self.assertNotIn(429, self.spend(server, name_header=True))
            time.sleep(0.2)
            self.assertIn("198.51.100.3 - \"GET /api/servicestatus", server.stderr())


if __name__ == "__main__":
    unittest.main()
