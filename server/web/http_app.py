"""The HTTP front: request parsing, body limits and timeouts, routing of /api/... to handlers, JSON
responses with the API's error shapes, and static files for everything else.
No request, however malformed, may take the server down or leave a thread stuck."""
import gzip
import json
import logging
import socket
import sys
import threading
import time
import traceback
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import api_errors, deep_links
from .access_log import escape, loggable_target
from .allowed_hosts import AllowedHosts
from .client_address import client_address, is_loopback
from .api_errors import ApiError
from .connections import Connections
from .framing import body_length
from .rate_limit import RequestBudgets, request_token
from .security_headers import security_headers
from .static_files import accepted_encodings
from .target import read_target

MAX_BODY = 64 * 1024          # the API's bodies are a few hundred bytes
DRAIN_LIMIT = 1024 * 1024     # up to this, an oversized body is read and dropped so the client sees the 413
SOCKET_TIMEOUT = 20           # seconds a client may stall mid-request or idle on keep-alive
MAX_QUERY_FIELDS = 200
COMPRESS_FROM = 1024          # bytes of JSON worth gzipping for the client
STARTUP_WAIT = 120            # seconds an API request waits for the simulator's data at start-up
MAX_CONNECTIONS = 256         # open connections at once (see connections.py for who gives way)
MAX_PER_ADDRESS = 64          # of them from one client address


@dataclass
class Limits:
    """How much one client may take: the time to send a request (headers and body, however it trickles
    in, and the longest idle wait on keep-alive) and its /api/ request budget (see rate_limit.py)."""
    client_timeout: float = SOCKET_TIMEOUT
    rate: float = 20.0        # requests per second per registered appToken (see rate_limit.py); 0 = unlimited
    burst: int = 100

log = logging.getLogger("serve")


@dataclass
class Request:
    method: str
    path: str
    params: dict
    query: dict
    headers: object
    body: bytes = b""
    raw_query: str = ""
    client: str = ""  # the peer's address, for per-client limits
    endpoint: str = ""  # the matched route's path without its version ('/session/start' for v1 and v2.1)


@dataclass
class Response:
    status: int
    body: object = None
    headers: dict = field(default_factory=dict)
    raw: bytes | None = None   # sent as is instead of `body` as JSON (the proxy's upstream answers)


@dataclass
class Route:
    method: str
    segments: tuple      # literal strings, or None for a {parameter}
    names: tuple         # parameter names, in order
    handler: object
    style: str
    reads_body: bool

    @property
    def literal_count(self):
        return sum(1 for s in self.segments if s is not None)

    @property
    def endpoint(self):
        """What the route does, whatever API version it is under: guards compare this, never a path."""
        parts = ["{}" if s is None else s for s in self.segments]
        if parts and parts[0].startswith("v") and parts[0][1:].replace(".", "").isdigit():
            parts = parts[1:]
        return "/" + "/".join(parts)


class Router:
    def __init__(self):
        self.routes = []

    def add(self, method, pattern, handler, style=api_errors.V1):
        segments, names = [], []
        for part in pattern.strip("/").split("/"):
            if part.startswith("{") and part.endswith("}"):
                segments.append(None)
                names.append(part[1:-1])
            else:
                segments.append(part)
        self.routes.append(Route(method, tuple(segments), tuple(names), handler, style,
                                 method in ("POST", "PUT", "PATCH", "DELETE")))

    def match(self, method, parts):
        """(route, params), or ApiError 404/405. Literal segments beat parameters, so
        /locations/boundingbox is not taken for /locations/{id}."""
        candidates = []
        for route in self.routes:
            if len(route.segments) != len(parts):
                continue
            if all(seg is None or seg == part for seg, part in zip(route.segments, parts)):
                candidates.append(route)
        if not candidates:
            raise ApiError(404, "No such API endpoint.")
        best = max(r.literal_count for r in candidates)
        candidates = [r for r in candidates if r.literal_count == best]
        lookup = "GET" if method == "HEAD" else method
        for route in candidates:
            if route.method == lookup:
                values = [p for seg, p in zip(route.segments, parts) if seg is None]
                return route, dict(zip(route.names, values))
        allowed = sorted({r.method for r in candidates} | ({"HEAD"} if any(r.method == "GET" for r in candidates) else set()))
        raise ApiError(405, f"{method} is not allowed here.", headers={"Allow": ", ".join(allowed)})


