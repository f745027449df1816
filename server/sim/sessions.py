"""The simulator's charge sessions (/session/...): start with the charge point's refusals, status with meter
values and costs once the CDR is in, stop, and the high-priority override of smart charging."""
import copy
import math
import uuid

from ..pricing import breakdown_json, price_session
from ..web import ApiError, Response, optional_bool, optional_str, parse_json_object, query_int, query_one, required_str
from . import session_engine as engine
from .clock import iso_local, iso_utc
from .tokens import TOKEN_NOT_FOUND
from .wallet import card_hint

SESSION_NAMESPACE = uuid.UUID("5b0b6a0e-3f0c-4a57-9a51-6d2f1c1f6f2e")


class SessionApi:
    """Mixed into the Simulator, which provides catalog, store, clock, tx(), facts(), live_statuses(),
    _require_token(), _method_status(), _resolve_connector() and _location_for()."""

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
            location, evse, connector = self._resolve_connector(location_id, evse_uid, connector_id, app_token)
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
            elif self._method_status(method, now) != "VALID":
                reject = "INVALID_TOKEN"
            elif not self._method_accepted(method, location):
                reject = "INVALID_TOKEN"  # the location does not take this kind of payment method (pms)
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
        # only the session's own driver: a session id alone (the charger controls once showed it) is no key
        app_token = query_one(req.query, "appToken", required=True)
        body = parse_json_object(req.body)
        session_id = required_str(body, "chargeSessionId")
        with self.tx() as now:
            if self.store.get_token(app_token) is None:
                raise ApiError(404, TOKEN_NOT_FOUND)
            row = self.store.session(session_id)
            if row is None or row["app_token"] != app_token:
                raise ApiError(404, "Charge session not found.")
            facts = self.facts(row)[0]
            view = engine.evaluate(facts, now)
            ending = row["ended_at"] is not None or view.end is not None or view.final
            if not facts.smart_hold or ending or view.status not in ("REQUESTED", "STARTING", "CHARGING"):
                return Response(200, {"status": "DENIED"})
            if row["priority_at"] is None:
                self.store.update_session(session_id, priority_at=float(now))
        return Response(200, {"status": "APPROVED"})

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
        shown = self._location_for(row["location_id"], row["app_token"]) or {}
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
            "location": self._session_location(shown, facts.connector),
            "costBreakdown": None,
        }
        if view.connected:
            # meter values before the start: a car on the cable, drawing nothing (waiting for authorization)
            body["energyInKwh"], body["currentPowerInKw"] = 0.0, 0.0
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
