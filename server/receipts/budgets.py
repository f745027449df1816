"""How many receipt mails may go out: per client address (every attempt, so guessing sessions costs),
and per driver's token and per recipient (only for a session the token owns, so a made-up token buys
nothing). Token buckets with bounded memory. The recipient's bucket is keyed by a keyed hash of the
address, with a key made afresh at each start: the address itself is never held past the send."""
import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict

MAX_KEYS = 10000
# (burst, then one every N seconds)
PER_TOKEN = (5, 60.0)          # a driver: five receipts at once, then one a minute
PER_RECIPIENT = (5, 300.0)     # a mailbox: five at once, then one every five minutes
PER_CLIENT = (60, 6.0)         # a client address (a hotel's guests may share one): sixty, then one every 6 s


class MailBudgets:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._buckets = OrderedDict()   # key -> (tokens, last time)
        self._lock = threading.Lock()
        self._key = secrets.token_bytes(32)

    def _take(self, wanted):
        """Spends one from each (key, (burst, seconds)) if every one has it: 0; else spends nothing and
        gives the longest wait in seconds."""
        now = self._clock()
        with self._lock:
            state = []
            for key, (burst, every) in wanted:
                tokens, last = self._buckets.pop(key, (float(burst), now))
                state.append((key, min(float(burst), tokens + (now - last) / every), every))
            wait = max([(1 - tokens) * every for _, tokens, every in state if tokens < 1], default=0.0)
            for key, tokens, _ in state:
                self._buckets[key] = (tokens if wait else tokens - 1, now)
            while len(self._buckets) > MAX_KEYS:
                self._buckets.popitem(last=False)
        return wait

    def attempt(self, client):
        """0, or the seconds before this client address may try again."""
        return self._take([("addr:" + client, PER_CLIENT)])

    def send(self, token, recipient):
        """0 (both budgets spent), or the seconds before this token and this address may have another."""
        digest = hmac.new(self._key, recipient.lower().encode(), hashlib.sha256).hexdigest()
        return self._take([("token:" + token, PER_TOKEN), ("to:" + digest, PER_RECIPIENT)])
