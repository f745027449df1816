// Exact money: integer micro-units (1e-6 of the currency unit). The one rounding rule lives here.
#pragma once
#include <cmath>
#include <cstdint>

namespace core {

using Micros = int64_t;
inline constexpr Micros kMicrosPerUnit = 1'000'000;

// Wire amounts are decimal numbers; they become micros rounded half away from zero.
inline Micros micros_from_double(double units) {
    return static_cast<Micros>(std::llround(units * static_cast<double>(kMicrosPerUnit)));
}

// The rounding rule for anything shown or billed: to the currency's minor unit (2 decimals),
// half away from zero. Computation keeps full micros until this point.
inline Micros round_to_cents(Micros m) {
    constexpr Micros cent = kMicrosPerUnit / 100;
    const Micros half = cent / 2;
    return m >= 0 ? ((m + half) / cent) * cent : -((-m + half) / cent) * cent;
}

}  // namespace core
