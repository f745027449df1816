"""A state file written before the smart-charging and offline columns existed opens, gains them, and
keeps what it held."""
import os
import sqlite3
import tempfile
import unittest

from server.sim.store import Store

OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sessions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, app_token TEXT NOT NULL,
    location_id TEXT NOT NULL, evse_uid TEXT NOT NULL, connector_id TEXT NOT NULL,
    payment_method_id TEXT NOT NULL, created_at REAL NOT NULL, reject_error TEXT,
    plug_at REAL, forced_full_at REAL, ended_at REAL, end_reason TEXT, car TEXT NOT NULL,
    connector TEXT NOT NULL, tariff TEXT, closed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE evse_overrides (
    evse_uid TEXT PRIMARY KEY, fault INTEGER NOT NULL DEFAULT 0,
    car_waiting INTEGER NOT NULL DEFAULT 0, never_plug INTEGER NOT NULL DEFAULT 0);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO sessions (id, app_token, location_id, evse_uid, connector_id, payment_method_id, created_at, car,
                      connector) VALUES ('s1', 't', 'l', 'E1', '1', 'pm', 100, '{}', '{}');
INSERT INTO evse_overrides VALUES ('E2', 1, 0, 0);
"""


class StoreMigrationTest(unittest.TestCase):
    def test_old_state_file_gains_the_new_columns(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "old.sqlite")
            db = sqlite3.connect(path)
            db.executescript(OLD_SCHEMA)
            db.close()
            store = Store(path)
            try:
                row = store.session("s1")
                self.assertEqual((row["smart_hold"], row["priority_at"], row["created_at"]), (0, None, 100))
                self.assertEqual(store.faulted_evses(), {"E2"})
                self.assertEqual(store.evse_override("E2")["offline"], 0)
                with store.transaction():
                    store.set_evse_override("E3", offline=1)
                self.assertEqual(store.offline_evses(), {"E3"})
            finally:
                store.close()


if __name__ == "__main__":
    unittest.main()
