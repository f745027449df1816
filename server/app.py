"""Puts the server together (catalog, state, clock, routes, static files) and runs it until stopped."""
import logging
import os
import signal
import sys
import tempfile
import threading
import time
import traceback

from .deploy import (MANIFEST_MEDIA_TYPE, ConfigError, DeployConfig, Portal, check_against_catalog, deployment_manifest,
                     has_own_manifest)
from .pricing import oicp_pricing
from .proxy import API_KEY_ENV, DEFAULT_TIMEOUT, Proxy, Upstream
from .receipts import MailBudgets, Outbox, Receipts, SessionSource
from .sim import SimClock, SimControl, Simulator, Store, add_network, bnetza, load_catalog, utc_offset_minutes
from .web import AllowedHosts, ApiError, App, AppServer, MapTiles, Response, StaticFiles, security_headers


def default_state_path():
    # a file rather than memory, so a kiosk restart keeps drivers' tokens, wallets and sessions
    return os.path.join(tempfile.gettempdir(), "evcharge-sim", "state.sqlite")


DEFAULT_SENDER = ("", "receipts@localhost")


def default_outbox_path(state_path=None):
    """Beside the simulator's state file (a kiosk keeps its mails where it keeps its state); for
    :memory: and behind --upstream, beside the default state file."""
    if not state_path or state_path == ":memory:":
        state_path = default_state_path()
    return os.path.join(os.path.dirname(os.path.abspath(state_path)), "outbox")


def _add_receipts(app, router, delivery, sender):
    """POST /receipts/email, /receipts/pdf, /receipts/export, reading sessions through `router` (the
    simulator's routes or the proxy's) as the driver whose token the request carries."""
    source = SessionSource(router, ready=app.wait_ready)
    app.extra.update(Receipts(source, delivery, sender or DEFAULT_SENDER, MailBudgets()).endpoints())


def build(root, state_path, time_scale=1.0, quiet=False, faults=None, upstream=None, limits=None,
          sim_data="full", oicp=None, config=None, tiles=None, paging="full", hosts=None, control_key=None,
          mail=None, sender=None, trust_proxy=False, clock_group=None):
    """(app, simulator or None). With an upstream, /api/ is the proxy and no simulator state is opened.
    `hosts` are the AllowedHosts; `control_key` the operator's key for /sim/control (sim/control.py);
    `mail` where receipt mails go (an SmtpRelay or an Outbox; default the outbox beside the state),
    `sender` their (name, address) From; `trust_proxy`: a front proxy on loopback names the client
    (X-Real-IP); `clock_group`: the processes started with the same one share one simulated clock."""
    mail = mail or Outbox(default_outbox_path(None if upstream is not None else state_path))
    config = config or DeployConfig()
    public = config.public()
    tiles = tiles or MapTiles()
    # the page may reach the tile host and show the brand's logo, and nothing else outside its origin
    headers = security_headers(tiles.config.get("tileUrl"), config.branding.get("logoUrl"))
    if upstream is None and config.api_mode == "upstream":
        key = os.environ.get(config.upstream_key_env, "").strip()
        if not key:
            raise ConfigError("api.apiKeyEnv", f"${config.upstream_key_env} holds no API key")
        upstream = Upstream(config.upstream_url, key, DEFAULT_TIMEOUT)
    if upstream is not None:
        if config.mode != "driver":
            raise ConfigError("mode", "the hotel portal and the demo kiosk run on the simulator, not behind --upstream")
        proxy = Proxy(upstream)
        app = App(proxy.routes(), StaticFiles(root), None, quiet=quiet, faults=faults, limits=limits, tiles=tiles,
                  registered=proxy.registered, hosts=hosts, headers=headers, trust_proxy=trust_proxy)
        app.extra["/config.json"] = ("GET", lambda req: Response(200, public))
        add_manifest(app, root, config)
        _add_receipts(app, proxy.routes(), mail, sender)
        return app, None
    catalog = load_catalog(network=False)
    check_against_catalog(config, catalog)
    if config.portal:
        for i, loc_id in enumerate(config.location_ids):
            if catalog.private_groups.get(loc_id) != config.portal.access_group:
                raise ConfigError(f"locations.ids[{i}]", f"{loc_id!r} is not a charger of the closed group "
                                                         f"{config.portal.access_group!r}")
    network_pending = sim_data == "full"
    if oicp is not None and network_pending:
        add_network(catalog)  # imported prices may map EVSEs anywhere in the network: build it first
        network_pending = False
    store = Store(state_path)
    anchor = store.clock_anchor(clock_group, time_scale, time.time()) if clock_group else None
    clock = SimClock(time_scale, not_before=store.clock_high_water(), anchor=anchor)
    simulator = Simulator(catalog, store, clock, paging)
    if oicp is not None:
        priced = oicp_pricing.install(oicp, simulator.catalog, clock.now, utc_offset_minutes)
        for note in oicp.notes:
            print(f"oicp pricing: {note}", file=sys.stderr, flush=True)
        print(f"oicp pricing: {len(oicp.products)} products, {priced} EVSEs priced", file=sys.stderr, flush=True)
    router = simulator.routes()
    app = App(router, StaticFiles(root), SimControl(simulator, control_key), quiet=quiet, faults=faults,
              limits=limits, tiles=tiles, registered=simulator.token_registered, hosts=hosts, headers=headers,
              trust_proxy=trust_proxy)
    app.extra["/config.json"] = ("GET", lambda req: Response(200, public))
    add_manifest(app, root, config)
    _add_receipts(app, router, mail, sender)
    if sim_data == "full":
        app.tiles.credit_data(bnetza.ATTRIBUTION)  # the German network comes from the BNetzA register
    if config.portal:
        portal = Portal(config.portal, simulator, router, languages=config.languages)
        app.extra["/portal/checkin"] = ("POST", portal.checkin)
        app.guard = portal.guard
    if network_pending:
        # the country-wide network takes a few seconds to build: the app's files are served meanwhile,
        # and API requests wait until it is complete (never a half-built map)
        app.ready = threading.Event()
        threading.Thread(target=_load_network, args=(simulator.catalog, app.ready, quiet, app.tiles),
                         name="network-loader", daemon=True).start()
    return app, simulator


