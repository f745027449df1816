"""Hubject OICP 2.3 dynamic pricing imported from the portal's CSV files (PricingProductData and
EVSEPricing), strictly validated, and turned into Charge Assist TariffModels for the simulator's
EVSEs they map to. Every problem is reported as "FILE:LINE: FIELD: what is wrong".

PricingProductData: first row OperatorName,DefaultReferenceUnit,DefaultPrice,DefaultPriceCurrency;
then ProductID,ReferenceUnit,PricePerReferenceUnit,ProductPriceCurrency,MaximumProductChargingPower,
IsValid24hours,ProductAvailabilityTimes,begin,end[,AdditionalReference,AdditionalReferenceUnit,
PricePerAdditionalReferenceUnit]. EVSEPricing: EVSEId,ProductId (an EVSE may list several products).

How a product becomes a TariffModel (prices as given, without VAT):
- KILOWATT_HOUR: ENERGY per kWh; HOUR: TIME per hour; MINUTE: TIME at 60 × the price per hour,
  billed per minute (stepSize 60).
- START FEE and FIXED FEE: a FLAT component. PARKING FEE: PARKING_TIME (HOUR or MINUTE only).
  MINIMUM FEE and MAXIMUM FEE cannot be carried by a TariffModel: they are read, validated and
  reported as not applied.
- Availability (days and begin-end, end minute included, wrapping past midnight) picks which of
  an EVSE's products prices a session that starts now, in the location's time zone; when none is
  available, the operator's default price applies."""
import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

EVSE_ID = re.compile(r"^(([A-Z]{2}\*?[A-Z0-9]{3}\*?E[A-Z0-9\*]{1,30})|(\+?[0-9]{1,3}\*[0-9]{3}\*[0-9\*]{1,32}))$")
PRODUCT_ID = re.compile(r"^[A-Za-z0-9_\-\.\* ]{1,50}$")
UNITS = ("HOUR", "KILOWATT_HOUR", "MINUTE")
ADDITIONAL = ("START FEE", "FIXED FEE", "PARKING FEE", "MINIMUM FEE", "MAXIMUM FEE")
# ISO 4217 codes in use (the EEA and its neighbours, and the main world currencies).
CURRENCIES = frozenset("""EUR CHF GBP USD DKK SEK NOK ISK PLN CZK HUF RON BGN RSD BAM MKD ALL MDL UAH TRY
    CAD AUD NZD JPY CNY HKD SGD KRW INR ZAR BRL MXN AED SAR ILS""".split())
DAYS = {"Monday": {0}, "Tuesday": {1}, "Wednesday": {2}, "Thursday": {3}, "Friday": {4}, "Saturday": {5},
        "Sunday": {6}, "Everyday": set(range(7)), "Workdays": set(range(5)), "Weekend": {5, 6}}
MAX_PRICE = Decimal(10000)
MAX_POWER_KW = Decimal(2000)


class OicpError(ValueError):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Product:
    id: str
    unit: str
    price: Decimal
    currency: str
    max_power_kw: Decimal
    valid_24h: bool
    days: frozenset
    begin: int | None     # minute of the day
    end: int | None       # minute of the day, included
    additional: list = field(default_factory=list)  # (reference, unit, price)
    line: int = 0

    def available(self, weekday, minute):
        if self.valid_24h:
            return weekday in self.days
        if self.begin <= self.end:
            return weekday in self.days and self.begin <= minute <= self.end
        # past midnight: the evening belongs to its own day, the small hours to the day before
        if minute >= self.begin:
            return weekday in self.days
        return minute <= self.end and (weekday - 1) % 7 in self.days


@dataclass
class Pricing:
    operator: str
    default_unit: str
    default_price: Decimal
    default_currency: str
    products: dict                 # id -> Product, in file order
    evse_products: dict            # EVSE id as written -> [product id, ...]
    notes: list = field(default_factory=list)   # what was read but not applied, unknown EVSEs

    def tariff(self, product_id=None):
        """The TariffModel of a product, or of the default price when `product_id` is None."""
        if product_id is None:
            return _tariff_model(self.default_unit, self.default_price, self.default_currency, [])
        p = self.products[product_id]
        return _tariff_model(p.unit, p.price, p.currency, p.additional)


def _unit_component(unit, price):
    if unit == "KILOWATT_HOUR":
        return {"type": "ENERGY", "price": float(price), "stepSize": 1}
    if unit == "HOUR":
        return {"type": "TIME", "price": float(price), "stepSize": 1}
    return {"type": "TIME", "price": float(price * 60), "stepSize": 60}


