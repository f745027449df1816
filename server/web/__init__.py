"""HTTP serving, knowing nothing of what answers under /api/: request parsing, body limits and timeouts,
routing to handlers (App, AppServer, Router, Request, Response), the API's error shapes (ApiError and the
styles in api_errors), typed request fields that fail as 400s, the web build's static files, the map's
configuration and tiles, sticker deep links, per-driver rate limits and injected --faults."""
from . import api_errors
from .api_errors import ApiError
from .faults import FaultPlan, parse_spec
from .http_app import App, AppServer, Limits, Request, Response, Router
from .map_tiles import MapTiles
from .static_files import StaticFiles
from .validate import (clean_id, optional_bool, optional_str, parse_json_object, query_bool, query_float, query_int,
                       query_list, query_one, required_str)

__all__ = [
    "api_errors", "ApiError", "FaultPlan", "parse_spec", "App", "AppServer", "Limits", "Request", "Response", "Router",
    "MapTiles", "StaticFiles", "clean_id", "optional_bool", "optional_str", "parse_json_object", "query_bool",
    "query_float", "query_int", "query_list", "query_one", "required_str",
]
