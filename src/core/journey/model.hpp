// The journey's whole state: which screen, what was loaded, the running sessions, the requests
// in flight. Views read it; only update() and the flows beside it change it.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/api.hpp"
#include "core/map/map.hpp"
#include "core/receipts/receipts.hpp"
#include "core/scan/scan.hpp"
#include "core/session/session.hpp"
#include "core/text/text.hpp"
#include "core/time/time.hpp"

namespace core {

// Storage keys (also read back in Boot::stored).
inline constexpr const char* kKeyAppToken = "appToken";
// JSON array, one entry per running session: id, location, evse, connector, last status body, tariff.
inline constexpr const char* kKeyActiveSessions = "activeSessions";
// A start whose outcome is not settled yet (start_guard.hpp); written before the request is sent.
inline constexpr const char* kKeyStartPending = "startPending";
// The payment method the driver made default (this phone only; the API has no such flag).
inline constexpr const char* kKeyDefaultPayment = "defaultPaymentMethod";
// The driver's display choices (this phone only): {"theme":"system|light|dark","textPercent":100|125|150}.
inline constexpr const char* kKeyPreferences = "preferences";
// The address receipts are e-mailed to, kept only when the driver ticked "Remember".
inline constexpr const char* kKeyReceiptEmail = "receiptEmail";
// The driver's invoice details (invoice.hpp's storage form), printed on receipts; this phone only.
inline constexpr const char* kKeyInvoice = "invoiceDetails";
// An address given before charging (hotel check-in, kiosk): kept until that session's receipt is sent.
inline constexpr const char* kKeyMailWhenReady = "receiptMailPending";

enum class Screen { Map, Location, Price, AddCard, Session, Receipt, Wallet, History, Scan, ScanResult, Settings, Invoice, Export };

// How the app looks on this phone: the theme follows the system's unless chosen, and text can be larger.
enum class ThemeChoice { System, Light, Dark };
inline constexpr int kTextPercents[] = {100, 125, 150};
struct Preferences {
    ThemeChoice theme = ThemeChoice::System;
    int text_percent = 100;
    std::string language;  // the code the driver chose ("nl"); empty: the browser's languages decide
    bool operator==(const Preferences&) const = default;
};
std::string encode_preferences(const Preferences& p);
Preferences decode_preferences(std::string_view text);  // defaults for anything unreadable

enum class RequestKind {
    RegisterToken, Wallet, Locations, Location, Tariff, DefaultTariff, AddCard, Start, Status, Stop,
    Sessions, RemovePayment, AddExternal, PastSession, QrResolve, EvseLookup, HighPriority,
    MailReceipt, ReceiptPdf, ExportSessions
};

struct PendingRequest {
    RequestKind kind;
    std::string context;  // e.g. the location id asked for
    TimePoint deadline{};  // past this (its time-out and some grace) it counts as unanswered
};

struct UserMessage {
    Str text = Str::None;
    std::string detail;  // from the server, shown below the text when not empty
};

// One send, download or export through serve.py's /receipts/*: on its way, done, or refused.
struct ReceiptTask {
    enum class State { Idle, Working, Done, Failed } state = State::Idle;
    std::string detail;  // Done: the address sent to or the file saved; Failed: why, in the driver's words
};

// The locations a deployment is about (a hotel's chargers, a kiosk's demo): empty ids means all.
// Private (closed-loop) locations are asked for with the app token as filter.appToken.
struct LocationScope {
    std::vector<std::string> ids;
    bool private_access = false;
};

struct Model {
    Screen screen = Screen::Map;
    LocationScope scope;
    bool booted = false;

    std::string app_token;
    bool token_registered = false;
    bool token_new = false;  // made on this visit: the service knows nothing of it before it is registered

    MapState map;  // see core/map/state.hpp; its rules are in map_flow.cpp

    // A deployment's own chargers (a hotel's, a kiosk's), listed instead of the map: read from
    // this area, page by page, with filter.appToken where the chargers are private.
    BoundingBox map_box{52.30, 4.90, 52.55, 5.30};
    std::vector<LocationSummary> locations;
    bool locations_loading = false;
    // What the pages of that list gave so far (in scope or not) and the tokens followed: a next page
    // that is empty or repeats one of them, or a token given twice, ends the paging.
    std::set<std::string> locations_seen;
    std::vector<std::string> locations_tokens;

    std::optional<Location> location;  // the opened one
    bool location_loading = false;
    std::string chosen_evse_uid, chosen_connector_id;

    std::vector<PaymentMethod> wallet;
    bool wallet_loaded = false;
    std::vector<WalletTariffItem> tariffs;  // for the chosen connector, one per payment method
    bool tariffs_loading = false;
    std::optional<Tariff> default_tariff;  // the connector's published price, known without a card
    bool default_tariff_loading = false;
    // While a card here is still being verified its price is unknown: ask again at this time,
    // each wait longer than the one before (verification_wait).
    std::optional<TimePoint> tariff_refresh_at;
    bool tariffs_failed = false;  // the last ask got no usable answer: the price is unknown, not unpublished
    int verification_polls = 0;  // asked again this many times for the card on this screen
    // The same for the wallet screen, whose cards' states change by themselves.
    std::optional<TimePoint> wallet_refresh_at;
    int wallet_polls = 0;
    std::string chosen_payment_method_id;
    bool card_adding = false;

