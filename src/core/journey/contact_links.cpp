#include "contact_links.hpp"

#include <algorithm>

namespace core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Digits with an optional leading +; spaces, dots, dashes, slashes and brackets people write in
// between are dropped. E.164 allows at most 15 digits; fewer than 3 is no number.
std::optional<std::string> phone_link(std::string_view s) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) digits += c;
        else if (c == '+' && digits.empty() && !plus) plus = true;
        else if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')') continue;
        else return std::nullopt;
    }
    if (digits.size() < 3 || digits.size() > 15) return std::nullopt;
    return "tel:" + std::string(plus ? "+" : "") + digits;
}

// One @ between a local part and a dotted domain, printable ASCII with nothing that would add
// headers or a second recipient to the mailto: link.
std::optional<std::string> mail_link(std::string_view s) {
    if (s.empty() || s.size() > 254) return std::nullopt;
    const std::size_t at = s.find('@');
    if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return std::nullopt;
    const std::string_view domain = s.substr(at + 1);
    if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.') return std::nullopt;
    for (const char c : s) {
        const bool ok = is_alpha(c) || is_digit(c) || c == '@' || c == '.' || c == '-' || c == '_' || c == '+';
        if (!ok) return std::nullopt;
    }
    return "mailto:" + std::string(s);
}

// http(s) only; a bare host ("www.hotel.nl/help") gets https://. Other schemes (javascript:,
// data:, intent:) and anything with spaces or control characters get no link.
std::optional<std::string> web_link(std::string_view s) {
    if (s.empty() || s.size() > 2048) return std::nullopt;
    for (const char c : s)
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' ||
            static_cast<unsigned char>(c) == 0x7f)
            return std::nullopt;
    std::string lower(s.substr(0, std::min<std::size_t>(s.size(), 8)));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
    std::string_view rest = s;
    if (lower.rfind("https://", 0) == 0) rest = s.substr(8);
    else if (lower.rfind("http://", 0) == 0) rest = s.substr(7);
    else if (s.find(':') != std::string_view::npos && s.find(':') < s.find('.')) return std::nullopt;  // another scheme
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    if (host.empty() || host.find('.') == std::string_view::npos || host.front() == '.' || host.find('@') != std::string_view::npos)
        return std::nullopt;
    for (const char c : host)
        if (!(is_alpha(c) || is_digit(c) || c == '.' || c == '-' || c == ':')) return std::nullopt;
    return rest.size() == s.size() ? "https://" + std::string(s) : std::string(s);
}

}  // namespace

std::optional<std::string> contact_link(ContactKind kind, std::string_view written) {
    switch (kind) {
        case ContactKind::Phone: return phone_link(written);
        case ContactKind::Email: return mail_link(written);
        case ContactKind::Website: return web_link(written);
    }
    return std::nullopt;
}

}  // namespace core
