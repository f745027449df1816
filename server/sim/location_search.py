"""The simulator's map queries (v1 and v2.1): bounding box (full and minimal), nearby and text search,
ordered and paged as the API does (bounding box and search page as --paging says, see paging)."""
import heapq
import math

from ..web import ApiError, Response, query_float, query_int, query_one
from . import paging
from .locations import SEARCH_PAGE, LocationApi, distance_km

BBOX_MAX_RESULTS = 50          # "maximum results: 50", whatever pageSize asks for
MINIMAL_PAGE = (500, 1000)     # boundingbox-minimal: default and largest page (map clustering wants many)
NEARBY_KM = 50                 # "Look up distance: 50 km"
NEARBY_MAX = 25                # "maximum results: 25"
SEARCH_WORDS = 10              # distinct words a search may hold: each costs a pass over every place


class LocationSearchApi(LocationApi):
    """Bounding box, nearby and search."""

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
        window = self._window(req, default_size, max_size, cap, search=True)
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
        needed = 0 if window[0] == paging.END else window[0] + window[1] + 1
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
        words = list(dict.fromkeys((text or "").casefold().split()))
        if len(words) > SEARCH_WORDS:
            raise ApiError(400, f"q: at most {SEARCH_WORDS} different words.", code="TOO_MANY_WORDS", field="q")
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
        page, meta = self._page(req, ids, *SEARCH_PAGE, search=True)
        return Response(200, self._enveloped(page, {"data": self._render(page, live, full), "meta": meta}))

    def search_v2(self, req):
        return self.search(req, full=True)
