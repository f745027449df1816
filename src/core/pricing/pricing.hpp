// Exact prices: OCPI tariffs and their codec, the tariff engine (OCPI 2.2.1 rules, integer micros),
// estimates, the price screen's lines and conditions, idle-fee warnings and the receipt document.
// Other parts include only this header.
#pragma once

#include "ocpi_tariff.hpp"
#include "ocpi_codec.hpp"
#include "tariff_engine.hpp"
#include "tariff_estimate.hpp"
#include "price_lines.hpp"
#include "price_screen.hpp"
#include "idle_fee.hpp"
#include "receipt_document.hpp"
