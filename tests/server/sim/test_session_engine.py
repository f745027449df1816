"""The session life cycle as a pure function of stored facts and simulated time."""
import unittest

from server.sim import session_engine as engine

AC7 = {"id": "1", "powerType": "AC_1_PHASE", "kw": 7, "voltage": 230, "phases": 1}
DC150 = {"id": "1", "powerType": "DC", "kw": 150, "voltage": 920}
CAR = {"capacityKwh": 60, "soc0": 0.5, "acMaxKw": 11, "dcMaxKw": 100}


def facts(**changes):
    base = dict(created_at=1000.0, reject_error=None, plug_at=1003.0, forced_full_at=None, ended_at=None,
                end_reason=None, car=CAR, connector=AC7, has_tariff=True)
    base.update(changes)
    return engine.Facts(**base)


class TimelineTest(unittest.TestCase):
    def test_happy_path(self):
        f = facts()
        self.assertEqual(engine.evaluate(f, 1000.5).status, "REQUESTED")
        self.assertEqual(engine.evaluate(f, 1002).status, "STARTING")
        view = engine.evaluate(f, 1063)
        self.assertEqual((view.status, view.charge_start, view.energy_wh, view.power_kw), ("CHARGING", 1003, 116, 7))
        stopped = facts(ended_at=1135.0, end_reason="STOP")
        self.assertEqual(engine.evaluate(stopped, 1135.5).status, "STOPPING")
        self.assertEqual(engine.evaluate(stopped, 1138).status, "COMPLETED")
        done = engine.evaluate(stopped, 1141)
        self.assertEqual((done.status, done.final, done.energy_wh, done.end), ("CDR_AVAILABLE", True, 256, 1135))
        periods = engine.billing_periods(stopped, done)
        self.assertEqual(sum(p.energy_wh for p in periods), 256)
        self.assertEqual(sum(p.time_s for p in periods), 132)

    def test_ways_out(self):
        self.assertEqual(engine.evaluate(facts(plug_at=None), 1029.9).status, "STARTING")
        timeout = engine.evaluate(facts(plug_at=None), 1030)
        self.assertEqual((timeout.status, timeout.error), ("TIMEOUT", "SOFT_TIME_OUT"))
        self.assertEqual(engine.evaluate(facts(plug_at=1031.0), 1040).status, "TIMEOUT")
        self.assertEqual(engine.evaluate(facts(plug_at=None, ended_at=1010.5, end_reason="STOP"), 1011).status,
                         "CANCELLED")
        self.assertEqual(engine.evaluate(facts(plug_at=None, ended_at=1010.5, end_reason="FAULT"), 1011).status,
                         "ERROR")
        rejected = facts(reject_error="EVSE_NOT_AVAILABLE", plug_at=None)
        self.assertEqual(engine.evaluate(rejected, 1000.5).status, "REQUESTED")
        self.assertEqual(engine.evaluate(rejected, 1001).error, "EVSE_NOT_AVAILABLE")
        no_tariff = facts(ended_at=1100.0, end_reason="STOP", has_tariff=False)
        view = engine.evaluate(no_tariff, 5000)
        self.assertEqual((view.status, view.final, view.costs_available), ("COMPLETED", True, False))

    def test_plug_before_acceptance_waits_for_the_operator(self):
        # plugged in after the request, before the operator accepted: charges on acceptance
        view = engine.evaluate(facts(plug_at=1000.5), 1001)
        self.assertEqual((view.status, view.charge_start), ("CHARGING", 1001))

    def test_a_car_connected_before_the_start_waits_for_the_authorization(self):
        # on the cable when the start came (a charger that requires authorization): held with no
        # current, reported as connected, until the authorization arrives after acceptance
        waiting = facts(plug_at=1000.0)
        self.assertEqual((engine.evaluate(waiting, 1000.5).status, engine.evaluate(waiting, 1000.5).connected),
                         ("REQUESTED", True))
        view = engine.evaluate(waiting, 1001 + engine.AUTHORIZE_DELAY - 0.5)
        self.assertEqual((view.status, view.connected, view.charge_start), ("STARTING", True, None))
        view = engine.evaluate(waiting, 1001 + engine.AUTHORIZE_DELAY)
        self.assertEqual((view.status, view.charge_start), ("CHARGING", 1001 + engine.AUTHORIZE_DELAY))
        # a car not yet on the cable is not reported as connected
        self.assertFalse(engine.evaluate(facts(plug_at=1003.0), 1002).connected)

    def test_taper_and_full_battery(self):
        f = facts(connector=DC150, car={**CAR, "soc0": 0.7})
        curve = engine.curve_for(f)
        self.assertEqual(curve.pmax, 100)  # the car's DC limit, below the charger's 150 kW
        early, late = engine.evaluate(f, 1010), engine.evaluate(f, 1003 + curve.t_taper + 600)
        self.assertEqual(early.power_kw, 100)
        self.assertLess(late.power_kw, 60)
        self.assertGreater(late.soc, 0.8)
        full = engine.evaluate(f, 1003 + curve.full_after + 5)
        self.assertEqual((full.status, full.power_kw), ("PARKING", 0))
        self.assertAlmostEqual(full.soc, engine.FULL_SOC, places=2)
        energies = [engine.evaluate(f, t).energy_wh for t in range(1003, 1003 + int(curve.full_after) + 100, 97)]
        self.assertEqual(energies, sorted(energies))
        self.assertAlmostEqual(energies[-1] / 1000, (engine.FULL_SOC - 0.7) * 60, delta=0.01)

    def test_forced_full_then_parking_periods(self):
        f = facts(forced_full_at=1063.0, ended_at=1200.0, end_reason="STOP")
        view = engine.evaluate(f, 2000)
        periods = engine.billing_periods(f, view)
        self.assertEqual(sum(p.time_s for p in periods), 60)
        self.assertEqual(sum(p.parking_s for p in periods), 137)
        self.assertEqual(view.energy_wh, 116)

    def test_full_car_leaves_after_a_while(self):
        f = facts(forced_full_at=1063.0)
        self.assertEqual(engine.evaluate(f, 1063 + engine.CAR_LEAVES_AFTER_FULL - 1).status, "PARKING")
        gone = engine.evaluate(f, 1063 + engine.CAR_LEAVES_AFTER_FULL + 10)
        self.assertEqual((gone.status, gone.end), ("CDR_AVAILABLE", 1063 + engine.CAR_LEAVES_AFTER_FULL))
        periods = engine.billing_periods(f, gone)
        self.assertEqual(sum(p.parking_s for p in periods), engine.CAR_LEAVES_AFTER_FULL)

    def test_meter_points(self):
        f = facts()
        view = engine.evaluate(f, 1003 + 3600)
        points = engine.meter_points(f, view, 1003 + 3600, 15)
        self.assertEqual(len(points), 15)
        self.assertEqual((points[0][0], points[-1][0]), (1003, 1003 + 3600))
        self.assertEqual(points[-1][1], 7000)
        self.assertEqual(engine.meter_points(f, view, 1003 + 3600, 0), [])

    def test_car_is_drawn_from_the_session_id(self):
        self.assertEqual(engine.new_car("abc"), engine.new_car("abc"))
        cars = {tuple(sorted(engine.new_car(str(i)).items())) for i in range(50)}
        self.assertGreater(len(cars), 10)


if __name__ == "__main__":
    unittest.main()
