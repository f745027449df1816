"""The committed fuzz corpus of serve.py's parsers (tests/fuzz/corpus/py_*), replayed through the same
targets tools/fuzz/py_fuzz.py fuzzes: inputs that once crashed, and seeds, stay harmless. Seconds."""
import os
import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools" / "fuzz"))
import py_fuzz  # noqa: E402
import py_targets  # noqa: E402


class FuzzCorpusTest(unittest.TestCase):
    def test_every_committed_input_is_refused_or_read_never_crashes(self):
        for name in py_targets.TARGETS:
            folder = REPO / "tests" / "fuzz" / "corpus" / ("py_" + name)
            with self.subTest(target=name):
                self.assertTrue(os.listdir(folder), f"{folder} is empty")
                self.assertEqual(py_fuzz.replay(name, str(folder)), [])

    def test_the_fuzzer_runs(self):
        result = py_fuzz.fuzz("guest_list", 300, seed=7, out=None)
        self.assertEqual((result["executions"], result["crashes"]), (300, 0))
        self.assertGreater(result["lines"], 20)


if __name__ == "__main__":
    unittest.main()
