// WCAG 2.2 contrast: sRGB channels linearised, luminance weighted, ratio with 0.05 flare.
#include "colour.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace core::colour {
namespace {

double linear(uint8_t channel) {
    const double c = channel / 255.0;
    if (c <= 0.04045) return c / 12.92;
    // x^2.4 as e^(2.4 ln x): the wasm links exp and log2 already, and std::pow alone is 2 KB of it.
    constexpr double kLn2 = 0.69314718055994530942;
    return std::exp(2.4 * kLn2 * std::log2((c + 0.055) / 1.055));
}

uint8_t blend(uint8_t from, uint8_t to, double amount) {
    return static_cast<uint8_t>(std::lround(from + (to - from) * std::clamp(amount, 0.0, 1.0)));
}

}  // namespace

std::string to_hex(Rgb c) {
    char out[8];
    std::snprintf(out, sizeof out, "#%02x%02x%02x", c.r, c.g, c.b);
    return out;
}

double relative_luminance(Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast_ratio(Rgb a, Rgb b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb mix(Rgb c, Rgb target, double amount) {
    return {blend(c.r, target.r, amount), blend(c.g, target.g, amount), blend(c.b, target.b, amount)};
}

Rgb ensure_contrast(Rgb background, Rgb text, double min_ratio) {
    if (contrast_ratio(background, text) >= min_ratio) return background;
    // Away from the text's lightness; when even black or white cannot pass that way (white text on
    // a white brand), the other way.
    const bool text_lighter = relative_luminance(text) > relative_luminance(background);
    const Rgb first = text_lighter ? Rgb{0, 0, 0} : Rgb{255, 255, 255};
    const Rgb second = text_lighter ? Rgb{255, 255, 255} : Rgb{0, 0, 0};
    const Rgb target = contrast_ratio(first, text) >= min_ratio ? first : second;
    // Contrast grows monotonically along the mix, so the least change that passes is found by bisection.
    double lo = 0, hi = 1;
    for (int i = 0; i < 40; ++i) {
        const double midpoint = (lo + hi) / 2;
        if (contrast_ratio(mix(background, target, midpoint), text) >= min_ratio) hi = midpoint;
        else lo = midpoint;
    }
    Rgb out = mix(background, target, hi);
    // Rounding to whole channels may land a hair short: step on until it passes.
    for (double a = hi; contrast_ratio(out, text) < min_ratio && a < 1; a += 1.0 / 255) out = mix(background, target, a);
    return out;
}

}  // namespace core::colour
