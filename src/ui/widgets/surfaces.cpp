// Figures, captions and the stepper: ImGui groups and draw-list shapes in the theme's tokens.
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic, before the first imgui include
#include "surfaces.hpp"

#include <algorithm>
#include <cfloat>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "controls.hpp"
#include "widgets.hpp"

namespace ui {
void figure(std::string_view caption_text, std::string_view value, theme::Type value_type, std::string_view said) {
    ImGui::BeginGroup();
    {
        theme::WithFont font(theme::Type::Caption);
        theme::WithText colour(theme::Role::OnSurfaceMuted);
        ImGui::TextUnformatted(caption_text.data(), caption_text.data() + caption_text.size());
    }
    {
        theme::WithFont font(value_type);
        ImGui::TextUnformatted(value.data(), value.data() + value.size());
    }
    ImGui::EndGroup();
    std::string spoken(said);
    if (spoken.empty()) {
        spoken = caption_text;
        spoken += ": ";
        spoken += value;
    }
    a11y::place(a11y::add(a11y::Role::Text, spoken));
}

float figure_width(std::string_view caption_text, std::string_view value, theme::Type value_type) {
    float width = 0;
    {
        theme::WithFont font(theme::Type::Caption);
        width = ImGui::CalcTextSize(caption_text.data(), caption_text.data() + caption_text.size()).x;
    }
    theme::WithFont font(value_type);
    return std::max(width, ImGui::CalcTextSize(value.data(), value.data() + value.size()).x);
}

void caption(std::string_view line) {
    theme::WithFont font(theme::Type::Caption);
    theme::WithText colour(theme::Role::OnSurfaceMuted);
    text(line);
}

void text_in(theme::Role role, std::string_view line) {
    theme::WithText colour(role);
    text(line);
}

void stepper(const std::vector<StepperItem>& steps, const std::vector<std::string>& spoken) {
    if (steps.empty()) return;
    using State = StepperItem::State;
    using theme::Role;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float slot = width / static_cast<float>(steps.size());
    const float r = theme::px(11);
    const float line_y = origin.y + r;
    ImFont* label_font = theme::font(theme::Type::Title);
    const float label_size = label_font ? label_font->FontSize : ImGui::GetFontSize();
    float bottom = origin.y + 2 * r;
    for (size_t i = 0; i < steps.size(); ++i) {
        const ImVec2 centre(origin.x + slot * (static_cast<float>(i) + 0.5f), line_y);
        if (i + 1 < steps.size()) {
            const bool done = steps[i].state == State::Done;
            draw->AddLine(ImVec2(centre.x + r + theme::px(2), line_y), ImVec2(centre.x + slot - r - theme::px(2), line_y),
                          theme::colour(done ? Role::Success : Role::Outline), theme::px(2));
        }
        switch (steps[i].state) {
            case State::Done: {
                draw->AddCircleFilled(centre, r, theme::colour(Role::Success), 24);
                // A tick drawn as two strokes: no font glyph needed.
                const ImU32 on = theme::colour(Role::Surface);
                const float t = theme::px(2.2f);
                draw->AddLine(centre + ImVec2(-r * 0.45f, 0), centre + ImVec2(-r * 0.1f, r * 0.38f), on, t);
                draw->AddLine(centre + ImVec2(-r * 0.1f, r * 0.38f), centre + ImVec2(r * 0.5f, -r * 0.35f), on, t);
                break;
            }
            case State::Now:
                draw->AddCircleFilled(centre, r + theme::px(4), theme::colour(Role::PrimaryContainer), 24);
                draw->AddCircleFilled(centre, r, theme::colour(Role::Primary), 24);
                draw->AddCircleFilled(centre, r * 0.4f, theme::colour(Role::OnPrimary), 16);
                break;
            case State::ToCome:
                draw->AddCircle(centre, r - theme::px(1), theme::colour(Role::Outline), 24, theme::px(2));
                break;
        }
        // Only the current step is named under its dot (seven names do not fit a phone's width);
        // every step is named to screen readers.
        const std::string_view label = steps[i].label;
        const bool named = steps[i].state == State::Now;
        const ImVec2 size = label_font && named ? label_font->CalcTextSizeA(label_size, FLT_MAX, 0, label.data(),
                                                                             label.data() + label.size())
                                                : ImVec2(0, 0);
        const float x = std::clamp(centre.x - size.x * 0.5f, origin.x, origin.x + width - size.x);
        const ImVec2 at(x, line_y + r + theme::px(8));
        if (label_font && named)
            draw->AddText(label_font, label_size, at, theme::colour(Role::Primary), label.data(), label.data() + label.size());
        if (i < spoken.size()) {
            const int index = a11y::add(a11y::Role::Text, spoken[i]);
            // Every step is boxed by the row of words under the dots, where the current one is named.
            a11y::place(index, origin.x, at.y, origin.x + width, at.y + label_size);  // clipped like any node
        }
        bottom = std::max(bottom, at.y + label_size);
    }
    ImGui::Dummy(ImVec2(width, bottom - origin.y + theme::px(4)));
}

bool notice_strip(const char* icon, std::string_view text, std::string_view action) {
    using theme::Role;
    const float pad = theme::space(theme::Space::S);
    const float gap = theme::space(theme::Space::S);
    ImFont* icon_font = theme::font(theme::Type::Title);
    const float icon_w = icon_font->CalcTextSizeA(icon_font->FontSize, FLT_MAX, 0, icon).x;
    const float width = ImGui::GetContentRegionAvail().x;
    const float action_w = action.empty() ? 0.0f
        : ImGui::CalcTextSize(action.data(), action.data() + action.size()).x + ImGui::GetStyle().FramePadding.x * 4;
    const float action_h = action.empty() ? 0.0f : std::max(theme::px(48), ImGui::GetFrameHeight());
    const float text_w = std::max(theme::px(80), width - pad * 2 - icon_w - gap - (action.empty() ? 0.0f : action_w + gap));
    const ImVec2 text_size = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, text_w);
    const float h = std::max({text_size.y, icon_font->FontSize, action_h}) + pad * 2;

    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + width, p.y + h), theme::colour(Role::SurfaceSunken), theme::radius(theme::Radius::M));
    draw->AddText(icon_font, icon_font->FontSize, ImVec2(p.x + pad, p.y + (h - icon_font->FontSize) * 0.5f),
                  theme::colour(Role::OnSurfaceMuted), icon);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad + icon_w + gap, p.y + (h - text_size.y) * 0.5f));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    status_line(text);
    ImGui::PopTextWrapPos();
    bool pressed = false;
    if (!action.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(p.x + width - pad - action_w, p.y + (h - action_h) * 0.5f));
        pressed = secondary_button(action, action_w);
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(width, ImGui::GetStyle().ItemSpacing.y));
    return pressed;
}

}  // namespace ui
