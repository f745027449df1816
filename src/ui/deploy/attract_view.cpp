// The kiosk's attract screen: the brand, a welcome in large type, one sentence of what the demo
// is, and one large start button; a tap anywhere on the screen starts as well.
#include <algorithm>

#include "ui/widgets/widgets.hpp"
#include "deploy.hpp"
#include "imgui.h"

namespace ui {

using core::Str;
using core::tr;

void draw_attract_screen(const core::AppModel& app, ShellIntents& out) {
    const std::string& name = app.config.branding.display_name;
    brand_bar(name.empty() ? tr(Str::AppTitle) : name.c_str(), !app.config.branding.logo_url.empty());
    ImGui::Dummy(ImVec2(0, std::max(0.0f, ImGui::GetContentRegionAvail().y * 0.18f)));
    ImGui::PushTextWrapPos(0);
    heading(tr(Str::AttractTitle), theme::Type::Display);
    ImGui::Dummy(ImVec2(0, theme::space(theme::Space::S)));
    text(tr(Str::AttractHint));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, theme::space(theme::Space::XL)));
    if (app.message) status_line(tr(app.message->text));
    bool start = false;
    {
        theme::WithFont large(theme::Type::Title);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(theme::space(theme::Space::L), theme::space(theme::Space::XL)));
        start = primary_button(tr(Str::AttractStart));
        ImGui::PopStyleVar();
    }
    // A visitor from abroad picks a language first; that tap does not start the demo.
    ImGui::Dummy(ImVec2(0, theme::space(theme::Space::L)));
    if (auto code = language_chips(app.journey)) out.push_back(core::intent::ChooseLanguage{std::move(*code)});
    // A passer-by taps wherever they look: anywhere on the screen starts the demo too.
    const bool tapped_anywhere = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                                 ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsAnyItemHovered();
    if (start || tapped_anywhere) out.push_back(core::shell_intent::StartDemo{});
}

}  // namespace ui
