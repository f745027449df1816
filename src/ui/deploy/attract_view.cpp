// The kiosk's attract screen: the brand, a welcome in large type, one sentence of what the demo
// is, and one large start button; a tap anywhere on the screen starts as well.
#include <algorithm>
#include <optional>
#include <string>

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
    // The receipt by e-mail, for a visitor who wants one: optional, and kept nowhere after it is sent.
    static std::string email;
    static int last_frame = -2;
    if (ImGui::GetFrameCount() - last_frame > 1) email.clear();  // a new visitor: the screen just came back
    last_frame = ImGui::GetFrameCount();
    const bool entered = text_field(tr(Str::ReceiptByMail), email, tr(Str::EmailPlaceholder));
    ImGui::Spacing();
    bool start = false;
    {
        // Large, unless the label in this language would not fit the button on one line.
        const std::string label = tr(Str::AttractStart);
        const float pad = theme::space(theme::Space::L);
        theme::WithFont large(theme::Type::Title);
        const bool fits = ImGui::CalcTextSize(label.c_str()).x + 2 * pad <= ImGui::GetContentRegionAvail().x;
        std::optional<theme::WithFont> body;
        if (!fits) body.emplace(theme::Type::Body);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad, theme::space(theme::Space::XL)));
        start = primary_button(label);
        ImGui::PopStyleVar();
    }
    // A visitor from abroad picks a language first; that tap does not start the demo.
    ImGui::Dummy(ImVec2(0, theme::space(theme::Space::L)));
    if (auto code = language_chips(app.journey)) out.push_back(core::intent::ChooseLanguage{std::move(*code)});
    // A passer-by taps wherever they look: anywhere on the screen starts the demo too.
    const bool tapped_anywhere = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                                 ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsAnyItemHovered();
    if (start || entered || tapped_anywhere) out.push_back(core::shell_intent::StartDemo{email});
}

}  // namespace ui
