"""--faults: injected latency, 503 answers, dropped connections and truncated bodies on /api/ requests,
so the app's resilience can be tested against the simulator (or the proxy) on purpose."""
import random
import threading

KINDS = ("latency", "error", "drop", "truncate")
LATENCY_RANGE = (0.5, 3.0)   # seconds added before answering

# When each kind strikes, relative to the handler: latency and error come before it (an injected 503
# means nothing happened), drop and truncate after it (the request took effect but the client cannot
# tell: the "unclear outcome" a POST /session/start must survive by checking the session list).
BEFORE_HANDLER = frozenset({"latency", "error"})
AFTER_HANDLER = frozenset({"drop", "truncate"})


def parse_spec(spec):
    """{kind: rate} from 'latency=0.1,error=0.05' or from a bare total rate '0.2' (spread evenly).
    ValueError with a readable message on anything else; the rates together may not exceed 1."""
    text = (spec or "").strip()
    if not text:
        raise ValueError("empty fault spec")
    rates = {}
    try:
        total = float(text)
    except ValueError:
        total = None
    if total is not None:
        if not 0 <= total <= 1:
            raise ValueError("a total fault rate must be between 0 and 1")
        return {kind: total / len(KINDS) for kind in KINDS}
    for part in text.split(","):
        kind, sep, value = part.strip().partition("=")
        kind = kind.strip()
        if not sep or kind not in KINDS:
            raise ValueError(f"'{part.strip()}': expected kind=rate with kind one of {', '.join(KINDS)}")
        if kind in rates:
            raise ValueError(f"'{kind}' is given twice")
        try:
            rate = float(value)
        except ValueError:
            raise ValueError(f"'{part.strip()}': the rate is not a number")
        if not 0 <= rate <= 1:
            raise ValueError(f"'{part.strip()}': a rate must be between 0 and 1")
        rates[kind] = rate
    if sum(rates.values()) > 1 + 1e-9:
        raise ValueError("the rates add up to more than 1")
    return rates


class FaultPlan:
    """Draws at most one fault per request. One seeded RNG behind a lock, so with --faults-seed the
    n-th /api/ request always meets the same fate (requests arriving at once are ordered by arrival)."""

    def __init__(self, rates, seed=None):
        self.rates = {k: v for k, v in rates.items() if v > 0}
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def describe(self):
        return ", ".join(f"{k}={v:g}" for k, v in self.rates.items()) or "none"

    def draw(self):
        """(kind or None, latency seconds)."""
        with self._lock:
            roll = self._rng.random()
            delay = self._rng.uniform(*LATENCY_RANGE)
        edge = 0.0
        for kind in KINDS:
            edge += self.rates.get(kind, 0.0)
            if roll < edge:
                return kind, delay
        return None, 0.0
