"""The simulator's charging locations, tariffs and QR codes: the API walkthrough's examples verbatim
(assets/sim/seed.json) plus a reproducible generated set around them (assets/sim/generated.json).
Static data only: live EVSE status is layered on top by the simulator."""
import copy
import json
import random
import re
import urllib.parse
import uuid
from pathlib import Path

from .clock import iso_utc
from .facility_mix import facilities_for
from .network_gen import build_network
from .spatial_index import GridIndex

ASSETS = Path(__file__).resolve().parents[2] / "assets" / "sim"
SEED_FILE = ASSETS / "seed.json"
GENERATED_FILE = ASSETS / "generated.json"
PRIVATE_FILE = ASSETS / "private.json"


_NOT_ALNUM = re.compile(r"[\W_]+")


def normalize_evse_id(text):
    """eMI3 ids are written with or without separators (NL*GFX*E12345*1, NLGFXE123451)."""
    return _NOT_ALNUM.sub("", text.upper())


class Catalog:
    def __init__(self, time_zone="W. Europe Standard Time"):
        self.time_zone = time_zone
        self.locations = {}   # id -> LocationModel with base EVSE statuses
        self.summaries = {}   # id -> LocationSummary without the live conAvail/conTot
        self.can_start = {}   # id -> a session can be started at one of its EVSEs at all
        self.evses = {}       # evse uid -> (location id, EvseModel)
        self.evse_ids = {}    # normalized uid and eMI3 id -> evse uid
        self.tariffs = {}     # tariffId -> TariffModel
        self.qr = {}          # qr id (lower case) -> QrResponse
        self.lazy_qr = {}     # qr id -> (location id, OCPI location id, evse uid, operator slug), built on demand
        self.private_ids = [] # closed-loop locations, shown only to registered drivers (filter.appToken)
        self.hidden = set()   # private or restricted: left out of lists unless asked for
        self.search_texts = {}  # id -> folded text searched by /locations/search, filled on first use
        self.evse_summaries = {}  # id -> its EVSEs as LocationSummary.evses templates, made on first use
        self.private_groups = {}  # private location id -> the closed group whose tokens may see it
        self.index = GridIndex()

    def add_location(self, detail, summary):
        loc_id = detail["id"]
        if loc_id in self.locations:
            raise ValueError(f"duplicate location id {loc_id}")
        detail.setdefault("timeZone", self.time_zone)
        summary = {k: v for k, v in summary.items() if k not in ("conAvail", "conTot")}
        self.locations[loc_id] = detail
        self.summaries[loc_id] = summary
        self.can_start[loc_id] = any(not e.get("chargingNotAllowed") for e in detail.get("evses", []))
        if detail.get("isPrivateLocation"):
            self.private_ids.append(loc_id)
            self.hidden.add(loc_id)
        evses = detail.get("evses") or []
        if evses and all(e.get("restrictedAccess") for e in evses):
            self.hidden.add(loc_id)
        for evse in detail.get("evses", []):
            self.evses[evse["uid"]] = (loc_id, evse)
            for key in (evse["uid"], evse.get("evseId")):
                if key:
                    self.evse_ids.setdefault(normalize_evse_id(key), evse["uid"])
        coords = detail["coordinates"]
        self.index.add(loc_id, coords["latitude"], coords["longitude"])

    def find_evse(self, key):
        """(location id, EvseModel) by EVSE uid (exact, ids are case sensitive) or by eMI3 EVSE id."""
        hit = self.evses.get(key)
        if hit is None:
            uid = self.evse_ids.get(normalize_evse_id(key))
            hit = self.evses.get(uid) if uid else None
        return hit

    def qr_for(self, qr_id):
        """The QrResponse of a QR id (lower case), or None."""
        found = self.qr.get(qr_id)
        if found is not None or qr_id not in self.lazy_qr:
            return found
        loc_id, ocpi_id, evse_uid, slug = self.lazy_qr[qr_id]
        embedded = f"https://a.greenflux.app/qr/gsop/{slug}/{qr_id}"
        return {"valid": True, "id": qr_id, "datasource": "gsop", "operator": slug, "locationId": loc_id,
                "ocpiLocationId": ocpi_id, "evseUid": evse_uid,
                "url": "https://chart.googleapis.com/chart?cht=qr&chl=" + urllib.parse.quote(embedded, safe="")
                       + "&chs=400x400&choe=UTF-8&chld=L|0",
                "createdDate": iso_utc(1609459200 + int(qr_id[:6], 16) % (4 * 365 * 86400), 3)}

    def tariff_for(self, connector):
        tariff_id = connector.get("tariffId")
        tariff = self.tariffs.get(tariff_id) if tariff_id else None
        # imported OICP pricing depends on the moment (server/pricing/oicp_pricing.py)
        return tariff.current() if hasattr(tariff, "current") else tariff


