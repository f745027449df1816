"""The charger side of the simulator, for kiosks and tests: POST /sim/control {evseUid, action} makes a
car plug in or leave, fills the battery, or breaks the charge point. Not part of the Charge Assist API.

Who may: the driver whose session holds the EVSE (its appToken as `?appToken=`, like the session
endpoints), and only as that session's car (SESSION_ACTIONS); or the operator, with the key from
$SIM_CONTROL_KEY in the X-Sim-Control-Key header, for any action on any EVSE (breaking a charger,
taking it offline, a car waiting with no session: what tests and demos set up). The body must be
application/json: a web page elsewhere can send text/plain to this server without the browser asking
first, but not JSON, so no other site can steer these chargers through a visitor's browser. A refusal
(409) is worded in the body's `lang`, else the Accept-Language's first of the app's languages."""
import hmac
import math
import os

from ..web import LANGUAGES, ApiError, Response, choose_language, parse_json_object, query_one, required_str
from . import session_engine as engine
from .control_refusals import Refused, text as refusal_text

CONTROL_KEY_ENV = "SIM_CONTROL_KEY"
KEY_HEADER = "X-Sim-Control-Key"
MIN_KEY_LENGTH = 16
# what a driver's own session may ask of its charger: to play the car it came with
SESSION_ACTIONS = ("plug", "unplug", "car_full", "never_plug")
NOT_YOURS = ("No session of this appToken is on this charge point; the charger itself takes the operator's key "
             f"({KEY_HEADER}).")

ACTIONS = {
    "plug": "the car plugs in now (a waiting session starts charging; with no session the car waits for one; "
            "a session already charging is left as it is)",
    "unplug": "the car leaves: a charging session ends as if stopped; a session not charging yet loses its car",
    "car_full": "the battery is full: a charging session turns PARKING",
    "fault": "the charge point breaks: OUTOFORDER, and a session on it ends (ERROR before charging)",
    "never_plug": "the car of the current (or next) session at this EVSE will not plug in by itself",
    "require_authorization": "a car is plugged in and the charger holds it with no current until the app's "
                             "start arrives (then it charges at once)",
    "offline": "the charger loses its connection: status UNKNOWN, remote starts time out (COMMAND_TIMED_OUT); "
               "a session already charging carries on",
    "online": "the charger is connected again",
    "reset": "clears fault, offline, waiting car and never_plug for this EVSE",
}


def control_key_from(environ=os.environ):
    """The operator's key from $SIM_CONTROL_KEY, None when unset; ValueError when it is too weak to be one."""
    key = environ.get(CONTROL_KEY_ENV, "").strip()
    if not key:
        return None
    if len(key) < MIN_KEY_LENGTH or any(ord(c) < 33 or ord(c) > 126 for c in key):
        raise ValueError(f"${CONTROL_KEY_ENV} must be at least {MIN_KEY_LENGTH} printable ASCII characters")
    return key


