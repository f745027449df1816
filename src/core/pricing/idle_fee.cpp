// The warning before an idle (parking) fee starts (see idle_fee.hpp).
#include "idle_fee.hpp"

#include <algorithm>

namespace core {

IdleFeeWarning idle_fee_warning(const Tariff& tariff, const SessionStatus& st, TimePoint now) {
    IdleFeeWarning w;
    if (!st.start_time) return w;
    const PriceComponent* fee = nullptr;
    for (const auto& e : tariff.elements)
        for (const auto& c : e.components)
            if (fee == nullptr && c.type == PriceType::ParkingTime && c.price > 0) fee = &c;
    if (fee == nullptr) return w;
    for (const auto& line : price_lines(tariff))
        if (line.type == PriceType::ParkingTime && line.amount > 0) {
            w.line = line;
            break;
        }
    const int64_t elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - *st.start_time).count();
    const int64_t from = fee->restrictions.min_duration_s.value_or(0);
    const bool parking = st.status == SessionStatusCode::Parking;
    const bool charging = st.status == SessionStatusCode::Charging || st.status == SessionStatusCode::Starting;
    if (!parking && !charging) return w;
    if (elapsed < from) {
        w.when = IdleFeeWhen::Later;
        w.starts_in_s = from - std::max<int64_t>(0, elapsed);
        return w;
    }
    w.when = parking ? IdleFeeWhen::Now : IdleFeeWhen::WhenFull;
    return w;
}

}  // namespace core
