"""The charge session lifecycle, as a pure function of a session's stored facts and the simulated time:
REQUESTED -> STARTING -> CHARGING -> PARKING -> STOPPING -> COMPLETED -> CDR_AVAILABLE, and the ways out
(REJECTED, TIMEOUT, CANCELLED, ERROR). Nothing runs in the background: state is derived when asked,
so a restart on the same state file carries on exactly where it was."""
import hashlib
import math
import random
from dataclasses import dataclass
from decimal import Decimal

from ..pricing import Period

# Simulated seconds. Event times are whole seconds so that startTime/endTime, which the API gives
# to the second, are exactly the times the bill is computed from.
ACCEPT_DELAY = 1      # the operator accepts the remote start
COMMAND_TIMEOUT = 10  # an offline charger never answers: the backend gives the remote start up
PLUG_DELAY = 3        # the car plugs in by itself, counted from the start request
AUTHORIZE_DELAY = 4   # a car already connected when the start came (a charger that requires
                      # authorization): the backend authorizes it this long after accepting
START_TIMEOUT = 30    # the charge point gives up when no cable came
STOP_CONFIRM = 2      # STOPPING until the charge point confirms the session ended
CDR_DELAY = 3         # COMPLETED until the CDR with costs is in
METER_INTERVAL = 60   # meter values, and billing periods, once a minute
CAR_LEAVES_AFTER_FULL = 1800  # drivers come back: a full car is unplugged after half an hour of parking,
                              # so sessions abandoned on a kiosk do not hold their EVSE forever
SMART_HOLD = 3600     # smart charging holds current back this long after plug-in unless priority is asked
TAPER_SOC = 0.80      # above this the car draws less and less
FULL_SOC = 0.99       # where the car stops drawing and the session turns PARKING

FINAL = frozenset({"REJECTED", "TIMEOUT", "CANCELLED", "ERROR", "CDR_AVAILABLE"})

POLL_SECONDS = {"REQUESTED": 3, "STARTING": 3, "CHARGING": 15, "PARKING": 30, "STOPPING": 2, "COMPLETED": 3}
FINAL_POLL_SECONDS = 300

ERROR_MESSAGES = {
    "EVSE_NOT_AVAILABLE": "The charge point is not available.",
    "INVALID_TOKEN": "The charge point did not accept the payment method.",
    "COMMAND_TIMED_OUT": "The charge point did not answer: it seems to be offline.",
    "SOFT_TIME_OUT": f"No cable was connected within {START_TIMEOUT} seconds.",
    "FAULT_BEFORE_START": "The charge station reported a fault.",
    "FAULT_WHILE_CHARGING": "The charge station reported a fault and ended the session.",
}


def new_car(session_id):
    """The car at the other end of the cable, drawn once per session from its id."""
    rng = random.Random(hashlib.sha256(session_id.encode()).hexdigest())
    return {
        "capacityKwh": rng.choice([40, 52, 58, 64, 77, 82]),
        "soc0": round(rng.uniform(0.15, 0.55), 3),
        "acMaxKw": rng.choice([7.4, 11, 11, 11]),
        "dcMaxKw": rng.choice([100, 150, 150, 250]),
    }


def max_power_kw(connector, car):
    kw = connector.get("powerInKw") or connector.get("kw") or 0
    cap = car["dcMaxKw"] if connector.get("powerType") == "DC" else car["acMaxKw"]
    return float(min(kw, cap)) if kw > 0 else float(cap)


class EnergyCurve:
    """Constant power up to TAPER_SOC, then power falling in proportion to the room left in the
    battery: P = Pmax * (1 - soc) / (1 - TAPER_SOC). Closed form, so any moment costs O(1)."""

    def __init__(self, pmax_kw, capacity_kwh, soc0):
        self.pmax = pmax_kw
        self.capacity = capacity_kwh
        self.soc0 = soc0
        self.t_taper = max(0.0, (TAPER_SOC - soc0) * capacity_kwh / pmax_kw * 3600)
        self.soc_taper = max(soc0, TAPER_SOC)
        self.tau = (1 - TAPER_SOC) * capacity_kwh / pmax_kw * 3600
        room = (1 - self.soc_taper) / (1 - FULL_SOC)
        self.full_after = self.t_taper + self.tau * math.log(room) if room > 1 else self.t_taper

    def soc(self, t):
        if t <= self.t_taper:
            return self.soc0 + self.pmax * t / 3600 / self.capacity
        return 1 - (1 - self.soc_taper) * math.exp(-(t - self.t_taper) / self.tau)

    def energy_wh(self, t):
        """Metered energy after t seconds of charging, in whole Wh as a meter reports it."""
        t = max(0.0, t)
        if t <= self.t_taper:
            kwh = self.pmax * t / 3600
        else:
            kwh = (self.soc(t) - self.soc0) * self.capacity
        return math.floor(kwh * 1000 + 1e-6)

    def power_kw(self, t):
        if t <= self.t_taper:
            return self.pmax
        return self.pmax * (1 - self.soc(t)) / (1 - TAPER_SOC)


