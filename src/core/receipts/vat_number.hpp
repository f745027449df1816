// EU VAT identification numbers: the format each member state uses, as VIES documents it (the
// same table as serve.py's server/receipts/vat_numbers.py), checked after spaces, dots and hyphens
// are dropped and letters upper-cased. A format check only: whether the number is registered is
// for VIES to say.
#pragma once
#include <string>
#include <string_view>

namespace core {

enum class VatProblem {
    None,
    NotVat,          // not two letters and 2 to 14 letters or digits
    GreekUsesEl,     // GR...: Greece's VAT prefix is EL
    UnknownCountry,  // two letters that are no EU VAT prefix
    WrongFormat,     // the country's format does not fit
};

struct VatCheck {
    std::string number;   // normalized ("NL123456789B01") when problem is None
    std::string country;  // the two letters, when there are two
    VatProblem problem = VatProblem::None;
};

VatCheck check_vat_number(std::string_view typed);

}  // namespace core
