"""What one deployment is (serve.py --config FILE): the driver app, a hotel portal or a demo kiosk, in
whose branding, on which API, for which locations (DeployConfig, load_config, checked once at start;
ConfigError names the field), and the hotel portal's check-in (Portal) against the guest list its
property system exports (GuestList, read_guest_list, GuestListError)."""
from .config import ConfigError, DeployConfig, check_against_catalog, load as load_config
from .guest_list import GuestList, GuestListError, read as read_guest_list
from .portal import Portal

__all__ = ["ConfigError", "DeployConfig", "check_against_catalog", "load_config", "GuestList", "GuestListError",
           "read_guest_list", "Portal"]
