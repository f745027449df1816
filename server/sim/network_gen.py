"""The simulator's country-wide network: locations clustered around real Dutch and Belgian cities and at
service areas along their motorways (generated, reproducible), and Germany's stations from the
Bundesnetzagentur register (assets/sim/de-bnetza.json.gz). Adds to a Catalog; see assets/sim/network.json."""
import bisect
import gzip
import hashlib
import json
import math
import random
import re
import uuid
from pathlib import Path

from .facility_mix import facilities_for

ASSETS = Path(__file__).resolve().parents[2] / "assets" / "sim"
NETWORK_FILE = ASSETS / "network.json"
BNETZA_FILE = ASSETS / "de-bnetza.json.gz"
QR_NAMESPACE = uuid.UUID("0f4c8a52-6f1e-4d8b-9a57-3b1c5e2d7a90")
SERVICE_AREA_KM = 22          # motorway service areas come about this far apart
CONNECTOR_CAP_KW = {"DOMESTIC_F": 3.7, "IEC_60309_2_single_16": 3.7, "IEC_60309_2_three_16": 11,
                    "IEC_62196_T1": 7.4, "IEC_62196_T2": 43, "CHADEMO": 62.5}
AC_EVSE_COUNTS = {1: 20, 2: 55, 3: 10, 4: 15}
AVAILABILITY = {"NONE": 1, "LOW": 3, "MODERATE": 4, "HIGH": 2}
CITY_TYPES = {"ON_STREET": 70, "PARKING_GARAGE": 10, "PARKING_LOT": 12, "UNDERGROUND_GARAGE": 5, "OTHER": 3}
DE_TYPES = {"ON_STREET": 55, "PARKING_LOT": 30, "PARKING_GARAGE": 10, "OTHER": 5}
MOTORWAY_WORDS = re.compile(r"(?i)\b(BAB|A ?\d+|Rastanlage|Raststätte|Rasthof|Autohof|Tank ?& ?Rast|Autobahn)")


def _uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


_TABLES = {}


def _weighted(rng, table):
    """A key of {key: weight}. Cumulative weights are kept per table: this runs ~100,000 times at start-up."""
    prepared = _TABLES.get(id(table))
    if prepared is None or prepared[0] is not table:
        keys = list(table)
        total, cumulative = 0, []
        for k in keys:
            total += table[k]
            cumulative.append(total)
        prepared = _TABLES[id(table)] = (table, keys, cumulative, total)
    _, keys, cumulative, total = prepared
    return keys[bisect.bisect_right(cumulative, rng.random() * total)]


def _qr_id(evse_uid):
    """A stable UUID-shaped QR id per EVSE (name-based, like uuid5, without the UUID object's cost)."""
    h = hashlib.sha1(QR_NAMESPACE.bytes + evse_uid.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:32]}"


