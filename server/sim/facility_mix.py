"""Facilities a driver finds at a generated charging location, by the kind of place: a motorway service
area has fuel, food and often a shop; a garage sits under shops or by a station; a park-and-ride has
the stop it serves; a street charger has the odd café or bus stop nearby; a hotel has its restaurant.
Drawn from a hash of the location's own id rather than the network's random stream, so that stream (and
with it every id, place and status that follows) stays the same whatever the facilities are; a hash
costs far less than seeding a generator per location (20,000 of them at start-up)."""
import hashlib

# (facility, chance) per location type; PARKING_LOT etc. also always list themselves where it fits.
_MOTORWAY = (("RESTAURANT", 0.7), ("CAFE", 0.8), ("SUPERMARKET", 0.45), ("WIFI", 0.5))
_GARAGE = (("MALL", 0.35), ("SUPERMARKET", 0.3), ("TRAIN_STATION", 0.12), ("RESTAURANT", 0.15),
           ("MUSEUM", 0.04), ("HOTEL", 0.05))
_LOT = (("SUPERMARKET", 0.35), ("SPORT", 0.15), ("RECREATION_AREA", 0.08), ("RESTAURANT", 0.1))
_PARK_AND_RIDE = (("TRAIN_STATION", 0.4), ("BUS_STOP", 0.6), ("TRAM_STOP", 0.15), ("BIKE_SHARING", 0.2))
_STREET = (("CAFE", 0.12), ("RESTAURANT", 0.1), ("SUPERMARKET", 0.1), ("BUS_STOP", 0.12), ("TRAM_STOP", 0.03))
_OTHER = (("SPORT", 0.2), ("RECREATION_AREA", 0.15), ("NATURE", 0.1), ("SUPERMARKET", 0.1))


class _Chances:
    """Uniform numbers in [0, 1) from the bytes of a digest, two bytes each (enough for the tables)."""

    def __init__(self, key):
        self.bytes = hashlib.blake2b(key.encode(), digest_size=32).digest()
        self.at = 0

    def random(self):
        b = self.bytes[self.at % 32], self.bytes[(self.at + 1) % 32]
        self.at += 2
        return (b[0] << 8 | b[1]) / 65536


def _draw(rng, table):
    return [name for name, chance in table if rng.random() < chance]


def facilities_for(key, loc_type, name=""):
    """The facilities of one location; `key` (its OCPI id) makes the choice reproducible."""
    rng = _Chances(key)
    lowered = name.lower()
    out = []
    if "hotel" in lowered:
        out += ["HOTEL", "RESTAURANT"]
    if loc_type == "ALONG_MOTORWAY":
        out.append("FUEL_STATION")
        food = _draw(rng, _MOTORWAY)
        if "RESTAURANT" not in food and "CAFE" not in food:
            food.insert(0, "CAFE")  # every service area sells at least coffee
        out += food
    elif loc_type in ("PARKING_GARAGE", "UNDERGROUND_GARAGE"):
        out += _draw(rng, _GARAGE)
    elif loc_type == "PARKING_LOT":
        if lowered.startswith("p+r"):
            out += ["CARPOOL_PARKING"] + _draw(rng, _PARK_AND_RIDE)
        else:
            out += ["PARKING_LOT"] + _draw(rng, _LOT)
    elif loc_type == "ON_STREET":
        out += _draw(rng, _STREET)
    else:
        out += _draw(rng, _OTHER)
    seen = set()
    return [f for f in out if not (f in seen or seen.add(f))]
