// The design system's colours measured the way WCAG 2.2 measures them: every pairing a screen
// draws, in both themes, with the theme's own green and with each deployment's brand colour.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/colour/colour.hpp"
#include "ui/widgets/palette.hpp"

using core::colour::contrast_ratio;
using core::colour::from_hex;
using core::colour::Rgb;
using namespace ui::theme;

namespace {

void require_pairings(const Palette& p, const char* what) {
    for (const Pairing& pair : pairings()) {
        INFO(what << ": " << role_name(pair.text) << " on " << role_name(pair.background) << " = "
                  << contrast_ratio(p[pair.text], p[pair.background]));
        CHECK(contrast_ratio(p[pair.text], p[pair.background]) >= pair.min_ratio);
    }
}

}  // namespace

TEST_CASE("contrast ratios match WCAG's own reference values") {
    CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
    CHECK(contrast_ratio({255, 255, 255}, {255, 255, 255}) == Approx(1.0));
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 is the first that fails.
    CHECK(contrast_ratio(from_hex(0x767676), {255, 255, 255}) >= 4.5);
    CHECK(contrast_ratio(from_hex(0x777777), {255, 255, 255}) < 4.5);
    // The figures measured on the old screens: white on the old green and on the kiosk's green.
    CHECK(contrast_ratio(from_hex(0x2E8B3A), {255, 255, 255}) == Approx(4.31).margin(0.01));
    CHECK(contrast_ratio(from_hex(0x50B748), {255, 255, 255}) == Approx(2.56).margin(0.01));
}

TEST_CASE("ensure_contrast moves a colour only as far as it must") {
    const Rgb white{255, 255, 255};
    const Rgb passing = from_hex(0x1D4E89);
    CHECK(core::colour::ensure_contrast(passing, white) == passing);
    const Rgb kiosk = from_hex(0x50B748);
    const Rgb fixed = core::colour::ensure_contrast(kiosk, white);
    CHECK(contrast_ratio(fixed, white) >= 4.5);
    CHECK(contrast_ratio(fixed, white) < 4.6);  // the least change, not black
    CHECK(fixed.g > fixed.r);                    // still green
    // Dark text on a dark colour: lightened instead.
    const Rgb lifted = core::colour::ensure_contrast(from_hex(0x1D4E89), from_hex(0x06210E));
    CHECK(contrast_ratio(lifted, from_hex(0x06210E)) >= 4.5);
    CHECK(core::colour::relative_luminance(lifted) > core::colour::relative_luminance(from_hex(0x1D4E89)));
}

TEST_CASE("every pairing passes in the light and the dark theme") {
    require_pairings(base_palette(Scheme::Light), "light");
    require_pairings(base_palette(Scheme::Dark), "dark");
}

TEST_CASE("each deployment's brand colour and a deliberately pale one pass once mapped") {
    // The three example deployments (assets/config/*.json) and a pale yellow no text can sit on.
    for (uint32_t hex : {0x2E8B3Au, 0x1D4E89u, 0x50B748u, 0xF5E663u, 0xFFFFFFu, 0x000000u}) {
        for (Scheme scheme : {Scheme::Light, Scheme::Dark}) {
            std::string note;
            const Palette p = branded_palette(scheme, from_hex(hex), &note);
            INFO("brand " << core::colour::to_hex(from_hex(hex)) << (scheme == Scheme::Dark ? " dark" : " light"));
            require_pairings(p, "branded");
            if (p[Role::Primary] == from_hex(hex)) CHECK(note.empty());
            else CHECK(note.find("for contrast") != std::string::npos);
        }
    }
}

TEST_CASE("a brand colour that already passes is kept as it is") {
    std::string note;
    const Palette p = branded_palette(Scheme::Light, from_hex(0x1D4E89), &note);
    CHECK(p[Role::Primary] == from_hex(0x1D4E89));
    CHECK(note.empty());
}
