// What a row of Past sessions says (journey.hpp).
#include "journey.hpp"

namespace core {

PastSessionRow past_session_row(const Model& m, const SessionSummary& s) {
    PastSessionRow row;
    row.place = s.location_name.empty() ? s.evse_uid : s.location_name;
    row.when = s.start_time ? format_date_time(*s.start_time, m.utc_offset_minutes) : "";
    row.energy = format_energy(s.energy_kwh);
    row.status = session_status_text(SessionStatus{s.status, s.status_raw});
    row.has_total = s.total_costs.has_value();
    row.amount = row.has_total ? format_money(*s.total_costs, s.currency) : row.status;
    row.label = tr_format(Str::HistoryRow, {row.place, row.when, row.energy, row.amount});
    row.detail = row.when.empty() ? row.energy : row.when + " · " + row.energy;
    return row;
}

}  // namespace core
