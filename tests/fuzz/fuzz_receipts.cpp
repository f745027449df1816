// libFuzzer target: what the receipts part reads from outside: an address and a VAT number a
// driver types, invoice details read back from storage, and serve.py's refusals with their
// Retry-After (core/receipts).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/receipts/receipts.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)core::check_email(text);
    (void)core::check_vat_number(text);
    const core::InvoiceDetails stored = core::decode_invoice(text);
    (void)core::check_invoice(stored);
    (void)core::check_invoice({std::string(text), std::string(text), std::string(text), std::string(text)});
    (void)core::address_lines(text);
    const std::string_view wait = text.substr(0, text.find('\n'));
    for (const int status : {400, 429, 503})
        (void)core::read_refusal(core::HttpResponse{1, status, std::string(text), {{"retry-after", std::string(wait)}}});
    return 0;
}
