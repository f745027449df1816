"""A restart on the same state file: a charging session keeps charging, nothing a client saw goes back."""
import os
import tempfile
import unittest

from ..support.server_process import MARGA, Driver, ServerProcess

EVSE = "NL-GFX-EChargestation-1"


class RestartTest(unittest.TestCase):
    def test_charging_session_survives_a_killed_server(self):
        with tempfile.TemporaryDirectory(prefix="restart-test-") as tmp:
            state = os.path.join(tmp, "state.sqlite")
            first = ServerProcess(state=state, time_scale=60).start()
            try:
                driver = Driver(first, "restart-driver")
                driver.register()
                card = driver.valid_card("RESTART0001")
                session = driver.start(MARGA, EVSE, card["id"])
                driver.wait_status(session, "CHARGING")
                before = first.wait_for(lambda: (b := driver.status(session))["energyInKwh"] > 0.02 and b,
                                        what="some energy")
            finally:
                first.stop(kill=True)  # no chance to save anything on the way out

            second = ServerProcess(state=state, time_scale=60).start()
            try:
                driver.server = second
                after = driver.status(session)
                self.assertIn(after["status"], ("CHARGING", "PARKING"))
                self.assertEqual(after["startTime"], before["startTime"])
                self.assertGreaterEqual(after["energyInKwh"], before["energyInKwh"])
                self.assertEqual([m["id"] for m in driver.wallet()["data"]], [card["id"]])
                self.assertEqual(driver.evse_status(MARGA, EVSE), "CHARGING")
                driver.stop(session)
                receipt = driver.wait_status(session, "CDR_AVAILABLE")
                self.assertGreaterEqual(receipt["energyInKwh"], before["energyInKwh"])
                self.assertIsNotNone(receipt["totalCosts"])
            finally:
                second.stop()
                second._tmp.cleanup()
                first._tmp.cleanup()


if __name__ == "__main__":
    unittest.main()