class SimControl:
    def __init__(self, simulator, key=None):
        self.sim = simulator
        self.key = key

    @staticmethod
    def check_media_type(headers):
        media_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media_type != "application/json":
            raise ApiError(415, "Send the body as application/json.")

    def _operator(self, req):
        """True with the operator's key, False without one; 403 for a wrong key."""
        given = req.headers.get(KEY_HEADER)
        if given is None:
            return False
        if self.key is None or not hmac.compare_digest(given.encode("utf-8", "replace"), self.key.encode()):
            raise ApiError(403, f"{KEY_HEADER} is not this server's control key.")
        return True

    def __call__(self, req):
        self.check_media_type(req.headers)
        operator = self._operator(req)
        app_token = None if operator else query_one(req.query, "appToken")
        if not operator and app_token is None:
            raise ApiError(403, "Give the appToken of the session on this charge point (?appToken=), or the "
                                f"operator's key ({KEY_HEADER}).")
        body = parse_json_object(req.body)
        key = required_str(body, "evseUid")
        action = required_str(body, "action", 32)
        if action not in ACTIONS:
            raise ApiError(400, f"action must be one of: {', '.join(ACTIONS)}.")
        if not operator and action not in SESSION_ACTIONS:
            raise ApiError(403, f"A driver's session may only {', '.join(SESSION_ACTIONS)}; {action} takes the "
                                f"operator's key ({KEY_HEADER}).")
        hit = self.sim.catalog.find_evse(key)
        if hit is None:
            if not operator:
                raise ApiError(403, NOT_YOURS)  # whether it exists is not a stranger's to learn
            raise ApiError(404, "EVSE not found.")
        uid = hit[1]["uid"]
        store = self.sim.store
        with self.sim.tx() as now:
            row, view = self.sim.active_session(uid, now)
            if not operator and (row is None or row["app_token"] != app_token):
                raise ApiError(403, NOT_YOURS)
            override = store.evse_override(uid)
            try:
                message = getattr(self, "_" + action)(uid, row, view, override, now)
            except Refused as refused:
                lang = choose_language(LANGUAGES, body.get("lang"), req.headers.get("Accept-Language"))
                raise ApiError(409, refusal_text(refused.reason, lang)) from None
            session = None
            if row is not None:
                row = store.session(row["id"])
                status = engine.evaluate(self.sim.facts(row)[0], now).status
                session = {"chargeSessionId": row["id"], "status": status}
            live = self.sim.live_statuses(now)
            status = live.get(uid, hit[1]["status"])
        return Response(200, {"evseUid": uid, "action": action, "evseStatus": status, "session": session,
                              "message": message})

    def _plug(self, uid, row, view, override, now):
        if override["fault"]:
            raise Refused("OUT_OF_ORDER")
        if row is None:
            self.sim.store.set_evse_override(uid, car_waiting=1, never_plug=0)
            return "A car is plugged in and waits for a session to be started."
        if view.status in ("REQUESTED", "STARTING"):
            if row["plug_at"] is None or row["plug_at"] > now:
                self.sim.store.update_session(row["id"], plug_at=float(math.floor(now)))
            return "The cable is in; charging starts once the charge point has accepted the session."
        if view.status in ("CHARGING", "PARKING"):
            # the session's car came by itself before the visitor got to it: plugging it in again is no change
            return "The cable is already in; the car is charging."
        raise Refused("CAR_ALREADY_IN")

    def _unplug(self, uid, row, view, override, now):
        if row is None:
            if override["car_waiting"]:
                self.sim.store.set_evse_override(uid, car_waiting=0)
                return "The waiting car left."
            raise Refused("NO_CAR")
        if view.status in ("REQUESTED", "STARTING"):
            self.sim.store.update_session(row["id"], plug_at=None)
            return "The car left before charging; the session will time out."
        if view.status in ("CHARGING", "PARKING"):
            self.sim.end_session(row, now, "UNPLUG")
            return "The car was unplugged; the session ends."
        raise Refused("ALREADY_ENDING")

    def _car_full(self, uid, row, view, override, now):
        if row is None or view.status not in ("CHARGING", "PARKING"):
            raise Refused("NOT_CHARGING")
        if view.status == "CHARGING":
            self.sim.store.update_session(row["id"], forced_full_at=float(math.ceil(now)))
        return "The battery is full; the session turns PARKING."

    def _fault(self, uid, row, view, override, now):
        self.sim.store.set_evse_override(uid, fault=1, car_waiting=0)
        if row is not None:
            self.sim.end_session(row, now, "FAULT")
            return "The charge point is out of order; its session ended."
        return "The charge point is out of order."

    def _never_plug(self, uid, row, view, override, now):
        if row is None:
            self.sim.store.set_evse_override(uid, never_plug=1, car_waiting=0)
            return "The car of the next session here will not plug in by itself."
        if view.status in ("REQUESTED", "STARTING"):
            self.sim.store.update_session(row["id"], plug_at=None)
            return "This session's car will not plug in by itself."
        raise Refused("ALREADY_CHARGING")

    def _require_authorization(self, uid, row, view, override, now):
        if override["fault"]:
            raise Refused("OUT_OF_ORDER")
        if row is not None:
            raise Refused("SESSION_ON_IT")
        self.sim.store.set_evse_override(uid, car_waiting=1, never_plug=0)
        return "A car is plugged in; the charger waits with no current until a start authorizes it."

    def _offline(self, uid, row, view, override, now):
        self.sim.store.set_evse_override(uid, offline=1)
        return "The charger is offline: its status is unknown and remote starts will time out."

    def _online(self, uid, row, view, override, now):
        self.sim.store.set_evse_override(uid, offline=0)
        return "The charger is online again."

    def _reset(self, uid, row, view, override, now):
        self.sim.store.set_evse_override(uid, fault=0, car_waiting=0, never_plug=0, offline=0)
        return "The charge point is back to normal."
