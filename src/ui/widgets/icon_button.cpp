// The icon-only button and the icon-beside-text line (icons.hpp): drawn with the theme's roles,
// registered in the accessibility mirror like ui::button (role, name, box, activation).
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic, before the first imgui include
#include "icons.hpp"

#include <algorithm>
#include <cmath>

#include "a11y_mirror.hpp"
#include "imgui.h"
#include "imgui_internal.h"

namespace ui {
namespace {

struct Look {
    bool filled;
    theme::Role fill, on;
};

Look look(IconButtonStyle style, bool enabled) {
    if (!enabled) return {style != IconButtonStyle::Plain, theme::Role::Disabled, theme::Role::OnDisabled};
    switch (style) {
        case IconButtonStyle::Floating: return {true, theme::Role::SurfaceRaised, theme::Role::OnSurface};
        case IconButtonStyle::Tonal: return {true, theme::Role::Secondary, theme::Role::OnSecondary};
        case IconButtonStyle::Plain: break;
    }
    return {false, theme::Role::Surface, theme::Role::OnSurface};
}

}  // namespace

bool icon_button(const char* icon, std::string_view accessible_name, IconButtonStyle style, bool enabled,
                 float size_css) {
    const int index = a11y::add(a11y::Role::Button, accessible_name);
    const bool activated = a11y::take_activation(index) && enabled;
    // The icon in the title font: 24 CSS px at 100 % text size, Material's size for an icon button.
    ImFont* font = theme::font(theme::Type::Title);
    if (font == nullptr) font = ImGui::GetFont();
    const float font_size = font->FontSize;
    const ImVec2 icon_size = font->CalcTextSizeA(font_size, FLT_MAX, 0, icon);
    const float side = std::max(theme::px(size_css), theme::touch());

    a11y::push_key_id(index);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton("##icon", ImVec2(side, side));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::EndDisabled();
    ImGui::PopID();

    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const float round = side * 0.5f;
    const Look l = look(style, enabled);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (style == IconButtonStyle::Floating && enabled) theme::shadow(draw, bb.Min, bb.Max, theme::Elevation::Raised, round);
    if (l.filled) draw->AddRectFilled(bb.Min, bb.Max, theme::colour(l.fill), round);
    // Floating over the map: an edge that holds 3:1 against whatever the map shows beneath.
    if (style == IconButtonStyle::Floating)
        draw->AddRect(bb.Min, bb.Max, theme::colour(theme::Role::Outline), round, 0, theme::px(1));
    // Pressed and hovered: a state layer of the icon's colour over the fill.
    if (enabled && hovered) draw->AddRectFilled(bb.Min, bb.Max, theme::colour(l.on, held ? 0.14f : 0.06f), round);
    // Centred on whole device pixels: the glyph was rasterised on the pixel grid.
    const ImVec2 at(std::round((bb.Min.x + bb.Max.x - icon_size.x) * 0.5f),
                    std::round((bb.Min.y + bb.Max.y - icon_size.y) * 0.5f));
    draw->AddText(font, font_size, at, theme::colour(l.on), icon);

    a11y::node(index).disabled = !enabled;
    a11y::place(index);
    return clicked || activated;
}

void icon_text(const char* icon, std::string_view text, std::optional<theme::Role> icon_role) {
    if (text.empty()) return;
    const int index = a11y::add(a11y::Role::Text, text);
    ImGui::BeginGroup();
    if (icon_role) ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(*icon_role));
    ImGui::TextUnformatted(icon);
    if (icon_role) ImGui::PopStyleColor();
    ImGui::SameLine(0, theme::space(theme::Space::S));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    a11y::place(index);
}

}  // namespace ui
