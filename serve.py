#!/usr/bin/env python3
"""Serves the EV charging web app and, under /api/, a simulator of the GreenFlux Charge Assist API."""
import argparse
import os
import re
import sys

from server.app import DEFAULT_SENDER, default_outbox_path, default_state_path, run
from server.deploy import ConfigError, GuestListError, load_config
from server.pricing import oicp_pricing
from server.proxy import API_KEY_ENV, DEFAULT_TIMEOUT, Upstream
from server.receipts import CA_FILE_ENV, PASSWORD_ENV, USER_ENV, Outbox, SmtpRelay, check_sender, parse_relay
from server.sim import ACTIONS, CONTROL_KEY_ENV, PAGING_MODES, SESSION_ACTIONS, control_key_from
from server.web import FaultPlan, Limits, MapTiles, parse_spec

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED_CLOCK_ID = re.compile(r"[A-Za-z0-9-]{1,64}")

EPILOG = """\
simulator:
  /api/... answers like the Charge Assist API (see the OpenAPI description) from demo data around
  Almere, Amsterdam and Volendam. Sessions follow a charge point's life cycle in simulated time:
  REQUESTED, STARTING (the car plugs in ~3 s after the start), CHARGING, PARKING when the battery
  is full (the car leaves 30 min later), STOPPING, COMPLETED, CDR_AVAILABLE with costs from the
  EVSE's tariff. TIMEOUT without a cable within 30 s, CANCELLED when stopped before charging,
  REJECTED on an EVSE that is not AVAILABLE or with a card that is not VALID. New charge cards are
  PENDING for 5 s, then VALID (numbers starting with INVALID end up INVALID). Session timestamps
  are simulated time; nextStatusCall is wall-clock time, so clients poll at a sensible pace
  whatever the time scale.

state:
  Tokens, wallets and sessions live in an SQLite file (WAL mode), default %(state)s.
  Restarting on the same file carries on where it stopped; --state :memory: forgets on exit.

security (see README "Security"):
  Every answer carries a Content-Security-Policy fitted to the app, X-Content-Type-Options: nosniff,
  Referrer-Policy: no-referrer and a Permissions-Policy (camera and geolocation for this origin only).
  Requests for a Host not allowed (--allowed-host) get 421; dotfiles are never served; a
  Content-Length must be digits, given once. The request log escapes what clients send and shows
  appTokens as [token]. Behind a front proxy (--trust-proxy-header; tools/nginx/run.sh sets it) a
  request counts under the X-Real-IP of a loopback connection; X-Forwarded-For is never read.

charger control (for kiosks and tests, outside /api/; Content-Type: application/json):
  POST /sim/control?appToken=T  {"evseUid": "NL-GFX-EChargestation-1", "action": "plug"}
  evseUid is an EVSE uid or eMI3 EVSE id. Actions:
%(actions)s
  The driver whose session holds the EVSE may %(session_actions)s with its appToken; every action on
  any EVSE takes the operator's key, set in $%(control_env)s (16+ characters) and sent as the header
  X-Sim-Control-Key. Answers 200 {evseUid, action, evseStatus, session: {chargeSessionId, status} | null,
  message}, 400 for a bad body, 403 without the right token or key, 404 for an unknown EVSE (operator),
  409 when the action does not apply now, 415 for a body that is not application/json.

paging (--paging, the location searches: bounding box, boundingbox-minimal, search; v1 and v2.1):
%(paging)s
  The documented modes follow the walkthrough: "We do provide a continuation token, but have not yet
  implemented a functionality to call further locations" (README "Paging").

faults (--faults, /api/ only):
  latency and error strike before the request is handled (an injected 503 means nothing happened);
  drop and truncate strike after it (the request took effect, the answer is lost): a start may have
  started a session the app was never told about, as with a real network.

proxy (--upstream URL):
  The allow-listed driver-app paths under /api/ go to URL with "Authorization: ApiKey <key>", the key
  read from the environment variable %(key_env)s (required). The key is never sent to the browser
  nor logged. Other /api/ paths are refused (404); no simulator and no /sim/control run.
  Upstream time-outs answer 504 and unreachable or failing upstreams 502, with a JSON message.

receipts (see README "Receipts"; outside /api/, JSON bodies, Content-Type: application/json):
  POST /receipts/email   {appToken, sessionId, email, invoice?}  e-mails the session's receipt
  POST /receipts/pdf     {appToken, sessionId, invoice?}         the receipt as a PDF
  POST /receipts/export  {appToken, from, to, format, invoice?}  sessions from..to (YYYY-MM-DD) as csv or pdf
  invoice is {name, company, vatNumber, address}, all optional. Only the session's own appToken gets its
  receipt (else 404). Mails go through --smtp HOST:PORT (STARTTLS whenever offered; a login from
  $%(smtp_user)s and $%(smtp_password)s, sent only over TLS; $%(smtp_ca)s trusts a private relay's CA), else
  each is written as an .eml file to the outbox (--outbox, default %(outbox)s).
  Errors {code, message}: 400 bad input, 404 RECEIPT_NOT_FOUND, 409 RECEIPT_NOT_READY, 415, 422
  RECIPIENT_REFUSED, 429 TOO_MANY_REQUESTS, 502 RELAY_FAILED or UPSTREAM_UNAVAILABLE, 503 RELAY_UNAVAILABLE.

deployment (--config FILE, see README "Hotel portals and demo kiosks"):
  GET  /config.json      what the app is told: mode, branding, locations in scope, languages, kiosk settings
  POST /portal/checkin   portal mode: {room, surname} or {bookingReference} against the hotel's guest list
"""


