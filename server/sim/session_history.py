"""The simulator's session history (/token/{appToken}/sessions, v1 and v2.1): a driver's sessions with the
API's filters and defaults, costs once the CDR is in."""
import copy

from ..web import ApiError, Response, clean_id, query_bool, query_list, query_one
from . import session_engine as engine
from .clock import iso_local, parse_iso, start_of_month
from .replies import listed
from .tokens import TOKEN_NOT_FOUND

SESSION_STATUSES = ("REQUESTED", "REJECTED", "STARTING", "CHARGING", "STOPPING", "COMPLETED", "CDR_AVAILABLE",
                    "PARKING", "TIMEOUT", "CANCELLED", "ERROR")


class SessionHistoryApi:
    """Mixed into the Simulator, which provides catalog, store, tx(), facts(), _require_token(), _method_json(),
    _bill(), _session_location() and _location_for()."""

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
        return Response(200, listed(items))

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
        return Response(200, listed(out))

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
        shown = self._location_for(row["location_id"], row["app_token"])
        method = self.store.payment_method(row["payment_method_id"], include_deleted=True)
        start = view.charge_start if view.charge_start is not None else row["created_at"]
        item = {
            "chargeSessionId": row["id"],
            "status": view.status,
            "location": copy.deepcopy(shown),
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
