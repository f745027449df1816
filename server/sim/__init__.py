"""The built-in Charge Assist simulator: the API's endpoints as openapi.json describes them (Simulator),
over a catalog of charging locations (load_catalog, add_network: the walkthrough's seed, generated Dutch
and Belgian places and Germany's BNetzA register, see bnetza), charge sessions derived from stored facts
and simulated time (SimClock, utc_offset_minutes), state in SQLite (Store), the charger side for
kiosks and tests (SimControl and its ACTIONS at /sim/control, for the session's driver or the operator's
key from $SIM_CONTROL_KEY: CONTROL_KEY_ENV, control_key_from), and how the location searches page
(PAGING_MODES: in full, or as the walkthrough documents)."""
from . import bnetza
from .catalog import add_network, load_catalog
from .clock import SimClock, utc_offset_minutes
from .control import ACTIONS, CONTROL_KEY_ENV, SESSION_ACTIONS, SimControl, control_key_from
from .paging import MODES as PAGING_MODES
from .simulator import Simulator
from .store import Store

__all__ = ["bnetza", "add_network", "load_catalog", "SimClock", "utc_offset_minutes", "ACTIONS", "CONTROL_KEY_ENV",
           "SESSION_ACTIONS", "SimControl", "control_key_from", "PAGING_MODES", "Simulator", "Store"]
