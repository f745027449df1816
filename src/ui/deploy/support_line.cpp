#include "support_line.hpp"

#include <string>

#include "core/text/text.hpp"
#include "imgui.h"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

bool support_line(const core::AppModel& app) {
    const std::string& phone = app.config.branding.support_phone;
    if (phone.empty()) return false;
    ImGui::Spacing();
    const std::string label = core::tr_format(Str::SupportPhone, {phone});
    if (!core::contact_link(core::ContactKind::Phone, phone)) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::colour(theme::Role::OnSurfaceMuted));
        text(label);
        ImGui::PopStyleColor();
        return false;
    }
    const std::string& name = app.config.branding.display_name;
    const std::string who = name.empty() ? std::string(tr(Str::Reception)) : name;
    return link_row(kIconCall, label, core::tr_format(Str::ContactPhoneTitle, {who}), phone);
}

}  // namespace ui
