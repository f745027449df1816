// libFuzzer target: every Charge Assist body decoder (core/api codec.hpp) on the same bytes, as the
// app meets them in answers from /api/. A decoder may refuse anything; it may not crash, hang, leak
// or abort (nlohmann is built with JSON_NOEXCEPTION: a throw would be an abort).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/api/api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    (void)core::decode_location_list(body);
    (void)core::decode_location(body);
    (void)core::decode_wallet(body);
    (void)core::decode_payment_method(body);
    (void)core::decode_tariff_items(body);
    (void)core::decode_tariff(body);
    (void)core::decode_default_tariff(body);
    (void)core::decode_start_result(body);
    (void)core::decode_session_status(body);
    (void)core::decode_session_list(body);
    (void)core::decode_high_priority(body);
    (void)core::decode_error_message(body);
    return 0;
}
