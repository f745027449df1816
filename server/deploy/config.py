"""A deployment's configuration (serve.py --config FILE): which app (driver, hotel portal, demo kiosk),
in whose branding, on which API, for which locations. Checked once at start; every error names its field.
The part the browser may see is served as /config.json (no file paths, no secrets)."""
import json
import os
import re
import zoneinfo
from dataclasses import dataclass, field

from ..web import LANGUAGES

MODES = ("driver", "portal", "kiosk")
API_MODES = ("simulator", "upstream")
COLOUR = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{3,30}$")
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:*\-]{0,127}$")
GROUP = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$")
CARD = re.compile(r"^[A-Za-z0-9]{6,30}$")
BRANDING_TEXT = {"displayName": 60, "supportPhone": 32, "supportEmail": 120, "supportWebsite": 200, "logoUrl": 300}
DEFAULT_AREA = {"bottomLeftLat": 52.30, "bottomLeftLng": 4.90, "topRightLat": 52.55, "topRightLng": 5.30}


class ConfigError(ValueError):
    def __init__(self, where, message):
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where


@dataclass
class PortalSettings:
    guest_list: str            # absolute path of the hotel's guest list CSV
    time_zone: str             # IANA name, for the stay's validity days
    access_group: str          # the closed group whose members see the hotel's private chargers
    max_failed_attempts: int = 5            # wrong details for one room or booking reference ...
    lockout_seconds: int = 900              # ... per this long (portal.py says why per room)
    max_failed_per_address: int = 50        # wrong details from one client address, any rooms


@dataclass
class KioskSettings:
    idle_seconds: int = 60
    countdown_seconds: int = 10
    demo_card: str = "DEMO00000001"
    location_id: str = ""


@dataclass
class DeployConfig:
    mode: str = "driver"
    branding: dict = field(default_factory=dict)
    api_mode: str = "simulator"
    upstream_url: str = ""
    upstream_key_env: str = ""
    location_ids: list = field(default_factory=list)
    area: dict = field(default_factory=lambda: dict(DEFAULT_AREA))
    languages: list = field(default_factory=lambda: list(LANGUAGES))
    directions_url: str = ""   # the web map directions open where the phone has no maps app of its own
    portal: PortalSettings = None
    kiosk: KioskSettings = None
    source: str = ""           # the file it came from, "" for the default

    def public(self):
        """What the app is told (GET /config.json)."""
        body = {"mode": self.mode, "branding": dict(self.branding), "api": {"mode": self.api_mode},
                "locations": {"ids": list(self.location_ids), "area": dict(self.area)},
                "languages": list(self.languages)}
        if self.directions_url:
            body["directionsUrl"] = self.directions_url
        if self.portal:
            body["portal"] = {"timeZone": self.portal.time_zone}
        if self.kiosk:
            body["kiosk"] = {"idleSeconds": self.kiosk.idle_seconds, "countdownSeconds": self.kiosk.countdown_seconds,
                             "demoCard": self.kiosk.demo_card, "locationId": self.kiosk.location_id}
        return body


def _object(value, where, allowed):
    if not isinstance(value, dict):
        raise ConfigError(where, "must be a JSON object")
    for key in value:
        if key not in allowed:
            raise ConfigError(f"{where}.{key}" if where else key,
                              f"unknown field (known: {', '.join(allowed)})")
    return value


