// What a row of Past sessions says (journey.hpp).
#include "journey.hpp"

namespace core {

PastSessionRow past_session_row(const Model& m, const SessionSummary& s) {
    PastSessionRow row;
    row.place = s.location_name.empty() ? s.evse_uid : s.location_name;
    row.when = s.start_time ? format_session_time(*s.start_time, s.location_time_zone, m.phone_zone) : "";
    row.energy = format_energy(s.energy_kwh);
    SessionStatus status;
    status.status = s.status;
    status.status_raw = s.status_raw;
    row.status = session_status_text(status);
    row.has_total = s.total_costs.has_value();
    row.amount = row.has_total ? format_money(*s.total_costs, s.currency) : row.status;
    row.label = tr_format(Str::HistoryRow, {row.place, row.when, row.energy, row.amount});
    row.detail = row.when.empty() ? row.energy : row.when + " · " + row.energy;
    return row;
}

}  // namespace core
