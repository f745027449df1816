// libFuzzer target: the OCPI 2.2.1 Tariff and CDR codec (core/pricing ocpi_codec.hpp), and a decoded
// tariff priced over a decoded session, as evprice does with files from anywhere.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/pricing/pricing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto tariff = core::ocpi::decode_tariff(body);
    const auto session = core::ocpi::decode_cdr(body);
    if (tariff.value && session.value) (void)core::ocpi::price_session(*tariff.value, *session.value);
    return 0;
}
