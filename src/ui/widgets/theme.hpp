// Colours and sizes of the app, scaled to the device pixel ratio; one place for the look.
#pragma once
#include "imgui.h"

namespace ui::theme {

inline constexpr ImU32 kBrand = IM_COL32(0x2E, 0x8B, 0x3A, 0xFF);      // primary green
inline constexpr ImU32 kFree = IM_COL32(0x2E, 0x9E, 0x44, 0xFF);       // connectors available
inline constexpr ImU32 kBusy = IM_COL32(0xD9, 0x7A, 0x00, 0xFF);       // all in use
inline constexpr ImU32 kDown = IM_COL32(0xC6, 0x28, 0x28, 0xFF);       // out of order
inline constexpr ImU32 kUnknown = IM_COL32(0x80, 0x80, 0x80, 0xFF);
inline constexpr ImU32 kMapLand = IM_COL32(0xEE, 0xF1, 0xEA, 0xFF);
inline constexpr ImU32 kMapGrid = IM_COL32(0xD5, 0xDB, 0xD0, 0xFF);
inline constexpr ImU32 kMuted = IM_COL32(0x5F, 0x66, 0x6D, 0xFF);
inline constexpr ImU32 kWarnBg = IM_COL32(0xFF, 0xF1, 0xD6, 0xFF);

// The deployment's primary colour (branding), kBrand unless set; shades for pressed states.
void set_brand(ImU32 colour);
ImU32 brand();
ImU32 brand_shade(float factor);  // each channel times factor (< 1 darker)

// Applies the style once per device pixel ratio change.
void apply(float dpr);

// One CSS pixel in device pixels, as laid out this frame.
float px(float css);

}  // namespace ui::theme
