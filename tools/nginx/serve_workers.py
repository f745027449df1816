"""serve.py's worker processes behind nginx: each on its own loopback port, told to trust the proxy's
X-Real-IP (--trust-proxy-header) and to share one simulated clock (--shared-clock); its output in its own
log file in the runtime folder. A worker that dies is started again on its port."""
import http.client
import os
import re
import signal
import subprocess
import sys
import time

import children

SERVING = re.compile(rb"serving on http://127\.0\.0\.1:(\d+)/")
START_TIMEOUT = 60.0


class WorkerFailed(RuntimeError):
    pass


class Worker:
    def __init__(self, number, serve_py, serve_args, runtime, clock_group, env):
        self.number = number
        self.serve_py = serve_py
        self.serve_args = list(serve_args)
        self.log_path = os.path.join(runtime, f"worker-{number}.log")
        self.clock_group = clock_group
        self.env = env
        self.port = 0
        self.proc = None
        self.restarts = []   # monotonic times of restarts

    def start(self):
        """Starts serve.py and waits until it listens; its port."""
        with open(self.log_path, "ab") as log:
            start_of_run = log.tell()
            self.proc = children.spawn(
                [sys.executable, self.serve_py, *self.serve_args, "--host", "127.0.0.1", "--port", str(self.port),
                 "--trust-proxy-header", "--shared-clock", self.clock_group],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=self.env)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            with open(self.log_path, "rb") as log:
                log.seek(start_of_run)
                found = SERVING.search(log.read())
            if found:
                self.port = int(found.group(1))
                return self.port
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.stop(grace=2)
        raise WorkerFailed(f"serve.py worker {self.number} did not start:\n{self.log_tail()}")

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, grace=10.0):
        if self.proc is not None:
            children.end(self.proc, signal.SIGTERM, grace)

    def log_tail(self, lines=15):
        try:
            with open(self.log_path, "rb") as log:
                return b"\n".join(log.read().splitlines()[-lines:]).decode(errors="replace")
        except OSError:
            return "(no log)"

    def security_headers(self, names):
        """[(name, value)] of `names` as this worker sends them on every answer."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("HEAD", "/map-config.json", headers={"Host": "127.0.0.1"})
            answer = conn.getresponse()
            answer.read()
            found = [(name, answer.getheader(name)) for name in names]
        finally:
            conn.close()
        missing = [name for name, value in found if value is None]
        if missing:
            raise WorkerFailed(f"serve.py sent no {', '.join(missing)}")
        return found
