"""EU VAT identification numbers: the format each member state uses (as the VIES service documents it),
checked after spaces, dots and hyphens are dropped and letters upper-cased. A format check only: whether
the number is registered is for VIES to say, and a receipt does not need it."""
import re

PATTERNS = {
    "AT": r"U\d{8}",
    "BE": r"[01]\d{9}",
    "BG": r"\d{9,10}",
    "CY": r"\d{8}[A-Z]",
    "CZ": r"\d{8,10}",
    "DE": r"\d{9}",
    "DK": r"\d{8}",
    "EE": r"\d{9}",
    "EL": r"\d{9}",
    "ES": r"[A-Z0-9]\d{7}[A-Z0-9]",
    "FI": r"\d{8}",
    "FR": r"[0-9A-HJ-NP-Z]{2}\d{9}",
    "HR": r"\d{11}",
    "HU": r"\d{8}",
    "IE": r"\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W]",
    "IT": r"\d{11}",
    "LT": r"\d{9}|\d{12}",
    "LU": r"\d{8}",
    "LV": r"\d{11}",
    "MT": r"\d{8}",
    "NL": r"\d{9}B\d{2}",
    "PL": r"\d{10}",
    "PT": r"\d{9}",
    "RO": r"[1-9]\d{1,9}",
    "SE": r"\d{10}01",
    "SI": r"\d{8}",
    "SK": r"\d{10}",
    "XI": r"\d{9}|\d{12}|GD\d{3}|HA\d{3}",  # Northern Ireland
}
_SHAPE = re.compile(r"[A-Z]{2}[A-Z0-9+*]{2,14}")
_COMPILED = {cc: re.compile(f"(?:{p})") for cc, p in PATTERNS.items()}


def normalize(text):
    return "".join(c for c in text if c not in " .-\u00a0").upper()


def check(text):
    """(normalized number, None) when the format fits its country, else (None, why)."""
    number = normalize(text)
    if not _SHAPE.fullmatch(number):
        return None, "is not an EU VAT number (two letters for the country, then the number)."
    country, rest = number[:2], number[2:]
    if country == "GR":
        return None, "Greek VAT numbers start with EL, not GR."
    pattern = _COMPILED.get(country)
    if pattern is None:
        return None, f"{country} is not an EU country code for VAT numbers."
    if not pattern.fullmatch(rest):
        return None, f"does not have the format of a {country} VAT number."
    return number, None
