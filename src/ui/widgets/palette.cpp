// The two palettes. Values chosen for outdoor phone screens: near-black on white in light, soft
// white on charcoal in dark; every pairing in pairings() measured by tests/ui/palette_test.cpp.
#include "palette.hpp"

namespace ui::theme {
namespace {

using core::colour::contrast_ratio;
using core::colour::ensure_contrast;
using core::colour::from_hex;

Palette make(std::initializer_list<std::pair<Role, uint32_t>> values) {
    Palette p{};
    for (const auto& [role, hex] : values) p[role] = from_hex(hex);
    return p;
}

const Palette kLight = make({
    {Role::Surface, 0xFFFFFF},          {Role::SurfaceRaised, 0xFFFFFF},     {Role::SurfaceSunken, 0xF1F4F2},
    {Role::OnSurface, 0x15191C},        {Role::OnSurfaceMuted, 0x50585E},
    {Role::Primary, 0x1B7332},          {Role::OnPrimary, 0xFFFFFF},
    {Role::PrimaryContainer, 0xDCEFE0}, {Role::OnPrimaryContainer, 0x0B3A17},
    {Role::Secondary, 0xE4EAE6},        {Role::OnSecondary, 0x15191C},
    {Role::Danger, 0xB3261E},           {Role::OnDanger, 0xFFFFFF},
    {Role::DangerContainer, 0xFCE4E1},  {Role::OnDangerContainer, 0x5F130E},
    {Role::Success, 0x1B7332},          {Role::Warning, 0x8A4F00},
    {Role::WarningContainer, 0xFFF0D4}, {Role::OnWarningContainer, 0x4A2C00},
    {Role::Disabled, 0xE6E8E7},         {Role::OnDisabled, 0x5C6368},
    {Role::Outline, 0x767E83},          {Role::Divider, 0xDADFDC},
    {Role::Focus, 0x1A5FB4},            {Role::Scrim, 0x000000},
    {Role::MapLand, 0xEEF1EA},          {Role::MapGrid, 0xD5DBD0},
    {Role::MapWater, 0xA9D1E0},         {Role::MapShore, 0x86B3C6},          {Role::MapBorder, 0x8C78A2},
    {Role::MapPlace, 0x30363B},         {Role::MapPlaceHalo, 0xF7F8F4},
});

const Palette kDark = make({
    {Role::Surface, 0x111417},          {Role::SurfaceRaised, 0x1B1F23},     {Role::SurfaceSunken, 0x252A2E},
    {Role::OnSurface, 0xE8EBED},        {Role::OnSurfaceMuted, 0xAAB2B8},
    {Role::Primary, 0x74D68B},          {Role::OnPrimary, 0x06210E},
    {Role::PrimaryContainer, 0x1E4A2A}, {Role::OnPrimaryContainer, 0xCDF2D6},
    {Role::Secondary, 0x30363B},        {Role::OnSecondary, 0xE8EBED},
    {Role::Danger, 0xFF8F84},           {Role::OnDanger, 0x3A0805},
    {Role::DangerContainer, 0x5C1A15},  {Role::OnDangerContainer, 0xFFDAD5},
    {Role::Success, 0x74D68B},          {Role::Warning, 0xF2B652},
    {Role::WarningContainer, 0x3E2C08}, {Role::OnWarningContainer, 0xFFE2AE},
    {Role::Disabled, 0x2A2F33},         {Role::OnDisabled, 0xA0A8AE},
    {Role::Outline, 0x8D969C},          {Role::Divider, 0x343A3F},
    {Role::Focus, 0x8AB4F8},            {Role::Scrim, 0x000000},
    {Role::MapLand, 0x1B201D},          {Role::MapGrid, 0x2C332E},
    {Role::MapWater, 0x16303D},         {Role::MapShore, 0x24485A},          {Role::MapBorder, 0x7A6B92},
    {Role::MapPlace, 0xD3D9DC},         {Role::MapPlaceHalo, 0x111614},
});

}  // namespace

const Palette& base_palette(Scheme scheme) { return scheme == Scheme::Dark ? kDark : kLight; }

Palette branded_palette(Scheme scheme, std::optional<Rgb> brand, std::string* adjusted) {
    Palette p = base_palette(scheme);
    if (!brand) return p;
    // Primary carries OnPrimary text and is itself text on every surface (links, the current step):
    // it must pass against all of them, so it is moved against each in turn.
    Rgb primary = ensure_contrast(*brand, p[Role::OnPrimary]);
    for (Role surface : {Role::Surface, Role::SurfaceRaised, Role::SurfaceSunken, Role::PrimaryContainer})
        if (contrast_ratio(primary, p[surface]) < core::colour::kTextContrast)
            primary = ensure_contrast(primary, p[surface]);
    p[Role::Primary] = primary;
    if (adjusted && !(primary == *brand))
        *adjusted = "brand colour " + core::colour::to_hex(*brand) + " shown as " + core::colour::to_hex(primary) +
                    " in the " + (scheme == Scheme::Dark ? "dark" : "light") + " theme for contrast";
    return p;
}

const std::vector<Pairing>& pairings() {
    using core::colour::kLargeContrast;
    using core::colour::kTextContrast;
    static const std::vector<Pairing> list = {
        {Role::OnSurface, Role::Surface, kTextContrast},
        {Role::OnSurface, Role::SurfaceRaised, kTextContrast},
        {Role::OnSurface, Role::SurfaceSunken, kTextContrast},
        {Role::OnSurfaceMuted, Role::Surface, kTextContrast},
        {Role::OnSurfaceMuted, Role::SurfaceRaised, kTextContrast},
        {Role::OnSurfaceMuted, Role::SurfaceSunken, kTextContrast},
        {Role::OnPrimary, Role::Primary, kTextContrast},
        {Role::Primary, Role::Surface, kTextContrast},
        {Role::Primary, Role::SurfaceRaised, kTextContrast},
        {Role::Primary, Role::SurfaceSunken, kTextContrast},
        {Role::OnPrimaryContainer, Role::PrimaryContainer, kTextContrast},
        {Role::OnSecondary, Role::Secondary, kTextContrast},
        {Role::OnDanger, Role::Danger, kTextContrast},
        {Role::Danger, Role::Surface, kTextContrast},
        {Role::Danger, Role::SurfaceRaised, kTextContrast},
        {Role::OnDangerContainer, Role::DangerContainer, kTextContrast},
        {Role::Success, Role::Surface, kTextContrast},
        {Role::Success, Role::SurfaceRaised, kTextContrast},
        {Role::Warning, Role::Surface, kTextContrast},
        {Role::Warning, Role::SurfaceRaised, kTextContrast},
        {Role::OnWarningContainer, Role::WarningContainer, kTextContrast},
        {Role::OnDisabled, Role::Disabled, kTextContrast},
        {Role::Outline, Role::Surface, kLargeContrast},
        {Role::Outline, Role::SurfaceRaised, kLargeContrast},
        {Role::Focus, Role::Surface, kLargeContrast},
        {Role::OnSurface, Role::MapLand, kTextContrast},
        {Role::MapPlace, Role::MapLand, kTextContrast},
        {Role::MapPlace, Role::MapWater, kTextContrast},
        {Role::MapPlace, Role::MapPlaceHalo, kTextContrast},
        {Role::MapBorder, Role::MapLand, kLargeContrast},
    };
    return list;
}

const char* role_name(Role r) {
    static const char* const names[] = {
        "surface", "surface-raised", "surface-sunken", "on-surface", "on-surface-muted", "primary", "on-primary",
        "primary-container", "on-primary-container", "secondary", "on-secondary", "danger", "on-danger",
        "danger-container", "on-danger-container", "success", "warning", "warning-container",
        "on-warning-container", "disabled", "on-disabled", "outline", "divider", "focus", "scrim", "map-land",
        "map-grid", "map-water", "map-shore", "map-border", "map-place", "map-place-halo"};
    static_assert(sizeof names / sizeof names[0] == static_cast<int>(Role::Count));
    return names[static_cast<int>(r)];
}

}  // namespace ui::theme
