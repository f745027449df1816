// Runs the core: event -> core::update -> effects, then asks for a frame to show the new model.
#include "platform/dispatcher.hpp"

#include <deque>
#include <type_traits>

#include <emscripten/html5.h>

#include "platform/a11y_bridge.hpp"
#include "platform/boot.hpp"
#include "platform/document_bridge.hpp"
#include "platform/camera_bridge.hpp"
#include "platform/frame_loop.hpp"
#include "platform/geolocation.hpp"
#include "platform/http_bridge.hpp"
#include "platform/storage.hpp"
#include "platform/timers.hpp"
#include "platform/page_events.hpp"

namespace platform {
namespace {

core::AppModel g_app;
std::deque<core::AppEvent> g_queue;
bool g_draining = false;

void run(const core::Effect& effect) {
    std::visit(
        [](const auto& e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, core::HttpRequest>) {
                http::send(e);
            } else if constexpr (std::is_same_v<T, core::Persist>) {
                if (e.value) storage::set(e.key, *e.value);
                else storage::remove(e.key);
            } else if constexpr (std::is_same_v<T, core::WakeAt>) {
                timers::wake_at(e.at);
            } else if constexpr (std::is_same_v<T, core::Announce>) {
                a11y_bridge::announce(e.text);
            } else if constexpr (std::is_same_v<T, core::OfferDocument>) {
                if (e.kind == core::OfferDocument::Kind::Download) document_bridge::download(e.filename, e.mime, e.content);
                else document_bridge::print(e.content);
            } else if constexpr (std::is_same_v<T, core::Camera>) {
                camera::apply(e);
            } else if constexpr (std::is_same_v<T, core::ClearStorage>) {
                storage::clear();
            } else if constexpr (std::is_same_v<T, core::KeepAwake>) {
                page_events::keep_awake(e.on);
            } else if constexpr (std::is_same_v<T, core::HttpAbort>) {
                http::abort(e.id);
            } else if constexpr (std::is_same_v<T, core::Locate>) {
                geolocation::locate();
            } else if constexpr (std::is_same_v<T, core::ForgetLaunchCode>) {
                forget_launch_code();
            } else if constexpr (std::is_same_v<T, core::OpenLink>) {
                document_bridge::open_link(e.url);
            } else if constexpr (std::is_same_v<T, core::ApplyUpdate>) {
                page_events::apply_update();
            }
        },
        effect);
}

}  // namespace

core::TimePoint now() { return core::time_from_ms(static_cast<int64_t>(emscripten_date_now())); }

const core::Model& model() { return g_app.journey; }

const core::AppModel& app_model() { return g_app; }

void dispatch(core::Event event) { dispatch_app(core::AppEvent{std::move(event)}); }

void dispatch_app(core::AppEvent event) {
    g_queue.push_back(std::move(event));
    if (g_draining) return;
    g_draining = true;
    while (!g_queue.empty()) {
        const core::AppEvent next = std::move(g_queue.front());
        g_queue.pop_front();
        for (const core::Effect& effect : core::update_app(g_app, next, now())) run(effect);
    }
    g_draining = false;
    frames::request();
}

}  // namespace platform
