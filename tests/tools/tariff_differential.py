"""Differential test: random tariffs (OCPI with every restriction kind, and Charge Assist
TariffModels) and random sessions, priced by the C++ engine (evprice --batch, one process for all
cases) and by the simulator's server/pricing/tariff_calc.py. Every total must agree to the micro, which is
stricter than to the cent. Any disagreement is a bug in one of them; the first few are printed.

usage: tariff_differential.py EVPRICE [--cases N] [--seed S]"""
import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import time
import zoneinfo

from server.pricing import tariff_calc as tc

ZONES = ["UTC", "Europe/Amsterdam", "Europe/London", "Europe/Helsinki", "+02:00", "-05:30"]
DAYS = list(tc.DAYS)
FIELDS = ("total_cost", "total_energy_cost", "total_time_cost", "total_parking_cost", "total_fixed_cost",
          "total_reservation_cost")


def python_zone(name):
    if name == "UTC":
        return None
    if name[0] in "+-":
        sign = -1 if name[0] == "-" else 1
        return dt.timezone(sign * dt.timedelta(hours=int(name[1:3]), minutes=int(name[4:6])))
    return zoneinfo.ZoneInfo(name)


def iso(ms):
    return dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def money(rng, high=5.0):
    return rng.choice([0, round(rng.uniform(0, high), rng.choice([2, 3, 4]))])


def maybe(rng, p, value):
    return value if rng.random() < p else None


def restrictions(rng, session_start_ms):
    r = {}
    if rng.random() < 0.3:
        r["start_time"] = f"{rng.randrange(24):02d}:{rng.choice([0, 15, 30, 45]):02d}"
    if rng.random() < 0.3:
        r["end_time"] = f"{rng.randrange(24):02d}:{rng.choice([0, 15, 30, 45]):02d}"
    if rng.random() < 0.1:
        day = dt.datetime.fromtimestamp(session_start_ms / 1000, dt.timezone.utc).date()
        r["start_date" if rng.random() < 0.5 else "end_date"] = str(day + dt.timedelta(days=rng.randint(-2, 2)))
    if rng.random() < 0.2:
        r["day_of_week"] = rng.sample(DAYS, rng.randint(1, 6))
    for low, high, top in (("min_kwh", "max_kwh", 60), ("min_power", "max_power", 150),
                           ("min_current", "max_current", 64)):
        if rng.random() < 0.2:
            r[low] = round(rng.uniform(0, top), rng.choice([0, 1, 2]))
        if rng.random() < 0.2:
            r[high] = round(rng.uniform(0, top), rng.choice([0, 1, 2]))
    if rng.random() < 0.25:
        r["min_duration"] = rng.randrange(0, 7200, 60)
    if rng.random() < 0.25:
        r["max_duration"] = rng.randrange(60, 14400, 60)
    if rng.random() < 0.05:
        r["reservation"] = rng.choice(["RESERVATION", "RESERVATION_EXPIRES"])
    return r


def component(rng, kind):
    c = {"type": kind, "price": money(rng, 1.0 if kind == "ENERGY" else 6.0),
         "step_size": rng.choice([0, 1, 1, 60, 300, 900, 1800] if kind != "ENERGY" else [0, 1, 1, 100, 500, 5000])}
    if rng.random() < 0.7:
        c["vat"] = rng.choice([0, 5.5, 9, 13, 19, 20, 21, 25.5])
    return c


def ocpi_tariff(rng, session_start_ms):
    elements = []
    for _ in range(rng.randint(1, 5)):
        kinds = rng.sample(tc.DIMENSIONS, rng.randint(1, 4))
        e = {"price_components": [component(rng, k) for k in kinds]}
        r = restrictions(rng, session_start_ms)
        if r:
            e["restrictions"] = r
        elements.append(e)
    t = {"id": "T", "currency": "EUR", "elements": elements}
    for key in ("min_price", "max_price"):
        if rng.random() < 0.15:
            excl = round(rng.uniform(0, 30), 2)
            t[key] = {"excl_vat": excl, "incl_vat": round(excl * 1.21, 2)} if rng.random() < 0.8 else {"excl_vat": excl}
    if rng.random() < 0.05:
        t["start_date_time"] = iso(session_start_ms + rng.randint(-7200, 7200) * 1000)
    if rng.random() < 0.05:
        t["end_date_time"] = iso(session_start_ms + rng.randint(-7200, 7200) * 1000)
    return t


