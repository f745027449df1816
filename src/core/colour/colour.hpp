// Colours as WCAG 2.2 measures them: relative luminance, the contrast ratio of two colours, and
// the smallest change to a colour (a brand's) that makes text on it readable.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core::colour {

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(Rgb, Rgb) = default;
};

constexpr Rgb from_hex(uint32_t rgb) {
    return {static_cast<uint8_t>(rgb >> 16), static_cast<uint8_t>(rgb >> 8), static_cast<uint8_t>(rgb)};
}
std::string to_hex(Rgb c);  // "#1f7a33"

// WCAG 2.2 relative luminance, 0 (black) to 1 (white).
double relative_luminance(Rgb c);
// (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 to 21.
double contrast_ratio(Rgb a, Rgb b);

inline constexpr double kTextContrast = 4.5;    // body text, AA
inline constexpr double kLargeContrast = 3.0;   // text >= 24 px, icons, component edges

// `c` mixed towards `target` by `amount` (0 = c, 1 = target), per channel, rounded.
Rgb mix(Rgb c, Rgb target, double amount);

// `background` itself when `text` on it reaches `min_ratio`; otherwise the background moved towards
// black (text lighter than it) or white (text darker) in the smallest step that reaches it.
Rgb ensure_contrast(Rgb background, Rgb text, double min_ratio = kTextContrast);

}  // namespace core::colour
