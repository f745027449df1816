// From a location to a price: the location and its connectors, the published price and the price
// per payment method, the wallet, and the charge cards the driver adds on the way.
#include <algorithm>

#include "flows.hpp"
#include "core/api/api.hpp"

namespace core::detail {

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

namespace {

std::string_view scope_token(const Model& m) {
    return m.scope.private_access ? std::string_view(m.app_token) : std::string_view();
}

void fetch_default_tariff(Step& s) {
    forget(s.m, RequestKind::DefaultTariff);
    s.m.default_tariff_loading = true;
    send(s, default_tariff_request(s.m.location->id, s.m.chosen_evse_uid, s.m.chosen_connector_id),
         RequestKind::DefaultTariff);
}

// Keeps the driver's choice while it stays usable (or is a card still being checked: it will be);
// otherwise the first usable method.
void choose_payment(Model& m) {
    const WalletTariffItem* current = chosen_tariff_item(m);
    if (current != nullptr && (payment_usable(*current) || payment_pending(*current))) return;
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
    // None yet: a card being checked, which Start waits for.
    for (const auto& item : m.tariffs) {
        if (payment_pending(item)) {
            m.chosen_payment_method_id = item.payment_method.id;
            return;
        }
    }
}

}  // namespace

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

void fetch_locations(Step& s) {
    forget(s.m, RequestKind::Locations);
    s.m.locations_loading = true;
    send(s, locations_request(s.m.map_box, {}, scope_token(s.m)), RequestKind::Locations);
}

void fetch_tariff(Step& s) {
    forget(s.m, RequestKind::Tariff);
    s.m.tariff_refresh_at.reset();
    s.m.tariffs_loading = true;
    s.m.tariffs_failed = false;
    send(s, tariff_request(s.m.app_token, s.m.location->id, s.m.chosen_evse_uid, s.m.chosen_connector_id),
         RequestKind::Tariff);
}

// A card being checked is asked about again, each wait longer than the last, while its screen is
// open. A recheck that got no answer (polls > 0 and still pending as far as the app knows) is asked
// again the same way: one lost request must not leave Start off for good.
namespace {
void keep_checking(Step& s, bool pending, Screen screen, std::optional<TimePoint>& at, int& polls) {
    if (pending && s.m.screen == screen) {
        at = s.now + verification_wait(polls++);
        s.out.emplace_back(WakeAt{*at});
    } else if (!pending) {
        polls = 0;
    }
}
}  // namespace

void on_wallet(Step& s, const HttpResponse& r) {
    // The price screen lists methods from the tariff answer too.
    auto decoded = is_success(r.status) ? decode_wallet(r.body) : Decoded<std::vector<PaymentMethod>>{};
    if (!decoded.ok()) {
        keep_checking(s, s.m.wallet_polls > 0, Screen::Wallet, s.m.wallet_refresh_at, s.m.wallet_polls);
        return;
    }
    s.m.wallet = std::move(*decoded.value);
    s.m.wallet_loaded = true;
    const bool pending = std::any_of(s.m.wallet.begin(), s.m.wallet.end(), [](const PaymentMethod& p) {
        return p.verification == VerificationStatus::Pending;
    });
    keep_checking(s, pending, Screen::Wallet, s.m.wallet_refresh_at, s.m.wallet_polls);
}

void on_locations(Step& s, const HttpResponse& r, const PendingRequest& request) {
    s.m.locations_loading = false;
    // A later page (context "more") adds to what the earlier pages gave; the first replaces.
    const bool next_page = request.context == "more";
    if (!is_success(r.status)) {
        // A next page refused (the walkthrough's service gives no page after the first): the list
        // keeps what it has, and nothing went wrong for the driver.
        if (next_page && planner::refuses_token(r.status)) return;
        s.m.message = failure(r, Str::ErrorServer);
        return;
    }
    auto decoded = decode_location_list(r.body);
    if (!decoded.ok()) {
        s.m.message = UserMessage{Str::ErrorBadData, {}};
        return;
    }
    LocationList& list = *decoded.value;
    if (!next_page) {
        s.m.locations_seen.clear();
        s.m.locations_tokens.clear();
    }
    bool repeated = false;
    for (const auto& l : list.items) repeated |= !s.m.locations_seen.insert(l.id).second && next_page;
    const bool led_nowhere = next_page && (list.items.empty() || repeated);
    auto& items = list.items;
    if (!s.m.scope.ids.empty()) {
        const auto& ids = s.m.scope.ids;
        auto out_of_scope = [&](const LocationSummary& l) { return std::find(ids.begin(), ids.end(), l.id) == ids.end(); };
        items.erase(std::remove_if(items.begin(), items.end(), out_of_scope), items.end());
    }
    if (next_page) {
        for (auto& l : items) {
            const bool known = std::any_of(s.m.locations.begin(), s.m.locations.end(),
                                           [&](const LocationSummary& k) { return k.id == l.id; });
            if (!known) s.m.locations.push_back(std::move(l));
        }
    } else {
        s.m.locations = std::move(items);
    }
    // The API gives at most 50 a page: follow the continuation token so a busy area is not cut
    // off, up to a bound that keeps the map responsive, and only while the tokens lead on.
    const std::string& token = list.continuation_token;
    const bool token_followed =
        std::find(s.m.locations_tokens.begin(), s.m.locations_tokens.end(), token) != s.m.locations_tokens.end();
    if (list.has_more_data && !token.empty() && !led_nowhere && !token_followed &&
        s.m.locations.size() < kMaxMapLocations) {
        s.m.locations_tokens.push_back(token);
        s.m.locations_loading = true;
        send(s, locations_request(s.m.map_box, token, scope_token(s.m)), RequestKind::Locations, "more");
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
    auto decoded = is_success(r.status) ? decode_tariff_items(r.body) : Decoded<std::vector<WalletTariffItem>>{};
    if (!decoded.ok()) {
        // No answer, a busy service or a body cut short pass: asked again while the price screen is
        // open, so a flaky network never leaves the driver without a way to start. A recheck's
        // failure says nothing (the price shown stands); the first one says why the price is missing.
        const bool recheck = s.m.verification_polls > 0;
        if (!recheck) s.m.tariffs_failed = true;
        const bool passing = is_success(r.status) || unclear(r.status);
        if (passing || recheck) keep_checking(s, true, Screen::Price, s.m.tariff_refresh_at, s.m.verification_polls);
        if (!recheck) s.m.message = is_success(r.status) ? UserMessage{Str::ErrorPrice, {}} : failure(r, Str::ErrorPrice);
        return;
    }
    if (s.m.message && s.m.message->text == Str::ErrorPrice) s.m.message.reset();  // it came after all
    s.m.tariffs = std::move(*decoded.value);
    choose_payment(s.m);
    // A card still being checked gets its price, and Start, once verified: ask again, each time
    // a little later, while the price screen is open.
    const bool pending = std::any_of(s.m.tariffs.begin(), s.m.tariffs.end(), payment_pending);
    keep_checking(s, pending, Screen::Price, s.m.tariff_refresh_at, s.m.verification_polls);
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
        // Said once: the card and its state as the service reports it ("Checking your card…").
        const Str state = verification_label(decoded.value->verification);
        const std::string name = payment_method_label(*decoded.value);
        announce(s, state == Str::None ? name : tr_format(Str::CardAdded, {name, tr(state)}));
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

void open_location(Step& s, const intent::OpenLocation& i) {
    Model& m = s.m;
    if (i.location_id.empty()) return;
    if (!m.location || m.location->id != i.location_id) {
        m.location.reset();
        m.chosen_evse_uid.clear();
        m.chosen_connector_id.clear();
        m.tariffs.clear();
    }
    m.screen = Screen::Location;
    m.location_loading = true;
    forget(m, RequestKind::Location);
    send(s, location_request(i.location_id, scope_token(m)), RequestKind::Location, i.location_id);
}

void choose_connector(Step& s, const intent::ChooseConnector& i) {
    Model& m = s.m;
    const Evse* evse = m.location ? find_evse(*m.location, i.evse_uid) : nullptr;
    if (evse == nullptr || find_connector(*evse, i.connector_id) == nullptr) return;  // not here
    m.chosen_evse_uid = i.evse_uid;
    m.chosen_connector_id = i.connector_id;
    m.tariffs.clear();
    m.default_tariff.reset();
    m.verification_polls = 0;
    m.screen = Screen::Price;
    ensure_registered(s);
    // A closed group's charger has no published price for outsiders, and the request for it carries
    // no token: there only the price per payment method (asked with the token) is asked for.
    if (!m.scope.private_access) fetch_default_tariff(s);
    fetch_tariff(s);
    if (!m.wallet_loaded && !in_flight(m, RequestKind::Wallet)) fetch_wallet(s);
}

void open_add_card(Step& s, const intent::OpenAddCard&) {
    Model& m = s.m;
    m.add_card_for_wallet = m.screen == Screen::Wallet;
    m.screen = Screen::AddCard;
}

void add_charge_card(Step& s, const intent::AddChargeCard& i) {
    Model& m = s.m;
    if (m.card_adding) return;
    const auto number = normalize_card_number(i.visual_number);
    if (!number) {
        m.message = UserMessage{Str::ErrorCardFormat, {}};
        return;
    }
    m.message.reset();
    m.card_adding = true;
    ensure_registered(s);
    send(s, add_charge_card_request(m.app_token, *number), RequestKind::AddCard);
}

void choose_payment_method(Step& s, const intent::ChoosePaymentMethod& i) {
    Model& m = s.m;
    const std::string& id = i.payment_method_id;
    const bool in_tariffs = std::any_of(m.tariffs.begin(), m.tariffs.end(),
                                        [&](const WalletTariffItem& t) { return t.payment_method.id == id; });
    const bool in_wallet =
        std::any_of(m.wallet.begin(), m.wallet.end(), [&](const PaymentMethod& p) { return p.id == id; });
    if (in_tariffs || in_wallet) m.chosen_payment_method_id = id;
}

}  // namespace core::detail
