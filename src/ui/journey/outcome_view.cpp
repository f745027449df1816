// The end of a session that did not run, on its own: what happened, why in one sentence, that
// nothing was charged, and the next step first (Try again, another connector, another payment
// method), the operator's contacts where they help. No totals, no receipt documents.
#include <string>

#include "core/session/session.hpp"
#include "core/text/text.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::NextStep;
using core::Str;
using core::tr;

namespace {

Str step_label(NextStep step) {
    switch (step) {
        case NextStep::TryAgain: return Str::TryAgain;
        case NextStep::OtherConnector: return Str::OtherConnector;
        case NextStep::OtherPaymentMethod: return Str::OtherPaymentMethod;
        case NextStep::CallOperator: break;
    }
    return Str::None;
}

core::UserIntent step_intent(NextStep step) {
    // Another payment method is chosen on the same connector's price screen, where Try again leads.
    if (step == NextStep::OtherConnector) return core::intent::ChooseOtherConnector{};
    return core::intent::TryAgain{};
}

// The operator's support contacts from the location's branding (the session's, else the loaded
// location's), each a row that calls, writes or opens the site; a contact that cannot be a link
// is shown as words.
void contacts(const core::Model& m, const core::SessionStatus& st, Intents& out) {
    const core::Branding* b = st.branding ? &*st.branding : nullptr;
    if (!b && m.location && m.location->id == st.location_id && m.location->branding) b = &*m.location->branding;
    if (!b) return;
    const bool here = m.location && m.location->id == st.location_id;
    std::string who = core::operator_name(here ? m.location->operator_name : std::string(), b);
    if (who.empty()) who = tr(Str::TheOperator);
    const auto contact = [&](core::ContactKind kind, const char* icon, Str title, Str label, const std::string& value) {
        if (value.empty()) return;
        ImGui::PushID(static_cast<int>(kind));
        if (!core::contact_link(kind, value)) {
            ImGui::PushTextWrapPos(0);
            text(core::tr_format(label, {who, value}));
            ImGui::PopTextWrapPos();
        } else if (link_row(icon, core::tr_format(label, {who, value}), core::tr_format(title, {who}), value)) {
            out.push_back(core::intent::OpenContact{kind, value});
        }
        ImGui::PopID();
    };
    contact(core::ContactKind::Phone, kIconCall, Str::ContactPhoneTitle, Str::ContactPhone, b->support_phone);
    contact(core::ContactKind::Email, kIconMail, Str::ContactEmailTitle, Str::ContactEmail, b->support_email);
    contact(core::ContactKind::Website, kIconLanguage, Str::ContactWebsiteTitle, Str::ContactWebsite, b->support_website);
}

}  // namespace

void draw_outcome_screen(const core::Model& m, const core::SessionStatus& st, const core::Outcome& o, Intents& out) {
    top_bar(tr(o.title), false);
    message_banner(m, out);
    // The first step that is a button is the primary action, in the footer.
    const NextStep* primary = nullptr;
    for (const NextStep& step : o.next)
        if (step != NextStep::CallOperator) {
            primary = &step;
            break;
        }
    begin_body("##outcome", primary ? footer_height(1) : 0);
    ImGui::PushTextWrapPos(0);
    text(tr(o.why));
    if (o.nothing_charged) muted_text(tr(Str::NotCharged));
    ImGui::Spacing();
    if (o.hint != Str::None) text(tr(o.hint));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    for (const NextStep& step : o.next) {
        if (&step == primary) continue;
        if (step == NextStep::CallOperator) contacts(m, st, out);
        else if (secondary_button(tr(step_label(step)))) out.push_back(step_intent(step));
    }
    ImGui::Spacing();
    if (secondary_button(tr(Str::Done))) out.push_back(core::intent::Finish{});
    end_body();
    if (primary && primary_button(tr(step_label(*primary)))) out.push_back(step_intent(*primary));
}

}  // namespace ui
