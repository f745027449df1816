// The e-mail address check (email_address.hpp).
#include "email_address.hpp"

#include <cstring>

namespace core {
namespace {

constexpr size_t kMaxAddress = 254, kMaxLocal = 64, kMaxLabel = 63;

bool ascii_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool atom_char(unsigned char c) { return ascii_alnum(c) || (c != 0 && std::strchr("!#$%&'*+/=?^_`{|}~-", c) != nullptr); }

bool dot_atom(std::string_view s) {
    if (s.empty() || s.size() > kMaxLocal || s.front() == '.' || s.back() == '.') return false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '.') {
            if (s[i + 1] == '.') return false;
        } else if (!atom_char(static_cast<unsigned char>(s[i]))) {
            return false;
        }
    }
    return true;
}

// A letter, a digit, or any byte of a UTF-8 sequence (an internationalized domain's letters).
bool label_char(unsigned char c) { return ascii_alnum(c) || c >= 0x80; }

bool domain_ok(std::string_view d) {
    if (!d.empty() && d.back() == '.') d.remove_suffix(1);  // the root's dot
    int labels = 0;
    bool last_all_digits = false;
    while (true) {
        const size_t dot = d.find('.');
        const std::string_view label = d.substr(0, dot);
        if (label.empty() || label.size() > kMaxLabel || label.front() == '-' || label.back() == '-') return false;
        last_all_digits = true;
        for (const char c : label) {
            if (c != '-' && !label_char(static_cast<unsigned char>(c))) return false;
            if (c < '0' || c > '9') last_all_digits = false;
        }
        ++labels;
        if (dot == std::string_view::npos) break;
        d.remove_prefix(dot + 1);
    }
    return labels >= 2 && !last_all_digits;
}

}  // namespace

EmailCheck check_email(std::string_view typed) {
    const char* space = " \t\r\n";
    const size_t b = typed.find_first_not_of(space), e = typed.find_last_not_of(space);
    if (b == std::string_view::npos) return {{}, EmailProblem::Empty};
    const std::string_view text = typed.substr(b, e - b + 1);
    if (text.size() > kMaxAddress) return {{}, EmailProblem::TooLong};
    const size_t at = text.rfind('@');
    if (at == std::string_view::npos) return {{}, EmailProblem::NotAnAddress};
    const std::string_view local = text.substr(0, at), domain = text.substr(at + 1);
    if (!dot_atom(local) || !domain_ok(domain)) return {{}, EmailProblem::NotAnAddress};
    std::string address(local);
    address += '@';
    for (const char c : domain) address += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (!address.empty() && address.back() == '.') address.pop_back();
    return {std::move(address), EmailProblem::None};
}

}  // namespace core
