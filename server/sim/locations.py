"""The simulator's location endpoints (v1 and v2.1): bounding box (full and minimal), nearby, search, one
location or EVSE, live availability, favorites and private locations, with the API's filters and paging."""
import base64
import copy
import hashlib
import heapq
import json
import math

from ..web import (ApiError, Response, clean_id, optional_str, parse_json_object, query_bool, query_float,
                   query_int, query_list, query_one)
from . import evse_summary
from .clock import iso_utc

BBOX_MAX_RESULTS = 50          # "maximum results: 50", whatever pageSize asks for
MINIMAL_PAGE = (500, 1000)     # boundingbox-minimal: default and largest page (map clustering wants many)
NEARBY_KM = 50                 # "Look up distance: 50 km"
NEARBY_MAX = 25                # "maximum results: 25"
SEARCH_PAGE = (25, 100)        # search: pageSize default 25, 1..100
AVAILABILITY_MAX_IDS = 20
NOT_COUNTED = ("UNKNOWN", "REMOVED", "PLANNED")  # the seed counts 3 of Marga's 4 EVSEs, one being UNKNOWN
CONNECTOR_STANDARDS = {
    "CHADEMO", "DOMESTIC_A", "DOMESTIC_B", "DOMESTIC_C", "DOMESTIC_D", "DOMESTIC_E", "DOMESTIC_F", "DOMESTIC_G",
    "DOMESTIC_H", "DOMESTIC_I", "DOMESTIC_J", "DOMESTIC_K", "DOMESTIC_L", "IEC_60309_2_single_16",
    "IEC_60309_2_three_16", "IEC_60309_2_three_32", "IEC_60309_2_three_64", "IEC_62196_T1", "IEC_62196_T1_COMBO",
    "IEC_62196_T2", "IEC_62196_T2_COMBO", "IEC_62196_T3A", "IEC_62196_T3C", "TESLA_R", "TESLA_S",
    "PANTOGRAPH_BOTTOM_UP", "PANTOGRAPH_TOP_DOWN"}
BRANDING_FIELDS = ("id", "displayName", "primaryColorHex", "logoUrl", "supportPhone", "supportEmail", "supportWebsite")
PRIVATE_LOCATION = "This location is private: pass filter.appToken of a driver who has access to it."


def _digest(text, n):
    return hashlib.sha256(text.encode()).hexdigest()[:n]


