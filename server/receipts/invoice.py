"""The driver's invoice details as the app sends them ({name, company, vatNumber, address}, all optional;
kept on the phone, never here): checked, trimmed, the VAT number in its normalized form. Bad details are
400s naming the field (invoice.vatNumber: ...)."""
from dataclasses import dataclass

from ..web import ApiError
from . import vat_numbers

LIMITS = {"name": 100, "company": 100, "address": 300}
MAX_ADDRESS_LINES = 6


@dataclass(frozen=True)
class Invoice:
    name: str = ""
    company: str = ""
    vat_number: str = ""
    address_lines: tuple = ()

    def lines(self):
        """What the "Invoice to" block prints, in order."""
        out = [line for line in (self.name, self.company) if line]
        out += list(self.address_lines)
        if self.vat_number:
            out.append(f"VAT {self.vat_number}")
        return out


def _bad(field, message, code):
    return ApiError(400, f"invoice.{field}: {message}", code=code, field=f"invoice.{field}")


def _text(body, field, multiline=False):
    value = body.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _bad(field, "must be a string.", "INVALID_TYPE")
    value = value.replace("\r\n", "\n").strip()
    limit = LIMITS.get(field, 40)
    if len(value) > limit:
        raise _bad(field, f"must be at most {limit} characters.", "TOO_LONG")
    allowed = "\n" if multiline else ""
    if any((ord(c) < 32 and c not in allowed) or 127 <= ord(c) < 160 or c in "\u2028\u2029" for c in value):
        raise _bad(field, "contains control characters.", "INVALID_CHARACTERS")
    return value


def read_invoice(value):
    """Invoice or None from the request's `invoice` member."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ApiError(400, "invoice: must be an object {name, company, vatNumber, address}.", code="INVALID_TYPE",
                       field="invoice")
    unknown = sorted(set(value) - {"name", "company", "vatNumber", "address"})
    if unknown:
        raise ApiError(400, f"invoice: unknown field {unknown[0][:40]}.", code="UNKNOWN_FIELD", field="invoice")
    address = [line.strip() for line in _text(value, "address", multiline=True).split("\n") if line.strip()]
    if len(address) > MAX_ADDRESS_LINES:
        raise _bad("address", f"must be at most {MAX_ADDRESS_LINES} lines.", "TOO_LONG")
    vat = _text(value, "vatNumber")
    if vat:
        vat, why = vat_numbers.check(vat)
        if vat is None:
            raise _bad("vatNumber", why, "INVALID_VAT_NUMBER")
    invoice = Invoice(_text(value, "name"), _text(value, "company"), vat, tuple(address))
    return invoice if invoice.lines() else None
