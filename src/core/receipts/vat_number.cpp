// EU VAT number formats (vat_number.hpp). The patterns are VIES's, written as in serve.py's table
// and read by a matcher for the few forms they use ([classes], \d, {n} and {n,m}, ?, and |), so the
// app carries no regex library.
#include "vat_number.hpp"

#include <cstring>

namespace core {
namespace {

struct Format {
    const char* country;
    const char* pattern;
};

constexpr Format kFormats[] = {
    {"AT", "U\\d{8}"}, {"BE", "[01]\\d{9}"}, {"BG", "\\d{9,10}"}, {"CY", "\\d{8}[A-Z]"}, {"CZ", "\\d{8,10}"},
    {"DE", "\\d{9}"}, {"DK", "\\d{8}"}, {"EE", "\\d{9}"}, {"EL", "\\d{9}"}, {"ES", "[A-Z0-9]\\d{7}[A-Z0-9]"},
    {"FI", "\\d{8}"}, {"FR", "[0-9A-HJ-NP-Z]{2}\\d{9}"}, {"HR", "\\d{11}"}, {"HU", "\\d{8}"},
    {"IE", "\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W]"}, {"IT", "\\d{11}"}, {"LT", "\\d{9}|\\d{12}"},
    {"LU", "\\d{8}"}, {"LV", "\\d{11}"}, {"MT", "\\d{8}"}, {"NL", "\\d{9}B\\d{2}"}, {"PL", "\\d{10}"},
    {"PT", "\\d{9}"}, {"RO", "[1-9]\\d{1,9}"}, {"SE", "\\d{10}01"}, {"SI", "\\d{8}"}, {"SK", "\\d{10}"},
    {"XI", "\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}"},  // Northern Ireland
};

// One item of a pattern: which characters it takes, how often.
struct Item {
    std::string_view chars;  // "\\d", a literal character, or a class "[...]" with ranges
    int min = 1, max = 1;
};

bool takes(std::string_view chars, char c) {
    if (chars == "\\d") return c >= '0' && c <= '9';
    if (chars.size() == 1) return c == chars[0];
    const std::string_view inner = chars.substr(1, chars.size() - 2);
    for (size_t i = 0; i < inner.size(); ++i) {
        if (i + 2 < inner.size() && inner[i + 1] == '-') {
            if (c >= inner[i] && c <= inner[i + 2]) return true;
            i += 2;
        } else if (c == inner[i]) {
            return true;
        }
    }
    return false;
}

// The next item of `p` at `at`, moving `at` past it.
Item next_item(std::string_view p, size_t& at) {
    Item item;
    const size_t start = at;
    if (p[at] == '\\') at += 2;
    else if (p[at] == '[') at = p.find(']', at) + 1;
    else at += 1;
    item.chars = p.substr(start, at - start);
    if (at < p.size() && p[at] == '?') {
        item.min = 0;
        ++at;
    } else if (at < p.size() && p[at] == '{') {
        const size_t close = p.find('}', at);
        const std::string_view n = p.substr(at + 1, close - at - 1);
        const size_t comma = n.find(',');
        auto number = [](std::string_view s) {
            int v = 0;
            for (const char c : s) v = v * 10 + (c - '0');
            return v;
        };
        item.min = number(n.substr(0, comma));
        item.max = comma == std::string_view::npos ? item.min : number(n.substr(comma + 1));
        at = close + 1;
    }
    return item;
}

// Whether the whole of `text` matches the whole of `pattern` (no '|'), trying each count a
// repeated item allows (the patterns are short, and so are VAT numbers).
bool matches(std::string_view pattern, std::string_view text) {
    if (pattern.empty()) return text.empty();
    size_t after = 0;
    const Item item = next_item(pattern, after);
    const std::string_view rest = pattern.substr(after);
    for (int n = 0; n <= item.max; ++n) {
        if (n >= item.min && matches(rest, text.substr(static_cast<size_t>(n)))) return true;
        if (static_cast<size_t>(n) >= text.size() || !takes(item.chars, text[static_cast<size_t>(n)])) return false;
    }
    return false;
}

bool matches_any(std::string_view alternatives, std::string_view text) {
    while (true) {
        const size_t bar = alternatives.find('|');
        if (matches(alternatives.substr(0, bar), text)) return true;
        if (bar == std::string_view::npos) return false;
        alternatives.remove_prefix(bar + 1);
    }
}

bool letter(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

VatCheck check_vat_number(std::string_view typed) {
    VatCheck out;
    std::string n;
    for (size_t i = 0; i < typed.size(); ++i) {
        const char c = typed[i];
        if (c == ' ' || c == '.' || c == '-') continue;
        // U+00A0, a no-break space pasted from a document
        if (c == '\xC2' && i + 1 < typed.size() && typed[i + 1] == '\xA0') {
            ++i;
            continue;
        }
        n += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    const bool shape = n.size() >= 4 && n.size() <= 16 && letter(n[0]) && letter(n[1]) &&
                       n.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+*", 2) == std::string::npos;
    if (!shape) {
        out.problem = VatProblem::NotVat;
        return out;
    }
    out.country = n.substr(0, 2);
    if (out.country == "GR") {
        out.problem = VatProblem::GreekUsesEl;
        return out;
    }
    for (const auto& f : kFormats) {
        if (out.country != f.country) continue;
        if (!matches_any(f.pattern, std::string_view(n).substr(2))) {
            out.problem = VatProblem::WrongFormat;
            return out;
        }
        out.number = std::move(n);
        return out;
    }
    out.problem = VatProblem::UnknownCountry;
    return out;
}

}  // namespace core
