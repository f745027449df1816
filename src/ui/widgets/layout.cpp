// Breakpoints in CSS px: under 600 wide and upright is a phone; under 500 tall and wider than
// tall is a phone on its side; under 1024 wide a tablet; else a desktop.
#include "layout.hpp"

#include <algorithm>

#include "imgui.h"
#include "theme.hpp"

namespace ui::layout {
namespace {

ImVec2 css_size() {
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    const float per_css = theme::px(1);
    return ImVec2(d.x / per_css, d.y / per_css);
}

constexpr float kColumnCss = 480;  // a screen's column: readable lines, thumb-sized rows

}  // namespace

Kind kind() {
    const ImVec2 s = css_size();
    if (s.x < 600 && s.y >= s.x) return Kind::PhonePortrait;
    if (s.y < 500 && s.x > s.y) return Kind::PhoneLandscape;
    if (s.x < 1024) return Kind::Tablet;
    return Kind::Desktop;
}

bool side_by_side() { return kind() != Kind::PhonePortrait; }

float panel_width() {
    const float w = css_size().x;
    return theme::px(std::clamp(w * 0.42f, 320.0f, kColumnCss));
}

float column_width() { return theme::px(std::min(css_size().x, kColumnCss)); }

}  // namespace ui::layout
