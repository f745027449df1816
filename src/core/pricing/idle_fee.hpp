// The warning before an idle (parking) fee starts: which fee, and whether it applies once the
// car is full, from a later moment, or already now.
#pragma once
#include <cstdint>
#include <optional>

#include "core/api/api.hpp"
#include "price_lines.hpp"

namespace core {

enum class IdleFeeWhen { None, WhenFull, Later, Now };

struct IdleFeeWarning {
    IdleFeeWhen when = IdleFeeWhen::None;
    PriceLine line;          // the parking price as shown on the price screen
    int64_t starts_in_s = 0;  // for Later: seconds from now
};

// The first PARKING_TIME price above zero decides. While charging it applies once the car is
// full (or from its min_duration, whichever is later); while parking it applies now or from
// its min_duration. Nothing when the tariff has no such fee or the session has not started.
IdleFeeWarning idle_fee_warning(const Tariff& tariff, const SessionStatus& status, TimePoint now);

}  // namespace core
