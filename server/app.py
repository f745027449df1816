"""Puts the server together (catalog, state, clock, routes, static files) and runs it until stopped."""
import logging
import os
import signal
import sys
import tempfile
import threading

from .deploy_config import ConfigError, DeployConfig, check_against_catalog
from .http_app import App, AppServer, Response
from .portal import Portal
from .sim_api import Simulator
from .sim_clock import SimClock
from .sim_control import SimControl
from .sim_data import load_catalog
from .static_files import StaticFiles
from .store import Store


def default_state_path():
    # a file rather than memory, so a kiosk restart keeps drivers' tokens, wallets and sessions
    return os.path.join(tempfile.gettempdir(), "evcharge-sim", "state.sqlite")


def build(root, state_path, time_scale=1.0, quiet=False, config=None):
    config = config or DeployConfig()
    catalog = load_catalog()
    if config.api_mode != "simulator":
        raise ConfigError("api.mode", "upstream needs serve.py's proxy to the real API, which this version lacks")
    check_against_catalog(config, catalog)
    if config.portal:
        for i, loc_id in enumerate(config.location_ids):
            if catalog.private_groups.get(loc_id) != config.portal.access_group:
                raise ConfigError(f"locations.ids[{i}]", f"{loc_id!r} is not a charger of the closed group "
                                                         f"{config.portal.access_group!r}")
    store = Store(state_path)
    clock = SimClock(time_scale, not_before=store.clock_high_water())
    simulator = Simulator(catalog, store, clock)
    router = simulator.routes()
    app = App(router, StaticFiles(root), SimControl(simulator), quiet=quiet)
    public = config.public()
    app.extra["/config.json"] = ("GET", lambda req: Response(200, public))
    if config.portal:
        portal = Portal(config.portal, simulator, router)
        app.extra["/portal/checkin"] = ("POST", portal.checkin)
        app.guard = portal.guard
    return app, simulator


def run(host, port, root, state_path, time_scale=1.0, quiet=False, out=sys.stdout, config=None):
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
    app, simulator = build(root, state_path, time_scale, quiet, config)
    server = AppServer((host, port), app)
    bound_host, bound_port = server.server_address[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"serving on http://{shown_host}:{bound_port}/", file=out, flush=True)
    if not quiet:
        static_note = "" if app.static.available() else " (not built yet: a placeholder page is shown)"
        print(f"app files: {app.static.root}{static_note}\n"
              f"simulator: {len(simulator.catalog.locations)} locations, state {state_path}, "
              f"time scale {time_scale:g}\n"
              f"mode: {(config or DeployConfig()).mode}"
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
        with simulator.store.transaction() as store:
            store.save_clock(simulator.clock.now())
        simulator.store.close()
