"""Prices a session by the OCPI 2.2.1 tariff rules, exactly as the app's C++ engine does
(src/core/tariff_engine.hpp states the rules; the differential test holds the two together).
Integer arithmetic: money in micros (1e-6 of the currency), energy in mWh, time in ms. Pure
functions, no clock, no I/O. Charge Assist TariffModels are priced through their OCPI form."""
import dataclasses
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

MS_PER_DAY = 86_400_000
MS_PER_HOUR = 3_600_000
MWH_PER_KWH = 1_000_000
DIMENSIONS = ("FLAT", "ENERGY", "TIME", "PARKING_TIME")
DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")


def round_half_away(x):
    """A float or Decimal to the nearest int, halves away from zero (C++ llround on the same double)."""
    return int(Decimal(x).to_integral_value(rounding=ROUND_HALF_UP))


def micros(units):
    return round_half_away(float(units) * 1e6)


def mwh_from_kwh(kwh):
    return round_half_away(float(kwh) * 1e6)


def ms_from_hours(hours):
    return round_half_away(float(hours) * 3.6e6)


def vat_bp(percent):
    return round_half_away(float(percent) * 100.0)


def mul_div_round(a, b, c):
    """a * b / c to a whole number, halves away from zero: the one rounding rule in computation."""
    n = a * b
    q, r = divmod(abs(n), c)
    if 2 * r >= c:
        q += 1
    return q if n >= 0 else -q


def round_to_cents(m):
    """The rounding rule for anything shown or billed (core/money.hpp): micros to cents, half away."""
    q = (abs(m) + 5_000) // 10_000 * 10_000
    return q if m >= 0 else -q


# ---- the OCPI form ----------------------------------------------------------------------------

@dataclass
class OcpiPeriod:
    """One CDR charging period in exact units; it ends where the next starts."""
    start_ms: int
    energy: int | None = None       # mWh
    time: int | None = None         # ms charging
    parking: int | None = None      # ms plugged in, not charging
    reservation: int | None = None  # ms reserved
    power_kw: float | None = None
    min_power_kw: float | None = None
    max_power_kw: float | None = None
    current_a: float | None = None
    min_current_a: float | None = None
    max_current_a: float | None = None


@dataclass
class CostLine:
    dimension: str
    reservation: bool
    element: int
    unit_price: int          # micros per kWh, per hour or per session, as in the tariff
    vat: int | None          # basis points
    quantity: int = 0        # mWh, ms, or 1 for FLAT
    excl_vat: int = 0
    incl_vat: int = 0


@dataclass
class SessionCost:
    totals: dict = field(default_factory=dict)  # name -> [excl, incl] micros
    lines: list = field(default_factory=list)
    total_energy: int = 0
    charging_time: int = 0
    parking_time: int = 0
    min_price_applied: bool = False
    max_price_applied: bool = False


class TariffNotActive(ValueError):
    pass


def _clock(text):
    if text is None:
        return None
    h, m = int(text[:2]), int(text[3:5])
    return 0 if (h, m) == (24, 0) else h * 60 + m


def _day(text):
    if text is None:
        return None
    import datetime as dt
    return (dt.date.fromisoformat(text) - dt.date(1970, 1, 1)).days


def _restrictions(raw):
    raw = raw or {}
    return {
        "start": _clock(raw.get("start_time")), "end": _clock(raw.get("end_time")),
        "start_day": _day(raw.get("start_date")), "end_day": _day(raw.get("end_date")),
        "days": {DAYS.index(d) for d in raw.get("day_of_week") or []},
        "min_kwh": raw.get("min_kwh"), "max_kwh": raw.get("max_kwh"),
        "min_current": raw.get("min_current"), "max_current": raw.get("max_current"),
        "min_power": raw.get("min_power"), "max_power": raw.get("max_power"),
        "min_duration": raw.get("min_duration"), "max_duration": raw.get("max_duration"),
        "reservation": raw.get("reservation"),
    }


def _component(raw):
    vat = raw.get("vat")
    return {"type": raw["type"], "price": micros(raw["price"]), "step": int(raw.get("step_size") or 0),
            "vat": None if vat is None else vat_bp(vat)}


def _time_holds(r, ms_of_day):
    start = None if r["start"] is None else r["start"] * 60_000
    end = None if r["end"] is None else r["end"] * 60_000
    if start is not None and end is not None:
        if start == end:
            return True
        if end < start:
            return ms_of_day >= start or ms_of_day < end
        return start <= ms_of_day < end
    if start is not None:
        return ms_of_day >= start
    if end is not None:
        return ms_of_day < end
    return True


