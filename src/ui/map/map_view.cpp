// The map screen. Below (phone upright) or beside (wider screens) the map: either the sheet of the
// tapped charger or the filters and favourites, a search field and the list of every charger in
// view, nearest first (the screen-reader way through the map), drawn row by row only where the
// list is on screen. Upright, that sits in a bottom sheet the driver drags between three stops,
// with the wallet, history and display shortcuts in a bar under it.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "core/text/text.hpp"
#include "core/map/map.hpp"
#include "imgui.h"
#include "canvas.hpp"
#include "map_parts.hpp"
#include "map.hpp"
#include "sheet_snap.hpp"
#include "surface.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

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
        for (const auto& l : map.search_results) {
            ImGui::PushID(l.id.c_str());
            if (location_row(l, core::distance_from_driver(map, {l.lat, l.lng})))
                out.push_back(core::MapIntent{core::intent::ShowLocation{l.id, l.lat, l.lng}});
            ImGui::PopID();
        }
    }
}

std::string g_query;            // the driver's search words; only the view needs them
core::MapListCache g_cache;     // rebuilt per change of data, view or words; sorted as far as shown

size_t update_list(const core::MapState& map) {
    // Nearest to the driver when located, else to the middle of the map.
    return g_cache.update(map, core::geo::visible_box(map.camera), core::list_origin(map), core::lower_ascii(g_query));
}

// What the list holds, in a line ("216 chargers in view, nearest first"); a status when it says
// the list is loading or empty.
struct Summary {
    std::string text;
    bool status = false;
};

Summary list_summary(const core::MapState& map, size_t count) {
    if (map.locations.empty() && core::map_loading(map)) return {tr(Str::LoadingLocations), true};
    if (count == 0 && g_query.empty() && !core::map_loading(map)) return {tr(Str::NoLocations), true};
    if (count == 0 && !g_query.empty()) return {tr(Str::NoMatch)};
    if (count == 1) return {tr(Str::ListCountOne)};
    if (count > 1)
        return {core::tr_format(map.me ? Str::ListCount : Str::ListCountFromCentre,
                                {core::format_number(static_cast<double>(count), 0)})};
    return {};
}

void say(const Summary& s) {
    if (s.text.empty()) return;
    if (s.status) status_line(s.text);
    else text(s.text);
}

// `with_summary`: the count line above the rows (the phone's sheet has it in its handle instead).
// The search words, above everything else under the map (the sheet's peek shows them). Returns
// true when Enter was pressed.
bool draw_search_field(const core::Model& m, float width, Intents& out) {
    const bool submitted = search_field(tr(Str::SearchChargers), g_query, tr(Str::SearchHint), width);
    if (g_query.empty() && !m.map.search_query.empty()) out.push_back(core::MapIntent{core::intent::SearchLocations{""}});
    return submitted;
}

// An icon button that unfolds a panel under the search field: ringed while its panel is open, with
// a count badge (filters on, favourites) when there is one.
bool panel_button(const char* icon, const std::string& name, int count, bool open) {
    const bool pressed = icon_button(icon, name, open ? IconButtonStyle::Floating : IconButtonStyle::Tonal);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (open)
        dl->AddCircle(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2), (max.x - min.x) / 2 - theme::px(1),
                      theme::colour(theme::Role::Primary), 32, theme::px(2));
    if (count > 0) {
        const std::string text = count > 99 ? "99+" : std::to_string(count);
        ImFont* font = theme::font(theme::Type::Caption);
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
        const float r = std::max(ts.y * 0.5f + theme::px(1), ts.x * 0.5f + theme::px(3));
        const ImVec2 c(max.x - r * 0.7f, min.y + r * 0.7f);
        dl->AddCircleFilled(c, r, theme::colour(theme::Role::Primary), 20);
        dl->AddText(font, font->FontSize, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), theme::colour(theme::Role::OnPrimary),
                    text.c_str());
    }
    return pressed;
}

