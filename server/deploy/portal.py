"""The hotel portal's check-in (POST /portal/checkin, outside the Charge Assist API): a guest gives room and
surname, or the booking reference; on a match with the hotel's guest list during the stay, the guest gets
an anonymous app token whose one payment method is an external method referencing the booking, so the
session is billed to the room.

Wrong details are counted twice: per room (or booking reference) tried, and per client address. A hotel's
guests often share one address (the hotel's NAT), so the address gets a generous allowance
(maxFailedAttemptsPerAddress, default 50 per lockout period) and one guest's typos do not lock the next
guest out; the tight limit (maxFailedAttempts, default 5) is per room, which is what a guesser is after:
a room's surname cannot be guessed faster from many addresses, nor many rooms from one. The price: five
wrong tries at a room lock that room's check-in for the period, for its guest too, who can still use the
booking reference (counted on its own) or the front desk.

A guest reads the answers' `message`s: they come in the language the app asks for (`lang` in the body),
else the browser's Accept-Language, among the deployment's languages (messages.py); codes stay English."""
import collections
import datetime as dt
import secrets
import threading
import time

from . import messages
from .guest_list import MAX_TEXT, GuestList, fold
from ..web import ApiError, Request, Response, choose_language, parse_json_object


def _iso_ms(epoch):
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


def _guest_text(body, key, lang, max_len=MAX_TEXT):
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _refused(400, "INVALID_TYPE", lang, field=key)
    value = value.strip()
    if not value:
        return None
    if len(value) > max_len:
        raise _refused(400, "TOO_LONG", lang, field=key, n=max_len)
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise _refused(400, "INVALID_CHARACTERS", lang, field=key)
    return value


def _language_headers(lang):
    return {"Content-Language": lang, "Vary": "Accept-Language"}


def _refused(status, code, lang, message_id=None, body=None, headers=None, field=None, **blanks):
    """An ApiError whose message is for the guest, in `lang`."""
    message = messages.text(message_id or code, lang, field=field, **blanks)
    if body is not None:
        body["message"] = message
    return ApiError(status, message, code=code, field=field, body=body,
                    headers={**_language_headers(lang), **(headers or {})})


class ApiCaller:
    """Calls the simulator's own routes in-process, the way the app would over HTTP."""

    def __init__(self, router):
        self.router = router

    def __call__(self, method, path, body=b""):
        parts = [p for p in path.strip("/").split("/")]
        route, params = self.router.match(method, parts)
        return route.handler(Request(method, "/api" + path, params, {}, {}, body))


