"""The simulator's wallet (/payment/...): charge cards that verify after a few simulated seconds, external
payment methods, the wallet list with compatibility per location, and removal."""
import re
import uuid

from ..web import ApiError, Response, clean_id, optional_str, parse_json_object, query_one, required_str
from .clock import iso_utc
from .replies import digest, listed

CARD_VERIFY_DELAY = 5          # simulated seconds until a new charge card is VALID (or INVALID)
CARD_NUMBER = re.compile(r"^[A-Za-z0-9]{6,30}$")


def card_hint(number):
    """'** **** **** **** 2836' for 770674109963002836: groups of four from the right, all but the last masked."""
    groups = []
    rest = number
    while rest:
        groups.insert(0, rest[-4:])
        rest = rest[:-4]
    return " ".join(["*" * len(g) for g in groups[:-1]] + groups[-1:])


class WalletApi:
    """Mixed into the Simulator, which provides catalog, store, tx(), _require_token() and _location_for()."""

    def _method_status(self, row, now):
        return row["verified_status"] if now >= row["verify_at"] else "PENDING"

    @staticmethod
    def _method_accepted(row, location):
        """Whether the location takes this kind of method; an empty pms list means it takes every kind."""
        accepted = location.get("pms") or []
        return not accepted or row["type"] in accepted

    def _method_json(self, row, now, location=None):
        status = self._method_status(row, now)
        if row["type"] == "CHARGE_CARD":
            body = {"id": row["id"], "type": "CHARGE_CARD", "chargeCardIssuer": row["issuer"],
                    "cardHint": card_hint(row["visual_number"]), "cardShortHint": row["visual_number"]}
        else:
            body = {"id": row["id"], "externalPaymentMethodId": row["external_id"], "type": row["type"]}
        if location is not None:
            body["isCompatible"] = self._method_accepted(row, location)
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
                display_name=display_name, auth_id=f"GF-APP-{digest(app_token + external_id, 8).upper()}",
                created_at=now, verify_at=now, verified_status="VALID")
            return Response(200, self._method_json(row, now))

    def wallet(self, req):
        app_token = clean_id(req.params["appToken"], "appToken")
        location_id = query_one(req.query, "locationId")
        location = None
        with self.tx() as now:
            self._require_token(app_token)
            if location_id is not None:
                location = self._location_for(location_id, app_token)
                if location is None:
                    raise ApiError(404, "Location not found.")
            items = [self._method_json(r, now, location) for r in self.store.payment_methods(app_token)]
        return Response(200, listed(items))

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
