"""Reads the Bundesnetzagentur charging-station register (CSV, see testdata/locations/SOURCE.md) into
clean stations for the simulator's German demo data. Real data is dirty: every row is validated, fixable
faults are fixed, the rest is skipped, and all of it is reported; no row can stop the import."""
import csv
import io
import re
from collections import Counter, defaultdict

ATTRIBUTION = "Bundesnetzagentur, CC BY 4.0"  # the app writes "Charging station data: …" in its language
LAT_RANGE = (47.2, 55.1)     # Germany's extent
LNG_RANGE = (5.8, 15.1)
MAX_KW = 400.0
POSTCODE_CITY = re.compile(r"^\s*(\d{4,5})\s+(\S.*?)\s*$")

# German plug labels -> (OCPI standard, format, power type)
PLUGS = {
    "AC Steckdose Typ 2": ("IEC_62196_T2", "SOCKET", "AC_3_PHASE"),
    "AC Kupplung Typ 2": ("IEC_62196_T2", "CABLE", "AC_3_PHASE"),
    "DC Kupplung Combo": ("IEC_62196_T2_COMBO", "CABLE", "DC"),
    "DC CHAdeMO": ("CHADEMO", "CABLE", "DC"),
    "AC Schuko": ("DOMESTIC_F", "SOCKET", "AC_1_PHASE"),
    "AC CEE 5 polig": ("IEC_60309_2_three_16", "SOCKET", "AC_3_PHASE"),
    "AC CEE 3 polig": ("IEC_60309_2_single_16", "SOCKET", "AC_1_PHASE"),
    "Steckdose Typ 1": ("IEC_62196_T1", "SOCKET", "AC_1_PHASE"),
    "AC Steckdose Typ 1": ("IEC_62196_T1", "SOCKET", "AC_1_PHASE"),
}
FIELDS = ("operator", "address", "postcode_city", "state", "lon", "lat", "commissioned", "power_kw", "kind",
          "points", "plug1", "p1_kw", "plug2", "p2_kw", "plug3", "p3_kw", "plug4", "p4_kw")


class Report:
    """What the import skipped or fixed, by reason, with the first few line numbers of each."""

    def __init__(self):
        self.rows = 0
        self.skipped = Counter()
        self.fixed = Counter()
        self.examples = defaultdict(list)

    def _note(self, counter, reason, line):
        counter[reason] += 1
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(line)

    def skip(self, reason, line):
        self._note(self.skipped, reason, line)

    def fix(self, reason, line):
        self._note(self.fixed, reason, line)

    def lines(self):
        out = [f"{self.rows} rows read, {sum(self.skipped.values())} skipped, "
               f"{sum(self.fixed.values())} fixes applied"]
        for title, counter in (("skipped", self.skipped), ("fixed", self.fixed)):
            for reason, n in counter.most_common():
                out.append(f"  {title}: {reason}: {n} (lines {', '.join(map(str, self.examples[reason]))})")
        return out


def _number(text):
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _charge_point(plug_text, kw_text, fallback_kw, line, report):
    """(kW, [(standard, format, powerType)...]) of one charge point, or None."""
    labels = [p.strip() for p in (plug_text or "").split(",") if p.strip()]
    connectors = []
    for label in labels:
        plug = PLUGS.get(label)
        if plug is None:
            report.fix(f"unknown plug type {label[:30]!r} left out", line)
            continue
        if plug not in connectors:
            connectors.append(plug)
    if not connectors:
        return None
    kw = _number(kw_text)
    if kw is None or not 0 < kw <= MAX_KW:
        if fallback_kw is None:
            report.fix("charge point without a usable kW left out", line)
            return None
        report.fix("charge point kW missing or out of range: station kW shared out", line)
        kw = fallback_kw
    return round(kw, 1), connectors


def parse_row(row, line, report):
    """A clean station dict, or None (reported)."""
    if len(row) != len(FIELDS):
        report.skip(f"{len(row)} columns instead of {len(FIELDS)}", line)
        return None
    d = {k: (v or "").strip() for k, v in zip(FIELDS, row)}
    if d["operator"] != row[0] or d["address"] != row[1]:
        report.fix("spaces around operator or address trimmed", line)
    if not d["operator"] or not d["address"]:
        report.skip("operator or address missing", line)
        return None
    lat, lng = _number(d["lat"]), _number(d["lon"])
    if lat is None or lng is None:
        report.skip("coordinates missing or not numbers", line)
        return None
    in_de = LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LNG_RANGE[0] <= lng <= LNG_RANGE[1]
    if not in_de and LAT_RANGE[0] <= lng <= LAT_RANGE[1] and LNG_RANGE[0] <= lat <= LNG_RANGE[1]:
        lat, lng = lng, lat
        report.fix("latitude and longitude swapped back", line)
    elif not in_de:
        report.skip("coordinates outside Germany", line)
        return None
    match = POSTCODE_CITY.match(d["postcode_city"])
    if match is None:
        report.skip("postcode and city unreadable", line)
        return None
    postcode, city = match.groups()
    if len(postcode) == 4:
        postcode = "0" + postcode  # spreadsheets drop the leading zero of eastern German postcodes
        report.fix("leading zero of the postcode restored", line)
    if d["kind"] not in ("Normalladeeinrichtung", "Schnellladeeinrichtung"):
        report.skip("kind is neither normal nor fast charging", line)
        return None
    station_kw = _number(d["power_kw"])
    points_text = d["points"]
    n_points = int(points_text) if points_text.isdigit() else None
    fallback = round(station_kw / n_points, 1) if station_kw and n_points and station_kw > 0 else None
    points = []
    for k in range(1, 5):
        point = _charge_point(d[f"plug{k}"], d[f"p{k}_kw"], fallback, line, report)
        if point is not None:
            points.append(point)
    if not points:
        report.skip("no usable charge point", line)
        return None
    if n_points != len(points):
        report.fix("number of charge points taken from the plugs listed", line)
    return {
        "operator": d["operator"], "address": d["address"], "postcode": postcode, "city": city,
        "lat": round(lat, 6), "lng": round(lng, 6), "fast": d["kind"] == "Schnellladeeinrichtung",
        "commissioned": d["commissioned"] if re.match(r"^\d{4}-\d{2}-\d{2}$", d["commissioned"]) else None,
        "points": points,
    }


def read_stations(text):
    """(stations, report) from the CSV text. Rows at the same place of the same operator are one
    location with all their charge points, as a register lists each pillar apart."""
    report = Report()
    stations = {}
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != list(FIELDS):
        raise ValueError("not the expected register header: " + ",".join(FIELDS))
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        report.rows += 1
        station = parse_row(row, line, report)
        if station is None:
            continue
        key = (station["operator"], station["address"], station["lat"], station["lng"])
        if key in stations:
            stations[key]["points"].extend(station["points"])
            report.fix("rows at the same place merged into one location", line)
        else:
            stations[key] = station
    return list(stations.values()), report


def compact(stations):
    """The asset form: one short list per station (keeps assets/sim/de-bnetza.json.gz small)."""
    out = []
    for s in stations:
        points = [[kw, [list(c) for c in connectors]] for kw, connectors in s["points"]]
        out.append([s["operator"], s["address"], s["postcode"], s["city"], s["lat"], s["lng"], int(s["fast"]),
                    s["commissioned"], points])
    return out
