"""The simulator's clock (real time sped up by --time-scale, never running backwards across restarts)
and the ISO 8601 timestamp formats the API uses."""
import datetime as dt
import threading
import time

UTC = dt.timezone.utc


class SimClock:
    """Simulated UTC epoch seconds.

    It starts at max(real now, the last simulated time the state file saw), so that a restart never
    shows a client an earlier moment than one it was already told about; at scale 1 it is real time.
    With an `anchor` (real, sim), shared by the processes of one deployment through their state file
    (Store.clock_anchor), it runs from there instead, so every process tells the same time."""

    def __init__(self, scale=1.0, not_before=0.0, real_time=time.time, monotonic=time.monotonic, anchor=None):
        if not scale > 0:
            raise ValueError("time scale must be positive")
        self.scale = float(scale)
        self._real_time = real_time
        self._monotonic = monotonic
        self._lock = threading.Lock()
        start = real_time() if anchor is None else anchor[1] + (real_time() - anchor[0]) * self.scale
        self._base_sim = max(start, float(not_before))
        self._base_mono = monotonic()
        self._last = self._base_sim

    def now(self):
        with self._lock:
            value = self._base_sim + (self._monotonic() - self._base_mono) * self.scale
            # monotonic() can repeat a value between threads; keep sim time non-decreasing anyway
            self._last = max(self._last, value)
            return self._last

    def real_now(self):
        return self._real_time()

    def real_after(self, sim_seconds, minimum_real=1.0):
        """Wall-clock time at which `sim_seconds` of simulated time will have passed.

        nextStatusCall is compared by clients with their own clock, so it is given in real time."""
        return self._real_time() + max(minimum_real, sim_seconds / self.scale)


# Windows time zone names, as the API gives them, that follow the EU summer-time rule.
_EU_ZONES = {
    "W. Europe Standard Time": 60,    # Amsterdam, Berlin
    "Romance Standard Time": 60,      # Brussels, Paris
    "Central Europe Standard Time": 60,
    "GMT Standard Time": 0,           # London, Lisbon
}


def _last_sunday(year, month):
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1) if month < 12 else dt.date(year, 12, 31)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def utc_offset_minutes(ts, zone_name):
    """Offset of a Windows-named zone at epoch `ts`. EU rule: summer time from 01:00 UTC on the last
    Sunday of March to 01:00 UTC on the last Sunday of October. Unknown zones are treated as UTC."""
    base = _EU_ZONES.get(zone_name)
    if base is None:
        return 0
    moment = dt.datetime.fromtimestamp(ts, UTC)
    year = moment.year
    start = dt.datetime.combine(_last_sunday(year, 3), dt.time(1), UTC)
    end = dt.datetime.combine(_last_sunday(year, 10), dt.time(1), UTC)
    return base + (60 if start <= moment < end else 0)


def _fmt(moment, fraction_digits):
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if fraction_digits:
        micros = f"{moment.microsecond:06d}"
        text += "." + micros[:fraction_digits]
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def iso_utc(ts, fraction_digits=0):
    """e.g. 2021-06-14T08:57:20.023+00:00 (the API writes +00:00, not Z)."""
    return _fmt(dt.datetime.fromtimestamp(ts, UTC), fraction_digits)


def iso_local(ts, zone_name):
    """e.g. 2021-06-14T10:59:20+02:00: session start/end are given in the location's time zone."""
    offset = dt.timedelta(minutes=utc_offset_minutes(ts, zone_name))
    return _fmt(dt.datetime.fromtimestamp(ts, dt.timezone(offset)), 0)


def parse_iso(text):
    """Epoch seconds from ISO 8601; naive times are taken as UTC. ValueError on bad input."""
    moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def start_of_month(ts, zone_name):
    offset = dt.timedelta(minutes=utc_offset_minutes(ts, zone_name))
    local = dt.datetime.fromtimestamp(ts, dt.timezone(offset))
    first = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return first.timestamp()
