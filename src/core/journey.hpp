// The charge journey as a pure state machine: events in, effects out (Elm / sans-I/O style).
// The platform runs the effects and feeds back events; the UI reads the Model and emits intents.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "api_types.hpp"
#include "scan_state.hpp"
#include "start_guard.hpp"
#include "map_state.hpp"
#include "strings.hpp"
#include "time_point.hpp"

namespace core {

// ---- events -------------------------------------------------------------------------------

struct BoundingBox {
    double bottom_left_lat = 0, bottom_left_lng = 0, top_right_lat = 0, top_right_lng = 0;
};

namespace intent {
struct OpenLocation { std::string location_id; };
struct ChooseConnector { std::string evse_uid; std::string connector_id; };
struct OpenAddCard {};
struct AddChargeCard { std::string visual_number; };
struct ChoosePaymentMethod { std::string payment_method_id; };
struct StartCharging {};
struct StopCharging { std::string session_id; };  // empty: the session on screen (also cancels one not started)
struct ShowSession { std::string session_id; };   // one of several running sessions
struct TryAgain {};  // after a start that timed out or was cancelled: back to that connector's price
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
// Scanning (scan_flow.hpp).
struct OpenScanner {};
struct ToggleTorch {};
struct SubmitEvseId { std::string text; };  // typed by the driver
struct ScanAgain {};
}  // namespace intent

using UserIntent = std::variant<MapIntent, intent::OpenLocation, intent::ChooseConnector,
                                intent::OpenAddCard, intent::AddChargeCard, intent::ChoosePaymentMethod,
                                intent::StartCharging, intent::StopCharging, intent::Back,
                                intent::DismissError, intent::Finish, intent::DownloadReceipt,
                                intent::PrintReceipt, intent::OpenScanner, intent::ToggleTorch,
                                intent::SubmitEvseId, intent::ScanAgain, intent::ShowSession, intent::TryAgain,
                                intent::OpenWallet, intent::RemovePaymentMethod, intent::AddExternalMethod,
                                intent::SetDefaultPayment, intent::OpenHistory, intent::OpenPastSession>;

// First event after load: what storage held, and fresh randomness for a new app token.
struct Boot {
    std::map<std::string, std::string> stored;
    std::string random_hex;  // >= 32 hex chars from crypto.getRandomValues
    std::string launch_url;  // the page's URL: a sticker may point here with a charger code in it
    int utc_offset_minutes = 0;  // the phone's time zone now, for dates shown to the driver
};

// status 0 means no HTTP answer at all (network down, aborted, timed out).
struct HttpResponse {
    int request_id = 0;
    int status = 0;
    std::string body;
};

struct Tick {};  // a WakeAt came due (the time itself comes with every event)

// The camera found a code (untrusted text), or the camera changed state.
struct QrDecoded { std::string text; };
struct CameraReport {
    CameraStatus status = CameraStatus::Off;
    bool torch_supported = false;
};


// The page was hidden or shown (Page Visibility API): polling pauses while nobody looks.
struct Visibility { bool visible = true; };
// The browser went offline or online (navigator.onLine and its events).
struct Connectivity { bool online = true; };
// Another tab of the app changed a stored key (the `storage` event).
struct StorageChanged {
    std::string key;
    std::optional<std::string> value;  // nullopt: removed
};

using Event = std::variant<Boot, UserIntent, HttpResponse, Tick, QrDecoded, CameraReport, Visibility, Connectivity,
                           StorageChanged>;

// ---- effects ------------------------------------------------------------------------------

struct HttpRequest {
    int id = 0;
    std::string method;  // GET, PUT, POST, DELETE
    std::string path;    // under the app's origin, e.g. "/api/session/status?appToken=…"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;  // JSON, empty for none
    int timeout_ms = 15000;
};

struct Persist {
    std::string key;
    std::optional<std::string> value;  // nullopt removes the key
};

struct WakeAt { TimePoint at; };
struct Announce { std::string text; };  // for the aria-live region
// A document for the driver: saved as a file, or printed (the platform renders `content`, HTML).
struct OfferDocument {
    enum class Kind { Download, Print } kind = Kind::Download;
    std::string filename;
    std::string mime;
    std::string content;
};

struct Camera {  // the rear camera for the scanner: on or off, torch on or off
    bool on = false;
    bool torch = false;
};

struct ClearStorage {};  // forget everything this app stored (a kiosk's reset, a guest's check-out)

// Keep the screen on (Screen Wake Lock) while a session starts or charges, where supported.
struct KeepAwake { bool on = false; };

struct HttpAbort { int id = 0; };         // a request nobody waits for any more (its answer is ignored)
struct Locate {};                         // ask the browser where the phone is (Geolocation)
// The launch address's charger code (?evse=, ?qr=) has done its job: take it out of the address
// bar, so a reload or a shared link later does not jump to that charger again.
struct ForgetLaunchCode {};

using Effect = std::variant<HttpRequest, Persist, WakeAt, Announce, OfferDocument, Camera, ClearStorage, KeepAwake,
                            HttpAbort, Locate, ForgetLaunchCode>;

// Storage keys (also read back in Boot::stored).
inline constexpr const char* kKeyAppToken = "appToken";
// JSON array, one entry per running session: id, location, evse, connector, last status body, tariff.
inline constexpr const char* kKeyActiveSessions = "activeSessions";
// A start whose outcome is not settled yet (start_guard.hpp); written before the request is sent.
inline constexpr const char* kKeyStartPending = "startPending";
// The payment method the driver made default (this phone only; the API has no such flag).
inline constexpr const char* kKeyDefaultPayment = "defaultPaymentMethod";

// ---- model --------------------------------------------------------------------------------

enum class Screen { Map, Location, Price, AddCard, Session, Receipt, Wallet, History, Scan, ScanResult };

enum class RequestKind {
    RegisterToken, Wallet, Locations, Location, Tariff, DefaultTariff, AddCard, Start, Status, Stop,
    Sessions, RemovePayment, AddExternal, PastSession, QrResolve, EvseLookup
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

struct ActiveSession {
    std::string id;
    std::string location_id, evse_uid, connector_id;
    std::optional<SessionStatus> last;  // last status received
    std::optional<Tariff> tariff;  // the price shown at the start (session_tariff.hpp), for the running cost
    std::string last_body;                 // its body, as stored
    std::optional<TimePoint> last_update;  // when `last` arrived
    std::optional<TimePoint> requested_at;  // when this phone learnt of the session (start answered)
    bool stop_requested = false;  // from the tap until the session is over, or the stop is refused
    int stop_failures = 0;        // stops that got no clear answer in a row: retried with backoff
    std::optional<TimePoint> stop_retry_at;
    int consecutive_failures = 0;
    int consecutive_client_errors = 0;  // 4xx in a row: the service may have forgotten the session
    TimePoint next_poll{};
    std::optional<TimePoint> completed_since;  // first COMPLETED seen; CDR_AVAILABLE normally follows
    bool parked = false;  // PARKING was seen (the timeline shows "car full")
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

