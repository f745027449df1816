// Typed, never-aborting reads of untrusted JSON (see json_read.hpp).
#include "json_read.hpp"

#include <cmath>

namespace core {

void ReadLog::add(std::string_view path, std::string_view what) {
    std::string line(path.empty() ? std::string_view("(document)") : path);
    line += ": ";
    line += what;
    problems.push_back(std::move(line));
}

std::string ReadLog::joined() const {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += "; ";
        out += p;
    }
    return out;
}

std::optional<Json> parse_json(std::string_view text, ReadLog& log) {
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        log.add("", text.empty() ? "empty body" : "not valid JSON");
        return std::nullopt;
    }
    return j;
}

std::string dump_json(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<Micros> micros_from_wire(double units) {
    // int64 micros hold about ±9.2e12 units; anything near that is garbage, not a price.
    constexpr double kLimit = 1e12;
    if (!std::isfinite(units) || units > kLimit || units < -kLimit) return std::nullopt;
    return micros_from_double(units);
}

FieldReader::FieldReader(const Json& value, std::string path, ReadLog& log)
    : path_(std::move(path)), log_(&log) {
    if (value.is_object())
        object_ = &value;
    else
        log.add(path_, std::string("expected an object, got ") + value.type_name());
}

std::string FieldReader::path_of(std::string_view key) const {
    std::string p = path_;
    if (!p.empty()) p += '.';
    p += key;
    return p;
}

const Json* FieldReader::field(std::string_view key) const {
    if (object_ == nullptr) return nullptr;
    const auto it = object_->find(key);
    if (it == object_->end() || it->is_null()) return nullptr;
    return &*it;
}

const Json* FieldReader::present(std::string_view key, bool (Json::*check)() const noexcept,
                                 std::string_view expected) const {
    const Json* v = field(key);
    if (v == nullptr) return nullptr;
    if (!((*v).*check)()) {
        log_->add(path_of(key), std::string("expected ") + std::string(expected) + ", got " + v->type_name());
        return nullptr;
    }
    return v;
}

std::optional<std::string> FieldReader::opt_string(std::string_view key) const {
    const Json* v = present(key, &Json::is_string, "a string");
    if (v == nullptr) return std::nullopt;
    return v->get_ref<const std::string&>();
}

std::optional<double> FieldReader::opt_number(std::string_view key) const {
    const Json* v = present(key, &Json::is_number, "a number");
    if (v == nullptr) return std::nullopt;
    const double d = v->get<double>();
    if (!std::isfinite(d)) {
        log_->add(path_of(key), "not a finite number");
        return std::nullopt;
    }
    return d;
}

std::optional<int64_t> FieldReader::opt_integer(std::string_view key, int64_t lo, int64_t hi) const {
    const Json* v = present(key, &Json::is_number, "a number");
    if (v == nullptr) return std::nullopt;
    if (v->is_number_unsigned()) {
        const uint64_t u = v->get<uint64_t>();
        if (u <= static_cast<uint64_t>(hi) && static_cast<int64_t>(u) >= lo) return static_cast<int64_t>(u);
    } else if (v->is_number_integer()) {
        const int64_t i = v->get<int64_t>();
        if (i >= lo && i <= hi) return i;
    } else {
        const double d = v->get<double>();
        if (std::isfinite(d) && d == std::floor(d) && d >= static_cast<double>(lo) && d <= static_cast<double>(hi))
            return static_cast<int64_t>(d);
        if (std::isfinite(d) && d != std::floor(d)) {
            log_->add(path_of(key), "expected a whole number");
            return std::nullopt;
        }
    }
    log_->add(path_of(key), "number out of range");
    return std::nullopt;
}

std::optional<bool> FieldReader::opt_bool(std::string_view key) const {
    const Json* v = present(key, &Json::is_boolean, "true or false");
    if (v == nullptr) return std::nullopt;
    return v->get<bool>();
}

std::optional<Micros> FieldReader::opt_money(std::string_view key) const {
    const auto d = opt_number(key);
    if (!d) return std::nullopt;
    const auto m = micros_from_wire(*d);
    if (!m) log_->add(path_of(key), "amount out of range");
    return m;
}

std::optional<TimePoint> FieldReader::opt_time(std::string_view key) const {
    const auto s = opt_string(key);
    // The API sends "" for "no time yet" (endTime); that is absent, not wrong.
    if (!s || s->empty()) return std::nullopt;
    const auto t = parse_iso8601(*s);
    if (!t) log_->add(path_of(key), "not an ISO 8601 time: " + s->substr(0, 40));
    return t;
}

std::string FieldReader::string_or(std::string_view key, std::string_view fallback) const {
    auto s = opt_string(key);
    return s ? std::move(*s) : std::string(fallback);
}

double FieldReader::number_or(std::string_view key, double fallback) const {
    return opt_number(key).value_or(fallback);
}

int FieldReader::int_or(std::string_view key, int fallback) const {
    return static_cast<int>(opt_integer(key, INT32_MIN, INT32_MAX).value_or(fallback));
}

bool FieldReader::bool_or(std::string_view key, bool fallback) const {
    return opt_bool(key).value_or(fallback);
}

std::string FieldReader::required_string(std::string_view key) const {
    if (field(key) == nullptr) {
        if (object_ != nullptr) log_->add(path_of(key), "missing");
        return {};
    }
    auto s = opt_string(key);
    if (s && s->empty()) log_->add(path_of(key), "empty");
    return s ? std::move(*s) : std::string();
}

std::optional<FieldReader> FieldReader::object(std::string_view key) const {
    const Json* v = field(key);
    if (v == nullptr) return std::nullopt;
    FieldReader r(*v, path_of(key), *log_);
    if (!r.is_object()) return std::nullopt;
    return r;
}

}  // namespace core
