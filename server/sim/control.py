"""The charger side of the simulator, for kiosks and tests: POST /sim/control {evseUid, action} makes a
car plug in or leave, fills the battery, or breaks the charge point. Not part of the Charge Assist API."""
import math

from ..web import ApiError, Response, parse_json_object, required_str
from . import session_engine as engine

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


class SimControl:
    def __init__(self, simulator):
        self.sim = simulator

    def __call__(self, req):
        body = parse_json_object(req.body)
        key = required_str(body, "evseUid")
        action = required_str(body, "action", 32)
        if action not in ACTIONS:
            raise ApiError(400, f"action must be one of: {', '.join(ACTIONS)}.")
        hit = self.sim.catalog.find_evse(key)
        if hit is None:
            raise ApiError(404, "EVSE not found.")
        uid = hit[1]["uid"]
        store = self.sim.store
        with self.sim.tx() as now:
            row, view = self.sim.active_session(uid, now)
            override = store.evse_override(uid)
            message = getattr(self, "_" + action)(uid, row, view, override, now)
            session = None
            if row is not None:
                row = store.session(row["id"])
                status = engine.evaluate(self.sim.facts(row)[0], now).status
                session = {"chargeSessionId": row["id"], "status": status}
            live = self.sim.live_statuses(now)
            status = live.get(uid, hit[1]["status"])
        return Response(200, {"evseUid": uid, "action": action, "evseStatus": status, "session": session,
                              "message": message})

    @staticmethod
    def _conflict(message):
        return ApiError(409, message)

    def _plug(self, uid, row, view, override, now):
        if override["fault"]:
            raise self._conflict("The charge point is out of order.")
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
        raise self._conflict("A car is already plugged in here.")

    def _unplug(self, uid, row, view, override, now):
        if row is None:
            if override["car_waiting"]:
                self.sim.store.set_evse_override(uid, car_waiting=0)
                return "The waiting car left."
            raise self._conflict("No car is plugged in here.")
        if view.status in ("REQUESTED", "STARTING"):
            self.sim.store.update_session(row["id"], plug_at=None)
            return "The car left before charging; the session will time out."
        if view.status in ("CHARGING", "PARKING"):
            self.sim.end_session(row, now, "UNPLUG")
            return "The car was unplugged; the session ends."
        raise self._conflict("The session here is already ending.")

    def _car_full(self, uid, row, view, override, now):
        if row is None or view.status not in ("CHARGING", "PARKING"):
            raise self._conflict("No car is charging here.")
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
        raise self._conflict("A car is already charging here.")

    def _require_authorization(self, uid, row, view, override, now):
        if override["fault"]:
            raise self._conflict("The charge point is out of order.")
        if row is not None:
            raise self._conflict("A session is already on this charge point.")
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
