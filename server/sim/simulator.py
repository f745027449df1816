"""The Charge Assist endpoints answered by the simulator: tokens, wallet, locations, QR, tariffs and
charge sessions, with the paths, bodies, status codes and error shapes of openapi.json. The endpoints
live in one mixin per part of the API (tokens, wallet, tariffs, sessions, session_history,
location_search, location_lookup, favorites); the Simulator adds what they share: one transaction per
request at one simulated moment, the routes, and the live state of EVSEs and sessions."""
import json
from contextlib import contextmanager

from ..web import Response, Router, api_errors as styles
from . import session_engine as engine
from .favorites import FavoritesApi
from .location_lookup import LocationLookupApi
from .location_search import LocationSearchApi
from .paging import FULL as PAGING_FULL, MODES as PAGING_MODES
from .session_history import SessionHistoryApi
from .sessions import SessionApi
from .tariffs import TariffApi
from .tokens import TokenApi
from .wallet import WalletApi


class Simulator(TokenApi, WalletApi, TariffApi, SessionApi, SessionHistoryApi, LocationSearchApi, LocationLookupApi,
                FavoritesApi):
    def __init__(self, catalog, store, clock, paging=PAGING_FULL):
        if paging not in PAGING_MODES:
            raise ValueError(f"paging: {paging!r} is none of {', '.join(PAGING_MODES)}")
        self.catalog = catalog
        self.store = store
        self.clock = clock
        self.paging = paging  # how the location searches page (paging.MODES)

    # plumbing

    @contextmanager
    def tx(self):
        """One request's unit of work at one simulated moment; the clock is saved with it so a restart
        never goes back before anything a client was shown."""
        with self.store.transaction() as store:
            now = self.clock.now()
            store.save_clock(now)
            yield now

    def routes(self):
        router = Router()
        add = router.add
        add("PUT", "/token/{appToken}", self.put_token_path, styles.STRING)
        add("PUT", "/token", self.put_token_body, styles.STRING)
        add("POST", "/v2.1/token", self.post_token_v2, styles.V2)
        add("GET", "/v2.1/token/{appToken}", self.get_token_v2, styles.V2)
        add("GET", "/token/{appToken}/sessions", self.session_history, styles.STRING)
        add("PUT", "/payment/{appToken}/chargecard", self.add_charge_card, styles.V1)
        add("PUT", "/payment/{appToken}/external", self.add_external, styles.STRING)
        add("GET", "/payment/{appToken}/wallet", self.wallet, styles.V1)
        add("DELETE", "/payment/{appToken}/{id}", self.delete_payment_method, styles.V1)
        # locations: v1 and v2.1 answer errors alike (400 ValidationResponse, 403/404 strings)
        add("GET", "/locations/boundingbox", self.bounding_box, styles.V1)
        add("GET", "/locations/boundingbox-minimal", self.bounding_box_minimal, styles.V1)
        add("GET", "/locations/nearby", self.nearby, styles.V1)
        add("GET", "/locations/search", self.search, styles.V1)
        add("GET", "/locations/evse/{evseUid}", self.location_by_evse, styles.V1)
        add("GET", "/locations/{id}", self.location, styles.V1)
        add("POST", "/locations/availability", self.availability, styles.V1)
        add("GET", "/v2.1/locations/boundingbox", self.bounding_box_v2, styles.V1)
        add("GET", "/v2.1/locations/boundingbox-minimal", self.bounding_box_minimal, styles.V1)
        add("GET", "/v2.1/locations/nearby", self.nearby_v2, styles.V1)
        add("GET", "/v2.1/locations/search", self.search_v2, styles.V1)
        add("GET", "/v2.1/locations/evse/{evseUid}", self.location_by_evse, styles.V1)
        add("GET", "/v2.1/locations/{id}", self.location, styles.V1)
        add("GET", "/privatelocations/{appToken}", self.private_locations, styles.V1)
        for prefix in ("", "/v2.1"):
            add("POST", prefix + "/favorites/{appToken}/location/{id}", self.add_favorite, styles.STRING)
            add("DELETE", prefix + "/favorites/{appToken}/location/{id}", self.delete_favorite, styles.STRING)
        add("GET", "/favorites/{appToken}/locations", self.favorite_locations, styles.STRING)
        add("GET", "/v2.1/favorites/{appToken}/locations", self.favorite_locations_v2, styles.V1)
        add("POST", "/qr", self.parse_qr, styles.V1_ALL)
        add("GET", "/tariff/{appToken}/evse/{locationId}/{evseUid}", self.wallet_tariff, styles.V1)
        add("GET", "/tariff/evse/{locationId}/{evseUid}", self.default_tariff, styles.PROBLEM)
        add("POST", "/session/start", self.start_session, styles.V1)
        add("GET", "/session/status", self.session_status, styles.V1)
        add("POST", "/session/stop", self.stop_session, styles.V1)
        add("POST", "/session/highpriority", self.high_priority, styles.V1)
        add("POST", "/v2.1/session/start", self.start_session, styles.V2)
        add("GET", "/v2.1/session/status", self.session_status, styles.V2)
        add("POST", "/v2.1/session/stop", self.stop_session, styles.V2)
        add("POST", "/v2.1/session/highpriority", self.high_priority, styles.mixed(styles.V2, s404=styles.STRING))
        add("GET", "/v2.1/token/{appToken}/sessions", self.session_history_v2,
            styles.mixed(styles.V2, s404=styles.PROBLEM))
        add("GET", "/servicestatus", self.service_status, styles.STRING)
        return router

    # live state

    def facts(self, row):
        connector = json.loads(row["connector"])
        tariff = json.loads(row["tariff"]) if row["tariff"] else None
        return engine.Facts(
            created_at=row["created_at"], reject_error=row["reject_error"], plug_at=row["plug_at"],
            forced_full_at=row["forced_full_at"], ended_at=row["ended_at"], end_reason=row["end_reason"],
            car=json.loads(row["car"]), connector=connector, has_tariff=tariff is not None,
            smart_hold=bool(row["smart_hold"]), priority_at=row["priority_at"]), tariff

    def live_statuses(self, now):
        """EVSE uid -> status where it differs from the catalog: faults, and EVSEs taken by a session.
        Sessions that can no longer change are closed on the way, so this stays a short scan."""
        live = {uid: "OUTOFORDER" for uid in self.store.faulted_evses()}
        offline = self.store.offline_evses()
        finished = []
        for row in self.store.open_sessions():
            view = engine.evaluate(self.facts(row)[0], now)
            if view.final:
                finished.append(row["id"])
            elif view.in_use and row["evse_uid"] not in live:
                live[row["evse_uid"]] = "CHARGING"
        for uid in offline:
            live.setdefault(uid, "UNKNOWN")  # no status reaches the backend from an offline charger
        if finished:
            self.store.close_sessions(finished)
        return live

    def active_session(self, evse_uid, now):
        """(row, view) of the session holding this EVSE, if any."""
        for row in self.store.open_sessions(evse_uid):
            view = engine.evaluate(self.facts(row)[0], now)
            if view.in_use:
                return row, view
        return None, None

    def token_registered(self, app_token):
        """Whether a driver registered this appToken (the rate limits' test of a made-up one)."""
        with self.store.transaction() as store:
            return store.get_token(app_token) is not None

    def service_status(self, req):
        with self.tx():
            self.store.get_token("")  # the state store answers: healthy
        return Response(200, None)