    // A new version of the app waits (UpdateReady): the map offers it while no session runs.
    bool update_ready = false;
    std::vector<std::string> browser_languages;                  // from Boot
    std::vector<std::string> offered_languages{"en", "nl", "de", "fr"};  // the deployment's, its default first

    bool start_in_flight = false;
    // A start sent (or being sent) whose outcome is not settled; blocks another start until the
    // session list settles it. From another tab: `start_elsewhere`.
    std::optional<StartMarker> start_marker;
    std::optional<StartMarker> start_elsewhere;
    std::optional<TimePoint> start_check_at;  // when to ask the session list about start_marker
    int start_check_failures = 0;

    std::vector<ActiveSession> sessions;  // every running session of this token, oldest first
    std::string shown_session;            // the id on the session screen
    std::string stop_asked;               // Stop tapped once for this session: the screen asks to confirm
    std::vector<std::string> closed_sessions;  // ended here: not taken up again from the list
    std::optional<TimePoint> sessions_refresh_at;
    std::optional<SessionStatus> receipt;  // the final status once the session is over
    std::optional<Tariff> receipt_tariff;  // the price it ran under, when known: billed steps explained
    bool receipt_from_history = false;     // Done leads back to the history
    std::string receipt_session_id;        // the session the receipt is of
    int receipt_visit = 0;                 // counts receipts opened and left: what was typed on one stays with it

    // Receipts a driver keeps (receipts_flow.cpp): the e-mail, the PDF, the invoice details, the export.
    std::string kept_email;       // remembered on this phone, only when the driver ticked Remember
    bool remember_email = false;  // the Remember tick, as it stands
    ReceiptTask mail, pdf, exporting;
    InvoiceDetails invoice;       // kept on this phone
    Screen invoice_return_to = Screen::Receipt;
    // Why the details typed were not saved, as the check found it: put in words when drawn, so a
    // language changed meanwhile is followed.
    std::optional<InvoiceCheck> invoice_problem;
    ExportPeriod export_period;
    YearMonth export_this_month;  // the phone's month when the export screen opened: nothing later is offered
    // An address given before charging (check-in, kiosk): the next receipt goes there once it is ready.
    std::string mail_when_ready;
    std::string mail_when_ready_session;  // the session it is being sent for, once tried
    int mail_when_ready_tries = 0;
    std::optional<TimePoint> mail_retry_at;

    std::string default_payment_method_id;
    bool wallet_busy = false;  // a removal or an external method on its way
    bool add_card_for_wallet = false;  // the add-card screen was opened from the wallet
    std::vector<SessionSummary> history;  // the token's sessions, newest first
    bool history_loading = false;
    PhoneZone phone_zone;  // from Boot: a session's times are the charger's, named when this differs
    // Directions to a charger: offered unless the deployment is a kiosk (nobody drives off with it);
    // the device from Boot picks the maps app, a deployment may name its web map.
    struct Directions {
        bool offered = true;
        DeviceKind device = DeviceKind::Other;
        std::string web_template;
    } directions;

    bool visible = true;  // polling pauses while the page is hidden
    bool online = true;   // and while the browser says it is offline
    bool keep_awake = false;

    ScanState scan;
    Screen scan_return_to = Screen::Map;  // where Back leads from the scanner

    Preferences prefs;
    Screen settings_return_to = Screen::Map;

    std::optional<UserMessage> message;  // a problem to show the driver
    std::map<int, PendingRequest> pending;
    int next_request_id = 1;
};

// Polling rhythm (DESIGN: poll every 3 s until CHARGING, then as the service proposes).
inline constexpr Millis kPollInterval{3000};
inline constexpr Millis kPollMin{2000};
inline constexpr Millis kPollMax{30000};
// After a request's own time-out, how long the core waits for the platform's answer before it
// counts the request as unanswered itself: no request is left hanging, whatever the platform does.
inline constexpr Millis kRequestGrace{5000};
// How long a COMPLETED session waits for CDR_AVAILABLE before its COMPLETED status is the receipt.
inline constexpr Millis kCompletedGrace{120000};
// 4xx answers in a row to status polls after which the session is given up as unknown.
inline constexpr int kMaxClientErrors = 5;
// While sessions run, the session list is read again this often (sessions started elsewhere).
inline constexpr Millis kSessionsRefresh{60000};
// How far back the session list is read for sessions to take up again.
inline constexpr Millis kSessionsWindow{48LL * 3600 * 1000};
// The most map locations gathered by following continuation tokens for one area.
inline constexpr size_t kMaxMapLocations = 500;
// While a card is being verified it is asked about again after 2 s, then each wait 1.5 times the
// one before, at most 15 s: about the pace the service proposes for a session that is starting
// (nextStatusCall 3 s), and never faster.
// A receipt mailed by itself (an address given at check-in) that the server has not got ready yet
// is asked for again after this, a few times.
inline constexpr Millis kMailRetry{30000};
inline constexpr int kMailTries = 10;
inline constexpr Millis kVerifyFirstWait{2000};
inline constexpr Millis kVerifyMaxWait{15000};
Millis verification_wait(int polls_so_far);

}  // namespace core