class Portal:
    def __init__(self, settings, simulator, router, wall_clock=time.time, languages=("en",)):
        self.settings = settings
        self.languages = list(languages)
        self.sim = simulator
        self.api = ApiCaller(router)
        self.guests = GuestList(settings.guest_list)
        self.wall_clock = wall_clock
        self._failures = collections.defaultdict(collections.deque)  # key -> times of failed attempts
        self._lock = threading.Lock()

    # rate limits on failures (see the top of this file): per address, and per room or booking reference

    def _limits(self, client, room, reference):
        """[(key, allowed failures)] an attempt with these details counts against."""
        keys = [("addr:" + client, self.settings.max_failed_per_address)]
        if reference is not None:
            keys.append(("booking:" + fold(reference), self.settings.max_failed_attempts))
        elif room is not None:
            keys.append(("room:" + fold(room), self.settings.max_failed_attempts))
        return keys

    def _retry_after(self, keys, now):
        wait = 0
        with self._lock:
            for key, allowed in keys:
                times = self._failures.get(key)
                while times and times[0] <= now - self.settings.lockout_seconds:
                    times.popleft()
                if times and len(times) >= allowed:
                    wait = max(wait, int(times[-allowed] + self.settings.lockout_seconds - now) + 1)
        return wait

    def _failed(self, keys, now):
        with self._lock:
            for key, _ in keys:
                self._failures[key].append(now)
            if len(self._failures) > 10000:  # forget the oldest keys rather than grow without bound
                for key in list(self._failures)[:5000]:
                    del self._failures[key]

    def checkin(self, req):
        now = self.wall_clock()
        client = getattr(req, "client", "") or ""
        body = parse_json_object(req.body)
        lang = self.language(req, body)
        room = _guest_text(body, "room", lang, 10)
        surname = _guest_text(body, "surname", lang)
        reference = _guest_text(body, "bookingReference", lang)
        if reference is None and (room is None or surname is None):
            raise _refused(400, "REQUIRED", lang, field="room" if room is None else "surname")
        keys = self._limits(client, room, reference)
        wait = self._retry_after(keys, now)
        if wait:
            # even right details wait: guessing cannot be sped up by a lucky try during the lockout
            raise _refused(429, "TOO_MANY_ATTEMPTS", lang, headers={"Retry-After": str(wait)}, n=(wait + 59) // 60)
        stays = self.guests.find(room, surname, reference)
        if not stays:
            self._failed(keys, now)
            raise _refused(404, "GUEST_NOT_FOUND", lang, "NOT_FOUND")
        zone = self.settings.time_zone
        current = [s for s in stays if s.window(zone)[0] <= now <= s.window(zone)[1]]
        if not current:
            future = sorted((s for s in stays if s.window(zone)[0] > now), key=lambda s: s.arrival)
            if future:
                stay = future[0]
                raise _refused(403, "STAY_NOT_STARTED", lang, body=self._refusal("STAY_NOT_STARTED", stay),
                               date=stay.arrival)
            stay = max(stays, key=lambda s: s.departure)
            raise _refused(403, "STAY_ENDED", lang, body=self._refusal("STAY_ENDED", stay), date=stay.departure)
        return Response(200, self._admit(current[0]), headers=_language_headers(lang))

    def language(self, req, body=None):
        """The guest's language: the app's `lang`, else the browser's Accept-Language, among the deployment's."""
        lang = (body or {}).get("lang")
        return choose_language(self.languages, lang, req.headers.get("Accept-Language"))

    @staticmethod
    def _refusal(code, stay):
        return {"code": code, "arrival": stay.arrival.isoformat(), "departure": stay.departure.isoformat()}

    def _admit(self, stay):
        valid_from, valid_until = stay.window(self.settings.time_zone)
        key = fold(stay.booking_reference)
        with self.sim.store.transaction() as store:
            known = store.portal_guest(key)
        # the same booking on a second phone (or after clearing the browser) gets its token back, and so
        # sees a session already running on the room
        token = known["app_token"] if known else "guest-" + secrets.token_hex(16)
        self.api("PUT", f"/token/{token}")
        external_id = f"hotel-booking:{stay.booking_reference}:room:{stay.room}"
        method = self.api("PUT", f"/payment/{token}/external", (
            '{"externalPaymentMethodId":%s,"displayName":%s}' % (_json(external_id), _json(f"Room {stay.room}"))
        ).encode())
        with self.sim.store.transaction() as store:
            store.add_token_group(token, self.settings.access_group)
            store.put_portal_guest(key, token, method.body["id"], valid_until, stay.departure.isoformat())
        return {"appToken": token, "paymentMethodId": method.body["id"], "room": stay.room,
                "arrival": stay.arrival.isoformat(), "departure": stay.departure.isoformat(),
                "validFrom": _iso_ms(valid_from), "validUntil": _iso_ms(valid_until)}

    def guard(self, req):
        """Before the API: a guest's token cannot start charging on the room once the stay is over. It
        reads the route the router chose (`endpoint`, the same for v1 and v2.1), never the path as sent."""
        if req.method != "POST" or req.endpoint != "/session/start":
            return
        token = (req.query.get("appToken") or [""])[-1]
        with self.sim.store.transaction() as store:
            guest = store.portal_guest_by_token(token)
        if guest is not None and self.wall_clock() > guest["valid_until"]:
            lang = self.language(req)
            try:
                departure = dt.date.fromisoformat(guest["departure"])
            except (TypeError, ValueError):
                departure = guest["departure"]
            raise _refused(403, "STAY_ENDED", lang, "STAY_CLOSED", date=departure)


def _json(text):
    import json
    return json.dumps(text)
