"""The front's processes live and die together: SIGTERM or SIGINT to run.sh stops nginx (its master and
workers) and every serve.py worker, and run.sh exits 0; even run.sh killed outright leaves nothing
behind; a worker that dies is started again on its port while nginx carries on; bad options are refused
before anything starts."""
import os
import signal
import subprocess
import time
import unittest

from ..support.front_process import RUN, FrontProcess, MISSING, alive, nginx_installed


def wait_gone(pids, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = [pid for pid in pids if alive(pid)]
        if not left:
            return []
        time.sleep(0.1)
    return left


@unittest.skipUnless(nginx_installed(), MISSING)
class LifecycleTest(unittest.TestCase):
    def started(self, workers=2):
        front = FrontProcess(workers=workers).start()
        self.addCleanup(front.cleanup)
        self.addCleanup(front.stop)
        below = front.descendants()
        self.assertEqual(len(front.worker_pids()), workers, below)
        self.assertTrue(any("nginx: master" in cmd for cmd in below.values()), below)
        self.assertTrue(any("nginx: worker" in cmd for cmd in below.values()), below)
        return front, list(below)

    def test_sigterm_stops_everything(self):
        front, pids = self.started()
        self.assertEqual(front.stop(signal.SIGTERM), 0)
        self.assertEqual(wait_gone(pids), [])
        self.assertIn("[front] stopped", front.stderr())

    def test_ctrl_c_stops_everything(self):
        front, pids = self.started(workers=1)
        self.assertEqual(front.stop(signal.SIGINT), 0)
        self.assertEqual(wait_gone(pids), [])

    def test_run_sh_killed_outright_leaves_no_process_behind(self):
        front, pids = self.started()
        front.stop(signal.SIGKILL)
        self.assertEqual(wait_gone(pids), [])

    def test_a_worker_that_dies_is_started_again_and_nginx_carries_on(self):
        front, _ = self.started()
        victim = front.worker_pids()[0]
        os.kill(victim, signal.SIGKILL)

        def replaced():  # one look at the processes: a dying worker may still be listed in one and gone in the next
            workers = front.worker_pids()
            return len(workers) == 2 and victim not in workers
        front.wait_for(replaced, timeout=30, what="a new worker")
        self.assertIn("starting it again", front.stderr())
        for _ in range(6):  # both upstreams answer again
            self.assertEqual(front.api("GET", "/servicestatus")[0], 200)

    def test_bad_options_are_refused_before_anything_starts(self):
        for args, says in ((["--port", "8443", "--tls-cert", "/nonexistent"], "go together"),
                           (["--port", "8443", "--host", "0.0.0.0"], "front's to set"),
                           (["--port", "8443", "--workers", "0"], "--workers"),
                           (["--port", "8443", "--state", ":memory:"], ":memory:"),
                           (["--port", "8443", "--runtime-dir", "/tmp"], "private")):
            result = subprocess.run(["bash", str(RUN), *args], capture_output=True, text=True, timeout=60)
            self.assertNotEqual(result.returncode, 0, args)
            self.assertIn(says, result.stderr, args)


if __name__ == "__main__":
    unittest.main()
