"""The building blocks of the simulator's location endpoints (v1 and v2.1): counts, summaries and full
bodies, the API's filter.* parameters, paging with continuation tokens (in full, or for the location
searches as --paging says: paging.py), and who may see a private place.
The endpoints are in location_search (bounding box, nearby, search), location_lookup (one location or
EVSE, QR codes, live availability) and favorites (favorites and private locations)."""
import base64
import copy
import json
import math

from ..web import ApiError, query_bool, query_int, query_list, query_one
from . import evse_summary, paging
from .replies import digest

SEARCH_PAGE = (25, 100)        # search: pageSize default 25, 1..100
NOT_COUNTED = ("UNKNOWN", "REMOVED", "PLANNED")  # the seed counts 3 of Marga's 4 EVSEs, one being UNKNOWN
CONNECTOR_STANDARDS = {
    "CHADEMO", "DOMESTIC_A", "DOMESTIC_B", "DOMESTIC_C", "DOMESTIC_D", "DOMESTIC_E", "DOMESTIC_F", "DOMESTIC_G",
    "DOMESTIC_H", "DOMESTIC_I", "DOMESTIC_J", "DOMESTIC_K", "DOMESTIC_L", "IEC_60309_2_single_16",
    "IEC_60309_2_three_16", "IEC_60309_2_three_32", "IEC_60309_2_three_64", "IEC_62196_T1", "IEC_62196_T1_COMBO",
    "IEC_62196_T2", "IEC_62196_T2_COMBO", "IEC_62196_T3A", "IEC_62196_T3C", "TESLA_R", "TESLA_S",
    "PANTOGRAPH_BOTTOM_UP", "PANTOGRAPH_TOP_DOWN"}
BRANDING_FIELDS = ("id", "displayName", "primaryColorHex", "logoUrl", "supportPhone", "supportEmail", "supportWebsite")


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
    """What the location endpoints share. Their mixins are put together in the Simulator, which provides
    catalog, store, tx(), live_statuses() and _require_token()."""

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

    def _location_for(self, loc_id, token):
        """The location if it exists for this caller (its appToken or None), else None. A closed group's
        charger (a hotel's) does not exist for anyone outside the group, on every endpoint that could show
        it or confirm it is there: lookups, tariffs, wallet compatibility, starts, favourites, session
        history, availability, QR codes. The one place that rule is applied; call inside a tx."""
        location = self.catalog.locations.get(loc_id)
        if location is None or not self._group_allows(loc_id, token):
            return None
        return location

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

    def _window(self, req, default_size, max_size, cap=None, search=False):
        """(offset, page size, fingerprint) from pageSize and the continuationToken request header; the
        offset is paging.END past the last page. A location search (`search`) pages as --paging says,
        other lists always in full."""
        q = req.query
        page_size = query_int(q, "pageSize", default_size, 1, max_size)
        if cap is not None:
            page_size = min(page_size, cap)
        fingerprint = digest(req.path + json.dumps(sorted((k, v) for k, v in q.items())), 16)
        offset = paging.start_of(self.paging if search else paging.FULL, req.headers.get("continuationToken"),
                                 lambda token: self._decode_continuation(token, fingerprint))
        return offset, page_size, fingerprint

    def _page(self, req, ids, default_size, max_size, cap=None, window=None, total=None, search=False):
        """(ids of this page, meta). `ids` must be in order at least up to the end of the page;
        `total` is the full count when `ids` is only that ordered prefix."""
        offset, page_size, fingerprint = window or self._window(req, default_size, max_size, cap, search)
        if offset == paging.END:
            return [], {"count": 0, "hasMoreData": False}
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

    def _enveloped(self, ids, body):
        """The body with, first, the boundingBox around these locations (none when there are none)."""
        if not ids:
            return body
        coordinates = [self.catalog.locations[i]["coordinates"] for i in ids]
        lats = [c["latitude"] for c in coordinates]
        lngs = [c["longitude"] for c in coordinates]
        return {"boundingBox": {"bottomLeftLat": min(lats), "bottomLeftLng": min(lngs), "topRightLat": max(lats),
                                "topRightLng": max(lngs)}, **body}
