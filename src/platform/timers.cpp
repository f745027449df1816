// Timers for the core. Background tabs throttle or freeze setTimeout, so the core hears when the
// page is hidden or shown (Visibility) and catches up with whatever came due while hidden.
#include "platform/timers.hpp"

#include <algorithm>
#include <map>

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "platform/dispatcher.hpp"
#include "platform/frame_loop.hpp"

namespace platform::timers {
namespace {

constexpr double kMaxDelayMs = 2147483647.0;  // setTimeout's limit
std::map<intptr_t, int64_t> g_armed;           // timeout id -> due time, while pending
intptr_t g_next_id = 1;

void on_timeout(void* id) {
    g_armed.erase(reinterpret_cast<intptr_t>(id));
    dispatch(core::Tick{});
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
    dispatch(core::Visibility{!e->hidden});
    if (!e->hidden) frames::request();
    return EM_FALSE;
}

}  // namespace

void install() {
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
    EmscriptenVisibilityChangeEvent now_visible{};
    if (emscripten_get_visibility_status(&now_visible) == EMSCRIPTEN_RESULT_SUCCESS && now_visible.hidden)
        dispatch(core::Visibility{false});  // loaded in a background tab
}

void wake_at(core::TimePoint at) {
    const int64_t due = core::ms_since_epoch(at);
    for (const auto& [id, armed] : g_armed)
        if (armed == due) return;  // one timeout per due time is enough
    const intptr_t id = g_next_id++;
    g_armed[id] = due;
    const double delay = std::clamp(static_cast<double>(due - core::ms_since_epoch(now())), 0.0, kMaxDelayMs);
    emscripten_set_timeout(on_timeout, delay, reinterpret_cast<void*>(id));
}

}  // namespace platform::timers
