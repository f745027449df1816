// libFuzzer target: the scan payload classifier (core/scan payload.hpp) on whatever a camera decodes
// from a sticker, and the typed-EVSE-id check on whatever a driver types.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/scan/scan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)core::classify_scan(text, "https://charge.example");
    (void)core::classify_scan(text, core::origin_of(text));
    (void)core::check_typed_evse_id(text);
    (void)core::is_evse_id(text);
    return 0;
}
