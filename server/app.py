"""Puts the server together (catalog, state, clock, routes, static files) and runs it until stopped."""
import logging
import os
import signal
import sys
import tempfile
import threading

from .http_app import App, AppServer
from .map_tiles import MapTiles
from .proxy import API_KEY_ENV, Proxy
from .sim_api import Simulator
from .sim_clock import SimClock
from .sim_control import SimControl
from .sim_data import load_catalog
from .static_files import StaticFiles
from .store import Store


def default_state_path():
    # a file rather than memory, so a kiosk restart keeps drivers' tokens, wallets and sessions
    return os.path.join(tempfile.gettempdir(), "evcharge-sim", "state.sqlite")


def build(root, state_path, time_scale=1.0, quiet=False, faults=None, upstream=None, limits=None,
          sim_data="full", tiles=None):
    """(app, simulator or None). With an upstream, /api/ is the proxy and no simulator state is opened."""
    if upstream is not None:
        return App(Proxy(upstream).routes(), StaticFiles(root), None, quiet=quiet, faults=faults, limits=limits,
                   tiles=tiles or MapTiles()), None
    store = Store(state_path)
    clock = SimClock(time_scale, not_before=store.clock_high_water())
    simulator = Simulator(load_catalog(network=sim_data == "full"), store, clock)
    app = App(simulator.routes(), StaticFiles(root), SimControl(simulator), quiet=quiet, faults=faults,
              limits=limits, tiles=tiles or MapTiles())
    return app, simulator


def run(host, port, root, state_path, time_scale=1.0, quiet=False, out=sys.stdout, faults=None, upstream=None,
        limits=None, sim_data="full", tiles=None):
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
    app, simulator = build(root, state_path, time_scale, quiet, faults, upstream, limits, sim_data, tiles)
    server = AppServer((host, port), app)
    bound_host, bound_port = server.server_address[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"serving on http://{shown_host}:{bound_port}/", file=out, flush=True)
    if not quiet:
        static_note = "" if app.static.available() else " (not built yet: a placeholder page is shown)"
        print(f"app files: {app.static.root}{static_note}", file=sys.stderr, flush=True)
        if simulator is not None:
            print(f"simulator: {len(simulator.catalog.locations)} locations, state {state_path}, "
                  f"time scale {time_scale:g}", file=sys.stderr, flush=True)
        else:
            print(f"proxy: /api/ -> {upstream.display} (API key from ${API_KEY_ENV})", file=sys.stderr, flush=True)
        if faults is not None:
            print(f"faults on /api/: {faults.describe()}", file=sys.stderr, flush=True)

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