def _tariff_model(unit, price, currency, additional):
    components = [_unit_component(unit, price)]
    for reference, ref_unit, ref_price in additional:
        if reference in ("START FEE", "FIXED FEE"):
            components.insert(0, {"type": "FLAT", "price": float(ref_price), "stepSize": 1})
        elif reference == "PARKING FEE":
            per_hour = ref_price * 60 if ref_unit == "MINUTE" else ref_price
            components.append({"type": "PARKING_TIME", "price": float(per_hour),
                               "stepSize": 60 if ref_unit == "MINUTE" else 1})
    return {"tariffType": "RETAIL", "currency": currency, "isVatIncluded": False,
            "elements": [{"priceComponents": components}]}


class _Rows:
    """CSV rows of one file with problems collected as FILE:LINE: FIELD: message."""

    def __init__(self, name, text):
        self.name = name
        self.problems = []
        if text.startswith("\ufeff"):
            text = text[1:]
        self.rows = []
        reader = csv.reader(io.StringIO(text), skipinitialspace=True)
        number = 0
        try:
            for number, row in enumerate(reader, start=1):
                cells = [c.strip() for c in row]
                if not any(cells):
                    continue
                self.rows.append((number, cells))
        except csv.Error as exc:  # a stray carriage return or NUL: a problem of the file, named like the rest
            self.error(number + 1, "row", f"not readable as CSV ({exc})")

    def error(self, line, field_name, message):
        self.problems.append(f"{self.name}:{line}: {field_name}: {message}")


def _price(rows, line, field_name, text):
    try:
        value = Decimal(text)
    except InvalidOperation:
        rows.error(line, field_name, f"not a number: {text!r}")
        return None
    if not value.is_finite() or value < 0 or value > MAX_PRICE:
        rows.error(line, field_name, f"must be from 0 to {MAX_PRICE}: {text!r}")
        return None
    if value.as_tuple().exponent < -6:
        rows.error(line, field_name, f"more than 6 decimals: {text!r}")
        return None
    return value


def _choice(rows, line, field_name, text, allowed):
    if text not in allowed:
        rows.error(line, field_name, f"{text!r} is not one of {', '.join(allowed)}")
        return None
    return text


def _currency(rows, line, field_name, text):
    if text not in CURRENCIES:
        rows.error(line, field_name, f"{text!r} is not an ISO 4217 currency code in use")
        return None
    return text


def _clock(rows, line, field_name, text):
    m = re.fullmatch(r"([01][0-9]|2[0-3]):([0-5][0-9])", text)
    if not m:
        rows.error(line, field_name, f"expected HH:MM (00:00 to 23:59), got {text!r}")
        return None
    return int(m.group(1)) * 60 + int(m.group(2))


def parse_products(text, name="PRODUCTS.csv"):
    """(operator, default unit, default price, default currency, {id: Product}, problems)."""
    rows = _Rows(name, text)
    if not rows.rows:
        rows.error(1, "OperatorName", "the file is empty")
        return None, rows.problems
    line, head = rows.rows[0]
    if len(head) != 4:
        rows.error(line, "header", f"expected OperatorName,DefaultReferenceUnit,DefaultPrice,DefaultPriceCurrency "
                                   f"(4 fields), got {len(head)}")
        return None, rows.problems
    operator = head[0]
    if not 1 <= len(operator) <= 100:
        rows.error(line, "OperatorName", "must have 1 to 100 characters")
    default_unit = _choice(rows, line, "DefaultReferenceUnit", head[1], UNITS)
    default_price = _price(rows, line, "DefaultPrice", head[2])
    default_currency = _currency(rows, line, "DefaultPriceCurrency", head[3])
    products = {}
    for line, cells in rows.rows[1:]:
        if len(cells) not in (9, 12):
            rows.error(line, "row", f"expected 9 fields, or 12 with an additional reference; got {len(cells)}")
            continue
        pid = cells[0]
        if not PRODUCT_ID.match(pid):
            rows.error(line, "ProductID", f"{pid!r}: 1 to 50 letters, digits, spaces or - _ . *")
        elif pid in products:
            rows.error(line, "ProductID", f"{pid!r} is already defined on line {products[pid].line}")
        unit = _choice(rows, line, "ReferenceUnit", cells[1], UNITS)
        price = _price(rows, line, "PricePerReferenceUnit", cells[2])
        currency = _currency(rows, line, "ProductPriceCurrency", cells[3])
        try:
            power = Decimal(cells[4])
            if not power.is_finite() or not 0 < power <= MAX_POWER_KW:
                raise InvalidOperation
        except InvalidOperation:
            rows.error(line, "MaximumProductChargingPower", f"expected kW above 0 and at most {MAX_POWER_KW}, "
                                                            f"got {cells[4]!r}")
            power = None
        valid_24h = {"true": True, "false": False}.get(cells[5])
        if valid_24h is None:
            rows.error(line, "IsValid24hours", f"expected true or false, got {cells[5]!r}")
        days = DAYS.get(cells[6])
        if days is None:
            rows.error(line, "ProductAvailabilityTimes", f"{cells[6]!r} is not one of {', '.join(DAYS)}")
        begin = _clock(rows, line, "begin", cells[7])
        end = _clock(rows, line, "end", cells[8])
        additional = []
        if len(cells) == 12:
            reference = _choice(rows, line, "AdditionalReference", cells[9], ADDITIONAL)
            ref_unit = _choice(rows, line, "AdditionalReferenceUnit", cells[10], UNITS)
            ref_price = _price(rows, line, "PricePerAdditionalReferenceUnit", cells[11])
            if reference == "PARKING FEE" and ref_unit == "KILOWATT_HOUR":
                rows.error(line, "AdditionalReferenceUnit", "a PARKING FEE is per HOUR or per MINUTE")
            if None not in (reference, ref_unit, ref_price):
                additional.append((reference, ref_unit, ref_price))
        if None in (unit, price, currency, power, valid_24h, days, begin, end) or pid in products:
            continue
        products[pid] = Product(pid, unit, price, currency, power, valid_24h, frozenset(days), begin, end,
                                additional, line)
    if rows.problems:
        return None, rows.problems
    return (operator, default_unit, default_price, default_currency, products), []


