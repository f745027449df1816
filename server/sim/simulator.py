"""The Charge Assist endpoints answered by the simulator: tokens, wallet, locations, QR, tariffs and
charge sessions, with the paths, bodies, status codes and error shapes of openapi.json."""
import base64
import copy
import hashlib
import json
import math
import re
import urllib.parse
import uuid
from contextlib import contextmanager

from ..pricing import breakdown_json, price_session
from ..web import (ApiError, Response, Router, api_errors as styles, clean_id, optional_bool, optional_str,
                   parse_json_object, query_bool, query_float, query_int, query_list, query_one, required_str)
from . import session_engine as engine
from .clock import iso_local, iso_utc, parse_iso, start_of_month
from .locations import LocationApi

CARD_VERIFY_DELAY = 5          # simulated seconds until a new charge card is VALID (or INVALID)
SESSION_NAMESPACE = uuid.UUID("5b0b6a0e-3f0c-4a57-9a51-6d2f1c1f6f2e")
CARD_NUMBER = re.compile(r"^[A-Za-z0-9]{6,30}$")
QR_PATH = re.compile(r"^/qr/([^/]+)/([^/]+)/([^/]+)/?$")
SESSION_STATUSES = ("REQUESTED", "REJECTED", "STARTING", "CHARGING", "STOPPING", "COMPLETED", "CDR_AVAILABLE",
                    "PARKING", "TIMEOUT", "CANCELLED", "ERROR")

INVALID_TOKEN = "Invalid token used"
TOKEN_NOT_FOUND = "The appToken is not registered."


def _digest(text, n):
    return hashlib.sha256(text.encode()).hexdigest()[:n]


def _list(items, **extra):
    return {**extra, "data": items, "meta": {"count": len(items), "hasMoreData": False}}


def card_hint(number):
    """'** **** **** **** 2836' for 770674109963002836: groups of four from the right, all but the last masked."""
    groups = []
    rest = number
    while rest:
        groups.insert(0, rest[-4:])
        rest = rest[:-4]
    return " ".join(["*" * len(g) for g in groups[:-1]] + groups[-1:])