def add_server_args(parser):
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s)")
    parser.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                        help="a host name (or address) clients reach this server by; requests for any other Host "
                             "are refused (421). Always allowed: the --host address, localhost, 127.0.0.1, ::1. "
                             "Repeat for more")
    parser.add_argument("--port", type=int, default=8000, help="port, 0 for any free one (default %(default)s)")
    parser.add_argument("--root", default=os.path.join(HERE, "build", "web", "dist"),
                        help="folder of the web app's files (default: build/web/dist beside serve.py)")
    parser.add_argument("--quiet", action="store_true", help="no request log")
    parser.add_argument("--trust-proxy-header", action="store_true",
                        help="behind a front proxy on this machine (tools/nginx/run.sh): count and log each request "
                             "under the client address the proxy sends in X-Real-IP, believed only on connections "
                             "from loopback; X-Forwarded-For is never read")
    parser.add_argument("--shared-clock", metavar="ID",
                        help="processes started with the same ID on the same --state tell one simulated time (the "
                             "workers behind one front proxy); 1-64 letters, digits or hyphens")


def add_map_args(parser):
    parser.add_argument("--tiles", metavar="DIR",
                        help="serve map tiles {z}/{x}/{y}.png from DIR at /tiles/ and show them on the map")
    parser.add_argument("--tile-url", metavar="TEMPLATE",
                        help="map tile URL template with {z} {x} {y}, or 'osm' for OpenStreetMap's standard "
                             "tiles (only where their usage policy allows); default: no tiles, a plain grid")
    parser.add_argument("--tile-attribution", metavar="TEXT", help="text shown over the map for the tiles")


def add_limits_args(parser):
    parser.add_argument("--client-timeout", type=float, default=Limits.client_timeout, metavar="SECONDS",
                        help="time a client has to send a request, and to idle on keep-alive (default %(default)s)")
    parser.add_argument("--rate-limit", type=float, default=Limits.rate, metavar="N",
                        help="/api/ requests per second per registered appToken; an address may send ten "
                             "drivers' worth in all, token or not; 0 = unlimited (default %(default)s)")
    parser.add_argument("--rate-burst", type=int, default=Limits.burst, metavar="N",
                        help="requests a driver may send at once before --rate-limit applies (default %(default)s)")


