// The wallet and the history screens' rules (see wallet_flow.hpp).
#include "wallet_flow.hpp"

#include <algorithm>

#include "core/api/api.hpp"
#include "flows.hpp"
#include "receipts_flow.hpp"
#include "session_list.hpp"

namespace core::detail {
namespace {

void refetch_wallet(Step& s) {
    forget(s.m, RequestKind::Wallet);
    send(s, wallet_request(s.m.app_token), RequestKind::Wallet);
}

}  // namespace

void open_wallet(Step& s) {
    s.m.screen = Screen::Wallet;
    s.m.wallet_polls = 0;
    refetch_wallet(s);  // verification statuses change by themselves: always fresh
}

void remove_payment_method(Step& s, const std::string& id) {
    const bool known =
        std::any_of(s.m.wallet.begin(), s.m.wallet.end(), [&](const PaymentMethod& p) { return p.id == id; }) ||
        std::any_of(s.m.tariffs.begin(), s.m.tariffs.end(),
                    [&](const WalletTariffItem& t) { return t.payment_method.id == id; });
    if (!known || in_flight(s.m, RequestKind::RemovePayment, id)) return;
    s.m.wallet_busy = true;
    send(s, delete_payment_method_request(s.m.app_token, id), RequestKind::RemovePayment, id);
}

void add_external_method(Step& s, const std::string& external_id) {
    std::string id = external_id;
    id.erase(0, id.find_first_not_of(" \t"));
    id.erase(id.find_last_not_of(" \t") + 1);
    if (id.empty() || id.size() > 100) {
        s.m.message = UserMessage{Str::ErrorExternalFormat, {}};
        return;
    }
    if (in_flight(s.m, RequestKind::AddExternal)) return;
    s.m.wallet_busy = true;
    s.m.message.reset();
    send(s, add_external_request(s.m.app_token, id), RequestKind::AddExternal);
}

void set_default_payment(Step& s, const std::string& id) {
    const bool known = std::any_of(s.m.wallet.begin(), s.m.wallet.end(), [&](const PaymentMethod& p) { return p.id == id; });
    if (!known) return;
    s.m.default_payment_method_id = id;
    persist(s, kKeyDefaultPayment, id);
}

void on_remove_payment(Step& s, const HttpResponse& r, const std::string& id) {
    s.m.wallet_busy = in_flight(s.m, RequestKind::RemovePayment) || in_flight(s.m, RequestKind::AddExternal);
    // 404: already gone (removed in another tab, or the first DELETE's answer was lost).
    if (!is_success(r.status) && r.status != 404) {
        s.m.message = failure(r, Str::ErrorRemoveFailed);
        return;
    }
    s.m.wallet.erase(std::remove_if(s.m.wallet.begin(), s.m.wallet.end(), [&](const PaymentMethod& p) { return p.id == id; }),
                     s.m.wallet.end());
    if (s.m.default_payment_method_id == id) {
        s.m.default_payment_method_id.clear();
        persist(s, kKeyDefaultPayment, std::nullopt);
    }
    if (s.m.chosen_payment_method_id == id) s.m.chosen_payment_method_id.clear();
    refetch_wallet(s);
    // Removed from the price screen (a card that failed its check): its price per method again.
    auto gone = [&](const WalletTariffItem& t) { return t.payment_method.id == id; };
    s.m.tariffs.erase(std::remove_if(s.m.tariffs.begin(), s.m.tariffs.end(), gone), s.m.tariffs.end());
    if (s.m.screen == Screen::Price && chosen_connector(s.m) != nullptr) fetch_tariff(s);
}

void on_add_external(Step& s, const HttpResponse& r) {
    s.m.wallet_busy = in_flight(s.m, RequestKind::RemovePayment);
    if (!is_success(r.status)) {
        s.m.message = failure(r, r.status >= 500 ? Str::ErrorServer : Str::ErrorExternalRejected);
        return;
    }
    auto decoded = decode_payment_method(r.body);
    if (decoded.ok()) {
        const std::string id = decoded.value->id;
        s.m.wallet.erase(std::remove_if(s.m.wallet.begin(), s.m.wallet.end(), [&](const PaymentMethod& p) { return p.id == id; }),
                         s.m.wallet.end());
        s.m.wallet.push_back(std::move(*decoded.value));
    }
    refetch_wallet(s);
}

void open_history(Step& s) {
    s.m.screen = Screen::History;
    // Not the last list seen: a session that just ended would still read "Charging" there.
    s.m.history.clear();
    s.m.history_loading = true;
    forget(s.m, RequestKind::Sessions);
    fetch_sessions(s);
}

void open_past_session(Step& s, const std::string& session_id) {
    forget(s.m, RequestKind::PastSession);
    send(s, status_request(s.m.app_token, session_id), RequestKind::PastSession, session_id);
}

void on_past_session(Step& s, const HttpResponse& r, const std::string& session_id) {
    auto decoded = is_success(r.status) ? decode_session_status(r.body) : Decoded<SessionStatus>{};
    if (!decoded.ok()) {
        s.m.message = r.status == 0 || !is_success(r.status) ? failure(r, Str::ErrorServer) : UserMessage{Str::ErrorBadData, {}};
        return;
    }
    if (s.m.screen != Screen::History) return;  // the driver moved on
    s.m.receipt = std::move(*decoded.value);
    s.m.receipt_tariff.reset();  // the price it ran under is not kept past the session
    s.m.receipt_from_history = true;
    s.m.receipt_session_id = session_id;
    reset_receipt_tasks(s.m);
    s.m.screen = Screen::Receipt;
}

}  // namespace core::detail
