"""The one rule for the time zone a receipt shows a time in: the charger's, from its location's `timeZone`
(a Windows name as Charge Assist gives it, or an IANA name), read through the system's time zone data;
when that name is missing or unknown, the offset the API wrote into the time itself. The zone is named
beside every time ("19:11 CEST"), so a driver in another zone is never left guessing."""
import datetime as dt
import zoneinfo

# the Windows names Charge Assist uses for European zones, and their IANA equivalents (CLDR's mapping)
WINDOWS_ZONES = {
    "W. Europe Standard Time": "Europe/Berlin",
    "Romance Standard Time": "Europe/Paris",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "E. Europe Standard Time": "Europe/Chisinau",
    "FLE Standard Time": "Europe/Kiev",
    "GTB Standard Time": "Europe/Bucharest",
    "UTC": "UTC",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def zone_for(name):
    """The tzinfo for a location's timeZone, or None when it names no zone this machine knows."""
    if not isinstance(name, str) or not name.strip() or len(name) > 64:
        return None
    name = WINDOWS_ZONES.get(name.strip(), name.strip())
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


def parse_time(text):
    """An aware datetime from the API's ISO 8601 text (with its offset), or None."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)


def local_time(moment, zone_name):
    """`moment` in the charger's zone by the rule above."""
    zone = zone_for(zone_name)
    return moment.astimezone(zone) if zone is not None else moment


def zone_label(moment):
    """'CEST', 'GMT', or 'UTC+01:00' where the zone has no abbreviation."""
    name = moment.tzname() or ""
    if name and name[0].isalpha() and name.isalnum():
        return name
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def format_date_time(moment):
    """'6 Dec 2026, 16:28 CET' (the app's date format, with the zone beside it)."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M} {zone_label(moment)}"


def format_duration(seconds):
    """The app's durations: '1 h 05 min', '15 min 16 s', '42 s'."""
    seconds = max(0, int(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds // 60 % 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"
