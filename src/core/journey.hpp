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
struct StopCharging {};
struct Back {};
struct DismissError {};
struct Finish {};  // leave the receipt, back to the map
}  // namespace intent

using UserIntent = std::variant<MapIntent, intent::OpenLocation, intent::ChooseConnector,
                                intent::OpenAddCard, intent::AddChargeCard, intent::ChoosePaymentMethod,
                                intent::StartCharging, intent::StopCharging, intent::Back,
                                intent::DismissError, intent::Finish>;

// First event after load: what storage held, and fresh randomness for a new app token.
struct Boot {
    std::map<std::string, std::string> stored;
    std::string random_hex;  // >= 32 hex chars from crypto.getRandomValues
};

// status 0 means no HTTP answer at all (network down, aborted, timed out).
struct HttpResponse {
    int request_id = 0;
    int status = 0;
    std::string body;
};

struct Tick {};  // a WakeAt came due (the time itself comes with every event)

using Event = std::variant<Boot, UserIntent, HttpResponse, Tick>;

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
struct HttpAbort { int id = 0; };         // a request nobody waits for any more (its answer is ignored)
struct Locate {};                         // ask the browser where the phone is (Geolocation)

using Effect = std::variant<HttpRequest, Persist, WakeAt, Announce, HttpAbort, Locate>;

// Storage keys (also read back in Boot::stored).
inline constexpr const char* kKeyAppToken = "appToken";
inline constexpr const char* kKeyActiveSession = "activeSession";  // JSON: id, location, evse, connector
inline constexpr const char* kKeyLastStatus = "lastSessionStatus";  // last StatusResponse body

// ---- model --------------------------------------------------------------------------------

enum class Screen { Map, Location, Price, AddCard, Session, Receipt };

enum class RequestKind {
    RegisterToken, Wallet, Location, Tariff, DefaultTariff, AddCard, Start, Status, Stop
};

struct PendingRequest {
    RequestKind kind;
    std::string context;  // e.g. the location id asked for
};

struct UserMessage {
    Str text = Str::None;
    std::string detail;  // from the server, shown below the text when not empty
};

struct ActiveSession {
    std::string id;
    std::string location_id, evse_uid, connector_id;
    std::optional<SessionStatus> last;  // last status received
    std::optional<TimePoint> last_update;  // when `last` arrived
    bool stop_requested = false;
    int consecutive_failures = 0;
    int consecutive_client_errors = 0;  // 4xx in a row: the service may have forgotten the session
    TimePoint next_poll{};
    std::optional<TimePoint> completed_since;  // first COMPLETED seen; CDR_AVAILABLE normally follows
};

struct Model {
    Screen screen = Screen::Map;
    bool booted = false;

    std::string app_token;
    bool token_registered = false;

    MapState map;  // see map_state.hpp; its rules are in map_controller.cpp

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
    std::optional<ActiveSession> session;
    std::optional<SessionStatus> receipt;  // the final status once the session is over

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
// How long a COMPLETED session waits for CDR_AVAILABLE before its COMPLETED status is the receipt.
inline constexpr Millis kCompletedGrace{120000};
// 4xx answers in a row to status polls after which the session is given up as unknown.
inline constexpr int kMaxClientErrors = 5;
// How often the price per payment method is asked again while a card is being verified.
inline constexpr Millis kTariffRefresh{4000};

}  // namespace core
