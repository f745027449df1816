"""The items of an Accept-style header (Accept-Encoding, Accept-Language) with their weights."""


def weighted_items(header):
    """[(item, q)] in the header's order, items stripped, empty ones left out; q is 1.0 when not given
    and 0.0 when unreadable ("gzip;q=0.5, br" -> [("gzip", 0.5), ("br", 1.0)])."""
    items = []
    for part in (header or "").split(","):
        fields = part.strip().split(";")
        item = fields[0].strip()
        if not item:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        items.append((item, q))
    return items