@dataclass
class Facts:
    """What the store knows about a session, plus the connector it was started on."""
    created_at: float
    reject_error: str | None
    plug_at: float | None
    forced_full_at: float | None
    ended_at: float | None
    end_reason: str | None      # STOP, UNPLUG or FAULT
    car: dict
    connector: dict
    has_tariff: bool
    smart_hold: bool = False           # started at a smart-charging location: current waits for a cheap hour
    priority_at: float | None = None   # POST /session/highpriority: charge now


@dataclass
class View:
    status: str
    error: str | None = None
    error_message: str | None = None
    charge_start: int | None = None
    flow_start: int | None = None   # when current flows: charge_start, later while smart charging holds it
    full_at: int | None = None
    end: int | None = None          # when energy stopped flowing for good (stop, unplug, fault)
    energy_wh: int | None = None
    power_kw: float | None = None
    soc: float | None = None
    final: bool = False
    final_at: float | None = None   # from when nothing will change any more
    in_use: bool = False            # the EVSE is taken by this session
    connected: bool = False         # before charging: the car is plugged in, the station sends meter data
    costs_available: bool = False
    end_visible: bool = False
    next_poll: float = 3


def curve_for(facts):
    car = facts.car
    return EnergyCurve(max_power_kw(facts.connector, car), car["capacityKwh"], car["soc0"])


def charge_start(facts):
    """When current starts to flow: the cable is in and the operator has accepted, before timing out."""
    if facts.reject_error or facts.plug_at is None:
        return None
    accepted = facts.created_at + ACCEPT_DELAY
    if facts.plug_at <= facts.created_at:
        accepted += AUTHORIZE_DELAY  # connected and held with no current until the authorization arrives
    start = max(facts.plug_at, accepted)
    if start >= facts.created_at + START_TIMEOUT:
        return None
    if facts.ended_at is not None and facts.ended_at <= start:
        return None
    return int(math.ceil(start))


def flow_start(facts, start):
    """Smart charging keeps the session CHARGING without current for SMART_HOLD, or until the driver
    asks for priority; other sessions draw current from the start."""
    if not facts.smart_hold:
        return start
    release = start + SMART_HOLD
    if facts.priority_at is not None:
        release = min(release, max(start, int(math.ceil(facts.priority_at))))
    return release


def _energy(curve, flow, t):
    return curve.energy_wh(t - flow) if t > flow else 0


def _soc(curve, flow, t):
    return curve.soc(max(0.0, t - flow))


def _power(curve, flow, t):
    return curve.power_kw(t - flow) if t >= flow else 0.0


def full_at(facts, start, curve=None):
    curve = curve or curve_for(facts)
    natural = flow_start(facts, start) + int(math.ceil(curve.full_after))
    if facts.forced_full_at is not None:
        return min(natural, int(math.ceil(facts.forced_full_at)))
    return natural


