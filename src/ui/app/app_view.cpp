// Chooses the screen for the model and draws it in one undecorated ImGui window (the whole display,
// or a centred column on wide displays): the deployment's own screens (check-in, attract) or the
// journey's, with the kiosk's pieces around and the running session's bar below.
#include "app.hpp"

#include <algorithm>
#include <cmath>

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
    // The browser says there is no network: said on every screen, since every screen waits on it
    // (the map says it in its own status line, "Offline: showing the chargers already loaded.").
    const core::Str note = core::offline_note(model);
    const bool map_says_it = model.screen == core::Screen::Map && !scoped && note == core::Str::OfflineIdle;
    if (note != core::Str::None && !map_says_it) notice_strip(kIconCloudOff, core::tr(note));
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
        case core::Screen::Settings: draw_settings_screen(model, result.intents); break;
        case core::Screen::Invoice: draw_invoice_screen(model, result.intents); break;
        case core::Screen::Export: draw_export_screen(model, result.intents); break;
    }
    if (model.screen == core::Screen::Session && app.config.mode == core::AppMode::Kiosk)
        draw_charger_controls(app, result.shell_intents);
    return redraw;
}

int min_redraw(int a, int b) { return a < 0 ? b : b < 0 ? a : std::min(a, b); }

theme::Scheme scheme_for(const core::Preferences& prefs, bool system_dark) {
    switch (prefs.theme) {
        case core::ThemeChoice::Light: return theme::Scheme::Light;
        case core::ThemeChoice::Dark: return theme::Scheme::Dark;
        case core::ThemeChoice::System: break;
    }
    return system_dark ? theme::Scheme::Dark : theme::Scheme::Light;
}

// The map (and a deployment's charger list) use the whole display; every other screen is a column:
// the whole width on a phone held upright, a centred column on anything wider.
bool full_width(const core::AppModel& app) {
    return app.stage == core::Stage::Journey && app.journey.screen == core::Screen::Map;
}

}  // namespace

FrameResult draw_app(const core::AppModel& app, core::TimePoint now, float dpr, bool system_dark) {
    const auto brand = core::parse_hex_colour(app.config.branding.primary_color_hex);
    const core::Preferences& prefs = app.journey.prefs;
    theme::configure(scheme_for(prefs, system_dark), brand ? std::optional(core::colour::from_hex(*brand)) : std::nullopt,
                     static_cast<float>(prefs.text_percent) / 100.0f);
    theme::apply(dpr);
    set_receipt_note(core::receipt_note(app));
    FrameResult result;
    const ImGuiIO& io = ImGui::GetIO();
    ImVec2 pos(0, 0), size = io.DisplaySize;
    if (!full_width(app) && layout::side_by_side()) {
        size.x = layout::column_width();
        pos.x = std::floor((io.DisplaySize.x - size.x) * 0.5f);
        ImDrawList* back = ImGui::GetBackgroundDrawList();
        back->AddRectFilled(ImVec2(0, 0), io.DisplaySize, theme::colour(theme::Role::SurfaceSunken));
        theme::shadow(back, pos, ImVec2(pos.x + size.x, pos.y + size.y), theme::Elevation::Raised, 0);
    }
    const bool in_journey = app.stage == core::Stage::Journey;
    const float bar_h = in_journey ? session_bar_height(app.journey) : 0;
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(ImVec2(size.x, size.y - bar_h));
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
    if (bar_h > 0) {
        // The running session, one tap away on every other screen; its cost moves by itself.
        ImGui::SetNextWindowPos(ImVec2(pos.x, pos.y + size.y - bar_h));
        ImGui::SetNextWindowSize(ImVec2(size.x, bar_h));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::space(theme::Space::L), theme::space(theme::Space::S)));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::colour(theme::Role::SurfaceRaised));
        ImGui::Begin("##session_bar", nullptr, flags | ImGuiWindowFlags_NoScrollbar);
        draw_session_bar(app.journey, now, result.intents);
        ImGui::End();
        ImGui::PopStyleColor();
        ImGui::PopStyleVar();
        result.redraw_in_ms = min_redraw(result.redraw_in_ms, 1000);
    }
    return result;
}

}  // namespace ui
