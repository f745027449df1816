"""Whether an e-mail address is one this server will send a receipt to: at most 254 characters (RFC 5321's
path limit less the brackets), a local part of at most 64 ASCII characters as a dot-atom (no quoted
forms), and a domain of at least two labels of letters, digits and hyphens (an internationalized domain
is accepted and sent in its IDNA form). No IP literals, no comments, no display names."""
import re

MAX_LENGTH = 254
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


class AddressError(ValueError):
    pass


def check(text, min_labels=2):
    """The address to send to (domain in IDNA form, lower-cased), or AddressError saying why not.
    `min_labels` 1 lets a sender on this host (receipts@localhost) through."""
    if not isinstance(text, str):
        raise AddressError("must be a string.")
    text = text.strip()
    if not text:
        raise AddressError("is required.")
    if len(text) > MAX_LENGTH:
        raise AddressError(f"must be at most {MAX_LENGTH} characters.")
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        raise AddressError("is not an e-mail address (name@example.com).")
    if len(local) > 64 or not _LOCAL.fullmatch(local):
        raise AddressError("has a part before the @ that cannot be used.")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower() if not domain.isascii() else domain.lower()
    except UnicodeError:
        raise AddressError("has a domain that cannot be used.")
    labels = ascii_domain.rstrip(".").split(".")
    if (len(labels) < min_labels or len(ascii_domain) > 253 or not all(_LABEL.fullmatch(label) for label in labels)
            or (len(labels) > 1 and labels[-1].isdigit())):
        raise AddressError("has a domain that cannot be used.")
    address = f"{local}@{'.'.join(labels)}"
    if len(address) > MAX_LENGTH:
        raise AddressError(f"must be at most {MAX_LENGTH} characters.")
    return address
