"""Runs the evprice binary on every priced case of the shared OCPI tariff test data and compares
its totals with the CDR's own, to 4 decimals. Prints the pass counts.

The cases' engine leaves min_price/max_price out; OCPI's text bounds the totals, and so do we.
So each case is checked twice: as given with --no-min-max (all must match), and with the OCPI
rule, where a case whose total falls outside [min_price, max_price] must come out bounded
instead (025kwh_min_price/cdr2: 0.30/0.33 becomes 0.50/0.55, as the OCPI example says)."""
import glob
import json
import os
import subprocess
import sys
from decimal import Decimal

FIELDS = ("total_cost", "total_energy_cost", "total_time_cost", "total_parking_cost", "total_fixed_cost",
          "total_reservation_cost")


def q4(x):
    return Decimal(str(x)).quantize(Decimal("0.0001"))


def run(evprice, tariff, cdr, *flags):
    done = subprocess.run([evprice, tariff, cdr, *flags], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise AssertionError(f"evprice failed on {cdr}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def expected(cdr):
    return {f: {k: q4((cdr.get(f) or {}).get(k, 0)) for k in ("excl_vat", "incl_vat")} for f in FIELDS}


def got(result):
    return {f: {k: q4(result[f][k]) for k in ("excl_vat", "incl_vat")} for f in FIELDS}


def bounded(tariff, want):
    """The CDR's totals with OCPI's min/max_price applied, excl. and incl. VAT apart."""
    total = dict(want["total_cost"])
    for key in ("excl_vat", "incl_vat"):
        low = (tariff.get("min_price") or {}).get(key)
        high = (tariff.get("max_price") or {}).get(key)
        if low is not None and total[key] < q4(low):
            total[key] = q4(low)
        if high is not None and total[key] > q4(high):
            total[key] = q4(high)
    out = dict(want)
    out["total_cost"] = total
    return out


def bad_input_checks(evprice, a_cdr):
    """Unreadable input: exit 2 and the file and JSON path named; never a crash."""
    import tempfile
    failures = []
    tariff_path = os.path.join(os.path.dirname(a_cdr), "tariff.json")
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "bad.json")
        with open(bad, "w") as fh:
            json.dump({"currency": "EUR", "elements": [{"price_components": [{"type": "ENERGY", "price": "0.25"}]}]}, fh)
        done = subprocess.run([evprice, bad, a_cdr], capture_output=True, text=True, timeout=30)
        if done.returncode != 2 or f"{bad}: elements[0].price_components[0].price" not in done.stderr:
            failures.append(f"a string price: rc {done.returncode}, stderr {done.stderr!r}")
        done = subprocess.run([evprice, tariff_path, a_cdr, "--timezone", "Mars/Base"], capture_output=True, text=True)
        if done.returncode != 2 or "unknown time zone Mars/Base" not in done.stderr:
            failures.append(f"unknown zone: rc {done.returncode}, stderr {done.stderr!r}")
        lines = "not json\n" + json.dumps({"tariff": {}, "cdr": {}, "timezone": 7}) + "\n"
        done = subprocess.run([evprice, "--batch"], input=lines, capture_output=True, text=True, timeout=30)
        answers = [json.loads(x) for x in done.stdout.splitlines()]
        if done.returncode != 0 or len(answers) != 2 or not all("error" in a for a in answers):
            failures.append(f"batch with bad lines: rc {done.returncode}, out {done.stdout!r}")
    return failures


def main():
    evprice, data = sys.argv[1], sys.argv[2]
    cases = sorted(glob.glob(os.path.join(data, "*", "cdr*.json")))
    if not cases:
        print(f"no cases under {data}")
        return 1
    failures, as_given, ocpi_rule, deviations = [], 0, 0, []
    for cdr_path in cases:
        tariff_path = os.path.join(os.path.dirname(cdr_path), "tariff.json")
        name = os.path.relpath(cdr_path, data)
        with open(tariff_path) as fh:
            tariff = json.load(fh)
        with open(cdr_path) as fh:
            want = expected(json.load(fh))
        plain = got(run(evprice, tariff_path, cdr_path, "--no-min-max"))
        if plain == want:
            as_given += 1
        else:
            failures.append(f"{name} (as given): want {want} got {plain}")
        ocpi = got(run(evprice, tariff_path, cdr_path))
        want_ocpi = bounded(tariff, want)
        if ocpi == want_ocpi:
            ocpi_rule += 1
            if want_ocpi != want:
                deviations.append(f"{name}: total {dict(want['total_cost'])} -> {dict(ocpi['total_cost'])} by min/max_price")
        else:
            failures.append(f"{name} (OCPI min/max): want {want_ocpi} got {ocpi}")
    failures += bad_input_checks(evprice, cases[0])
    print(f"{as_given}/{len(cases)} cases match the CDR totals as given (min/max_price off)")
    print(f"{ocpi_rule}/{len(cases)} cases match with OCPI's min/max_price rule")
    for d in deviations:
        print("  deliberate deviation from the CDR:", d)
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
