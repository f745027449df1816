"""SQLite persistence for the simulator: app tokens, wallets, charge sessions, EVSE overrides set by
the control API, and the simulated clock's high-water mark. WAL mode; every change is committed
before the request that made it is answered."""
import json
import os
import sqlite3
import threading
from contextlib import contextmanager

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    app_token TEXT PRIMARY KEY, driver_id TEXT, emsp_id TEXT,
    auth_id TEXT NOT NULL, shareable_id TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS payment_methods (
    id TEXT PRIMARY KEY, app_token TEXT NOT NULL, type TEXT NOT NULL,
    visual_number TEXT, external_id TEXT, issuer TEXT, display_name TEXT, auth_id TEXT NOT NULL,
    created_at REAL NOT NULL, verify_at REAL NOT NULL, verified_status TEXT NOT NULL, deleted_at REAL);
CREATE INDEX IF NOT EXISTS payment_methods_by_token ON payment_methods(app_token);
CREATE TABLE IF NOT EXISTS sessions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, app_token TEXT NOT NULL,
    location_id TEXT NOT NULL, evse_uid TEXT NOT NULL, connector_id TEXT NOT NULL,
    payment_method_id TEXT NOT NULL, created_at REAL NOT NULL, reject_error TEXT,
    plug_at REAL, forced_full_at REAL, ended_at REAL, end_reason TEXT, car TEXT NOT NULL,
    connector TEXT NOT NULL, tariff TEXT, closed INTEGER NOT NULL DEFAULT 0,
    smart_hold INTEGER NOT NULL DEFAULT 0, priority_at REAL);
CREATE INDEX IF NOT EXISTS sessions_by_token ON sessions(app_token, created_at);
CREATE INDEX IF NOT EXISTS sessions_open ON sessions(closed, evse_uid);
CREATE TABLE IF NOT EXISTS favorites (
    app_token TEXT NOT NULL, location_id TEXT NOT NULL, display_name TEXT, created_at REAL NOT NULL,
    PRIMARY KEY (app_token, location_id));
CREATE TABLE IF NOT EXISTS token_groups (
    app_token TEXT NOT NULL, group_name TEXT NOT NULL, PRIMARY KEY (app_token, group_name));
