// The hotel portal's check-in: room number and surname, or the booking reference. No account, no
// card: the portal answers with a token that charges on the room.
#include <cstring>
#include <string>

#include "core/text/text.hpp"
#include "ui/widgets/widgets.hpp"
#include "deploy.hpp"
#include "support_line.hpp"
#include "imgui.h"

namespace ui {

using core::Str;
using core::tr;

namespace {

// The shell's message: texts with a placeholder take the detail (a date); others show it below.
void shell_message(const core::AppModel& app) {
    if (!app.message) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::colour(theme::Role::WarningContainer));
    const bool fills = std::strstr(tr(app.message->text), "%s") != nullptr;
    const float lines = app.message->detail.empty() || fills ? 2.4f : 4.0f;
    ImGui::BeginChild("##shell-message", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines +
                                                       ImGui::GetStyle().WindowPadding.y * 2),
                      false, ImGuiWindowFlags_NoScrollbar);
    if (fills) {
        status_line(core::tr_format(app.message->text, {app.message->detail}));
    } else {
        status_line(tr(app.message->text));
        if (!app.message->detail.empty()) text(app.message->detail);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

void draw_loading_screen(const core::AppModel& app) {
    top_bar(app.config.branding.display_name.empty() ? tr(Str::AppTitle) : app.config.branding.display_name.c_str(),
            false);
    status_line(tr(app.stage == core::Stage::Preparing ? Str::PreparingDemo : Str::AppStarting));
}

namespace {
// What the guest typed lives only here, and only while the check-in screen is up.
std::string g_room, g_surname, g_reference, g_email;
bool g_remember = false;
}  // namespace

void forget_checkin_text() {
    g_room.clear();
    g_surname.clear();
    g_reference.clear();
    g_email.clear();
    g_remember = false;
}

void draw_checkin_screen(const core::AppModel& app, ShellIntents& out) {
    std::string& room = g_room;
    std::string& surname = g_surname;
    std::string& reference = g_reference;
    const std::string& hotel = app.config.branding.display_name;
    brand_bar(hotel.empty() ? tr(Str::CheckInTitle) : hotel.c_str(), !app.config.branding.logo_url.empty());
    heading(tr(Str::CheckInTitle));
    ImGui::PushTextWrapPos(0);
    text(tr(Str::CheckInHint));
    ImGui::PopTextWrapPos();
    shell_message(app);
    const bool entered_room = text_field(tr(Str::RoomNumber), room);
    const bool entered_name = text_field(tr(Str::Surname), surname);
    ImGui::Spacing();  // the booking reference is the other way in, not a third field of the same
    const bool entered_ref = text_field(tr(Str::BookingReference), reference);
    ImGui::Spacing();  // the receipt's address: optional, never needed to charge
    const bool entered_mail = text_field(tr(Str::ReceiptByMail), g_email, tr(Str::EmailPlaceholder));
    if (!g_email.empty()) {
        ImGui::PushTextWrapPos(0);
        muted_text(tr(Str::ReceiptMailLater));
        ImGui::PopTextWrapPos();
        ChipFlow remember;
        if (remember.chip(tr(Str::RememberAddress), g_remember)) g_remember = !g_remember;
    }
    ImGui::Spacing();
    const bool busy = app.checking_in;
    const bool ready = !reference.empty() || (!room.empty() && !surname.empty());
    if ((primary_button(busy ? tr(Str::CheckingIn) : tr(Str::CheckIn), !busy && ready) ||
         ((entered_room || entered_name || entered_ref || entered_mail) && !busy && ready))) {
        out.push_back(core::shell_intent::CheckIn{room, surname, reference, g_email, g_remember});
    }
    if (support_line(app))
        out.push_back(core::shell_intent::OpenContact{core::ContactKind::Phone, app.config.branding.support_phone});
    ImGui::Spacing();
    if (auto code = language_chips(app.journey)) out.push_back(core::intent::ChooseLanguage{std::move(*code)});
}


}  // namespace ui
