"""Proxy mode (--upstream URL): forwards the driver app's allow-listed /api/ paths to a real Charge Assist
backend and adds the operator's API key, which stays on this server: never sent to the browser, never logged."""
import http.client
import os
import socket
import ssl
import urllib.parse

from ..web import ApiError, Response, Router, api_errors as styles

API_KEY_ENV = "CHARGE_ASSIST_API_KEY"
DEFAULT_TIMEOUT = 20.0          # seconds for the upstream to connect and to answer
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

# RFC 9110 7.6.1 connection-specific headers, plus what this proxy sets itself or must not pass on
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te",
              "trailer", "trailers", "transfer-encoding", "upgrade"}
NOT_FORWARDED_UP = HOP_BY_HOP | {"host", "authorization", "cookie", "content-length", "accept-encoding",
                                 "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"}
NOT_FORWARDED_DOWN = HOP_BY_HOP | {"content-length", "set-cookie", "server", "date", "cache-control"}


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

    def routes(self):
        router = Router()
        for method, pattern in ALLOWED:
            router.add(method, pattern, self.forward, styles.PROBLEM)
        return router

    def _scrub(self, data):
        # an upstream that echoes the request (some error pages do) must not hand the key to the browser
        return data.replace(self._secret, REDACTED) if self._secret in data else data

    def forward(self, req):
        up = self.upstream
        for name, value in req.params.items():
            # an upstream that decodes %2F or resolves dot segments must not be steered off the allow-list
            if "/" in value or "\\" in value or value in (".", "..") or "%" in value:
                raise ApiError(400, f"{name}: not a valid identifier.")
        if any(part in (".", "..") for part in req.path.split("/")):
            raise ApiError(400, "The path may not contain dot segments.")
        target = up.base_path + req.path[len("/api"):]
        if req.raw_query:
            target += "?" + req.raw_query
        connection_listed = {t.strip().lower() for t in req.headers.get("Connection", "").split(",")}
        headers = {}
        for name, value in req.headers.items():
            lowered = name.lower()
            if lowered in NOT_FORWARDED_UP or lowered in connection_listed:
                continue
            headers[name] = value
        headers["Authorization"] = f"ApiKey {up.api_key}"
        headers["Accept-Encoding"] = "identity"
        body = req.body if req.method in ("POST", "PUT", "PATCH", "DELETE") else None
        if body is not None:
            headers["Content-Length"] = str(len(body))
        conn = up.connection()
        try:
            conn.request(req.method, target, body=body, headers=headers)
            answer = conn.getresponse()
            data = answer.read(MAX_UPSTREAM_BODY + 1)
            if len(data) > MAX_UPSTREAM_BODY:
                raise ApiError(502, "The Charge Assist service sent an answer too large to pass on.")
            status = answer.status
            upstream_headers = answer.getheaders()
        except (socket.timeout, TimeoutError):
            raise ApiError(504, "The Charge Assist service did not answer in time. Please try again.")
        except (OSError, http.client.HTTPException, ssl.SSLError):
            raise ApiError(502, "The Charge Assist service cannot be reached right now. Please try again.")
        finally:
            conn.close()
        if status >= 500 and not data.strip():
            raise ApiError(502, f"The Charge Assist service failed (HTTP {status}). Please try again.")
        dropped = {t.strip().lower() for name, value in upstream_headers if name.lower() == "connection"
                   for t in value.split(",")}
        out = {}
        for name, value in upstream_headers:
            lowered = name.lower()
            if lowered in NOT_FORWARDED_DOWN or lowered in dropped:
                continue
            out[name] = self._scrub(value.encode("latin-1", "replace")).decode("latin-1")
        return Response(status, headers=out, raw=self._scrub(data))
