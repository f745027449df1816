"""What the request log may show. A request line is the client's text: written raw it can forge log
lines (CR, LF) or drive a terminal (ESC), so everything outside printable ASCII is escaped. A driver's
appToken is a bearer credential, so wherever the API carries one (a path segment after token/,
payment/, favorites/, privatelocations/ or tariff/, and the appToken and filter.appToken query
parameters) it is logged as [token]."""
import urllib.parse

REDACTED = "[token]"
# the API paths whose next segment is a driver's appToken; tariff/evse/{location}/{evse} carries none
TOKEN_BEFORE = {"token", "payment", "favorites", "privatelocations", "tariff"}
TOKEN_PARAMETERS = {"apptoken", "filter.apptoken"}


def escape(text):
    """Printable ASCII as is; a backslash and everything else as \\xNN (or \\uNNNN)."""
    out = []
    for c in str(text):
        if c == "\\":
            out.append("\\\\")
        elif " " <= c <= "~":
            out.append(c)
        elif ord(c) <= 0xFF:
            out.append(f"\\x{ord(c):02x}")
        else:
            out.append(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
    return "".join(out)


def redact_segments(segments):
    """The path's segments with appTokens replaced (segments as the router reads them)."""
    out = list(segments)
    api = out[1:2] == ["api"]
    if api:
        for i in range(2, len(out) - 1):
            if out[i] in TOKEN_BEFORE:
                if out[i] == "tariff" and out[i + 1] == "evse" and len(out) - i == 4:
                    continue  # tariff/evse/{location}/{evse}: the default tariff, no token
                out[i + 1] = REDACTED
    return out


def redact_query(query):
    parts = []
    for item in query.split("&"):
        name, eq, _ = item.partition("=")
        if eq and urllib.parse.unquote_plus(name).lower() in TOKEN_PARAMETERS:
            item = name + "=" + REDACTED
        parts.append(item)
    return "&".join(parts)


def loggable_target(target, raw):
    """The request target as the log shows it: from the decoded segments where there are some, else the
    raw text (both redacted and escaped)."""
    if target is None or target.error is not None:
        path, _, query = raw.partition("?")
        text = "/".join(redact_segments(path.split("/"))) + ("?" + redact_query(query) if query else "")
    else:
        text = "/".join(redact_segments(target.segments)) or "/"
        if target.query:
            text += "?" + redact_query(target.query)
    return escape(text)
