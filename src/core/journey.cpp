// The charge journey's rules: each event moves the Model and yields the effects to run.
// Superseded requests are dropped from `pending`, so their late answers are ignored like unknown ids.
// Running sessions live in session_tracker.*, the token's session list in session_list.*.
#include "journey.hpp"

#include <algorithm>
#include <cstdint>

#include "api_codec.hpp"
#include "api_requests.hpp"
#include "journey_step.hpp"
#include "json_read.hpp"
#include "labels.hpp"
#include "session_list.hpp"
#include "map_controller.hpp"
#include "session_store.hpp"
#include "receipt_document.hpp"
#include "scan_flow.hpp"
#include "session_tariff.hpp"
#include "session_tracker.hpp"
#include "wallet_flow.hpp"

namespace core {
namespace {

using namespace detail;

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

std::string_view scope_token(const Model& m) {
    return m.scope.private_access ? std::string_view(m.app_token) : std::string_view();
}

void fetch_locations(Step& s) {
    forget(s.m, RequestKind::Locations);
    s.m.locations_loading = true;
    send(s, locations_request(s.m.map_box, {}, scope_token(s.m)), RequestKind::Locations);
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
    // The driver's default first, when it can be used here.
    for (const auto& item : m.tariffs) {
        if (item.payment_method.id == m.default_payment_method_id && payment_usable(item)) {
            m.chosen_payment_method_id = item.payment_method.id;
            return;
        }
    }
    for (const auto& item : m.tariffs) {
        if (payment_usable(item)) {
            m.chosen_payment_method_id = item.payment_method.id;
            return;
        }
    }
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

void on_locations(Step& s, const HttpResponse& r, const PendingRequest& request) {
    s.m.locations_loading = false;
    if (!is_success(r.status)) {
        s.m.message = failure(r, Str::ErrorServer);
        return;
    }
    auto decoded = decode_location_list(r.body);
    if (!decoded.ok()) {
        s.m.message = UserMessage{Str::ErrorBadData, {}};
        return;
    }
    // A later page (context "more") adds to what the earlier pages gave; the first replaces.
    const bool next_page = request.context == "more";
    auto& items = decoded.value->items;
    if (!s.m.scope.ids.empty()) {
        const auto& ids = s.m.scope.ids;
        auto out_of_scope = [&](const LocationSummary& l) { return std::find(ids.begin(), ids.end(), l.id) == ids.end(); };
        items.erase(std::remove_if(items.begin(), items.end(), out_of_scope), items.end());
    }
    if (next_page) {
        for (auto& l : items) s.m.locations.push_back(std::move(l));
    } else {
        s.m.locations = std::move(items);
    }
    // The API gives at most 50 a page: follow the continuation token so a busy area is not cut
    // off, up to a bound that keeps the map responsive.
    if (decoded.value->has_more_data && !decoded.value->continuation_token.empty() &&
        s.m.locations.size() < kMaxMapLocations) {
        s.m.locations_loading = true;
        send(s, locations_request(s.m.map_box, decoded.value->continuation_token, scope_token(s.m)),
             RequestKind::Locations, "more");
    }
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
    if (s.m.add_card_for_wallet) {
        s.m.add_card_for_wallet = false;
        s.m.screen = Screen::Wallet;
    } else if (chosen_connector(s.m) != nullptr) {
        fetch_tariff(s);
        s.m.screen = Screen::Price;
    } else {
        s.m.screen = Screen::Map;
    }
}

// The start's target travels with the request: the driver may look elsewhere meanwhile.
// ---- starting ------------------------------------------------------------------------------

void on_start(Step& s, const HttpResponse& r) {
    s.m.start_in_flight = false;
    auto decoded = is_success(r.status) ? decode_start_result(r.body) : Decoded<StartResult>{};
    switch (classify_start(r.status, decoded.ok())) {
        case StartOutcome::Started: {
            ActiveSession session;
            session.id = decoded.value->charge_session_id;
            session.tariff = tariff_at_start(s.m);
            if (s.m.start_marker) {  // the target travels in the marker: the driver may look elsewhere meanwhile
                session.location_id = s.m.start_marker->location_id;
                session.evse_uid = s.m.start_marker->evse_uid;
                session.connector_id = s.m.start_marker->connector_id;
            }
            s.m.screen = Screen::Session;
            s.m.message.reset();
            announce(s, tr(Str::SessionRequested));
            // Stored as a session before the marker goes: a crash between the two leaves one of them.
            track_session(s, std::move(session), true);
            s.m.start_marker.reset();
            persist(s, kKeyStartPending, std::nullopt);
            break;
        }
        case StartOutcome::Refused:
            s.m.start_marker.reset();
            persist(s, kKeyStartPending, std::nullopt);
            s.m.message = failure(r, Str::ErrorStartFailed);
            break;
        case StartOutcome::Unclear:
            // It may have started. The marker stays, Start stays locked, and the session list decides.
            s.m.message = UserMessage{Str::StartChecking, {}};
            schedule_start_check(s, kStartCheckDelay);
            break;
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
        case RequestKind::Locations: on_locations(s, r, request); break;
        case RequestKind::Location: on_location(s, r); break;
        case RequestKind::Tariff: on_tariff(s, r); break;
        case RequestKind::DefaultTariff: on_default_tariff(s, r); break;
        case RequestKind::AddCard: on_add_card(s, r); break;
        case RequestKind::Start: on_start(s, r); break;
        case RequestKind::Status: on_status(s, r, request.context); break;
        case RequestKind::Stop: on_stop(s, r, request.context); break;
        case RequestKind::Sessions: on_sessions(s, r); break;
        case RequestKind::RemovePayment: on_remove_payment(s, r, request.context); break;
        case RequestKind::AddExternal: on_add_external(s, r); break;
        case RequestKind::PastSession: on_past_session(s, r); break;
        case RequestKind::QrResolve:
        case RequestKind::EvseLookup: scan::on_response(s.m, r, request, s.out); break;
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
    const std::string* token = stored(kKeyAppToken);
    const bool fresh_token = token == nullptr || token->empty();
    if (!fresh_token) {
        s.m.app_token = *token;
    } else {
        s.m.app_token = "app-" + boot.random_hex;
        s.m.token_new = true;
        persist(s, kKeyAppToken, s.m.app_token);
    }
    s.m.utc_offset_minutes = boot.utc_offset_minutes;
    if (const std::string* chosen = stored(kKeyDefaultPayment)) s.m.default_payment_method_id = *chosen;
    send(s, register_token_request(s.m.app_token), RequestKind::RegisterToken);
    // A new token's wallet is asked for once it is registered (on_register): asked in parallel,
    // the wallet request can reach the service first and be refused for an unknown token.
    if (!fresh_token) fetch_wallet(s);
    // The map loads itself (map_controller); a deployment's scoped list is read here.
    if (!s.m.scope.ids.empty() || s.m.scope.private_access) fetch_locations(s);

    // Everything that was running when the page went away: back on screen, polled at once.
    if (const std::string* active = stored(kKeyActiveSessions)) {
        auto sessions = decode_active_sessions(*active);
        if (sessions.empty()) persist(s, kKeyActiveSessions, std::nullopt);  // unreadable: not read again at every start
        for (auto& session : sessions) {
            if (session.last && session.last->status == SessionStatusCode::Completed) session.completed_since = s.now;
            track_session(s, std::move(session), false);
        }
        if (!s.m.sessions.empty()) s.m.screen = Screen::Session;
    }
    // A start was on its way when the page went: the session list says whether it arrived.
    if (const std::string* pending = stored(kKeyStartPending)) {
        s.m.start_marker = decode_start_marker(*pending);
        if (!s.m.start_marker) persist(s, kKeyStartPending, std::nullopt);
        else s.m.message = UserMessage{Str::StartChecking, {}};
    }
    // Sessions started elsewhere (another tab or phone) for this token are taken up from the list;
    // a token made just now has none (and is not registered yet).
    if (!fresh_token) fetch_sessions(s);
}

// From a receipt: back to the history it was opened from, else to what still runs, else the map.
void leave_receipt(Model& m) {
    m.receipt.reset();
    if (m.receipt_from_history) {
        m.receipt_from_history = false;
        m.screen = Screen::History;
    } else {
        m.screen = m.sessions.empty() ? Screen::Map : Screen::Session;
    }
}

void on_intent(Step& s, const UserIntent& intent) {
    Model& m = s.m;
    if (scan::on_intent(m, intent, s.out)) return;
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
        send(s, location_request(i->location_id, scope_token(m)), RequestKind::Location, i->location_id);
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
        m.add_card_for_wallet = m.screen == Screen::Wallet;
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
        // Written before the request leaves: a reload or crash from here on finds it and asks the
        // session list instead of starting again.
        m.start_marker = StartMarker{m.location->id, m.chosen_evse_uid, m.chosen_connector_id,
                                     m.chosen_payment_method_id, s.now};
        persist(s, kKeyStartPending, encode_start_marker(*m.start_marker));
        send(s,
             start_request(m.app_token, m.location->id, m.chosen_evse_uid, m.chosen_connector_id,
                           m.chosen_payment_method_id),
             RequestKind::Start);
    } else if (const auto* i = std::get_if<intent::StopCharging>(&intent)) {
        const ActiveSession* target = i->session_id.empty() ? shown_session(m) : find_session(m, i->session_id);
        if (target != nullptr) request_stop(s, target->id);
    } else if (const auto* i = std::get_if<intent::ShowSession>(&intent)) {
        if (find_session(m, i->session_id) == nullptr) return;
        m.shown_session = i->session_id;
        m.screen = Screen::Session;
    } else if (std::get_if<intent::TryAgain>(&intent)) {
        // Back to the same connector's price: the driver plugs in and starts again.
        if (!m.receipt) return;
        const SessionStatus ended = *m.receipt;
        m.receipt.reset();
        if (!m.sessions.empty()) {
            m.screen = Screen::Session;
        } else if (m.location && m.location->id == ended.location_id && !ended.evse_uid.empty()) {
            on_intent(s, intent::ChooseConnector{ended.evse_uid, ended.connector_id});
        } else if (!ended.location_id.empty()) {
            on_intent(s, intent::OpenLocation{ended.location_id});
        } else {
            m.screen = Screen::Map;
        }
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
                m.screen = m.add_card_for_wallet          ? Screen::Wallet
                           : chosen_connector(m) != nullptr ? Screen::Price
                                                            : Screen::Map;
                m.add_card_for_wallet = false;
                break;
            case Screen::Receipt:
                leave_receipt(m);
                break;
            case Screen::Wallet:
            case Screen::History:
                forget(m, RequestKind::PastSession);
                m.screen = m.sessions.empty() ? Screen::Map : Screen::Session;
                break;
            case Screen::Map:
            case Screen::Scan:  // scan_flow handles these
            case Screen::ScanResult:
            case Screen::Session:  // a running session is left only by stopping it
                break;
        }
    } else if (std::get_if<intent::DownloadReceipt>(&intent) || std::get_if<intent::PrintReceipt>(&intent)) {
        if (!m.receipt) return;
        ReceiptDocument d = receipt_document(*m.receipt);
        if (std::get_if<intent::DownloadReceipt>(&intent))
            s.out.emplace_back(OfferDocument{OfferDocument::Kind::Download, std::move(d.filename), "text/plain", std::move(d.text)});
        else
            s.out.emplace_back(OfferDocument{OfferDocument::Kind::Print, std::move(d.filename), "text/html", std::move(d.html)});
    } else if (std::get_if<intent::DismissError>(&intent)) {
        m.message.reset();
    } else if (std::get_if<intent::Finish>(&intent)) {
        if (m.screen != Screen::Receipt && !m.receipt) return;
        leave_receipt(m);
    } else if (std::get_if<intent::OpenWallet>(&intent)) {
        open_wallet(s);
    } else if (const auto* i = std::get_if<intent::RemovePaymentMethod>(&intent)) {
        remove_payment_method(s, i->payment_method_id);
    } else if (const auto* i = std::get_if<intent::AddExternalMethod>(&intent)) {
        ensure_registered(s);
        add_external_method(s, i->external_id);
    } else if (const auto* i = std::get_if<intent::SetDefaultPayment>(&intent)) {
        set_default_payment(s, i->payment_method_id);
    } else if (std::get_if<intent::OpenHistory>(&intent)) {
        open_history(s);
    } else if (const auto* i = std::get_if<intent::OpenPastSession>(&intent)) {
        if (m.screen == Screen::History && !i->session_id.empty()) open_past_session(s, i->session_id);
    }
}

void on_tick(Step& s) {
    // Requests past their deadline are answered "no answer" here (status 0), in id order.
    std::vector<int> overdue;
    for (const auto& [id, p] : s.m.pending)
        if (p.deadline != TimePoint{} && s.now >= p.deadline) overdue.push_back(id);
    for (const int id : overdue) on_response(s, HttpResponse{id, 0, {}});
    if (s.m.tariff_refresh_at && s.now >= *s.m.tariff_refresh_at) {
        s.m.tariff_refresh_at.reset();
        if (s.m.screen == Screen::Price && chosen_connector(s.m) != nullptr) fetch_tariff(s);
    }
    session_list_tick(s);
    sessions_tick(s);
}

// Back in view or back online: whatever came due meanwhile is asked for now.
void catch_up(Step& s) {
    sessions_catch_up(s);
    if (s.m.start_marker && !s.m.start_in_flight) s.m.start_check_at = s.now;
    session_list_tick(s);
    fetch_sessions(s);
}

void on_visibility(Step& s, const Visibility& v) {
    const bool was = s.m.visible;
    s.m.visible = v.visible;
    if (v.visible && !was) catch_up(s);
}

void on_connectivity(Step& s, const Connectivity& c) {
    const bool was = s.m.online;
    s.m.online = c.online;
    if (c.online && !was) catch_up(s);
}

// Another tab wrote a key: its start blocks ours until settled; its sessions are taken up here too.
void on_storage_changed(Step& s, const StorageChanged& c) {
    if (c.key == kKeyStartPending) {
        s.m.start_elsewhere = c.value ? decode_start_marker(*c.value) : std::nullopt;
        if (!c.value) fetch_sessions(s);
    } else if (c.key == kKeyActiveSessions && c.value) {
        // The other tab rewrites this at every poll: only a session new to this tab is worth a look.
        for (const ActiveSession& other : decode_active_sessions(*c.value)) {
            const bool closed = std::find(s.m.closed_sessions.begin(), s.m.closed_sessions.end(), other.id) !=
                                s.m.closed_sessions.end();
            if (!closed && find_session(s.m, other.id) == nullptr) {
                fetch_sessions(s);
                break;
            }
        }
    }
}

}  // namespace

std::vector<Effect> update(Model& model, const Event& event, TimePoint now) {
    std::vector<Effect> effects;
    Step s{model, now, effects};
    // A deployment that lists its own chargers (hotel, kiosk) shows no map: the map loads nothing.
    const bool map_shown = model.scope.ids.empty() && !model.scope.private_access;
    if (const auto* boot = std::get_if<Boot>(&event)) {
        const bool first = !model.booted;
        on_boot(s, *boot);
        if (map_shown) map_update(model, event, now, effects);
        if (first) scan::on_boot(model, *boot, effects);
    } else if (!model.booted) {
        // Nothing can be asked for before the app token exists.
    } else if (map_shown && map_update(model, event, now, effects)) {
        // The map's own event (its intents and answers); Ticks also fall through to the journey.
    } else if (const auto* response = std::get_if<HttpResponse>(&event)) {
        on_response(s, *response);
    } else if (const auto* intent = std::get_if<UserIntent>(&event)) {
        on_intent(s, *intent);
    } else if (std::get_if<Tick>(&event)) {
        on_tick(s);
    } else if (const auto* v = std::get_if<Visibility>(&event)) {
        on_visibility(s, *v);
    } else if (const auto* c = std::get_if<Connectivity>(&event)) {
        on_connectivity(s, *c);
    } else if (const auto* c = std::get_if<StorageChanged>(&event)) {
        on_storage_changed(s, *c);
    } else if (const auto* decoded = std::get_if<QrDecoded>(&event)) {
        scan::on_decoded(model, *decoded, effects);
    } else if (const auto* camera = std::get_if<CameraReport>(&event)) {
        scan::on_camera(model, *camera);
    }
    if (model.booted) update_keep_awake(s);
    if (map_shown && model.booted) map_after_event(model, effects);
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
    // A start whose outcome is unknown, here or in another tab, counts as one.
    if (!m.booted || m.start_in_flight || m.start_marker || m.start_elsewhere || !m.sessions.empty() ||
        m.tariffs_loading)
        return false;
    const Evse* evse = chosen_evse(m);
    if (evse == nullptr || evse->charging_not_allowed || chosen_connector(m) == nullptr) return false;
    const WalletTariffItem* item = chosen_tariff_item(m);
    return item != nullptr && payment_usable(*item);
}

const ActiveSession* shown_session(const Model& m) {
    for (const auto& a : m.sessions)
        if (a.id == m.shown_session) return &a;
    return m.sessions.empty() ? nullptr : &m.sessions.front();
}

bool can_stop(const ActiveSession& s) {
    if (s.stop_requested) return false;
    if (!s.last) return true;
    const SessionStatusCode st = s.last->status;
    return !is_final(st) && st != SessionStatusCode::Stopping && st != SessionStatusCode::Completed;
}

bool is_stopping(const ActiveSession& s) {
    if (s.stop_requested) return true;
    if (!s.last) return false;
    const SessionStatusCode st = s.last->status;
    return st == SessionStatusCode::Stopping || st == SessionStatusCode::Completed;
}

bool is_cancel(const ActiveSession& s) {
    return !s.last || s.last->status == SessionStatusCode::Requested || s.last->status == SessionStatusCode::Starting;
}

bool can_stop(const Model& m) {
    const ActiveSession* s = shown_session(m);
    return s != nullptr && can_stop(*s);
}

bool is_stopping(const Model& m) {
    const ActiveSession* s = shown_session(m);
    return s != nullptr && is_stopping(*s);
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