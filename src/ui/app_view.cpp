// Chooses the screen for the model and draws it in one full-window, undecorated ImGui window.
#include "app_view.hpp"

#include "imgui.h"
#include "screens.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace ui {

FrameResult draw_app(const core::Model& model, core::TimePoint now, float dpr) {
    theme::apply(dpr);
    FrameResult result;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##app", nullptr, flags);
    // The browser says there is no network: said on every screen, since every screen waits on it.
    if (!model.online) status_line(core::tr(core::Str::Offline));
    switch (model.screen) {
        case core::Screen::Map: draw_map_screen(model, result.intents); break;
        case core::Screen::Location: draw_location_screen(model, result.intents); break;
        case core::Screen::Price: draw_price_screen(model, result.intents); break;
        case core::Screen::AddCard: draw_add_card_screen(model, result.intents); break;
        case core::Screen::Session: result.redraw_in_ms = draw_session_screen(model, now, result.intents); break;
        case core::Screen::Receipt: draw_receipt_screen(model, result.intents); break;
        case core::Screen::Wallet: draw_wallet_screen(model, result.intents); break;
        case core::Screen::History: draw_history_screen(model, result.intents); break;
    }
    ImGui::End();
    return result;
}

}  // namespace ui
