// Facilities and opening hours in words (see location_facts.hpp).
#include "location_facts.hpp"

#include <algorithm>

#include "labels.hpp"
#include "core/text/text.hpp"

namespace core {

std::string facilities_line(const std::vector<FacilityValue>& facilities) {
    std::vector<std::string> words;
    for (const auto& f : facilities) {
        const Str label = facility_label(f.kind);
        std::string word = label == Str::None ? f.raw : std::string(tr(label));
        // A repeated value says nothing new.
        if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
    }
    std::string list;
    for (const auto& w : words) list += (list.empty() ? "" : ", ") + w;
    return list.empty() ? std::string() : tr_format(Str::FacilitiesLine, {list});
}

std::string opening_hours_line(const OpeningHours& hours) {
    if (hours.twentyfourseven) return tr(Str::OpenAlways);
    static const Str kDays[] = {Str::WeekdayMon, Str::WeekdayTue, Str::WeekdayWed, Str::WeekdayThu,
                                Str::WeekdayFri, Str::WeekdaySat, Str::WeekdaySun};
    std::string list;
    for (const auto& p : hours.regular) {
        if (p.weekday < 1 || p.weekday > 7) continue;
        list += (list.empty() ? "" : ", ") + std::string(tr(kDays[p.weekday - 1])) + " " + p.begin + "\u2013" + p.end;
    }
    return list.empty() ? std::string() : tr_format(Str::OpeningHours, {list});
}

}  // namespace core
