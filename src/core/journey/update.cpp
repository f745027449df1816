// The journey's update: each event is handed to the part it belongs to. Superseded requests are
// dropped from `pending`, so their late answers are ignored like unknown ids. The handlers live
// beside this file (flows.hpp), running sessions in session_tracker.*, the token's session list
// in session_list.*, the map in map_flow.*, scanning in scan_flow.*.
#include "journey.hpp"

#include <variant>

#include "flows.hpp"
#include "map_flow.hpp"
#include "receipts_flow.hpp"
#include "scan_flow.hpp"
#include "session_list.hpp"
#include "session_tracker.hpp"
#include "wallet_flow.hpp"

namespace core {
namespace {

using namespace detail;

template <class... F> struct Handlers : F... { using F::operator()...; };
template <class... F> Handlers(F...) -> Handlers<F...>;

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
        case RequestKind::PastSession: on_past_session(s, r, request.context); break;
        case RequestKind::MailReceipt: on_mail_answer(s, r, request.context); break;
        case RequestKind::ReceiptPdf: on_pdf_answer(s, r, request.context); break;
        case RequestKind::ExportSessions: on_export_answer(s, r, request.context); break;
        case RequestKind::HighPriority: on_high_priority(s, r, request.context); break;
        case RequestKind::QrResolve:
        case RequestKind::EvseLookup: scan::on_response(s.m, r, request, s.out); break;
    }
}

void on_intent(Step& s, const UserIntent& intent) {
    if (scan::on_intent(s.m, intent, s.out)) return;
    std::visit(Handlers{
        [&](const intent::OpenLocation& i) { open_location(s, i); },
        [&](const intent::ChooseConnector& i) { choose_connector(s, i); },
        [&](const intent::OpenAddCard& i) { open_add_card(s, i); },
        [&](const intent::AddChargeCard& i) { add_charge_card(s, i); },
        [&](const intent::ChoosePaymentMethod& i) { choose_payment_method(s, i); },
        [&](const intent::StartCharging& i) { start_charging(s, i); },
        [&](const intent::StopCharging& i) { stop_charging(s, i); },
        [&](const intent::ShowSession& i) { show_session(s, i); },
        [&](const intent::ChargeNow& i) { charge_now(s, i); },
        [&](const intent::ApplyUpdate&) {
            if (can_apply_update(s.m)) s.out.emplace_back(ApplyUpdate{});
        },
        [&](const intent::TryAgain& i) { try_again(s, i); },
        [&](const intent::ChooseOtherConnector& i) { choose_other_connector(s, i); },
        [&](const intent::Back& i) { go_back(s, i); },
        [&](const intent::DownloadReceipt&) { offer_receipt(s, OfferDocument::Kind::Download); },
        [&](const intent::PrintReceipt&) { offer_receipt(s, OfferDocument::Kind::Print); },
        [&](const intent::DismissError& i) { dismiss_error(s, i); },
        [&](const intent::Finish& i) { finish(s, i); },
        [&](const intent::OpenWallet&) { open_wallet(s); },
        [&](const intent::RemovePaymentMethod& i) { remove_payment_method(s, i.payment_method_id); },
        [&](const intent::AddExternalMethod& i) {
            ensure_registered(s);
            add_external_method(s, i.external_id);
        },
        [&](const intent::SetDefaultPayment& i) { set_default_payment(s, i.payment_method_id); },
        [&](const intent::OpenHistory&) { open_history(s); },
        [&](const intent::OpenPastSession& i) {
            if (s.m.screen == Screen::History && !i.session_id.empty()) open_past_session(s, i.session_id);
        },
        [&](const intent::AskStop& i) { ask_stop(s, i); },
        [&](const intent::KeepCharging&) { s.m.stop_asked.clear(); },
        [&](const intent::OpenContact& i) {
            if (auto url = contact_link(i.kind, i.written)) s.out.emplace_back(OpenLink{std::move(*url)});
        },
        [&](const intent::OpenDirections& i) { open_directions(s, i); },
        [&](const intent::OpenSettings&) { open_settings(s); },
        [&](const intent::ChooseTheme& i) { choose_theme(s, i); },
        [&](const intent::ChooseTextSize& i) { choose_text_size(s, i); },
        [&](const intent::ChooseLanguage& i) { choose_language(s, i); },
        [&](const intent::SendReceiptMail& i) { send_receipt_mail(s, i); },
        [&](const intent::RememberEmail& i) { remember_email(s, i); },
        [&](const intent::DownloadReceiptPdf&) { download_receipt_pdf(s); },
        [&](const intent::OpenInvoice&) { open_invoice(s); },
        [&](const intent::SaveInvoice& i) { save_invoice(s, i); },
        [&](const intent::OpenExport&) { open_export(s); },
        [&](const intent::ChooseExportMonths& i) { choose_export_months(s, i); },
        [&](const intent::MoveExportMonth& i) { move_export_month(s, i); },
        [&](const intent::ExportSessions& i) { export_sessions(s, i); },
        // The map's intents are map_flow's; the scanner's were taken by scan::on_intent above.
        [](const MapIntent&) {},
        [](const intent::OpenScanner&) {},
        [](const intent::ToggleTorch&) {},
        [](const intent::SubmitEvseId&) {},
        [](const intent::ScanAgain&) {},
    }, intent);
}

void on_tick(Step& s) {
    // Requests past their deadline are answered "no answer" here (status 0), in id order.
    std::vector<int> overdue;
    for (const auto& [id, p] : s.m.pending)
        if (p.deadline != TimePoint{} && s.now >= p.deadline) overdue.push_back(id);
    for (const int id : overdue) on_response(s, HttpResponse{id, 0, {}, {}});
    // Cards being checked: asked about again only while their screen is open.
    if (s.m.tariff_refresh_at && s.now >= *s.m.tariff_refresh_at) {
        s.m.tariff_refresh_at.reset();
        if (s.m.screen == Screen::Price && chosen_connector(s.m) != nullptr) fetch_tariff(s);
    }
    if (s.m.wallet_refresh_at && s.now >= *s.m.wallet_refresh_at) {
        s.m.wallet_refresh_at.reset();
        if (s.m.screen == Screen::Wallet) fetch_wallet(s);
    }
    session_list_tick(s);
    sessions_tick(s);
}

}  // namespace

std::vector<Effect> update(Model& model, const Event& event, TimePoint now) {
    std::vector<Effect> effects;
    Step s{model, now, effects};
    // A deployment that lists its own chargers (hotel, kiosk) shows no map: the map loads nothing.
    const bool map_shown = model.scope.ids.empty() && !model.scope.private_access;
    if (std::get_if<UpdateReady>(&event)) {
        model.update_ready = true;  // kept from before boot too: the page may learn of it first
        return effects;
    }
    if (const auto* l = std::get_if<LanguagesChanged>(&event)) {
        model.browser_languages = l->languages;  // "As on this phone" follows the phone at once
        return effects;
    }
    if (const auto* boot = std::get_if<Boot>(&event)) {
        const bool first = !model.booted;
        on_boot(s, *boot);
        if (map_shown) map_update(model, event, now, effects);
        if (first) scan::on_boot(model, *boot, effects);
    } else if (!model.booted) {
        // Nothing can be asked for before the app token exists; what the page says of itself is kept.
        if (const auto* c = std::get_if<Connectivity>(&event)) model.online = c->online;
        if (const auto* v = std::get_if<Visibility>(&event)) model.visible = v->visible;
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
    if (model.booted) {
        update_keep_awake(s);
        mail_when_ready(s);
    }
    if (map_shown && model.booted) map_after_event(model, effects);
    return effects;
}

}  // namespace core