void draw_list(const core::Model& m, bool with_summary, bool submitted, Intents& out) {
    const std::string& query = g_query;
    core::MapListCache& cache = g_cache;
    const core::MapState& map = m.map;
    const size_t count = update_list(map);
    if (with_summary) say(list_summary(map, count));

    // Rows share one height (the clipper needs it): a place row's two lines.
    const float row_h = place_row_height();
    // Uniform rows: the clipper asks only for those in the child's visible part, so 10,000
    // chargers in view cost a few dozen rows a frame (and the mirror lists what is on screen).
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count), row_h + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::ListedLocation& row = cache.at(static_cast<size_t>(i));
            const core::LocationSummary& l = map.locations[row.index].summary;
            ImGui::PushID(i);
            if (location_row(l, map.me ? std::optional<double>(row.distance_m) : std::nullopt, row_h))
                out.push_back(core::intent::OpenLocation{l.id});
            ImGui::PopID();
        }
    }
    clipper.End();
    draw_search(m, query, submitted, out);
}

}  // namespace

namespace {

// Where the place is, in words: its address and town, or the town alone when the place is named
// after its street (the address would only repeat the name).
std::string place_where(const core::LocationSummary& l) {
    std::string where = core::lower_ascii(l.address) == core::lower_ascii(l.name) ? std::string() : l.address;
    if (!l.city.empty()) where += (where.empty() ? "" : ", ") + l.city;
    if (where.empty()) where = l.address;  // no town to say instead
    return where;
}

ChipTone chip_tone(core::MarkerState state) {
    switch (state) {
        case core::MarkerState::Free: return ChipTone::Good;
        case core::MarkerState::Busy: return ChipTone::Caution;
        case core::MarkerState::OutOfOrder: return ChipTone::Bad;
        case core::MarkerState::Unknown: break;
    }
    return ChipTone::Quiet;
}

}  // namespace

std::string map_row_label(const core::LocationSummary& l, std::optional<double> distance_m) {
    const std::string free = core::tr_format(Str::ConnectorsFree, {std::to_string(l.connectors_available),
                                                                  std::to_string(l.connectors_total)});
    if (!distance_m) return core::tr_format(Str::ListRowNoDistance, {l.name, place_where(l), free});
    return core::tr_format(Str::ListRow, {l.name, core::format_distance(*distance_m), place_where(l), free});
}

bool location_row(const core::LocationSummary& l, std::optional<double> distance_m, float height) {
    std::string detail = distance_m ? core::format_distance(*distance_m) : std::string();
    const std::string power = core::marker_power_text(l);
    if (!power.empty()) detail += (detail.empty() ? "" : " · ") + power;
    detail += (detail.empty() ? "" : " · ") + (l.city.empty() ? place_where(l) : l.city);
    a11y::next_key(l.id);  // its free count changes while it is held
    return place_row(map_row_label(l, distance_m), l.name.empty() ? l.id : l.name, detail, core::marker_state_text(l),
                     chip_tone(core::marker_state(l)), height);
}

