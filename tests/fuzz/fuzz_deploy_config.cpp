// libFuzzer target: the deployment config (core/deploy config.hpp) the app reads from /config.json.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/deploy/deploy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    (void)core::decode_deploy_config(body);
    (void)core::parse_hex_colour(body);
    return 0;
}