CREATE TABLE IF NOT EXISTS portal_guests (
    booking_key TEXT PRIMARY KEY, app_token TEXT NOT NULL UNIQUE, payment_method_id TEXT NOT NULL,
    valid_until REAL NOT NULL, departure TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS evse_overrides (
    evse_uid TEXT PRIMARY KEY, fault INTEGER NOT NULL DEFAULT 0,
    car_waiting INTEGER NOT NULL DEFAULT 0, never_plug INTEGER NOT NULL DEFAULT 0,
    offline INTEGER NOT NULL DEFAULT 0);
"""

# columns added after the first state files were written: (table, column, definition)
_ADDED_COLUMNS = (
    ("sessions", "smart_hold", "INTEGER NOT NULL DEFAULT 0"),
    ("sessions", "priority_at", "REAL"),
    ("evse_overrides", "offline", "INTEGER NOT NULL DEFAULT 0"),
)
OVERRIDE_FLAGS = ("fault", "car_waiting", "never_plug", "offline")

class Store:
    """One connection shared by all request threads and serialized by a lock: the simulator's
    writes are tiny, and one writer at a time rules out two drivers taking the same EVSE."""

    def __init__(self, path):
        self.path = path
        if path != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives a killed process; only a power cut can lose the last commits
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(_SCHEMA)
        for table, column, definition in _ADDED_COLUMNS:
            present = {r["name"] for r in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in present:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
        with self.transaction():
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif int(row["value"]) > SCHEMA_VERSION:
                raise RuntimeError(f"{path} was written by a newer version (schema {row['value']})")

    def close(self):
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self):
        """Serialized, atomic unit of work; committed when the block ends without an exception."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # clock

    def clock_high_water(self):
        row = self._db.execute("SELECT value FROM meta WHERE key='clock_high_water'").fetchone()
        return float(row["value"]) if row else 0.0

    def clock_anchor(self, group, scale, real_now):
        """(real, sim): the moment the workers of one group (serve.py --shared-clock, every process behind
        one front proxy) count simulated time from, so they all tell the same time. The first of the group
        to ask writes it; a worker that restarts later reads it back."""
        with self.transaction():
            row = self._db.execute("SELECT value FROM meta WHERE key='clock_anchor'").fetchone()
            if row is not None:
                anchor = json.loads(row["value"])
                if anchor.get("group") == group and anchor.get("scale") == scale:
                    return anchor["real"], anchor["sim"]
            sim = max(real_now, self.clock_high_water())
            self._db.execute("INSERT INTO meta VALUES ('clock_anchor', ?) ON CONFLICT(key) DO UPDATE SET value="
                             "excluded.value", (json.dumps({"group": group, "scale": scale, "real": real_now,
                                                             "sim": sim}),))
            return real_now, sim

    def save_clock(self, sim_now):
        self._db.execute(
            "INSERT INTO meta VALUES ('clock_high_water', ?) ON CONFLICT(key) DO UPDATE SET value="
            "CASE WHEN CAST(value AS REAL) < CAST(excluded.value AS REAL) THEN excluded.value ELSE value END",
            (repr(float(sim_now)),))

    # tokens

    def get_token(self, app_token):
        return self._db.execute("SELECT * FROM tokens WHERE app_token=?", (app_token,)).fetchone()

    def put_token(self, app_token, driver_id, emsp_id, auth_id, shareable_id, now):
        self._db.execute(
            "INSERT INTO tokens VALUES (?,?,?,?,?,?) ON CONFLICT(app_token) DO UPDATE SET "
            "driver_id=COALESCE(excluded.driver_id, driver_id), emsp_id=COALESCE(excluded.emsp_id, emsp_id)",
            (app_token, driver_id, emsp_id, auth_id, shareable_id, now))
        return self.get_token(app_token)

    # payment methods

    def payment_methods(self, app_token):
        return self._db.execute(
            "SELECT * FROM payment_methods WHERE app_token=? AND deleted_at IS NULL ORDER BY created_at, id",
            (app_token,)).fetchall()

    def payment_method(self, method_id, include_deleted=False):
        sql = "SELECT * FROM payment_methods WHERE id=?"
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        return self._db.execute(sql, (method_id,)).fetchone()

    def add_payment_method(self, **fields):
        keys = list(fields)
        self._db.execute(f"INSERT INTO payment_methods ({','.join(keys)}) VALUES ({','.join('?' * len(keys))})",
                         [fields[k] for k in keys])
        return self.payment_method(fields["id"])

    def delete_payment_method(self, method_id, now):
        # kept, marked deleted: session history still shows which card paid
        self._db.execute("UPDATE payment_methods SET deleted_at=? WHERE id=?", (now, method_id))

    # sessions

    def add_session(self, **fields):
        # the car, the connector and the tariff are frozen at the start, as the driver agreed to them
        for key in ("car", "connector", "tariff"):
            if fields.get(key) is not None:
                fields[key] = json.dumps(fields[key], sort_keys=True)
        keys = list(fields)
        self._db.execute(f"INSERT INTO sessions ({','.join(keys)}) VALUES ({','.join('?' * len(keys))})",
                         [fields[k] for k in keys])
        return self.session(fields["id"])

    def session(self, session_id):
        return self._db.execute("SELECT * FROM sessions WHERE id=?", (session_id,)).fetchone()

    def sessions_for_token(self, app_token):
        return self._db.execute("SELECT * FROM sessions WHERE app_token=? ORDER BY created_at, seq",
                                (app_token,)).fetchall()

    def open_sessions(self, evse_uid=None):
        if evse_uid is None:
            return self._db.execute("SELECT * FROM sessions WHERE closed=0 ORDER BY seq").fetchall()
        return self._db.execute("SELECT * FROM sessions WHERE closed=0 AND evse_uid=? ORDER BY seq",
                                (evse_uid,)).fetchall()

    def update_session(self, session_id, **fields):
        sets = ",".join(f"{k}=?" for k in fields)
        self._db.execute(f"UPDATE sessions SET {sets} WHERE id=?", [*fields.values(), session_id])
        return self.session(session_id)

    def close_sessions(self, session_ids):
        self._db.executemany("UPDATE sessions SET closed=1 WHERE id=?", [(i,) for i in session_ids])

    # favorites

    def favorites(self, app_token):
        return self._db.execute("SELECT * FROM favorites WHERE app_token=? ORDER BY created_at, location_id",
                                (app_token,)).fetchall()

    def put_favorite(self, app_token, location_id, display_name, now):
        self._db.execute(
            "INSERT INTO favorites VALUES (?,?,?,?) ON CONFLICT(app_token, location_id) DO UPDATE SET "
            "display_name=excluded.display_name", (app_token, location_id, display_name, now))

    def delete_favorite(self, app_token, location_id):
        return self._db.execute("DELETE FROM favorites WHERE app_token=? AND location_id=?",
                                (app_token, location_id)).rowcount

    # EVSE overrides (control API)

    def evse_override(self, evse_uid):
        row = self._db.execute("SELECT * FROM evse_overrides WHERE evse_uid=?", (evse_uid,)).fetchone()
        return dict(row) if row else {"evse_uid": evse_uid, **{flag: 0 for flag in OVERRIDE_FLAGS}}

    def faulted_evses(self):
        return {r["evse_uid"] for r in self._db.execute("SELECT evse_uid FROM evse_overrides WHERE fault=1")}

    def offline_evses(self):
        return {r["evse_uid"] for r in self._db.execute("SELECT evse_uid FROM evse_overrides WHERE offline=1")}

    def set_evse_override(self, evse_uid, **fields):
        current = self.evse_override(evse_uid)
        current.update(fields)
        if not any(current[flag] for flag in OVERRIDE_FLAGS):
            self._db.execute("DELETE FROM evse_overrides WHERE evse_uid=?", (evse_uid,))
            return
        self._db.execute(
            f"INSERT INTO evse_overrides (evse_uid,{','.join(OVERRIDE_FLAGS)}) VALUES (?,?,?,?,?) "
            "ON CONFLICT(evse_uid) DO UPDATE SET " + ",".join(f"{f}=excluded.{f}" for f in OVERRIDE_FLAGS),
            (evse_uid, *(current[f] for f in OVERRIDE_FLAGS)))

    # closed groups (private locations)

    def token_groups(self, app_token):
        return [r["group_name"] for r in self._db.execute(
            "SELECT group_name FROM token_groups WHERE app_token=? ORDER BY group_name", (app_token,))]

    def add_token_group(self, app_token, group_name):
        self._db.execute("INSERT OR IGNORE INTO token_groups VALUES (?,?)", (app_token, group_name))

    # hotel portal: the token each booking checked in with, and until when it may charge

    def portal_guest(self, booking_key):
        return self._db.execute("SELECT * FROM portal_guests WHERE booking_key=?", (booking_key,)).fetchone()

    def portal_guest_by_token(self, app_token):
        return self._db.execute("SELECT * FROM portal_guests WHERE app_token=?", (app_token,)).fetchone()

    def put_portal_guest(self, booking_key, app_token, payment_method_id, valid_until, departure):
        self._db.execute(
            "INSERT INTO portal_guests VALUES (?,?,?,?,?) ON CONFLICT(booking_key) DO UPDATE SET "
            "payment_method_id=excluded.payment_method_id, valid_until=excluded.valid_until, "
            "departure=excluded.departure", (booking_key, app_token, payment_method_id, valid_until, departure))
