"""Proxy mode (--upstream URL): forwards the driver app's allow-listed /api/ paths to a real Charge Assist
backend and adds the operator's API key, which stays on this server: never sent to the browser, never logged."""
import http.client
import os
import socket
import ssl
import threading
import time
import urllib.parse
import zlib
from collections import OrderedDict

from ..web import ApiError, Response, Router, api_errors as styles, write_path

API_KEY_ENV = "CHARGE_ASSIST_API_KEY"
DEFAULT_TIMEOUT = 20.0          # seconds for the upstream to connect and to answer, in all
MAX_UPSTREAM_BODY = 8 * 1024 * 1024
REDACTED = b"[redacted]"

# Everything the driver app uses (and nothing of the operator's back office: accounts, webhooks, vid,
# bulk tariffs). Anything else under /api/ is answered 404 without reaching the upstream.
ALLOWED = (
    ("PUT", "/token/{appToken}"), ("PUT", "/token"), ("POST", "/v2.1/token"), ("GET", "/v2.1/token/{appToken}"),
    ("GET", "/token/{appToken}/sessions"), ("GET", "/v2.1/token/{appToken}/sessions"),
    ("GET", "/payment/{appToken}/wallet"), ("PUT", "/payment/{appToken}/chargecard"),
    ("PUT", "/payment/{appToken}/external"), ("DELETE", "/payment/{appToken}/{id}"),
    ("GET", "/locations/boundingbox"), ("GET", "/locations/boundingbox-minimal"), ("GET", "/locations/nearby"),
    ("GET", "/locations/search"), ("GET", "/locations/{id}"), ("GET", "/locations/evse/{evseUid}"),
    ("POST", "/locations/availability"),
    ("GET", "/v2.1/locations/boundingbox"), ("GET", "/v2.1/locations/boundingbox-minimal"),
    ("GET", "/v2.1/locations/nearby"), ("GET", "/v2.1/locations/search"), ("GET", "/v2.1/locations/{id}"),
    ("GET", "/v2.1/locations/evse/{evseUid}"), ("GET", "/privatelocations/{appToken}"),
    ("GET", "/favorites/{appToken}/locations"), ("POST", "/favorites/{appToken}/location/{id}"),
    ("DELETE", "/favorites/{appToken}/location/{id}"), ("GET", "/v2.1/favorites/{appToken}/locations"),
    ("POST", "/v2.1/favorites/{appToken}/location/{id}"), ("DELETE", "/v2.1/favorites/{appToken}/location/{id}"),
    ("POST", "/qr"),
    ("GET", "/tariff/{appToken}/evse/{locationId}/{evseUid}"), ("GET", "/tariff/evse/{locationId}/{evseUid}"),
    ("POST", "/session/start"), ("GET", "/session/status"), ("POST", "/session/stop"),
    ("POST", "/session/highpriority"), ("POST", "/v2.1/session/start"), ("GET", "/v2.1/session/status"),
    ("POST", "/v2.1/session/stop"), ("POST", "/v2.1/session/highpriority"),
    ("GET", "/servicestatus"),
)

# The headers that cross, each way; every other one stays behind (X-Original-URL, X-HTTP-Method-Override,
# X-Real-IP, cookies, hop-by-hop headers, ... are never relayed). Up: what the app sends and the API reads.
FORWARDED_UP = {"accept", "accept-language", "content-type", "continuationtoken"}
# Down: what describes the answer to the app. Content-Encoding is not among them: the body is passed
# on decoded (so the key can be scrubbed from it) and compressed again for the client if it likes.
FORWARDED_DOWN = {"content-type", "content-language", "continuationtoken", "retry-after", "etag",
                  "last-modified"}
KNOWN_TOKENS = 10000            # appTokens the upstream accepted, remembered for the rate limits


class Upstream:
    """Where to forward, and with which key."""

    def __init__(self, url, api_key, timeout=DEFAULT_TIMEOUT):
        split = urllib.parse.urlsplit(url)
        if split.scheme not in ("http", "https") or not split.hostname:
            raise ValueError("the upstream must be an http:// or https:// URL with a host")
        if split.query or split.fragment:
            raise ValueError("the upstream URL may not have a query or fragment")
        if not api_key:
            raise ValueError(f"set the environment variable {API_KEY_ENV} to the Charge Assist API key")
        if any(ord(c) < 33 or ord(c) > 126 for c in api_key):
            raise ValueError(f"{API_KEY_ENV} must be printable ASCII without spaces")
        self.scheme = split.scheme
        self.host = split.hostname
        self.port = split.port
        self.base_path = split.path.rstrip("/")
        self.display = f"{split.scheme}://{split.netloc}{self.base_path}"
        self.api_key = api_key
        self.timeout = timeout

    @classmethod
    def from_environment(cls, url, timeout=DEFAULT_TIMEOUT, environ=os.environ):
        return cls(url, environ.get(API_KEY_ENV, "").strip(), timeout)

    def connection(self):
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout,
                                               context=ssl.create_default_context())
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)


