"""Runs serve.py as a real subprocess on an ephemeral port and talks to it over HTTP (urllib)."""
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SERVE = REPO / "serve.py"


def end_process(proc, ask_to_end):
    """Asks a child process to end (`ask_to_end()`), kills it after 10 s, and closes its stdout."""
    if proc.poll() is None:
        ask_to_end()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    proc.stdout.close()


class ApiCalls:
    """The calls a test makes through a running front (serve.py itself, or nginx before it), on top
    of its `request(method, path, body, headers, raw) -> (status, headers, bytes)` and `env`."""

    wait_interval = 0.02

    def api(self, method, path, body=None, headers=None, raw=None):
        """(status, parsed JSON or None) for /api paths."""
        status, hdrs, data = self.request(method, "/api" + path, body, headers, raw)
        return status, (json.loads(data) if data else None)

    def control(self, evse_uid, action, app_token=None):
        """/sim/control as the operator (the key), or with `app_token` as the driver of the EVSE's session."""
        if app_token is not None:
            path, headers = f"/sim/control?appToken={urllib.parse.quote(app_token)}", None
        else:
            path, headers = "/sim/control", {"X-Sim-Control-Key": self.env["SIM_CONTROL_KEY"]}
        status, _, data = self.request("POST", path, {"evseUid": evse_uid, "action": action}, headers)
        return status, json.loads(data)

    def wait_for(self, predicate, timeout=10, interval=None, what="condition"):
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            time.sleep(self.wait_interval if interval is None else interval)



class ServerProcess(ApiCalls):
    def __init__(self, state=None, time_scale=60, root=None, args=(), env=None, quiet=True, sim_data="seed",
                 extra_args=()):
        self._tmp = tempfile.TemporaryDirectory(prefix="serve-test-")
        self.state = state or os.path.join(self._tmp.name, "state.sqlite")
        self.root = root or os.path.join(self._tmp.name, "no-build-here")
        self.time_scale = time_scale
        self.args = list(args) + list(extra_args)
        # the operator's key for /sim/control, as a kiosk's or a test rig's start script would set it
        self.control_key = "test-" + secrets.token_hex(16)
        self.env = dict(os.environ if env is None else env)
        self.env.setdefault("SIM_CONTROL_KEY", self.control_key)
        self.quiet = quiet
        # the seed area starts in a fraction of the time; tests that need the country-wide network ask for it
        self.sim_data = sim_data
        self.proc = None
        self.port = None
        self.stderr_path = os.path.join(self._tmp.name, "stderr.txt")

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        self._tmp.cleanup()

    def start(self, timeout=15):
        self._stderr = open(self.stderr_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, str(SERVE), "--port", "0", "--state", self.state, "--root", self.root,
             "--time-scale", str(self.time_scale), *(["--quiet"] if self.quiet else []),
             # tests poll much faster than the app; the rate limit has tests of its own (test_limits)
             "--rate-limit", "0", "--sim-data", self.sim_data, *self.args],
            stdout=subprocess.PIPE, stderr=self._stderr, cwd=str(REPO), env=self.env)
        line = {}
        reader = threading.Thread(target=lambda: line.setdefault("text", self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        text = line.get("text", b"").decode()
        if not text.startswith("serving on http://"):
            self.stop()
            raise RuntimeError(f"server did not start: {text!r}\n{self.stderr()}")
        self.port = int(text.strip().rstrip("/").rsplit(":", 1)[1])
        return self

    def stop(self, kill=False):
        if self.proc is None:
            return
        end_process(self.proc, lambda: self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM))
        self._stderr.close()
        self.proc = None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stderr(self):
        try:
            return Path(self.stderr_path).read_text(errors="replace")
        except OSError:
            return ""

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, headers=None, raw=None):
        """(status, headers, body bytes). `body` is sent as JSON, `raw` as given."""
        data = raw
        hdrs = dict(headers or {})
        if body is not None:
            data = json.dumps(body).encode()
            hdrs.setdefault("Content-Type", "application/json")
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=15) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as err:
            with err:
                return err.code, err.headers, err.read()


MARGA = "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0"
VAN_DER_VALK = "nl-gfx-40fa8af1-c3f0-45e2-ad72-59b0f384fd02"


class Driver:
    """The app's side of the journey, one call per API step."""

    def __init__(self, server, token):
        self.server = server
        self.token = token

    def register(self):
        status, body = self.server.api("PUT", f"/token/{self.token}")
        assert status == 200, (status, body)
        return body

    def add_card(self, number):
        status, body = self.server.api("PUT", f"/payment/{self.token}/chargecard", {"visualNumber": number})
        assert status == 200, (status, body)
        return body

    def wallet(self, location_id=None):
        query = f"?locationId={location_id}" if location_id else ""
        status, body = self.server.api("GET", f"/payment/{self.token}/wallet{query}")
        assert status == 200, (status, body)
        return body

    def valid_card(self, number="770674109963002836"):
        card = self.add_card(number)

        def verified():
            for method in self.wallet()["data"]:
                if method["id"] == card["id"] and method["verificationStatus"] != "PENDING":
                    return method
        return self.server.wait_for(verified, what="card verification")

    def start(self, location_id, evse_uid, method_id, connector_id="1"):
        status, body = self.server.api("POST", f"/session/start?appToken={self.token}", {
            "locationId": location_id, "evseUid": evse_uid, "connectorId": connector_id,
            "paymentMethodId": method_id})
        assert status == 200, (status, body)
        return body["chargeSessionId"]

    def status(self, session_id, max_points=15):
        status, body = self.server.api(
            "GET", f"/session/status?appToken={self.token}&chargeSessionId={session_id}&maxDataPoints={max_points}")
        assert status == 200, (status, body)
        return body

    def stop(self, session_id):
        status, body = self.server.api("POST", f"/session/stop?appToken={self.token}",
                                       {"chargeSessionId": session_id})
        assert status == 200, (status, body)
        return body

    def wait_status(self, session_id, *wanted, timeout=10):
        seen = []

        def reached():
            body = self.status(session_id)
            seen.append(body["status"])
            return body if body["status"] in wanted else None
        try:
            return self.server.wait_for(reached, timeout=timeout, what=f"status in {wanted}")
        except AssertionError:
            raise AssertionError(f"never reached {wanted}; saw {sorted(set(seen))}")

    def evse_status(self, location_id, evse_uid):
        status, body = self.server.api("GET", f"/locations/{location_id}")
        assert status == 200, (status, body)
        return next(e["status"] for e in body["evses"] if e["uid"] == evse_uid)
