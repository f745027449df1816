"""Who holds the server's connections: at most `max_total` open at once, at most `max_per_address`
from one client address, and the watchdog's deadlines for connections waiting for request bytes.

A new connection is never shut out by one greedy address. When its own address is at its cap, that
address's connection that has waited longest for request bytes (an idle keep-alive, or a client
trickling its request) gives way; when the whole table is full, the longest-waiting connection of the
address holding the most gives way, provided that address holds more than the newcomer's would. So
slots are shared out max-min fairly: a client holding few connections always gets one more, however
many sockets another address keeps open. Only a connection that is answering a request is never cut."""
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass


@dataclass
class _Entry:
    address: str
    waiting_since: float | None = None   # since when it waits for request bytes; None while answering
    deadline: float | None = None


class Connections:
    def __init__(self, max_total, max_per_address, clock=time.monotonic):
        self.max_total = max_total
        self.max_per_address = max_per_address
        self._clock = clock
        self._lock = threading.Lock()
        self._entries = {}          # socket -> _Entry
        self._count = Counter()     # address -> open connections

    def admit(self, sock, address, capped=True):
        """True if `sock` may be served (another connection may be cut to make room), False to close it.
        `capped=False` lifts the per-address cap (a trusted front proxy, whose clients share one address)."""
        with self._lock:
            victim = None
            if capped and self._count[address] >= self.max_per_address:
                victim = self._longest_waiting(lambda e: e.address == address)
                if victim is None:
                    return False
            elif len(self._entries) >= self.max_total:
                def greedier(e):
                    return self._count[e.address] > self._count[address] + 1
                victim = self._longest_waiting(greedier, by_count=True)
                if victim is None:
                    return False
            if victim is not None:
                self._forget(victim)
            self._entries[sock] = _Entry(address, self._clock())
            self._count[address] += 1
        if victim is not None:
            _cut(victim)
        return True

    def release(self, sock):
        with self._lock:
            if sock in self._entries:
                self._forget(sock)

    def waiting(self, sock, timeout):
        """The connection now waits for request bytes, at most `timeout` seconds (None: it is answering)."""
        with self._lock:
            entry = self._entries.get(sock)
            if entry is None:
                return
            if timeout is None:
                entry.waiting_since = entry.deadline = None
            else:
                entry.waiting_since = self._clock()
                entry.deadline = entry.waiting_since + timeout

    def cut_overdue(self):
        """Closes the connections whose wait is over its deadline; how many."""
        now = self._clock()
        with self._lock:
            late = [s for s, e in self._entries.items() if e.deadline is not None and e.deadline < now]
            for sock in late:
                self._entries[sock].deadline = None
        for sock in late:
            _cut(sock)
        return len(late)

    def open_count(self, address=None):
        with self._lock:
            return len(self._entries) if address is None else self._count[address]

    def _longest_waiting(self, eligible, by_count=False):
        best, best_key = None, None
        for sock, entry in self._entries.items():
            if entry.waiting_since is None or not eligible(entry):
                continue
            key = (-self._count[entry.address] if by_count else 0, entry.waiting_since)
            if best_key is None or key < best_key:
                best, best_key = sock, key
        return best

    def _forget(self, sock):
        entry = self._entries.pop(sock)
        self._count[entry.address] -= 1
        if not self._count[entry.address]:
            del self._count[entry.address]


def _cut(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