def evaluate(facts, now):
    """The session as seen at simulated time `now`."""
    t0 = facts.created_at
    accepted = t0 + ACCEPT_DELAY
    if facts.reject_error:
        if facts.reject_error == "COMMAND_TIMED_OUT":
            accepted = t0 + COMMAND_TIMEOUT
        if now < accepted:
            return View("REQUESTED", next_poll=POLL_SECONDS["REQUESTED"])
        return View("REJECTED", error=facts.reject_error, error_message=ERROR_MESSAGES[facts.reject_error],
                    final=True, final_at=accepted, next_poll=FINAL_POLL_SECONDS)

    start = charge_start(facts)
    if start is None or now < start:
        deadline = t0 + START_TIMEOUT
        ended = facts.ended_at
        if ended is not None and ended < deadline and (start is None or ended <= start) and now >= ended:
            if facts.end_reason == "FAULT":
                return View("ERROR", error="UNKNOWN", error_message=ERROR_MESSAGES["FAULT_BEFORE_START"],
                            final=True, final_at=ended, next_poll=FINAL_POLL_SECONDS)
            return View("CANCELLED", final=True, final_at=ended, next_poll=FINAL_POLL_SECONDS)
        if start is None and now >= deadline:
            return View("TIMEOUT", error="SOFT_TIME_OUT", error_message=ERROR_MESSAGES["SOFT_TIME_OUT"],
                        final=True, final_at=deadline, next_poll=FINAL_POLL_SECONDS)
        status = "REQUESTED" if now < accepted else "STARTING"
        connected = facts.plug_at is not None and facts.plug_at <= now
        return View(status, in_use=True, connected=connected, next_poll=POLL_SECONDS[status])

    curve = curve_for(facts)
    full = full_at(facts, start, curve)
    flow = flow_start(facts, start)
    view = View("CHARGING", charge_start=start, flow_start=flow, full_at=full, in_use=True)
    end = int(math.ceil(facts.ended_at)) if facts.ended_at is not None else None
    if end is not None and end < start:
        end = start
    if end is None and now >= full + CAR_LEAVES_AFTER_FULL:
        end = full + CAR_LEAVES_AFTER_FULL
    if facts.end_reason == "FAULT":
        view.error, view.error_message = "UNKNOWN", ERROR_MESSAGES["FAULT_WHILE_CHARGING"]

    if end is None or now < end:
        charging_until = min(now, full)
        view.energy_wh = _energy(curve, flow, charging_until)
        view.soc = _soc(curve, flow, charging_until)
        view.power_kw = _power(curve, flow, now) if now < full else 0.0
        if end is not None:
            # the stop is on its way to the charge point, which ends the session at `end`
            view.status, view.end = "STOPPING", end
        elif now >= full:
            view.status = "PARKING"
        view.next_poll = POLL_SECONDS[view.status]
        return view

    view.end = end
    charging_until = min(end, full)
    view.energy_wh = _energy(curve, flow, charging_until)
    view.soc = _soc(curve, flow, charging_until)
    view.power_kw = 0.0
    if now < end + STOP_CONFIRM:
        view.status = "STOPPING"
    elif now < end + STOP_CONFIRM + CDR_DELAY or not facts.has_tariff:
        # without a tariff no CDR can be priced: the session stays COMPLETED, without costs
        view.status, view.in_use, view.end_visible = "COMPLETED", False, True
        if not facts.has_tariff:
            view.final, view.final_at = True, end + STOP_CONFIRM
    else:
        view.status, view.in_use, view.end_visible = "CDR_AVAILABLE", False, True
        view.costs_available, view.final, view.final_at = True, True, end + STOP_CONFIRM + CDR_DELAY
    view.next_poll = FINAL_POLL_SECONDS if view.final else POLL_SECONDS[view.status]
    return view


def _current_a(power_kw, connector):
    voltage = connector.get("voltage") or 0
    if not voltage:
        return None
    phases = connector.get("phases") or 1
    if connector.get("powerType") == "DC":
        phases = 1
    return power_kw * 1000 / (voltage * phases)


def billing_periods(facts, view):
    """OCPI-style charging periods of a finished session: one per meter interval, charging then parking."""
    start, full, end, flow = view.charge_start, view.full_at, view.end, view.flow_start
    curve = curve_for(facts)
    periods = []
    t = start
    while t < end:
        boundary = flow if t < flow else (full if t < full else end)
        t_next = min(t + METER_INTERVAL, boundary, end)
        before = _energy(curve, flow, min(t, full))
        after = _energy(curve, flow, min(t_next, full))
        seconds = t_next - t
        charging = t < full
        power = (after - before) / 1000 / (seconds / 3600) if charging and seconds else 0.0
        current = _current_a(power, facts.connector)
        periods.append(Period(
            start_offset_s=Decimal(t - start),
            energy_wh=Decimal(after - before),
            time_s=Decimal(seconds if charging else 0),
            parking_s=Decimal(0 if charging else seconds),
            energy_before_wh=Decimal(before),
            power_kw=Decimal(str(round(power, 6))),
            current_a=None if current is None else Decimal(str(round(current, 6))),
        ))
        t = t_next
    return periods


def meter_points(facts, view, now, max_points):
    """Up to `max_points` meter readings from charge start to now (or the end), evenly picked,
    always including the first and the latest. Each: (time, energy Wh, power kW, status, soc)."""
    if view.charge_start is None or max_points <= 0:
        return []
    start, full, flow = view.charge_start, view.full_at, view.flow_start
    last = int(math.floor(now))
    if view.end is not None:
        last = min(last, view.end)
    if last < start:
        return []
    curve = curve_for(facts)
    times = list(range(start, last + 1, METER_INTERVAL))
    if times[-1] != last:
        times.append(last)
    if len(times) > max_points:
        if max_points == 1:
            times = [times[-1]]
        else:
            n = len(times) - 1
            times = [times[round(i * n / (max_points - 1))] for i in range(max_points)]
    points = []
    for t in times:
        charging = t < full and (view.end is None or t < view.end)
        at = min(t, full)
        status = "CHARGING" if charging else ("PARKING" if view.end is None or t < view.end else "STOPPING")
        points.append((t, _energy(curve, flow, at), _power(curve, flow, at) if charging else 0.0, status,
                       _soc(curve, flow, at)))
    return points
