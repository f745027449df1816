"""Error bodies in the shapes the Charge Assist API uses, and the exception that carries them.
Each route declares its error style because the API is not uniform (see openapi.json per path)."""

# Styles, per the OpenAPI responses of each path:
#   V1      400 -> ValidationResponse, 403/404 -> plain JSON string
#   V1_ALL  every error -> ValidationResponse (POST /qr)
#   STRING  every error -> plain JSON string (PUT /token, PUT /payment/.../external)
#   V2      every error -> ValidationResponseV2 (/v2.1/...)
#   PROBLEM every error -> RFC 7807 ProblemDetails (tariff without token, transport-level errors)
V1, V1_ALL, STRING, V2, PROBLEM = "v1", "v1_all", "string", "v2", "problem"

_TITLES = {
    400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
    409: "Conflict", 411: "Length Required", 413: "Payload Too Large", 415: "Unsupported Media Type",
    429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout",
}
_RFC_SECTIONS = {
    400: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
    403: "https://tools.ietf.org/html/rfc7231#section-6.5.3",
    404: "https://tools.ietf.org/html/rfc7231#section-6.5.4",
    405: "https://tools.ietf.org/html/rfc7231#section-6.5.5",
    411: "https://tools.ietf.org/html/rfc7231#section-6.5.10",
    413: "https://tools.ietf.org/html/rfc7231#section-6.5.11",
    500: "https://tools.ietf.org/html/rfc7231#section-6.6.1",
    502: "https://tools.ietf.org/html/rfc7231#section-6.6.3",
    503: "https://tools.ietf.org/html/rfc7231#section-6.6.4",
    504: "https://tools.ietf.org/html/rfc7231#section-6.6.5",
}


class ApiError(Exception):
    """An API failure to be rendered in the route's error style.

    `code` and `field` feed the structured shapes; `body`, when given, is sent as is."""

    def __init__(self, status, message, code=None, field=None, body=None, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.field = field
        self.body = body
        self.headers = headers or {}


def validation_response(message, code=None, field=None):
    return {
        "validationMessages": [{"code": code or "INVALID", "message": message}],
        "message": message,
        "developerMessage": f"{message} (field {field})" if field and not message.startswith(field) else message,
    }


def validation_response_v2(message, code=None, field=None):
    return {"message": message, "code": code or "INVALID", "context": field, "validationStatus": "Error"}


def problem_details(status, detail, instance=None):
    body = {
        "type": _RFC_SECTIONS.get(status, "about:blank"),
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    return body


def mixed(default, **by_status):
    """A style that differs per status, e.g. mixed(V2, s404=PROBLEM) for /v2.1/token/{t}/sessions."""
    return {"default": default, **{int(k[1:]): v for k, v in by_status.items()}}


def render(style, err, instance=None):
    """The JSON body for `err` in `style`."""
    if err.body is not None:
        return err.body
    if isinstance(style, dict):
        style = style.get(err.status, style["default"])
    if style == V1:
        if err.status == 400:
            return validation_response(err.message, err.code, err.field)
        return err.message
    if style == V1_ALL:
        return validation_response(err.message, err.code, err.field)
    if style == STRING:
        return err.message
    if style == V2:
        return validation_response_v2(err.message, err.code, err.field)
    return problem_details(err.status, err.message, instance)
