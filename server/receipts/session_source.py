"""A driver's finished sessions, read through the API's own routes as the driver, with the driver's token:
the simulator's routes in simulator mode, the proxy's in --upstream mode (which forward to the real
backend with the operator's key). So the same rules decide who sees what: a session of another token
is not found, exactly as a session that does not exist."""
import json
import urllib.parse

from ..web import ApiError, Request

MAX_PAGES = 20


class SourceError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


NOT_FOUND = SourceError(404, "RECEIPT_NOT_FOUND", "No finished session with this id for this app token.")
UPSTREAM = SourceError(502, "UPSTREAM_UNAVAILABLE", "The charging service cannot be reached right now. "
                                                    "Please try again.")


class SessionSource:
    def __init__(self, router, ready=None):
        """`router` the API's routes; `ready()` False while the simulator is still loading."""
        self.router = router
        self.ready = ready

    def _call(self, path, query, headers=None):
        """The JSON body of GET /api{path}?{query}; SourceError for anything but a 2xx."""
        if self.ready is not None and not self.ready():
            raise SourceError(503, "NOT_READY", "The server is still starting. Please try again.")
        parts = path.strip("/").split("/")
        raw_query = urllib.parse.urlencode(query)
        try:
            route, params = self.router.match("GET", parts)
            request = Request("GET", "/api" + path, params, {k: [v] for k, v in query.items()}, dict(headers or {}),
                              b"", raw_query, endpoint=route.endpoint)
            response = route.handler(request)
        except ApiError as err:
            raise UPSTREAM if err.status in (502, 503, 504) else NOT_FOUND
        if response.status >= 500:
            raise UPSTREAM
        if not 200 <= response.status < 300:
            raise NOT_FOUND
        if response.raw is None:
            return response.body
        try:
            return json.loads(response.raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise UPSTREAM

    def session(self, token, session_id):
        """(StatusResponse, its location or None) of the driver's session."""
        cdr = self._call("/session/status", {"appToken": token, "chargeSessionId": session_id, "maxDataPoints": "0"})
        if not isinstance(cdr, dict):
            raise UPSTREAM
        location = None
        location_id = cdr.get("locationId")
        if isinstance(location_id, str) and location_id and "/" not in location_id and location_id not in (".", ".."):
            try:
                location = self._call("/locations/" + location_id, {"filter.appToken": token})
            except SourceError as err:
                if err.status == 503:
                    raise
            if not isinstance(location, dict):
                location = None
        return cdr, location

    def session_ids(self, token, since_utc, until_utc):
        """The driver's sessions that started in [since, until] (ISO times), oldest first, following the
        continuation token; at most MAX_PAGES pages."""
        query = {"filter.dateTimeFrom": since_utc, "filter.dateTimeTo": until_utc, "sortDesc": "false"}
        ids, continuation = [], None
        for _ in range(MAX_PAGES):
            body = self._call(f"/token/{token}/sessions", query,
                              {"continuationToken": continuation} if continuation else None)
            items = body.get("data") if isinstance(body, dict) else None
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and isinstance(item.get("chargeSessionId"), str):
                    if item.get("status") in ("CDR_AVAILABLE", "COMPLETED"):
                        ids.append(item["chargeSessionId"])
            meta = body.get("meta") if isinstance(body, dict) else None
            continuation = meta.get("continuationToken") if isinstance(meta, dict) else None
            if not (isinstance(meta, dict) and meta.get("hasMoreData") and isinstance(continuation, str)
                    and continuation):
                break
        return list(dict.fromkeys(ids))
