// The kiosk's attract screen: what the demo is, and one big invitation to tap.
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
    ImGui::Dummy(ImVec2(0, std::max(0.0f, ImGui::GetContentRegionAvail().y * 0.2f)));
    heading(tr(Str::AttractTitle));
    ImGui::PushTextWrapPos(0);
    text(tr(Str::AttractHint));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, theme::px(24)));
    if (app.message) status_line(tr(app.message->text));
    if (primary_button(tr(Str::AttractStart))) out.push_back(core::shell_intent::StartDemo{});
}

}  // namespace ui
