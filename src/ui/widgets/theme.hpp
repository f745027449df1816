// The design system's tokens, in one place: colour roles (palette.hpp) for the light and the dark
// theme, the type scale, spacing, radii and elevation, all in CSS px scaled to the device pixel
// ratio. Screens name tokens, never literal colours or pixel sizes.
#pragma once
#include <optional>

#include "imgui.h"
#include "palette.hpp"

namespace ui::theme {

// --- the frame's setting: called by the app view before anything is drawn ---------------------
// `brand` is a deployment's primary colour; `text_scale` 1, 1.25 or 1.5 (the driver's text size).
void configure(Scheme scheme, std::optional<Rgb> brand, float text_scale);
// Applies ImGui's style (colours, paddings, roundings) for the device pixel ratio and the
// configured scheme; cheap when nothing changed.
void apply(float dpr);
Scheme scheme();
float text_scale();

// --- colour ------------------------------------------------------------------------------------
ImU32 colour(Role role, float alpha = 1.0f);
ImVec4 colour_vec(Role role, float alpha = 1.0f);
Rgb rgb(Role role);

// --- type scale: CSS px at 100 % text size -----------------------------------------------------
enum class Type {
    Body,     // 16: everything read
    Title,    // 20 bold: screen titles, section heads
    Display,  // 34 bold: the figure the driver came for (price per kWh, energy, cost, total)
    Caption,  // 13: quiet facts ("updated 4 s ago", credits)
};
float type_css(Type type);  // at 100 %
// The font for `type`, rasterised by the platform at dpr x text size; the platform adds them to
// the atlas in the enum's order (each with the icon glyphs merged in).
ImFont* font(Type type);

// --- spacing, radii, elevation: CSS px -----------------------------------------------------------
enum class Space { XXS = 2, XS = 4, S = 8, M = 12, L = 16, XL = 24, XXL = 32 };
enum class Radius { S = 6, M = 12, L = 18, Pill = 999 };
enum class Elevation { Flat, Raised, Overlay };
float space(Space s);    // device px
float radius(Radius r);  // device px
inline constexpr float kTouchCss = 48.0f;  // the least touch target
float touch();           // device px
// A soft shadow under a card or sheet of `rounding` (none when Flat).
void shadow(ImDrawList* draw, ImVec2 min, ImVec2 max, Elevation e, float rounding);

// One CSS pixel in device pixels, as laid out this frame.
float px(float css);

// --- scoped pushes -----------------------------------------------------------------------------
struct WithFont {
    explicit WithFont(Type type);
    ~WithFont();
    WithFont(const WithFont&) = delete;
    WithFont& operator=(const WithFont&) = delete;
private:
    bool pushed_;
};
struct WithText {
    explicit WithText(Role role);
    ~WithText();
    WithText(const WithText&) = delete;
    WithText& operator=(const WithText&) = delete;
};

}  // namespace ui::theme
