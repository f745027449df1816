// The charge journey's rules: each event moves the Model and yields the effects to run.
// Superseded requests are dropped from `pending`, so their late answers are ignored like unknown ids.
#include "journey.hpp"

#include <algorithm>
#include <cstdint>

#include "api_codec.hpp"
#include "api_requests.hpp"
#include "json_read.hpp"
#include "labels.hpp"
#include "map_controller.hpp"
#include "session_store.hpp"

namespace core {
namespace {

struct Step {
    Model& m;
    TimePoint now;
    std::vector<Effect>& out;
};

bool is_success(int status) { return status >= 200 && status < 300; }

const Evse* find_evse(const Location& l, std::string_view uid) {
    for (const auto& e : l.evses)
        if (e.uid == uid) return &e;
    return nullptr;
}

const Connector* find_connector(const Evse& e, std::string_view id) {
    for (const auto& c : e.connectors)
        if (c.id == id) return &c;
    return nullptr;
}

bool in_flight(const Model& m, RequestKind kind) {
    return std::any_of(m.pending.begin(), m.pending.end(), [&](const auto& p) { return p.second.kind == kind; });
}

// Forgets earlier requests of this kind: a newer one replaces them, and their answers are stale.
void forget(Model& m, RequestKind kind) {
    for (auto it = m.pending.begin(); it != m.pending.end();)
        it = it->second.kind == kind ? m.pending.erase(it) : std::next(it);
}

void send(Step& s, HttpRequest request, RequestKind kind, std::string context = {}) {
    request.id = s.m.next_request_id++;
    s.m.pending[request.id] = PendingRequest{kind, std::move(context)};
    s.out.emplace_back(std::move(request));
}

void persist(Step& s, const char* key, std::optional<std::string> value) {
    s.out.emplace_back(Persist{key, std::move(value)});
}

void announce(Step& s, std::string text) { s.out.emplace_back(Announce{std::move(text)}); }

// The words for a failed request: no answer at all is a network problem; otherwise `what`
// went wrong, with the service's own explanation when it gave one.
UserMessage failure(const HttpResponse& r, Str what) {
    if (r.status == 0) return {Str::ErrorNetwork, {}};
    return {what, decode_error_message(r.body)};
}

// The token is registered at boot; if that failed, it is registered again (idempotent PUT)
// before a request that needs it.
void ensure_registered(Step& s) {
    if (!s.m.token_registered && !in_flight(s.m, RequestKind::RegisterToken))
        send(s, register_token_request(s.m.app_token), RequestKind::RegisterToken);
}

void fetch_wallet(Step& s) {
    forget(s.m, RequestKind::Wallet);
    send(s, wallet_request(s.m.app_token), RequestKind::Wallet);
}

void fetch_default_tariff(Step& s) {
    forget(s.m, RequestKind::DefaultTariff);
    s.m.default_tariff_loading = true;
    send(s, default_tariff_request(s.m.location->id, s.m.chosen_evse_uid, s.m.chosen_connector_id),
         RequestKind::DefaultTariff);
}

void fetch_tariff(Step& s) {
    forget(s.m, RequestKind::Tariff);
    s.m.tariff_refresh_at.reset();
    s.m.tariffs_loading = true;
    send(s, tariff_request(s.m.app_token, s.m.location->id, s.m.chosen_evse_uid, s.m.chosen_connector_id),
         RequestKind::Tariff);
}

// Keeps the driver's choice while it stays usable; otherwise the first usable method.
void choose_payment(Model& m) {
    const WalletTariffItem* current = chosen_tariff_item(m);
    if (current != nullptr && payment_usable(*current)) return;
    m.chosen_payment_method_id.clear();
    for (const auto& item : m.tariffs) {
        if (payment_usable(item)) {
            m.chosen_payment_method_id = item.payment_method.id;
            return;
        }
    }
}

void clear_message_if(Model& m, Str text) {
    if (m.message && m.message->text == text) m.message.reset();
}

// ---- session polling ----------------------------------------------------------------------

void wake_for_poll(Step& s, Millis delay) {
    s.m.session->next_poll = s.now + delay;
    s.out.emplace_back(WakeAt{s.m.session->next_poll});
}

void poll(Step& s) {
    if (!s.m.session || in_flight(s.m, RequestKind::Status)) return;
    send(s, status_request(s.m.app_token, s.m.session->id), RequestKind::Status, s.m.session->id);
}

// After a good status: every 3 s while starting or stopping; while charging, when the service
// proposes (nextStatusCall), kept within [2 s, 30 s] so a skewed or far-off time cannot stall us.
Millis delay_after(const ActiveSession& session, TimePoint now) {
    const SessionStatus& st = *session.last;
    const bool running = st.status == SessionStatusCode::Charging || st.status == SessionStatusCode::Parking;
    if (session.stop_requested || !running || !st.next_status_call) return kPollInterval;
    return std::clamp(std::chrono::duration_cast<Millis>(*st.next_status_call - now), kPollMin, kPollMax);
}

// After a failed poll: 3 s, 6 s, 12 s ... capped at 30 s, less up to 10 % of jitter. The jitter
// comes from the app token (random per phone) and the request id, not from a clock or rand(),
// so phones that lost the network together spread out and tests stay reproducible.
Millis backoff(int failures, int request_id, std::string_view app_token) {
    const int doublings = std::min(failures - 1, 4);
    const int64_t base = std::min<int64_t>(kPollInterval.count() << doublings, kPollMax.count());
    uint32_t hash = 2166136261u;  // FNV-1a
    for (const char c : app_token) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    hash = (hash ^ static_cast<uint32_t>(request_id)) * 2654435761u;
    return Millis{base - base * ((hash >> 16) % 100) / 1000};
}

bool session_over(const ActiveSession& session, TimePoint now) {
    if (!session.last) return false;
    if (is_final(session.last->status)) return true;
    return session.last->status == SessionStatusCode::Completed && session.completed_since &&
           now - *session.completed_since >= kCompletedGrace;
}

void end_session(Step& s) {
    const SessionStatusCode code = s.m.session->last ? s.m.session->last->status : SessionStatusCode::Unknown;
    s.m.receipt = s.m.session->last;
    s.m.session.reset();
    forget(s.m, RequestKind::Status);
    forget(s.m, RequestKind::Stop);
    s.m.screen = Screen::Receipt;
    clear_message_if(s.m, Str::ErrorPollFailed);
    persist(s, kKeyActiveSession, std::nullopt);
    persist(s, kKeyLastStatus, std::nullopt);
    if (code == SessionStatusCode::CdrAvailable || code == SessionStatusCode::Completed)
        announce(s, tr(Str::ReceiptReady));
}

void apply_status(Step& s, SessionStatus status, const std::string& body) {
    ActiveSession& session = *s.m.session;
    const bool changed = !session.last || session.last->status != status.status ||
                         session.last->status_raw != status.status_raw;
    if (status.status == SessionStatusCode::Completed && !session.completed_since) session.completed_since = s.now;
    session.last = std::move(status);
    session.last_update = s.now;
    session.consecutive_failures = 0;
    session.consecutive_client_errors = 0;
    clear_message_if(s.m, Str::ErrorPollFailed);
    if (changed) announce(s, session_status_text(*session.last));
    if (session_over(session, s.now)) {
        end_session(s);
        return;
    }
    persist(s, kKeyLastStatus, body);
    wake_for_poll(s, delay_after(session, s.now));
}

void poll_failed(Step& s, const HttpResponse& r, UserMessage message) {
    ActiveSession& session = *s.m.session;
    ++session.consecutive_failures;
    const bool client_error = r.status >= 400 && r.status < 500;
    session.consecutive_client_errors = client_error ? session.consecutive_client_errors + 1 : 0;
    if (session.consecutive_client_errors >= kMaxClientErrors) {
        // The service keeps saying it does not know this session: stop waiting for it rather
        // than leave the driver on a session screen with no way out.
        s.m.session.reset();
        forget(s.m, RequestKind::Stop);
        s.m.screen = Screen::Map;
        s.m.message = UserMessage{Str::ErrorSessionLost, decode_error_message(r.body)};
        persist(s, kKeyActiveSession, std::nullopt);
        persist(s, kKeyLastStatus, std::nullopt);
        return;
    }
    s.m.message = std::move(message);
    wake_for_poll(s, backoff(session.consecutive_failures, r.request_id, s.m.app_token));
}

// ---- responses ----------------------------------------------------------------------------

void on_register(Step& s, const HttpResponse& r) {
    if (!is_success(r.status)) return;  // retried before the next request that needs it
    s.m.token_registered = true;
    // A wallet asked for before the token existed may have been refused; ask again.
    if (!s.m.wallet_loaded && !in_flight(s.m, RequestKind::Wallet)) fetch_wallet(s);
}

void on_wallet(Step& s, const HttpResponse& r) {
    if (!is_success(r.status)) return;  // the price screen lists methods from the tariff answer too
    auto decoded = decode_wallet(r.body);
    if (!decoded.ok()) return;
    s.m.wallet = std::move(*decoded.value);
    s.m.wallet_loaded = true;
}

void on_location(Step& s, const HttpResponse& r) {
    s.m.location_loading = false;
    auto decoded = is_success(r.status) ? decode_location(r.body) : Decoded<Location>{};
    if (!decoded.ok()) {
        s.m.message = is_success(r.status) ? UserMessage{Str::ErrorLocation, {}} : failure(r, Str::ErrorLocation);
        if (s.m.screen == Screen::Location) s.m.screen = Screen::Map;
        return;
    }
    s.m.location = std::move(*decoded.value);
}

void on_tariff(Step& s, const HttpResponse& r) {
    s.m.tariffs_loading = false;
    if (!is_success(r.status)) {
        s.m.message = failure(r, Str::ErrorPrice);
        return;
    }
    auto decoded = decode_tariff_items(r.body);
    if (!decoded.ok()) {
        s.m.message = UserMessage{Str::ErrorPrice, {}};
        return;
    }
    s.m.tariffs = std::move(*decoded.value);
    choose_payment(s.m);
    // A card still being verified gets its price once verified: ask again shortly.
    const WalletTariffItem* chosen = chosen_tariff_item(s.m);
    if (chosen != nullptr && chosen->payment_method.verification == VerificationStatus::Pending &&
        s.m.screen == Screen::Price) {
        s.m.tariff_refresh_at = s.now + kTariffRefresh;
        s.out.emplace_back(WakeAt{*s.m.tariff_refresh_at});
    }
}

void on_default_tariff(Step& s, const HttpResponse& r) {
    s.m.default_tariff_loading = false;
    // 404 means no published price; the per-payment-method answer may still carry one.
    auto decoded = is_success(r.status) ? decode_default_tariff(r.body) : Decoded<Tariff>{};
    if (decoded.ok()) s.m.default_tariff = std::move(*decoded.value);
}

void on_add_card(Step& s, const HttpResponse& r) {
    s.m.card_adding = false;
    if (!is_success(r.status)) {
        s.m.message = failure(r, r.status >= 500 ? Str::ErrorServer : Str::ErrorCardRejected);
        return;
    }
    auto decoded = decode_payment_method(r.body);
    if (decoded.ok()) {
        s.m.chosen_payment_method_id = decoded.value->id;
        auto same = [&](const PaymentMethod& p) { return p.id == decoded.value->id; };
        s.m.wallet.erase(std::remove_if(s.m.wallet.begin(), s.m.wallet.end(), same), s.m.wallet.end());
        s.m.wallet.push_back(std::move(*decoded.value));
    } else {
        s.m.message = UserMessage{Str::ErrorBadData, {}};
    }
    // The card is in the wallet now; the price per payment method depends on it.
    fetch_wallet(s);
    if (chosen_connector(s.m) != nullptr) {
        fetch_tariff(s);
        s.m.screen = Screen::Price;
    } else {
        s.m.screen = Screen::Map;
    }
}

// The start's target travels with the request: the driver may look elsewhere meanwhile.
std::string start_context(const Model& m) {
    Json j = Json::array({m.location->id, m.chosen_evse_uid, m.chosen_connector_id});
    return dump_json(j);
}

void on_start(Step& s, const HttpResponse& r, const std::string& context) {
    s.m.start_in_flight = false;
    if (!is_success(r.status)) {
        s.m.message = failure(r, Str::ErrorStartFailed);
        return;
    }
    auto decoded = decode_start_result(r.body);
    const Json target = Json::parse(context, nullptr, false);
    if (!decoded.ok() || !target.is_array() || target.size() != 3) {
        s.m.message = UserMessage{Str::ErrorStartFailed, {}};
        return;
    }
    ActiveSession session;
    session.id = decoded.value->charge_session_id;
    session.location_id = target[0].is_string() ? target[0].get<std::string>() : std::string();
    session.evse_uid = target[1].is_string() ? target[1].get<std::string>() : std::string();
    session.connector_id = target[2].is_string() ? target[2].get<std::string>() : std::string();
    session.next_poll = s.now;
    s.m.session = std::move(session);
    s.m.screen = Screen::Session;
    s.m.message.reset();
    persist(s, kKeyActiveSession, encode_active_session(*s.m.session));
    persist(s, kKeyLastStatus, std::nullopt);
    announce(s, tr(Str::SessionRequested));
    poll(s);
}

void on_status(Step& s, const HttpResponse& r, const std::string& session_id) {
    if (!s.m.session || s.m.session->id != session_id) return;
    if (!is_success(r.status)) {
        // The session runs on at the charger whatever the network does; the words say so.
        poll_failed(s, r, {Str::ErrorPollFailed, r.status == 0 ? std::string() : decode_error_message(r.body)});
        return;
    }
    auto decoded = decode_session_status(r.body);
    if (!decoded.ok()) {
        poll_failed(s, r, {Str::ErrorBadData, {}});
        return;
    }
    apply_status(s, std::move(*decoded.value), r.body);
}

void on_stop(Step& s, const HttpResponse& r, const std::string& session_id) {
    if (!s.m.session || s.m.session->id != session_id) return;
    if (!is_success(r.status)) {
        s.m.session->stop_requested = false;
        s.m.message = UserMessage{Str::ErrorStopFailed, r.status == 0 ? std::string() : decode_error_message(r.body)};
        return;
    }
    // The stop answers with a status; it may already be the final one (CDR_AVAILABLE).
    auto decoded = decode_session_status(r.body);
    if (decoded.ok()) {
        apply_status(s, std::move(*decoded.value), r.body);
    } else if (!in_flight(s.m, RequestKind::Status)) {
        wake_for_poll(s, kPollInterval);
    }
}

void on_response(Step& s, const HttpResponse& r) {
    const auto it = s.m.pending.find(r.request_id);
    if (it == s.m.pending.end()) return;  // unknown, superseded or from before a reload
    const PendingRequest request = std::move(it->second);
    s.m.pending.erase(it);
    switch (request.kind) {
        case RequestKind::RegisterToken: on_register(s, r); break;
        case RequestKind::Wallet: on_wallet(s, r); break;
        case RequestKind::Location: on_location(s, r); break;
        case RequestKind::Tariff: on_tariff(s, r); break;
        case RequestKind::DefaultTariff: on_default_tariff(s, r); break;
        case RequestKind::AddCard: on_add_card(s, r); break;
        case RequestKind::Start: on_start(s, r, request.context); break;
        case RequestKind::Status: on_status(s, r, request.context); break;
        case RequestKind::Stop: on_stop(s, r, request.context); break;
    }
}

// ---- boot and intents ---------------------------------------------------------------------

void on_boot(Step& s, const Boot& boot) {
    if (s.m.booted) return;
    s.m.booted = true;
    const auto stored = [&](const char* key) -> const std::string* {
        const auto it = boot.stored.find(key);
        return it == boot.stored.end() ? nullptr : &it->second;
    };
    if (const std::string* token = stored(kKeyAppToken); token != nullptr && !token->empty()) {
        s.m.app_token = *token;
    } else {
        s.m.app_token = "app-" + boot.random_hex;
        persist(s, kKeyAppToken, s.m.app_token);
    }
    send(s, register_token_request(s.m.app_token), RequestKind::RegisterToken);
    fetch_wallet(s);

    const std::string* active = stored(kKeyActiveSession);
    if (active == nullptr) return;
    auto session = decode_active_session(*active);
    if (!session) {
        // Unreadable leftovers would be read again at every start; clear them.
        persist(s, kKeyActiveSession, std::nullopt);
        persist(s, kKeyLastStatus, std::nullopt);
        return;
    }
    if (const std::string* last = stored(kKeyLastStatus)) {
        auto decoded = decode_session_status(*last);
        if (decoded.ok()) {
            if (decoded.value->status == SessionStatusCode::Completed) session->completed_since = s.now;
            session->last = std::move(decoded.value);
        }
    }
    session->next_poll = s.now;
    s.m.session = std::move(session);
    s.m.screen = Screen::Session;
    poll(s);
}

void on_intent(Step& s, const UserIntent& intent) {
    Model& m = s.m;
    if (const auto* i = std::get_if<intent::OpenLocation>(&intent)) {
        if (i->location_id.empty()) return;
        if (!m.location || m.location->id != i->location_id) {
            m.location.reset();
            m.chosen_evse_uid.clear();
            m.chosen_connector_id.clear();
            m.tariffs.clear();
        }
        m.screen = Screen::Location;
        m.location_loading = true;
        forget(m, RequestKind::Location);
        send(s, location_request(i->location_id), RequestKind::Location, i->location_id);
    } else if (const auto* i = std::get_if<intent::ChooseConnector>(&intent)) {
        const Evse* evse = m.location ? find_evse(*m.location, i->evse_uid) : nullptr;
        if (evse == nullptr || find_connector(*evse, i->connector_id) == nullptr) return;  // not here
        m.chosen_evse_uid = i->evse_uid;
        m.chosen_connector_id = i->connector_id;
        m.tariffs.clear();
        m.default_tariff.reset();
        m.screen = Screen::Price;
        ensure_registered(s);
        fetch_default_tariff(s);
        fetch_tariff(s);
        if (!m.wallet_loaded && !in_flight(m, RequestKind::Wallet)) fetch_wallet(s);
    } else if (std::get_if<intent::OpenAddCard>(&intent)) {
        m.screen = Screen::AddCard;
    } else if (const auto* i = std::get_if<intent::AddChargeCard>(&intent)) {
        if (m.card_adding) return;
        const auto number = normalize_card_number(i->visual_number);
        if (!number) {
            m.message = UserMessage{Str::ErrorCardFormat, {}};
            return;
        }
        m.message.reset();
        m.card_adding = true;
        ensure_registered(s);
        send(s, add_charge_card_request(m.app_token, *number), RequestKind::AddCard);
    } else if (const auto* i = std::get_if<intent::ChoosePaymentMethod>(&intent)) {
        const std::string& id = i->payment_method_id;
        const bool in_tariffs = std::any_of(m.tariffs.begin(), m.tariffs.end(),
                                            [&](const WalletTariffItem& t) { return t.payment_method.id == id; });
        const bool in_wallet =
            std::any_of(m.wallet.begin(), m.wallet.end(), [&](const PaymentMethod& p) { return p.id == id; });
        if (in_tariffs || in_wallet) m.chosen_payment_method_id = id;
    } else if (std::get_if<intent::StartCharging>(&intent)) {
        if (!can_start(m)) return;  // also swallows the second tap of a double tap
        m.start_in_flight = true;
        m.message.reset();
        ensure_registered(s);
        send(s,
             start_request(m.app_token, m.location->id, m.chosen_evse_uid, m.chosen_connector_id,
                           m.chosen_payment_method_id),
             RequestKind::Start, start_context(m));
    } else if (std::get_if<intent::StopCharging>(&intent)) {
        if (!can_stop(m)) return;
        m.session->stop_requested = true;
        clear_message_if(m, Str::ErrorStopFailed);
        send(s, stop_request(m.app_token, m.session->id), RequestKind::Stop, m.session->id);
    } else if (std::get_if<intent::Back>(&intent)) {
        switch (m.screen) {
            case Screen::Location:
                forget(m, RequestKind::Location);
                m.location_loading = false;
                m.screen = Screen::Map;
                break;
            case Screen::Price:
                forget(m, RequestKind::Tariff);
                m.tariffs_loading = false;
                m.tariffs.clear();
                m.chosen_evse_uid.clear();
                m.chosen_connector_id.clear();
                m.screen = Screen::Location;
                break;
            case Screen::AddCard:
                m.screen = chosen_connector(m) != nullptr ? Screen::Price : Screen::Map;
                break;
            case Screen::Receipt:
                m.receipt.reset();
                m.screen = Screen::Map;
                break;
            case Screen::Map:
            case Screen::Session:  // a running session is left only by stopping it
                break;
        }
    } else if (std::get_if<intent::DismissError>(&intent)) {
        m.message.reset();
    } else if (std::get_if<intent::Finish>(&intent)) {
        if (m.screen != Screen::Receipt && !m.receipt) return;
        m.receipt.reset();
        m.screen = Screen::Map;
    }
}

void on_tick(Step& s) {
    if (s.m.tariff_refresh_at && s.now >= *s.m.tariff_refresh_at) {
        s.m.tariff_refresh_at.reset();
        if (s.m.screen == Screen::Price && chosen_connector(s.m) != nullptr) fetch_tariff(s);
    }
    if (!s.m.session || in_flight(s.m, RequestKind::Status)) return;
    if (s.now >= s.m.session->next_poll)
        poll(s);
    else
        s.out.emplace_back(WakeAt{s.m.session->next_poll});  // woken early: ask again for the due time
}

}  // namespace

std::vector<Effect> update(Model& model, const Event& event, TimePoint now) {
    std::vector<Effect> effects;
    Step s{model, now, effects};
    if (const auto* boot = std::get_if<Boot>(&event)) {
        on_boot(s, *boot);
        map_update(model, event, now, effects);
    } else if (!model.booted) {
        // Nothing can be asked for before the app token exists.
    } else if (map_update(model, event, now, effects)) {
        // The map's own event (its intents and answers); Ticks also fall through to the journey.
    } else if (const auto* response = std::get_if<HttpResponse>(&event)) {
        on_response(s, *response);
    } else if (const auto* intent = std::get_if<UserIntent>(&event)) {
        on_intent(s, *intent);
    } else if (std::get_if<Tick>(&event)) {
        on_tick(s);
    }
    return effects;
}

const Evse* chosen_evse(const Model& m) {
    return m.location ? find_evse(*m.location, m.chosen_evse_uid) : nullptr;
}

const Connector* chosen_connector(const Model& m) {
    const Evse* e = chosen_evse(m);
    return e != nullptr ? find_connector(*e, m.chosen_connector_id) : nullptr;
}

const WalletTariffItem* chosen_tariff_item(const Model& m) {
    if (m.chosen_payment_method_id.empty()) return nullptr;
    for (const auto& t : m.tariffs)
        if (t.payment_method.id == m.chosen_payment_method_id) return &t;
    return nullptr;
}

bool payment_usable(const WalletTariffItem& item) {
    const bool priced = item.validity == TariffValidity::Valid || item.validity == TariffValidity::Unknown;
    return priced && item.payment_method.is_compatible != false &&
           item.payment_method.verification != VerificationStatus::Invalid;
}

bool can_start(const Model& m) {
    // One session at a time: the service asks apps not to start another before the first stops.
    if (!m.booted || m.start_in_flight || m.session || m.tariffs_loading) return false;
    const Evse* evse = chosen_evse(m);
    if (evse == nullptr || evse->charging_not_allowed || chosen_connector(m) == nullptr) return false;
    const WalletTariffItem* item = chosen_tariff_item(m);
    return item != nullptr && payment_usable(*item);
}

bool can_stop(const Model& m) {
    if (!m.session || m.session->stop_requested) return false;
    if (!m.session->last) return true;
    const SessionStatusCode st = m.session->last->status;
    return !is_final(st) && st != SessionStatusCode::Stopping && st != SessionStatusCode::Completed;
}

bool is_stopping(const Model& m) {
    if (!m.session) return false;
    if (m.session->stop_requested) return true;
    if (!m.session->last) return false;
    const SessionStatusCode st = m.session->last->status;
    return st == SessionStatusCode::Stopping || st == SessionStatusCode::Completed;
}

std::optional<std::string> normalize_card_number(std::string_view typed) {
    std::string out;
    for (const char c : typed) {
        if (c == ' ' || c == '-') continue;
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alnum) return std::nullopt;
        out.push_back(c);
    }
    if (out.size() < 6 || out.size() > 30) return std::nullopt;
    return out;
}

}  // namespace core
