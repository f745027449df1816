// The demo kiosk's part of the deployment shell: a demo per visitor (fresh token, demo card, the
// demo charger), the charger-side controls, and the idle countdown that resets everything.
#include <algorithm>

#include "core/api/api.hpp"
#include "shell.hpp"
#include "core/text/text.hpp"

namespace core {
namespace shell {
namespace {

TimePoint idle_due(const AppModel& m) { return m.kiosk.last_activity + Millis{m.config.kiosk.idle_seconds * 1000LL}; }

bool kiosk_busy(const AppModel& m) {
    return m.config.mode == AppMode::Kiosk && (m.stage == Stage::Preparing || m.stage == Stage::Journey);
}

}  // namespace

void touched(Run& r) {
    if (r.m.config.mode != AppMode::Kiosk) return;
    r.m.kiosk.last_activity = r.now;
    r.m.kiosk.countdown_until.reset();
}

// Everything the visitor did is undone: the session stopped, the demo card removed, storage wiped.
void reset_kiosk(Run& r) {
    const Model& j = r.m.journey;
    for (const auto& session : j.sessions) send(r, stop_request(j.app_token, session.id), kCleanupRequest);
    for (const auto& pm : j.wallet) {
        HttpRequest q;
        q.method = "DELETE";
        q.path = "/api/payment/" + url_encode(j.app_token) + "/" + url_encode(pm.id);
        send(r, std::move(q), kCleanupRequest);
    }
    r.out.emplace_back(ClearStorage{});
    // A new version waiting is taken between visitors: the page reloads into it, already reset.
    if (r.m.update_ready) r.out.emplace_back(ApplyUpdate{});
    r.m.journey = fresh_journey(r.m);
    r.m.kiosk.countdown_until.reset();
    r.m.kiosk.card_requested = false;
    r.m.stage = Stage::Attract;
    r.m.message.reset();
    r.out.emplace_back(Announce{tr(Str::DemoRestarted)});
}

void start_demo(Run& r, const shell_intent::StartDemo& i) {
    if (r.m.stage != Stage::Attract) return;
    if (!take_receipt_email(r, i.email, false)) return;
    ++r.m.kiosk.demos;
    // A new anonymous token per visitor: nothing of one demo is visible to the next. It is
    // registered before the journey starts, so the journey's first wallet request finds it.
    std::string token = "app-" + r.m.boot.random_hex + "-" + std::to_string(r.m.kiosk.demos);
    r.m.stage = Stage::Preparing;
    r.m.kiosk.card_requested = false;
    r.m.message.reset();
    send(r, register_token_request(token), kDemoTokenRequest);
    r.m.kiosk.demo_token = std::move(token);
    touched(r);
    r.out.emplace_back(WakeAt{idle_due(r.m)});
}

void on_demo_token_answer(Run& r, const HttpResponse& a) {
    if (r.m.stage != Stage::Preparing || r.m.journey.booted) return;
    if (a.status < 200 || a.status >= 300) {
        r.m.stage = Stage::Attract;
        r.m.message = UserMessage{a.status == 0 ? Str::ErrorNetwork : Str::ErrorServer, {}};
        return;
    }
    r.out.emplace_back(Persist{kKeyAppToken, r.m.kiosk.demo_token});  // so a reload can stop the session
    Boot boot;
    boot.stored[kKeyAppToken] = r.m.kiosk.demo_token;
    start_journey(r, std::move(boot));
    give_receipt_email(r);
    r.m.stage = Stage::Preparing;
}

// The demo is ready once the token is registered and the demo card added: then the visitor
// starts at the demo's charger.
void advance_demo(Run& r) {
    if (r.m.config.mode != AppMode::Kiosk || r.m.stage != Stage::Preparing) return;
    Model& j = r.m.journey;
    if (!j.booted) return;
    if (!r.m.kiosk.card_requested) {
        if (!j.token_registered) return;
        r.m.kiosk.card_requested = true;
        feed_journey(r, UserIntent{intent::AddChargeCard{r.m.config.kiosk.demo_card}});
        return;
    }
    if (j.card_adding) return;
    r.m.stage = Stage::Journey;
    feed_journey(r, UserIntent{intent::OpenLocation{r.m.config.kiosk.location_id}});
}

void on_kiosk_tick(Run& r) {
    if (!kiosk_busy(r.m)) return;
    if (r.m.kiosk.countdown_until) {
        if (r.now >= *r.m.kiosk.countdown_until) reset_kiosk(r);
        else r.out.emplace_back(WakeAt{*r.m.kiosk.countdown_until});
        return;
    }
    const TimePoint due = idle_due(r.m);
    if (r.now < due) {
        r.out.emplace_back(WakeAt{due});  // someone touched since this was armed
        return;
    }
    r.m.kiosk.countdown_until = due + Millis{r.m.config.kiosk.countdown_seconds * 1000LL};
    r.out.emplace_back(WakeAt{*r.m.kiosk.countdown_until});
}

// The visitor plays the car of the demo's session: serve.py lets a session's own appToken (and only
// it) act on its EVSE as its car, so the token goes along as on the session endpoints.
void on_charger_action(Run& r, const shell_intent::ChargerAction& a) {
    if (r.m.config.mode != AppMode::Kiosk || r.m.stage != Stage::Journey) return;
    const Model& j = r.m.journey;
    const ActiveSession* shown = shown_session(j);
    if (!shown || shown->evse_uid.empty() || j.app_token.empty()) return;
    if (a.action != "plug" && a.action != "unplug" && a.action != "car_full") return;
    Json body = Json::object();
    body["evseUid"] = shown->evse_uid;
    body["action"] = a.action;
    body["lang"] = std::string(language_code(language()));  // a refusal comes worded in the app's language
    send(r, json_request("POST", "/sim/control?appToken=" + url_encode(j.app_token), body), kControlRequest);
}

// A charger-side refusal belongs to the step it was tried at: it goes once that step is done.
void clear_charger_refusal(Model& j) {
    if (j.message && (j.message->text == Str::ChargerActionRefused || j.message->text == Str::ErrorNetwork))
        j.message.reset();
}

void follow_kiosk_step(Run& r) {
    const int step = kiosk_step(r.m);
    if (step != r.m.kiosk.step) clear_charger_refusal(r.m.journey);
    r.m.kiosk.step = step;
}

void on_control_answer(Run& r, const HttpResponse& a) {
    Model& j = r.m.journey;
    if (a.status < 200 || a.status >= 300) {
        j.message = a.status == 0 ? UserMessage{Str::ErrorNetwork, {}}
                                  : UserMessage{Str::ChargerActionRefused, decode_error_message(a.body)};
        return;
    }
    clear_charger_refusal(j);
    // The charger changed: ask for the session's status now rather than at the next poll.
    if (!j.sessions.empty()) {
        for (auto& session : j.sessions) session.next_poll = r.now;
        feed_journey(r, Tick{});
    }
}

}  // namespace shell

int kiosk_step(const AppModel& m) {
    if (m.config.mode != AppMode::Kiosk || m.stage != Stage::Journey) return 0;
    const Model& j = m.journey;
    switch (j.screen) {
        case Screen::Map:
        case Screen::Location: return 1;
        case Screen::Price:
        case Screen::AddCard: return 2;
        case Screen::Session: {
            const ActiveSession* shown = shown_session(j);
            if (!shown || !shown->last) return 3;
            const SessionStatusCode st = shown->last->status;
            return st == SessionStatusCode::Charging || st == SessionStatusCode::Parking ||
                           st == SessionStatusCode::Stopping || st == SessionStatusCode::Completed
                       ? 4
                       : 3;
        }
        case Screen::Receipt: return 5;
        case Screen::Wallet:  // not steps of the demo's journey
        case Screen::History:
        case Screen::Scan:
        case Screen::ScanResult:
        case Screen::Settings:
        case Screen::Invoice:
        case Screen::Export: return 0;
    }
    return 0;
}

int kiosk_seconds_left(const AppModel& m, TimePoint now) {
    if (!m.kiosk.countdown_until) return -1;
    const auto left = std::chrono::duration_cast<Millis>(*m.kiosk.countdown_until - now).count();
    return static_cast<int>(std::max<int64_t>(0, (left + 999) / 1000));
}

}  // namespace core
