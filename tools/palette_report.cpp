// palette_report: every colour role of the design system in the light and the dark theme, and the
// WCAG 2.2 contrast of every pairing a screen draws (text role on background role) against the
// ratio it must reach. With --brand #RRGGBB, the same for a deployment's brand colour once mapped.
// It lives in tools/ beside qr_scan: it reads the palette's own header, as only tests and tools may.
//
//   build/native/palette_report [--brand #50B748]
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "core/colour/colour.hpp"
#include "ui/widgets/palette.hpp"

using namespace ui::theme;
using core::colour::contrast_ratio;
using core::colour::to_hex;

int main(int argc, char** argv) {
    std::optional<core::colour::Rgb> brand;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--brand") == 0 && i + 1 < argc) {
            const char* hex = argv[++i];
            unsigned value = 0;
            if (std::sscanf(hex[0] == '#' ? hex + 1 : hex, "%6x", &value) != 1) {
                std::fprintf(stderr, "palette_report: --brand %s is not a colour like #50B748\n", hex);
                return 2;
            }
            brand = core::colour::from_hex(value);
        } else {
            std::fprintf(stderr, "usage: palette_report [--brand #RRGGBB]\n");
            return 2;
        }
    }
    const Palette light = branded_palette(Scheme::Light, brand), dark = branded_palette(Scheme::Dark, brand);
    std::printf("%-20s %-8s %-8s\n", "role", "light", "dark");
    for (int r = 0; r < static_cast<int>(Role::Count); ++r) {
        const Role role = static_cast<Role>(r);
        std::printf("%-20s %-8s %-8s\n", role_name(role), to_hex(light[role]).c_str(), to_hex(dark[role]).c_str());
    }
    std::printf("\n%-42s %6s %6s %6s\n", "text on background", "light", "dark", "needs");
    int failing = 0;
    for (const Pairing& p : pairings()) {
        const double l = contrast_ratio(light[p.text], light[p.background]);
        const double d = contrast_ratio(dark[p.text], dark[p.background]);
        const std::string name = std::string(role_name(p.text)) + " on " + role_name(p.background);
        const bool ok = l >= p.min_ratio && d >= p.min_ratio;
        failing += !ok;
        std::printf("%-42s %6.2f %6.2f %6.1f%s\n", name.c_str(), l, d, p.min_ratio, ok ? "" : "  FAILS");
    }
    std::printf("\n%zu pairings, %d failing\n", pairings().size(), failing);
    return failing ? 1 : 0;
}
