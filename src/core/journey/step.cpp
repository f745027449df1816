// The small moves every part of the journey makes (see step.hpp).
#include "step.hpp"

#include <algorithm>
#include <cstdint>

#include "core/api/api.hpp"

namespace core::detail {

bool in_flight(const Model& m, RequestKind kind) {
    return std::any_of(m.pending.begin(), m.pending.end(), [&](const auto& p) { return p.second.kind == kind; });
}

bool in_flight(const Model& m, RequestKind kind, const std::string& context) {
    return std::any_of(m.pending.begin(), m.pending.end(),
                       [&](const auto& p) { return p.second.kind == kind && p.second.context == context; });
}

void forget(Model& m, RequestKind kind) {
    for (auto it = m.pending.begin(); it != m.pending.end();)
        it = it->second.kind == kind ? m.pending.erase(it) : std::next(it);
}

void forget(Model& m, RequestKind kind, const std::string& context) {
    for (auto it = m.pending.begin(); it != m.pending.end();)
        it = it->second.kind == kind && it->second.context == context ? m.pending.erase(it) : std::next(it);
}

void send(Step& s, HttpRequest request, RequestKind kind, std::string context) {
    request.id = s.m.next_request_id++;
    const TimePoint deadline = s.now + Millis{request.timeout_ms} + kRequestGrace;
    s.m.pending[request.id] = PendingRequest{kind, std::move(context), deadline};
    s.out.emplace_back(std::move(request));
    // What a session depends on gets a watchdog: a poll or stop that never comes back would
    // otherwise hold every later one ("already in flight") for good.
    if (kind == RequestKind::Status || kind == RequestKind::Stop || kind == RequestKind::Start ||
        kind == RequestKind::Sessions)
        s.out.emplace_back(WakeAt{deadline});
}

void persist(Step& s, const char* key, std::optional<std::string> value) {
    s.out.emplace_back(Persist{key, std::move(value)});
}

void announce(Step& s, std::string text) { s.out.emplace_back(Announce{std::move(text)}); }

void wake_at(Step& s, TimePoint at) { s.out.emplace_back(WakeAt{at}); }

void clear_message_if(Model& m, Str text) {
    if (m.message && m.message->text == text) m.message.reset();
}

UserMessage failure(const HttpResponse& r, Str what) {
    if (r.status == 0) return {Str::ErrorNetwork, {}};
    return {what, decode_error_message(r.body)};
}

Millis backoff(int failures, int request_id, std::string_view app_token) {
    const int doublings = std::clamp(failures - 1, 0, 4);
    const int64_t base = std::min<int64_t>(kPollInterval.count() << doublings, kPollMax.count());
    uint32_t hash = 2166136261u;  // FNV-1a
    for (const char c : app_token) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    hash = (hash ^ static_cast<uint32_t>(request_id)) * 2654435761u;
    return Millis{base - base * ((hash >> 16) % 100) / 1000};
}

}  // namespace core::detail