def _holds(r, moment, p):
    local_day, ms_of_day, weekday, elapsed, energy_before = moment
    if not _time_holds(r, ms_of_day):
        return False
    if r["start_day"] is not None and local_day < r["start_day"]:
        return False
    if r["end_day"] is not None and local_day >= r["end_day"]:
        return False
    if r["days"] and weekday not in r["days"]:
        return False
    kwh = energy_before / MWH_PER_KWH
    if r["min_kwh"] is not None and kwh < r["min_kwh"]:
        return False
    if r["max_kwh"] is not None and kwh >= r["max_kwh"]:
        return False
    if r["min_duration"] is not None and elapsed < r["min_duration"] * 1000:
        return False
    if r["max_duration"] is not None and elapsed >= r["max_duration"] * 1000:
        return False
    low_p = p.min_power_kw if p.min_power_kw is not None else p.power_kw
    high_p = p.max_power_kw if p.max_power_kw is not None else p.power_kw
    if r["min_power"] is not None and low_p is not None and low_p < r["min_power"]:
        return False
    if r["max_power"] is not None and high_p is not None and high_p >= r["max_power"]:
        return False
    low_c = p.min_current_a if p.min_current_a is not None else p.current_a
    high_c = p.max_current_a if p.max_current_a is not None else p.current_a
    if r["min_current"] is not None and low_c is not None and low_c < r["min_current"]:
        return False
    if r["max_current"] is not None and high_c is not None and high_c >= r["max_current"]:
        return False
    return True


def _applies(rule, reservation_period, expired):
    if rule is None:
        return not reservation_period
    if rule == "RESERVATION":
        return reservation_period
    return reservation_period and expired


def _offset_ms(zone, utc_ms):
    if zone is None:
        return 0
    import datetime as dt
    t = dt.datetime.fromtimestamp(utc_ms / 1000, dt.timezone.utc)
    return int(t.astimezone(zone).utcoffset().total_seconds()) * 1000


