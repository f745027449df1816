#!/usr/bin/env python3
"""A coverage-guided random fuzzer for serve.py's parsers (py_targets.py), in plain Python: atheris is
in neither of the registries this project reaches. Inputs are mutated from a corpus (bit flips, byte
changes, inserts and deletes, the input language's words, splices of two inputs); an input that runs
a line pair (an arc) of the target's own files not seen before joins the corpus. Prints, per target,
executions, time, coverage (lines and arcs) and crashes: any exception but the target's documented
refusals, or an input taking over a second (a hang). Crashing inputs are saved in --out.

  python3 tools/fuzz/py_fuzz.py [--runs N] [--seed N] [--only NAME,...] [--out DIR] [--replay DIR]

--replay DIR runs every file under DIR/NAME/ once through target NAME and reports crashes only (the
committed corpus, tests/fuzz/corpus/py_NAME, is replayed by the tests this way)."""
import argparse
import hashlib
import os
import random
import signal
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import py_targets  # noqa: E402

MAX_LEN = 4096
HANG_SECONDS = 1.0


class Hang(Exception):
    pass


def _on_alarm(signum, frame):
    raise Hang()


class Coverage:
    """Lines and arcs (previous line, line) run in the target's own files, by sys.settrace."""

    def __init__(self, prefixes):
        self.prefixes = tuple(os.path.join(py_targets.REPO, p) for p in prefixes)
        self.lines, self.arcs = set(), set()
        self._run = set()
        self._wanted = {}

    def _tracer(self, frame, event, arg):
        name = frame.f_code.co_filename
        wanted = self._wanted.get(name)
        if wanted is None:
            wanted = self._wanted[name] = name.startswith(self.prefixes)
        if not wanted:
            return None
        last = [None]

        def local(frame, event, arg):
            if event == "line":
                here = (name, frame.f_lineno)
                self._run.add((last[0], here))
                last[0] = here
            return local
        return local

    def run(self, target, data):
        """(new coverage?, exception or None)."""
        self._run = set()
        error = None
        sys.settrace(self._tracer)
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
        try:
            target(data)
        except BaseException as exc:  # noqa: BLE001 - the harness decides what counts
            error = exc
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            sys.settrace(None)
        new_arcs = self._run - self.arcs
        if new_arcs:
            self.arcs |= new_arcs
            self.lines |= {arc[1] for arc in new_arcs}
        return bool(new_arcs), error


def mutate(rng, data, corpus, words):
    data = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 8))):
        kind = rng.randrange(7)
        pos = rng.randrange(len(data) + 1)
        if kind == 0 and data:
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        elif kind == 1 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif kind == 2:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif kind == 3 and data:
            end = min(len(data), pos + rng.randint(1, 16))
            del data[pos:end]
        elif kind == 4:
            data[pos:pos] = rng.choice(words)
        elif kind == 5 and corpus:
            other = rng.choice(corpus)
            cut = rng.randrange(len(other) + 1)
            data = data[:pos] + other[cut:]
        elif kind == 6 and data:
            start = rng.randrange(len(data))
            chunk = data[start:start + rng.randint(1, 32)]
            data[pos:pos] = chunk * rng.randint(1, 4)
    return bytes(data[:MAX_LEN])


def crash_key(exc):
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


def fuzz(name, runs, seed, out, corpus_dir=None):
    target = py_targets.TARGETS[name]
    rng = random.Random(seed)
    coverage = Coverage(py_targets.COVERED[name])
    corpus = list(py_targets.SEEDS[name])
    if corpus_dir and os.path.isdir(corpus_dir):
        corpus += [open(os.path.join(corpus_dir, f), "rb").read() for f in sorted(os.listdir(corpus_dir))]
    target(corpus[0])  # warm up (the simulator's catalog) outside the clock and the hang alarm
    crashes = {}
    hangs = 0
    began = time.monotonic()
    executions = 0
    for data in list(corpus):
        coverage.run(target, data)
        executions += 1
    words = py_targets.DICTIONARIES[name]
    while executions < runs:
        data = mutate(rng, rng.choice(corpus), corpus, words)
        new, error = coverage.run(target, data)
        executions += 1
        if error is not None:
            if isinstance(error, KeyboardInterrupt):
                raise error
            key = "hang" if isinstance(error, Hang) else crash_key(error)
            hangs += isinstance(error, Hang)
            if key not in crashes:
                crashes[key] = data
                os.makedirs(os.path.join(out, "crashes", name), exist_ok=True)
                path = os.path.join(out, "crashes", name, "crash-" + hashlib.sha1(data).hexdigest()[:16])
                with open(path, "wb") as fh:
                    fh.write(data)
                print(f"  {name}: {key} -> {path}", file=sys.stderr)
        elif new:
            corpus.append(data)
    seconds = time.monotonic() - began
    if out:
        keep = os.path.join(out, "corpus", name)
        os.makedirs(keep, exist_ok=True)
        for data in corpus:
            with open(os.path.join(keep, hashlib.sha1(data).hexdigest()[:16]), "wb") as fh:
                fh.write(data)
    return {"executions": executions, "seconds": seconds, "lines": len(coverage.lines), "arcs": len(coverage.arcs),
            "corpus": len(corpus), "crashes": len(crashes), "hangs": hangs}


def replay(name, folder):
    """Crashes (descriptions) of every file in `folder` run once through target `name`."""
    target = py_targets.TARGETS[name]
    problems = []
    for file in sorted(os.listdir(folder)):
        with open(os.path.join(folder, file), "rb") as fh:
            data = fh.read()
        try:
            target(data)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{file}: {crash_key(exc)}: {exc}")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20000, help="executions per target (default %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="random seed, to replay a run (default %(default)s)")
    parser.add_argument("--only", help="comma-separated targets (default: all)")
    parser.add_argument("--out", default=os.path.join(py_targets.REPO, "build", "fuzz", "py"),
                        help="where corpus and crashes go (default build/fuzz/py)")
    parser.add_argument("--replay", metavar="DIR", help="replay DIR/py_NAME/* once per target instead")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(py_targets.TARGETS)
    signal.signal(signal.SIGALRM, _on_alarm)
    if args.replay:
        failed = 0
        for name in names:
            folder = os.path.join(args.replay, "py_" + name)
            problems = replay(name, folder)
            print(f"{name}: {len(os.listdir(folder))} inputs, {len(problems)} crashes")
            for p in problems:
                print("  " + p)
            failed += len(problems)
        return 1 if failed else 0
    print(f"{'target':<15} {'executions':>10} {'seconds':>8} {'exec/s':>7} {'lines':>6} {'arcs':>6} {'corpus':>6} "
          f"{'crashes':>7} {'hangs':>5}")
    failed = 0
    for name in names:
        corpus_dir = os.path.join(py_targets.REPO, "tests", "fuzz", "corpus", "py_" + name)
        r = fuzz(name, args.runs, args.seed, args.out, corpus_dir)
        print(f"{name:<15} {r['executions']:>10} {r['seconds']:>8.1f} {r['executions'] / r['seconds']:>7.0f} "
              f"{r['lines']:>6} {r['arcs']:>6} {r['corpus']:>6} {r['crashes']:>7} {r['hangs']:>5}", flush=True)
        failed += r["crashes"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
