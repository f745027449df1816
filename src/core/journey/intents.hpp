// What the driver can ask for (intents, emitted by the views) and every event update() takes.
#pragma once
#include <string>
#include <variant>

#include "core/io/io.hpp"
#include "contact_links.hpp"
#include "core/map/map.hpp"
#include "model.hpp"

namespace core {

namespace intent {
struct OpenLocation { std::string location_id; };
struct ChooseConnector { std::string evse_uid; std::string connector_id; };
struct OpenAddCard {};
struct AddChargeCard { std::string visual_number; };
struct ChoosePaymentMethod { std::string payment_method_id; };
struct StartCharging {};
struct StopCharging { std::string session_id; };  // empty: the session on screen (also cancels one not started)
struct AskStop { std::string session_id; };       // the first Stop tap: the screen asks once before stopping
struct KeepCharging {};                           // the driver answered no
struct ShowSession { std::string session_id; };   // one of several running sessions
struct ChargeNow { std::string session_id; };     // full power now, overriding smart charging
struct TryAgain {};  // after a start that timed out or was cancelled: back to that connector's price
struct ChooseOtherConnector {};  // after a start that did not run: that location's connectors
struct OpenWallet {};
struct RemovePaymentMethod { std::string payment_method_id; };
struct AddExternalMethod { std::string external_id; };  // the integrator takes payment (PSP, room bill)
struct SetDefaultPayment { std::string payment_method_id; };
struct OpenHistory {};
struct OpenPastSession { std::string session_id; };  // its receipt, from the history
struct Back {};
struct DismissError {};
struct Finish {};  // leave the receipt, back to the map
struct DownloadReceipt {};
struct PrintReceipt {};
// A support contact tapped (the operator's phone, e-mail or site on an outcome screen).
struct OpenContact {
    ContactKind kind = ContactKind::Phone;
    std::string written;
};
// Directions to a location, in the phone's maps app (Model::directions says which).
struct OpenDirections { std::string location_id; };
// Scanning (scan_flow.hpp).
struct OpenScanner {};
struct ToggleTorch {};
struct SubmitEvseId { std::string text; };  // typed by the driver
struct ScanAgain {};
// Display settings (preferences_flow.cpp).
struct OpenSettings {};
struct ChooseTheme { ThemeChoice theme; };
struct ChooseTextSize { int percent; };  // one of kTextPercents
struct ChooseLanguage { std::string code; };  // one the deployment offers; empty: the browser's
// Receipts a driver keeps (receipts_flow.cpp).
struct SendReceiptMail { std::string address; };   // the receipt on screen, to this address
struct RememberEmail { bool remember = false; };   // keep the address on this phone (or forget it now)
struct DownloadReceiptPdf {};
struct OpenInvoice {};
struct SaveInvoice { InvoiceDetails details; };
struct OpenExport {};
struct ChooseExportMonths { bool several = false; };  // one month, or several
struct MoveExportMonth { bool first_end = false; int delta = 0; };
struct ExportSessions { ExportFormat format = ExportFormat::Csv; };
// The driver takes the waiting new version (offered on the map, never during a session).
struct ApplyUpdate {};
}  // namespace intent

using UserIntent = std::variant<MapIntent, intent::OpenLocation, intent::ChooseConnector,
                                intent::OpenAddCard, intent::AddChargeCard, intent::ChoosePaymentMethod,
                                intent::StartCharging, intent::StopCharging, intent::Back,
                                intent::DismissError, intent::Finish, intent::DownloadReceipt,
                                intent::PrintReceipt, intent::OpenScanner, intent::ToggleTorch,
                                intent::SubmitEvseId, intent::ScanAgain, intent::ShowSession, intent::TryAgain,
                                intent::ChooseOtherConnector,
                                intent::OpenWallet, intent::RemovePaymentMethod, intent::AddExternalMethod,
                                intent::SetDefaultPayment, intent::OpenHistory, intent::OpenPastSession,
                                intent::OpenSettings, intent::ChooseTheme, intent::ChooseTextSize, intent::ChooseLanguage,
                                intent::AskStop, intent::KeepCharging, intent::OpenContact,
                                intent::OpenDirections, intent::ChargeNow, intent::ApplyUpdate,
                                intent::SendReceiptMail, intent::RememberEmail, intent::DownloadReceiptPdf,
                                intent::OpenInvoice, intent::SaveInvoice, intent::OpenExport,
                                intent::ChooseExportMonths, intent::MoveExportMonth, intent::ExportSessions>;

using Event = std::variant<Boot, UserIntent, HttpResponse, Tick, QrDecoded, CameraReport, Visibility, Connectivity,
                           StorageChanged, UpdateReady, LanguagesChanged>;

}  // namespace core
