// The tariff a session was started under, kept with the session (and in storage, so a reload
// still shows the running cost): which one applies at the start, and its stored JSON form.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/api/api.hpp"

namespace core {

// A Charge Assist TariffModel as JSON, read back by decode_tariff.
std::string encode_tariff(const Tariff& t);
std::optional<Tariff> decode_stored_tariff(std::string_view stored);

}  // namespace core