namespace {

// Below (or beside) the map: the search field, filters and favourites, the wallet and history,
// and the list.
void draw_below_map(const core::Model& m, Panel& panel, bool with_links, Intents& out) {
    // Everything below the map scrolls as one, so the list can use the whole height under the
    // map once the driver scrolls past the buttons and the search field.
    ImGui::BeginChild("##below", ImVec2(0, 0), false);
    // Filters and favourites as icon buttons beside the search field: two taps away from anything,
    // no row of their own, so the list starts higher (named in words for the mirror).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float icon = theme::touch(), gap = style.ItemSpacing.x;
    const bool submitted = draw_search_field(m, ImGui::GetContentRegionAvail().x - 2 * (icon + gap), out);
    const std::string filters = map_filters_label(m.map.filters);
    const std::string favourites = core::tr_format(Str::Favourites, {std::to_string(m.map.favourites.size())});
    ImGui::SameLine(0, gap);
    if (panel_button(kIconTune, filters, map_filters_on(m.map.filters), panel == Panel::Filters))
        panel = panel == Panel::Filters ? Panel::None : Panel::Filters;
    ImGui::SameLine(0, gap);
    if (panel_button(m.map.favourites.empty() ? kIconStarBorder : kIconStar, favourites,
                     static_cast<int>(m.map.favourites.size()), panel == Panel::Favourites))
        panel = panel == Panel::Favourites ? Panel::None : Panel::Favourites;
    if (panel == Panel::Filters) draw_map_filters(m, out);
    if (panel == Panel::Favourites) draw_map_favourites(m, out);
    if (panel != Panel::None) ImGui::Separator();  // where the panel ends and the list begins
    if (with_links) account_links(out);  // wallet and history, above the list: never lost under thousands of rows
    draw_list(m, with_links, submitted, out);
    ImGui::EndChild();
}

// --- the phone's bottom sheet -------------------------------------------------------------------
// Held upright, the phone shows the map above a sheet the driver drags between peek, half and
// full (sheet_snap.hpp says where it settles); the wallet, history and display shortcuts stay
// in a bar under it. The sheet holds the list, or the tapped charger.
constexpr float kFlingCssPerSecond = 700;
constexpr float kTapSlopCss = 8;

struct SheetDrag {
    sheet::Stop stop = sheet::Stop::Half;
    bool dragging = false;
    float start_h = 0, h = 0;
    double pressed_at = 0;
    std::string selected;  // the charger shown last frame: a new one sets the sheet at half
};

// The handle across the top of the sheet: a pill in a touch-target-high strip that drags the sheet
// and, tapped (or activated from the mirror), opens it a stop further.
// The handle strip's height: a touch target, or more when the count under the pill wraps.
float handle_height(float width, const Summary& summary) {
    ImFont* caption = theme::font(theme::Type::Caption);
    const float gap = theme::space(theme::Space::XS);
    const float text_h = summary.text.empty() ? 0
                         : caption->CalcTextSizeA(caption->FontSize, FLT_MAX, width, summary.text.c_str()).y + gap;
    return std::max(theme::touch(), theme::space(theme::Space::S) + theme::px(4) + gap + text_h);
}

void sheet_handle(SheetDrag& d, const sheet::Heights& hs, float width, const Summary& summary) {
    const float pill_w = theme::px(36), pill_h = theme::px(4);
    const float top_pad = theme::space(theme::Space::S), gap = theme::space(theme::Space::XS);
    const float height = handle_height(width, summary);

    const int index = a11y::add(a11y::Role::Button, tr(d.stop == sheet::Stop::Full ? Str::SheetLess : Str::SheetMore));
    const bool activated = a11y::take_activation(index);
    a11y::push_key_id(index);
    ImGui::InvisibleButton("##handle", ImVec2(width, height));
    ImGui::PopID();
    const bool held = ImGui::IsItemActive(), pressed = ImGui::IsItemActivated(), released = ImGui::IsItemDeactivated();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    map_surface::publish_sheet_handle({min.x, min.y, max.x - min.x, max.y - min.y});
    const float mid = (min.x + max.x) * 0.5f, top = min.y + top_pad;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(mid - pill_w / 2, top), ImVec2(mid + pill_w / 2, top + pill_h),
                                              theme::colour(held ? theme::Role::OnSurface : theme::Role::OnSurfaceMuted),
                                              pill_h / 2);
    a11y::place(index);
    if (!summary.text.empty()) {
        // The list's count under the pill, inside the strip: read, not tapped.
        const ImVec2 after = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(min.x, top + pill_h + gap));
        theme::WithFont small(theme::Type::Caption);
        theme::WithText muted(theme::Role::OnSurfaceMuted);
        ImGui::PushTextWrapPos(0);
        say(summary);
        ImGui::PopTextWrapPos();
        ImGui::SetCursorScreenPos(after);
    }

    const float drag_up = -ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y;
    if (pressed) {
        d.dragging = true;
        d.start_h = d.h = hs.of(d.stop);
        d.pressed_at = ImGui::GetTime();
    }
    if (d.dragging && held) d.h = sheet::dragged(hs, d.start_h, drag_up);
    if (d.dragging && released) {
        d.dragging = false;
        const float moved = d.h - d.start_h;
        if (std::abs(moved) < theme::px(kTapSlopCss)) {
            d.stop = sheet::after_tap(d.stop);
        } else {
            const double secs = std::max(0.016, ImGui::GetTime() - d.pressed_at);
            const float velocity = static_cast<float>(moved / secs);
            d.stop = sheet::settle(hs, d.stop, d.h, velocity, theme::px(kFlingCssPerSecond));
        }
    }
    if (activated) d.stop = sheet::after_tap(d.stop);
}

