"""Two simulator workers behind nginx share one SQLite state file (WAL, a busy time-out, every request one
BEGIN IMMEDIATE transaction). Drivers start and stop sessions at once through nginx while one worker is
killed outright mid-way: no "database is locked" anywhere, no 500, and no lost write: every start that was
answered is in the driver's history and every stop that was answered holds."""
import http.client
import os
import re
import signal
import threading
import time
import unittest
import uuid

from ..support.front_process import FrontProcess, MISSING, nginx_installed

DRIVERS = 6
ROUNDS = 6
BOX = "bottomLeftLat=52.2&bottomLeftLng=4.7&topRightLat=52.7&topRightLng=5.5"
RUNNING = {"REQUESTED", "STARTING", "CHARGING", "PARKING"}
CARD = "770674109963002836"


class Drive:
    """One driver's part, retrying what the worker's death cut off (as the app does)."""

    def __init__(self, front, evse, record):
        self.front = front
        self.token = "shared-" + uuid.uuid4().hex[:12]
        self.location_id, self.evse_uid, self.connector_id = evse
        self.record = record
        self.started, self.stopped = [], []

    def call(self, method, path, body=None, attempts=40):
        """The answer of the first attempt that reached serve.py; nginx's own 503 (a worker gone),
        dropped connections and answers cut short (the worker died between its headers and its body)
        are tried again."""
        for _ in range(attempts):
            try:
                status, data = self.front.api(method, path, body)
            except (OSError, http.client.HTTPException):
                self.record("dropped")
                time.sleep(0.1)
                continue
            self.record(status, data)
            if status == 503 and isinstance(data, dict) and data.get("code") == "UNAVAILABLE":
                time.sleep(0.1)
                continue
            return status, data
        raise AssertionError(f"{method} {path}: no answer after {attempts} attempts")

    def run(self):
        assert self.call("PUT", f"/token/{self.token}")[0] == 200
        status, card = self.call("PUT", f"/payment/{self.token}/chargecard", {"visualNumber": CARD})
        assert status == 200, (status, card)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            wallet = self.call("GET", f"/payment/{self.token}/wallet")[1]
            if any(m["id"] == card["id"] and m["verificationStatus"] == "VALID" for m in wallet["data"]):
                break
            time.sleep(0.1)
        for _ in range(ROUNDS):
            status, body = self.call("POST", f"/session/start?appToken={self.token}", {
                "locationId": self.location_id, "evseUid": self.evse_uid, "connectorId": self.connector_id,
                "paymentMethodId": card["id"]})
            assert status == 200, (status, body)
            session = body["chargeSessionId"]
            self.started.append(session)
            self.call("GET", f"/session/status?appToken={self.token}&chargeSessionId={session}")
            status, body = self.call("POST", f"/session/stop?appToken={self.token}", {"chargeSessionId": session})
            assert status == 200, (status, body)
            self.stopped.append(session)


@unittest.skipUnless(nginx_installed(), MISSING)
class SharedStateTest(unittest.TestCase):
    def setUp(self):
        self.front = FrontProcess(workers=2, time_scale=60).start()
        self.addCleanup(self.front.cleanup)
        self.addCleanup(self.front.stop)
        self.lock = threading.Lock()
        self.statuses = []
        self.bodies = []

    def record(self, status, data=None):
        with self.lock:
            self.statuses.append(status)
            self.bodies.append(repr(data))

    def free_evses(self):
        status, body = self.front.api("GET", f"/locations/boundingbox?{BOX}&pageSize=100")
        self.assertEqual(status, 200)
        found = []
        for summary in body["data"]:
            status, location = self.front.api("GET", f"/locations/{summary['id']}")
            for evse in location.get("evses") or []:
                if evse.get("status") == "AVAILABLE" and not evse.get("chargingNotAllowed") and evse.get("connectors"):
                    found.append((location["id"], evse["uid"], evse["connectors"][0]["id"]))
            if len(found) >= DRIVERS:
                return found[:DRIVERS]
        self.fail(f"only {len(found)} free EVSEs in the seed area")

    def test_concurrent_sessions_survive_a_worker_killed_mid_way(self):
        drives = [Drive(self.front, evse, self.record) for evse in self.free_evses()]
        failures = []

        def run(drive):
            try:
                drive.run()
            except BaseException as exc:  # reported by the main thread
                failures.append(exc)
        threads = [threading.Thread(target=run, args=(d,)) for d in drives]
        for thread in threads:
            thread.start()
        self.front.wait_for(lambda: sum(len(d.started) for d in drives) >= DRIVERS * ROUNDS // 3, timeout=60,
                            what="a third of the sessions")
        os.kill(self.front.worker_pids()[0], signal.SIGKILL)
        for thread in threads:
            thread.join(120)
        self.assertEqual(failures, [])

        for drive in drives:
            self.assertEqual(len(drive.started), ROUNDS)
            status, history = self.front.api("GET", f"/token/{drive.token}/sessions")
            self.assertEqual(status, 200)
            listed = {item["chargeSessionId"] for item in history["data"]}
            self.assertLessEqual(set(drive.started), listed, "an answered start is missing")
            for session in drive.stopped:
                status, body = self.front.api(
                    "GET", f"/session/status?appToken={drive.token}&chargeSessionId={session}")
                self.assertEqual(status, 200)
                self.assertNotIn(body["status"], RUNNING, f"an answered stop did not hold: {session}")

        self.assertNotIn(500, self.statuses)
        everything = "".join(self.bodies) + self.front.log("worker-1.log") + self.front.log("worker-2.log")
        self.assertNotIn("database is locked", everything)
        self.assertNotIn("Traceback", everything)
        self.assertIn("starting it again", self.front.stderr())
        self.assertTrue(re.search(r"worker \d on 127\.0\.0\.1:\d+", self.front.stderr()))


if __name__ == "__main__":
    unittest.main()
