"""A driver's own lists of places (v1 and v2.1): favorites with their display names, and the private
locations the driver's groups give access to."""
from ..web import ApiError, Response, clean_id, optional_str, parse_json_object, query_float
from .locations import SEARCH_PAGE, LocationApi, distance_km


class FavoritesApi(LocationApi):
    """Favorites and private locations."""

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
            rows = [r for r in self.store.favorites(app_token)
                    if self._location_for(r["location_id"], app_token) is not None]
        names = {r["location_id"]: r["display_name"] for r in rows}
        ids = [r["location_id"] for r in rows]
        if keep is not None:
            ids = [i for i in ids if keep(i, live, app_token, set(names))]
        if user_lat is not None and user_lng is not None:
            def by_distance(loc_id):
                c = self.catalog.locations[loc_id]["coordinates"]
                return distance_km(user_lat, user_lng, c["latitude"], c["longitude"])
            ids.sort(key=by_distance)
        body = {"data": self._render(ids, live, False, names), "meta": {"count": len(ids), "hasMoreData": False}}
        return Response(200, self._enveloped(ids, body))

    def favorite_locations_v2(self, req):
        return self.favorite_locations(req, filtered=True)

    def add_favorite(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        loc_id = clean_id(req.params["id"], "id")
        display_name = None
        if req.body.strip():
            display_name = optional_str(parse_json_object(req.body), "displayName", 100)
        with self.tx() as now:
            self._require_token(app_token)  # a registered driver may see private places, so may keep them
            if self._location_for(loc_id, app_token) is None:
                raise ApiError(404, "Location not found.")
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
