// Typed, never-aborting reads of untrusted JSON: each field is checked before use, and every
// problem is logged as "path: what was wrong" instead of throwing (the web build has no exceptions).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/money/money.hpp"
#include "core/time/time.hpp"

namespace core {

using Json = nlohmann::json;

// What went wrong while reading one document.
struct ReadLog {
    std::vector<std::string> problems;
    void add(std::string_view path, std::string_view what);
    std::string joined() const;  // "a: x; b: y"
};

// Parses without throwing; nullopt (and a logged problem) for anything that is not JSON.
std::optional<Json> parse_json(std::string_view text, ReadLog& log);

// Serializes without aborting on invalid UTF-8 (replaced), unlike a bare dump().
std::string dump_json(const Json& value);

// The decimal wire amount as micros, or nullopt when it is not finite or does not fit.
std::optional<Micros> micros_from_wire(double units);

// Reads the fields of one JSON object. Missing and null both mean "absent"; a present value of
// the wrong type is logged and then treated as absent, so one bad field never loses the rest.
class FieldReader {
public:
    // Logs a problem when `value` is not an object (and then every field reads as absent).
    FieldReader(const Json& value, std::string path, ReadLog& log);

    bool is_object() const { return object_ != nullptr; }
    const std::string& path() const { return path_; }
    std::string path_of(std::string_view key) const;
    ReadLog& log() const { return *log_; }

    // The raw value, nullptr when absent (missing or null).
    const Json* field(std::string_view key) const;

    std::optional<std::string> opt_string(std::string_view key) const;
    std::optional<double> opt_number(std::string_view key) const;
    // Integral numbers in [lo, hi]; 7.0 counts as 7, 7.5 and out-of-range values are logged.
    std::optional<int64_t> opt_integer(std::string_view key, int64_t lo, int64_t hi) const;
    std::optional<bool> opt_bool(std::string_view key) const;
    std::optional<Micros> opt_money(std::string_view key) const;
    std::optional<TimePoint> opt_time(std::string_view key) const;

    // Absent gives the fallback silently.
    std::string string_or(std::string_view key, std::string_view fallback = {}) const;
    double number_or(std::string_view key, double fallback = 0) const;
    int int_or(std::string_view key, int fallback = 0) const;
    bool bool_or(std::string_view key, bool fallback = false) const;

    // A field that must be a non-empty string (an id); absent or empty is logged and gives "".
    std::string required_string(std::string_view key) const;

    // A nested object; nullopt when absent, logged when present but not an object.
    std::optional<FieldReader> object(std::string_view key) const;

    // Calls fn(const Json& item, const std::string& item_path) for each element of an array
    // field. Absent means empty; anything else than an array is logged. Returns false then.
    template <class Fn>
    bool each(std::string_view key, Fn&& fn) const {
        const Json* v = field(key);
        if (v == nullptr) return true;
        const std::string base = path_of(key);
        if (!v->is_array()) {
            log_->add(base, "expected an array");
            return false;
        }
        size_t i = 0;
        for (const Json& item : *v) fn(item, base + "[" + std::to_string(i++) + "]");
        return true;
    }

private:
    const Json* present(std::string_view key, bool (Json::*check)() const noexcept,
                        std::string_view expected) const;

    const Json* object_ = nullptr;
    std::string path_;
    ReadLog* log_;
};

}  // namespace core
