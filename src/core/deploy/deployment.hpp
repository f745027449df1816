// The app around the charge journey, as the deployment's configuration makes it: the driver app,
// a hotel's closed-loop portal (guest check-in, the hotel's chargers, billed to the room) or an
// unattended demo kiosk (attract screen, guided demo, idle countdown and full reset).
// Pure like the journey: events in, effects out; it owns the journey's model and feeds it events.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "config.hpp"
#include "core/journey/journey.hpp"

namespace core {

enum class Stage {
    LoadingConfig,  // waiting for /config.json
    CheckIn,        // portal: the guest gives room and surname, or the booking reference
    Attract,        // kiosk: waiting for a visitor
    Preparing,      // kiosk: registering the demo token and its card
    Journey,        // the charge journey runs
};

// What a checked-in guest may do, as the portal answered (and as stored for a reload).
struct GuestStay {
    std::string app_token, payment_method_id, room;
    std::string arrival, departure;  // YYYY-MM-DD, the hotel's days
    TimePoint valid_until{};
};

struct KioskState {
    TimePoint last_activity{};
    std::optional<TimePoint> countdown_until;  // the reset is due then, unless someone touches
    int demos = 0;                             // demos started since the page loaded
    bool card_requested = false;
    std::string demo_token;  // the current visitor's
    int step = 0;            // the guide's step at the last event (kiosk_step)
};

namespace shell_intent {
// `email`, optional, gets the receipt once a session has ended; kept on the phone only with `remember`.
struct CheckIn {
    std::string room, surname, booking_reference;
    std::string email;
    bool remember = false;
};
struct StartDemo { std::string email; };  // optional, as above; a kiosk keeps nothing
struct ChargerAction { std::string action; };  // plug, unplug, car_full (the simulator's charger side)
struct StillHere {};                           // dismisses the kiosk countdown
struct OpenContact {                           // the hotel's or kiosk owner's support contact tapped
    ContactKind kind = ContactKind::Phone;
    std::string written;
};
}  // namespace shell_intent

using ShellIntent = std::variant<shell_intent::CheckIn, shell_intent::StartDemo, shell_intent::ChargerAction,
                                 shell_intent::StillHere, shell_intent::OpenContact,
                                 intent::ChooseLanguage>;  // also before the journey (check-in, attract)

struct Activity {};  // a touch, click or key anywhere: someone is there

using AppEvent = std::variant<Event, ShellIntent, Activity>;

struct AppModel {
    Stage stage = Stage::LoadingConfig;
    DeployConfig config;
    Model journey;
    Boot boot;  // kept until the journey may start
    std::optional<GuestStay> guest;
    bool checking_in = false;
    KioskState kiosk;
    std::optional<UserMessage> message;  // for the check-in and attract screens
    // An address given at check-in or the kiosk for the receipt, handed to the journey when it starts.
    std::string receipt_email;
    bool remember_email = false;
    std::map<int, std::string> pending;  // the shell's own requests: id -> what
    int config_attempts = 0;
    bool update_ready = false;  // a new version waits: the kiosk takes it between visitors
    // What the page said of itself, from before the journey began: a reload with no network is
    // offline from its first frame.
    bool online = true;
    bool visible = true;
};

inline constexpr const char* kKeyPortalGuest = "portalGuest";
inline constexpr int kMaxGuestText = 50;  // names and references: 1 to 50 characters
inline constexpr int kMaxRoomText = 10;
inline constexpr int kConfigAttempts = 4;

std::vector<Effect> update_app(AppModel& model, const AppEvent& event, TimePoint now);

// The kiosk guide's step for the journey's state (0 when there is none to show), of kKioskSteps.
inline constexpr int kKioskSteps = 5;
int kiosk_step(const AppModel& m);
// Seconds left on the kiosk's countdown, or -1 when none runs.
int kiosk_seconds_left(const AppModel& m, TimePoint now);
// "Charged to room 12" on a portal receipt; empty elsewhere.
std::string receipt_note(const AppModel& m);

std::string encode_guest(const GuestStay& g);
std::optional<GuestStay> decode_guest(std::string_view stored);

}  // namespace core
