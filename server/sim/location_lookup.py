"""The simulator's lookups of one place (v1 and v2.1): a location, the location of an EVSE, a QR code's
charge point (POST /qr), and the live availability of a few locations."""
import copy
import re
import urllib.parse

from ..web import ApiError, Response, clean_id, parse_json_object, query_one, required_str
from .clock import iso_utc
from .locations import LocationApi, is_private

QR_PATH = re.compile(r"^/qr/([^/]+)/([^/]+)/([^/]+)/?$")
AVAILABILITY_MAX_IDS = 20
PRIVATE_LOCATION = "This location is private: pass filter.appToken of a driver who has access to it."


class LocationLookupApi(LocationApi):
    """One location or EVSE, a QR code's charge point, live availability."""

    # one location

    def _visible(self, loc_id, query):
        """403 for a private location the caller may not see (a closed group's only to its members)."""
        private = is_private(self.catalog.locations[loc_id])
        if not private and loc_id not in self.catalog.private_groups:
            return
        with self.tx():
            viewer = self._viewer(query)
            if self._location_for(loc_id, viewer) is None:
                raise ApiError(404, "Location not found.")
            if viewer is None:
                raise ApiError(403, PRIVATE_LOCATION)

    def location(self, req):
        loc_id = clean_id(req.params["id"], "id")
        evse_filter = query_one(req.query, "filter.evseUid")
        if loc_id not in self.catalog.locations:
            raise ApiError(404, "Location not found.")
        self._visible(loc_id, req.query)
        with self.tx() as now:
            live = self.live_statuses(now)
        return Response(200, self._location_json(loc_id, live, evse_filter))

    def location_by_evse(self, req):
        key = clean_id(req.params["evseUid"], "evseUid")
        hit = self.catalog.find_evse(key)
        if hit is None:
            raise ApiError(404, "EVSE not found.")
        loc_id, evse = hit
        self._visible(loc_id, req.query)
        with self.tx() as now:
            live = self.live_statuses(now)
        # the location with just the EVSE asked for, so a typed EVSE id leads to one charge point
        return Response(200, self._location_json(loc_id, live, evse["uid"]))

    # live availability

    def availability(self, req):
        def bad(message):
            # this endpoint's 400 is ASP.NET's BadRequestObjectResult, with the validation inside `value`
            return ApiError(400, message, body={
                "value": {"validationMessages": [{"code": "INVALID", "message": message}], "message": message,
                          "developerMessage": message},
                "formatters": [], "contentTypes": [], "declaredType": None, "statusCode": 400})
        try:
            body = parse_json_object(req.body)
        except ApiError as err:
            raise bad(err.message)
        ids = body.get("locationIds")
        if not isinstance(ids, list) or not 1 <= len(ids) <= AVAILABILITY_MAX_IDS:
            raise bad(f"locationIds: give 1 to {AVAILABILITY_MAX_IDS} location ids.")
        if not all(isinstance(i, str) and 0 < len(i) <= 256 for i in ids):
            raise bad("locationIds: every location id must be a non-empty string.")
        with self.tx() as now:
            live = self.live_statuses(now)
        stamp = iso_utc(now, 3)
        data = []
        for loc_id in dict.fromkeys(ids):  # once each, in the order asked
            loc = self._location_for(loc_id, None)  # no tx needed: without a token no group is asked
            if loc is None or is_private(loc):
                continue  # unknown (or not public) ids are left out, as for a list filter
            evses = [{"uid": e["uid"], "evseId": e.get("evseId"), "status": live.get(e["uid"], e["status"]),
                      "parkingRestrictions": list(e.get("parkingRestrictions") or []),
                      "restrictedAccess": bool(e.get("restrictedAccess")), "lu": stamp}
                     for e in loc.get("evses", [])]
            data.append({"id": loc_id, "evses": evses, "lu": stamp})
        return Response(200, {"data": data})

    # QR codes

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
        if qr is not None and self._location_for(qr["locationId"], None) is None:
            qr = None  # a closed group's charger: its sticker is read by the group's app, not the public's
        if qr is None:
            raise ApiError(404, "No charge point is known for this QR code.", code="QR_NOT_FOUND", field="url")
        return Response(200, copy.deepcopy(qr))
