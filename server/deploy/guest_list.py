"""The hotel's guest list, as its property system exports it: a CSV with the columns room, surname,
bookingReference, arrival, departure (dates YYYY-MM-DD). Checked line by line with errors that name the
line and the column; reread when the file changes, keeping the last good list if the new one is broken."""
import csv
import datetime as dt
import io
import logging
import os
import threading
import unicodedata
import zoneinfo
from dataclasses import dataclass

COLUMNS = ("room", "surname", "bookingReference", "arrival", "departure")
MAX_TEXT = 50        # names and references: 1 to 50 characters (the subscription field rule)
MAX_ROOM = 10
MAX_ROWS = 100_000
MAX_BYTES = 20 * 1024 * 1024

log = logging.getLogger("serve")


class GuestListError(ValueError):
    pass


@dataclass(frozen=True)
class Stay:
    room: str
    surname: str
    booking_reference: str
    arrival: dt.date
    departure: dt.date

    def window(self, zone):
        """(first, last) moment of access as UTC epoch seconds: the arrival day from 00:00:00.000 to the
        departure day at 23:59:59.999, in the hotel's time zone."""
        tz = zoneinfo.ZoneInfo(zone)
        start = dt.datetime.combine(self.arrival, dt.time(0, 0, 0, 0), tz)
        end = dt.datetime.combine(self.departure, dt.time(23, 59, 59, 999000), tz)
        return start.timestamp(), end.timestamp()


def fold(text):
    """Comparison form of what a guest types: case, accents, spacing and dashes do not matter."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c for c in text.casefold() if c.isalnum())


def _field(row, column, line, max_len):
    value = (row.get(column) or "").strip()
    if not value:
        raise GuestListError(f"line {line}, {column}: is empty")
    if len(value) > max_len:
        raise GuestListError(f"line {line}, {column}: must be at most {max_len} characters")
    if any(ord(c) < 32 for c in value):
        raise GuestListError(f"line {line}, {column}: contains control characters")
    return value


def _date(row, column, line):
    text = _field(row, column, line, 10)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise GuestListError(f"line {line}, {column}: {text!r} is not a date (YYYY-MM-DD)")


def parse(text):
    """The stays in the CSV text; GuestListError names the first problem."""
    if text.startswith("\ufeff"):  # spreadsheet programs like to add a byte order mark
        text = text[1:]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise GuestListError(f"line 1: the header lacks the column(s) {', '.join(missing)} "
                             f"(expected {','.join(COLUMNS)})")
    stays = []
    references = {}
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                raise GuestListError(f"line {line}: more fields than the header has columns")
            if all(not (v or "").strip() for v in row.values()):
                continue  # blank line
            stay = Stay(_field(row, "room", line, MAX_ROOM), _field(row, "surname", line, MAX_TEXT),
                        _field(row, "bookingReference", line, MAX_TEXT), _date(row, "arrival", line),
                        _date(row, "departure", line))
            if stay.departure < stay.arrival:
                raise GuestListError(f"line {line}, departure: {stay.departure} is before arrival {stay.arrival}")
            key = fold(stay.booking_reference)
            if key in references:
                raise GuestListError(f"line {line}, bookingReference: {stay.booking_reference!r} is also on line "
                                     f"{references[key]}")
            references[key] = line
            stays.append(stay)
            if len(stays) > MAX_ROWS:
                raise GuestListError(f"more than {MAX_ROWS} stays")
    except csv.Error as exc:
        raise GuestListError(f"line {reader.line_num}: {exc}")
    return stays


def read(path):
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise GuestListError(f"cannot read {path}: {exc.strerror or exc}")
    return parse_bytes(raw, path)


def parse_bytes(raw, name="the guest list"):
    """The stays in an export as its bytes (UTF-8 or Windows-1252); GuestListError names the problem."""
    if len(raw) > MAX_BYTES:
        raise GuestListError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")  # older property systems export Windows-1252
        except UnicodeDecodeError:
            raise GuestListError(f"{name} is neither UTF-8 nor Windows-1252 text")
    return parse(text)


def _index(stays):
    """Lookups by folded booking reference and by folded (room, surname): a check-in costs the same
    for a guest house and for a resort."""
    by_reference, by_room = {}, {}
    for stay in stays:
        by_reference.setdefault(fold(stay.booking_reference), []).append(stay)
        by_room.setdefault((fold(stay.room), fold(stay.surname)), []).append(stay)
    return by_reference, by_room


class GuestList:
    """The current list; `find` rereads the file when it changed since the last look."""

    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._stamp = self._file_stamp()
        self._stays = read(path)  # a broken list at start is an error the operator must see
        self._by_reference, self._by_room = _index(self._stays)

    def _file_stamp(self):
        try:
            st = os.stat(self.path)
            return st.st_mtime_ns, st.st_size
        except OSError:
            return None

    def _refresh(self):
        stamp = self._file_stamp()
        if stamp is None or stamp == self._stamp:
            return
        try:
            stays = read(self.path)
        except GuestListError as exc:
            log.error("guest list %s not reloaded, keeping the previous one: %s", self.path, exc)
            self._stamp = stamp
            return
        self._stays, self._stamp = stays, stamp
        self._by_reference, self._by_room = _index(stays)

    def find(self, room=None, surname=None, booking_reference=None):
        """Every stay matching room and surname, or the booking reference."""
        with self._lock:
            self._refresh()
            by_reference, by_room = self._by_reference, self._by_room
        if booking_reference:
            ref = fold(booking_reference)
            return list(by_reference.get(ref, [])) if ref else []
        want_room, want_name = fold(room or ""), fold(surname or "")
        if not want_room or not want_name:
            return []
        return list(by_room.get((want_room, want_name), []))

    def __len__(self):
        return len(self._stays)
