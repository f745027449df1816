"""The simulator's tariff endpoints (/tariff/...): the tariff of a connector per payment method in the
wallet, and the default tariff without a token."""
import copy

from ..web import ApiError, Response, clean_id, query_one
from .replies import listed


class TariffApi:
    """Mixed into the Simulator, which provides catalog, store, tx(), _require_token(), _method_json() and
    _location_for()."""

    def _resolve_connector(self, location_id, evse_uid, connector_id, token):
        """(location, evse, connector) for the caller with this appToken (or None), or a 404 naming what
        was not found (a closed group's charger is not found by outsiders); call inside a tx."""
        location = self._location_for(location_id, token)
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
        location_id = clean_id(req.params["locationId"], "locationId")
        evse_uid = clean_id(req.params["evseUid"], "evseUid")
        connector_id = query_one(req.query, "connectorId")
        items = []
        with self.tx() as now:
            self._require_token(app_token)
            location, _, connector = self._resolve_connector(location_id, evse_uid, connector_id, app_token)
            tariff = self.catalog.tariff_for(connector)
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
        return Response(200, listed(items))

    def default_tariff(self, req):
        location_id = clean_id(req.params["locationId"], "locationId")
        evse_uid = clean_id(req.params["evseUid"], "evseUid")
        connector_id = query_one(req.query, "connectorId")
        with self.tx():
            _, _, connector = self._resolve_connector(location_id, evse_uid, connector_id, None)
        tariff = self.catalog.tariff_for(connector)
        if tariff is None:
            raise ApiError(404, "No tariff was found for this connector; no session can be started on it.")
        return Response(200, {"tariff": copy.deepcopy(tariff), "validity": "VALID", "isDefaultTariff": True})
