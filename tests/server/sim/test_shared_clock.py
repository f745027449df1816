"""One simulated clock for every process behind one front proxy (serve.py --shared-clock): the first to
start writes the moment the group counts from into the state file, the others (and a worker that
restarts) read it back, so a session is at the same stage whichever process answers."""
import os
import tempfile
import unittest

from server.sim import SimClock, Store


class FakeTime:
    def __init__(self, real):
        self.real = real
        self.mono = 50.0

    def advance(self, seconds):
        self.real += seconds
        self.mono += seconds


class SharedClockTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="shared-clock-")
        self.path = os.path.join(self.tmp.name, "state.sqlite")
        self.first, self.second = Store(self.path), Store(self.path)

    def tearDown(self):
        self.first.close()
        self.second.close()
        self.tmp.cleanup()

    def test_the_group_reads_the_anchor_the_first_wrote(self):
        anchor = self.first.clock_anchor("run-1", 60.0, 1000.0)
        self.assertEqual(anchor, (1000.0, 1000.0))
        self.assertEqual(self.second.clock_anchor("run-1", 60.0, 1007.5), anchor)

    def test_a_new_group_or_scale_starts_from_the_last_time_shown(self):
        self.first.clock_anchor("run-1", 60.0, 1000.0)
        with self.first.transaction():
            self.first.save_clock(5000.0)
        self.assertEqual(self.second.clock_anchor("run-2", 60.0, 1010.0), (1010.0, 5000.0))
        self.assertEqual(self.second.clock_anchor("run-2", 30.0, 1020.0), (1020.0, 5000.0))

    def test_processes_started_apart_tell_the_same_time(self):
        t = FakeTime(1000.0)
        anchor = self.first.clock_anchor("run-1", 60.0, t.real)
        early = SimClock(60.0, anchor=anchor, real_time=lambda: t.real, monotonic=lambda: t.mono)
        t.advance(2.5)  # the second worker starts 2.5 s later: 150 simulated seconds
        late = SimClock(60.0, anchor=self.second.clock_anchor("run-1", 60.0, t.real),
                        real_time=lambda: t.real, monotonic=lambda: t.mono)
        t.advance(1.0)
        self.assertAlmostEqual(early.now(), late.now(), places=6)
        self.assertAlmostEqual(late.now(), 1000.0 + 3.5 * 60)

    def test_without_a_group_each_process_starts_from_now(self):
        t = FakeTime(1000.0)
        early = SimClock(60.0, real_time=lambda: t.real, monotonic=lambda: t.mono)
        t.advance(2.5)
        late = SimClock(60.0, real_time=lambda: t.real, monotonic=lambda: t.mono)
        self.assertNotAlmostEqual(early.now(), late.now())


if __name__ == "__main__":
    unittest.main()
