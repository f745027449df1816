"""Request budgets for /api/: a token bucket per registered appToken and one per client address, so one
runaway client cannot starve the others. Bounded memory whatever the clients send.

Who pays: every request spends from its address's bucket; a request naming a registered appToken
spends from that driver's bucket too. A token nobody registered buys nothing (made up afresh for each
request, it would otherwise be a fresh budget each time): such requests, and those without a token,
are the address's alone. The address's bucket holds ADDRESS_SHARE drivers' worth, so the guests behind
one hotel's NAT address are not limited as if they were one driver."""
import threading
import time
from collections import OrderedDict

MAX_KEYS = 10000     # buckets kept; the least recently used go first (a full bucket is the same as none)
ADDRESS_SHARE = 10   # an address's budget, in drivers' budgets


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

    def take(self, key, share=1):
        """0 if the request may go ahead, else the seconds to wait before the next one will."""
        return self.take_all([(key, share)])

    def take_all(self, keys):
        """Spends one from each (key, share) bucket, one holding `share` budgets, if every one has it (0);
        else spends nothing and gives the longest wait."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        with self._lock:
            state = []
            for key, share in keys:
                tokens, last = self._buckets.pop(key, (self.burst * share, now))
                state.append((key, min(self.burst * share, tokens + (now - last) * self.rate * share), share))
            wait = max([(1 - t) / (self.rate * share) for _, t, share in state if t < 1], default=0.0)
            for key, tokens, _ in state:
                self._buckets[key] = (tokens if wait else tokens - 1, now)
            while len(self._buckets) > MAX_KEYS:
                self._buckets.popitem(last=False)
        return wait


class RequestBudgets:
    """The drivers' and the addresses' buckets; `registered(token)` says whether a token is a driver's."""

    def __init__(self, rate, burst, registered=None, clock=time.monotonic):
        self.limiter = RateLimiter(rate, burst, clock)
        self.registered = registered or (lambda token: False)

    @property
    def enabled(self):
        return self.limiter.enabled

    def take(self, token, address):
        """0 if the request may go ahead, else the seconds to wait."""
        if not self.enabled:
            return 0.0
        keys = [("addr:" + address, ADDRESS_SHARE)]
        if token and self.registered(token):
            keys.append(("token:" + token, 1))
        return self.limiter.take_all(keys)


def request_token(params, query):
    """The driver's appToken wherever the API carries it (path, appToken or filter.appToken), or None."""
    for value in (params.get("appToken"), *(query.get("appToken") or [])[-1:],
                  *(query.get("filter.appToken") or [])[-1:]):
        if value:
            return value[:256]
    return None
