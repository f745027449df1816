"""Per-driver request budgets for /api/: a token bucket per appToken (or per client address for calls
without one), so one runaway client cannot starve the others. Bounded memory whatever the clients send."""
import threading
import time
from collections import OrderedDict

MAX_KEYS = 10000   # buckets kept; the least recently used go first (a full bucket is the same as none)


class RateLimiter:
    def __init__(self, rate, burst, clock=time.monotonic):
        """`rate` requests per second sustained, `burst` at once; rate 0 turns limiting off."""
        self.rate = float(rate)
        self.burst = float(max(1, burst))
        self._clock = clock
        self._buckets = OrderedDict()   # key -> (tokens, last time)
        self._lock = threading.Lock()

    @property
    def enabled(self):
        return self.rate > 0

    def take(self, key):
        """0 if the request may go ahead, else the seconds to wait before the next one will."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / self.rate
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > MAX_KEYS:
                self._buckets.popitem(last=False)
        return wait


def client_key(params, query, address):
    """Whose budget a request spends: the driver's appToken wherever the API carries it, else the address."""
    for value in (params.get("appToken"), *(query.get("appToken") or [])[-1:],
                  *(query.get("filter.appToken") or [])[-1:]):
        if value:
            return "token:" + value[:256]
    return "addr:" + address