def charge_assist_tariff(rng):
    components = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(tc.DIMENSIONS)
        c = {"type": kind, "price": money(rng, 1.0 if kind == "ENERGY" else 6.0),
             "stepSize": rng.choice([1, 1, 60, 300, 900] if kind != "ENERGY" else [1, 1, 100, 1000])}
        if rng.random() < 0.5:
            c["vat"] = rng.choice([0, 9, 13, 21])
        r = {}
        for key, top in (("min_kwh", 60), ("max_kwh", 60), ("min_power", 150), ("max_power", 150),
                         ("min_current", 64), ("max_current", 64)):
            if rng.random() < 0.15:
                r[key] = round(rng.uniform(0, top), rng.choice([0, 1]))
        for key in ("min_duration", "max_duration"):
            if rng.random() < 0.2:
                r[key] = rng.randrange(0, 10800, 60)
        if r:
            c["restrictions"] = r
        components.append(c)
    per_element = rng.randint(1, 3)
    elements = [{"priceComponents": components[i:i + per_element]} for i in range(0, len(components), per_element)]
    t = {"currency": "EUR", "isVatIncluded": rng.random() < 0.5, "elements": elements}
    if rng.random() < 0.6:
        t["vatPercentage"] = rng.choice([9, 13, 21])
    return t


def session(rng):
    # 2000..2035, so DST changes, midnights and weekdays all come up
    start = rng.randint(946_684_800, 2_082_758_400) * 1000
    if rng.random() < 0.2:  # right around an EU summer-time change
        year = rng.randint(2001, 2034)
        month = rng.choice([3, 10])
        last = dt.date(year, month, 31)
        sunday = last - dt.timedelta(days=(last.weekday() + 1) % 7)
        start = int(dt.datetime(sunday.year, sunday.month, sunday.day, 1, tzinfo=dt.timezone.utc).timestamp() * 1000)
        start += rng.randint(-3 * 3600, 3 * 3600) * 1000
    periods, t = [], start
    reservation_only = rng.random() < 0.04
    for i in range(rng.randint(0 if rng.random() < 0.03 else 1, 12)):
        seconds = rng.choice([rng.randint(1, 900), rng.randint(60, 5400)])
        dims = []
        if reservation_only or (i == 0 and rng.random() < 0.05):
            dims.append({"type": "RESERVATION_TIME", "volume": seconds / 3600})
        elif rng.random() < 0.7:
            kw = round(rng.uniform(1, 150), rng.choice([1, 2]))
            dims.append({"type": "ENERGY", "volume": round(kw * seconds / 3600, rng.choice([3, 4]))})
            dims.append({"type": "TIME", "volume": seconds / 3600})
            for kind, value in (("POWER", kw), ("MIN_POWER", kw * 0.8), ("MAX_POWER", kw * 1.1),
                                ("CURRENT", kw * 4.3), ("MAX_CURRENT", kw * 4.5)):
                if rng.random() < 0.4:
                    dims.append({"type": kind, "volume": round(value, 2)})
        else:
            dims.append({"type": "PARKING_TIME", "volume": seconds / 3600})
        periods.append({"start_date_time": iso(t), "dimensions": dims})
        t += seconds * 1000
    return {"start_date_time": iso(start), "end_date_time": iso(t), "currency": "EUR", "charging_periods": periods}


def python_price(case):
    tariff, cdr = case["tariff"], case["cdr"]
    if tariff["elements"] and "priceComponents" in tariff["elements"][0]:
        tariff = tc.ocpi_from_charge_assist(tariff)
    periods = []
    for p in cdr["charging_periods"]:
        op = tc.OcpiPeriod(start_ms=tc._iso_ms(p["start_date_time"]))
        for d in p["dimensions"]:
            v = d["volume"]
            kind = d["type"]
            if kind == "ENERGY":
                op.energy = (op.energy or 0) + tc.mwh_from_kwh(v)
            elif kind == "TIME":
                op.time = (op.time or 0) + tc.ms_from_hours(v)
            elif kind == "PARKING_TIME":
                op.parking = (op.parking or 0) + tc.ms_from_hours(v)
            elif kind == "RESERVATION_TIME":
                op.reservation = (op.reservation or 0) + tc.ms_from_hours(v)
            else:
                attr = {"POWER": "power_kw", "MIN_POWER": "min_power_kw", "MAX_POWER": "max_power_kw",
                        "CURRENT": "current_a", "MIN_CURRENT": "min_current_a", "MAX_CURRENT": "max_current_a"}[kind]
                setattr(op, attr, float(v))
        periods.append(op)
    try:
        cost = tc.price_ocpi(tariff, periods, tc._iso_ms(cdr["start_date_time"]), tc._iso_ms(cdr["end_date_time"]),
                             python_zone(case["timezone"]))
    except tc.TariffNotActive:
        return {"error": True}
    names = {"total_cost": "total", "total_energy_cost": "energy", "total_time_cost": "time",
             "total_parking_cost": "parking", "total_fixed_cost": "fixed", "total_reservation_cost": "reservation"}
    return {f: tuple(cost.totals[names[f]]) for f in FIELDS}