def parse_evse_pricing(text, products, name="EVSE.csv"):
    """({EVSE id: [product ids]}, problems)."""
    rows = _Rows(name, text)
    if not rows.rows:
        rows.error(1, "EVSEId", "the file is empty")
    mapping = {}
    for line, cells in rows.rows:
        if len(cells) != 2:
            rows.error(line, "row", f"expected EVSEId,ProductId (2 fields), got {len(cells)}")
            continue
        evse_id, product_id = cells
        if not EVSE_ID.match(evse_id):
            rows.error(line, "EVSEId", f"{evse_id!r} is not an OICP EVSE ID (e.g. DE*AB7*E840*6487)")
            continue
        if product_id not in products:
            rows.error(line, "ProductId", f"{product_id!r} is not a product in the pricing file")
            continue
        listed = mapping.setdefault(evse_id, [])
        if product_id in listed:
            rows.error(line, "ProductId", f"{product_id!r} is already listed for {evse_id}")
            continue
        listed.append(product_id)
    return (mapping if not rows.problems else None), rows.problems


def load(products_path, evse_path):
    """Both files read and checked together; OicpError lists every problem found."""
    problems = []
    texts = []
    for path in (products_path, evse_path):
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                texts.append(fh.read())
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: cannot read: {exc}")
            texts.append(None)
    if problems:
        raise OicpError(problems)
    parsed, problems = parse_products(texts[0], products_path)
    if parsed is None:
        raise OicpError(problems)
    operator, unit, price, currency, products = parsed
    mapping, problems = parse_evse_pricing(texts[1], products, evse_path)
    if mapping is None:
        raise OicpError(problems)
    pricing = Pricing(operator, unit, price, currency, products, mapping)
    for p in products.values():
        for reference, _, _ in p.additional:
            if reference in ("MINIMUM FEE", "MAXIMUM FEE"):
                pricing.notes.append(f"{products_path}:{p.line}: AdditionalReference: {reference} of {p.id} "
                                     f"is not applied (a Charge Assist tariff cannot carry it)")
    return pricing


def install(pricing, catalog, now, offset_minutes):
    """Prices the catalog's EVSEs that the EVSE file maps, from now on. `now()` gives simulated epoch
    seconds; `offset_minutes(ts, zone)` a zone's UTC offset. EVSE ids the catalog does not know are
    added to pricing.notes. Returns the number of EVSEs priced."""
    priced = 0
    for evse_id, product_ids in pricing.evse_products.items():
        hit = catalog.find_evse(evse_id)
        if hit is None:
            pricing.notes.append(f"EVSE {evse_id}: not in the simulator's data; its pricing is not used")
            continue
        location_id, evse = hit
        zone = catalog.locations[location_id].get("timeZone") or catalog.time_zone
        tariff_id = f"oicp:{evse['uid']}"
        catalog.tariffs[tariff_id] = _Resolver(pricing, product_ids, zone, now, offset_minutes)
        for connector in evse.get("connectors", []):
            connector["tariffId"] = tariff_id
        priced += 1
    return priced


class _Resolver:
    """A tariff that depends on the moment: the first of the EVSE's products available now."""

    def __init__(self, pricing, product_ids, zone, now, offset_minutes):
        self.pricing, self.product_ids, self.zone = pricing, product_ids, zone
        self.now, self.offset_minutes = now, offset_minutes

    def current(self):
        ts = self.now()
        local = int(ts) + self.offset_minutes(ts, self.zone) * 60
        days = local // 86400
        weekday = (days + 3) % 7  # 1970-01-01 was a Thursday
        minute = (local % 86400) // 60
        for pid in self.product_ids:
            if self.pricing.products[pid].available(weekday, minute):
                return self.pricing.tariff(pid)
        return self.pricing.tariff(None)