class Simulator(LocationApi):
    def __init__(self, catalog, store, clock):
        self.catalog = catalog
        self.store = store
        self.clock = clock

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

    # tokens

    def _token_json(self, row):
        return {
            "appToken": row["app_token"], "shareableId": row["shareable_id"], "authId": row["auth_id"],
            "groups": self.store.token_groups(row["app_token"]), "groupFilterString": "", "alerts": [],
            "vidMapping": None,
            "settings": {"defaultPaymentMethodId": None, "defaultLanguageCode": None},
            "vidUpdating": False, "muteVidNotifications": False, "personalChargerSettings": None,
            "email": None, "subscriptionSettings": None,
        }

    def _register(self, app_token, driver_id=None, emsp_id=None):
        with self.tx() as now:
            return self.store.put_token(app_token, driver_id, emsp_id, f"GF-APP-T-{_digest(app_token, 3)}-"
                                        f"{_digest('auth' + app_token, 4)}", f"sid-{_digest('sid' + app_token, 5)}",
                                        now)

    def put_token_path(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        row = self._register(app_token)
        return Response(200, _list([self._token_json(row)]))

    def put_token_body(self, req):
        body = parse_json_object(req.body)
        row = self._register(required_str(body, "appToken"), optional_str(body, "driverId"),
                             optional_str(body, "emspId"))
        return Response(200, _list([self._token_json(row)]))

    def post_token_v2(self, req):
        body = parse_json_object(req.body)
        row = self._register(required_str(body, "appToken"), optional_str(body, "driverId"),
                             optional_str(body, "emspId"))
        return Response(200, self._token_json(row))

    def get_token_v2(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        with self.tx():
            row = self.store.get_token(app_token)
        if row is None:
            raise ApiError(404, TOKEN_NOT_FOUND, code="TOKEN_NOT_FOUND", field="appToken")
        return Response(200, self._token_json(row))

    def _require_token(self, app_token, status=404):
        """The token row; the API answers an unknown token with 404 on wallet, tariff and history
        paths and with 403 "Invalid token used" on session paths (openapi.json)."""
        row = self.store.get_token(app_token)
        if row is None:
            raise ApiError(status, INVALID_TOKEN if status == 403 else TOKEN_NOT_FOUND, code="INVALID_TOKEN",
                           field="appToken")
        return row

    # wallet

    def _method_status(self, row, now):
        return row["verified_status"] if now >= row["verify_at"] else "PENDING"

    def _method_json(self, row, now, location=None):
        status = self._method_status(row, now)
        if row["type"] == "CHARGE_CARD":
            body = {"id": row["id"], "type": "CHARGE_CARD", "chargeCardIssuer": row["issuer"],
                    "cardHint": card_hint(row["visual_number"]), "cardShortHint": row["visual_number"]}
        else:
            body = {"id": row["id"], "externalPaymentMethodId": row["external_id"], "type": row["type"]}
        if location is not None:
            accepted = location.get("pms") or []
            # an empty pms list means every method is accepted
            body["isCompatible"] = not accepted or row["type"] in accepted
        body.update({"isVidMapped": False, "isAccountPaymentMethod": False, "verificationStatus": status,
                     "createdDate": iso_utc(row["created_at"], 3)})
        if row["display_name"]:
            body["displayName"] = row["display_name"]
        return body

    def add_charge_card(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        body = parse_json_object(req.body)
        raw = required_str(body, "visualNumber", 64)
        number = re.sub(r"[\s\-]", "", raw)
        if not CARD_NUMBER.match(number):
            raise ApiError(400, "visualNumber: a card number is 6 to 30 letters and digits.",
                           code="INVALID_VISUAL_NUMBER", field="visualNumber")
        issuer = optional_str(body, "tokenIssuer", 64) or "GreenFlux"
        display_name = optional_str(body, "displayName", 64)
        with self.tx() as now:
            self._require_token(app_token)
            for row in self.store.payment_methods(app_token):
                if row["type"] == "CHARGE_CARD" and row["visual_number"].upper() == number.upper():
                    return Response(200, self._method_json(row, now))  # PUT is idempotent
            # cards whose number starts with INVALID fail verification, so the failure path can be shown
            verdict = "INVALID" if number.upper().startswith("INVALID") else "VALID"
            row = self.store.add_payment_method(
                id=str(uuid.uuid4()), app_token=app_token, type="CHARGE_CARD", visual_number=number,
                issuer=issuer, display_name=display_name, auth_id=f"NL-GFX-C{number.upper()[-12:]}",
                created_at=now, verify_at=now + CARD_VERIFY_DELAY, verified_status=verdict)
            return Response(200, self._method_json(row, now))

    def add_external(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        body = parse_json_object(req.body)
        external_id = required_str(body, "externalPaymentMethodId")
        display_name = optional_str(body, "displayName", 64)
        with self.tx() as now:
            self._require_token(app_token)
            for row in self.store.payment_methods(app_token):
                if row["type"] == "EXTERNAL" and row["external_id"] == external_id:
                    return Response(200, self._method_json(row, now))
            # the backend wraps it in a virtual charge card it does not return ("GF-App token")
            row = self.store.add_payment_method(
                id=str(uuid.uuid4()), app_token=app_token, type="EXTERNAL", external_id=external_id,
                display_name=display_name, auth_id=f"GF-APP-{_digest(app_token + external_id, 8).upper()}",
                created_at=now, verify_at=now, verified_status="VALID")
            return Response(200, self._method_json(row, now))

    def wallet(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        location_id = query_one(req.query, "locationId")
        location = None
        if location_id is not None:
            location = self.catalog.locations.get(location_id)
            if location is None:
                raise ApiError(404, "Location not found.")
        with self.tx() as now:
            self._require_token(app_token)
            items = [self._method_json(r, now, location) for r in self.store.payment_methods(app_token)]
        return Response(200, _list(items))

    def delete_payment_method(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        method_id = clean_id(req.params["id"], "id")
        with self.tx() as now:
            self._require_token(app_token)
            row = self.store.payment_method(method_id)
            if row is None or row["app_token"] != app_token:
                raise ApiError(404, "Payment method not found.")
            self.store.delete_payment_method(method_id, now)
        return Response(204)

    def parse_qr(self, req):
        body = parse_json_object(req.body)
        url = required_str(body, "url", 2048).strip()
        try:
            split = urllib.parse.urlsplit(url)
            host = (split.hostname or "").lower()
        except ValueError:
            split, host = None, ""
        match = QR_PATH.match(split.path) if split is not None else None
        if not (host == "greenflux.app" or host.endswith(".greenflux.app")) or match is None:
            return Response(200, {"valid": False, "id": None, "datasource": None, "operator": None,
                                  "locationId": None, "ocpiLocationId": None, "evseUid": None, "connectorId": None,
                                  "url": None, "embeddedUrl": url})
        qr = self.catalog.qr_for(match.group(3).lower())
        if qr is None:
            raise ApiError(404, "No charge point is known for this QR code.", code="QR_NOT_FOUND", field="url")
        return Response(200, copy.deepcopy(qr))

    # tariffs

    def _resolve_connector(self, location_id, evse_uid, connector_id):
        """(location, evse, connector) or a 404 naming what was not found."""
        location = self.catalog.locations.get(location_id)
        if location is None:
            raise ApiError(404, "Location not found.", code="NOT_FOUND", field="locationId")
        hit = self.catalog.evses.get(evse_uid)
        if hit is None or hit[0] != location_id:
            raise ApiError(404, "EVSE not found at this location.", code="NOT_FOUND", field="evseUid")
        evse = hit[1]
        connectors = evse.get("connectors", [])
        if connector_id is None:
            connector = connectors[0] if connectors else None
        else:
            connector = next((c for c in connectors if c.get("id") == connector_id), None)
        if connector is None:
            raise ApiError(404, "Connector not found on this EVSE.", code="NOT_FOUND", field="connectorId")
        return location, evse, connector

    def wallet_tariff(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        location, _, connector = self._resolve_connector(
            clean_id(req.params["locationId"], "locationId"), clean_id(req.params["evseUid"], "evseUid"),
            query_one(req.query, "connectorId"))
        tariff = self.catalog.tariff_for(connector)
        items = []
        with self.tx() as now:
            self._require_token(app_token)
            for row in self.store.payment_methods(app_token):
                method = self._method_json(row, now, location)
                if tariff is None:
                    validity = "NO_TARIFF_FOUND"
                elif method["verificationStatus"] == "PENDING":
                    validity = "UNKNOWN"  # which tariff applies depends on the card, not known yet
                elif method["verificationStatus"] == "INVALID":
                    validity = "NOT_COMPATIBLE"
                else:
                    validity = "VALID"
                item = {"tariff": copy.deepcopy(tariff)} if validity == "VALID" else {}
                item.update({"validity": validity, "paymentMethod": method})
                items.append(item)
        return Response(200, _list(items))

    def default_tariff(self, req):
        _, _, connector = self._resolve_connector(
            clean_id(req.params["locationId"], "locationId"), clean_id(req.params["evseUid"], "evseUid"),
            query_one(req.query, "connectorId"))
        tariff = self.catalog.tariff_for(connector)
        if tariff is None:
            raise ApiError(404, "No tariff was found for this connector; no session can be started on it.")
        return Response(200, {"tariff": copy.deepcopy(tariff), "validity": "VALID", "isDefaultTariff": True})

    # sessions

    def _owned_session(self, app_token, session_id):
        self._require_token(app_token, status=403)
        row = self.store.session(session_id)
        if row is None:
            raise ApiError(404, "Charge session not found.")
        if row["app_token"] != app_token:
            raise ApiError(403, "This charge session belongs to another appToken.")
        return row

    def start_session(self, req):
        app_token = query_one(req.query, "appToken", required=True)
        body = parse_json_object(req.body)
        location_id = required_str(body, "locationId")
        evse_uid = required_str(body, "evseUid")
        connector_id = optional_str(body, "connectorId")
        method_id = required_str(body, "paymentMethodId")
        ignore_availability = optional_bool(body, "ignoreEvseAvailablity")
        optional_bool(body, "isPinned")
        optional_str(body, "adhocPaymentMethodId")
        with self.tx() as now:
            self._require_token(app_token, status=403)
            location, evse, connector = self._resolve_connector(location_id, evse_uid, connector_id)
            method = self.store.payment_method(method_id)
            if method is None or method["app_token"] != app_token:
                # nothing can be sent to the charge point without a token to authorize with, so this is a
                # validation error, not a session the charge point rejects
                raise ApiError(400, "paymentMethodId: not a payment method in this appToken's wallet.",
                               code="PAYMENT_METHOD_NOT_FOUND", field="paymentMethodId")
            live = self.live_statuses(now)
            status = live.get(evse_uid, evse["status"])
            usable = status == "AVAILABLE" or (ignore_availability and status == "UNKNOWN")
            # Refusals by the charge point come back as a session that turns REJECTED: the backend
            # sends the remote start and learns the outcome asynchronously (StatusResponse.error).
            reject = None
            override = self.store.evse_override(evse_uid)
            if override["offline"] and not override["fault"] and ignore_availability:
                reject = "COMMAND_TIMED_OUT"  # the remote start is sent but no charger answers it
            elif evse.get("chargingNotAllowed") or not usable:
                reject = "EVSE_NOT_AVAILABLE"
            elif not self._group_allows(location_id, app_token):
                reject = "INVALID_TOKEN"  # a closed-loop charger authorizes only its group's tokens
            elif self._method_status(method, now) != "VALID":
                reject = "INVALID_TOKEN"
            session_id = str(uuid.uuid4())
            created = float(math.ceil(now))
            plug_at = None
            if reject is None:
                if override["car_waiting"]:
                    plug_at = created
                    self.store.set_evse_override(evse_uid, car_waiting=0)
                elif override["never_plug"]:
                    self.store.set_evse_override(evse_uid, never_plug=0)
                else:
                    plug_at = created + engine.PLUG_DELAY
            tariff = self.catalog.tariff_for(connector)
            self.store.add_session(
                id=session_id, app_token=app_token, location_id=location_id, evse_uid=evse_uid,
                connector_id=connector.get("id"), payment_method_id=method_id, created_at=created,
                reject_error=reject, plug_at=plug_at, car=engine.new_car(session_id), connector=connector,
                tariff=tariff, smart_hold=int(bool(location.get("smartChargingEnabled"))))
        return Response(200, {"chargeSessionId": session_id,
                              "nextStatusCall": iso_utc(self.clock.real_after(engine.POLL_SECONDS["REQUESTED"]), 3)})

    def session_status(self, req):
        app_token = query_one(req.query, "appToken", required=True)
        session_id = query_one(req.query, "chargeSessionId", required=True)
        max_points = query_int(req.query, "maxDataPoints", 15, 0, 1000)
        with self.tx() as now:
            row = self._owned_session(app_token, session_id)
            return Response(200, self.status_json(row, now, max_points))

    def stop_session(self, req):
        app_token = query_one(req.query, "appToken", required=True)
        body = parse_json_object(req.body)
        session_id = required_str(body, "chargeSessionId")
        with self.tx() as now:
            row = self._owned_session(app_token, session_id)
            self.end_session(row, now, "STOP")
            return Response(200, self.status_json(self.store.session(session_id), now, 15))

    def high_priority(self, req):
        """Overrides smart charging: a held session draws current now. APPROVED for a session that smart
        charging holds or may hold, DENIED where there is nothing to override (no smart charging, or over)."""
        app_token = query_one(req.query, "appToken")
        body = parse_json_object(req.body)
        session_id = required_str(body, "chargeSessionId")
        with self.tx() as now:
            if app_token is not None:
                if self.store.get_token(app_token) is None:
                    raise ApiError(404, TOKEN_NOT_FOUND)
            row = self.store.session(session_id)
            if row is None or (app_token is not None and row["app_token"] != app_token):
                raise ApiError(404, "Charge session not found.")
            facts = self.facts(row)[0]
            view = engine.evaluate(facts, now)
            ending = row["ended_at"] is not None or view.end is not None or view.final
            if not facts.smart_hold or ending or view.status not in ("REQUESTED", "STARTING", "CHARGING"):
                return Response(200, {"status": "DENIED"})
            if row["priority_at"] is None:
                self.store.update_session(session_id, priority_at=float(now))
        return Response(200, {"status": "APPROVED"})

    def service_status(self, req):
        with self.tx():
            self.store.get_token("")  # the state store answers: healthy
        return Response(200, None)

    def end_session(self, row, now, reason):
        """Records a stop, unplug or fault. A second stop changes nothing; a stop before charging
        cancels at once, a stop while charging ends it at the next whole second."""
        view = engine.evaluate(self.facts(row)[0], now)
        if row["ended_at"] is not None or view.end is not None or view.final:
            return view
        ended = now if view.charge_start is None else float(math.ceil(now))
        row = self.store.update_session(row["id"], ended_at=ended, end_reason=reason)
        return engine.evaluate(self.facts(row)[0], now)

    def _payment_summary(self, method):
        if method is None:
            return None
        return {"id": method["id"], "type": method["type"],
                "cardHint": card_hint(method["visual_number"]) if method["visual_number"] else None,
                "chargeCardVisualNumber": method["visual_number"], "externalPaymentMethodId": method["external_id"],
                "displayName": method["display_name"]}

    @staticmethod
    def _bill(facts, tariff, view):
        return price_session(tariff, engine.billing_periods(facts, view))

    def status_json(self, row, now, max_points):
        facts, tariff = self.facts(row)
        view = engine.evaluate(facts, now)
        location = self.catalog.locations.get(row["location_id"], {})
        zone = location.get("timeZone") or self.catalog.time_zone
        evse = self.catalog.evses.get(row["evse_uid"], (None, {}))[1]
        method = self.store.payment_method(row["payment_method_id"], include_deleted=True)
        started = view.charge_start is not None
        body = {
            "sessionId": row["id"],
            "appToken": row["app_token"],
            "externalSessionId": str(uuid.uuid5(SESSION_NAMESPACE, row["id"])) if started else None,
            "locationId": row["location_id"],
            "evseUid": row["evse_uid"],
            "connectorId": row["connector_id"],
            "authId": method["auth_id"] if method else None,
            "status": view.status,
            "canRateSession": False,
            "error": view.error,
            "errorMessage": view.error_message,
            "energyInKwh": None if view.energy_wh is None else view.energy_wh / 1000,
            "currentPowerInKw": None if view.power_kw is None else round(view.power_kw, 2),
            "totalCosts": None,
            "totalVat": None,
            "vatPercentage": None,
            "currency": (tariff or {}).get("currency") or "EUR",
            "startTime": iso_local(view.charge_start, zone) if started else None,
            "endTime": iso_local(view.end, zone) if view.end_visible else None,
            "nextStatusCall": iso_utc(self.clock.real_after(view.next_poll), 3),
            "usageSummary": None,
            "smartChargingEnabled": facts.smart_hold,
            "prioritySessionStatus": ("ON" if facts.priority_at is not None else "OFF") if facts.smart_hold
            else "NOT_APPLICABLE",
            "vidStatus": "VID_NOT_AVAILABLE",
            "paymentMethodId": row["payment_method_id"],
            "paymentMethod": self._payment_summary(method),
            "chargingNotAllowed": bool(evse.get("chargingNotAllowed")),
            "stateOfCharge": None if view.soc is None else round(view.soc * 100),
            "receiptNumber": None,
            "couponStatus": "NOT_APPLICABLE",
            "mileage": None,
            "startMethod": "APP",
            "location": self._session_location(location, facts.connector),
            "costBreakdown": None,
        }
        if started:
            points = engine.meter_points(facts, view, now, max_points)
            body["usageSummary"] = {
                "maxEnergyInKwh": max((p[1] for p in points), default=0) / 1000,
                "maxPowerInKw": round(max((p[2] for p in points), default=0.0), 2),
                "minEnergyInKwh": min((p[1] for p in points), default=0) / 1000,
                "minPowerInKw": round(min((p[2] for p in points), default=0.0), 2),
                "dataPoints": [{"timestamp": iso_utc(t), "energyInKwh": wh / 1000, "powerInKw": round(kw, 2),
                                "status": status, "stateOfCharge": round(soc * 100)}
                               for t, wh, kw, status, soc in points],
            }
        if view.costs_available and tariff is not None:
            bill = self._bill(facts, tariff, view)
            body["totalCosts"] = float(bill.total)
            body["totalVat"] = float(bill.total_vat)
            body["vatPercentage"] = None if bill.vat_percentage is None else float(bill.vat_percentage)
            body["currency"] = bill.currency
            body["receiptNumber"] = f"rec-{row['seq']:05d}"
            body["costBreakdown"] = breakdown_json(bill, iso_utc(view.charge_start))
        return body

    def _session_location(self, location, connector):
        if not location:
            return None
        branding = location.get("branding")
        return {
            "coordinates": copy.deepcopy(location.get("coordinates")),
            "name": location.get("name"), "address": location.get("address"), "city": location.get("city"),
            "country": location.get("country"), "timeZone": location.get("timeZone"),
            "powerType": connector.get("powerType"),
            "branding": None if not branding else {k: branding.get(k) for k in (
                "displayName", "logoUrl", "supportPhone", "supportEmail", "supportWebsite")},
        }

    def session_history(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        q = req.query
        wanted_id = query_one(q, "filter.chargeSessionId")
        wanted_statuses = query_list(q, "filter.sessionStatus")
        for status in wanted_statuses:
            if status not in SESSION_STATUSES:
                raise ApiError(400, f"filter.sessionStatus: unknown status {status}.")
        wanted_methods = set(query_list(q, "filter.paymentMethodIds"))
        method_type = query_one(q, "filter.paymentMethodType")
        if method_type not in (None, "CHARGE_CARD", "OTHER"):
            raise ApiError(400, "filter.paymentMethodType: must be CHARGE_CARD or OTHER.")
        sort_desc = query_bool(q, "sortDesc")
        times = {}
        for name in ("filter.dateTimeFrom", "filter.dateTimeTo"):
            text = query_one(q, name)
            if text is not None:
                try:
                    times[name] = parse_iso(text)
                except ValueError:
                    raise ApiError(400, f"{name}: not an ISO 8601 date-time.")
        with self.tx() as now:
            self._require_token(app_token)
            # the API's defaults: from the first of the current month up to now
            date_from = times.get("filter.dateTimeFrom", start_of_month(now, self.catalog.time_zone))
            date_to = times.get("filter.dateTimeTo", now + 1)
            items = []
            for row in self.store.sessions_for_token(app_token):
                if wanted_id is not None and row["id"] != wanted_id:
                    continue
                if wanted_methods and row["payment_method_id"] not in wanted_methods:
                    continue
                item = self._history_json(row, now)
                if not (date_from <= item["_start"] <= date_to):
                    continue
                if wanted_statuses and item["status"] not in wanted_statuses:
                    continue
                if method_type is not None:
                    is_card = (item["paymentMethod"] or {}).get("type") == "CHARGE_CARD"
                    if is_card != (method_type == "CHARGE_CARD"):
                        continue
                items.append(item)
        items.sort(key=lambda i: i["_start"], reverse=sort_desc is not False)
        for item in items:
            del item["_start"]
        return Response(200, _list(items))

    def session_history_v2(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        with self.tx():
            if self.store.get_token(app_token) is None:
                raise ApiError(404, TOKEN_NOT_FOUND)
        items = self.session_history(req).body["data"]
        out = []
        for item in items:
            location = item.pop("location") or {}
            item.pop("hasMoreDetails", None)
            evse_uid, connector_id = item.pop("evseUid"), item.pop("connectorId")
            item["paymentStatus"] = "External" if item["retailCostInclVat"] is not None else None
            item["co2Saved"] = None
            connector = {"powerType": self._power_type(location, evse_uid, connector_id)}
            summary = self._session_location(location, connector) or {}
            item["locationSummary"] = {"locationId": location.get("id"), "evseUid": evse_uid,
                                       "connectorId": connector_id, **summary}
            out.append(item)
        return Response(200, _list(out))

    def _power_type(self, location, evse_uid, connector_id):
        for evse in location.get("evses", []):
            if evse["uid"] == evse_uid:
                for connector in evse.get("connectors", []):
                    if connector.get("id") == connector_id:
                        return connector.get("powerType")
        return None

    def _history_json(self, row, now):
        facts, tariff = self.facts(row)
        view = engine.evaluate(facts, now)
        location = self.catalog.locations.get(row["location_id"])
        zone = (location or {}).get("timeZone") or self.catalog.time_zone
        method = self.store.payment_method(row["payment_method_id"], include_deleted=True)
        start = view.charge_start if view.charge_start is not None else row["created_at"]
        item = {
            "chargeSessionId": row["id"],
            "status": view.status,
            "location": copy.deepcopy(location),
            "evseUid": row["evse_uid"],
            "connectorId": row["connector_id"],
            "paymentMethod": self._method_json(method, now) if method else None,
            "startTime": iso_local(start, zone),
            "endTime": iso_local(view.end, zone) if view.end_visible else None,
            "retailCostInclVat": None,
            "currency": (tariff or {}).get("currency") or "EUR",
            "energyInKwh": (view.energy_wh or 0) / 1000,
            "vatAmount": None,
            "vatPercentage": None,
            "prioritySessionEnabled": facts.priority_at is not None,
            "hasMoreDetails": True,
            "paymentConfirmationTime": None,
            "vidStatus": "VID_NOT_AVAILABLE",
            "_start": start,
        }
        if view.costs_available and tariff is not None:
            bill = self._bill(facts, tariff, view)
            item["retailCostInclVat"] = float(bill.total)
            item["vatAmount"] = float(bill.total_vat)
            item["vatPercentage"] = None if bill.vat_percentage is None else float(bill.vat_percentage)
        return item