class App:
    """What the request handler serves: the API router (simulator or proxy), the /sim/control handler,
    static files, and the optional fault plan for /api/ requests."""

    def __init__(self, router, static, control=None, quiet=False, faults=None, limits=None, tiles=None,
                 registered=None, hosts=None, headers=None, trust_proxy=False):
        """`registered(token)` says whether an appToken is a driver's (rate_limit.py); `hosts` the
        AllowedHosts (default: loopback names only); `headers` the security headers of every answer;
        `trust_proxy`: a front proxy on loopback names the client (client_address.py)."""
        self.router = router
        self.static = static
        self.control = control
        self.quiet = quiet
        self.faults = faults
        # the deployment's own endpoints outside the API (/config.json, /portal/checkin): path -> (method,
        # handler); and a check every API request passes first (the portal's end of stay)
        self.extra = {}
        self.guard = None
        self.limits = limits or Limits()
        self.budgets = RequestBudgets(self.limits.rate, self.limits.burst, registered)
        self.ready = None         # an Event while the simulator's data is still loading
        self.tiles = tiles  # map-config.json and /tiles/... (map_tiles.py)
        self.hosts = hosts or AllowedHosts("127.0.0.1")
        self.headers = security_headers() if headers is None else list(headers)
        self.trust_proxy = trust_proxy

    def wait_ready(self):
        return self.ready is None or self.ready.wait(STARTUP_WAIT)


