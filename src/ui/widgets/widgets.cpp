// The widgets the screens use: drawn with ImGui in device pixels, each one registered in the
// accessibility mirror with its role, name and box, and activatable from it.
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic, before the first imgui include
#include "widgets.hpp"

#include <algorithm>

#include "core/text/text.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "a11y_mirror.hpp"

namespace ui {
namespace {

constexpr float kMinTouchCss = 48.0f;  // touch targets, CSS px
constexpr const char* kCheck = "\xE2\x9C\x93";  // ✓

float min_touch() { return kMinTouchCss * a11y::frame().dpr; }

void wrapped_text(std::string_view text) {
    // At the window's edge, or before it where the caller set a wrap position (notice_strip).
    const bool caller_wraps = ImGui::GetCurrentWindow()->DC.TextWrapPos > 0.0f;
    if (!caller_wraps) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (!caller_wraps) ImGui::PopTextWrapPos();
}

void readable(a11y::Role role, std::string_view text, ImFont* font) {
    if (text.empty()) return;
    const int index = a11y::add(role, text);
    if (font) ImGui::PushFont(font);
    wrapped_text(text);
    if (font) ImGui::PopFont();
    a11y::place(index);
}


int text_field_callback(ImGuiInputTextCallbackData* data) {
    auto* text = static_cast<std::string*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = text->data();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
        return data->EventChar < '0' || data->EventChar > '9';
    }
    return 0;
}

}  // namespace

void keep_above_keyboard() {
    const float bottom = ImGui::GetItemRectMax().y;
    const float limit = a11y::frame().visible_bottom - ImGui::GetStyle().ItemSpacing.y;
    if (bottom > limit && ImGui::GetScrollMaxY() > 0)
        ImGui::SetScrollY(std::min(ImGui::GetScrollMaxY(), ImGui::GetScrollY() + (bottom - limit)));
}

bool button(std::string_view label, float width, bool enabled) { return button_with_icon(nullptr, label, width, enabled); }

bool button_with_icon(const char* icon, std::string_view label, float width, bool enabled) {
    const int index = a11y::add(a11y::Role::Button, label);
    const bool activated = a11y::take_activation(index) && enabled;
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* begin = label.data();
    const char* end = begin + label.size();
    const ImVec2 text_size = ImGui::CalcTextSize(begin, end, false);
    const float icon_w = icon ? ImGui::CalcTextSize(icon).x + style.ItemInnerSpacing.x : 0;
    const ImVec2 size(width > 0 ? width : ImGui::GetContentRegionAvail().x,
                      std::max(min_touch(), text_size.y + style.FramePadding.y * 2));

    a11y::push_key_id(index);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton("##button", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImGuiCol fill = held && hovered ? ImGuiCol_ButtonActive : hovered ? ImGuiCol_ButtonHovered : ImGuiCol_Button;
    // Disabled looks the same on every screen: the disabled roles, at full contrast.
    draw->AddRectFilled(bb.Min, bb.Max, enabled ? ImGui::GetColorU32(fill) : theme::colour(theme::Role::Disabled),
                        style.FrameRounding);
    if (style.FrameBorderSize > 0)
        draw->AddRect(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding, 0, style.FrameBorderSize);
    if (!enabled) ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::OnDisabled));
    // Icon and label centred together; a label too long for the button is clipped at its edge.
    const float inner_w = bb.GetWidth() - style.FramePadding.x * 2;
    const float content_w = std::min(inner_w, icon_w + text_size.x);
    const float x = bb.Min.x + style.FramePadding.x + std::max(0.0f, (inner_w - content_w) * 0.5f);
    const float y = bb.Min.y + (bb.GetHeight() - text_size.y) * 0.5f;
    if (icon) draw->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), icon);
    ImGui::RenderTextClippedEx(draw, ImVec2(x + icon_w, y), ImVec2(bb.Max.x - style.FramePadding.x, y + text_size.y),
                               begin, end, &text_size, ImVec2(0, 0), &bb);
    if (!enabled) ImGui::PopStyleColor();
    ImGui::EndDisabled();
    ImGui::PopID();

    a11y::Node& n = a11y::node(index);
    n.disabled = !enabled;
    a11y::place(index);
    return clicked || activated;
}

