// Shared screen pieces: top bar, problem banner, primary button, status and connector words.
#include "view_common.hpp"

#include <algorithm>
#include <cmath>

#include "core/text/text.hpp"
#include "imgui.h"
#include "icons.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

bool top_bar(const char* title, bool with_back) {
    bool back = false;
    if (with_back) {
        back = icon_button(kIconArrowBack, tr(Str::Back), IconButtonStyle::Plain);
        ImGui::SameLine();
        // The title centred on the back button's row, wrapping below it when long.
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (theme::touch() - theme::font(theme::Type::Title)->FontSize) * 0.5f);
    }
    heading(title);
    ImGui::Separator();
    return back;
}

void message_banner(const core::Model& m, std::vector<core::UserIntent>& out) {
    if (!m.message) return;
    // Offline, "No connection" is what the offline line at the top already says.
    if (m.message->text == Str::ErrorNetwork && !m.online) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::colour(theme::Role::WarningContainer));
    const float h = ImGui::GetTextLineHeightWithSpacing() * (m.message->detail.empty() ? 1.6f : 3.2f) +
                    ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::BeginChild("##message", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushTextWrapPos(0);
    status_line(tr(m.message->text));
    if (!m.message->detail.empty()) text(m.message->detail);
    ImGui::PopTextWrapPos();
    if (button(tr(Str::Dismiss), theme::px(96))) out.push_back(core::intent::DismissError{});
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

bool primary_button(const std::string& label, bool enabled, const char* icon) {
    using theme::Role;
    ImGui::PushStyleColor(ImGuiCol_Button, theme::colour(Role::Primary));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colour(Role::Primary, 0.92f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colour(Role::Primary, 0.84f));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(Role::OnPrimary));
    const bool pressed = button_with_icon(icon, label, 0, enabled);  // disabled: the button's own disabled colours
    ImGui::PopStyleColor(4);
    return pressed;
}

namespace {

ChipTone evse_tone(core::EvseStatus s) {
    using S = core::EvseStatus;
    switch (s) {
        case S::Available: return ChipTone::Good;
        case S::Charging: case S::Reserved: case S::Blocked: return ChipTone::Caution;
        case S::OutOfOrder: case S::Inoperative: return ChipTone::Bad;
        default: return ChipTone::Quiet;
    }
}

}  // namespace

void evse_summary(const core::Evse& evse, std::string_view connector_id) {
    const std::string name = evse.display_name.empty() ? evse.uid : evse.display_name;
    const bool unknown_value = evse.status == core::EvseStatus::Unknown && !evse.status_raw.empty() &&
                               evse.status_raw != "UNKNOWN";
    const std::string status = unknown_value ? core::tr_format(Str::UnknownValue, {evse.status_raw})
                                             : std::string(tr(core::evse_status_label(evse.status)));
    status_title(name, status, evse_tone(evse.status), name + " · " + status);
    ImGui::PushTextWrapPos(0);
    if (evse.charging_not_allowed) muted_text(tr(Str::ChargingNotAllowed));
    if (core::evse_unreachable(evse)) muted_text(tr(Str::ChargerUnreachable));
    if (evse.restricted_access) muted_text(tr(Str::RestrictedAccess));
    for (const auto& c : evse.connectors)
        if (connector_id.empty() || c.id == connector_id) muted_text(connector_text(c));
    ImGui::PopTextWrapPos();
}

std::string connector_text(const core::Connector& c) {
    std::string name = c.standard;
    if (c.standard == "IEC_62196_T2") name = "Type 2";
    else if (c.standard == "IEC_62196_T2_COMBO") name = "CCS";
    else if (c.standard == "IEC_62196_T1") name = "Type 1";
    else if (c.standard == "IEC_62196_T1_COMBO") name = "CCS 1";
    else if (c.standard == "CHADEMO") name = "CHAdeMO";
    else if (c.standard == "DOMESTIC_F") name = "Schuko";
    const char* format = c.format == "CABLE" ? tr(Str::ConnectorCable) : tr(Str::ConnectorSocket);
    const char* current = c.power_type == "DC" ? "DC" : "AC";
    return name + " " + format + " · " + core::format_power(c.kw) + " " + current;
}

