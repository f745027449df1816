// The bottom sheet of a tapped marker: where it is, who runs it, what is there (facilities, opening
// hours), how far, each EVSE with its connectors and status, and "Charge here" into the journey.
#include <string>

#include "core/api/api.hpp"
#include "core/text/text.hpp"
#include "core/map/map.hpp"
#include "imgui.h"
#include "map_parts.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_map_sheet(const core::Model& m, Intents& out) {
    const core::MapState& map = m.map;
    const auto it = map.location_index.find(map.selected_id);
    const core::LocationSummary* summary = it != map.location_index.end() ? &map.locations[it->second].summary : nullptr;
    const core::Location* loc = map.selected ? &*map.selected : nullptr;

    ImGui::BeginChild("##sheet", ImVec2(0, 0), false);
    const std::string name = loc ? loc->name : summary ? summary->name : std::string();
    heading(name.empty() ? tr(Str::LoadingLocation) : name.c_str());
    ImGui::PushTextWrapPos(0);
    if (loc) {
        text(loc->address + ", " + loc->postal_code + " " + loc->city);
        const std::string op = core::operator_name(*loc);
        if (!op.empty()) text(core::tr_format(Str::OperatedBy, {op}));
        if (const std::string f = core::facilities_line(loc->facilities); !f.empty()) text(f);
        if (loc->opening_hours)
            if (const std::string h = core::opening_hours_line(*loc->opening_hours); !h.empty()) text(h);
    } else if (summary) {
        text(summary->address + ", " + summary->city);
    }
    if (summary) {
        // How far from the driver, when the phone has said where it is.
        std::string line = core::tr_format(Str::ConnectorsFree, {std::to_string(summary->connectors_available),
                                                                 std::to_string(summary->connectors_total)});
        if (const auto d = core::distance_from_driver(map, {summary->lat, summary->lng}))
            line = core::tr_format(Str::DistanceAway, {core::format_distance(*d)}) + " · " + line;
        text(line);
    }
    if (primary_button(tr(Str::ChargeHere))) out.push_back(core::intent::OpenLocation{map.selected_id});
    if (m.directions.offered && button_with_icon(kIconDirections, tr(Str::Directions)))
        out.push_back(core::intent::OpenDirections{map.selected_id});
    const bool favourite = core::is_favourite(map, map.selected_id);
    // Favourite and Close side by side when both labels fit, else one under the other.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    const char* fav_label = tr(favourite ? Str::RemoveFavourite : Str::AddFavourite);
    const bool side_by_side = button_width(fav_label) + ImGui::CalcTextSize(kIconStar).x + gap <= half;
    if (button_with_icon(favourite ? kIconStar : kIconStarBorder, fav_label, side_by_side ? half : 0, m.token_registered))
        out.push_back(core::MapIntent{core::intent::ToggleFavourite{map.selected_id}});
    if (side_by_side) ImGui::SameLine(0, gap);
    if (button_with_icon(kIconClose, tr(Str::CloseSheet), side_by_side ? half : 0))
        out.push_back(core::MapIntent{core::intent::SelectLocation{""}});

    if (!loc) {
        if (map.selected_failed) status_line(tr(Str::ErrorLocation));
        else status_line(tr(Str::LoadingLocation));
    } else {
        for (const auto& evse : loc->evses) {
            ImGui::Separator();
            ImGui::PushID(evse.uid.c_str());
            evse_summary(evse);
            ImGui::PopID();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace ui
