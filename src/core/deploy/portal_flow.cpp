// The hotel portal's part of the deployment shell: the guest's check-in, the stay it allows, and
// the stored record that lets a reload carry on.
#include "core/api/api.hpp"
#include "shell.hpp"
#include "core/text/text.hpp"

namespace core {
namespace {

// The stay as the check-in answers it and as it is stored: both have the same fields.
std::optional<GuestStay> read_guest(const FieldReader& f) {
    GuestStay g;
    g.app_token = f.string_or("appToken");
    g.payment_method_id = f.string_or("paymentMethodId");
    g.room = f.string_or("room");
    g.arrival = f.string_or("arrival");
    g.departure = f.string_or("departure");
    const auto until = f.opt_time("validUntil");
    if (g.app_token.empty() || !until) return std::nullopt;
    g.valid_until = *until;
    return g;
}

}  // namespace

namespace shell {

void to_check_in(Run& r, std::optional<UserMessage> why) {
    r.m.guest.reset();
    r.m.journey = fresh_journey(r.m);
    r.m.stage = Stage::CheckIn;
    r.m.message = std::move(why);
    r.out.emplace_back(ClearStorage{});
}

void admit_guest(Run& r, GuestStay stay, bool store) {
    if (store) r.out.emplace_back(Persist{kKeyPortalGuest, encode_guest(stay)});
    Boot boot = r.m.boot;
    boot.stored.clear();
    boot.stored[kKeyAppToken] = stay.app_token;
    // a session the guest started before a reload is resumed
    for (const char* key : {kKeyActiveSessions, kKeyStartPending, kKeyReceiptEmail, kKeyInvoice, kKeyMailWhenReady})
        if (auto it = r.m.boot.stored.find(key); it != r.m.boot.stored.end() && !store) boot.stored[key] = it->second;
    // the display settings and the language the guest may have picked at the check-in
    if (auto it = r.m.boot.stored.find(kKeyPreferences); it != r.m.boot.stored.end()) boot.stored[kKeyPreferences] = it->second;
    r.m.guest = std::move(stay);
    r.m.message.reset();
    start_journey(r, std::move(boot));
    if (store) give_receipt_email(r);
    r.out.emplace_back(WakeAt{r.m.guest->valid_until + Millis{1}});
}

void on_check_in(Run& r, const shell_intent::CheckIn& i) {
    if (r.m.checking_in || r.m.stage != Stage::CheckIn) return;
    auto trimmed = [](const std::string& s) {
        const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    const std::string room = trimmed(i.room), surname = trimmed(i.surname), reference = trimmed(i.booking_reference);
    if (reference.empty() && (room.empty() || surname.empty())) {
        r.m.message = UserMessage{Str::CheckInIncomplete, {}};
        return;
    }
    if (room.size() > kMaxRoomText || surname.size() > kMaxGuestText || reference.size() > kMaxGuestText) {
        r.m.message = UserMessage{Str::GuestTextTooLong, {}};
        return;
    }
    if (!take_receipt_email(r, i.email, i.remember)) return;
    Json body = Json::object();
    if (!reference.empty()) {
        body["bookingReference"] = reference;
    } else {
        body["room"] = room;
        body["surname"] = surname;
    }
    body["lang"] = std::string(language_code(language()));  // the portal answers in the app's language
    r.m.message.reset();
    r.m.checking_in = true;
    send(r, json_request("POST", "/portal/checkin", body), kCheckInRequest);
}

void on_check_in_answer(Run& r, const HttpResponse& a) {
    r.m.checking_in = false;
    ReadLog log;
    const auto json = parse_json(a.body, log);
    const Json empty = Json::object();
    const FieldReader f(json && json->is_object() ? *json : empty, "checkin", log);
    if (a.status == 200) {
        auto g = read_guest(f);
        if (!g) {
            r.m.message = UserMessage{Str::ErrorBadData, {}};
            return;
        }
        admit_guest(r, std::move(*g), true);
        return;
    }
    const std::string code = f.string_or("code");
    if (a.status == 0) r.m.message = UserMessage{Str::ErrorNetwork, {}};
    else if (a.status == 404) r.m.message = UserMessage{Str::GuestNotFound, {}};
    else if (a.status == 429) r.m.message = UserMessage{Str::TooManyAttempts, f.string_or("message")};
    else if (code == "STAY_NOT_STARTED")
        r.m.message = UserMessage{Str::StayNotStarted, format_calendar_day(f.string_or("arrival"))};
    else if (code == "STAY_ENDED")
        r.m.message = UserMessage{Str::StayEnded, format_calendar_day(f.string_or("departure"))};
    else
        r.m.message = UserMessage{a.status >= 500 ? Str::ErrorServer : Str::CheckInIncomplete,
                                  decode_error_message(a.body)};
}

// The stay is over: back to the check-in, unless the guest still has a session running (it ends
// as usual; only new starts are refused by the server).
void check_stay(Run& r) {
    if (!r.m.guest || r.now <= r.m.guest->valid_until || !r.m.journey.sessions.empty()) return;
    const std::string day = r.m.guest->departure;
    to_check_in(r, UserMessage{Str::StayEnded, format_calendar_day(day)});
}

}  // namespace shell

std::string receipt_note(const AppModel& m) {
    if (m.config.mode != AppMode::Portal || !m.guest || m.guest->room.empty()) return {};
    return tr_format(Str::ChargedToRoom, {m.guest->room});
}

std::string encode_guest(const GuestStay& g) {
    Json j = Json::object();
    j["appToken"] = g.app_token;
    j["paymentMethodId"] = g.payment_method_id;
    j["room"] = g.room;
    j["arrival"] = g.arrival;
    j["departure"] = g.departure;
    j["validUntil"] = format_iso8601_utc(g.valid_until);
    return dump_json(j);
}

std::optional<GuestStay> decode_guest(std::string_view stored) {
    ReadLog log;
    const auto json = parse_json(stored, log);
    if (!json) return std::nullopt;
    return read_guest(FieldReader(*json, "guest", log));
}

}  // namespace core