def price_ocpi(tariff, periods, session_start_ms, session_end_ms, zone=None, apply_min_max=True):
    """SessionCost of `periods` (OcpiPeriod, in time order) under an OCPI tariff dict.

    `zone` is a tzinfo (zoneinfo.ZoneInfo) for time-of-day, date and weekday restrictions; None is UTC."""
    for key, ok in (("start_date_time", lambda t: session_start_ms >= t),
                    ("end_date_time", lambda t: session_start_ms < t)):
        if tariff.get(key) and not ok(_iso_ms(tariff[key])):
            raise TariffNotActive("the tariff is not valid at the session's start")
    include_vat = bool(tariff.get("_prices_include_vat"))
    elements = [(_restrictions(e.get("restrictions")), [_component(c) for c in e.get("price_components") or []])
                for e in tariff.get("elements") or []]
    cost = SessionCost(totals={k: [0, 0] for k in ("energy", "time", "parking", "fixed", "reservation")})

    def line_for(comp, element, reservation):
        for i, line in enumerate(cost.lines):
            if (line.element, line.dimension, line.reservation, line.unit_price, line.vat) == \
                    (element, comp["type"], reservation, comp["price"], comp["vat"]):
                return i
        cost.lines.append(CostLine(comp["type"], reservation, element, comp["price"], comp["vat"]))
        return len(cost.lines) - 1

    def bill(index, quantity):
        line = cost.lines[index]
        if line.dimension == "FLAT":
            billed = line.unit_price * quantity
        else:
            billed = mul_div_round(line.unit_price, quantity, MWH_PER_KWH if line.dimension == "ENERGY" else MS_PER_HOUR)
        if line.vat is None:
            excl = incl = billed
        elif include_vat:
            excl, incl = mul_div_round(billed, 10000, 10000 + line.vat), billed
        else:
            excl, incl = billed, mul_div_round(billed, 10000 + line.vat, 10000)
        line.quantity += quantity
        line.excl_vat += excl
        line.incl_vat += incl
        bucket = "reservation" if line.reservation else {
            "ENERGY": "energy", "TIME": "time", "PARKING_TIME": "parking", "FLAT": "fixed"}[line.dimension]
        cost.totals[bucket][0] += excl
        cost.totals[bucket][1] += incl

    periods = list(periods) or [OcpiPeriod(start_ms=session_start_ms)]
    any_use = any(p.energy is not None or p.time is not None or p.parking is not None for p in periods)
    expired = not any_use and any(p.reservation is not None for p in periods)
    steps = {k: {"line": None, "step": 0, "total": 0} for k in ("ENERGY", "TIME", "PARKING_TIME", "RES")}
    flat_charged = {False: False, True: False}
    energy_so_far = 0
    first = periods[0].start_ms
    for p in periods:
        reservation_period = p.reservation is not None
        local = p.start_ms + _offset_ms(zone, p.start_ms)
        local_day = local // MS_PER_DAY
        moment = (local_day, local - local_day * MS_PER_DAY, (local_day + 3) % 7, p.start_ms - first, energy_so_far)
        active = {}
        passes = (True, False) if expired else (None,)
        for wanted_expires in passes:
            for index, (r, comps) in enumerate(elements):
                if wanted_expires is not None and (r["reservation"] == "RESERVATION_EXPIRES") != wanted_expires:
                    continue
                if not _applies(r["reservation"], reservation_period, expired) or not _holds(r, moment, p):
                    continue
                for comp in comps:
                    active.setdefault(comp["type"], (comp, index))
        if "FLAT" in active and not flat_charged[reservation_period]:
            comp, index = active["FLAT"]
            bill(line_for(comp, index, reservation_period), 1)
            flat_charged[reservation_period] = True

        def meter(volume, dim, reservation, step):
            if volume is None:
                return
            step["total"] += volume
            if dim not in active:
                return
            comp, index = active[dim]
            line = line_for(comp, index, reservation)
            bill(line, volume)
            step["line"], step["step"] = line, max(comp["step"], 0) * 1000

        if reservation_period:
            meter(p.reservation, "TIME", True, steps["RES"])
        meter(p.energy, "ENERGY", False, steps["ENERGY"])
        meter(p.time, "TIME", False, steps["TIME"])
        meter(p.parking, "PARKING_TIME", False, steps["PARKING_TIME"])
        energy_so_far += p.energy or 0

    def round_up(step):
        if step["line"] is None or step["step"] <= 0 or step["total"] <= 0:
            return
        rounded = -(-step["total"] // step["step"]) * step["step"]
        if rounded > step["total"]:
            bill(step["line"], rounded - step["total"])

    cost.total_energy = steps["ENERGY"]["total"]
    cost.charging_time = steps["TIME"]["total"]
    cost.parking_time = steps["PARKING_TIME"]["total"]
    round_up(steps["ENERGY"])
    # TIME and PARKING_TIME are rounded together: once, at the end of the session's time.
    round_up(steps["PARKING_TIME"] if steps["PARKING_TIME"]["line"] is not None else steps["TIME"])
    round_up(steps["RES"])

    total = [sum(v[0] for v in cost.totals.values()), sum(v[1] for v in cost.totals.values())]
    if apply_min_max:
        for key, lower, flag in (("min_price", True, "min_price_applied"), ("max_price", False, "max_price_applied")):
            limit = tariff.get(key)
            if not limit:
                continue
            for i, name in enumerate(("excl_vat", "incl_vat")):
                if limit.get(name) is None:
                    continue
                bound = micros(limit[name])
                if (total[i] < bound) if lower else (total[i] > bound):
                    total[i] = bound
                    setattr(cost, flag, True)
    cost.totals["total"] = total
    return cost


def _iso_ms(text):
    import datetime as dt
    return int(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def ocpi_from_charge_assist(tariff):
    """A TariffModel as an OCPI tariff: one element per component with its restrictions (so the
    first match per dimension keeps the component order); a component without `vat` takes the
    tariff's vatPercentage; isVatIncluded carries over. Unknown component types are left out."""
    elements = []
    for element in tariff.get("elements") or []:
        for comp in element.get("priceComponents") or []:
            if comp.get("type") not in DIMENSIONS:
                continue
            step = comp.get("stepSize")
            out = {"type": comp["type"], "price": comp.get("price") or 0,
                   "step_size": step if isinstance(step, int) and step > 0 else 1}
            vat = comp.get("vat") if comp.get("vat") is not None else tariff.get("vatPercentage")
            if vat is not None:
                out["vat"] = vat
            elements.append({"price_components": [out], "restrictions": dict(comp.get("restrictions") or {})})
    return {"currency": tariff.get("currency") or "EUR", "elements": elements,
            "_prices_include_vat": bool(tariff.get("isVatIncluded"))}


# ---- the simulator's bill -----------------------------------------------------------------------

@dataclass
class Period:
    """A stretch of a simulated session, as the session engine meters it (relative to its start)."""
    start_offset_s: Decimal
    energy_wh: Decimal = Decimal(0)
    time_s: Decimal = Decimal(0)     # charging time (OCPI TIME)
    parking_s: Decimal = Decimal(0)  # plugged in but not charging (OCPI PARKING_TIME)
    energy_before_wh: Decimal = Decimal(0)
    power_kw: Decimal | None = None
    current_a: Decimal | None = None


@dataclass
class Line:
    dimension: str            # FLAT, ENERGY, TIME, PARKING_TIME
    unit: str                 # MONEY, KWH, MIN (the CdrLineItem units)
    unit_price: Decimal       # per `unit`, VAT included
    quantity: Decimal         # in `unit`, after step_size
    cost_excl_vat: Decimal
    cost: Decimal             # VAT included, in micros precision
    vat_percent: Decimal | None
    rounded: Decimal          # to cents


@dataclass
class Bill:
    currency: str
    lines: list
    total: Decimal            # incl. VAT, to cents
    total_vat: Decimal        # to cents
    total_excl_vat_unrounded: Decimal
    total_unrounded: Decimal
    vat_percentage: Decimal | None


def to_ocpi_periods(periods):
    out = []
    for p in periods:
        out.append(OcpiPeriod(
            start_ms=int(p.start_offset_s * 1000),
            energy=int(p.energy_wh * 1000) if p.energy_wh > 0 else None,
            time=int(p.time_s * 1000) if p.time_s > 0 else None,
            parking=int(p.parking_s * 1000) if p.parking_s > 0 else None,
            power_kw=None if p.power_kw is None else float(p.power_kw),
            current_a=None if p.current_a is None else float(p.current_a)))
    return out


def _units(micro):
    return Decimal(micro) / 1_000_000


def receipt_cents(exact_lines, exact_total):
    """Each line's amount in cents such that the lines add up to the rounded total, as a receipt
    must: every line is its own amount rounded down, and the cents still missing go to the lines
    that lost most (largest remainder), so no line is more than a cent off its own amount. None
    when the lines do not add up to the total exactly (a min or max price applied)."""
    if not exact_lines or sum(exact_lines) != exact_total or any(m < 0 for m in exact_lines):
        return None
    floors = [m // 10_000 * 10_000 for m in exact_lines]
    missing = (round_to_cents(exact_total) - sum(floors)) // 10_000
    by_remainder = sorted(range(len(exact_lines)), key=lambda i: (-(exact_lines[i] - floors[i]), i))
    for i in by_remainder[:missing]:
        floors[i] += 10_000
    return floors


def price_session(tariff, periods):
    """Bill for the simulator's `periods` under a Charge Assist TariffModel dict.

    totalCosts is the exact total incl. VAT rounded to cents; totalVat is (incl − excl) rounded to
    cents; each line's roundedCost is its own amount rounded to cents."""
    ocpi = ocpi_from_charge_assist(tariff)
    ops = to_ocpi_periods(periods)
    end = ops[-1].start_ms if ops else 0
    cost = price_ocpi(ocpi, ops, 0, end)
    lines = []
    for line in cost.lines:
        vat = None if line.vat is None else Decimal(line.vat) / 100
        unit_price = line.unit_price if (ocpi["_prices_include_vat"] or line.vat is None) else \
            mul_div_round(line.unit_price, 10000 + line.vat, 10000)
        if line.dimension == "FLAT":
            unit, quantity, price = "MONEY", Decimal(line.quantity), _units(unit_price)
        elif line.dimension == "ENERGY":
            unit, quantity, price = "KWH", Decimal(line.quantity) / MWH_PER_KWH, _units(unit_price)
        else:
            unit, quantity, price = "MIN", Decimal(line.quantity) / 60_000, _units(unit_price) / 60
        lines.append(Line(line.dimension, unit, price, quantity, _units(line.excl_vat), _units(line.incl_vat),
                          vat, _units(round_to_cents(line.incl_vat))))
    excl, incl = cost.totals["total"]
    rounded = receipt_cents([line.incl_vat for line in cost.lines], incl)
    if rounded is not None:
        lines = [dataclasses.replace(line, rounded=_units(r)) for line, r in zip(lines, rounded)]
    vat_percentage = tariff.get("vatPercentage")
    if vat_percentage is None:
        vats = [line.vat_percent for line in lines if line.vat_percent is not None]
        vat_percentage = vats[0] if vats else None
    return Bill(
        currency=tariff.get("currency") or "EUR",
        lines=lines,
        total=_units(round_to_cents(incl)),
        total_vat=_units(round_to_cents(incl - excl)),
        total_excl_vat_unrounded=_units(excl),
        total_unrounded=_units(incl),
        vat_percentage=None if vat_percentage is None else Decimal(str(vat_percentage)),
    )


def breakdown_json(bill, from_utc):
    """CdrCostBreakdown: one retail segment with a CdrLineItem per priced component."""
    micro = Decimal("0.000001")
    items = []
    for line in bill.lines:
        items.append({
            "dimension": line.dimension,
            "price": float(line.unit_price.quantize(micro, rounding=ROUND_HALF_UP)),
            "quantity": float(line.quantity.quantize(micro, rounding=ROUND_HALF_UP)),
            "unroundedCost": float(line.cost),
            "roundedCost": float(line.rounded),
            "unit": line.unit,
        })
    return {"retailSegments": [{"segmentId": 1, "fromUtc": from_utc, "items": items}]}