def _text(obj, key, where, max_len, required=False, pattern=None, what=None):
    name = f"{where}.{key}" if where else key
    if key not in obj or obj[key] is None:
        if required:
            raise ConfigError(name, "is required")
        return None
    value = obj[key]
    if not isinstance(value, str):
        raise ConfigError(name, "must be a string")
    if not value.strip():
        raise ConfigError(name, "must not be empty")
    if len(value) > max_len:
        raise ConfigError(name, f"must be at most {max_len} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ConfigError(name, "contains control characters")
    if pattern is not None and not pattern.match(value):
        raise ConfigError(name, f"{value!r} is not {what}")
    return value


def _int(obj, key, where, default, lo, hi):
    name = f"{where}.{key}"
    if key not in obj:
        return default
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(name, "must be a whole number")
    if not lo <= value <= hi:
        raise ConfigError(name, f"must be between {lo} and {hi}")
    return value


def _branding(value):
    obj = _object(value, "branding", ("displayName", "primaryColorHex", "logoUrl", "supportPhone", "supportEmail",
                                      "supportWebsite"))
    out = {}
    for key, limit in BRANDING_TEXT.items():
        text = _text(obj, key, "branding", limit, required=key == "displayName")
        if text is not None:
            out[key] = text
    colour = _text(obj, "primaryColorHex", "branding", 7, pattern=COLOUR, what="a colour like #1D4E89")
    if colour is not None:
        out["primaryColorHex"] = colour
    if "supportEmail" in out and not EMAIL.match(out["supportEmail"]):
        raise ConfigError("branding.supportEmail", f"{out['supportEmail']!r} is not an e-mail address")
    if "supportPhone" in out and not PHONE.match(out["supportPhone"]):
        raise ConfigError("branding.supportPhone", f"{out['supportPhone']!r} is not a phone number")
    if "supportWebsite" in out and not re.match(r"^https?://[^\s/]+", out["supportWebsite"]):
        raise ConfigError("branding.supportWebsite", "must be an http(s) address")
    logo = out.get("logoUrl")
    if logo is not None and not (re.match(r"^https?://[^\s/]+", logo) or re.match(r"^[A-Za-z0-9._/\-]+$", logo)):
        raise ConfigError("branding.logoUrl", "must be an http(s) address or a path under the app's files")
    return out


def _area(value):
    obj = _object(value, "locations.area", tuple(DEFAULT_AREA))
    out = {}
    for key in DEFAULT_AREA:
        name = f"locations.area.{key}"
        if key not in obj:
            raise ConfigError(name, "is required")
        number = obj[key]
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise ConfigError(name, "must be a number")
        limit = 90 if key.endswith("Lat") else 180
        if not -limit <= number <= limit:
            raise ConfigError(name, f"must be between {-limit} and {limit}")
        out[key] = float(number)
    if out["bottomLeftLat"] >= out["topRightLat"] or out["bottomLeftLng"] >= out["topRightLng"]:
        raise ConfigError("locations.area", "the bottom-left corner must be south-west of the top-right corner")
    return out


def _ids(value, where):
    if not isinstance(value, list):
        raise ConfigError(where, "must be a list of location ids")
    if len(value) > 50:
        raise ConfigError(where, "at most 50 locations")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not ID.match(item):
            raise ConfigError(f"{where}[{i}]", "must be a location id (letters, digits, - . _ : *)")
        if item in out:
            raise ConfigError(f"{where}[{i}]", f"{item!r} is listed twice")
        out.append(item)
    return out


def parse(data, base_dir="."):
    """A DeployConfig from the decoded JSON; ConfigError names the first field that is wrong."""
    obj = _object(data, "", ("mode", "branding", "api", "locations", "languages", "directionsUrl", "portal", "kiosk"))
    cfg = DeployConfig()
    mode = obj.get("mode", "driver")
    if mode not in MODES:
        raise ConfigError("mode", f"must be one of {', '.join(MODES)} (got {mode!r})")
    cfg.mode = mode

    if "branding" in obj:
        cfg.branding = _branding(obj["branding"])
    elif mode != "driver":
        raise ConfigError("branding", f"is required in {mode} mode")

    api = _object(obj.get("api", {}), "api", ("mode", "url", "apiKeyEnv"))
    cfg.api_mode = api.get("mode", "simulator")
    if cfg.api_mode not in API_MODES:
        raise ConfigError("api.mode", f"must be one of {', '.join(API_MODES)} (got {cfg.api_mode!r})")
    if cfg.api_mode == "upstream":
        cfg.upstream_url = _text(api, "url", "api", 300, required=True)
        if not re.match(r"^https://[^\s/]+", cfg.upstream_url):
            raise ConfigError("api.url", "must be an https:// address")
        cfg.upstream_key_env = _text(api, "apiKeyEnv", "api", 64, required=True,
                                     pattern=re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$"),
                                     what="an environment variable name")
    elif "url" in api or "apiKeyEnv" in api:
        raise ConfigError("api.url" if "url" in api else "api.apiKeyEnv", "only applies when api.mode is upstream")

    locations = _object(obj.get("locations", {}), "locations", ("ids", "area"))
    cfg.location_ids = _ids(locations.get("ids", []), "locations.ids")
    if "area" in locations:
        cfg.area = _area(locations["area"])

    languages = obj.get("languages", list(LANGUAGES))
    if not isinstance(languages, list) or not languages:
        raise ConfigError("languages", "must be a non-empty list of language codes, first one the default")
    for i, code in enumerate(languages):
        if code not in LANGUAGES:
            raise ConfigError(f"languages[{i}]", f"{code!r} is not available (available: {', '.join(LANGUAGES)})")
    if len(set(languages)) != len(languages):
        raise ConfigError("languages", "a language is listed twice")
    cfg.languages = list(languages)

    if "directionsUrl" in obj:
        if mode == "kiosk":
            raise ConfigError("directionsUrl", "a kiosk offers no directions")
        url = _text(obj, "directionsUrl", "", 500, required=True)
        if not re.match(r"^https://[^\s/]+/\S*$", url) or "{lat}" not in url or "{lng}" not in url:
            raise ConfigError("directionsUrl", "must be an https:// address with {lat} and {lng} in it")
        cfg.directions_url = url

    for section in ("portal", "kiosk"):
        if section in obj and mode != section:
            raise ConfigError(section, f"only applies in {section} mode (mode is {mode})")

    if mode == "portal":
        if "portal" not in obj:
            raise ConfigError("portal", "is required in portal mode")
        p = _object(obj["portal"], "portal", ("guestList", "timeZone", "accessGroup", "maxFailedAttempts",
                                               "maxFailedAttemptsPerAddress", "lockoutMinutes"))
        path = _text(p, "guestList", "portal", 500, required=True)
        path = os.path.normpath(os.path.join(base_dir, path))
        if not os.path.isfile(path):
            raise ConfigError("portal.guestList", f"no such file: {path}")
        zone = _text(p, "timeZone", "portal", 64, required=True)
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ConfigError("portal.timeZone", f"{zone!r} is not a time zone name like Europe/Amsterdam")
        group = _text(p, "accessGroup", "portal", 64, required=True, pattern=GROUP,
                      what="a group name (letters, digits, - . _)")
        cfg.portal = PortalSettings(path, zone, group, _int(p, "maxFailedAttempts", "portal", 5, 1, 100),
                                    60 * _int(p, "lockoutMinutes", "portal", 15, 1, 1440),
                                    _int(p, "maxFailedAttemptsPerAddress", "portal", 50, 1, 10000))
        if not cfg.location_ids:
            raise ConfigError("locations.ids", "the hotel's chargers are required in portal mode")

    if mode == "kiosk":
        k = _object(obj.get("kiosk", {}), "kiosk", ("idleSeconds", "countdownSeconds", "demoCard", "locationId"))
        cfg.kiosk = KioskSettings(
            idle_seconds=_int(k, "idleSeconds", "kiosk", 60, 5, 3600),
            countdown_seconds=_int(k, "countdownSeconds", "kiosk", 10, 3, 120),
            demo_card=_text(k, "demoCard", "kiosk", 30, pattern=CARD, what="6 to 30 letters and digits")
            or "DEMO00000001",
            location_id=_text(k, "locationId", "kiosk", 128, required=True, pattern=ID, what="a location id"))
        if cfg.api_mode != "simulator":
            raise ConfigError("api.mode", "a kiosk runs on the simulator (it works with no network)")
        logo = cfg.branding.get("logoUrl", "")
        if logo.startswith(("http://", "https://")):
            raise ConfigError("branding.logoUrl", "a kiosk works offline: use a path under the app's files")
        if not cfg.location_ids:
            cfg.location_ids = [cfg.kiosk.location_id]
        elif cfg.kiosk.location_id not in cfg.location_ids:
            raise ConfigError("kiosk.locationId", "must be one of locations.ids")
    return cfg


def load(path):
    """The configuration in `path`, or the driver app on the simulator for None."""
    if path is None:
        return DeployConfig()
    try:
        with open(path, "rb") as fh:
            raw = fh.read(1024 * 1024 + 1)
    except OSError as exc:
        raise ConfigError("", f"cannot read {path}: {exc.strerror or exc}")
    if len(raw) > 1024 * 1024:
        raise ConfigError("", f"{path} is larger than 1 MiB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("", f"{path} is not UTF-8 text")
    except ValueError as exc:
        raise ConfigError("", f"{path} is not valid JSON ({exc})")
    cfg = parse(data, os.path.dirname(os.path.abspath(path)))
    cfg.source = os.path.abspath(path)
    return cfg


def check_against_catalog(cfg, catalog):
    """On the simulator, every location in scope must exist."""
    for i, loc_id in enumerate(cfg.location_ids):
        if loc_id not in catalog.locations:
            raise ConfigError(f"locations.ids[{i}]", f"the simulator has no location {loc_id!r}")
    if cfg.kiosk and cfg.kiosk.location_id not in catalog.locations:
        raise ConfigError("kiosk.locationId", f"the simulator has no location {cfg.kiosk.location_id!r}")
