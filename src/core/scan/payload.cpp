// Classifies scanned or typed text (see payload.hpp). Hand-written matchers rather than
// <regex>: no exceptions in the web build, and each rule reads as what it checks.
#include "payload.hpp"

#include <optional>

namespace core {
namespace {

enum class Match { No, Prefix, Full };

bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_unreserved(char c) { return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

// Reads `count` characters satisfying `ok` at `i`; Prefix when the text ends first.
template <class Pred>
Match take(std::string_view s, size_t& i, int count, Pred ok) {
    for (int k = 0; k < count; ++k, ++i) {
        if (i == s.size()) return Match::Prefix;
        if (!ok(s[i])) return Match::No;
    }
    return Match::Full;
}

// The rest of the text: between min and max characters satisfying `ok`.
template <class Pred>
Match tail(std::string_view s, size_t i, size_t min, size_t max, Pred ok) {
    const size_t rest = s.size() - i;
    if (rest > max) return Match::No;
    for (size_t k = i; k < s.size(); ++k)
        if (!ok(s[k])) return Match::No;
    return rest < min ? Match::Prefix : Match::Full;
}

// eMI3 / OICP, alphanumeric form: CC[*]OOO[*]E + 1..30 of [A-Z0-9*]. Letters in either case:
// drivers type lower case and the services compare ids case-insensitively.
Match emi3_alnum(std::string_view s) {
    size_t i = 0;
    if (Match m = take(s, i, 2, is_alpha); m != Match::Full) return m;
    if (i < s.size() && s[i] == '*') ++i;
    if (Match m = take(s, i, 3, is_alnum); m != Match::Full) return m;
    if (i < s.size() && s[i] == '*') ++i;
    if (Match m = take(s, i, 1, [](char c) { return c == 'E' || c == 'e'; }); m != Match::Full) return m;
    return tail(s, i, 1, 30, [](char c) { return is_alnum(c) || c == '*'; });
}

// OICP, numeric (phone-style) form: [+]D{1,3}*DDD* + 1..32 of [0-9*].
Match emi3_numeric(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && s[i] == '+') ++i;
    size_t digits = 0;
    while (i < s.size() && is_digit(s[i]) && digits < 3) ++i, ++digits;
    if (i == s.size()) return Match::Prefix;
    if (digits == 0 || s[i] != '*') return Match::No;
    ++i;
    if (Match m = take(s, i, 3, is_digit); m != Match::Full) return m;
    if (Match m = take(s, i, 1, [](char c) { return c == '*'; }); m != Match::Full) return m;
    return tail(s, i, 1, 32, [](char c) { return is_digit(c) || c == '*'; });
}

// Charge Assist EVSE uid: CC-OOO-E + 1..36 of [A-Za-z0-9-] (NL-GFX-EAddCS123-1).
Match evse_uid(std::string_view s) {
    size_t i = 0;
    if (Match m = take(s, i, 2, is_alpha); m != Match::Full) return m;
    if (Match m = take(s, i, 1, [](char c) { return c == '-'; }); m != Match::Full) return m;
    if (Match m = take(s, i, 3, is_alnum); m != Match::Full) return m;
    if (Match m = take(s, i, 1, [](char c) { return c == '-'; }); m != Match::Full) return m;
    if (Match m = take(s, i, 1, [](char c) { return c == 'E' || c == 'e'; }); m != Match::Full) return m;
    return tail(s, i, 1, 36, [](char c) { return is_alnum(c) || c == '-'; });
}

Match best_evse_match(std::string_view s) {
    Match best = Match::No;
    for (Match m : {emi3_alnum(s), emi3_numeric(s), evse_uid(s)}) {
        if (m == Match::Full) return m;
        if (m == Match::Prefix) best = m;
    }
    return best;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool has_control(std::string_view s) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) return true;
    }
    return false;
}

bool printable_ascii(std::string_view s) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F) return false;
    }
    return true;
}

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    const char l = lower(c);
    return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
}

