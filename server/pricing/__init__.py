"""Prices, knowing nothing of the simulator: tariff_calc prices a session by the OCPI 2.2.1 tariff rules
(Charge Assist TariffModels through their OCPI form), line for line with the app's C++ engine
(price_session, breakdown_json, Period); oicp_pricing imports Hubject OICP dynamic pricing CSVs and
installs them as tariffs on a catalog of EVSEs."""
from . import oicp_pricing, tariff_calc
from .tariff_calc import Period, breakdown_json, price_session

__all__ = ["oicp_pricing", "tariff_calc", "Period", "breakdown_json", "price_session"]