def add_manifest(app, root, config):
    """/manifest.webmanifest in the deployment's name and colour, read from the build when asked
    (a rebuilt dist/ is served as it is now); the built file where the deployment has no branding."""
    def manifest(req):
        body = deployment_manifest(root, config)
        if body is None:
            raise ApiError(404, "This build has no manifest.", code="NOT_FOUND")
        return Response(200, body, headers={"Content-Type": MANIFEST_MEDIA_TYPE})
    if has_own_manifest(config):
        app.extra["/manifest.webmanifest"] = ("GET", manifest)


def _load_network(catalog, ready, quiet, tiles):
    began = time.monotonic()
    try:
        add_network(catalog)
        if not quiet:
            print(f"simulator: {len(catalog.locations)} locations ready ({time.monotonic() - began:.1f} s)",
                  file=sys.stderr, flush=True)
    except Exception:  # the seed area still works; say why the rest is missing
        tiles.credit_data(None)  # none of the register's data is served after all
        logging.getLogger("serve").error("the country-wide network could not be built:\n%s", traceback.format_exc())
    finally:
        ready.set()


def run(host, port, root, state_path, time_scale=1.0, quiet=False, out=sys.stdout, faults=None, upstream=None,
        limits=None, sim_data="full", oicp=None, config=None, tiles=None, paging="full", allowed_hosts=(),
        control_key=None, mail=None, sender=None, trust_proxy=False, clock_group=None):
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
    mail = mail or Outbox(default_outbox_path(state_path if upstream is None else None))
    app, simulator = build(root, state_path, time_scale, quiet, faults, upstream, limits, sim_data, oicp, config,
                           tiles, paging, AllowedHosts(host, allowed_hosts), control_key, mail, sender, trust_proxy,
                           clock_group)
    server = AppServer((host, port), app)
    bound_host, bound_port = server.server_address[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"serving on http://{shown_host}:{bound_port}/", file=out, flush=True)
    if not quiet:
        static_note = "" if app.static.available() else " (not built yet: a placeholder page is shown)"
        print(f"app files: {app.static.root}{static_note}", file=sys.stderr, flush=True)
        if simulator is not None:
            what = "loading the country-wide network" if app.ready is not None else \
                f"{len(simulator.catalog.locations)} locations"
            print(f"simulator: {what}, state {state_path}, time scale {time_scale:g}, paging {paging}",
                  file=sys.stderr, flush=True)
        else:
            print(f"proxy: /api/ -> {upstream.display} (API key from ${API_KEY_ENV})", file=sys.stderr, flush=True)
        if isinstance(mail, Outbox):
            print(f"receipts: no --smtp, so each receipt mail is written as an .eml file to {mail.display}",
                  file=sys.stderr, flush=True)
        else:
            print(f"receipts: mailed through {mail.display}", file=sys.stderr, flush=True)
        if faults is not None:
            print(f"faults on /api/: {faults.describe()}", file=sys.stderr, flush=True)
        print(f"answers for hosts: {', '.join(sorted(app.hosts.names))} (--allowed-host adds more)",
              file=sys.stderr, flush=True)
        if trust_proxy:
            print("client addresses: X-Real-IP on connections from loopback (--trust-proxy-header), else the peer's",
                  file=sys.stderr, flush=True)
        print(f"mode: {(config or DeployConfig()).mode}"
              f"{' (' + config.source + ')' if config and config.source else ''}", file=sys.stderr, flush=True)

    def stop(signum, frame):
        # shutdown() waits for serve_forever to return, so it must not run on the serving thread
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if simulator is not None:
            with simulator.store.transaction() as store:
                store.save_clock(simulator.clock.now())
            simulator.store.close()
