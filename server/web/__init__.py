"""HTTP serving, knowing nothing of what answers under /api/: request parsing (one decoded reading of the
target that every check uses, strict body framing), body limits and timeouts, connection shares per
client address, routing to handlers (App, AppServer, Router, Request, Response), the API's error shapes
(ApiError and the styles in api_errors), typed request fields that fail as 400s, the web build's static
files (no dotfiles), the map's configuration and tiles, sticker deep links, rate limits per driver and
per address, the Host allow-list (AllowedHosts), the language an answer is written in, the security
headers of every answer, how long each file may be cached (cache_policy), the client's address behind a
trusted front proxy (PROXY_HEADER), a request log that escapes and redacts, and injected --faults."""
from . import api_errors, cache_policy
from .allowed_hosts import AllowedHosts
from .client_address import PROXY_HEADER
from .api_errors import ApiError
from .faults import FaultPlan, parse_spec
from .languages import LANGUAGES, accept_language, choose_language
from .http_app import App, AppServer, Limits, Request, Response, Router
from .map_tiles import MapTiles
from .access_log import TOKEN_BEFORE
from .security_headers import STRICT_TRANSPORT_SECURITY, content_security_policy, security_headers
from .static_files import MIME_TYPES, StaticFiles
from .target import read_target, write_path
from .validate import (clean_id, optional_bool, optional_str, parse_json_object, query_bool, query_float, query_int,
                       query_list, query_one, required_str)

__all__ = [
    "api_errors", "cache_policy", "AllowedHosts", "PROXY_HEADER", "MIME_TYPES", "ApiError", "FaultPlan", "parse_spec", "App", "AppServer", "Limits", "Request",
    "Response", "Router", "MapTiles", "content_security_policy", "security_headers",
    "STRICT_TRANSPORT_SECURITY", "TOKEN_BEFORE", "StaticFiles", "read_target", "write_path",
    "LANGUAGES", "accept_language", "choose_language",
    "clean_id", "optional_bool", "optional_str", "parse_json_object", "query_bool", "query_float", "query_int",
    "query_list", "query_one", "required_str",
]
