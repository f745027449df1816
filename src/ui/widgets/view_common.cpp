// Shared screen pieces: top bar, problem banner, primary button, status and connector words.
#include "view_common.hpp"

#include "core/text/text.hpp"
#include "imgui.h"
#include "theme.hpp"
#include "widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

bool top_bar(const char* title, bool with_back) {
    bool back = false;
    if (with_back) {
        back = button(tr(Str::Back), theme::px(96));
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y);
    }
    heading(title);
    ImGui::Separator();
    return back;
}

void message_banner(const core::Model& m, std::vector<core::UserIntent>& out) {
    if (!m.message) return;
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

namespace {

bool filled_button(const std::string& label, bool enabled, theme::Role fill, theme::Role on) {
    ImGui::PushStyleColor(ImGuiCol_Button, theme::colour(fill));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colour(fill, 0.92f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colour(fill, 0.84f));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(on));
    const bool pressed = button(label, 0, enabled);  // disabled: the button's own disabled colours
    ImGui::PopStyleColor(4);
    return pressed;
}

}  // namespace

bool primary_button(const std::string& label, bool enabled) {
    return filled_button(label, enabled, theme::Role::Primary, theme::Role::OnPrimary);
}

bool danger_action(const std::string& label, bool enabled) {
    return filled_button(label, enabled, theme::Role::Danger, theme::Role::OnDanger);
}

bool secondary_action(const std::string& label, bool enabled) {
    return filled_button(label, enabled, theme::Role::Secondary, theme::Role::OnSecondary);
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
    const float width = ImGui::CalcTextSize(tr(Str::Scan)).x + style.FramePadding.x * 2 + theme::px(16);
    const float right = ImGui::GetWindowContentRegionMax().x;
    bool back = false;
    // With Back, the row holds Back and Scan and the title goes below (names can be long); the
    // map's short title shares the row with Scan.
    if (with_back) {
        back = button(tr(Str::Back), theme::px(96));
        ImGui::SameLine(right - width);
        if (button(tr(Str::Scan), width)) out.push_back(core::intent::OpenScanner{});
        heading(title);
    } else {
        const float top = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(top + style.FramePadding.y);
        heading(title);
        const float below = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(right - width, top));
        if (button(tr(Str::Scan), width)) out.push_back(core::intent::OpenScanner{});
        ImGui::SetCursorPosY(std::max(below, ImGui::GetCursorPosY()));
    }
    ImGui::Separator();
    return back;
}

void account_links(Intents& out) {
    // Three equal buttons in a row: the wallet, the history, the display settings.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    if (button(tr(Str::WalletTitle), third)) out.push_back(core::intent::OpenWallet{});
    ImGui::SameLine();
    if (button(tr(Str::HistoryTitle), third)) out.push_back(core::intent::OpenHistory{});
    ImGui::SameLine();
    if (button(tr(Str::OpenSettings), third)) out.push_back(core::intent::OpenSettings{});
}

}  // namespace ui