bool top_bar_with_scan(const char* title, bool with_back, Intents& out) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* scan = tr(Str::Scan);
    const float right = ImGui::GetWindowContentRegionMax().x;
    float width = ImGui::CalcTextSize(kIconQrCodeScanner).x + style.ItemInnerSpacing.x + ImGui::CalcTextSize(scan).x +
                  style.FramePadding.x * 2;
    // Large text on a narrow phone: the title keeps its room and Scan shows its icon alone.
    const float title_w = with_back ? 0 : theme::font(theme::Type::Title)->CalcTextSizeA(
                                             theme::font(theme::Type::Title)->FontSize, FLT_MAX, 0, title).x;
    const bool icon_only = title_w + width + style.ItemSpacing.x * 2 > ImGui::GetContentRegionAvail().x ||
                           (with_back && theme::touch() + width + style.ItemSpacing.x > ImGui::GetContentRegionAvail().x);
    if (icon_only) width = theme::touch();
    auto scan_button = [&] {
        return icon_only ? icon_button(kIconQrCodeScanner, scan, IconButtonStyle::Tonal)
                         : button_with_icon(kIconQrCodeScanner, scan, width);
    };
    bool back = false;
    // With Back, the row holds Back and Scan and the title goes below (names can be long); the
    // map's short title shares the row with Scan.
    if (with_back) {
        back = icon_button(kIconArrowBack, tr(Str::Back), IconButtonStyle::Plain);
        ImGui::SameLine(right - width);
        if (scan_button()) out.push_back(core::intent::OpenScanner{});
        heading(title);
    } else {
        const float top = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(top + (theme::touch() - theme::font(theme::Type::Title)->FontSize) * 0.5f);
        heading(title);
        const float below = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(right - width, top));
        if (scan_button()) out.push_back(core::intent::OpenScanner{});
        ImGui::SetCursorPosY(std::max(below, ImGui::GetCursorPosY()));
    }
    ImGui::Separator();
    return back;
}

namespace {
struct Link {
    const char* icon;
    Str label;
};
constexpr Link kLinks[] = {{kIconAccountBalanceWallet, Str::WalletTitle}, {kIconHistory, Str::HistoryTitle},
                           {kIconSettings, Str::OpenSettings}};

float third_of(float width) { return std::floor((width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3); }
}  // namespace

float account_links_height(float width) {
    float h = 0;
    for (const Link& l : kLinks) h = std::max(h, tile_height(l.icon, tr(l.label), third_of(width)));
    return h;
}

void account_links(Intents& out) {
    // Three equal tiles in a row, as tall as the tallest: the wallet, the history, the display settings.
    const float width = ImGui::GetContentRegionAvail().x;
    const float third = third_of(width), height = account_links_height(width);
    if (tile_button(kLinks[0].icon, tr(kLinks[0].label), third, height)) out.push_back(core::intent::OpenWallet{});
    ImGui::SameLine();
    if (tile_button(kLinks[1].icon, tr(kLinks[1].label), third, height)) out.push_back(core::intent::OpenHistory{});
    ImGui::SameLine();
    if (tile_button(kLinks[2].icon, tr(kLinks[2].label), third, height)) out.push_back(core::intent::OpenSettings{});
}

std::optional<std::string> language_chips(const core::Model& m) {
    if (m.offered_languages.size() < 2) return std::nullopt;
    section_label(core::tr(core::Str::LanguageHeading));
    const core::Language spoken = core::spoken_language(m);
    std::optional<std::string> tapped;
    ChipFlow flow;
    for (const std::string& code : m.offered_languages) {
        const auto language = core::language_from_tag(code);
        if (!language) continue;
        if (flow.chip(core::language_name(*language), *language == spoken) && *language != spoken) tapped = code;
    }
    return tapped;
}

}  // namespace ui