def add_simulator_args(parser):
    parser.add_argument("--state", default=default_state_path(),
                        help="simulator state file, or :memory: (default: %(default)s)")
    parser.add_argument("--time-scale", type=float, default=1.0, metavar="N",
                        help="simulated seconds per real second (default %(default)s)")
    parser.add_argument("--sim-data", choices=("full", "seed"), default="full",
                        help="full: the walkthrough's places, the seed area and ~21,500 locations across NL, BE "
                             "and DE; seed: only the walkthrough's places and the seed area (starts faster)")
    parser.add_argument("--paging", choices=tuple(PAGING_MODES), default="full",
                        help="how the location searches page: full, or as the walkthrough documents (a token "
                             "that leads nowhere; see below) (default %(default)s)")


def add_faults_args(parser):
    parser.add_argument("--faults", metavar="SPEC",
                        help="inject faults into /api/ answers: kind=rate,... with kinds latency (0.5-3 s more), "
                             "error (503), drop (no answer), truncate (half the body); or a bare total rate "
                             "such as 0.2, spread evenly over the four")
    parser.add_argument("--faults-seed", type=int, metavar="N", help="seed for --faults, to replay the same draw")


def add_oicp_args(parser):
    parser.add_argument("--oicp-pricing", metavar="PRODUCTS.csv", help="Hubject OICP PricingProductData CSV")
    parser.add_argument("--oicp-evse-pricing", metavar="EVSE.csv",
                        help="Hubject OICP EVSEPricing CSV (with --oicp-pricing)")


