"""A receipt as plain values, read from a finished session's record (the API's StatusResponse at
CDR_AVAILABLE) and, when it could be had, its location (operator and charger names): the receipt number,
operator and support contacts, place, charger, start and end in the charger's time zone (zones.py), energy,
each cost line with its VAT (money.py's rule), the totals, the VAT per rate and what it was charged to.
Words match the app's receipt screen. Untrusted input: anything malformed is left out, never fatal."""
from dataclasses import dataclass, field

from . import money, zones

DIMENSIONS = {"ENERGY": "Energy", "TIME": "Charging time", "FLAT": "Session fee", "PARKING_TIME": "Idle time"}
AFIR_ORDER = {"ENERGY": 0, "TIME": 1, "FLAT": 2, "PARKING_TIME": 3}
FINISHED = ("CDR_AVAILABLE", "COMPLETED")


class NotReady(ValueError):
    """The session has no receipt yet (still running, or its costs are not known)."""


@dataclass(frozen=True)
class CostLine:
    label: str            # "Energy 1.781 kWh × €2.106"
    dimension: str
    amount: int           # micros, VAT included, to the cent
    vat: int | None       # micros, to the cent; None when lines carry no VAT of their own


@dataclass(frozen=True)
class VatRate:
    rate: int | None      # micros of a percent; None: the rate is not known
    net: int
    vat: int
    gross: int


@dataclass
class Receipt:
    number: str
    currency: str
    total: int
    total_vat: int
    lines: list
    vat_rates: list
    operator: str = ""
    support: list = field(default_factory=list)   # [(label, value)]
    place: str = ""
    city: str = ""
    charger: str = ""
    started: object = None     # aware datetime in the charger's zone
    ended: object = None
    energy_wh: int = 0
    payment: str = ""
    session_id: str = ""

    @property
    def net(self):
        return self.total - self.total_vat

    @property
    def duration_s(self):
        if self.started is None or self.ended is None:
            return None
        return max(0, int((self.ended - self.started).total_seconds()))

    def money(self, amount):
        return money.format_money(amount, self.currency)

    def facts(self):
        """[(label, value)] in the receipt screen's order, empty values left out."""
        rows = [("Receipt number", self.number), ("Operator", self.operator), ("Location", self.place),
                ("Charger", self.charger),
                ("Started", zones.format_date_time(self.started) if self.started else ""),
                ("Ended", zones.format_date_time(self.ended) if self.ended else ""),
                ("Time", zones.format_duration(self.duration_s) if self.duration_s is not None else ""),
                ("Energy", f"{self.energy_wh / 1000:.2f} kWh"), ("Payment", self.payment)]
        return [(label, value) for label, value in rows if value]


def _text(value, limit=200):
    if not isinstance(value, str):
        return ""
    # a line break or other control character in a name becomes a space: a receipt row is one line
    return " ".join("".join(c if ord(c) >= 32 and not 127 <= ord(c) < 160 else " " for c in value).split())[:limit]


def _quantity(item):
    quantity = money.micros(item.get("quantity"))
    unit = item.get("unit")
    if quantity is None:
        return ""
    if unit == "KWH":
        return f"{money.decimal_text(quantity, 3).replace(',', '')} kWh"
    if unit == "MIN":
        return f"{money.decimal_text(quantity, 2).replace(',', '')} min"
    if unit == "MONEY":
        return ""
    return money.decimal_text(quantity, 3).replace(",", "")


def charged_to(method):
    """The app's words for the method charged ("Charged to card ••2836")."""
    if not isinstance(method, dict):
        return ""
    name = _text(method.get("displayName"), 80)
    if name:
        return f"Charged to {name}"
    hint = _text(method.get("cardHint"), 80)
    external = _text(method.get("externalPaymentMethodId"), 80)
    if external and (method.get("type") == "EXTERNAL" or not hint):
        return f"Charged to payment reference {external}"
    tail = ""
    for c in hint:
        tail = "" if c in "*•" else tail + (c if c != " " and c.isascii() else "")
    if tail:
        return f"Charged to card ••{tail[-4:]}"
    ident = _text(method.get("id"), 80)
    return f"Charged to {ident}" if ident else ""


