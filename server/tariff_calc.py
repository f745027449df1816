"""Prices a finished session from a Charge Assist TariffModel by the OCPI 2.2.1 rules.
Pure functions on Decimals: no clock, no I/O, so it can be checked against OCPI example CDRs."""
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MICRO = Decimal("0.000001")
WH_PER_KWH = Decimal(1000)
S_PER_H = Decimal(3600)


def D(value):
    """Decimal from a JSON number without binary noise (0.351 stays 0.351)."""
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def round_money(amount):
    """The one rounding rule for billed amounts: to cents, half away from zero (as in core/money.hpp)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Period:
    """A stretch of the session with one set of conditions, as in an OCPI CDR charging period.

    Volumes are metered values; restrictions are evaluated at the period's start."""
    start_offset_s: Decimal          # session time elapsed when the period starts
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
    cost_excl_vat: Decimal    # unrounded
    cost: Decimal             # unrounded, VAT included
    vat_percent: Decimal | None
    rounded: Decimal = field(init=False)

    def __post_init__(self):
        self.rounded = round_money(self.cost)


@dataclass
class Bill:
    currency: str
    lines: list
    total: Decimal            # sum of the rounded lines, so a receipt adds up
    total_vat: Decimal
    total_excl_vat_unrounded: Decimal
    total_unrounded: Decimal
    vat_percentage: Decimal | None


def _restrictions_hold(restrictions, period):
    if not restrictions:
        return True

    def within(value, lo_key, hi_key):
        lo, hi = restrictions.get(lo_key), restrictions.get(hi_key)
        if lo is None and hi is None:
            return True
        if value is None:
            return False  # a condition on a quantity nobody measured cannot be shown to hold
        if lo is not None and value < D(lo):
            return False
        # OCPI maxima are exclusive
        if hi is not None and value >= D(hi):
            return False
        return True

    kwh_before = period.energy_before_wh / WH_PER_KWH
    return (within(kwh_before, "min_kwh", "max_kwh")
            and within(period.start_offset_s, "min_duration", "max_duration")
            and within(period.power_kw, "min_power", "max_power")
            and within(period.current_a, "min_current", "max_current"))


def _components(tariff, dimension):
    found = []
    for element in tariff.get("elements") or []:
        for component in element.get("priceComponents") or []:
            if component.get("type") == dimension:
                found.append(component)
    return found


def _first_match(candidates, period):
    for component in candidates:
        if _restrictions_hold(component.get("restrictions"), period):
            return component
    return None


def _incl_vat(amount, vat, vat_included):
    if vat is None or vat_included:
        return amount
    return amount * (1 + D(vat) / 100)


def _excl_vat(amount, vat, vat_included):
    if vat is None or not vat_included:
        return amount
    return amount / (1 + D(vat) / 100)


def price_session(tariff, periods):
    """Bill for `periods` (in time order) under `tariff` (a TariffModel dict).

    Per dimension, the first component (in element order) whose restrictions hold at a period's start
    prices that period; no match means free. FLAT is charged once. step_size rounds the session
    total of a dimension up, once, with the step of the last component used (Wh for ENERGY, seconds
    for TIME and PARKING_TIME); TIME is not rounded when parking was priced."""
    vat_included = bool(tariff.get("isVatIncluded"))
    candidates = {dim: _components(tariff, dim) for dim in ("FLAT", "ENERGY", "TIME", "PARKING_TIME")}

    volumes = {}   # id(component) -> [component, dimension, volume]
    last_used = {}
    for period in periods:
        for dim, volume in (("ENERGY", period.energy_wh), ("TIME", period.time_s),
                            ("PARKING_TIME", period.parking_s)):
            if volume <= 0:
                continue
            component = _first_match(candidates[dim], period)
            if component is None:
                continue
            slot = volumes.setdefault(id(component), [component, dim, Decimal(0)])
            slot[2] += volume
            last_used[dim] = component

    for dim in ("ENERGY", "TIME", "PARKING_TIME"):
        component = last_used.get(dim)
        if component is None:
            continue
        if dim == "TIME" and "PARKING_TIME" in last_used:
            continue
        step = D(component.get("stepSize") or 1)
        if step <= 1:
            continue
        total = sum(v[2] for v in volumes.values() if v[1] == dim)
        rounded_up = (total / step).to_integral_value(rounding=ROUND_CEILING) * step
        volumes[id(component)][2] += rounded_up - total

    lines = []
    first = periods[0] if periods else Period(start_offset_s=Decimal(0))
    flat = _first_match(candidates["FLAT"], first)
    if flat is not None:
        price = D(flat.get("price") or 0)
        lines.append(_line("FLAT", "MONEY", price, Decimal(1), price, flat.get("vat"), vat_included))
    for component, dim, volume in volumes.values():
        price = D(component.get("price") or 0)
        if dim == "ENERGY":
            kwh = volume / WH_PER_KWH
            lines.append(_line(dim, "KWH", price, kwh, price * kwh, component.get("vat"), vat_included))
        else:
            hours = volume / S_PER_H
            per_minute = price / 60
            lines.append(_line(dim, "MIN", per_minute, volume / 60, price * hours,
                               component.get("vat"), vat_included))

    total = sum((line.rounded for line in lines), Decimal(0))
    vat_amount = sum((line.rounded * line.vat_percent / (100 + line.vat_percent)
                      for line in lines if line.vat_percent), Decimal(0))
    vat_percentage = tariff.get("vatPercentage")
    if vat_percentage is None:
        vats = [line.vat_percent for line in lines if line.vat_percent is not None]
        vat_percentage = vats[0] if vats else None
    return Bill(
        currency=tariff.get("currency") or "EUR",
        lines=lines,
        total=total,
        total_vat=round_money(vat_amount),
        total_excl_vat_unrounded=sum((line.cost_excl_vat for line in lines), Decimal(0)),
        total_unrounded=sum((line.cost for line in lines), Decimal(0)),
        vat_percentage=None if vat_percentage is None else D(vat_percentage),
    )


def _line(dimension, unit, unit_price, quantity, amount, vat, vat_included):
    vat_d = None if vat is None else D(vat)
    return Line(
        dimension=dimension,
        unit=unit,
        unit_price=_incl_vat(unit_price, vat, vat_included),
        quantity=quantity,
        cost_excl_vat=_excl_vat(amount, vat, vat_included),
        cost=_incl_vat(amount, vat, vat_included),
        vat_percent=vat_d,
    )


def breakdown_json(bill, from_utc):
    """CdrCostBreakdown: one retail segment with a CdrLineItem per priced component."""
    items = []
    for line in bill.lines:
        items.append({
            "dimension": line.dimension,
            "price": float(line.unit_price.quantize(MICRO, rounding=ROUND_HALF_UP)),
            "quantity": float(line.quantity.quantize(MICRO, rounding=ROUND_HALF_UP)),
            "unroundedCost": float(line.cost.quantize(MICRO, rounding=ROUND_HALF_UP)),
            "roundedCost": float(line.rounded),
            "unit": line.unit,
        })
    return {"retailSegments": [{"segmentId": 1, "fromUtc": from_utc, "items": items}]}
