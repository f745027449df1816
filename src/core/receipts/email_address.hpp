// Whether a typed e-mail address is one serve.py will send a receipt to, checked before sending:
// its rules (server/receipts/email_address.py) as far as a phone can tell them.
#pragma once
#include <string>
#include <string_view>

namespace core {

enum class EmailProblem { None, Empty, TooLong, NotAnAddress };

struct EmailCheck {
    std::string address;  // trimmed, the domain lower-cased; empty unless problem is None
    EmailProblem problem = EmailProblem::None;
};

// At most 254 characters; one '@'; before it at most 64 characters of a dot-atom (letters, digits
// and !#$%&'*+/=?^_`{|}~- in parts joined by single dots); after it at least two labels of letters,
// digits and inner hyphens (non-ASCII letters allowed: the server sends those in their IDNA form),
// the last not all digits. No quoted names, comments, IP literals or display names.
EmailCheck check_email(std::string_view typed);

}  // namespace core
