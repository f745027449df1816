// The map screen: the map on top; below it either the bottom sheet of the tapped charger or the
// filters, a search field and the list of chargers in view, nearest first (the screen-reader way
// through the map).
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/locale_format.hpp"
#include "core/map_geo.hpp"
#include "imgui.h"
#include "map_canvas.hpp"
#include "map_views.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "view_common.hpp"
#include "widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

constexpr size_t kMaxListed = 100;  // rows drawn; more means the driver should zoom in

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Case-insensitive (ASCII) match of the driver's words against name, street and city.
bool matches(const core::LocationSummary& l, const std::string& q) {
    if (q.empty()) return true;
    return lower(l.name).find(q) != std::string::npos || lower(l.address).find(q) != std::string::npos ||
           lower(l.city).find(q) != std::string::npos;
}

std::string row_label(const core::LocationSummary& l) {
    return l.name + " · " + l.address + ", " + l.city + " · " +
           core::tr_format(Str::ConnectorsFree, {std::to_string(l.connectors_available), std::to_string(l.connectors_total)});
}

// Results of the service-wide search (Enter or the button), for places outside the map's view.
void draw_search(const core::Model& m, const std::string& query, bool submitted, Intents& out) {
    const core::MapState& map = m.map;
    if ((submitted || button(tr(Str::SearchEverywhere), 0, !query.empty())) && !query.empty())
        out.push_back(core::MapIntent{core::intent::SearchLocations{query}});
    if (map.search_query.empty()) return;
    if (map.search_loading) {
        status_line(tr(Str::Searching));
    } else if (map.search_failed) {
        status_line(tr(Str::SearchFailed));
    } else if (map.search_results.empty()) {
        status_line(core::tr_format(Str::SearchNothing, {map.search_query}));
    } else {
        heading(tr(Str::SearchResults));
        for (const auto& l : map.search_results) {
            ImGui::PushID(l.id.c_str());
            if (list_row(row_label(l)))
                out.push_back(core::MapIntent{core::intent::ShowLocation{l.id, l.lat, l.lng}});
            ImGui::PopID();
        }
    }
}

void draw_list(const core::Model& m, Intents& out) {
    static std::string query;  // the driver's search words; only the view needs them
    const bool submitted = text_field(tr(Str::SearchChargers), query, tr(Str::SearchHint));
    if (query.empty() && !m.map.search_query.empty()) out.push_back(core::MapIntent{core::intent::SearchLocations{""}});
    const core::MapState& map = m.map;
    const std::string q = lower(query);
    // Nearest to the driver when located, else to the middle of the map.
    const core::geo::LatLng from = map.me ? *map.me : map.camera.centre;
    auto shown = core::locations_in(map, core::geo::visible_box(map.camera));
    shown.erase(std::remove_if(shown.begin(), shown.end(), [&](const auto* l) { return !matches(l->summary, q); }),
                shown.end());
    std::vector<std::pair<double, const core::MapLocation*>> by_distance;
    by_distance.reserve(shown.size());
    for (const auto* l : shown) by_distance.emplace_back(core::geo::distance_m(from, {l->summary.lat, l->summary.lng}), l);
    const size_t n = std::min(kMaxListed, by_distance.size());
    std::partial_sort(by_distance.begin(), by_distance.begin() + static_cast<long>(n), by_distance.end(),
                      [](const auto& a, const auto& b) { return a.first < b.first; });

    if (map.locations.empty() && core::map_loading(map)) status_line(tr(Str::LoadingLocations));
    else if (shown.empty() && q.empty() && !core::map_loading(map)) status_line(tr(Str::NoLocations));
    else if (shown.empty() && !q.empty()) text(tr(Str::NoMatch));

    ImGui::BeginChild("##list", ImVec2(0, 0), false);
    for (size_t i = 0; i < n; ++i) {
        const core::LocationSummary& l = by_distance[i].second->summary;
        if (list_row(row_label(l))) out.push_back(core::intent::OpenLocation{l.id});
    }
    if (by_distance.size() > n) text(core::tr_format(Str::ListMore, {std::to_string(by_distance.size() - n)}));
    draw_search(m, query, submitted, out);
    ImGui::EndChild();
}

}  // namespace

void draw_map_screen(const core::Model& m, Intents& out) {
    top_bar_with_scan(tr(Str::MapTitle), false, out);
    message_banner(m, out);
    const float avail = ImGui::GetContentRegionAvail().y;
    const bool sheet = !m.map.selected_id.empty();
    // The sheet takes more of the screen than the list: the driver came for that charger.
    const float map_height = std::max(theme::px(200), avail * (sheet ? 0.42f : 0.55f));
    draw_map_canvas(m, map_height, out);
    if (sheet) {
        draw_map_sheet(m, out);
        return;
    }
    draw_map_filters(m, out);
    account_links(out);  // wallet and history, above the list so they never scroll away
    draw_list(m, out);
}

}  // namespace ui
