"""serve.py's parsers of untrusted input as fuzz targets: bytes in, nothing out. Each target may refuse
its input only in its documented way (GuestListError, an OICP problem list, an ApiError that becomes a
4xx answer); any other exception is a crash: the server would answer 500 or stop reading its files.

  guest_list    the hotel's guest list export (CSV, UTF-8 or Windows-1252)
  oicp          Hubject OICP PricingProductData and EVSEPricing CSVs (split at the first NUL byte)
  request_body  a JSON body POSTed or PUT to each simulator endpoint that reads one, and /sim/control
  request_target  a request target (path and query string) GET from each simulator endpoint, as the
                server reads it (one decoding, the router, the query parser, the handler)"""
import os
import sys
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

from server.deploy import GuestListError, parse_guest_list  # noqa: E402
from server.pricing import oicp_pricing  # noqa: E402
from server.sim import SimClock, SimControl, Simulator, Store, load_catalog  # noqa: E402
from server.web import ApiError, Request, read_target  # noqa: E402

MAX_QUERY_FIELDS = 200


class Headers(dict):
    """Request headers as the handlers read them (case-insensitive get)."""

    def get(self, name, default=None):
        for key, value in self.items():
            if key.lower() == name.lower():
                return value
        return default


def guest_list(data):
    try:
        parse_guest_list(data)
    except GuestListError:
        pass


def oicp(data):
    products_bytes, _, evse_bytes = data.partition(b"\x00")
    try:
        products_text, evse_text = products_bytes.decode("utf-8"), evse_bytes.decode("utf-8")
    except UnicodeDecodeError:
        return  # load() refuses undecodable files before parsing
    parsed, problems = oicp_pricing.parse_products(products_text)
    assert parsed is not None or problems, "refused without saying why"
    if parsed is None:
        return
    operator, unit, price, currency, products = parsed
    mapping, problems = oicp_pricing.parse_evse_pricing(evse_text, products)
    assert mapping is not None or problems, "refused without saying why"
    if mapping is not None:
        pricing = oicp_pricing.Pricing(operator, unit, price, currency, products, mapping)
        for product_id in [None, *products]:
            pricing.tariff(product_id)
        for product in products.values():
            for minute in (0, 719, 1439):
                product.available(0, minute)


class _Simulator:
    """One in-memory simulator shared by the targets, its routes and a registered driver."""
    _instance = None

    @classmethod
    def get(cls):
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def __init__(self):
        store = Store(":memory:")
        self.sim = Simulator(load_catalog(network=False), store, SimClock(1000.0))
        self.router = self.sim.routes()
        self.control = SimControl(self.sim, "fuzz-operator-key-0123456789")
        self.call("PUT", "/token/fuzz-driver", b"")

    def call(self, method, path, body, query=""):
        parts = [p for p in path.strip("/").split("/")]
        route, params = self.router.match(method, parts)
        parsed = urllib.parse.parse_qs(query, keep_blank_values=True, max_num_fields=MAX_QUERY_FIELDS,
                                       errors="replace")
        return route.handler(Request(method, "/api" + path, params, parsed, Headers(), body, query,
                                     client="127.0.0.1", endpoint=route.endpoint))


BODY_ENDPOINTS = (
    ("PUT", "/token", ""), ("POST", "/v2.1/token", ""), ("PUT", "/payment/fuzz-driver/chargecard", ""),
    ("PUT", "/payment/fuzz-driver/external", ""), ("POST", "/qr", ""), ("POST", "/locations/availability", ""),
    ("POST", "/session/start", "appToken=fuzz-driver"), ("POST", "/session/stop", "appToken=fuzz-driver"),
    ("POST", "/session/highpriority", "appToken=fuzz-driver"),
    ("POST", "/favorites/fuzz-driver/location/nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0", ""),
)