float tile_height(const char* icon, std::string_view label, float width) {
    ImFont* caption = theme::font(theme::Type::Caption);
    ImFont* icon_font = theme::font(theme::Type::Title);
    const float pad = theme::space(theme::Space::S);
    const float wrap = std::max(1.0f, width - 2 * pad);
    const ImVec2 label_size = caption->CalcTextSizeA(caption->FontSize, FLT_MAX, wrap, label.data(), label.data() + label.size());
    const ImVec2 icon_size = icon_font->CalcTextSizeA(icon_font->FontSize, FLT_MAX, 0, icon);
    return std::max(min_touch(), icon_size.y + label_size.y + pad * 2.5f);
}

bool tile_button(const char* icon, std::string_view label, float width, float height) {
    const int index = a11y::add(a11y::Role::Button, label);
    const bool activated = a11y::take_activation(index);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* caption = theme::font(theme::Type::Caption);
    ImFont* icon_font = theme::font(theme::Type::Title);
    const float pad = theme::space(theme::Space::S);
    const float wrap = std::max(1.0f, width - 2 * pad);
    const ImVec2 label_size = caption->CalcTextSizeA(caption->FontSize, FLT_MAX, wrap, label.data(), label.data() + label.size());
    const ImVec2 icon_size = icon_font->CalcTextSizeA(icon_font->FontSize, FLT_MAX, 0, icon);
    const ImVec2 size(width, std::max(height, tile_height(icon, label, width)));

    a11y::push_key_id(index);
    const bool clicked = ImGui::InvisibleButton("##tile", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImGuiCol fill = held && hovered ? ImGuiCol_ButtonActive : hovered ? ImGuiCol_ButtonHovered : ImGuiCol_Button;
    draw->AddRectFilled(bb.Min, bb.Max, ImGui::GetColorU32(fill), style.FrameRounding);
    const ImU32 on = theme::colour(theme::Role::OnSecondary);
    const float top = bb.Min.y + (size.y - icon_size.y - label_size.y - pad * 0.5f) * 0.5f;
    draw->AddText(icon_font, icon_font->FontSize, ImVec2(bb.Min.x + (size.x - icon_size.x) * 0.5f, top), on, icon);
    // Each wrapped line centred under the icon.
    const char* line = label.data();
    const char* end = label.data() + label.size();
    float y = top + icon_size.y + pad * 0.5f;
    while (line < end) {
        const char* next = caption->CalcWordWrapPositionA(1.0f, line, end, wrap);
        if (next == line) ++next;
        const float w = caption->CalcTextSizeA(caption->FontSize, FLT_MAX, 0, line, next).x;
        draw->AddText(caption, caption->FontSize, ImVec2(bb.Min.x + (size.x - w) * 0.5f, y), on, line, next);
        y += caption->FontSize;
        line = next;
        while (line < end && *line == ' ') ++line;
    }
    ImGui::PopID();
    a11y::place(index);
    return clicked || activated;
}

void heading(std::string_view text, theme::Type type) { readable(a11y::Role::Heading, text, theme::font(type)); }

void text(std::string_view text) { readable(a11y::Role::Text, text, nullptr); }

void status_line(std::string_view text) { readable(a11y::Role::Status, text, nullptr); }

void section_label(std::string_view text) {
    theme::WithText muted(theme::Role::OnSurfaceMuted);
    heading(text, theme::Type::Caption);
}

namespace {

// A text field that has not been used yet, drawn as Dear ImGui draws an idle single-line one
// (InputTextEx in imgui_widgets.cpp: its frame, then its text or hint clipped to it) without running
// the editor, which lives in the code's second part (tools/split): the map's search field is on the
// first screen. True when a click or Tab asks for it; the field then focuses itself a frame later.
bool idle_box(const std::string& buffer, std::string_view hint) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = g.Style;
    const ImGuiID id = window->GetID("##field");
    const ImVec2 size = ImGui::CalcItemSize(ImVec2(0, 0), ImGui::CalcItemWidth(), g.FontSize + style.FramePadding.y * 2);
    const ImRect bb(window->DC.CursorPos, window->DC.CursorPos + size);
    ImGui::ItemSize(bb, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, id, &bb, ImGuiItemFlags_Inputable)) return false;
    const bool hovered = ImGui::ItemHoverable(bb, id);
    if (hovered) g.MouseCursor = ImGuiMouseCursor_TextInput;
    const bool asked = (hovered && g.IO.MouseClicked[0]) ||
                       (g.LastItemData.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) || g.NavActivateInputId == id ||
                       (g.NavActivateId == id && g.NavInputSource == ImGuiInputSource_Keyboard);
    ImGui::RenderNavHighlight(bb, id);
    ImGui::RenderFrame(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), true, style.FrameRounding);
    const bool show_hint = buffer.empty();
    const std::string_view text = show_hint ? hint : std::string_view(buffer);
    const ImVec4 clip(bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
    window->DrawList->AddText(g.Font, g.FontSize, bb.Min + style.FramePadding,
                              ImGui::GetColorU32(show_hint ? ImGuiCol_TextDisabled : ImGuiCol_Text), text.data(),
                              text.data() + text.size(), 0.0f, &clip);
    return asked;
}

