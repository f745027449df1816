"""Serves the web build: MIME types, precompressed .br/.gz siblings by Accept-Encoding, validators
and 304s, no way out of the root and no dotfiles (a `.git/` or `.env` left in the folder stays
private). Without a build, a plain page says so (the API still works)."""
import email.utils
import os

from .accept_header import weighted_items
from .cache_policy import cache_control

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".ttf": "font/ttf",
    ".ttc": "font/collection",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
    ".bin": "application/octet-stream",
}
DEFAULT_TYPE = "application/octet-stream"
# Codings we have siblings for, in our order of preference when the client likes them equally.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>App not built yet</title></head>
<body>
<h1>The app is not built yet</h1>
<p>There is nothing to show yet: the folder <code>{root}</code> does not exist.
Reload this page once the web app is in place.</p>
<p>The charging API under <code>/api/</code> is running.</p>
</body></html>
"""


def accepted_encodings(header):
    """{coding: q} from Accept-Encoding; '*' stands for codings not named."""
    return {coding.lower(): q for coding, q in weighted_items(header)}


def _q(accepted, coding):
    if coding in accepted:
        return accepted[coding]
    return accepted.get("*", 0.0)


class StaticFiles:
    def __init__(self, root):
        self.root = os.path.realpath(root)

    def available(self):
        return os.path.isdir(self.root)

    def resolve(self, path):
        """The real file for a decoded URL path (target.py), or None when there is none inside the root
        or it is (or is inside) a dotfile."""
        if path is None or "\x00" in path or "\\" in path:
            return None
        parts = [p for p in path.split("/") if p not in ("", ".")]
        if any(p.startswith(".") for p in parts):  # '..' too
            return None
        candidate = os.path.join(self.root, *parts) if parts else self.root
        real = os.path.realpath(candidate)
        # symlinks pointing outside the root are refused too
        if real != self.root and not real.startswith(self.root + os.sep):
            return None
        if os.path.isdir(real):
            real = os.path.join(real, "index.html")
        if not os.path.isfile(real):
            return None
        return real

    def serve(self, handler, path):
        """Writes the response for GET/HEAD of a decoded `path` (None: a target that did not decode) to a
        BaseHTTPRequestHandler."""
        if not self.available():
            return self._send_text(handler, 503, NOT_BUILT_PAGE.format(root=_html_escape(self.root)),
                                   "text/html; charset=utf-8")
        real = self.resolve(path)
        if real is None:
            return self._send_text(handler, 404, "Not found\n", "text/plain; charset=utf-8")

        ext = os.path.splitext(real)[1].lower()
        content_type = MIME_TYPES.get(ext, DEFAULT_TYPE)
        chosen, coding = real, None
        accepted = accepted_encodings(handler.headers.get("Accept-Encoding"))
        try:
            source_mtime = os.stat(real).st_mtime_ns
        except OSError:
            return self._send_text(handler, 404, "Not found\n", "text/plain; charset=utf-8")
        best_q = 0.0
        for name, suffix in ENCODINGS:
            q = _q(accepted, name)
            sibling = real + suffix
            if q > best_q and os.path.isfile(sibling):
                # a sibling older than its source is stale: serve the source rather than old content
                if os.stat(sibling).st_mtime_ns >= source_mtime:
                    chosen, coding, best_q = sibling, name, q

        try:
            fh = open(chosen, "rb")
        except OSError:
            return self._send_text(handler, 404, "Not found\n", "text/plain; charset=utf-8")
        with fh:
            st = os.fstat(fh.fileno())
            etag = f'"{st.st_size:x}-{st.st_mtime_ns:x}{"-" + coding if coding else ""}"'
            last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
            headers = [
                ("Content-Type", content_type),
                ("Vary", "Accept-Encoding"),
                ("ETag", etag),
                ("Last-Modified", last_modified),
                ("Cache-Control", cache_control(real)),
            ]
            if coding:
                headers.append(("Content-Encoding", coding))
            if self._not_modified(handler, etag, st.st_mtime):
                handler.send_response(304)
                for name, value in headers:
                    if name != "Content-Type":
                        handler.send_header(name, value)
                handler.end_headers()
                return 304
            handler.send_response(200)
            for name, value in headers:
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(st.st_size))
            handler.end_headers()
            if handler.command != "HEAD":
                while True:
                    chunk = fh.read(64 * 1024)
                    if not chunk:
                        break
                    handler.wfile.write(chunk)
        return 200

    @staticmethod
    def _not_modified(handler, etag, mtime):
        if_none_match = handler.headers.get("If-None-Match")
        if if_none_match is not None:
            # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); weak comparison
            tags = [t.strip() for t in if_none_match.split(",")]
            return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
        since = handler.headers.get("If-Modified-Since")
        if since:
            try:
                when = email.utils.parsedate_to_datetime(since)
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            if when is not None and when.tzinfo is not None:
                return int(mtime) <= when.timestamp()
        return False

    @staticmethod
    def _send_text(handler, status, text, content_type):
        data = text.encode("utf-8")
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.send_header("Cache-Control", "no-store")
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(data)
        return status


def _html_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
