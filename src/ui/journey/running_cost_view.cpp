// Beside the running cost on the session screen: why it is an estimate until the backend's final
// total, and a warning before an idle fee starts.
#include "running_cost_view.hpp"

#include <string>

#include "core/pricing/pricing.hpp"
#include "core/text/text.hpp"
#include "imgui.h"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_running_cost(const core::ActiveSession& session, core::TimePoint now) {
    if (!session.last || !session.tariff) return;
    const core::SessionStatus& st = *session.last;
    // The backend's own figure wins once it gives one; the view then shows that instead.
    if (st.total_costs) return;
    const core::Tariff& tariff = *session.tariff;
    const auto cost = core::running_cost(tariff, st, now);
    if (!cost) return;
    ImGui::PushTextWrapPos(0);
    caption(tr(Str::EstimateNote));  // the figure itself is on the session screen's card
    const core::IdleFeeWarning w = core::idle_fee_warning(tariff, st, now);
    const std::string fee = core::price_line_text(w.line);
    switch (w.when) {
        case core::IdleFeeWhen::None: break;
        case core::IdleFeeWhen::WhenFull: text(core::tr_format(Str::IdleFeeWhenFull, {fee})); break;
        case core::IdleFeeWhen::Later:
            status_line(core::tr_format(Str::IdleFeeLater, {core::format_duration(w.starts_in_s), fee}));
            break;
        case core::IdleFeeWhen::Now: status_line(core::tr_format(Str::IdleFeeNow, {fee})); break;
    }
    ImGui::PopTextWrapPos();
}

}  // namespace ui