class Proxy:
    def __init__(self, upstream):
        self.upstream = upstream
        self._secret = upstream.api_key.encode()
        self._tokens = OrderedDict()   # appTokens the upstream answered with a success (most recent last)
        self._lock = threading.Lock()

    def routes(self):
        router = Router()
        for method, pattern in ALLOWED:
            router.add(method, pattern, self.forward, styles.PROBLEM)
        return router

    def registered(self, token):
        """Whether the upstream has accepted this appToken: then it is a driver's (web/rate_limit.py)."""
        with self._lock:
            return token in self._tokens

    def _learn(self, req):
        token = req.params.get("appToken") or (req.query.get("appToken") or [None])[-1]
        if token:
            with self._lock:
                self._tokens.pop(token, None)
                self._tokens[token] = True
                while len(self._tokens) > KNOWN_TOKENS:
                    self._tokens.popitem(last=False)

    def _scrub(self, data):
        # an upstream that echoes the request (some error pages do) must not hand the key to the browser
        return data.replace(self._secret, REDACTED) if self._secret in data else data

    def forward(self, req):
        up = self.upstream
        for name, value in req.params.items():
            # an upstream that decodes %2F or resolves dot segments must not be steered off the allow-list
            if "/" in value or "\\" in value or value in (".", "..") or "%" in value:
                raise ApiError(400, f"{name}: not a valid identifier.")
        segments = req.path.split("/")[2:]  # the decoded segments after /api (web/target.py)
        if any(part in (".", "..") for part in segments):
            raise ApiError(400, "The path may not contain dot segments.")
        target = up.base_path + "/" + write_path(segments)
        if req.raw_query:
            target += "?" + req.raw_query  # ASCII, escaped as target.py reads it
        headers = {name: value for name, value in req.headers.items() if name.lower() in FORWARDED_UP}
        headers["Authorization"] = f"ApiKey {up.api_key}"
        headers["Accept-Encoding"] = "identity"
        body = req.body if req.method in ("POST", "PUT", "PATCH", "DELETE") else None
        if body is not None:
            headers["Content-Length"] = str(len(body))
        status, upstream_headers, data = self._exchange(req.method, target, body, headers)
        if status >= 500 and not data.strip():
            raise ApiError(502, f"The Charge Assist service failed (HTTP {status}). Please try again.")
        if 200 <= status < 300:
            self._learn(req)
        out = {}
        for name, value in upstream_headers:
            if name.lower() not in FORWARDED_DOWN:
                continue
            # obs-fold (a value continued on the next line) is joined with a space, as RFC 9112 5.2 asks
            value = " ".join(part.strip() for part in value.replace("\r", "\n").split("\n") if part.strip())
            if any(ord(c) < 32 or ord(c) == 127 for c in value):
                continue
            out[name] = self._scrub(value.encode("latin-1", "replace")).decode("latin-1")
        return Response(status, headers=out, raw=self._scrub(data))

    def _exchange(self, method, target, body, headers):
        """(status, headers, decoded body) from the upstream, all within the time-out: a timer cuts the
        connection when it runs out, however the upstream trickles its answer."""
        up = self.upstream
        deadline = time.monotonic() + up.timeout
        conn = up.connection()
        timer = threading.Timer(up.timeout, _cut, (conn,))
        timer.start()
        try:
            conn.request(method, target, body=body, headers=headers)
            answer = conn.getresponse()
            data = answer.read(MAX_UPSTREAM_BODY + 1)
            if len(data) > MAX_UPSTREAM_BODY:
                raise ApiError(502, "The Charge Assist service sent an answer too large to pass on.")
            if answer.length:  # fewer bytes than its Content-Length: cut off (by the timer, or the upstream)
                raise http.client.IncompleteRead(data, answer.length)
            status, upstream_headers = answer.status, answer.getheaders()
            data = _decoded(data, answer.getheader("Content-Encoding"))
        except (socket.timeout, TimeoutError):
            raise ApiError(504, "The Charge Assist service did not answer in time. Please try again.")
        except (OSError, http.client.HTTPException, ssl.SSLError):
            if time.monotonic() >= deadline:
                raise ApiError(504, "The Charge Assist service did not answer in time. Please try again.")
            raise ApiError(502, "The Charge Assist service cannot be reached right now. Please try again.")
        finally:
            timer.cancel()
            conn.close()
        return status, upstream_headers, data


def _cut(conn):
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _decoded(data, coding):
    """The body without its content coding (gzip or deflate, also when the upstream ignored our
    Accept-Encoding), at most MAX_UPSTREAM_BODY; ApiError 502 for a coding this proxy cannot read."""
    coding = (coding or "identity").strip().lower()
    if coding == "identity" or not data:
        return data
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise ApiError(502, f"The Charge Assist service sent a body in an unknown coding ({coding[:20]}).")
    try:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if coding != "deflate" else zlib.MAX_WBITS)
        out = inflater.decompress(data, MAX_UPSTREAM_BODY + 1)
    except zlib.error:
        raise ApiError(502, "The Charge Assist service sent a body that does not decompress.")
    if len(out) > MAX_UPSTREAM_BODY or inflater.unconsumed_tail:
        raise ApiError(502, "The Charge Assist service sent an answer too large to pass on.")
    return out
