"""The headers every answer carries, so the app's page can run nothing, load nothing and be framed by
nobody beyond what it needs. The Content-Security-Policy names exactly what the app uses:

  script-src 'self' 'wasm-unsafe-eval'   its own scripts (no inline ones), and compiling its
                                         WebAssembly (the app's and the QR decoder's)
  style-src 'self'                       its own stylesheet (the JS only sets element.style)
  img-src 'self' data: [logo]            the page's empty data: icon; the brand logo's host when it
                                         is on another one (deployment config, branding.logoUrl)
  connect-src 'self' [tiles]             the API, the base map's cells, config; the raster tile host
                                         when tiles come from elsewhere (--tile-url)
  worker-src 'self'                      the QR decoder's worker (qr_worker.js)
  manifest-src 'self'                    manifest.webmanifest
  default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'

The receipt download is a blob: link the page clicks: a download is a navigation, which no fetch
directive governs, so blob: appears nowhere. The camera stream is a MediaStream, not a URL."""
import urllib.parse

PERMISSIONS = "camera=(self), geolocation=(self), microphone=()"
# For a front that serves the app over HTTPS (tools/nginx): serve.py itself speaks plain HTTP, where the
# header means nothing. A year; no includeSubDomains, which would bind an operator's other hosts too.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"


def _origin(url):
    """The scheme://host[:port] of an absolute http(s) URL (a {s}-style host label becomes *), or None
    for a relative one (served from this origin)."""
    if not url:
        return None
    text = url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
    split = urllib.parse.urlsplit(text)
    if split.scheme not in ("http", "https") or not split.netloc:
        return None
    netloc = split.netloc.rpartition("@")[2]
    labels = ["*" if "{" in label or "}" in label else label for label in netloc.split(".")]
    return f"{split.scheme}://{'.'.join(labels)}"


def content_security_policy(tile_url=None, logo_url=None):
    images = ["'self'", "data:"] + [o for o in [_origin(logo_url)] if o]
    connect = ["'self'"] + [o for o in [_origin(tile_url)] if o]
    return "; ".join([
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src " + " ".join(images),
        "connect-src " + " ".join(connect),
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])


def security_headers(tile_url=None, logo_url=None):
    """[(name, value)] for every answer."""
    return [
        ("Content-Security-Policy", content_security_policy(tile_url, logo_url)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", PERMISSIONS),
        ("X-Frame-Options", "DENY"),
    ]
