// Inside the journey: the handlers update() dispatches to, one group per file. Not for views.
#pragma once
#include <string>
#include <string_view>

#include "model.hpp"
#include "intents.hpp"
#include "step.hpp"

namespace core::detail {

const Evse* find_evse(const Location& l, std::string_view uid);
const Connector* find_connector(const Evse& e, std::string_view id);

// boot_flow.cpp: the first event, the token, the page's state, other tabs.
void on_boot(Step& s, const Boot& boot);
void on_register(Step& s, const HttpResponse& r);
void on_visibility(Step& s, const Visibility& v);
void on_connectivity(Step& s, const Connectivity& c);
void on_storage_changed(Step& s, const StorageChanged& c);

// charger_flow.cpp: from a location to its price per payment method, and the cards added on the way.
void ensure_registered(Step& s);
void fetch_wallet(Step& s);
void fetch_locations(Step& s);
void fetch_tariff(Step& s);
void on_wallet(Step& s, const HttpResponse& r);
void on_locations(Step& s, const HttpResponse& r, const PendingRequest& request);
void on_location(Step& s, const HttpResponse& r);
void on_tariff(Step& s, const HttpResponse& r);
void on_default_tariff(Step& s, const HttpResponse& r);
void on_add_card(Step& s, const HttpResponse& r);
void open_location(Step& s, const intent::OpenLocation& i);
void choose_connector(Step& s, const intent::ChooseConnector& i);
void open_add_card(Step& s, const intent::OpenAddCard&);
void add_charge_card(Step& s, const intent::AddChargeCard& i);
void choose_payment_method(Step& s, const intent::ChoosePaymentMethod& i);

// start_flow.cpp: starting, stopping and choosing among running sessions.
void on_start(Step& s, const HttpResponse& r);
void start_charging(Step& s, const intent::StartCharging&);
void stop_charging(Step& s, const intent::StopCharging& i);
void ask_stop(Step& s, const intent::AskStop& i);
void show_session(Step& s, const intent::ShowSession& i);
void try_again(Step& s, const intent::TryAgain&);
void choose_other_connector(Step& s, const intent::ChooseOtherConnector&);

// smart_charging_flow.cpp: "Charge now at full power" (POST /session/highpriority) and its answer.
void charge_now(Step& s, const intent::ChargeNow& i);
void on_high_priority(Step& s, const HttpResponse& r, const std::string& session_id);

// navigation.cpp: Back, the receipt's way out, its documents, the problem banner.
void go_back(Step& s, const intent::Back&);
void finish(Step& s, const intent::Finish&);
void offer_receipt(Step& s, OfferDocument::Kind kind);
void dismiss_error(Step& s, const intent::DismissError&);

// preferences_flow.cpp: the display settings, kept in storage.
void restore_preferences(Step& s, const Boot& boot);
void open_settings(Step& s);
void choose_theme(Step& s, const intent::ChooseTheme& i);
void choose_text_size(Step& s, const intent::ChooseTextSize& i);
void choose_language(Step& s, const intent::ChooseLanguage& i);

// directions_flow.cpp: directions to a location in the phone's maps app.
void open_directions(Step& s, const intent::OpenDirections& i);

}  // namespace core::detail