// The input box of a text field: at least a touch target tall, `width` px wide, its text
// starting `lead` px in (room for an icon); mirrored at `index`. Returns true on Enter.
bool input_box(int index, std::string& buffer, std::string_view hint, bool digits_only, float width, float lead) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad_y = std::max(style.FramePadding.y, (min_touch() - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x + lead, pad_y));
    a11y::push_key_id(index);
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    const ImGuiID used = ImGui::GetID("##field-used");
    const bool activated = a11y::take_activation(index);
    if (activated) {
        storage.SetBool(used, true);
        ImGui::SetKeyboardFocusHere(0);
    }
    ImGui::SetNextItemWidth(width);
    bool entered = false;
    if (!storage.GetBool(used)) {
        if (idle_box(buffer, hint)) {
            storage.SetBool(used, true);
            ImGui::SetKeyboardFocusHere(-1);  // the field in its place next frame
        }
    } else {
        const std::string hint_z(hint);
        ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackResize;
        if (digits_only) flags |= ImGuiInputTextFlags_CallbackCharFilter;
        entered = ImGui::InputTextWithHint("##field", hint_z.c_str(), buffer.data(), buffer.capacity() + 1, flags,
                                           text_field_callback, &buffer);
    }
    const bool active = ImGui::IsItemActive();
    if (active) {
        const float dpr = a11y::frame().dpr;
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                            ImGui::GetColorU32(ImGuiCol_NavHighlight), style.FrameRounding, 0, 2 * dpr);
        keep_above_keyboard();
    }
    ImGui::PopID();
    ImGui::PopStyleVar();

    a11y::Node& n = a11y::node(index);
    n.value = buffer;
    n.focused = active;
    n.numeric = digits_only;
    a11y::place(index);
    return entered;
}

}  // namespace

bool text_field(std::string_view label, std::string& buffer, std::string_view hint, bool digits_only) {
    if (!label.empty()) wrapped_text(label);  // the visible label; the mirror names the field with it
    const int index = a11y::add(a11y::Role::Textbox, label);
    return input_box(index, buffer, hint, digits_only, -FLT_MIN, 0);
}

bool search_field(std::string_view label, std::string& buffer, std::string_view hint, float width) {
    const int index = a11y::add(a11y::Role::Textbox, label);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float clear = buffer.empty() ? 0 : theme::touch() + style.ItemSpacing.x;
    const float icon_w = ImGui::CalcTextSize(kIconSearch).x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool entered = input_box(index, buffer, hint, false, (width > 0 ? width : ImGui::GetContentRegionAvail().x) - clear,
                                   icon_w + style.ItemInnerSpacing.x);
    const float h = ImGui::GetItemRectSize().y;
    ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + style.FramePadding.x, at.y + (h - ImGui::GetFontSize()) * 0.5f),
                                        theme::colour(theme::Role::OnSurfaceMuted), kIconSearch);
    if (!buffer.empty()) {
        ImGui::SameLine();
        if (icon_button(kIconClose, core::tr(core::Str::ClearSearch), IconButtonStyle::Plain)) buffer.clear();
    }
    return entered;
}