// %XX decoding (and '+' as space in a query); nullopt for a broken escape.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else {
            out.push_back(plus_is_space && s[i] == '+' ? ' ' : s[i]);
        }
    }
    return out;
}

struct Url {
    std::string scheme;  // lower case
    std::string host;    // lower case
    std::string port;    // "" for the scheme's default
    std::string_view path, query;
    bool has_userinfo = false;
    bool host_ok = false;  // only [a-z0-9.-]
};

// Splits an absolute URL whose scheme is already known to be present. Only what the checks
// below need; anything unusual makes the caller refuse.
std::optional<Url> split_url(std::string_view s, size_t colon) {
    Url u;
    u.scheme = lowered(s.substr(0, colon));
    std::string_view rest = s.substr(colon + 1);
    if (rest.substr(0, 2) != "//") return std::nullopt;
    rest.remove_prefix(2);
    const size_t auth_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, auth_end);
    rest = auth_end == std::string_view::npos ? std::string_view() : rest.substr(auth_end);
    u.has_userinfo = authority.find('@') != std::string_view::npos;
    const size_t port_at = authority.rfind(':');
    std::string_view host = authority.substr(0, port_at);
    if (port_at != std::string_view::npos) {
        std::string_view port = authority.substr(port_at + 1);
        if (port.empty() || port.size() > 5) return std::nullopt;
        for (char c : port)
            if (!is_digit(c)) return std::nullopt;
        if (!((u.scheme == "https" && port == "443") || (u.scheme == "http" && port == "80"))) u.port = port;
    }
    u.host = lowered(host);
    while (!u.host.empty() && u.host.back() == '.') u.host.pop_back();  // "greenflux.app." is the same host
    u.host_ok = !u.host.empty();
    for (char c : u.host)
        if (!(is_alnum(c) || c == '.' || c == '-')) u.host_ok = false;
    const size_t hash = rest.find('#');
    rest = rest.substr(0, hash);
    const size_t q = rest.find('?');
    u.path = rest.substr(0, q);
    u.query = q == std::string_view::npos ? std::string_view() : rest.substr(q + 1);
    return u;
}

std::string origin_string(const Url& u) {
    return u.scheme + "://" + u.host + (u.port.empty() ? "" : ":" + u.port);
}

bool is_greenflux_qr_host(std::string_view host) { return host == "greenflux.app" || host == "a.greenflux.app"; }

// /qr/{datasource}/{operator}/{id}[/], each segment non-empty and of unreserved characters.
bool is_qr_path(std::string_view path) {
    if (path.substr(0, 4) != "/qr/") return false;
    path.remove_prefix(4);
    if (!path.empty() && path.back() == '/') path.remove_suffix(1);
    int segments = 0;
    size_t length = 0;
    bool dots_only = true;  // "." and ".." are path steps, not ids
    for (char c : path) {
        if (c == '/') {
            if (length == 0 || dots_only) return false;
            ++segments, length = 0, dots_only = true;
        } else if (!is_unreserved(c)) {
            return false;
        } else {
            ++length;
            dots_only = dots_only && c == '.';
        }
    }
    return length > 0 && !dots_only && segments == 2;
}

ScanPayload refused(Refusal why, std::string host = {}) {
    ScanPayload p;
    p.refusal = why;
    p.host = std::move(host);
    return p;
}

ScanPayload accepted(PayloadKind kind, std::string value, bool via_app_link = false) {
    ScanPayload p;
    p.kind = kind;
    p.value = std::move(value);
    p.via_app_link = via_app_link;
    return p;
}