void draw_portrait(const core::Model& m, Panel& panel, Intents& out) {
    static SheetDrag drag;
    const bool charger = !m.map.selected_id.empty();
    // A charger just chosen (on the map or from the list) opens at half: its sheet, and the map
    // around it, both in view.
    if (charger && m.map.selected_id != drag.selected) drag.stop = sheet::Stop::Half;
    drag.selected = m.map.selected_id;

    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.y;
    const float bar_h = account_links_height(ImGui::GetContentRegionAvail().x);  // the shortcuts under the sheet
    const float body = ImGui::GetContentRegionAvail().y - bar_h - gap;
    // Peek: the handle and the search field (or the charger's name); full: a strip of map stays.
    const float inner_w = ImGui::GetContentRegionAvail().x - 2 * theme::space(theme::Space::M);
    const Summary summary = charger ? Summary{} : list_summary(m.map, update_list(m.map));
    const float peek = handle_height(inner_w, summary) + theme::touch() + gap * 3;
    const sheet::Heights hs = sheet::heights_for(body - gap, peek, theme::px(120));
    const float sheet_h = drag.dragging ? drag.h : hs.of(drag.stop);

    draw_map_canvas(m, std::max(theme::px(48), body - gap - sheet_h), core::lower_ascii(g_query), out);

    // The sheet: raised, its top corners rounded, a shadow cast up onto the map.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float r = theme::radius(theme::Radius::L);
    theme::shadow(draw, at, ImVec2(at.x + width, at.y + sheet_h), theme::Elevation::Overlay, r);
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + sheet_h), theme::colour(theme::Role::SurfaceRaised), r,
                        ImDrawFlags_RoundCornersTop);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::space(theme::Space::M), 0));
    ImGui::BeginChild("##bottom_sheet", ImVec2(width, sheet_h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    sheet_handle(drag, hs, ImGui::GetContentRegionAvail().x, summary);
    if (charger) draw_map_sheet(m, out);
    else draw_below_map(m, panel, false, out);
    ImGui::EndChild();
    account_links(out);
}

}  // namespace

// A new version waits: offered here, on the map, only while nothing runs that a reload would disturb.
void update_banner(const core::Model& m, Intents& out) {
    if (!core::can_apply_update(m)) return;
    if (notice_strip(kIconRefresh, tr(Str::UpdateReady), tr(Str::UpdateReload))) out.push_back(core::intent::ApplyUpdate{});
}

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
        update_banner(m, out);
        if (sheet) draw_map_sheet(m, out);
        else draw_below_map(m, panel, true, out);
        ImGui::EndChild();
        ImGui::SameLine(0, gap);
        ImGui::BeginChild("##map_area", ImVec2(0, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        draw_map_canvas(m, ImGui::GetContentRegionAvail().y, core::lower_ascii(g_query), out);
        ImGui::EndChild();
        return;
    }
    top_bar_with_scan(tr(Str::MapTitle), false, out);
    message_banner(m, out);
    update_banner(m, out);
    draw_portrait(m, panel, out);
}

}  // namespace ui
