// Inside the journey: one update's context and the small moves every part of it makes (send a
// request, persist, announce). Shared by update.cpp, the flows beside it and the session parts; not for views.
#pragma once
#include <string>
#include <vector>

#include "journey.hpp"

namespace core::detail {

struct Step {
    Model& m;
    TimePoint now;
    std::vector<Effect>& out;
};

inline bool is_success(int status) { return status >= 200 && status < 300; }
// No answer, a timeout or a busy service: the request may have passed or may pass if sent again.
inline bool unclear(int status) { return status == 0 || status == 408 || status == 429 || status >= 500; }

bool in_flight(const Model& m, RequestKind kind);
bool in_flight(const Model& m, RequestKind kind, const std::string& context);
// Forgets earlier requests of this kind: a newer one replaces them, and their answers are stale.
void forget(Model& m, RequestKind kind);
void forget(Model& m, RequestKind kind, const std::string& context);
void send(Step& s, HttpRequest request, RequestKind kind, std::string context = {});
void persist(Step& s, const char* key, std::optional<std::string> value);
void announce(Step& s, std::string text);
void wake_at(Step& s, TimePoint at);
void clear_message_if(Model& m, Str text);
// The words for a failed request: no answer at all is a network problem; otherwise `what`
// went wrong, with the service's own explanation when it gave one.
UserMessage failure(const HttpResponse& r, Str what);
// 3 s, 6 s, 12 s ... capped at 30 s, less up to 10 % of jitter drawn from the app token and
// the request id (no clock, no rand()): phones that lost the network together spread out.
Millis backoff(int failures, int request_id, std::string_view app_token);

}  // namespace core::detail
