// The deployment's app around the journey (see deployment.hpp). The shell's own requests share the
// journey's id counter, so their answers are told apart by id and never reach the journey.
#include "deployment.hpp"

#include <algorithm>

#include "api_codec.hpp"
#include "api_requests.hpp"
#include "json_read.hpp"
#include "locale_format.hpp"
#include "session_store.hpp"

namespace core {
namespace {

constexpr const char* kConfigRequest = "config";
constexpr const char* kCheckInRequest = "checkin";
constexpr const char* kCleanupRequest = "cleanup";
constexpr const char* kControlRequest = "control";
constexpr const char* kDemoTokenRequest = "demo-token";
constexpr Millis kConfigRetry{2000};

struct Run {
    AppModel& m;
    TimePoint now;
    std::vector<Effect>& out;
};

void append(Run& r, std::vector<Effect> effects) {
    for (auto& e : effects) r.out.push_back(std::move(e));
}

void feed_journey(Run& r, const Event& event) { append(r, update(r.m.journey, event, r.now)); }

void send(Run& r, HttpRequest request, const char* what) {
    request.id = r.m.journey.next_request_id++;
    r.m.pending[request.id] = what;
    r.out.emplace_back(std::move(request));
}

HttpRequest json_request(const char* method, std::string path, const Json& body) {
    HttpRequest q;
    q.method = method;
    q.path = std::move(path);
    q.headers = {{"Accept", "application/json"}, {"Content-Type", "application/json"}};
    q.body = dump_json(body);
    q.timeout_ms = 15000;
    return q;
}

// A journey model set up for this deployment; request ids go on from the old one, so late answers
// to the old journey's requests cannot be taken for the new one's.
Model fresh_journey(const AppModel& m) {
    Model j;
    j.next_request_id = m.journey.next_request_id;
    if (m.config.area) j.map_box = *m.config.area;
    j.scope.ids = m.config.location_ids;
    j.scope.private_access = m.config.mode == AppMode::Portal;
    return j;
}

void start_journey(Run& r, Boot boot) {
    r.m.journey = fresh_journey(r.m);
    r.m.stage = Stage::Journey;
    feed_journey(r, boot);
}

// ---- portal -------------------------------------------------------------------------------

void to_check_in(Run& r, std::optional<UserMessage> why) {
    r.m.guest.reset();
    r.m.journey = fresh_journey(r.m);
    r.m.stage = Stage::CheckIn;
    r.m.message = std::move(why);
    r.out.emplace_back(ClearStorage{});
}

void admit_guest(Run& r, GuestStay stay, bool store) {
    if (store) r.out.emplace_back(Persist{kKeyPortalGuest, encode_guest(stay)});
    Boot boot = r.m.boot;
    boot.stored.clear();
    boot.stored[kKeyAppToken] = stay.app_token;
    // a session the guest started before a reload is resumed
    for (const char* key : {kKeyActiveSession, kKeyLastStatus})
        if (auto it = r.m.boot.stored.find(key); it != r.m.boot.stored.end() && !store) boot.stored[key] = it->second;
    r.m.guest = std::move(stay);
    r.m.message.reset();
    start_journey(r, std::move(boot));
    r.out.emplace_back(WakeAt{r.m.guest->valid_until + Millis{1}});
}

void on_check_in(Run& r, const shell_intent::CheckIn& i) {
    if (r.m.checking_in || r.m.stage != Stage::CheckIn) return;
    auto trimmed = [](const std::string& s) {
        const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    const std::string room = trimmed(i.room), surname = trimmed(i.surname), reference = trimmed(i.booking_reference);
    if (reference.empty() && (room.empty() || surname.empty())) {
        r.m.message = UserMessage{Str::CheckInIncomplete, {}};
        return;
    }
    if (room.size() > kMaxRoomText || surname.size() > kMaxGuestText || reference.size() > kMaxGuestText) {
        r.m.message = UserMessage{Str::GuestTextTooLong, {}};
        return;
    }
    Json body = Json::object();
    if (!reference.empty()) {
        body["bookingReference"] = reference;
    } else {
        body["room"] = room;
        body["surname"] = surname;
    }
    r.m.message.reset();
    r.m.checking_in = true;
    send(r, json_request("POST", "/portal/checkin", body), kCheckInRequest);
}

void on_check_in_answer(Run& r, const HttpResponse& a) {
    r.m.checking_in = false;
    ReadLog log;
    const auto json = parse_json(a.body, log);
    const Json empty = Json::object();
    const FieldReader f(json && json->is_object() ? *json : empty, "checkin", log);
    if (a.status == 200) {
        GuestStay g;
        g.app_token = f.string_or("appToken");
        g.payment_method_id = f.string_or("paymentMethodId");
        g.room = f.string_or("room");
        g.arrival = f.string_or("arrival");
        g.departure = f.string_or("departure");
        const auto until = f.opt_time("validUntil");
        if (g.app_token.empty() || !until) {
            r.m.message = UserMessage{Str::ErrorBadData, {}};
            return;
        }
        g.valid_until = *until;
        admit_guest(r, std::move(g), true);
        return;
    }
    const std::string code = f.string_or("code");
    if (a.status == 0) r.m.message = UserMessage{Str::ErrorNetwork, {}};
    else if (a.status == 404) r.m.message = UserMessage{Str::GuestNotFound, {}};
    else if (a.status == 429) r.m.message = UserMessage{Str::TooManyAttempts, f.string_or("message")};
    else if (code == "STAY_NOT_STARTED")
        r.m.message = UserMessage{Str::StayNotStarted, format_calendar_day(f.string_or("arrival"))};
    else if (code == "STAY_ENDED")
        r.m.message = UserMessage{Str::StayEnded, format_calendar_day(f.string_or("departure"))};
    else
        r.m.message = UserMessage{a.status >= 500 ? Str::ErrorServer : Str::CheckInIncomplete,
                                  decode_error_message(a.body)};
}

// The stay is over: back to the check-in, unless the guest still has a session running (it ends
// as usual; only new starts are refused by the server).
void check_stay(Run& r) {
    if (!r.m.guest || r.now <= r.m.guest->valid_until || r.m.journey.session) return;
    const std::string day = r.m.guest->departure;
    to_check_in(r, UserMessage{Str::StayEnded, format_calendar_day(day)});
}

// ---- kiosk --------------------------------------------------------------------------------

TimePoint idle_due(const AppModel& m) { return m.kiosk.last_activity + Millis{m.config.kiosk.idle_seconds * 1000LL}; }

bool kiosk_busy(const AppModel& m) {
    return m.config.mode == AppMode::Kiosk && (m.stage == Stage::Preparing || m.stage == Stage::Journey);
}

void touched(Run& r) {
    if (r.m.config.mode != AppMode::Kiosk) return;
    r.m.kiosk.last_activity = r.now;
    r.m.kiosk.countdown_until.reset();
}

// Everything the visitor did is undone: the session stopped, the demo card removed, storage wiped.
void reset_kiosk(Run& r) {
    const Model& j = r.m.journey;
    if (j.session) send(r, stop_request(j.app_token, j.session->id), kCleanupRequest);
    for (const auto& pm : j.wallet) {
        HttpRequest q;
        q.method = "DELETE";
        q.path = "/api/payment/" + url_encode(j.app_token) + "/" + url_encode(pm.id);
        send(r, std::move(q), kCleanupRequest);
    }
    r.out.emplace_back(ClearStorage{});
    r.m.journey = fresh_journey(r.m);
    r.m.kiosk.countdown_until.reset();
    r.m.kiosk.card_requested = false;
    r.m.stage = Stage::Attract;
    r.m.message.reset();
    r.out.emplace_back(Announce{tr(Str::DemoRestarted)});
}

void start_demo(Run& r) {
    if (r.m.stage != Stage::Attract) return;
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

void on_charger_action(Run& r, const shell_intent::ChargerAction& a) {
    if (r.m.config.mode != AppMode::Kiosk || r.m.stage != Stage::Journey) return;
    const Model& j = r.m.journey;
    const std::string evse = j.session ? j.session->evse_uid : j.chosen_evse_uid;
    if (evse.empty() || (a.action != "plug" && a.action != "unplug" && a.action != "car_full")) return;
    Json body = Json::object();
    body["evseUid"] = evse;
    body["action"] = a.action;
    send(r, json_request("POST", "/sim/control", body), kControlRequest);
}

void on_control_answer(Run& r, const HttpResponse& a) {
    Model& j = r.m.journey;
    if (a.status < 200 || a.status >= 300) {
        j.message = a.status == 0 ? UserMessage{Str::ErrorNetwork, {}}
                                  : UserMessage{Str::ChargerActionRefused, decode_error_message(a.body)};
        return;
    }
    // The charger changed: ask for the session's status now rather than at the next poll.
    if (j.session) {
        j.session->next_poll = r.now;
        feed_journey(r, Tick{});
    }
}

// ---- config -------------------------------------------------------------------------------

void apply_config(Run& r) {
    r.m.journey = fresh_journey(r.m);
    const auto stored = [&](const char* key) -> const std::string* {
        const auto it = r.m.boot.stored.find(key);
        return it == r.m.boot.stored.end() ? nullptr : &it->second;
    };
    switch (r.m.config.mode) {
        case AppMode::Driver: start_journey(r, r.m.boot); break;
        case AppMode::Portal: {
            const std::string* text = stored(kKeyPortalGuest);
            auto stay = text ? decode_guest(*text) : std::nullopt;
            if (stay && r.now <= stay->valid_until) {
                admit_guest(r, std::move(*stay), false);
            } else if (stay) {
                to_check_in(r, UserMessage{Str::StayEnded, format_calendar_day(stay->departure)});
            } else {
                // a driver's leftovers (or a broken guest record) have no place in a hotel's portal
                if (!r.m.boot.stored.empty()) r.out.emplace_back(ClearStorage{});
                r.m.stage = Stage::CheckIn;
            }
            break;
        }
        case AppMode::Kiosk: {
            // A reload mid-demo (a crash, a power cut) is a reset: stop what the last visitor left.
            const std::string* token = stored(kKeyAppToken);
            const std::string* active = stored(kKeyActiveSession);
            if (token && active) {
                if (auto session = decode_active_session(*active))
                    send(r, stop_request(*token, session->id), kCleanupRequest);
            }
            if (!r.m.boot.stored.empty()) r.out.emplace_back(ClearStorage{});
            r.m.stage = Stage::Attract;
            break;
        }
    }
}

void on_config_answer(Run& r, const HttpResponse& a) {
    if (a.status == 200) {
        auto decoded = decode_deploy_config(a.body);
        if (decoded.ok()) {
            r.m.config = std::move(*decoded.value);
            apply_config(r);
            return;
        }
    } else if ((a.status == 0 || a.status >= 500) && ++r.m.config_attempts < kConfigAttempts) {
        r.out.emplace_back(WakeAt{r.now + kConfigRetry * r.m.config_attempts});
        return;
    }
    // Static hosting without serve.py (404), or an unreadable answer: the plain driver app.
    r.m.config = DeployConfig{};
    apply_config(r);
}

void request_config(Run& r) {
    HttpRequest q;
    q.method = "GET";
    q.path = "/config.json";
    q.headers = {{"Accept", "application/json"}};
    q.timeout_ms = 8000;
    send(r, std::move(q), kConfigRequest);
}

// ---- dispatch -----------------------------------------------------------------------------

void on_response(Run& r, const HttpResponse& a) {
    const auto it = r.m.pending.find(a.request_id);
    if (it == r.m.pending.end()) {
        if (r.m.stage == Stage::Journey || r.m.stage == Stage::Preparing) feed_journey(r, a);
        return;
    }
    const std::string what = it->second;
    r.m.pending.erase(it);
    if (what == kConfigRequest) on_config_answer(r, a);
    else if (what == kCheckInRequest) on_check_in_answer(r, a);
    else if (what == kControlRequest) on_control_answer(r, a);
    else if (what == kDemoTokenRequest) on_demo_token_answer(r, a);
    // cleanup answers need nothing: the kiosk has moved on
}

void on_user_intent(Run& r, const UserIntent& i) {
    if (r.m.stage != Stage::Journey) return;
    touched(r);
    // A kiosk's receipt ends the demo: Done resets everything for the next visitor.
    if (std::get_if<intent::Finish>(&i) && r.m.config.mode == AppMode::Kiosk) {
        reset_kiosk(r);
        return;
    }
    feed_journey(r, i);
}

void on_event(Run& r, const Event& e) {
    if (const auto* boot = std::get_if<Boot>(&e)) {
        if (r.m.stage != Stage::LoadingConfig || !r.m.pending.empty() || r.m.config_attempts) return;
        r.m.boot = *boot;
        request_config(r);
    } else if (const auto* a = std::get_if<HttpResponse>(&e)) {
        on_response(r, *a);
    } else if (const auto* i = std::get_if<UserIntent>(&e)) {
        on_user_intent(r, *i);
    } else if (std::get_if<Tick>(&e)) {
        if (r.m.stage == Stage::LoadingConfig && r.m.pending.empty() && r.m.config_attempts) request_config(r);
        if (r.m.stage == Stage::Journey || r.m.stage == Stage::Preparing) feed_journey(r, e);
        on_kiosk_tick(r);
        if (r.m.stage == Stage::Journey) check_stay(r);
    } else {
        // events other parts add (a scanned code...) belong to the journey
        if (r.m.stage == Stage::Journey) feed_journey(r, e);
    }
}

}  // namespace

std::vector<Effect> update_app(AppModel& model, const AppEvent& event, TimePoint now) {
    std::vector<Effect> out;
    Run r{model, now, out};
    if (const auto* e = std::get_if<Event>(&event)) {
        on_event(r, *e);
    } else if (const auto* s = std::get_if<ShellIntent>(&event)) {
        touched(r);
        if (const auto* c = std::get_if<shell_intent::CheckIn>(s)) on_check_in(r, *c);
        else if (std::get_if<shell_intent::StartDemo>(s)) start_demo(r);
        else if (const auto* a = std::get_if<shell_intent::ChargerAction>(s)) on_charger_action(r, *a);
        // StillHere: touching was all it took
    } else if (std::get_if<Activity>(&event)) {
        touched(r);
    }
    advance_demo(r);
    return out;
}

int kiosk_step(const AppModel& m) {
    if (m.config.mode != AppMode::Kiosk || m.stage != Stage::Journey) return 0;
    const Model& j = m.journey;
    switch (j.screen) {
        case Screen::Map:
        case Screen::Location: return 1;
        case Screen::Price:
        case Screen::AddCard: return 2;
        case Screen::Session: {
            if (!j.session || !j.session->last) return 3;
            const SessionStatusCode st = j.session->last->status;
            return st == SessionStatusCode::Charging || st == SessionStatusCode::Parking ||
                           st == SessionStatusCode::Stopping || st == SessionStatusCode::Completed
                       ? 4
                       : 3;
        }
        case Screen::Receipt: return 5;
    }
    return 0;
}

int kiosk_seconds_left(const AppModel& m, TimePoint now) {
    if (!m.kiosk.countdown_until) return -1;
    const auto left = std::chrono::duration_cast<Millis>(*m.kiosk.countdown_until - now).count();
    return static_cast<int>(std::max<int64_t>(0, (left + 999) / 1000));
}

std::string receipt_note(const AppModel& m) {
    if (m.config.mode != AppMode::Portal || !m.guest || m.guest->room.empty()) return {};
    return tr_format(Str::ChargedToRoom, {m.guest->room});
}

std::string encode_guest(const GuestStay& g) {
    Json j = Json::object();
    j["appToken"] = g.app_token;
    j["paymentMethodId"] = g.payment_method_id;
    j["room"] = g.room;
    j["arrival"] = g.arrival;
    j["departure"] = g.departure;
    j["validUntil"] = format_iso8601_utc(g.valid_until);
    return dump_json(j);
}

std::optional<GuestStay> decode_guest(std::string_view stored) {
    ReadLog log;
    const auto json = parse_json(stored, log);
    if (!json) return std::nullopt;
    const FieldReader f(*json, "guest", log);
    GuestStay g;
    g.app_token = f.string_or("appToken");
    g.payment_method_id = f.string_or("paymentMethodId");
    g.room = f.string_or("room");
    g.arrival = f.string_or("arrival");
    g.departure = f.string_or("departure");
    const auto until = f.opt_time("validUntil");
    if (g.app_token.empty() || !until) return std::nullopt;
    g.valid_until = *until;
    return g;
}

}  // namespace core
