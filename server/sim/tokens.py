"""The simulator's app tokens (PUT /token, /v2.1/token): registration, the token body, and the check every
driver path makes that its appToken is registered."""
from ..web import ApiError, Response, clean_id, optional_str, parse_json_object, required_str
from .replies import digest, listed

INVALID_TOKEN = "Invalid token used"
TOKEN_NOT_FOUND = "The appToken is not registered."


class TokenApi:
    """Mixed into the Simulator, which provides store and tx()."""

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
            return self.store.put_token(app_token, driver_id, emsp_id, f"GF-APP-T-{digest(app_token, 3)}-"
                                        f"{digest('auth' + app_token, 4)}", f"sid-{digest('sid' + app_token, 5)}",
                                        now)

    def put_token_path(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        row = self._register(app_token)
        return Response(200, listed([self._token_json(row)]))

    def put_token_body(self, req):
        body = parse_json_object(req.body)
        row = self._register(required_str(body, "appToken"), optional_str(body, "driverId"),
                             optional_str(body, "emspId"))
        return Response(200, listed([self._token_json(row)]))

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
