"""The HTTP front: request parsing, body limits and timeouts, routing of /api/... to handlers, JSON
responses with the API's error shapes, and static files for everything else.
No request, however malformed, may take the server down or leave a thread stuck."""
import json
import logging
import socket
import sys
import traceback
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import api_errors
from .api_errors import ApiError

MAX_BODY = 64 * 1024          # the API's bodies are a few hundred bytes
DRAIN_LIMIT = 1024 * 1024     # up to this, an oversized body is read and dropped so the client sees the 413
SOCKET_TIMEOUT = 20           # seconds a client may stall mid-request or idle on keep-alive
MAX_QUERY_FIELDS = 200

log = logging.getLogger("serve")


@dataclass
class Request:
    method: str
    path: str
    params: dict
    query: dict
    headers: object
    body: bytes = b""


@dataclass
class Response:
    status: int
    body: object = None
    headers: dict = field(default_factory=dict)


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
    """What the request handler serves: the API router, the /sim/control handler and static files."""

    def __init__(self, router, static, control=None, quiet=False, tiles=None):
        self.router = router
        self.static = static
        self.control = control
        self.quiet = quiet
        self.tiles = tiles  # map-config.json and /tiles/... (server/map_tiles.py)


class RequestHandler(BaseHTTPRequestHandler):
    server_version = "evcharge-serve/1"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_TIMEOUT

    # one entry point for every method, so unknown methods get a proper answer too
    def do_GET(self):
        self._dispatch()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def version_string(self):
        return self.server_version

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (socket.timeout, TimeoutError, ConnectionError):
            self.close_connection = True

    def log_message(self, fmt, *args):
        if not self.server.app.quiet:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    def _dispatch(self):
        app = self.server.app
        # a body nobody reads would be taken for the next request on this connection: close it instead
        self._unread_body = bool(self.headers.get("Transfer-Encoding")) or self.headers.get(
            "Content-Length", "0").strip() not in ("", "0")
        try:
            split = self._target()
            path = split.path
            if self._unread_body and not (path.startswith("/api/") or path == "/sim/control"):
                self.close_connection = True
            if path == "/api" or path.startswith("/api/"):
                self._serve_api(app, split)
            elif path == "/sim/control" and app.control is not None:
                self._serve_control(app, split)
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
            log.error("unhandled error for %s %s\n%s", self.command, self.path, traceback.format_exc())
            self.close_connection = True
            try:
                self._send_json(500, api_errors.problem_details(500, "Unexpected server error."))
            except Exception:
                pass

    def _target(self):
        """Path and query of the request target. urlsplit alone would read '//x/y' as host x."""
        target = self.path
        if target.startswith(("http://", "https://")):  # absolute form, as sent to proxies
            target = urllib.parse.urlsplit(target)._replace(scheme="", netloc="").geturl() or "/"
        path, _, query = target.partition("#")[0].partition("?")
        return urllib.parse.SplitResult("", "", path, query, "")

    def _read_body(self):
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise ApiError(411, "Send the request body with a Content-Length.")
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return b""
        try:
            length = int(length_header)
            if length < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            raise ApiError(400, "Content-Length is not a valid length.")
        if length > MAX_BODY:
            if length <= DRAIN_LIMIT:
                self._drain(length)
            self.close_connection = True
            raise ApiError(413, f"The request body is larger than {MAX_BODY} bytes.")
        data = self.rfile.read(length)
        if len(data) < length:
            raise ConnectionError("client closed the connection mid-body")
        return data

    def _drain(self, length):
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 64 * 1024))
            if not chunk:
                break
            remaining -= len(chunk)

    def _api_parts(self, path):
        parts = path.split("/")[2:]
        if parts and parts[-1] == "":
            parts = parts[:-1]
        return [urllib.parse.unquote(p, errors="replace") for p in parts]

    def _query(self, split):
        try:
            return urllib.parse.parse_qs(split.query, keep_blank_values=True, max_num_fields=MAX_QUERY_FIELDS)
        except ValueError:
            raise ApiError(400, "Too many query parameters.")

    def _serve_api(self, app, split):
        try:
            # unknown paths, wrong methods and unacceptable bodies are transport-level: RFC 7807 for those
            route, params = app.router.match(self.command, self._api_parts(split.path))
            if self._unread_body and not route.reads_body:
                self.close_connection = True
            body = self._read_body() if route.reads_body else b""
            query = self._query(split)
        except ApiError as err:
            if self._unread_body:
                self.close_connection = True  # the body may not have been read
            problem = api_errors.problem_details(err.status, err.message, split.path)
            return self._send_json(err.status, problem, err.headers)
        try:
            response = route.handler(Request(self.command, split.path, params, query, self.headers, body))
        except ApiError as err:
            return self._send_json(err.status, api_errors.render(route.style, err, split.path), err.headers)
        self._send_json(response.status, response.body, response.headers)

    def _serve_control(self, app, split):
        try:
            if self.command != "POST":
                self.close_connection = self.close_connection or self._unread_body
                raise ApiError(405, "Use POST with a JSON body {evseUid, action}.", headers={"Allow": "POST"})
            body = self._read_body()
            response = app.control(Request(self.command, split.path, {}, self._query(split), self.headers, body))
        except ApiError as err:
            body = err.body if err.body is not None else api_errors.problem_details(err.status, err.message, split.path)
            return self._send_json(err.status, body, err.headers)
        self._send_json(response.status, response.body, response.headers)

    def _send_json(self, status, body, headers=None):
        data = b"" if status in (204, 304) or body is None else json.dumps(
            body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and data:
            self.wfile.write(data)


class AppServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, app):
        self.app = app
        super().__init__(address, RequestHandler)

    def handle_error(self, request, client_address):
        # the default prints a traceback to stderr for every reset connection; keep it to one line
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, socket.timeout, TimeoutError)):
            log.error("error serving %s: %r", client_address, exc)
