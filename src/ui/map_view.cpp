// The map screen: the charging locations of the current area as markers and as a list.
#include <algorithm>
#include <cctype>
#include <vector>
#include <cmath>
#include <string>

#include "core/locale_format.hpp"
#include "imgui.h"
#include "screens.hpp"
#include "theme.hpp"
#include "view_common.hpp"
#include "widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

constexpr double kPi = 3.14159265358979323846;

double mercator_y(double lat) {
    const double s = std::sin(lat * kPi / 180.0);
    return 0.5 - std::log((1 + s) / (1 - s)) / (4 * kPi);
}

ImU32 marker_colour(const core::LocationSummary& l) {
    if (l.connectors_total <= 0) return theme::kUnknown;
    return l.connectors_available > 0 ? theme::kFree : theme::kBusy;
}

// Draws the area with a light grid and one tappable dot per location; returns the tapped one.
const core::LocationSummary* draw_marker_map(const core::Model& m, float height) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + width, origin.y + height);
    dl->AddRectFilled(origin, end, theme::kMapLand, theme::px(10));
    dl->PushClipRect(origin, end, true);
    const float cell = theme::px(48);
    for (float x = origin.x + cell; x < end.x; x += cell) dl->AddLine(ImVec2(x, origin.y), ImVec2(x, end.y), theme::kMapGrid);
    for (float y = origin.y + cell; y < end.y; y += cell) dl->AddLine(ImVec2(origin.x, y), ImVec2(end.x, y), theme::kMapGrid);

    const auto& box = m.map_box;
    const double x0 = box.bottom_left_lng, x1 = box.top_right_lng;
    const double y0 = mercator_y(box.top_right_lat), y1 = mercator_y(box.bottom_left_lat);
    // Keep the aspect ratio of the area: fit it into the rectangle, centred.
    const double span_x = (x1 - x0) / 360.0, span_y = y1 - y0;
    const double scale = std::min(width / span_x, height / span_y);
    const double off_x = (width - span_x * scale) / 2, off_y = (height - span_y * scale) / 2;

    const core::LocationSummary* tapped = nullptr;
    const float radius = theme::px(9);
    int index = 0;
    for (const auto& l : m.locations) {
        const float px = origin.x + static_cast<float>(off_x + (l.lng - x0) / 360.0 * scale);
        const float py = origin.y + static_cast<float>(off_y + (mercator_y(l.lat) - y0) * scale);
        dl->AddCircleFilled(ImVec2(px, py), radius + theme::px(2), IM_COL32_WHITE);
        dl->AddCircleFilled(ImVec2(px, py), radius, marker_colour(l));
        ImGui::SetCursorScreenPos(ImVec2(px - theme::px(22), py - theme::px(22)));
        ImGui::PushID(index++);
        if (ImGui::InvisibleButton("##marker", ImVec2(theme::px(44), theme::px(44)))) tapped = &l;
        ImGui::PopID();
    }
    dl->PopClipRect();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, end.y + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(width, 0));
    return tapped;
}

// Case-insensitive (ASCII) match of the driver's words against name, street and city.
bool matches(const core::LocationSummary& l, const std::string& query) {
    if (query.empty()) return true;
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string q = lower(query);
    return lower(l.name).find(q) != std::string::npos || lower(l.address).find(q) != std::string::npos ||
           lower(l.city).find(q) != std::string::npos;
}

// The list reads nearest to the middle of the map first, as a driver scans around where they look.
std::vector<const core::LocationSummary*> nearest_first(const core::Model& m, const std::string& query) {
    const double lat0 = (m.map_box.bottom_left_lat + m.map_box.top_right_lat) / 2;
    const double lng0 = (m.map_box.bottom_left_lng + m.map_box.top_right_lng) / 2;
    const double k = std::cos(lat0 * kPi / 180.0);  // a degree of longitude is shorter away from the equator
    auto dist2 = [&](const core::LocationSummary* l) {
        const double dx = (l->lng - lng0) * k, dy = l->lat - lat0;
        return dx * dx + dy * dy;
    };
    std::vector<const core::LocationSummary*> out;
    for (const auto& l : m.locations)
        if (matches(l, query)) out.push_back(&l);
    std::stable_sort(out.begin(), out.end(), [&](auto a, auto b) { return dist2(a) < dist2(b); });
    return out;
}

}  // namespace

void draw_map_screen(const core::Model& m, Intents& out) {
    top_bar_with_scan(tr(Str::MapTitle), false, out);
    message_banner(m, out);
    account_links(out);
    const float map_height = std::max(theme::px(160), ImGui::GetContentRegionAvail().y * 0.36f);
    if (const auto* tapped = draw_marker_map(m, map_height)) {
        out.push_back(core::intent::OpenLocation{tapped->id});
    }
    if (m.locations_loading && m.locations.empty()) status_line(tr(Str::LoadingLocations));
    else if (m.locations.empty()) status_line(tr(Str::NoLocations));

    static std::string query;  // the driver's filter words; only the view needs them
    text_field(tr(Str::SearchChargers), query, tr(Str::SearchHint));
    const auto shown = nearest_first(m, query);
    if (shown.empty() && !m.locations.empty()) text(tr(Str::NoMatch));

    ImGui::BeginChild("##list", ImVec2(0, 0), false);
    for (const auto* l : shown) {
        const std::string label = l->name + " · " + l->address + ", " + l->city + " · " +
                                  core::tr_format(Str::ConnectorsFree, {std::to_string(l->connectors_available),
                                                                        std::to_string(l->connectors_total)});
        if (list_row(label)) out.push_back(core::intent::OpenLocation{l->id});
    }
    ImGui::EndChild();
}

}  // namespace ui
