// The server's refusals in the driver's words (refusals.hpp).
#include "refusals.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/api/api.hpp"

namespace core {
namespace {

std::string error_code(const std::string& body) {
    ReadLog log;
    const auto j = parse_json(body, log);
    if (!j || !j->is_object()) return {};
    return FieldReader(*j, "", log).string_or("code");
}

// Retry-After in seconds (the server sends whole seconds), or 0.
int64_t wait_seconds(const HttpResponse& r) {
    const std::string v = header(r, "retry-after");
    if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::atoll(v.c_str());
}

ReceiptRefusal say(Str reason) { return {reason, tr(reason)}; }

ReceiptRefusal say_wait(Str with_wait, Str without, int64_t seconds) {
    if (seconds <= 0) return say(without);
    return {with_wait, tr_format(with_wait, {format_duration(seconds)})};
}

}  // namespace

ReceiptRefusal read_refusal(const HttpResponse& r) {
    if (r.status == 0) return say(Str::MailNoConnection);
    const std::string code = error_code(r.body);
    const int64_t wait = wait_seconds(r);
    if (code == "INVALID_EMAIL") return say(Str::EmailNotAddress);
    if (code == "INVALID_VAT_NUMBER") return say(Str::VatRefused);
    if (code == "RECIPIENT_REFUSED") return say(Str::MailAddressRefused);
    if (code == "TOO_MANY_SESSIONS") return say(Str::TooManySessions);
    if (code == "RELAY_FAILED") return say(Str::MailRelayFailed);
    if (code == "RELAY_UNAVAILABLE") return say_wait(Str::MailRelayDownWait, Str::MailRelayDown, wait);
    if (code == "PDF_UNAVAILABLE") return say(Str::PdfUnavailable);
    if (r.status == 429) return say_wait(Str::TooManyWait, Str::TooManyWait, std::max<int64_t>(wait, 1));
    if (r.status == 404) return say(Str::ReceiptNotFound);
    if (r.status == 409) return say(Str::ReceiptNotReady);
    if (r.status >= 400 && r.status < 500) return say(Str::DetailsRefused);
    return say(Str::ServerTrouble);
}

}  // namespace core
