// The deployment's app around the journey (see deployment.hpp): the configuration at boot and the
// routing of events to the portal's and the kiosk's parts (portal_flow.cpp, kiosk_flow.cpp). The
// shell's own requests share the journey's id counter, so their answers never reach the journey.
#include "deployment.hpp"

#include <algorithm>

#include "core/api/api.hpp"
#include "shell.hpp"
#include "core/text/text.hpp"
#include "core/receipts/receipts.hpp"
#include "core/session/session.hpp"

namespace core::shell {

static void append(Run& r, std::vector<Effect> effects) {
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

Model fresh_journey(const AppModel& m) {
    Model j;
    j.next_request_id = m.journey.next_request_id;
    j.update_ready = m.update_ready;
    if (!m.config.languages.empty()) j.offered_languages = m.config.languages;
    // The check-in and attract screens speak before the journey boots: the browser's languages and
    // a language chosen on an earlier visit decide there too.
    j.browser_languages = m.boot.languages;
    if (const auto it = m.boot.stored.find(kKeyPreferences); it != m.boot.stored.end())
        j.prefs = decode_preferences(it->second);
    j.online = m.online;
    j.visible = m.visible;
    if (m.config.area) {
        j.map_box = *m.config.area;
        const auto& a = *m.config.area;
        // The map opens on the deployment's area (a saved camera from an earlier visit still wins).
        j.map.camera = geo::fit(j.map.camera, geo::Box{a.bottom_left_lat, a.bottom_left_lng, a.top_right_lat, a.top_right_lng});
    }
    j.scope.ids = m.config.location_ids;
    j.scope.private_access = m.config.mode == AppMode::Portal;
    j.directions.offered = m.config.mode != AppMode::Kiosk;
    j.directions.web_template = m.config.directions_url;
    return j;
}

void start_journey(Run& r, Boot boot) {
    r.m.journey = fresh_journey(r.m);
    r.m.stage = Stage::Journey;
    feed_journey(r, boot);
}

bool take_receipt_email(Run& r, const std::string& typed, bool remember) {
    r.m.receipt_email.clear();
    r.m.remember_email = false;
    const EmailCheck address = check_email(typed);
    if (address.problem == EmailProblem::Empty) return true;
    if (address.problem != EmailProblem::None) {
        r.m.message = UserMessage{address.problem == EmailProblem::TooLong ? Str::EmailTooLong : Str::EmailNotAddress, {}};
        return false;
    }
    r.m.receipt_email = address.address;
    r.m.remember_email = remember;
    return true;
}

void give_receipt_email(Run& r) {
    if (r.m.receipt_email.empty()) return;
    Model& j = r.m.journey;
    j.mail_when_ready = r.m.receipt_email;
    r.out.emplace_back(Persist{kKeyMailWhenReady, j.mail_when_ready});  // until that receipt is sent
    if (r.m.remember_email) {
        j.kept_email = j.mail_when_ready;
        j.remember_email = true;
        r.out.emplace_back(Persist{kKeyReceiptEmail, j.kept_email});
    }
    r.m.receipt_email.clear();
}

}  // namespace core::shell

namespace core {
namespace {

using namespace shell;

constexpr Millis kConfigRetry{2000};

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
            const std::string* active = stored(kKeyActiveSessions);
            if (token && active) {
                for (const auto& session : decode_active_sessions(*active))
                    send(r, stop_request(*token, session.id), kCleanupRequest);
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

// A guest at check-in or a kiosk visitor picks a language before any journey has booted: the
// choice goes where the journey's boot will read it, and is kept as the journey would keep it.
void choose_language(Run& r, const intent::ChooseLanguage& i) {
    if (r.m.stage == Stage::Journey) {
        feed_journey(r, UserIntent{i});
        return;
    }
    const auto& offered = r.m.journey.offered_languages;
    if (!i.code.empty() && std::find(offered.begin(), offered.end(), i.code) == offered.end()) return;
    const auto stored = r.m.boot.stored.find(kKeyPreferences);
    Preferences prefs = stored == r.m.boot.stored.end() ? Preferences{} : decode_preferences(stored->second);
    if (prefs.language == i.code) return;
    prefs.language = i.code;
    r.m.journey.prefs.language = i.code;
    const std::string text = encode_preferences(prefs);
    r.m.boot.stored[kKeyPreferences] = text;
    r.out.emplace_back(Persist{kKeyPreferences, text});
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
        r.m.journey = fresh_journey(r.m);  // the loading screen speaks the phone's language already
        request_config(r);
    } else if (const auto* a = std::get_if<HttpResponse>(&e)) {
        on_response(r, *a);
    } else if (const auto* i = std::get_if<UserIntent>(&e)) {
        on_user_intent(r, *i);
    } else if (std::get_if<UpdateReady>(&e)) {
        r.m.update_ready = true;
        feed_journey(r, e);  // the driver app and the portal offer it on their own screens
        // A kiosk takes it when nobody is using it: now on the attract screen, else at the next reset.
        if (r.m.config.mode == AppMode::Kiosk && r.m.stage == Stage::Attract) r.out.emplace_back(ApplyUpdate{});
    } else if (const auto* l = std::get_if<LanguagesChanged>(&e)) {
        r.m.boot.languages = l->languages;  // a journey not booted yet boots with them
        feed_journey(r, e);
    } else if (std::get_if<Tick>(&e)) {
        if (r.m.stage == Stage::LoadingConfig && r.m.pending.empty() && r.m.config_attempts) request_config(r);
        if (r.m.stage == Stage::Journey || r.m.stage == Stage::Preparing) feed_journey(r, e);
        on_kiosk_tick(r);
        if (r.m.stage == Stage::Journey) check_stay(r);
    } else {
        if (const auto* c = std::get_if<Connectivity>(&e)) r.m.online = c->online;
        if (const auto* v = std::get_if<Visibility>(&e)) r.m.visible = v->visible;
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
        else if (const auto* d = std::get_if<shell_intent::StartDemo>(s)) start_demo(r, *d);
        else if (const auto* a = std::get_if<shell_intent::ChargerAction>(s)) on_charger_action(r, *a);
        else if (const auto* l = std::get_if<intent::ChooseLanguage>(s)) choose_language(r, *l);
        else if (const auto* c = std::get_if<shell_intent::OpenContact>(s)) {
            if (auto url = contact_link(c->kind, c->written)) out.emplace_back(OpenLink{std::move(*url)});
        }
        // StillHere: touching was all it took
    } else if (std::get_if<Activity>(&event)) {
        touched(r);
    }
    advance_demo(r);
    follow_kiosk_step(r);
    return out;
}

}  // namespace core
