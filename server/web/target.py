"""The one reading of a request target that everything after it acts on: routing, guards, rate limits,
static files, the proxy and the log all see the same decoded segments, so no check can look at a
different path than the router (`/api/session/st%61rt` is `/api/session/start` for all of them).

Percent escapes are decoded once, per segment, as UTF-8. Dot segments are not resolved: a `.` or `..`
never matches a route or a file. A segment that does not decode, or decodes to a slash, a backslash or
a control character, makes the target unusable (`error`): the API answers 400, files 404."""
import urllib.parse
from dataclasses import dataclass

# what may stay unescaped in a path segment or a query when a target is written out again (RFC 3986)
SEGMENT_SAFE = "!$&'()*+,;=:@-._~"
QUERY_SAFE = SEGMENT_SAFE + "/?%"


@dataclass(frozen=True)
class Target:
    segments: tuple      # decoded path segments; the first is '' for the leading slash (with an error:
                         # those before it)
    query: str           # the query string, ASCII only (raw bytes outside it percent-escaped)
    host: str | None     # the host of an absolute-form target (sent to proxies), else None
    error: str | None = None

    @property
    def path(self):
        """The decoded path ('/api/locations/é'); unambiguous, since no segment holds a slash."""
        return "/".join(self.segments) if self.segments else "/"

    @property
    def area(self):
        """Which part of the server answers: 'api', 'control' (/sim/control) or 'other'."""
        parts = list(self.segments[1:])
        if parts and parts[0] == "api":
            return "api"
        if parts and parts[-1] == "":
            parts.pop()
        return "control" if parts == ["sim", "control"] else "other"

    def api_parts(self):
        """The segments after /api/ as the router matches them (a trailing slash dropped)."""
        parts = list(self.segments[2:])
        if parts and parts[-1] == "":
            parts.pop()
        return parts


def read_target(raw):
    """The Target of a request line's target, as http.server gives it (bytes read as Latin-1)."""
    data = raw.encode("latin-1", "replace")
    host = None
    if data[:7].lower() == b"http://" or data[:8].lower() == b"https://":
        rest = data.split(b"://", 1)[1]
        authority, slash, after = rest.partition(b"/")
        host = authority.decode("latin-1")
        data = slash + after if slash else b"/"
    data = data.split(b"#", 1)[0]
    path, _, query = data.partition(b"?")
    query_text = urllib.parse.quote(query, safe=QUERY_SAFE)
    segments, error = [], None
    for raw_segment in path.split(b"/"):
        try:
            segment = urllib.parse.unquote_to_bytes(raw_segment).decode("utf-8")
        except UnicodeDecodeError:
            error = "The path is not valid UTF-8 once decoded."
            break
        if "/" in segment or "\\" in segment or any(ord(c) < 32 or ord(c) == 127 for c in segment):
            error = "The path may not contain encoded slashes, backslashes or control characters."
            break
        segments.append(segment)
    # on an error, the segments before it stay: enough to tell which part of the server answers
    return Target(tuple(segments), query_text, host, error)


def write_path(segments):
    """Segments back into a path with every byte outside RFC 3986's path characters escaped (UTF-8)."""
    return "/".join(urllib.parse.quote(s, safe=SEGMENT_SAFE) for s in segments)
