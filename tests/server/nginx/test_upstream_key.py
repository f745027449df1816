"""The operator's API key behind the front: the serve.py workers run as the proxy (--upstream, here a second
serve.py running the simulator) with the key in their environment. It must reach no answer, no file of the
runtime folder (config, logs, certificate), and not even nginx's own environment."""
import os
import unittest

from ..support.front_process import FrontProcess, MISSING, nginx_installed
from ..support.server_process import MARGA, ServerProcess

KEY = "operator-key-5f1e9c2d7a4b8e63"


@unittest.skipUnless(nginx_installed(), MISSING)
class UpstreamKeyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.backend = ServerProcess().start()
        env = dict(os.environ, CHARGE_ASSIST_API_KEY=KEY)
        cls.front = FrontProcess(serve_args=["--upstream", cls.backend.base + "/api"], env=env).start()

    @classmethod
    def tearDownClass(cls):
        cls.front.stop()
        cls.front.cleanup()
        cls.backend.stop()
        cls.backend._tmp.cleanup()

    def test_the_key_is_in_no_answer_no_file_and_not_in_nginx(self):
        answers = [
            self.front.request("PUT", "/api/token/key-test-driver"),
            self.front.request("GET", f"/api/locations/{MARGA}"),
            self.front.request("GET", "/api/payment/key-test-driver/wallet"),
            self.front.request("GET", "/api/not/allowed"),
            self.front.request("POST", "/api/session/start?appToken=key-test-driver", raw=b"{}",
                               headers={"Content-Type": "application/json"}),
            self.front.request("GET", "/api/locations/x?debug=1", headers={"Authorization": "ApiKey guess"}),
            self.front.request("GET", "/config.json"),
            self.front.request("GET", "/"),
            self.front.request("GET", "/sim/control"),
        ]
        self.assertEqual(answers[0][0], 200, answers[0])  # the proxy works: the backend answered
        self.assertEqual(answers[1][0], 200)
        for status, headers, body in answers:
            self.assertNotIn(KEY.encode(), body)
            self.assertNotIn(KEY, str(headers))
        files = self.front.runtime_files()
        self.assertIn("access.log", files)
        self.assertIn("worker-1.log", files)
        for name, data in files.items():
            self.assertNotIn(KEY.encode(), data, name)
        nginx = [pid for pid, command in self.front.descendants().items() if command.startswith("nginx: ")]
        self.assertGreaterEqual(len(nginx), 2)
        for pid, command in self.front.descendants().items():
            if command.startswith("nginx: "):  # master and workers (not serve.py, whose folder may say nginx)
                with open(f"/proc/{pid}/environ", "rb") as fh:
                    self.assertNotIn(KEY.encode(), fh.read(), command)


if __name__ == "__main__":
    unittest.main()