def _charger(cdr, location):
    evse_uid = _text(cdr.get("evseUid"), 120)
    name = evse_uid
    for evse in (location or {}).get("evses") or []:
        if isinstance(evse, dict) and evse.get("uid") == evse_uid and _text(evse.get("displayName"), 120):
            name = _text(evse.get("displayName"), 120)
    connector = _text(cdr.get("connectorId"), 20)
    return f"{name} · connector {connector}" if name and connector else name


def read_receipt(cdr, location=None):
    """Receipt from a StatusResponse; NotReady when it is not a finished session with costs."""
    if not isinstance(cdr, dict) or cdr.get("status") not in FINISHED:
        raise NotReady("the session has not finished")
    total, total_vat = money.micros(cdr.get("totalCosts")), money.micros(cdr.get("totalVat"))
    number = _text(cdr.get("receiptNumber"), 64)
    if total is None or not number:
        raise NotReady("the session's costs are not known yet")
    total_vat = total_vat or 0
    currency = _text(cdr.get("currency"), 3) or "EUR"
    rate = money.micros(cdr.get("vatPercentage"))
    place_json = cdr.get("location") if isinstance(cdr.get("location"), dict) else {}
    zone_name = place_json.get("timeZone") or (location or {}).get("timeZone")

    items = []
    breakdown = cdr.get("costBreakdown") if isinstance(cdr.get("costBreakdown"), dict) else {}
    for segment in breakdown.get("retailSegments") or []:
        for item in (segment.get("items") or []) if isinstance(segment, dict) else []:
            if isinstance(item, dict) and money.micros(item.get("roundedCost")) is not None:
                items.append(item)
    # the price screen's (AFIR) order; lines of one dimension keep the backend's order
    items.sort(key=lambda i: AFIR_ORDER.get(i.get("dimension"), 4))
    amounts = [money.micros(i["roundedCost"]) for i in items]
    vats = money.split_vat(amounts, total, total_vat, rate) or [None] * len(items)
    lines = []
    for item, amount, vat in zip(items, amounts, vats):
        dimension = _text(item.get("dimension"), 40) or "UNKNOWN"
        label = DIMENSIONS.get(dimension, dimension.replace("_", " ").capitalize())
        quantity = _quantity(item)
        price = money.micros(item.get("price"))
        if quantity and price is not None:
            label += f" {quantity} × {money.format_unit_price(price, currency)}"
        lines.append(CostLine(label, dimension, amount, vat))

    # one rate per session in the API; a session with VAT but no rate still shows its VAT
    vat_rates = [VatRate(rate, total - total_vat, total_vat, total)] if (rate or total_vat) else []

    branding = place_json.get("branding") if isinstance(place_json.get("branding"), dict) else {}
    operator_json = (location or {}).get("operator")
    operator = _text((operator_json or {}).get("name") if isinstance(operator_json, dict) else None, 120) or \
        _text(branding.get("displayName"), 120)
    support = [(label, _text(branding.get(key), 200)) for label, key in
               (("Phone", "supportPhone"), ("E-mail", "supportEmail"), ("Website", "supportWebsite"))
               if _text(branding.get(key), 200)]
    place = ", ".join(p for p in (_text(place_json.get(k), 120) for k in ("name", "address", "city")) if p)
    started, ended = zones.parse_time(cdr.get("startTime")), zones.parse_time(cdr.get("endTime"))
    energy = money.micros(cdr.get("energyInKwh"))
    return Receipt(
        number=number, currency=currency, total=total, total_vat=total_vat, lines=lines, vat_rates=vat_rates,
        operator=operator, support=support, place=place or _text(cdr.get("locationId"), 120),
        city=_text(place_json.get("city"), 120), charger=_charger(cdr, location),
        started=zones.local_time(started, zone_name) if started else None,
        ended=zones.local_time(ended, zone_name) if ended else None,
        energy_wh=0 if energy is None else max(0, energy // 1000), payment=charged_to(cdr.get("paymentMethod")),
        session_id=_text(cdr.get("sessionId"), 120))