def cpp_result(line):
    j = json.loads(line)
    if "error" in j:
        return {"error": True}
    return {f: (round(j[f]["excl_vat"] * 1e6), round(j[f]["incl_vat"] * 1e6)) for f in FIELDS}


def mutate(rng, o, rate=0.02):
    """Hostile input: some values replaced by wrong types, out-of-range numbers, bad enums."""
    values = [None, "x", -1, 1e308, [], {}, True, "25:00", "NOPE", 0, 2 ** 70, "2022-13-45"]
    items = list(o.items()) if isinstance(o, dict) else list(enumerate(o)) if isinstance(o, list) else []
    for key, value in items:
        if rng.random() < rate:
            o[key] = rng.choice(values)
        else:
            mutate(rng, value, rate)


def hostile_run(evprice, rng, count):
    """evprice --batch on mutated cases must answer every line (a price or an error), never crash."""
    lines = []
    for i in range(count):
        cdr = session(rng)
        tariff = charge_assist_tariff(rng) if i % 3 == 2 else ocpi_tariff(rng, tc._iso_ms(cdr["start_date_time"]))
        case = {"tariff": tariff, "cdr": cdr, "timezone": rng.choice(ZONES)}
        mutate(rng, case)
        lines.append(json.dumps(case))
    done = subprocess.run([evprice, "--batch"], input="\n".join(lines) + "\n", capture_output=True, text=True,
                          timeout=300)
    answers = done.stdout.splitlines()
    ok = done.returncode == 0 and len(answers) == count and all(isinstance(json.loads(a), dict) for a in answers)
    errors = sum("error" in json.loads(a) for a in answers) if ok else -1
    print(f"{count} hostile cases: exit {done.returncode}, {len(answers)} answers, {errors} refused with a reason")
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("evprice")
    ap.add_argument("--cases", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=20261121)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = []
    for i in range(args.cases):
        cdr = session(rng)
        start_ms = tc._iso_ms(cdr["start_date_time"])
        tariff = charge_assist_tariff(rng) if i % 3 == 2 else ocpi_tariff(rng, start_ms)
        cases.append({"tariff": tariff, "cdr": cdr, "timezone": rng.choice(ZONES)})
    stdin = "".join(json.dumps(c) + "\n" for c in cases)
    t0 = time.perf_counter()
    done = subprocess.run([args.evprice, "--batch"], input=stdin, capture_output=True, text=True, timeout=300)
    cpp_seconds = time.perf_counter() - t0
    if done.returncode != 0:
        print("evprice --batch failed:", done.stderr)
        return 1
    outputs = done.stdout.splitlines()
    t0 = time.perf_counter()
    expected = [python_price(c) for c in cases]
    py_seconds = time.perf_counter() - t0
    mismatches = []
    errors = 0
    periods = sum(len(c["cdr"]["charging_periods"]) for c in cases)
    for case, line, want in zip(cases, outputs, expected):
        got = cpp_result(line)
        errors += "error" in got
        if got != want:
            mismatches.append((case, got, want))
    if len(outputs) != len(cases):
        print(f"evprice answered {len(outputs)} lines for {len(cases)} cases")
        return 1
    print(f"{len(cases)} random sessions ({periods} periods; {errors} with a tariff not valid at the start): "
          f"C++ {cpp_seconds:.2f} s, Python {py_seconds:.2f} s, {len(mismatches)} disagreements")
    for case, got, want in mismatches[:3]:
        print("DISAGREE", json.dumps(case), "\n  C++   ", got, "\n  Python", want)
    hostile_ok = hostile_run(args.evprice, rng, max(100, args.cases // 6))
    return 1 if mismatches or not hostile_ok else 0


if __name__ == "__main__":
    sys.exit(main())
