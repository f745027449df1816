// The hierarchy's pieces (see controls.hpp): drawn with ImGui from the theme's tokens, each
// registered in the accessibility mirror with its role, name and box.
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic, before the first imgui include
#include "controls.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "theme.hpp"
#include "widgets.hpp"

namespace ui {
namespace {

using theme::Role;
using theme::Type;

constexpr const char* kCheck = "\xE2\x9C\x93";  // ✓

ImRect last_item() { return ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

// `role` moved a little towards black (light theme) or white (dark): hover and press shades.
ImU32 shade(Role role, double amount) {
    const core::colour::Rgb target = theme::scheme() == theme::Scheme::Dark ? core::colour::Rgb{255, 255, 255}
                                                                           : core::colour::Rgb{0, 0, 0};
    const core::colour::Rgb c = core::colour::mix(theme::rgb(role), target, amount);
    return IM_COL32(c.r, c.g, c.b, 255);
}

// A button of the given fill and text roles; a disabled one on Disabled / OnDisabled at full
// alpha, so that its words keep their contrast.
bool role_button(std::string_view label, float width, bool enabled, Role fill, Role on) {
    const Role f = enabled ? fill : Role::Disabled;
    ImGui::PushStyleColor(ImGuiCol_Button, theme::colour(f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(shade(f, 0.06)));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(shade(f, 0.14)));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(enabled ? on : Role::OnDisabled));
    ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
    const bool pressed = button(label, width, enabled);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    return pressed;
}

void wrapped(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

// --- the body above a footer ---
ImGuiWindow* g_body = nullptr;

// --- cards ---
struct CardState {
    bool open = false;
    bool highlighted = false;
    ImVec2 start;
    float width = 0;
    float pad = 0;
};
CardState g_card;

}  // namespace

float button_height() {
    return std::max(theme::touch(), ImGui::GetFontSize() + ImGui::GetStyle().FramePadding.y * 2);
}

float button_width(std::string_view label) {
    const float text = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    return std::max(theme::touch(), text + ImGui::GetStyle().FramePadding.x * 2);
}

bool secondary_button(std::string_view label, float width, bool enabled) {
    return role_button(label, width, enabled, Role::Secondary, Role::OnSecondary);
}

bool danger_button(std::string_view label, float width, bool enabled) {
    return role_button(label, width, enabled, Role::Danger, Role::OnDanger);
}

bool choice_card(std::string_view title, std::string_view detail, bool selected, bool enabled) {
    std::string name(title);
    if (!detail.empty()) name.append(" · ").append(detail);
    const int index = a11y::add(a11y::Role::Option, name);
    const bool activated = a11y::take_activation(index) && enabled;

    ImFont* body = theme::font(Type::Body);
    ImFont* small = theme::font(Type::Caption);
    const float body_size = ImGui::GetFontSize();
    const float small_size = body_size * theme::type_css(Type::Caption) / theme::type_css(Type::Body);
    const float pad_x = theme::space(theme::Space::L), pad_y = theme::space(theme::Space::M);
    const float gap = theme::space(theme::Space::XS);
    const float mark = theme::px(24);  // the ring or check at the right
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrap = std::max(1.0f, width - pad_x * 3 - mark);
    const ImVec2 title_size = body->CalcTextSizeA(body_size, FLT_MAX, wrap, title.data(), title.data() + title.size());
    const ImVec2 detail_size = detail.empty() ? ImVec2(0, 0)
                                              : small->CalcTextSizeA(small_size, FLT_MAX, wrap, detail.data(),
                                                                     detail.data() + detail.size());
    const float content = title_size.y + (detail.empty() ? 0 : gap + detail_size.y);
    const ImVec2 size(width, std::max(theme::touch(), content + pad_y * 2));

    ImGui::PushID(a11y::node(index).key.c_str());
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton("##choice", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::EndDisabled();
    ImGui::PopID();
    const ImRect bb = last_item();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = theme::radius(theme::Radius::M);
    const Role fill = !enabled ? Role::Disabled : selected ? Role::PrimaryContainer : Role::SurfaceSunken;
    const ImU32 fill_col = held && hovered ? shade(fill, 0.08) : hovered && enabled ? shade(fill, 0.04) : theme::colour(fill);
    draw->AddRectFilled(bb.Min, bb.Max, fill_col, rounding);
    if (selected) draw->AddRect(bb.Min, bb.Max, theme::colour(Role::Primary), rounding, 0, theme::px(2));

    const Role title_role = !enabled ? Role::OnDisabled : selected ? Role::OnPrimaryContainer : Role::OnSurface;
    const Role detail_role = !enabled ? Role::OnDisabled : selected ? Role::OnPrimaryContainer : Role::OnSurfaceMuted;
    const float text_y = bb.Min.y + std::max(pad_y, (size.y - content) * 0.5f);
    const ImVec2 text_pos(bb.Min.x + pad_x, text_y);
    draw->PushClipRect(bb.Min, bb.Max, true);
    draw->AddText(body, body_size, text_pos, theme::colour(title_role), title.data(), title.data() + title.size(), wrap);
    if (!detail.empty())
        draw->AddText(small, small_size, ImVec2(text_pos.x, text_y + title_size.y + gap), theme::colour(detail_role),
                      detail.data(), detail.data() + detail.size(), wrap);
    // The ring says "can be chosen"; the filled check says "chosen"; a disabled card has neither.
    const ImVec2 centre(bb.Max.x - pad_x - mark * 0.5f, bb.Min.y + size.y * 0.5f);
    if (selected) {
        draw->AddCircleFilled(centre, mark * 0.5f, theme::colour(Role::Primary));
        const ImVec2 check = body->CalcTextSizeA(body_size, FLT_MAX, 0, kCheck);
        draw->AddText(body, body_size, centre - check * 0.5f, theme::colour(Role::OnPrimary), kCheck);
    } else if (enabled) {
        draw->AddCircle(centre, mark * 0.5f - theme::px(1), theme::colour(Role::Outline), 0, theme::px(2));
    }
    draw->PopClipRect();

    a11y::Node& n = a11y::node(index);
    n.selected = selected;
    n.disabled = !enabled;
    a11y::place(index, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
    return (clicked || activated) && enabled;
}

void muted_text(std::string_view text) {
    theme::WithText colour(Role::OnSurfaceMuted);
    ui::text(text);
}

void display_figure(std::string_view above, std::string_view figure, std::string_view unit, std::string_view name,
                    a11y::Role role) {
    const int index = a11y::add(role, name);
    ImGui::BeginGroup();
    if (!above.empty()) {
        theme::WithText colour(Role::OnSurfaceMuted);
        wrapped(above);
    }
    const float body_ascent = ImGui::GetFont()->Ascent;
    const float top = ImGui::GetCursorPosY();
    float display_ascent = body_ascent;
    float figure_right = 0;
    {
        theme::WithFont big(Type::Display);
        display_ascent = ImGui::GetFont()->Ascent;
        ImGui::TextUnformatted(figure.data(), figure.data() + figure.size());
        figure_right = ImGui::GetItemRectMax().x;
    }
    if (!unit.empty()) {
        const float unit_w = ImGui::CalcTextSize(unit.data(), unit.data() + unit.size()).x;
        const float space = theme::space(theme::Space::S);
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (figure_right + space + unit_w <= right) {
            ImGui::SameLine(0, space);
            ImGui::SetCursorPosY(top + display_ascent - body_ascent);  // on the figure's baseline
        }
        wrapped(unit);
    }
    ImGui::EndGroup();
    a11y::place(index);
}

void two_line_text(std::string_view title, std::string_view detail, std::string_view name) {
    const int index = a11y::add(a11y::Role::Text, name);
    const bool on_card = g_card.open && g_card.highlighted;
    const float right = g_card.open ? ImGui::GetContentRegionMax().x - g_card.pad : 0.0f;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(right);
    {
        theme::WithText colour(on_card ? Role::OnPrimaryContainer : Role::OnSurface);
        ImGui::TextUnformatted(title.data(), title.data() + title.size());
    }
    if (!detail.empty()) {
        theme::WithText colour(on_card ? Role::OnPrimaryContainer : Role::OnSurfaceMuted);
        theme::WithFont small(Type::Caption);
        ImGui::TextUnformatted(detail.data(), detail.data() + detail.size());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    a11y::place(index);
}

float footer_height(int buttons) {
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    return spacing + static_cast<float>(buttons) * button_height() + static_cast<float>(std::max(0, buttons - 1)) * spacing;
}

void begin_body(const char* id, float footer) {
    ImGui::BeginChild(id, ImVec2(0, -std::max(0.0f, footer)), false);
    g_body = ImGui::GetCurrentWindow();
}

void end_body() {
    ImGuiWindow* body = g_body;
    g_body = nullptr;
    const bool more_below = body && body->Scroll.y < body->ScrollMax.y - 0.5f;
    ImGui::EndChild();
    if (!body) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // A hairline over the footer while there is more to read below.
    if (more_below)
        draw->AddLine(ImVec2(body->Pos.x, body->Pos.y + body->Size.y), ImVec2(body->Pos.x + body->Size.x, body->Pos.y + body->Size.y),
                      theme::colour(Role::Divider), theme::px(1));
    // A drag (or wheel) over the footer reaches the window around it, which does not scroll: it is
    // the body's, as far as the platform measured it there.
    ImGuiContext& g = *GImGui;
    ImGuiWindow* outer = ImGui::GetCurrentWindow();
    const float wheel = g.IO.MouseWheel;
    if (wheel != 0 && g.HoveredWindow == outer && outer->ScrollMax.y == 0.0f && body->ScrollMax.y > 0) {
        const float step = ImFloor(ImMin(5 * outer->CalcFontSize(), outer->InnerRect.GetHeight() * 0.67f));
        ImGui::SetScrollY(body, body->Scroll.y - wheel * step);
    }
}

// Amounts and facts are laid out by hand rather than with ImGui's tables: two columns need little,
// and the tables' code would be a tenth of the app's first-load bytes.
namespace {
struct Rows {
    float left = 0;   // screen x of the rows' left edge
    float width = 0;  // their width
    bool first = true;
    std::vector<std::pair<std::string, std::string>> facts;  // held until end_facts knows the widest label
};
Rows g_rows;

float cell_pad() { return theme::space(theme::Space::S); }

void start_rows() {
    g_rows.left = ImGui::GetCursorScreenPos().x;
    g_rows.width = ImGui::GetContentRegionAvail().x;
    g_rows.first = true;
    g_rows.facts.clear();
}
}  // namespace

bool begin_amounts(const char*) {
    start_rows();
    return true;
}

void amount_row(std::string_view label, std::string_view value, std::string_view note, bool strong) {
    std::string name(label);
    name.append(": ").append(value);
    const int index = a11y::add(strong ? a11y::Role::Heading : a11y::Role::Text, name);
    const float pad = cell_pad(), gap = theme::space(theme::Space::M);
    ImVec2 top = ImGui::GetCursorScreenPos();
    if (!g_rows.first)  // a divider between rows, not above the first
        ImGui::GetWindowDrawList()->AddLine(ImVec2(g_rows.left, top.y), ImVec2(g_rows.left + g_rows.width, top.y),
                                            theme::colour(Role::Divider), theme::px(1));
    g_rows.first = false;
    theme::WithFont font(strong ? Type::Title : Type::Body);
    const float w = ImGui::CalcTextSize(value.data(), value.data() + value.size()).x;
    const float right = g_rows.left + g_rows.width;
    const float label_right = std::max(g_rows.left + g_rows.width * 0.4f, right - w - gap);
    ImGui::SetCursorScreenPos(ImVec2(g_rows.left, top.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(label_right - ImGui::GetWindowPos().x + ImGui::GetScrollX());
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    if (!note.empty()) {
        theme::WithText colour(Role::OnSurfaceMuted);
        theme::WithFont small(Type::Caption);
        ImGui::TextUnformatted(note.data(), note.data() + note.size());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(std::max(label_right + gap, right - w), top.y + pad));
    ImGui::PushTextWrapPos(right - ImGui::GetWindowPos().x + ImGui::GetScrollX());
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    ImGui::PopTextWrapPos();
    const float end = std::max(bottom, ImGui::GetItemRectMax().y) + pad;
    a11y::place(index, g_rows.left, top.y, right, end);
    ImGui::SetCursorScreenPos(ImVec2(g_rows.left, end));
    ImGui::Dummy(ImVec2(0, 0));
}

void end_amounts() {}

bool begin_facts(const char*) {
    start_rows();
    return true;
}

void fact_row(std::string_view label, std::string_view value) { g_rows.facts.emplace_back(label, value); }

void end_facts() {
    // The label column is as wide as its widest label, at most 45 % of the width; values wrap.
    const float gap = theme::space(theme::Space::M), pad = theme::space(theme::Space::XS);
    float label_w = 0;
    for (const auto& [label, value] : g_rows.facts) label_w = std::max(label_w, ImGui::CalcTextSize(label.c_str()).x);
    label_w = std::min(label_w, g_rows.width * 0.45f);
    const float value_x = g_rows.left + label_w + gap, right = g_rows.left + g_rows.width;
    const float to_local = -ImGui::GetWindowPos().x + ImGui::GetScrollX();
    for (const auto& [label, value] : g_rows.facts) {
        const int index = a11y::add(a11y::Role::Text, label + ": " + value);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(g_rows.left, top.y + pad));
        ImGui::PushTextWrapPos(g_rows.left + label_w + to_local);
        {
            theme::WithText colour(Role::OnSurfaceMuted);
            ImGui::TextUnformatted(label.c_str());
        }
        ImGui::PopTextWrapPos();
        const float label_bottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(value_x, top.y + pad));
        ImGui::PushTextWrapPos(right + to_local);
        ImGui::TextUnformatted(value.c_str());
        ImGui::PopTextWrapPos();
        const float end = std::max(label_bottom, ImGui::GetItemRectMax().y) + pad;
        a11y::place(index, g_rows.left, top.y, right, end);
        ImGui::SetCursorScreenPos(ImVec2(g_rows.left, end));
    }
    ImGui::Dummy(ImVec2(0, 0));
    g_rows.facts.clear();
}

void begin_card(const char* id, bool highlighted) {
    IM_ASSERT(!g_card.open);  // cards do not nest
    ImGui::PushID(id);
    g_card = CardState{true, highlighted, ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail().x,
                       theme::space(theme::Space::M)};
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, g_card.pad - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Indent(g_card.pad);
    if (highlighted) ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(Role::OnPrimaryContainer));
}

float card_avail() { return ImGui::GetContentRegionAvail().x - (g_card.open ? g_card.pad : 0.0f); }

void end_card() {
    if (!g_card.open) return;
    if (g_card.highlighted) ImGui::PopStyleColor();
    ImGui::Unindent(g_card.pad);
    ImGui::Dummy(ImVec2(0, g_card.pad - ImGui::GetStyle().ItemSpacing.y));
    ImGui::EndGroup();
    const ImVec2 max(g_card.start.x + g_card.width, ImGui::GetItemRectMax().y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    const float rounding = theme::radius(theme::Radius::M);
    draw->AddRectFilled(g_card.start, max, theme::colour(g_card.highlighted ? Role::PrimaryContainer : Role::SurfaceSunken),
                        rounding);
    if (g_card.highlighted) draw->AddRect(g_card.start, max, theme::colour(Role::Primary), rounding, 0, theme::px(2));
    draw->ChannelsMerge();
    ImGui::PopID();
    g_card = CardState{};
}

// --- the formatted text field ---
namespace {

bool significant(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

size_t count_significant(std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), significant));
}

struct FieldState {
    std::string* text;  // the caller's: still the text as the frame began while an edit is handled
    TextFormat format;
};

int formatted_callback(ImGuiInputTextCallbackData* data) {
    auto* state = static_cast<FieldState*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        state->text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = state->text->data();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
        const ImWchar c = data->EventChar;
        const bool ok = (c < 128 && significant(static_cast<char>(c))) || c == ' ' || c == '-';
        return ok ? 0 : 1;
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
        std::string now(data->Buf, static_cast<size_t>(data->BufTextLen));
        size_t cursor = static_cast<size_t>(std::clamp(data->CursorPos, 0, data->BufTextLen));
        size_t before = count_significant(std::string_view(now).substr(0, cursor));
        const std::string& previous = *state->text;
        // Backspace on a separator alone would be put back at once: the character before it goes.
        if (now.size() < previous.size() && count_significant(now) == count_significant(previous) && before > 0) {
            size_t i = cursor;
            while (i > 0 && !significant(now[i - 1])) --i;
            if (i > 0) {
                now.erase(i - 1, 1);
                --before;
            }
        }
        const std::string formatted = state->format(now);
        if (formatted != std::string_view(data->Buf, static_cast<size_t>(data->BufTextLen))) {
            data->DeleteChars(0, data->BufTextLen);
            data->InsertChars(0, formatted.data(), formatted.data() + formatted.size());
        }
        // The cursor after as many letters and digits as before it.
        size_t pos = 0, seen = 0;
        while (pos < formatted.size() && seen < before) {
            if (significant(formatted[pos])) ++seen;
            ++pos;
        }
        data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(pos);
    }
    return 0;
}

}  // namespace

bool formatted_text_field(std::string_view label, std::string& buffer, std::string_view hint, TextFormat format) {
    if (!label.empty()) wrapped(label);  // the visible label; the mirror names the field with it
    const int index = a11y::add(a11y::Role::Textbox, label);
    if (a11y::take_activation(index)) ImGui::SetKeyboardFocusHere(0);

    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad_y = std::max(style.FramePadding.y, (theme::touch() - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, pad_y));
    ImGui::PushID(a11y::node(index).key.c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string hint_z(hint);
    FieldState state{&buffer, format};
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackResize |
                                      ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_CallbackEdit;
    const bool entered = ImGui::InputTextWithHint("##field", hint_z.c_str(), buffer.data(), buffer.capacity() + 1, flags,
                                                  formatted_callback, &state);
    const bool active = ImGui::IsItemActive();
    if (active) {
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), theme::colour(Role::Focus),
                                            style.FrameRounding, 0, theme::px(2));
        keep_above_keyboard();
    }
    ImGui::PopID();
    ImGui::PopStyleVar();

    a11y::Node& n = a11y::node(index);
    n.value = buffer;
    n.focused = active;
    a11y::place(index);
    return entered;
}

}  // namespace ui
