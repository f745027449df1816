// Chooses the screen for the model and draws it in one full-window, undecorated ImGui window:
// the deployment's own screens (check-in, attract) or the journey's, with the kiosk's pieces around.
#include "app.hpp"

#include <algorithm>

#include "core/deploy/deploy.hpp"
#include "ui/deploy/deploy.hpp"
#include "imgui.h"
#include "ui/journey/journey.hpp"
#include "ui/map/map.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {
namespace {

int draw_journey(const core::AppModel& app, core::TimePoint now, FrameResult& result) {
    const core::Model& model = app.journey;
    const bool scoped = app.config.mode != core::AppMode::Driver && !app.config.location_ids.empty();
    int redraw = -1;
    // The browser says there is no network: said on every screen, since every screen waits on it.
    if (!model.online) status_line(core::tr(core::Str::Offline));
    switch (model.screen) {
        case core::Screen::Map:
            if (scoped) draw_charger_list_screen(app, result.intents);
            else draw_map_screen(model, result.intents);
            break;
        case core::Screen::Location: draw_location_screen(model, result.intents); break;
        case core::Screen::Price: draw_price_screen(model, result.intents); break;
        case core::Screen::AddCard: draw_add_card_screen(model, result.intents); break;
        case core::Screen::Session: redraw = draw_session_screen(model, now, result.intents); break;
        case core::Screen::Receipt: draw_receipt_screen(model, result.intents); break;
        case core::Screen::Scan: {
            ViewBox box;
            draw_scan_screen(model, result.intents, &box);
            if (box.w > 0) result.camera_box = box;
            break;
        }
        case core::Screen::ScanResult: draw_scan_result_screen(model, result.intents); break;
        case core::Screen::Wallet: draw_wallet_screen(model, result.intents); break;
        case core::Screen::History: draw_history_screen(model, result.intents); break;
    }
    if (model.screen == core::Screen::Session && app.config.mode == core::AppMode::Kiosk)
        draw_charger_controls(app, result.shell_intents);
    return redraw;
}

int min_redraw(int a, int b) { return a < 0 ? b : b < 0 ? a : std::min(a, b); }

}  // namespace

FrameResult draw_app(const core::AppModel& app, core::TimePoint now, float dpr) {
    const auto brand = core::parse_hex_colour(app.config.branding.primary_color_hex);
    theme::configure(theme::Scheme::Light, brand ? std::optional(core::colour::from_hex(*brand)) : std::nullopt, 1.0f);
    theme::apply(dpr);
    set_receipt_note(core::receipt_note(app));
    FrameResult result;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##app", nullptr, flags);
    result.redraw_in_ms = draw_idle_countdown(app, now, result.shell_intents);
    if (app.stage != core::Stage::CheckIn) forget_checkin_text();
    switch (app.stage) {
        case core::Stage::LoadingConfig: draw_loading_screen(app); break;
        case core::Stage::CheckIn: draw_checkin_screen(app, result.shell_intents); break;
        case core::Stage::Attract: draw_attract_screen(app, result.shell_intents); break;
        case core::Stage::Preparing: draw_loading_screen(app); break;
        case core::Stage::Journey:
            draw_kiosk_guide(app);
            result.redraw_in_ms = min_redraw(result.redraw_in_ms, draw_journey(app, now, result));
            break;
    }
    ImGui::End();
    return result;
}

}  // namespace ui
