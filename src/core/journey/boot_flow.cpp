// The journey's first event (the token, stored sessions and an unsettled start taken up again), and
// what the page tells it later: shown or hidden, online or offline, another tab's writes.
#include <algorithm>

#include "flows.hpp"
#include "receipts_flow.hpp"
#include "session_list.hpp"
#include "session_tracker.hpp"
#include "core/api/api.hpp"
#include "core/session/session.hpp"

namespace core::detail {

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
    s.m.phone_zone = PhoneZone{boot.time_zone, boot.utc_offset_minutes};
    s.m.directions.device = device_from_user_agent(boot.user_agent);
    if (const std::string* chosen = stored(kKeyDefaultPayment)) s.m.default_payment_method_id = *chosen;
    restore_preferences(s, boot);
    restore_receipt_keeping(s, boot);
    send(s, register_token_request(s.m.app_token), RequestKind::RegisterToken);
    // A new token's wallet is asked for once it is registered (on_register): asked in parallel,
    // the wallet request can reach the service first and be refused for an unknown token.
    if (!fresh_token) fetch_wallet(s);
    // The map loads itself (map_flow); a deployment's scoped list is read here.
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

void on_register(Step& s, const HttpResponse& r) {
    if (!is_success(r.status)) return;  // retried before the next request that needs it
    s.m.token_registered = true;
    // A wallet asked for before the token existed may have been refused; ask again.
    if (!s.m.wallet_loaded && !in_flight(s.m, RequestKind::Wallet)) fetch_wallet(s);
}

namespace {

// Back in view or back online: whatever came due meanwhile is asked for now.
void catch_up(Step& s) {
    sessions_catch_up(s);
    // A price asked again later (no answer before) is asked for now.
    if (s.m.tariff_refresh_at && *s.m.tariff_refresh_at > s.now) {
        s.m.tariff_refresh_at = s.now;
        wake_at(s, s.now);
    }
    if (s.m.start_marker && !s.m.start_in_flight) s.m.start_check_at = s.now;
    session_list_tick(s);
    fetch_sessions(s);
}

}  // namespace

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

}  // namespace core::detail