bool list_row(std::string_view label, bool selected, bool enabled, float height) {
    const int index = a11y::add(a11y::Role::Option, label);
    const bool activated = a11y::take_activation(index) && enabled;
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float mark_w = ImGui::CalcTextSize(kCheck).x;
    const float wrap_w = std::max(1.0f, width - style.FramePadding.x * 3 - mark_w);
    const char* begin = label.data();
    const char* end = begin + label.size();
    const ImVec2 text_size = font->CalcTextSizeA(font_size, FLT_MAX, wrap_w, begin, end);
    // A fixed height (a virtualised list) clips a label too long for it; the mirror keeps it whole.
    const ImVec2 size(width, height > 0 ? height : std::max(min_touch(), text_size.y + style.FramePadding.y * 2));

    a11y::push_key_id(index);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton("##row", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (selected || hovered) {
        const ImGuiCol fill = held ? ImGuiCol_HeaderActive : selected ? ImGuiCol_Header : ImGuiCol_HeaderHovered;
        draw->AddRectFilled(bb.Min, bb.Max, ImGui::GetColorU32(fill), style.FrameRounding);
    }
    draw->AddLine(ImVec2(bb.Min.x, bb.Max.y), bb.Max, ImGui::GetColorU32(ImGuiCol_Separator));
    const ImU32 text_col = enabled ? ImGui::GetColorU32(ImGuiCol_Text) : theme::colour(theme::Role::OnDisabled);
    if (!enabled) draw->AddRectFilled(bb.Min, bb.Max, theme::colour(theme::Role::Disabled), style.FrameRounding);
    const float text_y = bb.Min.y + std::max(style.FramePadding.y, (size.y - text_size.y) * 0.5f);
    draw->PushClipRect(bb.Min, bb.Max, true);
    draw->AddText(font, font_size, ImVec2(bb.Min.x + style.FramePadding.x, text_y), text_col, begin, end, wrap_w);
    draw->PopClipRect();
    if (selected)
        draw->AddText(font, font_size,
                      ImVec2(bb.Max.x - style.FramePadding.x - mark_w, bb.Min.y + (size.y - font_size) * 0.5f), text_col,
                      kCheck);
    ImGui::EndDisabled();
    ImGui::PopID();

    a11y::Node& n = a11y::node(index);
    n.selected = selected;
    n.disabled = !enabled;
    a11y::place(index);
    return clicked || activated;
}

int list_row_lines(std::string_view label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap_w = std::max(1.0f, ImGui::GetContentRegionAvail().x - style.FramePadding.x * 3 - ImGui::CalcTextSize(kCheck).x);
    const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, wrap_w, label.data(),
                                                        label.data() + label.size());
    return std::max(1, static_cast<int>(size.y / ImGui::GetFontSize() + 0.5f));
}

float list_row_height(int lines) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::max(min_touch(), ImGui::GetFontSize() * static_cast<float>(lines) + style.FramePadding.y * 2);
}

namespace {

struct ChipColours {
    theme::Role fill, ink, dot;
};

ChipColours chip_colours(ChipTone tone) {
    switch (tone) {
        case ChipTone::Good: return {theme::Role::PrimaryContainer, theme::Role::OnPrimaryContainer, theme::Role::Success};
        case ChipTone::Caution:
            return {theme::Role::WarningContainer, theme::Role::OnWarningContainer, theme::Role::Warning};
        case ChipTone::Bad: return {theme::Role::DangerContainer, theme::Role::OnDangerContainer, theme::Role::Danger};
        case ChipTone::Quiet: break;
    }
    return {theme::Role::SurfaceSunken, theme::Role::OnSurfaceMuted, theme::Role::OnSurfaceMuted};
}

// One line of `text` in the current font from `at`, cut with "…" at `max_x`.
void line_with_ellipsis(ImDrawList* draw, ImVec2 at, float max_x, ImU32 colour, std::string_view text) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::RenderTextEllipsis(draw, at, ImVec2(max_x, at.y + size.y), max_x, max_x, begin, end, &size);
    ImGui::PopStyleColor();
}

}  // namespace

float place_row_height() {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float lines = theme::font(theme::Type::Body)->FontSize + theme::space(theme::Space::XS) +
                        theme::font(theme::Type::Caption)->FontSize;
    return std::max(min_touch(), lines + style.FramePadding.y * 2);
}

