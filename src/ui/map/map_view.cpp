// The map screen: the map on top; below it either the bottom sheet of the tapped charger or the
// filters and favourites, a search field and the list of every charger in view, nearest first
// (the screen-reader way through the map), drawn row by row only where the list is on screen;
// all of it below the map scrolls as one.
#include <algorithm>
#include <string>
#include <vector>

#include "core/text/text.hpp"
#include "core/map/map.hpp"
#include "imgui.h"
#include "canvas.hpp"
#include "map_parts.hpp"
#include "map.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

constexpr int kRowLines = 2;       // every row of the virtualised list has room for two lines
constexpr int kMaxRowLines = 3;    // or three, when the nearest rows' labels need them
constexpr size_t kRowsMeasured = 40;

enum class Panel { None, Filters, Favourites };

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
        const core::geo::LatLng from = map.me ? *map.me : map.camera.centre;
        for (const auto& l : map.search_results) {
            ImGui::PushID(l.id.c_str());
            if (list_row(map_row_label(l, core::geo::distance_m(from, {l.lat, l.lng}))))
                out.push_back(core::MapIntent{core::intent::ShowLocation{l.id, l.lat, l.lng}});
            ImGui::PopID();
        }
    }
}

void draw_list(const core::Model& m, Intents& out) {
    static std::string query;           // the driver's search words; only the view needs them
    static core::MapListCache cache;    // rebuilt per change of data, view or words; sorted as far as shown
    const bool submitted = text_field(tr(Str::SearchChargers), query, tr(Str::SearchHint));
    if (query.empty() && !m.map.search_query.empty()) out.push_back(core::MapIntent{core::intent::SearchLocations{""}});
    const core::MapState& map = m.map;
    const std::string q = core::lower_ascii(query);
    // Nearest to the driver when located, else to the middle of the map.
    const core::geo::LatLng from = map.me ? *map.me : map.camera.centre;
    const size_t count = cache.update(map, core::geo::visible_box(map.camera), from, q);

    if (map.locations.empty() && core::map_loading(map)) status_line(tr(Str::LoadingLocations));
    else if (count == 0 && q.empty() && !core::map_loading(map)) status_line(tr(Str::NoLocations));
    else if (count == 0 && !q.empty()) text(tr(Str::NoMatch));
    else if (count == 1) text(tr(Str::ListCountOne));
    else if (count > 1) text(core::tr_format(Str::ListCount, {core::format_number(static_cast<double>(count), 0)}));

    // Rows share one height (the clipper needs it): two lines, three when the nearest rows need
    // them at this width, so no row's availability is cut off.
    int lines = kRowLines;
    for (size_t i = 0; i < std::min<size_t>(count, kRowsMeasured) && lines < kMaxRowLines; ++i) {
        const core::ListedLocation& row = cache.at(i);
        lines = std::max(lines, list_row_lines(map_row_label(map.locations[row.index].summary, row.distance_m)));
    }
    const float row_h = list_row_height(std::min(lines, kMaxRowLines));
    // Uniform rows: the clipper asks only for those in the child's visible part, so 10,000
    // chargers in view cost a few dozen rows a frame (and the mirror lists what is on screen).
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count), row_h + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::ListedLocation& row = cache.at(static_cast<size_t>(i));
            const core::LocationSummary& l = map.locations[row.index].summary;
            ImGui::PushID(i);
            if (list_row(map_row_label(l, row.distance_m), false, true, row_h))
                out.push_back(core::intent::OpenLocation{l.id});
            ImGui::PopID();
        }
    }
    clipper.End();
    draw_search(m, query, submitted, out);
}

}  // namespace

std::string map_row_label(const core::LocationSummary& l, double distance_m) {
    // Many places are named after their street: the address then only repeats the name.
    std::string where = core::lower_ascii(l.address) == core::lower_ascii(l.name) ? std::string() : l.address;
    if (!l.city.empty()) where += (where.empty() ? "" : ", ") + l.city;
    if (where.empty()) where = l.address;  // no town to say instead
    return core::tr_format(Str::ListRow,
                           {l.name, core::format_distance(distance_m), where,
                            core::tr_format(Str::ConnectorsFree, {std::to_string(l.connectors_available),
                                                                  std::to_string(l.connectors_total)})});
}

namespace {

// Below (or beside) the map: filters and favourites, the wallet and history, the search and list.
void draw_below_map(const core::Model& m, Panel& panel, Intents& out) {
    // Everything below the map scrolls as one, so the list can use the whole height under the
    // map once the driver scrolls past the buttons and the search field.
    ImGui::BeginChild("##below", ImVec2(0, 0), false);
    // Filters and favourites side by side: two taps away from anything, little height taken.
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (button(map_filters_label(m.map.filters), half)) panel = panel == Panel::Filters ? Panel::None : Panel::Filters;
    ImGui::SameLine();
    const std::string favourites = core::tr_format(Str::Favourites, {std::to_string(m.map.favourites.size())});
    if (button(favourites, half)) panel = panel == Panel::Favourites ? Panel::None : Panel::Favourites;
    if (panel == Panel::Filters) draw_map_filters(m, out);
    if (panel == Panel::Favourites) draw_map_favourites(m, out);
    account_links(out);  // wallet and history, above the list: never lost under thousands of rows
    draw_list(m, out);
    ImGui::EndChild();
}

}  // namespace

void draw_map_screen(const core::Model& m, Intents& out) {
    static Panel panel = Panel::None;  // which of filters / favourites is unfolded; only the view cares
    const bool sheet = !m.map.selected_id.empty();
    if (layout::side_by_side()) {
        // A phone on its side, a tablet, a desktop: the map fills the height, the panel beside it.
        const float panel_w = layout::panel_width();
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImGui::BeginChild("##panel", ImVec2(panel_w, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        top_bar_with_scan(tr(Str::MapTitle), false, out);
        message_banner(m, out);
        if (sheet) draw_map_sheet(m, out);
        else draw_below_map(m, panel, out);
        ImGui::EndChild();
        ImGui::SameLine(0, gap);
        ImGui::BeginChild("##map_area", ImVec2(0, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        draw_map_canvas(m, ImGui::GetContentRegionAvail().y, out);
        ImGui::EndChild();
        return;
    }
    top_bar_with_scan(tr(Str::MapTitle), false, out);
    message_banner(m, out);
    const float avail = ImGui::GetContentRegionAvail().y;
    // The sheet takes more of the screen than the list: the driver came for that charger.
    const float map_height = std::max(theme::px(200), avail * (sheet ? 0.42f : 0.55f));
    draw_map_canvas(m, map_height, out);
    if (sheet) {
        draw_map_sheet(m, out);
        return;
    }
    draw_below_map(m, panel, out);
}

}  // namespace ui
