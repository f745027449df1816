// Words for the price screen beyond the price lines (see price_screen.hpp).
#include "price_screen.hpp"

#include <cmath>

#include "core/text/text.hpp"
#include "tariff_estimate.hpp"

namespace core {

Str payment_reason(const WalletTariffItem& item) {
    if (item.payment_method.verification == VerificationStatus::Invalid) return Str::ValidityInvalidCard;
    if (item.validity == TariffValidity::NotCompatible || item.payment_method.is_compatible == false)
        return Str::ValidityNotCompatible;
    switch (item.validity) {
        case TariffValidity::Valid: return Str::ValidityOk;
        case TariffValidity::Unknown: return Str::ValidityUnknown;
        case TariffValidity::NoTariffFound: return Str::ValidityNoTariff;
        case TariffValidity::Error:
        case TariffValidity::Other:
        case TariffValidity::NotCompatible: break;
    }
    return Str::ValidityError;
}

std::string estimate_text(const Tariff& tariff, double connector_kw) {
    const double kw = std::isfinite(connector_kw) && connector_kw > 0 ? connector_kw : 11.0;
    const double kwh = 20.0;
    const auto seconds_for_20 = static_cast<int64_t>(std::llround(kwh / kw * 3600.0));
    const Micros twenty = estimate_cost(tariff, kwh, seconds_for_20, kw);
    const Micros hour = estimate_cost(tariff, kw, 3600, kw);
    return tr_format(Str::EstimateFor, {format_energy_short(kwh), format_money(twenty, tariff.currency)}) + ", " +
           tr_format(Str::EstimateFor, {tr(Str::OneHour), format_money(hour, tariff.currency)});
}

}  // namespace core
