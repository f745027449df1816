// Past sessions, newest first: where, when, energy and what it cost; a tap opens the receipt.
#include <string>

#include "core/api/api.hpp"
#include "core/text/text.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

ChipTone history_tone(core::SessionStatusCode s) {
    using S = core::SessionStatusCode;
    switch (s) {
        case S::Rejected: case S::Timeout: case S::Error: return ChipTone::Bad;
        case S::Requested: case S::Starting: case S::Charging: case S::Parking: case S::Stopping: return ChipTone::Good;
        default: return ChipTone::Quiet;
    }
}

}  // namespace

void draw_history_screen(const core::Model& m, Intents& out) {
    if (top_bar(tr(Str::HistoryTitle), true)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    if (!m.history.empty() && secondary_button(tr(Str::ExportOpen))) out.push_back(core::intent::OpenExport{});
    if (m.history_loading && m.history.empty()) status_line(tr(Str::LoadingHistory));
    else if (m.history.empty()) {
        heading(tr(Str::NoHistory));
        text(tr(Str::NoHistoryHint));
    }
    ImGui::BeginChild("##history", ImVec2(0, 0), false);
    for (const core::SessionSummary& s : m.history) {
        ImGui::PushID(s.id.c_str());
        const core::PastSessionRow row = core::past_session_row(m, s);
        // A total on the right; a session without one (refused, failed, still running) says its state in a chip.
        const bool tapped = row.has_total ? amount_row(row.label, row.place, row.detail, row.amount)
                                          : place_row(row.label, row.place, row.detail, row.status, history_tone(s.status));
        if (tapped) out.push_back(core::intent::OpenPastSession{s.id});
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace ui