namespace {

// A chip: a pill ending at `right`, centred on a line of `line_h` from `top`, a dot of the tone
// before its words in Caption. Returns its left edge.
float draw_chip(ImDrawList* draw, float right, float top, float line_h, std::string_view chip, ChipTone tone) {
    ImFont* caption = theme::font(theme::Type::Caption);
    ImGui::PushFont(caption);
    const ChipColours c = chip_colours(tone);
    const ImVec2 words = ImGui::CalcTextSize(chip.data(), chip.data() + chip.size());
    const float pad = theme::space(theme::Space::S), dot = caption->FontSize * 0.5f;
    const float chip_h = std::max(line_h, words.y) + theme::space(theme::Space::XS);
    const float chip_w = pad + dot + theme::space(theme::Space::XS) + words.x + pad;
    const ImVec2 min(right - chip_w, top + (line_h - chip_h) * 0.5f);
    const ImVec2 max(right, min.y + chip_h);
    draw->AddRectFilled(min, max, theme::colour(c.fill), chip_h * 0.5f);
    draw->AddCircleFilled(ImVec2(min.x + pad + dot * 0.5f, min.y + chip_h * 0.5f), dot * 0.5f, theme::colour(c.dot));
    draw->AddText(ImVec2(min.x + pad + dot + theme::space(theme::Space::XS), min.y + (chip_h - words.y) * 0.5f),
                  theme::colour(c.ink), chip.data(), chip.data() + chip.size());
    ImGui::PopFont();
    return min.x;
}

// What sits at the right end of a two-line row's first line: a chip in a tone, or plain words.
struct RowEnd {
    std::string_view words;
    bool chip;
    ChipTone tone;
};

bool two_line_row(std::string_view label, std::string_view title, std::string_view detail, RowEnd end,
                  float height, const char* icon = nullptr, a11y::Role role = a11y::Role::Option) {
    const int index = a11y::add(role, label);
    const bool activated = a11y::take_activation(index);
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, height > 0 ? height : place_row_height());

    a11y::push_key_id(index);
    const bool clicked = ImGui::InvisibleButton("##place", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (hovered)
        draw->AddRectFilled(bb.Min, bb.Max, ImGui::GetColorU32(held ? ImGuiCol_HeaderActive : ImGuiCol_HeaderHovered),
                            style.FrameRounding);
    draw->AddLine(ImVec2(bb.Min.x, bb.Max.y), bb.Max, ImGui::GetColorU32(ImGuiCol_Separator));
    draw->PushClipRect(bb.Min, bb.Max, true);

    ImFont* body = theme::font(theme::Type::Body);
    ImFont* caption = theme::font(theme::Type::Caption);
    const float gap = theme::space(theme::Space::XS);
    const float top = bb.Min.y + std::max(style.FramePadding.y, (size.y - body->FontSize - gap - caption->FontSize) * 0.5f);
    float left = bb.Min.x + style.FramePadding.x;
    float title_end = bb.Max.x - style.FramePadding.x;
    if (icon) {  // a leading icon in the primary colour, centred on the row's height
        const ImVec2 icon_size = ImGui::CalcTextSize(icon);
        draw->AddText(ImVec2(left, bb.Min.y + (size.y - icon_size.y) * 0.5f), theme::colour(theme::Role::Primary), icon);
        left += icon_size.x + theme::space(theme::Space::M);
    }

    const std::string_view chip = end.chip ? end.words : std::string_view{};
    const ChipTone tone = end.tone;
    if (!end.chip && !end.words.empty()) {
        ImGui::PushFont(body);
        const float w = ImGui::CalcTextSize(end.words.data(), end.words.data() + end.words.size()).x;
        draw->AddText(ImVec2(title_end - w, top), theme::colour(theme::Role::OnSurface), end.words.data(),
                      end.words.data() + end.words.size());
        ImGui::PopFont();
        title_end -= w + theme::space(theme::Space::S);
    }
    if (!chip.empty()) title_end = draw_chip(draw, title_end, top, body->FontSize, chip, tone) - theme::space(theme::Space::S);
    ImGui::PushFont(body);
    line_with_ellipsis(draw, ImVec2(left, top), title_end, theme::colour(theme::Role::OnSurface), title);
    ImGui::PopFont();
    ImGui::PushFont(caption);
    line_with_ellipsis(draw, ImVec2(left, top + body->FontSize + gap), bb.Max.x - style.FramePadding.x,
                       theme::colour(theme::Role::OnSurfaceMuted), detail);
    ImGui::PopFont();
    draw->PopClipRect();
    ImGui::PopID();

    a11y::place(index);
    return clicked || activated;
}

}  // namespace

