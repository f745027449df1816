"""The expense export as CSV (RFC 4180): a header row, then one row per session: date (the start, in the
charger's time zone), place, charger, energy kWh, duration (H:MM:SS), cost excl. VAT, VAT, total,
currency, payment method, receipt number. CRLF line ends; a field with a comma, a double quote or a line
break is quoted, its quotes doubled. A text cell that a spreadsheet would run as a formula (starting
with =, +, -, @, tab or CR) gets a leading apostrophe."""
import csv
import io

from . import money

HEADER = ("date", "place", "charger", "energy kWh", "duration", "cost excl. VAT", "VAT", "total", "currency",
          "payment method", "receipt number")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value):
    value = str(value or "")
    return "'" + value if value.startswith(FORMULA_START) else value


def _duration(seconds):
    if seconds is None:
        return ""
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def row(receipt):
    started = receipt.started
    payment = receipt.payment[len("Charged to "):] if receipt.payment.startswith("Charged to ") else receipt.payment
    return (started.strftime("%Y-%m-%d %H:%M") if started else "", _text(receipt.place), _text(receipt.charger),
            f"{receipt.energy_wh // 1000}.{receipt.energy_wh % 1000:03d}", _duration(receipt.duration_s),
            money.plain_amount(receipt.net), money.plain_amount(receipt.total_vat), money.plain_amount(receipt.total),
            receipt.currency, _text(payment), _text(receipt.number))


def export_csv(receipts):
    """UTF-8 bytes of the CSV for these receipts, in the order given."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for receipt in receipts:
        writer.writerow(row(receipt))
    return out.getvalue().encode("utf-8")