class RequestHandler(BaseHTTPRequestHandler):
    server_version = "evcharge-serve/1"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_TIMEOUT
    _target_read = None   # the request's Target once the request line is read
    _client = None        # the address the request counts under (client_address.py), once its headers are read

    # one entry point for every method, so unknown methods get a proper answer too
    def do_GET(self):
        self._dispatch()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def version_string(self):
        return self.server_version

    def setup(self):
        self.timeout = self.server.app.limits.client_timeout
        super().setup()
        # headers and body go out in separate writes: without this, Nagle's algorithm holds the body back
        # until the client's delayed ACK of the headers, about 40 ms on every answer
        try:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def handle_one_request(self):
        # from the first byte wait to the end of the headers, a watchdog holds the whole request to the
        # client time-out: a per-read time-out alone lets a client trickle one byte at a time forever
        self._target_read = self._client = None
        self.server.reading(self, True)
        try:
            super().handle_one_request()
        except (socket.timeout, TimeoutError, ConnectionError, OSError, ValueError):
            self.close_connection = True
        finally:
            self.server.reading(self, False)

    def end_headers(self):
        # every answer, whoever writes it (API, files, redirects, http.server's own errors)
        for name, value in self.server.app.headers:
            self.send_header(name, value)
        super().end_headers()

    def address_string(self):
        return self._client or self.client_address[0]

    def log_request(self, code="-", size="-"):
        if self.command is None:  # the request line could not be read
            line = escape(getattr(self, "raw_requestline", b"")[:200].decode("latin-1").rstrip("\r\n"))
        else:
            line = f"{escape(self.command)} {loggable_target(self._target_read, self.path)} " \
                   f"{escape(self.request_version)}"
        self._log_line(f'"{line}" {getattr(code, "value", code)} {size}')

    def log_message(self, fmt, *args):
        # the arguments of http.server's own messages may quote the raw request line
        self._log_line(escape(fmt % args))

    def _log_line(self, text):
        if not self.server.app.quiet:
            sys.stderr.write(f"{self.address_string()} - {text}\n")

    def _dispatch(self):
        self.server.reading(self, False)
        app = self.server.app
        target = self._target_read = read_target(self.path)
        self._client = client_address(self.client_address[0], self.headers, app.trust_proxy)
        try:
            length = body_length(self.headers)
        except ApiError as err:
            self.close_connection = True
            return self._send_json(err.status, api_errors.problem_details(err.status, err.message))
        # a body nobody reads would be taken for the next request on this connection: close it instead
        self._unread_body = length > 0
        self._length = length
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1 or (not hosts and self.request_version == "HTTP/1.1") or not all(
                app.hosts.allows(h) for h in hosts + ([target.host] if target.host is not None else [])):
            self.close_connection = True
            return self._send_json(421, api_errors.problem_details(421, "This server does not answer for that host."))
        try:
            area = target.area
            path = target.path
            extra = target.error is None and path in app.extra
            if self._unread_body and area == "other" and not extra:
                self.close_connection = True
            if area == "api":
                self._serve_api(app, target)
            elif area == "control":
                self._serve_control(app, target)
            elif target.error is not None:
                app.static.serve(self, None)
            elif self.command in ("GET", "HEAD") and deep_links.redirect_for(path):
                deep_links.send_redirect(self, deep_links.redirect_for(path))
            elif extra:
                self._serve_extra(app, target)
            elif self.command in ("GET", "HEAD") and app.tiles is not None and app.tiles.handles(path):
                app.tiles.serve(self, path)
            elif self.command in ("GET", "HEAD"):
                app.static.serve(self, path)
            else:
                self._send_json(405, api_errors.problem_details(405, f"{self.command} is not allowed here."),
                                {"Allow": "GET, HEAD"})
        except (socket.timeout, TimeoutError, ConnectionError, BrokenPipeError):
            self.close_connection = True
        except Exception:  # a bug must cost one request, never the server
            log.error("unhandled error for %s %s\n%s", escape(self.command), loggable_target(target, self.path),
                      traceback.format_exc())
            self.close_connection = True
            try:
                self._send_json(500, api_errors.problem_details(500, "Unexpected server error."))
            except Exception:
                pass

    def _read_body(self):
        length = self._length
        if length == 0:
            return b""
        if length > MAX_BODY:
            if length <= DRAIN_LIMIT:
                self._drain(length)
            self.close_connection = True
            raise ApiError(413, f"The request body is larger than {MAX_BODY} bytes.")
        self.server.reading(self, True)
        try:
            data = self.rfile.read(length)
        finally:
            self.server.reading(self, False)
        if len(data) < length:
            raise ConnectionError("client closed the connection mid-body")
        self._unread_body = False
        return data

    def _drain(self, length):
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 64 * 1024))
            if not chunk:
                break
            remaining -= len(chunk)

    def _query(self, target):
        try:
            return urllib.parse.parse_qs(target.query, keep_blank_values=True, max_num_fields=MAX_QUERY_FIELDS,
                                         errors="replace")
        except ValueError:
            raise ApiError(400, "Too many query parameters.")

    def _serve_api(self, app, target):
        if not app.wait_ready():
            self.close_connection = True
            return self._send_json(503, api_errors.problem_details(503, "The simulator is still loading.", target.path),
                                   {"Retry-After": "5"})
        fault, delay = app.faults.draw() if app.faults else (None, 0.0)
        if fault == "latency":
            time.sleep(delay)
        status, data, headers = self._api_answer(app, target, fault)
        if fault == "drop":
            # the request was handled; the client gets no answer at all
            self.close_connection = True
            return
        self._send_bytes(status, data, headers, truncate=fault == "truncate")

    def _api_answer(self, app, target, fault):
        """(status, body bytes, headers) of an /api/ request."""
        path = target.path
        try:
            # unknown paths, wrong methods and unacceptable bodies are transport-level: RFC 7807 for those
            if target.error is not None:
                raise ApiError(400, target.error)
            route, params = app.router.match(self.command, target.api_parts())
            if self._unread_body and not route.reads_body:
                self.close_connection = True
            body = self._read_body() if route.reads_body else b""
            query = self._query(target)
        except ApiError as err:
            if self._unread_body:
                self.close_connection = True  # the body may not have been read
            problem = api_errors.problem_details(err.status, err.message, path if target.error is None else None)
            return err.status, self._encode(err.status, problem), err.headers
        wait = app.budgets.take(request_token(params, query), self._client)
        if wait:
            problem = api_errors.problem_details(
                429, f"Too many requests for this driver; try again in {max(1, round(wait))} s.", path)
            return 429, self._encode(429, problem), {"Retry-After": str(max(1, round(wait + 0.49)))}
        if fault == "error":
            # before the handler: an injected 503 never hides a change made by the request
            problem = api_errors.problem_details(503, "The service is temporarily unavailable (injected fault).",
                                                 path)
            return 503, self._encode(503, problem), {"Retry-After": "1"}
        try:
            request = Request(self.command, path, params, query, self.headers, body, target.query,
                              client=self._client, endpoint=route.endpoint)
            if app.guard is not None:
                app.guard(request)
            response = route.handler(request)
        except ApiError as err:
            return err.status, self._encode(err.status, api_errors.render(route.style, err, path)), err.headers
        if response.raw is not None:
            return response.status, response.raw, response.headers
        return response.status, self._encode(response.status, response.body), response.headers

    def _serve_control(self, app, target):
        path = target.path
        if app.control is None:
            # the charger controls exist only beside the simulator: nothing of a real network is steered here
            self.close_connection = self.close_connection or self._unread_body
            return self._send_json(404, api_errors.problem_details(
                404, "There are no charger controls here: this server does not run the simulator.", path))
        if not app.wait_ready():
            self.close_connection = True
            return self._send_json(503, api_errors.problem_details(503, "The simulator is still loading.", path),
                                   {"Retry-After": "5"})
        try:
            if self.command != "POST":
                self.close_connection = self.close_connection or self._unread_body
                raise ApiError(405, "Use POST with a JSON body {evseUid, action}.", headers={"Allow": "POST"})
            app.control.check_media_type(self.headers)
            body = self._read_body()
            response = app.control(Request(self.command, path, {}, self._query(target), self.headers, body,
                                           target.query, client=self._client))
        except ApiError as err:
            self.close_connection = self.close_connection or self._unread_body
            body = err.body if err.body is not None else api_errors.problem_details(err.status, err.message, path)
            return self._send_json(err.status, body, err.headers)
        self._send_json(response.status, response.body, response.headers)

    @staticmethod
    def _encode(status, body):
        if status in (204, 304) or body is None:
            return b""
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def _serve_extra(self, app, target):
        """A deployment endpoint; its errors are {code, message} objects."""
        method, handler = app.extra[target.path]
        try:
            lookup = "GET" if self.command == "HEAD" else self.command
            if lookup != method:
                self.close_connection = self.close_connection or self._unread_body
                raise ApiError(405, f"Use {method} here.", code="METHOD_NOT_ALLOWED", headers={"Allow": method})
            body = self._read_body() if method == "POST" else b""
            response = handler(Request(self.command, target.path, {}, self._query(target), self.headers, body,
                                       target.query, client=self._client))
        except ApiError as err:
            self.close_connection = self.close_connection or self._unread_body
            body = err.body if err.body is not None else {"code": err.code or "ERROR", "message": err.message}
            if isinstance(body, dict) and err.field and "field" not in body:
                body = {**body, "field": err.field}
            return self._send_json(err.status, body, err.headers)
        if response.raw is not None:  # a document (the receipts' PDF and CSV), sent as is
            return self._send_bytes(response.status, response.raw, response.headers)
        self._send_json(response.status, response.body, response.headers)

    def _send_json(self, status, body, headers=None):
        self._send_bytes(status, self._encode(status, body), headers)

    def _send_bytes(self, status, data, headers=None, truncate=False):
        """Sends a complete answer; with `truncate`, announces the full length but sends half the body
        and closes the connection (an injected fault)."""
        headers = dict(headers or {})
        # A page of locations is tens of KB of JSON: compressed it costs a phone a fraction of that.
        if (not truncate and len(data) >= COMPRESS_FROM and self.command != "HEAD"
                and accepted_encodings(self.headers.get("Accept-Encoding")).get("gzip", 0) > 0
                and not any(k.lower() == "content-encoding" for k in headers)):
            data = gzip.compress(data, compresslevel=5, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self.send_response(status)
        if not any(k.lower() == "content-type" for k in headers):
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        if truncate:
            self.close_connection = True
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and data:
            self.wfile.write(data[:len(data) // 2] if truncate else data)


class AppServer(ThreadingHTTPServer):
    """A thread per connection, so a slow or stuck client holds only its own thread; a watchdog
    closes connections that take longer than the client time-out to send a request, and the
    connection table (connections.py) keeps any one address from taking every slot."""
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, app, max_connections=MAX_CONNECTIONS, max_per_address=MAX_PER_ADDRESS):
        self.app = app
        self.connections = Connections(max_connections, max_per_address)
        super().__init__(address, RequestHandler)
        threading.Thread(target=self._watchdog, name="client-watchdog", daemon=True).start()

    def reading(self, handler, waiting):
        self.connections.waiting(handler.connection, self.app.limits.client_timeout if waiting else None)

    def _watchdog(self):
        while True:
            time.sleep(min(0.25, self.app.limits.client_timeout / 4))
            self.connections.cut_overdue()

    def verify_request(self, request, client_address):
        # the socket is closed at once when refused; the clients already in are served on. A trusted front
        # proxy's connections all come from one loopback address: it shares out its clients' own.
        address = client_address[0]
        return self.connections.admit(request, address, capped=not (self.app.trust_proxy and is_loopback(address)))

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release(request)

    def handle_error(self, request, client_address):
        # the default prints a traceback to stderr for every reset connection; keep it to one line
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, socket.timeout, TimeoutError)):
            log.error("error serving %s: %r", client_address, exc)
