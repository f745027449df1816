"""Proxy mode (--upstream URL): Proxy forwards the driver app's allow-listed /api/ paths to a real Charge
Assist backend (Upstream) with the operator's API key (from $API_KEY_ENV), which never leaves this server."""
from .forward import API_KEY_ENV, DEFAULT_TIMEOUT, Proxy, Upstream

__all__ = ["API_KEY_ENV", "DEFAULT_TIMEOUT", "Proxy", "Upstream"]
