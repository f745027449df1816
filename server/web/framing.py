"""Where a request body ends: a Content-Length of digits only, given once. Anything looser (`+17`,
`1_7`, ` 17, 17`, two different headers) is how requests get smuggled past a front proxy that reads
the length another way, so it is refused rather than guessed at; chunked bodies are refused too
(411), since the API's bodies are small and always sent with a length."""
from .api_errors import ApiError

MAX_DIGITS = 18


def body_length(headers):
    """The body's length in bytes (0 without a body), or ApiError 400/411."""
    if headers.get("Transfer-Encoding") is not None:
        raise ApiError(411, "Send the request body with a Content-Length.")
    values = headers.get_all("Content-Length") or []
    if not values:
        return 0
    text = values[0].strip(" \t")
    if len(values) > 1 or not text.isascii() or not text.isdigit() or len(text) > MAX_DIGITS:
        raise ApiError(400, "Content-Length must be one length in digits.")
    return int(text)
