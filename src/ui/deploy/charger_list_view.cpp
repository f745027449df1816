// The home screen of a deployment with a fixed set of chargers (a hotel's garage, a kiosk's demo):
// a list of them, no map of the world; in the portal, whose room pays and until when.
#include <string>

#include "core/text/text.hpp"
#include "ui/widgets/widgets.hpp"
#include "deploy.hpp"
#include "support_line.hpp"
#include "imgui.h"

namespace ui {

using core::Str;
using core::tr;

void draw_charger_list_screen(const core::AppModel& app, Intents& out) {
    const core::Model& m = app.journey;
    const std::string& name = app.config.branding.display_name;
    brand_bar(name.empty() ? tr(Str::HotelChargers) : name.c_str(), !app.config.branding.logo_url.empty());
    message_banner(m, out);
    if (app.guest) {
        ImGui::PushTextWrapPos(0);
        text(core::tr_format(Str::RoomBilling, {app.guest->room}));
        text(core::tr_format(Str::ValidUntil, {core::format_calendar_day(app.guest->departure)}));
        ImGui::PopTextWrapPos();
    }
    heading(tr(Str::HotelChargers));
    if (m.locations_loading && m.locations.empty()) status_line(tr(Str::LoadingLocations));
    else if (m.locations.empty()) status_line(tr(Str::NoLocations));
    for (const auto& l : m.locations) {
        const std::string label = l.name + " · " + l.address + ", " + l.city + " · " +
                                  core::tr_format(Str::ConnectorsFree, {std::to_string(l.connectors_available),
                                                                        std::to_string(l.connectors_total)});
        const bool free = l.connectors_available > 0;
        if (place_row(label, l.name, l.address + ", " + l.city,
                      core::tr_format(Str::ConnectorsFree, {std::to_string(l.connectors_available),
                                                            std::to_string(l.connectors_total)}),
                      free ? ChipTone::Good : ChipTone::Caution))
            out.push_back(core::intent::OpenLocation{l.id});
    }
    if (support_line(app))
        out.push_back(core::intent::OpenContact{core::ContactKind::Phone, app.config.branding.support_phone});
    ImGui::Spacing();
    if (auto code = language_chips(m)) out.push_back(core::intent::ChooseLanguage{std::move(*code)});
}

}  // namespace ui