bool place_row(std::string_view label, std::string_view title, std::string_view detail, std::string_view chip,
               ChipTone tone, float height) {
    return two_line_row(label, title, detail, RowEnd{chip, true, tone}, height);
}

bool amount_row(std::string_view label, std::string_view title, std::string_view detail, std::string_view amount) {
    return two_line_row(label, title, detail, RowEnd{amount, false, ChipTone::Quiet}, 0);
}

bool link_row(const char* icon, std::string_view label, std::string_view title, std::string_view detail) {
    return two_line_row(label, title, detail, RowEnd{kIconChevronRight, false, ChipTone::Quiet}, 0, icon,
                        a11y::Role::Button);  // an action, not one of a list's choices
}

void status_title(std::string_view title, std::string_view chip, ChipTone tone, std::string_view name) {
    const int index = a11y::add(a11y::Role::Text, name);
    ImFont* body = theme::font(theme::Type::Body);
    const float line_h = body->FontSize + theme::space(theme::Space::XS) * 2;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, line_h);
    ImGui::Dummy(size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float top = at.y + (line_h - body->FontSize) * 0.5f;
    float title_end = at.x + size.x;
    if (!chip.empty()) title_end = draw_chip(draw, title_end, top, body->FontSize, chip, tone) - theme::space(theme::Space::S);
    ImGui::PushFont(body);
    line_with_ellipsis(draw, ImVec2(at.x, top), title_end, theme::colour(theme::Role::OnSurface), title);
    ImGui::PopFont();
    a11y::place(index);
}

ChipFlow::ChipFlow()
    : left_(ImGui::GetCursorScreenPos().x), right_(left_ + ImGui::GetContentRegionAvail().x) {}

bool ChipFlow::chip(std::string_view label, bool selected, bool enabled) {
    const int index = a11y::add(a11y::Role::Option, label);
    const bool activated = a11y::take_activation(index) && enabled;
    const float pad = theme::space(theme::Space::M), gap = theme::space(theme::Space::S);
    const char* begin = label.data();
    const char* end = begin + label.size();
    const float words = ImGui::CalcTextSize(begin, end).x;
    const float mark = selected ? ImGui::CalcTextSize(kCheck).x + theme::space(theme::Space::XS) : 0;
    const ImVec2 size(std::min(right_ - left_, std::max(min_touch(), pad + mark + words + pad)), min_touch());
    if (!first_) {
        ImGui::SameLine(0, gap);
        if (ImGui::GetCursorScreenPos().x + size.x > right_ + 0.5f) ImGui::NewLine();
    }
    first_ = false;

    a11y::push_key_id(index);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton("##chip", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::EndDisabled();
    ImGui::PopID();
    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    // The pill is drawn a little inside its touch target, so rows of chips read as apart.
    const float inset = theme::space(theme::Space::XS);
    const ImVec2 min(bb.Min.x, bb.Min.y + inset), max(bb.Max.x, bb.Max.y - inset);
    const float rounding = (max.y - min.y) * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    using theme::Role;
    const Role fill = !enabled ? Role::Disabled : selected ? Role::PrimaryContainer : Role::Surface;
    const Role ink = !enabled ? Role::OnDisabled : selected ? Role::OnPrimaryContainer : Role::OnSurface;
    draw->AddRectFilled(min, max, theme::colour(fill), rounding);
    if (hovered && enabled) draw->AddRectFilled(min, max, ImGui::GetColorU32(held ? ImGuiCol_HeaderActive : ImGuiCol_HeaderHovered), rounding);
    if (!selected) draw->AddRect(min, max, theme::colour(enabled ? Role::Outline : Role::OnDisabled), rounding, 0, theme::px(1));
    const float y = bb.Min.y + (size.y - ImGui::GetFontSize()) * 0.5f;
    float x = bb.Min.x + std::max(pad * 0.5f, (size.x - mark - words) * 0.5f);
    if (selected) {
        draw->AddText(ImVec2(x, y), theme::colour(ink), kCheck);
        x += mark;
    }
    draw->PushClipRect(bb.Min, bb.Max, true);
    draw->AddText(ImVec2(x, y), theme::colour(ink), begin, end);
    draw->PopClipRect();

    a11y::Node& n = a11y::node(index);
    n.selected = selected;
    n.disabled = !enabled;
    a11y::place(index);
    return clicked || activated;
}

}  // namespace ui
