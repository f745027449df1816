"""A location's EVSEs as LocationSummary.evses (EvseSummary, ConnectorSummary): what a map marker needs
(live status, connector standard, AC/DC and power), compact (schema fields only, no nulls)."""

def _connector(connector):
    body = {k: connector[k] for k in ("id", "standard", "kw") if connector.get(k) is not None}
    kw = connector.get("powerInKw", connector.get("kw"))
    if kw is not None:
        body["powerInKw"] = float(kw)  # always given: the exact power (7.4), where kw is whole
    if connector.get("powerType") is not None:
        body["powerType"] = connector["powerType"]
    return body


def templates(location):
    """[(uid, base status, EvseSummary with a status slot)] for a LocationModel; made once per location
    and kept, so a page of 50 summaries costs a dict copy per EVSE, not a rebuild."""
    out = []
    for evse in location.get("evses") or []:
        body = {"uid": evse["uid"], "status": evse["status"],
                "connectors": [_connector(c) for c in evse.get("connectors") or []]}
        for key in ("evseId", "displayName"):
            if evse.get(key) is not None:
                body[key] = evse[key]
        out.append((evse["uid"], evse["status"], body))
    return out


def render(parts, live):
    """The EvseSummary list with each EVSE's live status (faults, sessions, offline chargers). Most
    locations have no live change: their kept list goes out as it is (nothing writes to it)."""
    if not any(uid in live for uid, _, _ in parts):
        return [template for _, _, template in parts]
    out = []
    for uid, base, template in parts:
        status = live.get(uid, base)
        if status != base:
            template = dict(template)
            template["status"] = status
        out.append(template)
    return out
