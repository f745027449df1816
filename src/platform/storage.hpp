// Persist effects and Boot's restore: localStorage, tolerant of private mode and full quotas.
#pragma once
#include <optional>
#include <string>

namespace platform::storage {

std::optional<std::string> get(const std::string& key);
void set(const std::string& key, const std::string& value);
void remove(const std::string& key);
// Forgets everything this origin stored (a kiosk's reset: nothing of a visitor may stay).
void clear();

}  // namespace platform::storage
