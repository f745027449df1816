"""Money on a receipt: amounts from the API's JSON numbers as exact integer micro-units, shown to the cent
(the app's format: "€7.30", "£", "$", else "CHF 7.30"), and the one rule that splits a session's VAT over
its cost lines.

The VAT rule. The API gives each cost line's amount with VAT (roundedCost), the session's total and its
VAT (totalCosts, totalVat) and one rate (vatPercentage). A line's VAT is its amount × rate / (100 + rate),
rounded down to the cent; the cents still missing to reach totalVat go to the lines that lost most
(largest remainder, first line first on a tie), so the lines' VAT adds up to the total VAT exactly and no
line is more than a cent off its own share. When the lines do not add up to the total (a minimum or
maximum price applied), or no rate is known, lines carry no VAT of their own and only the total does."""
from decimal import Decimal, InvalidOperation

MICROS = 1_000_000
CENT = 10_000
_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


def micros(value):
    """A JSON number (int or float, as the API sends it) as integer micro-units; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        exact = Decimal(str(value)) * MICROS
    except InvalidOperation:
        return None
    if not exact.is_finite():
        return None
    return int(exact.to_integral_value())


def round_to_cents(amount):
    """Half away from zero, as the app's money part rounds."""
    sign = -1 if amount < 0 else 1
    return sign * ((abs(amount) + CENT // 2) // CENT * CENT)


def decimal_text(amount, places=2):
    """'1,234.50' for 1234.5 units in micros, to `places` decimals (rounded to cents first for 2)."""
    if places == 2:
        amount = round_to_cents(amount)
    negative = amount < 0
    whole, frac = divmod(abs(amount), MICROS)
    text = f"{whole:,}"
    if places:
        text += "." + f"{frac:06d}"[:places]
    return ("-" if negative else "") + text


def plain_amount(amount):
    """'1234.50': for CSV cells, no grouping, a point, always two decimals."""
    return decimal_text(amount).replace(",", "")


def currency_prefix(currency):
    if not currency:
        return ""
    return _SYMBOLS.get(currency, currency + " ")


def format_money(amount, currency):
    amount = round_to_cents(amount)
    return ("-" if amount < 0 else "") + currency_prefix(currency) + decimal_text(abs(amount))


def format_unit_price(amount, currency):
    """A price per unit with as many decimals as it needs (2 to 6): €0.35, €0.00585."""
    places = 6
    frac = abs(amount) % MICROS
    while places > 2 and frac % (10 ** (7 - places)) == 0:
        places -= 1
    return ("-" if amount < 0 else "") + currency_prefix(currency) + decimal_text(abs(amount), places)


def format_percent(rate):
    """'21%', '5.5%' from a rate in micros of a percent."""
    text = decimal_text(rate, 6).replace(",", "").rstrip("0").rstrip(".")
    return text + "%"


def split_vat(line_amounts, total, total_vat, rate):
    """Each line's VAT in micros (see the rule above), or None when lines carry none of their own.
    `rate` is in micros of a percent (21% = 21_000_000)."""
    if rate is None or not line_amounts or sum(line_amounts) != total or any(a < 0 for a in line_amounts):
        return None
    shares = [a * rate // (100 * MICROS + rate) for a in line_amounts]
    remainders = [a * rate % (100 * MICROS + rate) for a in line_amounts]
    floors = [s // CENT * CENT for s in shares]
    missing = (total_vat - sum(floors)) // CENT
    if missing < 0 or missing > len(line_amounts):
        return None
    order = sorted(range(len(line_amounts)),
                   key=lambda i: (-((shares[i] - floors[i]) * (100 * MICROS + rate) + remainders[i]), i))
    for i in order[:missing]:
        floors[i] += CENT
    return floors
