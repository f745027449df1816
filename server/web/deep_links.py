"""Sticker links into the app: a QR sticker may point at this host (https://<host>/qr/<datasource>/
<operator>/<id> or https://<host>/evse/<EVSE id>) so a phone's own camera opens the app at that
charger. Those paths are answered with a redirect to the app page carrying the code as a query
parameter, which the app checks like any scanned code (the page's relative asset paths stay valid)."""
import re
import urllib.parse

_SEGMENT = r"[A-Za-z0-9._~-]{1,100}"
QR_LINK = re.compile(rf"^/qr/({_SEGMENT})/({_SEGMENT})/({_SEGMENT})/?$")
EVSE_LINK = re.compile(r"^/evse/([A-Za-z0-9*+._~-]{1,64})/?$")


def redirect_for(path):
    """The app URL ('/?qr=...' or '/?evse=...') for a decoded sticker path (target.py), or None for any
    other path."""
    m = QR_LINK.match(path)
    if m and not any(set(seg) == {"."} for seg in m.groups()):  # '.' and '..' are no ids
        url = "https://greenflux.app/qr/" + "/".join(m.groups())
        return "/?qr=" + urllib.parse.quote(url, safe="")
    m = EVSE_LINK.match(path)
    if m and set(m.group(1)) != {"."}:
        return "/?evse=" + urllib.parse.quote(m.group(1), safe="")
    return None


def send_redirect(handler, location):
    handler.send_response(302)
    handler.send_header("Location", location)
    handler.send_header("Cache-Control", "no-store")
    handler.send_header("Content-Length", "0")
    handler.end_headers()
    return 302
