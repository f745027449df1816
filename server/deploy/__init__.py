"""What one deployment is (serve.py --config FILE): the driver app, a hotel portal or a demo kiosk, in
whose branding, on which API, for which locations (DeployConfig, load_config, checked once at start;
ConfigError names the field), and the hotel portal's check-in (Portal) against the guest list its
property system exports (GuestList, read_guest_list and parse_guest_list for its bytes, GuestListError), and
the web app manifest in its name and colour (deployment_manifest)."""
from .config import ConfigError, DeployConfig, check_against_catalog, load as load_config
from .guest_list import GuestList, GuestListError, parse_bytes as parse_guest_list, read as read_guest_list
from .manifest import MEDIA_TYPE as MANIFEST_MEDIA_TYPE, deployment_manifest, has_own_manifest
from .portal import Portal

__all__ = ["ConfigError", "DeployConfig", "check_against_catalog", "load_config", "GuestList", "GuestListError",
           "parse_guest_list", "read_guest_list", "Portal", "deployment_manifest", "has_own_manifest", "MANIFEST_MEDIA_TYPE"]
