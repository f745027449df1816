// Shared by the deployment's parts (deployment.cpp, portal_flow.cpp, kiosk_flow.cpp): one step of
// the shell, its request bookkeeping and the journey it owns. Not part of the core's public API.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "deployment.hpp"
#include "core/api/api.hpp"

namespace core::shell {

inline constexpr const char* kConfigRequest = "config";
inline constexpr const char* kCheckInRequest = "checkin";
inline constexpr const char* kCleanupRequest = "cleanup";
inline constexpr const char* kControlRequest = "control";
inline constexpr const char* kDemoTokenRequest = "demo-token";

struct Run {
    AppModel& m;
    TimePoint now;
    std::vector<Effect>& out;
};

void feed_journey(Run& r, const Event& event);
// The address a guest or visitor gave for the receipt, checked (a message and false when it is no
// address); empty is fine: it is optional.
bool take_receipt_email(Run& r, const std::string& typed, bool remember);
// Hands that address to the journey just started: the receipt goes there once ready.
void give_receipt_email(Run& r);
// Sends a request of the shell's own; its answer comes back to the shell, never to the journey.
void send(Run& r, HttpRequest request, const char* what);
HttpRequest json_request(const char* method, std::string path, const Json& body);
// A journey model set up for this deployment; request ids go on from the old one, so late answers
// to the old journey's requests cannot be taken for the new one's.
Model fresh_journey(const AppModel& m);
void start_journey(Run& r, Boot boot);

// portal_flow.cpp
void to_check_in(Run& r, std::optional<UserMessage> why);
void admit_guest(Run& r, GuestStay stay, bool store);
void on_check_in(Run& r, const shell_intent::CheckIn& i);
void on_check_in_answer(Run& r, const HttpResponse& a);
void check_stay(Run& r);

// kiosk_flow.cpp
void touched(Run& r);
void reset_kiosk(Run& r);
void start_demo(Run& r, const shell_intent::StartDemo& i);
void on_demo_token_answer(Run& r, const HttpResponse& a);
void advance_demo(Run& r);
void on_kiosk_tick(Run& r);
void on_charger_action(Run& r, const shell_intent::ChargerAction& a);
void on_control_answer(Run& r, const HttpResponse& a);
// After every event: a new step of the guide takes away the refusal of the step before.
void follow_kiosk_step(Run& r);

}  // namespace core::shell
