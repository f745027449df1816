"""What the receipt tests share: a real SMTP server in a subprocess (smtp_sink.py under Debian's Python,
which has python3-aiosmtpd), a finished session made through the API, and the receipt rules written out
independently of server/receipts (amounts to the cent, VAT per line)."""
import email
import email.policy
import glob
import json
import os
import subprocess
import tempfile
import threading
import time
from fractions import Fraction
from pathlib import Path

from ..support.server_process import MARGA, Driver, end_process

DEBIAN_PYTHON = "/usr/bin/python3"
SINK = Path(__file__).with_name("smtp_sink.py")
EVSE = "NL-GFX-EChargestation-1"


def sink_available():
    return subprocess.run([DEBIAN_PYTHON, "-c", "import aiosmtpd"], capture_output=True).returncode == 0


class SmtpSink:
    def __init__(self, *args):
        self._tmp = tempfile.TemporaryDirectory(prefix="smtp-sink-")
        self.out = self._tmp.name
        self.proc = subprocess.Popen([DEBIAN_PYTHON, str(SINK), "--out", self.out, *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = {}
        reader = threading.Thread(target=lambda: line.setdefault("text", self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(15)
        text = line.get("text", b"").decode()
        if not text.startswith("listening "):
            self.stop()
            raise RuntimeError(f"the SMTP sink did not start: {text!r}")
        self.port = int(text.split()[1])

    def messages(self):
        out = []
        for name in sorted(glob.glob(os.path.join(self.out, "*.json"))):
            with open(name) as f:
                record = json.load(f)
            record["message"] = email.message_from_bytes(record["data"].encode("latin-1"), policy=email.policy.default)
            out.append(record)
        return out

    def wait_messages(self, count, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.messages()
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages, got {len(self.messages())}")

    def stop(self):
        end_process(self.proc, self.proc.stdin.close)
        self._tmp.cleanup()


def finished_session(server, token, card="770674109963002836"):
    """(sessionId, StatusResponse at CDR_AVAILABLE) of a session charged for a few simulated minutes."""
    driver = Driver(server, token)
    driver.register()
    method = driver.valid_card(card)
    session_id = driver.start(MARGA, EVSE, method["id"])
    driver.wait_status(session_id, "CHARGING", timeout=20)
    time.sleep(1.0)
    driver.stop(session_id)
    return session_id, driver.wait_status(session_id, "CDR_AVAILABLE", timeout=30)


def euros(value):
    """'€5.48' for 5.48: two decimals, half away from zero, the euro sign before."""
    cents = int(Fraction(str(value)) * 100 + Fraction(1, 2))
    return f"€{cents // 100}.{cents % 100:02d}"


def line_vats(amounts, total, total_vat, rate):
    """The README's rule for VAT per line, in cents: each line amount × rate / (100 + rate) rounded down,
    the missing cents to the largest remainders (first line first on a tie)."""
    cents = [Fraction(str(a)) * 100 for a in amounts]
    exact = [c * Fraction(str(rate)) / (100 + Fraction(str(rate))) for c in cents]
    floors = [int(e) for e in exact]
    missing = int(round(Fraction(str(total_vat)) * 100)) - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += 1
    return floors
