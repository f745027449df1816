// Builds core::Boot from localStorage and crypto.getRandomValues.
#include "platform/boot.hpp"

#include <cstdint>

#include <emscripten/emscripten.h>

#include "core/map_controller.hpp"
#include "platform/storage.hpp"

namespace platform {
namespace {

constexpr int kRandomBytes = 16;  // 32 hex chars

EM_JS(void, js_random_bytes, (uint8_t* out, int n), { crypto.getRandomValues(HEAPU8.subarray(out, out + n)); });

}  // namespace

core::Boot read_boot() {
    core::Boot boot;
    for (const char* key : {core::kKeyAppToken, core::kKeyActiveSession, core::kKeyLastStatus, core::kKeyMapFilters,
                            core::kKeyMapCamera})
        if (auto value = storage::get(key)) boot.stored[key] = std::move(*value);
    uint8_t bytes[kRandomBytes];
    js_random_bytes(bytes, kRandomBytes);
    static const char kHex[] = "0123456789abcdef";
    for (uint8_t b : bytes) {
        boot.random_hex += kHex[b >> 4];
        boot.random_hex += kHex[b & 15];
    }
    return boot;
}

}  // namespace platform