def add_proxy_args(parser):
    parser.add_argument("--upstream", metavar="URL",
                        help="proxy the driver-app paths under /api/ to this Charge Assist base URL instead of "
                             f"simulating it, adding the API key from ${API_KEY_ENV}")
    parser.add_argument("--upstream-timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help="how long the upstream may take to answer (default %(default)s)")


def add_deployment_args(parser):
    parser.add_argument("--config", metavar="FILE",
                        help="deployment configuration (JSON): driver app, hotel portal or demo kiosk, branding, "
                             "locations; see README and assets/config/ (default: the driver app on the simulator)")


def add_receipt_args(parser):
    parser.add_argument("--smtp", metavar="HOST:PORT",
                        help="send receipt mails through this SMTP relay (STARTTLS whenever it offers it; login from "
                             f"${USER_ENV} and ${PASSWORD_ENV}); default: write them to the outbox")
    parser.add_argument("--smtp-from", metavar="ADDR", default=DEFAULT_SENDER[1],
                        help="the From of receipt mails, an address or 'Name <address>' (default %(default)s)")
    parser.add_argument("--outbox", metavar="DIR",
                        help="without --smtp, the folder receipt mails are written to as .eml files "
                             "(default: outbox/ beside the --state file)")


def mail_from_args(parser, args):
    """(delivery, sender) from --smtp, --smtp-from and --outbox."""
    try:
        sender = check_sender(args.smtp_from)
    except ValueError as exc:
        parser.error(f"--smtp-from: {exc}")
    if args.smtp is not None:
        if args.outbox is not None:
            parser.error("--outbox is where mails go without --smtp; give one or the other")
        try:
            host, port = parse_relay(args.smtp)
        except ValueError as exc:
            parser.error(f"--smtp: {exc}")
        try:
            return SmtpRelay(host, port), sender
        except ValueError as exc:
            parser.error(f"--smtp: {exc}")
        except OSError as exc:
            parser.error(f"--smtp: ${CA_FILE_ENV}: {exc}")
    folder = args.outbox or default_outbox_path(args.state if args.upstream is None else None)
    if os.path.exists(folder) and not os.path.isdir(folder):
        parser.error(f"--outbox: {folder} is not a folder")
    return Outbox(folder), sender


def main(argv=None):
    actions = "\n".join(f"    {name:<11} {text}" for name, text in ACTIONS.items())
    paging = "\n".join(f"  {name:<18} {text}" for name, text in PAGING_MODES.items())
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EPILOG % {"state": default_state_path(), "actions": actions, "key_env": API_KEY_ENV,
                         "paging": paging, "session_actions": ", ".join(SESSION_ACTIONS),
                         "control_env": CONTROL_KEY_ENV, "smtp_user": USER_ENV, "smtp_password": PASSWORD_ENV,
                         "smtp_ca": CA_FILE_ENV, "outbox": default_outbox_path()})
    add_server_args(parser)
    add_map_args(parser)
    add_limits_args(parser)
    add_simulator_args(parser)
    add_faults_args(parser)
    add_proxy_args(parser)
    add_oicp_args(parser)
    add_deployment_args(parser)
    add_receipt_args(parser)
    args = parser.parse_args(argv)
    oicp = None
    if bool(args.oicp_pricing) != bool(args.oicp_evse_pricing):
        parser.error("--oicp-pricing and --oicp-evse-pricing go together")
    if args.oicp_pricing:
        try:
            oicp = oicp_pricing.load(args.oicp_pricing, args.oicp_evse_pricing)
        except oicp_pricing.OicpError as exc:
            print("serve.py: OICP pricing refused:\n" + "\n".join(exc.problems), file=sys.stderr)
            return 2
    if not 0 < args.time_scale <= 1_000_000:
        parser.error("--time-scale must be above 0 and at most 1000000")
    if not 0 <= args.port <= 65535:
        parser.error("--port must be between 0 and 65535")
    if not 0.1 <= args.client_timeout <= 3600:
        parser.error("--client-timeout must be between 0.1 and 3600 seconds")
    if args.rate_limit < 0 or args.rate_burst < 1:
        parser.error("--rate-limit must be 0 or more and --rate-burst at least 1")
    limits = Limits(args.client_timeout, args.rate_limit, args.rate_burst)
    faults = None
    if args.faults is not None:
        try:
            faults = FaultPlan(parse_spec(args.faults), args.faults_seed)
        except ValueError as exc:
            parser.error(f"--faults: {exc}")
    upstream = None
    if args.upstream is not None:
        try:
            if not 0 < args.upstream_timeout <= 600:
                raise ValueError("--upstream-timeout must be above 0 and at most 600 seconds")
            upstream = Upstream.from_environment(args.upstream, args.upstream_timeout)
        except ValueError as exc:
            parser.error(f"--upstream: {exc}")
    if upstream is not None and args.paging != "full":
        parser.error("--paging shapes the simulator's answers; behind --upstream the service pages as it does")
    if args.tiles and not os.path.isdir(args.tiles):
        parser.error(f"--tiles: {args.tiles} is not a folder")
    if args.tiles and args.tile_url:
        parser.error("--tiles and --tile-url exclude each other")
    tiles = MapTiles(args.tiles, args.tile_url, args.tile_attribution)
    try:
        control_key = control_key_from(os.environ)
    except ValueError as exc:
        parser.error(str(exc))
    for name in args.allowed_host:
        if not name.strip() or any(c in name for c in "/ ,"):
            parser.error(f"--allowed-host: {name!r} is not a host name or address")
    if args.shared_clock is not None and not SHARED_CLOCK_ID.fullmatch(args.shared_clock):
        parser.error("--shared-clock: 1-64 letters, digits or hyphens")
    if args.shared_clock is not None and args.state == ":memory:":
        parser.error("--shared-clock shares the clock through the --state file; :memory: has none to share")
    mail, sender = mail_from_args(parser, args)
    try:
        config = load_config(args.config)
        run(args.host, args.port, args.root, args.state, args.time_scale, args.quiet, faults=faults,
            upstream=upstream, limits=limits, sim_data=args.sim_data, oicp=oicp, config=config,
            tiles=tiles, paging=args.paging, allowed_hosts=args.allowed_host, control_key=control_key,
            mail=mail, sender=sender, trust_proxy=args.trust_proxy_header, clock_group=args.shared_clock)
    except ConfigError as exc:
        print(f"serve.py: {args.config or 'configuration'}: {exc}", file=sys.stderr)
        return 2
    except GuestListError as exc:
        print(f"serve.py: {args.config}: portal.guestList: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"serve.py: cannot start: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