    MapState map;  // see map_state.hpp; its rules are in map_controller.cpp

    // A deployment's own chargers (a hotel's, a kiosk's), listed instead of the map: read from
    // this area, page by page, with filter.appToken where the chargers are private.
    BoundingBox map_box{52.30, 4.90, 52.55, 5.30};
    std::vector<LocationSummary> locations;
    bool locations_loading = false;

    std::optional<Location> location;  // the opened one
    bool location_loading = false;
    std::string chosen_evse_uid, chosen_connector_id;

    std::vector<PaymentMethod> wallet;
    bool wallet_loaded = false;
    std::vector<WalletTariffItem> tariffs;  // for the chosen connector, one per payment method
    bool tariffs_loading = false;
    std::optional<Tariff> default_tariff;  // the connector's published price, known without a card
    bool default_tariff_loading = false;
    // While a chosen card is still being verified its price is unknown: ask again at this time.
    std::optional<TimePoint> tariff_refresh_at;
    std::string chosen_payment_method_id;
    bool card_adding = false;

    bool start_in_flight = false;
    // A start sent (or being sent) whose outcome is not settled; blocks another start until the
    // session list settles it. From another tab: `start_elsewhere`.
    std::optional<StartMarker> start_marker;
    std::optional<StartMarker> start_elsewhere;
    std::optional<TimePoint> start_check_at;  // when to ask the session list about start_marker
    int start_check_failures = 0;

    std::vector<ActiveSession> sessions;  // every running session of this token, oldest first
    std::string shown_session;            // the id on the session screen
    std::vector<std::string> closed_sessions;  // ended here: not taken up again from the list
    std::optional<TimePoint> sessions_refresh_at;
    std::optional<SessionStatus> receipt;  // the final status once the session is over
    bool receipt_from_history = false;     // Done leads back to the history

    std::string default_payment_method_id;
    bool wallet_busy = false;  // a removal or an external method on its way
    bool add_card_for_wallet = false;  // the add-card screen was opened from the wallet
    std::vector<SessionSummary> history;  // the token's sessions, newest first
    bool history_loading = false;
    int utc_offset_minutes = 0;  // from Boot

    bool visible = true;  // polling pauses while the page is hidden
    bool online = true;   // and while the browser says it is offline
    bool keep_awake = false;

    ScanState scan;

    std::optional<UserMessage> message;  // a problem to show the driver
    std::map<int, PendingRequest> pending;
    int next_request_id = 1;
};

// Advances the model by one event at time `now` and returns the effects to run, in order.
std::vector<Effect> update(Model& model, const Event& event, TimePoint now);

// Helpers the views use; pure functions of the model.
const Evse* chosen_evse(const Model& m);
const Connector* chosen_connector(const Model& m);
const WalletTariffItem* chosen_tariff_item(const Model& m);
bool can_start(const Model& m);
// The stop button: enabled while a session runs and no stop is under way; shows Stopping
// from the tap until the session is over.
bool can_stop(const Model& m);
bool is_stopping(const Model& m);
// The same for any running session.
bool can_stop(const ActiveSession& s);
bool is_stopping(const ActiveSession& s);
// Stopping before charging began cancels the start: the button says so.
bool is_cancel(const ActiveSession& s);
// The session on the session screen (the first one when none was chosen), or nullptr.
const ActiveSession* shown_session(const Model& m);
// A payment method the driver may start with here: the service knows a price (VALID/UNKNOWN),
// does not call it incompatible, and the card is not INVALID.
bool payment_usable(const WalletTariffItem& item);
// The card number as it will be sent (spaces and dashes dropped), or nullopt when it is not
// 6 to 30 letters and digits.
std::optional<std::string> normalize_card_number(std::string_view typed);

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
// How often the price per payment method is asked again while a card is being verified.
inline constexpr Millis kTariffRefresh{4000};

}  // namespace core
