// The colour roles of the design system and their values in the light and the dark theme, with a
// deployment's brand colour mapped onto the primary roles through a contrast check. Pure data and
// arithmetic (no ImGui), so the native tests can measure every pair a screen draws.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/colour/colour.hpp"

namespace ui::theme {

enum class Scheme { Light, Dark };

// What a colour is for; screens name roles, never values. "On X" is text and icons drawn on X.
enum class Role {
    Surface,             // the page
    SurfaceRaised,       // cards, sheets, bars
    SurfaceSunken,       // grouped rows, fields, chips
    OnSurface,
    OnSurfaceMuted,      // secondary facts: still 4.5:1 on every surface
    Primary,             // the one go action, the current step
    OnPrimary,
    PrimaryContainer,    // chosen rows and cards, quiet highlights
    OnPrimaryContainer,
    Secondary,           // tonal buttons
    OnSecondary,
    Danger,              // Stop, Remove
    OnDanger,
    DangerContainer,
    OnDangerContainer,
    Success,             // available, done (text- and icon-safe on surfaces)
    Warning,             // in use, stale (text- and icon-safe on surfaces)
    WarningContainer,    // the problem banner
    OnWarningContainer,
    Disabled,            // a control that cannot be used now
    OnDisabled,
    Outline,             // component edges: 3:1 on surfaces
    Divider,             // hairlines between rows (decorative)
    Focus,               // keyboard and text-field focus ring
    Scrim,               // behind a confirmation
    MapLand,
    MapGrid,
    MapWater,            // the base map's sea, lakes and rivers
    MapShore,            // the line along the water's edge
    MapBorder,           // country borders
    MapPlace,            // place names: text-safe on land and water
    MapPlaceHalo,        // the glow behind a place name, so a line under it cannot cut it
    Count
};

using core::colour::Rgb;

struct Palette {
    Rgb role[static_cast<int>(Role::Count)];
    Rgb operator[](Role r) const { return role[static_cast<int>(r)]; }
    Rgb& operator[](Role r) { return role[static_cast<int>(r)]; }
};

// The theme's own palette, without a brand.
const Palette& base_palette(Scheme scheme);

// `brand` (a deployment's primaryColorHex) as Primary, with OnPrimary white in light and near-black
// in dark, the brand moved the least it must for 4.5:1 with its text and with the surfaces it is
// drawn on as text. `adjusted` (if given) says what changed, for the log.
Palette branded_palette(Scheme scheme, std::optional<Rgb> brand, std::string* adjusted = nullptr);

// The pairs a screen draws (text role on background role) and the ratio each must reach: the
// contract the native test and the browser's pixel check both hold the palettes to.
struct Pairing {
    Role text, background;
    double min_ratio;
};
const std::vector<Pairing>& pairings();

const char* role_name(Role r);

}  // namespace ui::theme
