// libFuzzer target: the offline base map's cell decoder (core/basemap basemap.hpp), binary data the
// app fetches from the server and must never trust.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/basemap/basemap.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    (void)core::basemap::decode(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
