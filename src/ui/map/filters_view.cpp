// The map's filters: toggles for what drivers ask for most, unfolded by the "Filters" button of the
// map screen. Each toggle sends the whole new filter set; the core maps it onto filter.* and
// remembers it.
#include <algorithm>
#include <string>

#include "core/text/text.hpp"
#include "imgui.h"
#include "map_parts.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::MapFilters;
using core::Str;
using core::tr;

int map_filters_on(const MapFilters& f) {
    return f.available_now + (f.power != MapFilters::Power::Any) + (f.min_kw > 0) +
           static_cast<int>(f.connector_types.size()) + f.direct_pay + f.favourites_only;
}

namespace {

bool has(const MapFilters& f, const char* standard) {
    return std::find(f.connector_types.begin(), f.connector_types.end(), standard) != f.connector_types.end();
}

void toggle(MapFilters& f, const char* standard) {
    auto it = std::find(f.connector_types.begin(), f.connector_types.end(), standard);
    if (it != f.connector_types.end()) f.connector_types.erase(it);
    else f.connector_types.push_back(standard);
}

}  // namespace

std::string map_filters_label(const MapFilters& f) {
    const int on = map_filters_on(f);
    return on > 0 ? core::tr_format(Str::FiltersOn, {std::to_string(on)}) : std::string(tr(Str::Filters));
}

void draw_map_filters(const core::Model& m, Intents& out) {
    const MapFilters& now = m.map.filters;
    const int on = map_filters_on(now);
    MapFilters f = now;
    bool changed = false;
    // Chips in groups, each under a quiet head: what a driver filters by, in the order they ask.
    auto group = [](Str head) { section_label(tr(head)); };
    auto pick = [&](ChipFlow& flow, const std::string& text, bool selected, bool enabled = true) {
        const bool tapped = flow.chip(text, selected, enabled);
        changed |= tapped;
        return tapped;
    };

    group(Str::FilterGroupWhen);
    {
        ChipFlow flow;
        if (pick(flow, tr(Str::FilterAvailable), f.available_now)) f.available_now = !f.available_now;
        // The service knows the driver's favourites once the token is registered.
        if (pick(flow, tr(Str::FilterFavourites), f.favourites_only, m.token_registered || f.favourites_only))
            f.favourites_only = !f.favourites_only;
    }
    group(Str::FilterGroupPower);
    {
        ChipFlow flow;
        if (pick(flow, tr(Str::FilterAc), f.power == MapFilters::Power::AC))
            f.power = f.power == MapFilters::Power::AC ? MapFilters::Power::Any : MapFilters::Power::AC;
        if (pick(flow, tr(Str::FilterDc), f.power == MapFilters::Power::DC))
            f.power = f.power == MapFilters::Power::DC ? MapFilters::Power::Any : MapFilters::Power::DC;
        for (const int kw : {22, 50, 150}) {
            if (pick(flow, core::tr_format(Str::FilterMinKw, {core::format_power_short(kw)}), f.min_kw == kw))
                f.min_kw = f.min_kw == kw ? 0 : kw;
        }
    }
    group(Str::FilterGroupConnector);
    {
        static const struct { const char* standard; const char* name; } kTypes[] = {
            {"IEC_62196_T2", "Type 2"}, {"IEC_62196_T2_COMBO", "CCS"}, {"CHADEMO", "CHAdeMO"}};
        ChipFlow flow;
        for (const auto& t : kTypes)
            if (pick(flow, t.name, has(f, t.standard))) toggle(f, t.standard);
    }
    group(Str::FilterGroupPayment);
    {
        ChipFlow flow;
        if (pick(flow, tr(Str::FilterDirectPay), f.direct_pay)) f.direct_pay = !f.direct_pay;
    }
    if (on > 0 && button(tr(Str::FilterClear))) {
        f = MapFilters{};
        changed = true;
    }
    if (changed) out.push_back(core::MapIntent{core::intent::SetMapFilters{f}});
}

}  // namespace ui
