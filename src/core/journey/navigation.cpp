// Moving back through the screens, leaving a receipt, its download and print, the problem banner.
#include "flows.hpp"
#include "receipts_flow.hpp"
#include "core/pricing/pricing.hpp"

namespace core::detail {
namespace {

// From a receipt: back to the history it was opened from, else to what still runs, else the map.
void leave_receipt(Model& m) {
    m.receipt.reset();
    m.receipt_tariff.reset();
    m.receipt_session_id.clear();
    reset_receipt_tasks(m);
    if (m.receipt_from_history) {
        m.receipt_from_history = false;
        m.screen = Screen::History;
    } else {
        m.screen = m.sessions.empty() ? Screen::Map : Screen::Session;
    }
}

}  // namespace

void go_back(Step& s, const intent::Back&) {
    Model& m = s.m;
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
        case Screen::Settings:
            m.screen = m.settings_return_to;
            break;
        case Screen::Invoice:
            m.invoice_problem.reset();
            m.screen = m.invoice_return_to;
            break;
        case Screen::Export:
            m.screen = Screen::History;
            break;
        case Screen::Session:  // to the map; the session bar on every screen leads back
            m.stop_asked.clear();
            m.screen = Screen::Map;
            break;
        case Screen::Map:
        case Screen::Scan:  // scan_flow handles these
        case Screen::ScanResult:
            break;
    }
}

void finish(Step& s, const intent::Finish&) {
    Model& m = s.m;
    if (m.screen != Screen::Receipt && !m.receipt) return;
    leave_receipt(m);
}

void offer_receipt(Step& s, OfferDocument::Kind kind) {
    Model& m = s.m;
    if (!m.receipt) return;
    ReceiptDocument d = receipt_document(*m.receipt, receipt_context(m));
    if (kind == OfferDocument::Kind::Download)
        s.out.emplace_back(OfferDocument{OfferDocument::Kind::Download, std::move(d.filename), "text/plain", std::move(d.text)});
    else
        s.out.emplace_back(OfferDocument{OfferDocument::Kind::Print, std::move(d.filename), "text/html", std::move(d.html)});
}

void dismiss_error(Step& s, const intent::DismissError&) { s.m.message.reset(); }

}  // namespace core::detail