def _stable(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def _party(operator_name):
    letters = re.sub(r"[^A-Z0-9]", "", operator_name.upper().replace("Ä", "A").replace("Ö", "O").replace("Ü", "U"))
    return (letters + "XXX")[:3]


def _electrics(kw, power_type):
    if power_type == "DC":
        voltage = 400 if kw <= 50 else 920
        return 0, voltage, max(1, round(kw * 1000 / voltage))
    phases = 3 if power_type == "AC_3_PHASE" else 1
    return phases, 230, max(1, round(kw * 1000 / (230 * phases)))


def connector(cid, standard, fmt, power_type, kw, tariff_id):
    kw = min(kw, CONNECTOR_CAP_KW.get(standard, kw))
    phases, voltage, amperage = _electrics(kw, power_type)
    body = {"id": cid, "standard": standard, "format": fmt, "powerType": power_type, "phases": phases,
            "kw": max(1, int(round(kw))), "voltage": voltage, "amperage": amperage, "tariffId": tariff_id}
    if kw != int(kw):
        body["powerInKw"] = kw
    return body


class NetworkBuilder:
    def __init__(self, catalog, params, base_params):
        self.catalog = catalog
        self.p = params
        self.base = base_params  # generated.json: NL operators, statuses, facilities, power tables
        self.rng = random.Random(params["seed"])
        self.station_no = 500000
        self._kw_tables = {}

    # one location

    def add(self, cc, operator, lat, lng, name, address, city, postcode, loc_type, evses_spec, facilities=None):
        """evses_spec: [[connector dicts...], ...]. Draws status, access and QR codes, adds to the catalog."""
        rng, shares = self.rng, self.p["shares"]
        party = operator.get("party") or _party(operator["name"])
        ocpi_id = _uuid(rng)
        loc_id = f"{cc.lower()}-{party.lower()}-{ocpi_id}"
        self.station_no += rng.randint(1, 9)
        roll = rng.random()
        private = roll < shares["private"]
        restricted = not private and roll < shares["private"] + shares["restricted"]
        smart = rng.random() < shares["smartCharging"]
        info_only = rng.random() < shares["infoOnly"]
        evses = []
        for k, connectors in enumerate(evses_spec, start=1):
            capabilities = ["REMOTE_START_STOP_CAPABLE", "RFID_READER"]
            if smart or rng.random() < 0.3:
                capabilities.append("CHARGING_PROFILE_CAPABLE")
            evses.append({
                "uid": f"{cc}-{party}-E{self.station_no}-{k}", "evseId": f"{cc}*{party}*E{self.station_no}*{k}",
                "displayName": f"{self.station_no}-{k}", "status": _weighted(rng, self.base["evseStatuses"]),
                "capabilities": capabilities, "connectors": connectors, "chargingNotAllowed": info_only,
                "directions": [], "restrictedAccess": restricted, "isQrPresent": True,
            })
        country = self.p["countries"][cc]
        if private:
            name = f"{name} (private)"
        detail = {
            "id": loc_id, "type": loc_type, "name": name, "address": address, "city": city,
            "postalCode": postcode, "country": country, "coordinates": {"latitude": lat, "longitude": lng},
            "evses": evses, "directions": [], "operator": {k: v for k, v in (("name", operator["name"]), ("website", operator.get("website"))) if v},
            "facilities": facilities if facilities is not None else facilities_for(ocpi_id, loc_type, name),
            "smartChargingEnabled": smart, "reservationEnabled": False,
            "dp": operator["dp"], "rfid": operator["rfid"], "pms": list(operator["pms"]), "issuers": [],
            "availability": _weighted(rng, AVAILABILITY),
            "timeZone": self.p["timeZones"][cc],
        }
        summary = {"id": loc_id, "type": loc_type, "name": name, "add": address, "city": city, "country": country,
                   "lat": lat, "lng": lng, "dp": operator["dp"], "rfid": operator["rfid"]}
        if private:
            detail["isPrivateLocation"] = summary["isPrivateLocation"] = True
        if operator.get("branding"):
            detail["branding"] = dict(operator["branding"])
            summary["brandingId"] = operator["branding"]["id"]
        self.catalog.add_location(detail, summary)
        slug = operator.get("_slug")
        if slug is None:
            slug = operator["_slug"] = "".join(ch for ch in operator["name"].lower() if ch.isalnum())[:20] or "cpo"
        lazy_qr = self.catalog.lazy_qr
        for evse in evses:
            lazy_qr[_qr_id(evse["uid"])] = (loc_id, ocpi_id, evse["uid"], slug)

    # the Netherlands and Belgium

    def _operators(self, cc):
        return self.base["operators"] if cc == "NL" else self.p["operatorsBE"]

    def _evses_for(self, operator, dc, kw_table):
        rng = self.rng
        table = self._kw_tables.get(id(kw_table))
        if table is None:
            table = self._kw_tables[id(kw_table)] = {i: x["weight"] for i, x in enumerate(kw_table)}
        power = kw_table[_weighted(rng, table)]
        if dc:
            tariff = rng.choice(operator["dcTariffs"])
            chademo = rng.random() < power.get("chademoShare", 0)
            spec = []
            for _ in range(rng.randint(2, 6)):
                connectors = [connector("1", "IEC_62196_T2_COMBO", "CABLE", "DC", power["kw"], tariff)]
                if chademo:
                    connectors.append(connector("2", "CHADEMO", "CABLE", "DC", 50, tariff))
                spec.append(connectors)
            return spec
        tariff = rng.choice(operator["acTariffs"])
        n = _weighted(rng, AC_EVSE_COUNTS)
        fmt = "CABLE" if rng.random() < 0.1 else "SOCKET"
        return [[connector("1", "IEC_62196_T2", fmt, power["powerType"], power["kw"], tariff)] for _ in range(n)]

    def _street_address(self, cc):
        rng = self.rng
        street = rng.choice(self.p["streets"][cc])
        number = rng.randint(1, 240)
        lo, hi = self.p["postcodes"][cc]
        code = rng.randint(lo, hi)
        postcode = f"{code} {chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}" if cc == "NL" else str(code)
        return street, number, postcode

    def _in_avoid_box(self, lat, lng):
        box = self.p.get("avoidBox")
        return bool(box) and box[0] <= lat <= box[2] and box[1] <= lng <= box[3]

    def city_locations(self, cc, count):
        rng = self.rng
        cities = [c for c in self.p["cities"] if c["country"] == cc]
        city_table = {i: c["weight"] for i, c in enumerate(cities)}
        ac_operators = [o for o in self._operators(cc) if o["acTariffs"]]
        operator_table = {i: o["weight"] for i, o in enumerate(ac_operators)}
        made = 0
        while made < count:
            city = cities[_weighted(rng, city_table)]
            sd_km = 0.8 + 0.9 * math.sqrt(city["weight"] / 100)
            if rng.random() < 0.3:
                sd_km *= 2.2  # suburbs and villages around the centre
            lat = city["lat"] + rng.gauss(0, sd_km) / 111.0
            lng = city["lng"] + rng.gauss(0, sd_km) / (111.0 * math.cos(math.radians(city["lat"])))
            if self._in_avoid_box(lat, lng):
                continue  # the seed area keeps its own hand-tuned set
            operator = ac_operators[_weighted(rng, operator_table)]
            dc = bool(operator["dcTariffs"]) and rng.random() < operator["dcShare"] * 0.5
            street, number, postcode = self._street_address(cc)
            if dc:
                loc_type, name = rng.choice(["PARKING_LOT", "OTHER"]), f"{operator['name']} {city['city']} {street}"
            else:
                loc_type = _weighted(rng, CITY_TYPES)
                name = f"{street} {number}" if loc_type == "ON_STREET" else f"{'Parking' if cc == 'BE' else 'Parkeergarage'} {street}"
            spec = self._evses_for(operator, dc, self.base["dcPower"] if dc else self.base["acPower"])
            # Drawn and dropped: the facilities come from facility_mix now, and keeping these draws keeps
            # every id and place generated after this one as it was (stored favourites and sessions).
            rng.sample(self.base["facilities"], rng.randint(0, 2))
            self.add(cc, operator, round(lat, 5), round(lng, 5), name, f"{street} {number}", city["city"], postcode,
                     loc_type, spec)
            made += 1

    def road_locations(self, cc):
        """Service areas every ~SERVICE_AREA_KM along each motorway, one to three operators at each."""
        rng = self.rng
        by_name = {o["name"]: o for o in self._operators(cc)}
        by_name.update({o["name"]: o for o in self.base["operators"] if o["name"] not in by_name})
        names = [n for n in self.p["motorwayOperators"][cc] if n in by_name and by_name[n]["dcTariffs"]]
        for road in self.p["roads"]:
            if road["country"] != cc:
                continue
            km_along = rng.uniform(3, SERVICE_AREA_KM)
            travelled = 0.0
            for (lat1, lng1), (lat2, lng2) in zip(road["points"], road["points"][1:]):
                dy = (lat2 - lat1) * 111.0
                dx = (lng2 - lng1) * 111.0 * math.cos(math.radians((lat1 + lat2) / 2))
                seg = math.hypot(dx, dy)
                while km_along <= travelled + seg:
                    t = (km_along - travelled) / seg
                    lat, lng = lat1 + t * (lat2 - lat1), lng1 + t * (lng2 - lng1)
                    area = f"{road['road']} km {int(km_along)}"
                    for side_no, name in enumerate(rng.sample(names, rng.randint(1, min(3, len(names))))):
                        operator = by_name[name]
                        jitter = rng.uniform(-0.3, 0.3) / 111.0
                        plat, plng = round(lat + jitter, 5), round(lng + rng.uniform(-0.3, 0.3) / 111.0, 5)
                        if self._in_avoid_box(plat, plng):
                            continue
                        spec = self._evses_for(operator, True, self.base["dcPower"])
                        self.add(cc, operator, plat, plng, f"{operator['name']} {area}", area,
                                 f"{road['road']} service area", "", "ALONG_MOTORWAY", spec)
                    km_along += SERVICE_AREA_KM * rng.uniform(0.7, 1.3)
                travelled += seg

    # Germany, from the register

    def german_locations(self, stations):
        rng = self.rng
        tariffs = self.p["deTariffs"]
        operators = {}
        for operator_name, address, postcode, city, lat, lng, fast, commissioned, points in stations:
            operator = operators.get(operator_name)
            if operator is None:
                h = _stable(operator_name)
                operator = operators[operator_name] = {
                    "name": operator_name, "party": _party(operator_name), "website": None,
                    "dp": h % 3 == 0, "rfid": True,
                    "pms": [] if h % 2 else ["CHARGE_CARD", "MASTER_CARD", "VISA", "EXTERNAL"],
                    "ac": tariffs["ac"][h % len(tariffs["ac"])], "dc": tariffs["dc"][(h >> 4) % len(tariffs["dc"])],
                }
            spec = []
            for kw, plugs in points:
                is_dc = any(p[2] == "DC" for p in plugs)
                tariff = tariffs["hpc"][0] if is_dc and kw >= 100 else (operator["dc"] if is_dc else operator["ac"])
                spec.append([connector(str(i), std, fmt, ptype, kw, tariff)
                             for i, (std, fmt, ptype) in enumerate(plugs, start=1)])
            motorway = bool(MOTORWAY_WORDS.search(f"{operator_name} {address}")) and fast
            loc_type = "ALONG_MOTORWAY" if motorway else _weighted(rng, DE_TYPES)
            self.add("DE", operator, lat, lng, address, address, city, postcode, loc_type, spec)


def load_stations(path=BNETZA_FILE):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)["stations"]


def build_network(catalog, base_params, network_file=NETWORK_FILE, bnetza_file=BNETZA_FILE):
    with open(network_file, encoding="utf-8") as fh:
        params = json.load(fh)
    catalog.tariffs.update(params["tariffs"])
    builder = NetworkBuilder(catalog, params, base_params)
    for cc, count in params["counts"].items():
        builder.city_locations(cc, count)
        builder.road_locations(cc)
    builder.german_locations(load_stations(bnetza_file))
