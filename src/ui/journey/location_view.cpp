// The location screen: where it is, who runs it, and each charge point with its connectors.
#include <string>

#include "core/api/api.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_location_screen(const core::Model& m, Intents& out) {
    const char* title = m.location ? m.location->name.c_str() : tr(Str::LoadingLocation);
    if (top_bar_with_scan(title, true, out)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    if (!m.location) {
        if (m.location_loading) status_line(tr(Str::LoadingLocation));
        return;
    }
    const core::Location& loc = *m.location;
    ImGui::PushTextWrapPos(0);
    text(loc.address + ", " + loc.postal_code + " " + loc.city);
    if (!loc.operator_name.empty()) text(core::tr_format(Str::OperatedBy, {loc.operator_name}));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    ImGui::BeginChild("##evses", ImVec2(0, 0), false);
    for (const auto& evse : loc.evses) {
        ImGui::PushID(evse.uid.c_str());
        ImGui::Separator();
        const std::string name = evse.display_name.empty() ? evse.uid : evse.display_name;
        const bool unknown_value = evse.status == core::EvseStatus::Unknown && !evse.status_raw.empty() &&
                                   evse.status_raw != "UNKNOWN";
        text(name + " · " + (unknown_value ? core::tr_format(Str::UnknownValue, {evse.status_raw})
                                           : std::string(tr(core::evse_status_label(evse.status)))));
        const bool usable = evse.status == core::EvseStatus::Available && !evse.charging_not_allowed;
        if (evse.charging_not_allowed) text(tr(Str::ChargingNotAllowed));
        for (const auto& c : evse.connectors) {
            text(connector_text(c));
            const std::string label = core::tr_format(Str::ChooseConnector, {name, c.id});
            if (button(label, 0, usable)) out.push_back(core::intent::ChooseConnector{evse.uid, c.id});
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace ui
