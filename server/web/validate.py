"""Typed extraction of request fields (JSON body, query, path) that turns bad input into a 400 ApiError.
Every check names the field, so the client gets `field: what was wrong` instead of a crash."""
import json
import math

from .api_errors import ApiError

MAX_ID_LEN = 256


def _bad(field, message, code="INVALID"):
    return ApiError(400, f"{field}: {message}" if field else message, code=code, field=field)


def _reject_constant(name):
    raise ValueError(f"{name} is not valid JSON")


def parse_json_object(body):
    """The request body as a JSON object; anything else is a 400."""
    if not body:
        raise _bad(None, "A JSON request body is required.", "BODY_REQUIRED")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad(None, "The request body is not UTF-8.", "INVALID_JSON")
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise _bad(None, f"The request body is not valid JSON ({str(exc)[:120]}).", "INVALID_JSON")
    if not isinstance(value, dict):
        raise _bad(None, "The request body must be a JSON object.", "INVALID_JSON")
    try:
        # "\ud800" is valid JSON but no text: a lone surrogate cannot be stored, logged or sent back
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        raise _bad(None, "The request body holds a lone surrogate (\\ud800-\\udfff), which is no character.",
                   "INVALID_JSON")
    return value


def clean_id(value, field, max_len=MAX_ID_LEN):
    """A non-empty identifier without control characters. Case is kept: ids are case sensitive."""
    if not isinstance(value, str):
        raise _bad(field, "must be a string.", "INVALID_TYPE")
    if not value.strip():
        raise _bad(field, "is required.", "REQUIRED")
    if len(value) > max_len:
        raise _bad(field, f"must be at most {max_len} characters.", "TOO_LONG")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise _bad(field, "contains control characters.", "INVALID_CHARACTERS")
    return value


def required_str(obj, field, max_len=MAX_ID_LEN):
    if field not in obj or obj[field] is None:
        raise _bad(field, "is required.", "REQUIRED")
    return clean_id(obj[field], field, max_len)


def optional_str(obj, field, max_len=MAX_ID_LEN):
    if obj.get(field) is None:
        return None
    return clean_id(obj[field], field, max_len)


def optional_bool(obj, field):
    value = obj.get(field)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise _bad(field, "must be true or false.", "INVALID_TYPE")
    return value


def query_one(query, name, required=False):
    values = query.get(name)
    if not values or values[-1] == "":
        if required:
            raise _bad(name, "is required.", "REQUIRED")
        return None
    return clean_id(values[-1], name)


def query_float(query, name, required=False, lo=None, hi=None):
    text = query_one(query, name, required)
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise _bad(name, "must be a number.", "INVALID_TYPE")
    if not math.isfinite(value):
        raise _bad(name, "must be a finite number.", "INVALID_TYPE")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise _bad(name, f"must be between {lo} and {hi}.", "OUT_OF_RANGE")
    return value


def query_int(query, name, default=None, lo=None, hi=None):
    text = query_one(query, name)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        raise _bad(name, "must be an integer.", "INVALID_TYPE")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise _bad(name, f"must be between {lo} and {hi}.", "OUT_OF_RANGE")
    return value


def query_bool(query, name):
    text = query_one(query, name)
    if text is None:
        return None
    lowered = text.lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    raise _bad(name, "must be true or false.", "INVALID_TYPE")


def query_list(query, name):
    """Repeated (`a=1&a=2`) and comma-separated (`a=1,2`) forms both give ['1', '2']."""
    items = []
    for value in query.get(name, []):
        for part in value.split(","):
            part = part.strip()
            if part:
                items.append(clean_id(part, name))
    return items
