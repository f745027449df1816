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
    if (const std::string op = core::operator_name(loc); !op.empty()) muted_text(core::tr_format(Str::OperatedBy, {op}));
    ImGui::PopTextWrapPos();
    if (m.directions.offered && button_with_icon(kIconDirections, tr(Str::Directions)))
        out.push_back(core::intent::OpenDirections{loc.id});
    ImGui::Spacing();

    ImGui::BeginChild("##evses", ImVec2(0, 0), false);
    for (const auto& evse : loc.evses) {
        ImGui::PushID(evse.uid.c_str());
        ImGui::Separator();
        const std::string name = evse.display_name.empty() ? evse.uid : evse.display_name;
        const bool usable = evse.status == core::EvseStatus::Available && !evse.charging_not_allowed;
        evse_summary(evse);
        for (const auto& c : evse.connectors) {
            const std::string label = core::tr_format(Str::ChooseConnector, {name, c.id});
            if (button(label, 0, usable)) out.push_back(core::intent::ChooseConnector{evse.uid, c.id});
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace ui
