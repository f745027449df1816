// How a session ended, in words, with the next step: shown above the receipt (TIMEOUT offers
// Try again; a start that never charged says nothing was charged).
#include "core/session/session.hpp"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_session_outcome(const core::SessionStatus& st, Intents& out) {
    const core::Explanation e = core::explain(st);
    if (e.what == Str::None) return;  // a normal end: the receipt says it all
    text(tr(e.what));
    if (!st.error_message.empty()) text(st.error_message);
    if (e.nothing_charged) text(tr(Str::NotCharged));
    if (e.next != Str::None) text(tr(e.next));
    if (e.retry && button(tr(Str::TryAgain))) out.push_back(core::intent::TryAgain{});
}

}  // namespace ui