def request_body(data):
    sim = _Simulator.get()
    for method, path, query in BODY_ENDPOINTS:
        try:
            sim.call(method, path, data, query)
        except ApiError as err:
            assert 400 <= err.status < 500, f"{path}: {err.status}"
    headers = Headers({"Content-Type": "application/json", "X-Sim-Control-Key": sim.control.key})
    try:
        sim.control(Request("POST", "/sim/control", {}, {}, headers, data))
    except ApiError as err:
        assert 400 <= err.status < 500


def request_target(data):
    sim = _Simulator.get()
    target = read_target(data.decode("latin-1"))
    if target.error is not None or target.area != "api":
        return
    for method in ("GET", "DELETE"):
        try:
            route, params = sim.router.match(method, target.api_parts())
            query = urllib.parse.parse_qs(target.query, keep_blank_values=True, max_num_fields=MAX_QUERY_FIELDS,
                                          errors="replace")
            route.handler(Request(method, target.path, params, query, Headers(), b"", target.query,
                                  client="127.0.0.1", endpoint=route.endpoint))
        except ApiError as err:
            assert 400 <= err.status < 500, f"{target.path}: {err.status}"
        except ValueError as err:
            assert "Max number of fields" in str(err), err  # parse_qs's own limit: the server answers 400


TARGETS = {"guest_list": guest_list, "oicp": oicp, "request_body": request_body, "request_target": request_target}
# where a target's code lives: coverage is counted in these files only
COVERED = {
    "guest_list": ("server/deploy/guest_list.py",),
    "oicp": ("server/pricing/oicp_pricing.py",),
    "request_body": ("server/web/validate.py", "server/sim/"),
    "request_target": ("server/web/target.py", "server/web/validate.py", "server/web/http_app.py", "server/sim/"),
}
# the words of each input language, spliced in by the mutator
DICTIONARIES = {
    "guest_list": [b",", b"\n", b"\r\n", b'"', b"room", b"surname", b"bookingReference", b"arrival", b"departure",
                   b"2026-02-29", b"2026-13-01", b"\xef\xbb\xbf", b"\x00", b";", b"\xe9"],
    "oicp": [b",", b"\n", b"\x00", b"PricePerKWh", b"PricePerMinute", b"PerHour", b"EUR", b"00:00", b"24:00",
             b"DE*AB7*E840*6487", b"MINIMUM FEE", b"Monday", b"Everyday", b"-1", b"1e309", b"NaN"],
    "request_body": [b"{", b"}", b"[", b"]", b'"', b":", b",", b"null", b"true", b"1e999", b"-0", b'"\\ud800"',
                     b'"\\u0000"', b'"appToken"', b'"visualNumber"', b'"url"', b'"locationIds"', b'"evseUid"',
                     b'"action"', b'"chargeSessionId"', b'"locationId"', b'"paymentMethodId"', b'"displayName"'],
    "request_target": [b"/api/", b"?", b"&", b"=", b"%", b"%ff", b"%2F", b"%00", b"..", b"v2.1", b"locations",
                       b"boundingbox", b"search", b"filter.appToken", b"pageSize", b"bottomLeftLat", b"q=",
                       b"nan", b"inf", b"1e999", b"token", b"sessions", b"tariff", b"evse", b"\xc3\xa9"],
}
SEEDS = {
    "guest_list": [b"room,surname,bookingReference,arrival,departure\n12,Jansen,DZ-1,2026-01-01,2026-01-03\n"],
    "oicp": [b"OperatorName,Unit,Price,Currency\nX,kWh,0.39,EUR\n\x00EVSEId,ProductId\nDE*AB7*E840*6487,P\n"],
    "request_body": [b'{"appToken":"a","visualNumber":"12345678","url":"https://a.greenflux.app/qr/gsop/x/y"}'],
    "request_target": [b"/api/locations/boundingbox?bottomLeftLat=52.3&bottomLeftLng=4.8&topRightLat=52.4"
                       b"&topRightLng=5.0&filter.isAvailable=true",
                       b"/api/locations/search?q=marga&pageSize=5", b"/api/token/fuzz-driver/sessions?sortDesc=false"],
}