def distance_km(lat1, lng1, lat2, lng2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def is_private(location):
    return bool(location.get("isPrivateLocation"))


def is_restricted(location):
    """Semi-public: every EVSE has restricted access (shown only with filter.restrictedAccess=true)."""
    evses = location.get("evses") or []
    return bool(evses) and all(e.get("restrictedAccess") for e in evses)


class LocationApi:
    """Mixed into the Simulator, which provides catalog, store, tx(), live_statuses() and _require_token()."""

    # building blocks

    def _count(self, location, live):
        available = total = 0
        for evse in location.get("evses", []):
            status = live.get(evse["uid"], evse["status"])
            available += status == "AVAILABLE"
            total += status not in NOT_COUNTED
        return available, total

    def _summary_json(self, loc_id, live, display_name=None):
        available, total = self._count(self.catalog.locations[loc_id], live)
        body = {}
        for key, value in self.catalog.summaries[loc_id].items():
            body[key] = value
            if key == "lng":
                body["conAvail"], body["conTot"] = available, total
        if display_name:
            body["displayName"] = display_name
        parts = self.catalog.evse_summaries.get(loc_id)
        if parts is None:
            parts = self.catalog.evse_summaries[loc_id] = evse_summary.templates(self.catalog.locations[loc_id])
        if parts:
            body["evses"] = evse_summary.render(parts, live)
        return body

    def _location_json(self, loc_id, live, only_evse=None, display_name=None):
        body = copy.deepcopy(self.catalog.locations[loc_id])
        if only_evse is not None:
            body["evses"] = [e for e in body.get("evses", []) if e["uid"] == only_evse]
        for evse in body.get("evses", []):
            evse["status"] = live.get(evse["uid"], evse["status"])
        if display_name:
            body["displayName"] = display_name
        return body

    def _min_json(self, loc_id, live):
        loc = self.catalog.locations[loc_id]
        available, total = self._count(loc, live)
        c = loc["coordinates"]
        return {"lat": c["latitude"], "lon": c["longitude"], "locationId": loc_id, "evsesCount": total,
                "evsesAvailableCount": available}

    def _connector_filter(self, query):
        power_type = query_one(query, "filter.powerType")
        if power_type is not None and power_type not in ("AC", "DC"):
            raise ApiError(400, "filter.powerType: must be AC or DC.", code="INVALID_VALUE", field="filter.powerType")
        # connectorTypes overrides connectorType (openapi.json)
        standards = query_list(query, "filter.connectorTypes") or query_list(query, "filter.connectorType")
        unknown = [s for s in standards if s not in CONNECTOR_STANDARDS]
        if unknown:
            raise ApiError(400, f"filter.connectorTypes: unknown connector type {unknown[0]}.",
                           code="INVALID_VALUE", field="filter.connectorTypes")
        min_kw = query_int(query, "filter.minKw", lo=0, hi=10000)
        max_kw = query_int(query, "filter.maxKw", lo=0, hi=10000)
        if power_type is None and not standards and min_kw is None and max_kw is None:
            return None

        def accepts(connector):
            kind = "DC" if connector.get("powerType") == "DC" else "AC"
            kw = connector.get("kw") or 0
            return ((power_type is None or kind == power_type)
                    and (not standards or connector.get("standard") in standards)
                    and (min_kw is None or kw >= min_kw) and (max_kw is None or kw <= max_kw))
        return accepts

    def _viewer(self, query):
        """The registered appToken of filter.appToken, or None (unknown tokens see only public places)."""
        token = query_one(query, "filter.appToken")
        if token is None:
            return None
        return token if self.store.get_token(token) is not None else None

    def _group_allows(self, loc_id, token):
        """Closed-loop chargers of a group (a hotel's) are for the group's tokens only; call inside a tx."""
        group = self.catalog.private_groups.get(loc_id)
        return group is None or (token is not None and group in self.store.token_groups(token))

    def _group_allows_now(self, loc_id, token):
        if loc_id not in self.catalog.private_groups:
            return True
        with self.tx():
            return self._group_allows(loc_id, token)

    def _location_filter(self, query):
        """A function (loc_id, live, viewer, favorites) -> bool for the filter.* parameters. Validates
        them up front, so a bad filter is a 400 before anything is read."""
        only_available = query_bool(query, "filter.isAvailable")
        only_favorites = query_bool(query, "filter.isFavorite")
        direct_pay = query_bool(query, "filter.directPayEnabled")
        with_restricted = query_bool(query, "filter.restrictedAccess")
        country = query_one(query, "filter.country")
        evse_uid = query_one(query, "filter.evseUid")
        connector_ok = self._connector_filter(query)
        catalog = self.catalog

        plain = not (only_available or only_favorites or direct_pay or country or evse_uid or connector_ok)
        hidden = catalog.hidden

        def keep(loc_id, live, viewer, favorites):
            if loc_id in catalog.private_groups:
                # a closed group's chargers (a hotel's): its members see them, nobody else does
                if not self._group_allows_now(loc_id, viewer):
                    return False
            elif loc_id in hidden:
                loc = catalog.locations[loc_id]
                if is_private(loc) and viewer is None:
                    return False
                if is_restricted(loc) and not with_restricted:
                    return False
            if plain:
                return True
            loc = catalog.locations[loc_id]
            if only_favorites and loc_id not in favorites:
                return False
            if direct_pay and not loc.get("dp"):
                return False
            if country and loc.get("country") != country:
                return False
            if evse_uid and not any(e["uid"] == evse_uid for e in loc.get("evses", [])):
                return False
            if connector_ok and not any(connector_ok(c) for e in loc.get("evses", []) for c in e.get("connectors", [])):
                return False
            if only_available and self._count(loc, live)[0] == 0:
                return False
            return True
        return keep

    def _context(self, query):
        """(live statuses, viewer token, favorite ids) at this moment."""
        with self.tx() as now:
            live = self.live_statuses(now)
            viewer = self._viewer(query)
            favorites = {r["location_id"] for r in self.store.favorites(viewer)} if viewer else set()
        return live, viewer, favorites

    def _window(self, req, default_size, max_size, cap=None):
        """(offset, page size, fingerprint) from pageSize and the continuationToken request header."""
        q = req.query
        page_size = query_int(q, "pageSize", default_size, 1, max_size)
        if cap is not None:
            page_size = min(page_size, cap)
        fingerprint = _digest(req.path + json.dumps(sorted((k, v) for k, v in q.items())), 16)
        offset = 0
        token = req.headers.get("continuationToken")
        if token:
            offset = self._decode_continuation(token, fingerprint)
        return offset, page_size, fingerprint

    def _page(self, req, ids, default_size, max_size, cap=None, window=None, total=None):
        """(ids of this page, meta). `ids` must be in order at least up to the end of the page;
        `total` is the full count when `ids` is only that ordered prefix."""
        offset, page_size, fingerprint = window or self._window(req, default_size, max_size, cap)
        total = len(ids) if total is None else total
        page = ids[offset:offset + page_size]
        meta = {"count": len(page), "hasMoreData": offset + page_size < total}
        if meta["hasMoreData"]:
            meta["continuationToken"] = self._encode_continuation(fingerprint, offset + page_size)
        return page, meta

    @staticmethod
    def _encode_continuation(fingerprint, offset):
        return base64.urlsafe_b64encode(json.dumps({"q": fingerprint, "o": offset}).encode()).decode()

    @staticmethod
    def _decode_continuation(token, fingerprint):
        try:
            data = json.loads(base64.urlsafe_b64decode(token.encode("ascii")))
            offset = data["o"]
            if data["q"] != fingerprint or not isinstance(offset, int) or offset < 0:
                raise ValueError
        except (ValueError, KeyError, TypeError, UnicodeError, json.JSONDecodeError):
            raise ApiError(400, "continuationToken does not belong to this query.",
                           code="INVALID_CONTINUATION_TOKEN", field="continuationToken")
        return offset

    def _render(self, ids, live, full, favorites_names=None):
        names = favorites_names or {}
        if full:
            return [self._location_json(i, live, display_name=names.get(i)) for i in ids]
        out, branded = [], set()
        for loc_id in ids:
            body = self._summary_json(loc_id, live, names.get(loc_id))
            # As the walkthrough's bounding box shows: an operator's branding in full the first time a
            # list mentions it, then only its brandingId.
            if "branding" in body:
                branded.add(body["branding"].get("id"))
            elif body.get("brandingId") and body["brandingId"] not in branded:
                branding = self.catalog.locations[loc_id].get("branding")
                if branding:
                    body["branding"] = {k: v for k, v in branding.items() if k in BRANDING_FIELDS and v is not None}
                    branded.add(body["brandingId"])
            out.append(body)
        return out

    @staticmethod
    def _envelope(points):
        if not points:
            return None
        lats = [p[0] for p in points]
        lngs = [p[1] for p in points]
        return {"bottomLeftLat": min(lats), "bottomLeftLng": min(lngs), "topRightLat": max(lats),
                "topRightLng": max(lngs)}

    # bounding box

    def _box(self, q):
        bottom = query_float(q, "bottomLeftLat", True, -90, 90)
        left = query_float(q, "bottomLeftLng", True, -180, 180)
        top = query_float(q, "topRightLat", True, -90, 90)
        right = query_float(q, "topRightLng", True, -180, 180)
        if bottom > top or left > right:
            raise ApiError(400, "The bottom-left corner must be south-west of the top-right corner.",
                           code="INVALID_BOUNDING_BOX", field="boundingBox")
        return bottom, left, top, right

    def _box_page(self, req, default_size, max_size, cap=None):
        """(page ids, meta, live, box): matches in priority order, sorting only as far as the page needs
        (a country-wide box holds thousands; a page is 50)."""
        q = req.query
        bottom, left, top, right = self._box(q)
        user_lat = query_float(q, "userLatitude", False, -90, 90)
        user_lng = query_float(q, "userLongitude", False, -180, 180)
        keep = self._location_filter(q)
        window = self._window(req, default_size, max_size, cap)
        live, viewer, favorites = self._context(q)
        if user_lat is not None and user_lng is not None:
            c_lat, c_lng = user_lat, user_lng
        else:
            c_lat, c_lng = (bottom + top) / 2, (left + right) / 2
        scale = math.cos(math.radians(c_lat))
        can_start = self.catalog.can_start
        keyed = []
        for lat, lng, loc_id in self.catalog.index.query_points(bottom, left, top, right):
            if keep(loc_id, live, viewer, favorites):
                dy, dx = lat - c_lat, (lng - c_lng) * scale
                keyed.append((not can_start[loc_id], dy * dy + dx * dx, loc_id))
        needed = window[0] + window[1] + 1
        ordered = heapq.nsmallest(needed, keyed) if needed * 4 < len(keyed) else sorted(keyed)
        page, meta = self._page(req, [k[2] for k in ordered], 0, 0, window=window, total=len(keyed))
        box = {"bottomLeftLat": bottom, "bottomLeftLng": left, "topRightLat": top, "topRightLng": right}
        return page, meta, live, box

    def bounding_box(self, req, full=False):
        page, meta, live, box = self._box_page(req, BBOX_MAX_RESULTS, 100, cap=BBOX_MAX_RESULTS)
        return Response(200, {"boundingBox": box, "data": self._render(page, live, full), "meta": meta})

    def bounding_box_v2(self, req):
        return self.bounding_box(req, full=True)

    def bounding_box_minimal(self, req):
        page, meta, live, box = self._box_page(req, *MINIMAL_PAGE)
        return Response(200, {"boundingBox": box, "data": [self._min_json(i, live) for i in page], "meta": meta})

    # nearby and search

    def nearby(self, req, full=False):
        q = req.query
        lat = query_float(q, "latitude", True, -90, 90)
        lng = query_float(q, "longitude", True, -180, 180)
        keep = self._location_filter(q)
        limit = query_int(q, "pageSize", NEARBY_MAX, 1, 100) if full else NEARBY_MAX
        dlat = NEARBY_KM / 111.0
        dlng = NEARBY_KM / (111.0 * max(0.01, math.cos(math.radians(lat))))
        live, viewer, favorites = self._context(q)
        found = []
        for loc_id in self.catalog.index.query(max(-90, lat - dlat), max(-180, lng - dlng), min(90, lat + dlat),
                                               min(180, lng + dlng)):
            c = self.catalog.locations[loc_id]["coordinates"]
            km = distance_km(lat, lng, c["latitude"], c["longitude"])
            if km <= NEARBY_KM and keep(loc_id, live, viewer, favorites):
                found.append((not self.catalog.can_start[loc_id], km, loc_id))
        found.sort()
        ids = [f[2] for f in found[:limit]]
        box = {"bottomLeftLat": lat - dlat, "bottomLeftLng": lng - dlng, "topRightLat": lat + dlat,
               "topRightLng": lng + dlng}
        return Response(200, {"boundingBox": box, "data": self._render(ids, live, full),
                              "meta": {"count": len(ids), "hasMoreData": len(found) > limit}})

    def nearby_v2(self, req):
        return self.nearby(req, full=True)

    def _search_text(self, loc_id):
        texts = self.catalog.search_texts
        text = texts.get(loc_id)
        if text is None:
            loc = self.catalog.locations[loc_id]
            parts = [loc.get("name"), loc.get("address"), loc.get("city"), loc.get("postalCode"),
                     (loc.get("operator") or {}).get("name")]
            text = texts[loc_id] = " | ".join(p for p in parts if p).casefold()
        return text

    def search(self, req, full=False):
        q = req.query
        text = query_one(q, "q", required=not full)
        if text is not None and len(text) > 200:
            raise ApiError(400, "q: must be at most 200 characters.", code="TOO_LONG", field="q")
        user_lat = query_float(q, "userLatitude", False, -90, 90)
        user_lng = query_float(q, "userLongitude", False, -180, 180)
        keep = self._location_filter(q)
        query_int(q, "pageSize", None, 1, SEARCH_PAGE[1])
        words = (text or "").casefold().split()
        live, viewer, favorites = self._context(q)
        hits = []
        for loc_id in self.catalog.locations:
            haystack = self._search_text(loc_id)
            if all(w in haystack for w in words) and keep(loc_id, live, viewer, favorites):
                name = (self.catalog.locations[loc_id].get("name") or "").casefold()
                # names that start with the query first, then by distance to the user, then by name
                rank = 0 if words and name.startswith(words[0]) else 1
                if user_lat is not None and user_lng is not None:
                    c = self.catalog.locations[loc_id]["coordinates"]
                    hits.append((rank, distance_km(user_lat, user_lng, c["latitude"], c["longitude"]), name, loc_id))
                else:
                    hits.append((rank, 0.0, name, loc_id))
        hits.sort()
        ids = [h[3] for h in hits]
        page, meta = self._page(req, ids, *SEARCH_PAGE)
        points = [(self.catalog.locations[i]["coordinates"]["latitude"],
                   self.catalog.locations[i]["coordinates"]["longitude"]) for i in page]
        body = {"data": self._render(page, live, full), "meta": meta}
        envelope = self._envelope(points)
        if envelope:
            body = {"boundingBox": envelope, **body}
        return Response(200, body)

    def search_v2(self, req):
        return self.search(req, full=True)

    # one location

    def _visible(self, loc_id, query):
        """403 for a private location the caller may not see (a closed group's only to its members)."""
        private = is_private(self.catalog.locations[loc_id])
        if not private and loc_id not in self.catalog.private_groups:
            return
        with self.tx():
            viewer = self._viewer(query)
            if loc_id in self.catalog.private_groups:
                # a closed group's charger does not exist for outsiders (a hotel's garage stays unlisted)
                if not self._group_allows(loc_id, viewer):
                    raise ApiError(404, "Location not found.")
            elif viewer is None:
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
            loc = self.catalog.locations.get(loc_id)
            if loc is None or is_private(loc):
                continue  # unknown (or not public) ids are left out, as for a list filter
            evses = [{"uid": e["uid"], "evseId": e.get("evseId"), "status": live.get(e["uid"], e["status"]),
                      "parkingRestrictions": list(e.get("parkingRestrictions") or []),
                      "restrictedAccess": bool(e.get("restrictedAccess")), "lu": stamp}
                     for e in loc.get("evses", [])]
            data.append({"id": loc_id, "evses": evses, "lu": stamp})
        return Response(200, {"data": data})

    # favorites

    def favorite_locations(self, req, filtered=False):
        app_token = clean_id(req.params["appToken"], "appToken")
        q = req.query
        user_lat = query_float(q, "userLatitude", False, -90, 90)
        user_lng = query_float(q, "userLongitude", False, -180, 180)
        keep = self._location_filter(q) if filtered else None
        with self.tx() as now:
            self._require_token(app_token)
            live = self.live_statuses(now)
            rows = [r for r in self.store.favorites(app_token) if r["location_id"] in self.catalog.locations]
        names = {r["location_id"]: r["display_name"] for r in rows}
        ids = [r["location_id"] for r in rows]
        if keep is not None:
            ids = [i for i in ids if keep(i, live, app_token, set(names))]
        if user_lat is not None and user_lng is not None:
            def by_distance(loc_id):
                c = self.catalog.locations[loc_id]["coordinates"]
                return distance_km(user_lat, user_lng, c["latitude"], c["longitude"])
            ids.sort(key=by_distance)
        points = [(self.catalog.locations[i]["coordinates"]["latitude"],
                   self.catalog.locations[i]["coordinates"]["longitude"]) for i in ids]
        body = {"data": self._render(ids, live, False, names), "meta": {"count": len(ids), "hasMoreData": False}}
        envelope = self._envelope(points)
        if envelope:
            body = {"boundingBox": envelope, **body}
        return Response(200, body)

    def favorite_locations_v2(self, req):
        return self.favorite_locations(req, filtered=True)

    def add_favorite(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        loc_id = clean_id(req.params["id"], "id")
        display_name = None
        if req.body.strip():
            display_name = optional_str(parse_json_object(req.body), "displayName", 100)
        if loc_id not in self.catalog.locations:
            raise ApiError(404, "Location not found.")
        with self.tx() as now:
            self._require_token(app_token)  # a registered driver may see private places, so may keep them
            self.store.put_favorite(app_token, loc_id, display_name, now)
        return Response(204)

    def delete_favorite(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        loc_id = clean_id(req.params["id"], "id")
        with self.tx():
            self._require_token(app_token)
            if not self.store.delete_favorite(app_token, loc_id):
                raise ApiError(404, "This location is not one of the driver's favorites.")
        return Response(204)

    # private locations

    def private_locations(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        with self.tx() as now:
            self._require_token(app_token)
            live = self.live_statuses(now)
        ids = [i for i in self.catalog.private_ids if self._group_allows_now(i, app_token)]
        page, meta = self._page(req, ids, *SEARCH_PAGE)
        return Response(200, {"data": self._render(page, live, True), "meta": meta})