// The first value of query parameter `name`, still encoded.
std::optional<std::string_view> query_value(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        const size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const size_t eq = pair.find('=');
        if (pair.substr(0, eq) == name) return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

// A link into this app: its payload is classified again as untrusted text, but may not itself be
// another link into the app (no loops) and must be what the parameter says it is.
ScanPayload classify_app_link(const Url& u) {
    if (is_qr_path(u.path)) return accepted(PayloadKind::GreenFluxQr, "https://greenflux.app" + std::string(u.path), true);
    std::optional<std::string> inner;
    PayloadKind expected = PayloadKind::EvseId;
    if (u.path.substr(0, 6) == "/evse/") {
        inner = percent_decode(u.path.substr(6), false);
    } else if (auto v = query_value(u.query, "evse")) {
        inner = percent_decode(*v, true);
    } else if (auto q = query_value(u.query, "qr")) {
        inner = percent_decode(*q, true);
        expected = PayloadKind::GreenFluxQr;
    } else {
        return refused(Refusal::NotChargerCode);
    }
    if (!inner) return refused(Refusal::Hidden);
    ScanPayload p = classify_scan(*inner, {});
    if (p.kind == PayloadKind::Refused) return p;
    if (p.kind != expected) return refused(Refusal::NotChargerCode);
    p.via_app_link = true;
    return p;
}

}  // namespace

bool is_evse_id(std::string_view text) { return best_evse_match(text) == Match::Full; }

TypedEvseId check_typed_evse_id(std::string_view typed) {
    typed = trim(typed);
    if (typed.empty()) return TypedEvseId::Empty;
    switch (best_evse_match(typed)) {
        case Match::Full: return TypedEvseId::Valid;
        case Match::Prefix: return TypedEvseId::Incomplete;
        case Match::No: break;
    }
    return TypedEvseId::Invalid;
}

std::string origin_of(std::string_view url) {
    const size_t colon = url.find(':');
    if (colon == std::string_view::npos || !printable_ascii(url)) return {};
    auto u = split_url(url, colon);
    if (!u || (u->scheme != "http" && u->scheme != "https") || !u->host_ok || u->has_userinfo) return {};
    return origin_string(*u);
}

ScanPayload classify_scan(std::string_view raw, std::string_view app_origin) {
    if (raw.size() > kMaxPayloadBytes) return refused(Refusal::TooLong);
    const std::string_view text = trim(raw);
    if (text.empty()) return refused(Refusal::Empty);
    if (has_control(text)) return refused(Refusal::Hidden);

    // A scheme is letters, digits, '+', '-', '.' up to the first ':' (RFC 3986 3.1).
    size_t colon = std::string_view::npos;
    if (is_alpha(text[0])) {
        size_t i = 1;
        while (i < text.size() && (is_alnum(text[i]) || text[i] == '+' || text[i] == '-' || text[i] == '.')) ++i;
        if (i < text.size() && text[i] == ':') colon = i;
    }
    if (colon == std::string_view::npos) {
        return is_evse_id(text) ? accepted(PayloadKind::EvseId, std::string(text)) : refused(Refusal::NotChargerCode);
    }

    const std::string scheme = lowered(text.substr(0, colon));
    if (scheme != "http" && scheme != "https") return refused(Refusal::UnsafeLink);
    // Non-ASCII in a link hides look-alike hosts (punycode tricks); backslashes, quotes and spaces
    // are read differently by different URL parsers. None belong in a sticker's link.
    if (!printable_ascii(text)) return refused(Refusal::Hidden);
    for (char c : text)
        if (c == '\\' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' || c == '|' || c == '^')
            return refused(Refusal::UnsafeLink);
    auto u = split_url(text, colon);
    if (!u || u->has_userinfo || !u->host_ok) return refused(Refusal::UnsafeLink);

    if (is_greenflux_qr_host(u->host)) {
        if (u->scheme != "https" || !u->port.empty()) return refused(Refusal::UnsafeLink);
        if (!is_qr_path(u->path)) return refused(Refusal::NotChargerCode);
        return accepted(PayloadKind::GreenFluxQr, std::string(text));
    }
    if (!app_origin.empty() && origin_string(*u) == app_origin) return classify_app_link(*u);
    return refused(Refusal::OtherWebsite, u->host.size() <= 253 ? u->host : std::string());
}

}  // namespace core
