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

// The rounding rule inside computation: a * b / c to whole micros, half away from zero, exact
// (128-bit intermediate). Every price × quantity and every VAT step goes through here once.
inline Micros mul_div_round(Micros a, int64_t b, int64_t c) {
    if (c == 0) return 0;
    __int128 n = static_cast<__int128>(a) * b;
    __int128 d = c;
    if (d < 0) { n = -n; d = -d; }
    const __int128 q = n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
    constexpr __int128 kMax = INT64_MAX;
    return static_cast<Micros>(q > kMax ? kMax : (q < -kMax ? -kMax : q));
}

}  // namespace core