def load_catalog(seed_file=SEED_FILE, generated_file=GENERATED_FILE, count=None, network=True,
                 private_file=PRIVATE_FILE):
    """The seed, the generated set around it, (unless network=False) the NL/BE/DE network, and the
    closed-loop chargers of private_file (None: none)."""
    with open(generated_file, encoding="utf-8") as fh:
        params = json.load(fh)
    with open(seed_file, encoding="utf-8") as fh:
        seed = json.load(fh)
    catalog = Catalog(params.get("timeZone", "W. Europe Standard Time"))
    catalog.tariffs.update(params.get("tariffs", {}))
    catalog.tariffs.update(seed.get("tariffs", {}))
    for entry in seed["locations"]:
        catalog.add_location(entry["detail"], entry["summary"])
    for qr in seed.get("qr", []):
        catalog.qr[qr["id"].lower()] = qr
    generate(catalog, params, count)
    catalog.base_params = params
    if network:
        build_network(catalog, params)
    if private_file is not None:
        load_private(catalog, private_file)
    return catalog


def load_private(catalog, path):
    """Closed-loop locations (a hotel's garage): in the catalog, but only for tokens in their group."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    catalog.tariffs.update(data.get("tariffs", {}))
    for entry in data["locations"]:
        catalog.add_location(entry["detail"], entry["summary"])
    for group, ids in data.get("groups", {}).items():
        for loc_id in ids:
            catalog.private_groups[loc_id] = group
            catalog.hidden.add(loc_id)


def add_network(catalog):
    """Adds the NL/BE/DE network to a catalog made with network=False (the same result as network=True)."""
    build_network(catalog, catalog.base_params)


def _weighted(rng, table):
    """A key of {key: weight}, or an item of [{..., weight}]."""
    if isinstance(table, dict):
        keys = list(table)
        return rng.choices(keys, weights=[table[k] for k in keys])[0]
    return rng.choices(table, weights=[item["weight"] for item in table])[0]


def _slug(name):
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def generate(catalog, params, count=None):
    """Adds `count` generated locations. Everything comes from one seeded RNG, in a fixed order, so
    the same parameters always give the same ids, places, statuses and QR codes."""
    rng = random.Random(params["seed"])
    count = params["count"] if count is None else count
    regions = params["regions"]
    station_no = 10000
    for _ in range(count):
        region = _weighted(rng, regions)
        operator = _weighted(rng, params["operators"])
        is_dc = rng.random() < operator["dcShare"]
        lat = round(region["lat"] + max(-3, min(3, rng.gauss(0, 1))) * region["sdLat"], 5)
        lng = round(region["lng"] + max(-3, min(3, rng.gauss(0, 1))) * region["sdLng"], 5)
        ocpi_id = _uuid(rng)
        country, party = operator["country"], operator["party"]
        loc_id = f"{country.lower()}-{party.lower()}-{ocpi_id}"
        street = rng.choice(region["streets"])
        number = rng.randint(1, 240)
        postcode = f"{rng.randint(*region['postcodes'])} {chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}"
        if is_dc:
            loc_type = rng.choice(["ALONG_MOTORWAY", "PARKING_LOT"])
        else:
            types = {k: v for k, v in params["locationTypes"].items() if k != "ALONG_MOTORWAY"}
            loc_type = _weighted(rng, types)
        if is_dc and operator["name"] == "Fastned":
            name = f"Fastned {region['city']} {street}"
        elif loc_type == "PARKING_GARAGE":
            name = f"Parkeergarage {street}"
        elif loc_type == "PARKING_LOT":
            name = f"P+R {street}"
        else:
            name = f"{street} {number}"
        info_only = rng.random() < params["infoOnlyShare"]
        station_no += rng.randint(1, 7)
        tariff_id = rng.choice(operator["dcTariffs"] if is_dc else operator["acTariffs"])
        n_evses = rng.randint(2, 6) if is_dc else _weighted(rng, {1: 20, 2: 50, 3: 15, 4: 15})
        power = _weighted(rng, params["dcPower"] if is_dc else params["acPower"])
        with_chademo = is_dc and rng.random() < power.get("chademoShare", 0)
        evses = []
        for k in range(1, n_evses + 1):
            if is_dc:
                connectors = [{"id": "1", "standard": "IEC_62196_T2_COMBO", "format": "CABLE", "powerType": "DC",
                               "phases": 0, "kw": power["kw"], "voltage": power["voltage"],
                               "amperage": power["amperage"], "tariffId": tariff_id}]
                if with_chademo:
                    connectors.append({"id": "2", "standard": "CHADEMO", "format": "CABLE", "powerType": "DC",
                                       "phases": 0, "kw": 50, "voltage": 500, "amperage": 125,
                                       "tariffId": tariff_id})
            else:
                connectors = [{"id": "1", "standard": "IEC_62196_T2",
                               "format": "CABLE" if rng.random() < 0.1 else "SOCKET",
                               "powerType": power["powerType"], "phases": power["phases"], "kw": power["kw"],
                               "voltage": power["voltage"], "amperage": power["amperage"], "tariffId": tariff_id}]
            capabilities = ["REMOTE_START_STOP_CAPABLE", "RFID_READER"]
            if rng.random() < 0.4:
                capabilities.append("CHARGING_PROFILE_CAPABLE")
            evses.append({
                "uid": f"{country}-{party}-E{station_no}-{k}",
                "evseId": f"{country}*{party}*E{station_no}*{k}",
                "displayName": f"{station_no}-{k}",
                "status": _weighted(rng, params["evseStatuses"]),
                "capabilities": capabilities,
                "connectors": connectors,
                "chargingNotAllowed": info_only,
                "directions": [],
                "restrictedAccess": False,
                "isQrPresent": True,
            })
        # Drawn and dropped (see network_gen): the same draws keep every later id and place unchanged.
        rng.sample(params["facilities"], rng.randint(0, 2))
        facilities = facilities_for(ocpi_id, loc_type, name)
        detail = {
            "id": loc_id, "type": loc_type, "name": name, "address": f"{street} {number}",
            "city": region["city"], "postalCode": postcode, "country": "NLD",
            "coordinates": {"latitude": lat, "longitude": lng},
            "evses": evses, "directions": [],
            "operator": {"name": operator["name"], "website": operator["website"]},
            "facilities": facilities,
            "smartChargingEnabled": False, "reservationEnabled": False,
            "dp": operator["dp"], "rfid": operator["rfid"], "pms": list(operator["pms"]), "issuers": [],
            "availability": _weighted(rng, {"NONE": 1, "LOW": 3, "MODERATE": 4, "HIGH": 2}),
            "timeZone": catalog.time_zone,
        }
        summary = {"id": loc_id, "type": loc_type, "name": name, "add": detail["address"], "city": region["city"],
                   "country": "NLD", "lat": lat, "lng": lng, "dp": operator["dp"], "rfid": operator["rfid"]}
        if operator.get("branding"):
            detail["branding"] = copy.deepcopy(operator["branding"])
            summary["brandingId"] = operator["branding"]["id"]
        catalog.add_location(detail, summary)
        for evse in evses:
            qr_id = _uuid(rng)
            embedded = f"https://a.greenflux.app/qr/gsop/{_slug(operator['name'])}/{qr_id}"
            created = 1609459200 + rng.randrange(4 * 365 * 86400)
            catalog.qr[qr_id] = {
                "valid": True, "id": qr_id, "datasource": "gsop", "operator": _slug(operator["name"]),
                "locationId": loc_id, "ocpiLocationId": ocpi_id, "evseUid": evse["uid"],
                "url": "https://chart.googleapis.com/chart?cht=qr&chl=" + urllib.parse.quote(embedded, safe="")
                       + "&chs=400x400&choe=UTF-8&chld=L|0",
                "createdDate": iso_utc(created, 3),
            }
