#include <catch2/catch.hpp>

#include "ui/map/sheet_snap.hpp"

using ui::sheet::Heights;
using ui::sheet::Stop;

namespace {
// A 412x860 phone at DPR 1 below its top bar and above its shortcuts: 700 px shared.
const Heights kPhone = ui::sheet::heights_for(700, 120, 140);
}

TEST_CASE("the sheet's three stops sit in order inside the body", "[sheet]") {
    CHECK(kPhone.peek == 120);
    CHECK(kPhone.half == 350);
    CHECK(kPhone.full == 560);
    // A body so short that half would be below peek: the stops collapse, never invert.
    const Heights tiny = ui::sheet::heights_for(200, 120, 140);
    CHECK(tiny.full == 60);
    CHECK(tiny.peek == 60);
    CHECK(tiny.half == 60);
}

TEST_CASE("a slow release settles on the nearest stop", "[sheet]") {
    CHECK(ui::sheet::settle(kPhone, Stop::Half, 200, 0, 800) == Stop::Peek);
    CHECK(ui::sheet::settle(kPhone, Stop::Half, 300, 100, 800) == Stop::Half);
    CHECK(ui::sheet::settle(kPhone, Stop::Peek, 470, -100, 800) == Stop::Full);
}

TEST_CASE("a fling goes one stop on in its direction", "[sheet]") {
    // Up from half, released just above it: full, not back to half.
    CHECK(ui::sheet::settle(kPhone, Stop::Half, 370, 1200, 800) == Stop::Full);
    // Up from peek, barely moved: half.
    CHECK(ui::sheet::settle(kPhone, Stop::Peek, 140, 900, 800) == Stop::Half);
    // Down from full: half; down from just under half: peek.
    CHECK(ui::sheet::settle(kPhone, Stop::Full, 540, -900, 800) == Stop::Half);
    CHECK(ui::sheet::settle(kPhone, Stop::Half, 330, -900, 800) == Stop::Peek);
    // Beyond the last stop there is nowhere further to go.
    CHECK(ui::sheet::settle(kPhone, Stop::Full, 560, 2000, 800) == Stop::Full);
    CHECK(ui::sheet::settle(kPhone, Stop::Peek, 120, -2000, 800) == Stop::Peek);
}

TEST_CASE("a tap opens the sheet, a drag follows the finger within its stops", "[sheet]") {
    CHECK(ui::sheet::after_tap(Stop::Peek) == Stop::Half);
    CHECK(ui::sheet::after_tap(Stop::Half) == Stop::Full);
    CHECK(ui::sheet::after_tap(Stop::Full) == Stop::Half);
    CHECK(ui::sheet::dragged(kPhone, 350, 100) == 450);
    CHECK(ui::sheet::dragged(kPhone, 350, 1000) == 560);
    CHECK(ui::sheet::dragged(kPhone, 350, -1000) == 120);
}
