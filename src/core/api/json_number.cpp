// JSON number text to double: the exact fast path (Clinger 1990) for the numbers APIs send, and
// long double scaling for the rest.
#include "json_number.hpp"

#include <cstdint>
#include <limits>

namespace core {
namespace {

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

bool digit(char c) { return c >= '0' && c <= '9'; }

// m × 10^e in long double (64 bits of mantissa natively, 113 in wasm): 10^|e| is exact up to 10^27
// (10^48 in wasm), so one rounding there, and then one to double.
double scaled(uint64_t m, int e) {
    long double power = 1.0L;
    long double p = 10.0L;
    for (unsigned n = static_cast<unsigned>(e < 0 ? -e : e); n != 0; n >>= 1, p *= p)
        if (n & 1) power *= p;
    const long double result = static_cast<long double>(m);
    return static_cast<double>(e < 0 ? result / power : result * power);
}

}  // namespace

double read_json_number(const char* text, char** end) {
    const char* s = text;
    while (*s == ' ' || (*s >= '\t' && *s <= '\r')) ++s;
    const bool negative = *s == '-';
    if (*s == '-' || *s == '+') ++s;
    uint64_t m = 0;
    int kept = 0;     // significant digits in m (at most 19: 10^19 < 2^64)
    long e10 = 0;     // m × 10^e10 is the value
    bool any = false;
    for (; digit(*s); ++s, any = true) {
        if (kept < 19) {
            m = m * 10 + static_cast<unsigned>(*s - '0');
            kept += m != 0;
        } else {
            ++e10;  // a digit past the 19th: only its place counts
        }
    }
    if (*s == '.' && (any || digit(s[1]))) {  // "1." and ".5" as strtod reads them (JSON has neither)
        for (++s; digit(*s); ++s, any = true) {
            if (kept < 19) {
                m = m * 10 + static_cast<unsigned>(*s - '0');
                kept += m != 0;
                --e10;
            }
        }
    }
    if (!any) {
        if (end) *end = const_cast<char*>(text);
        return 0;
    }
    if (*s == 'e' || *s == 'E') {
        const char* t = s + 1;
        const bool minus = *t == '-';
        if (*t == '-' || *t == '+') ++t;
        if (digit(*t)) {
            long x = 0;
            for (; digit(*t); ++t)
                if (x < 100000) x = x * 10 + (*t - '0');
            e10 += minus ? -x : x;
            s = t;
        }
    }
    if (end) *end = const_cast<char*>(s);
    double value;
    if (m == 0) {
        value = 0;
    } else if (m <= (uint64_t{1} << 53) && e10 >= -22 && e10 <= 22) {
        // Both m and 10^|e10| are exact doubles: one correctly rounded operation.
        value = e10 >= 0 ? static_cast<double>(m) * kPow10[e10] : static_cast<double>(m) / kPow10[-e10];
    } else if (e10 + kept > 310) {
        value = std::numeric_limits<double>::infinity();
    } else if (e10 + kept < -330) {
        value = 0;
    } else {
        value = scaled(m, static_cast<int>(e10));
    }
    return negative ? -value : value;
}

}  // namespace core
