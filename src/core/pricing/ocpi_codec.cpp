// OCPI Tariff/CDR JSON and Charge Assist tariffs to the engine's types (see ocpi_codec.hpp).
#include "ocpi_codec.hpp"

#include <cmath>
#include <limits>

#include "core/api/api.hpp"

namespace core::ocpi {
namespace {

// Quantities past these are not a charging session; refusing them keeps int64 maths exact.
constexpr double kMaxKwh = 1e7;
constexpr double kMaxHours = 1e5;

std::optional<int> read_clock(const FieldReader& r, std::string_view key) {
    const auto s = r.opt_string(key);
    if (!s) return std::nullopt;
    const std::string& t = *s;
    auto digit = [&](size_t i) { return t[i] >= '0' && t[i] <= '9'; };
    const bool shape = t.size() == 5 && t[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4);
    const int h = shape ? (t[0] - '0') * 10 + (t[1] - '0') : 99, m = shape ? (t[3] - '0') * 10 + (t[4] - '0') : 99;
    // "24:00" is not OCPI but means midnight where it appears; read it as 00:00.
    if (shape && h == 24 && m == 0) return 0;
    if (h > 23 || m > 59) {
        r.log().add(r.path_of(key), "expected HH:MM");
        return -1;
    }
    return h * 60 + m;
}

std::optional<int64_t> read_date(const FieldReader& r, std::string_view key) {
    const auto s = r.opt_string(key);
    if (!s) return std::nullopt;
    const auto t = parse_iso8601(*s + "T00:00:00Z");
    if (s->size() != 10 || !t) {
        r.log().add(r.path_of(key), "expected YYYY-MM-DD");
        return std::numeric_limits<int64_t>::min();
    }
    return ms_since_epoch(*t) / 86'400'000;
}

std::optional<int64_t> read_seconds(const FieldReader& r, std::string_view key) {
    return r.opt_integer(key, 0, int64_t{1} << 40);
}

bool read_restrictions(const FieldReader& r, Restrictions& x) {
    const size_t before = r.log().problems.size();
    x.start_minute = read_clock(r, "start_time");
    x.end_minute = read_clock(r, "end_time");
    x.start_day = read_date(r, "start_date");
    x.end_day = read_date(r, "end_date");
    x.min_kwh = r.opt_number("min_kwh");
    x.max_kwh = r.opt_number("max_kwh");
    x.min_current_a = r.opt_number("min_current");
    x.max_current_a = r.opt_number("max_current");
    x.min_power_kw = r.opt_number("min_power");
    x.max_power_kw = r.opt_number("max_power");
    x.min_duration_s = read_seconds(r, "min_duration");
    x.max_duration_s = read_seconds(r, "max_duration");
    static const char* const kDays[] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
    r.each("day_of_week", [&](const Json& d, const std::string& path) {
        for (int i = 0; i < 7; ++i)
            if (d.is_string() && d.get_ref<const std::string&>() == kDays[i]) {
                x.weekdays |= static_cast<uint8_t>(1u << i);
                return;
            }
        r.log().add(path, "not a day of the week");
    });
    if (const auto res = r.opt_string("reservation")) {
        if (*res == "RESERVATION") x.reservation = ReservationRule::Reservation;
        else if (*res == "RESERVATION_EXPIRES") x.reservation = ReservationRule::Expires;
        else r.log().add(r.path_of("reservation"), "expected RESERVATION or RESERVATION_EXPIRES");
    }
    return r.log().problems.size() == before;
}

std::optional<Dimension> dimension_from_wire(std::string_view s) {
    if (s == "FLAT") return Dimension::Flat;
    if (s == "ENERGY") return Dimension::Energy;
    if (s == "TIME") return Dimension::Time;
    if (s == "PARKING_TIME") return Dimension::ParkingTime;
    return std::nullopt;
}

std::optional<Component> read_component(const FieldReader& r) {
    Component c;
    const auto type = dimension_from_wire(r.string_or("type"));
    const auto price = r.opt_money("price");
    if (!type) r.log().add(r.path_of("type"), "expected FLAT, ENERGY, TIME or PARKING_TIME");
    if (!price) r.log().add(r.path_of("price"), "missing or unreadable");
    if (!type || !price) return std::nullopt;
    c.type = *type;
    c.price = *price;
    c.step_size = r.opt_integer("step_size", 0, int64_t{1} << 40).value_or(0);
    if (const auto vat = r.opt_number("vat")) c.vat = vat_from_percent(*vat);
    return c;
}

std::optional<Price> read_price(const FieldReader& r, std::string_view key) {
    const auto o = r.object(key);
    if (!o) return std::nullopt;
    Price p;
    const auto excl = o->opt_money("excl_vat");
    if (!excl) {
        r.log().add(r.path_of(key), "excl_vat missing");
        return std::nullopt;
    }
    p.excl_vat = *excl;
    p.incl_vat = o->opt_money("incl_vat");
    return p;
}

std::optional<Tariff> read_ocpi_tariff(const FieldReader& r) {
    Tariff t;
    const size_t before = r.log().problems.size();
    t.id = r.string_or("id");
    t.currency = r.string_or("currency");
    t.min_price = read_price(r, "min_price");
    t.max_price = read_price(r, "max_price");
    t.start_date_time = r.opt_time("start_date_time");
    t.end_date_time = r.opt_time("end_date_time");
    r.each("elements", [&](const Json& item, const std::string& path) {
        FieldReader er(item, path, r.log());
        Element e;
        if (const auto rr = er.object("restrictions")) read_restrictions(*rr, e.restrictions);
        er.each("price_components", [&](const Json& ci, const std::string& cpath) {
            FieldReader cr(ci, cpath, r.log());
            if (auto c = cr.is_object() ? read_component(cr) : std::nullopt) e.components.push_back(*c);
        });
        t.elements.push_back(std::move(e));
    });
    if (t.elements.empty()) r.log().add(r.path_of("elements"), "a tariff needs at least one element");
    if (r.log().problems.size() != before) return std::nullopt;  // never price a partly read tariff
    return t;
}

std::optional<double> volume_of(const Json& d, const std::string& path, ReadLog& log, double limit) {
    FieldReader r(d, path, log);
    const auto v = r.opt_number("volume");
    if (!v || *v < 0 || *v > limit) {
        log.add(r.path_of("volume"), "expected a number from 0 to " + std::to_string(static_cast<int64_t>(limit)));
        return std::nullopt;
    }
    return v;
}

std::optional<Session> read_cdr(const FieldReader& r) {
    Session s;
    const size_t before = r.log().problems.size();
    const auto start = r.opt_time("start_date_time");
    const auto end = r.opt_time("end_date_time");
    if (!start) r.log().add(r.path_of("start_date_time"), "missing or not ISO 8601");
    if (!end) r.log().add(r.path_of("end_date_time"), "missing or not ISO 8601");
    r.each("charging_periods", [&](const Json& item, const std::string& path) {
        FieldReader pr(item, path, r.log());
        ChargingPeriod p;
        const auto at = pr.opt_time("start_date_time");
        if (!at) pr.log().add(pr.path_of("start_date_time"), "missing or not ISO 8601");
        p.start = at.value_or(TimePoint{});
        pr.each("dimensions", [&](const Json& d, const std::string& dpath) {
            FieldReader dr(d, dpath, r.log());
            const std::string type = dr.string_or("type");
            const bool energy = type == "ENERGY";
            const bool hours = type == "TIME" || type == "PARKING_TIME" || type == "RESERVATION_TIME";
            const auto v = volume_of(d, dpath, r.log(), energy ? kMaxKwh : hours ? kMaxHours : 1e9);
            if (!v) return;
            auto add_ms = [&](std::optional<Ms>& slot) { slot = slot.value_or(0) + ms_from_hours(*v); };
            if (energy) p.energy = p.energy.value_or(0) + milliwh_from_kwh(*v);
            else if (type == "TIME") add_ms(p.time);
            else if (type == "PARKING_TIME") add_ms(p.parking_time);
            else if (type == "RESERVATION_TIME") add_ms(p.reservation_time);
            else if (type == "POWER") p.power_kw = *v;
            else if (type == "MIN_POWER") p.min_power_kw = *v;
            else if (type == "MAX_POWER") p.max_power_kw = *v;
            else if (type == "CURRENT") p.current_a = *v;
            else if (type == "MIN_CURRENT") p.min_current_a = *v;
            else if (type == "MAX_CURRENT") p.max_current_a = *v;
            // STATE_OF_CHARGE, ENERGY_EXPORT, ENERGY_IMPORT do not price anything.
        });
        s.periods.push_back(p);
    });
    if (r.log().problems.size() != before) return std::nullopt;
    s.start = *start;
    s.end = *end;
    for (size_t i = 1; i < s.periods.size(); ++i)
        if (s.periods[i].start < s.periods[i - 1].start) {
            r.log().add("charging_periods[" + std::to_string(i) + "].start_date_time", "periods are not in time order");
            return std::nullopt;
        }
    return s;
}

int64_t round_half_away(double v) { return static_cast<int64_t>(std::llround(v)); }

}  // namespace

MilliWh milliwh_from_kwh(double kwh) { return round_half_away(kwh * 1e6); }
Ms ms_from_hours(double hours) { return round_half_away(hours * 3.6e6); }
VatBp vat_from_percent(double percent) { return static_cast<VatBp>(round_half_away(percent * 100.0)); }

Decoded<Tariff> decode_tariff(std::string_view body) {
    ReadLog log;
    Decoded<Tariff> out;
    if (const auto root = parse_json(body, log)) {
        FieldReader r(*root, "", log);
        const Json* elements = r.field("elements");
        const bool charge_assist = elements && elements->is_array() && !elements->empty() &&
                                   (*elements)[0].is_object() && (*elements)[0].contains("priceComponents");
        if (charge_assist) {
            auto ca = core::decode_tariff(body);
            if (ca.ok()) out.value = from_charge_assist(*ca.value);
            for (auto& p : ca.problems) log.problems.push_back(p);
        } else if (r.is_object()) {
            out.value = read_ocpi_tariff(r);
        }
    }
    out.problems = std::move(log.problems);
    return out;
}

Decoded<Session> decode_cdr(std::string_view body) {
    ReadLog log;
    Decoded<Session> out;
    if (const auto root = parse_json(body, log)) {
        FieldReader r(*root, "", log);
        if (r.is_object()) out.value = read_cdr(r);
    }
    out.problems = std::move(log.problems);
    return out;
}

Tariff from_charge_assist(const core::Tariff& ca) {
    Tariff t;
    t.currency = ca.currency;
    t.prices_include_vat = ca.vat_included;
    for (const auto& element : ca.elements) {
        for (const auto& c : element.components) {
            Component out;
            switch (c.type) {
                case PriceType::Flat: out.type = Dimension::Flat; break;
                case PriceType::Energy: out.type = Dimension::Energy; break;
                case PriceType::Time: out.type = Dimension::Time; break;
                case PriceType::ParkingTime: out.type = Dimension::ParkingTime; break;
                case PriceType::Unknown: continue;
            }
            out.price = c.price;
            out.step_size = c.step_size;
            const auto vat = c.vat_percent ? c.vat_percent : ca.vat_percent;
            if (vat) out.vat = vat_from_percent(*vat);
            Element e;
            const PriceRestrictions& r = c.restrictions;
            e.restrictions.min_kwh = r.min_kwh;
            e.restrictions.max_kwh = r.max_kwh;
            e.restrictions.min_duration_s = r.min_duration_s;
            e.restrictions.max_duration_s = r.max_duration_s;
            e.restrictions.min_power_kw = r.min_power_kw;
            e.restrictions.max_power_kw = r.max_power_kw;
            e.restrictions.min_current_a = r.min_current_a;
            e.restrictions.max_current_a = r.max_current_a;
            e.components.push_back(out);
            t.elements.push_back(std::move(e));
        }
    }
    return t;
}

}  // namespace core::ocpi
