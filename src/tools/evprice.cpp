// evprice: prices an OCPI CDR under an OCPI tariff with the app's tariff engine and prints the
// CDR's total fields as JSON, so an operator can check a bill. Also a batch mode (JSON lines in,
// JSON lines out) for the differential test, and a benchmark mode.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/api/api.hpp"
#include "core/pricing/pricing.hpp"

using core::Json;
using core::Micros;
using core::dump_json;
using core::zone_for;
using namespace core::ocpi;

namespace {

const char* kUsage =
    "usage: evprice TARIFF.json CDR.json [--timezone ZONE] [--no-min-max]\n"
    "       evprice --batch [--no-min-max]   (stdin: one {\"tariff\",\"cdr\",\"timezone\"} per line)\n"
    "       evprice --bench N TARIFF.json CDR.json [--timezone ZONE]\n"
    "ZONE: UTC (default), +HH:MM, or an EU zone such as Europe/Amsterdam (EU summer-time rule).\n";

Json amount(const Amount& a) {
    return Json{{"excl_vat", static_cast<double>(a.excl_vat) / 1e6}, {"incl_vat", static_cast<double>(a.incl_vat) / 1e6}};
}

Json result_json(const PriceResult& r) {
    if (!r.cost) return Json{{"error", r.error}};
    const SessionCost& c = *r.cost;
    const double ms_per_h = 3.6e6;
    return Json{
        {"total_cost", amount(c.total)},
        {"total_energy_cost", amount(c.energy)},
        {"total_time_cost", amount(c.time)},
        {"total_parking_cost", amount(c.parking)},
        {"total_fixed_cost", amount(c.fixed)},
        {"total_reservation_cost", amount(c.reservation)},
        {"total_energy", static_cast<double>(c.total_energy) / 1e6},
        {"total_time", static_cast<double>(c.total_time) / ms_per_h},
        {"total_parking_time", static_cast<double>(c.parking_time) / ms_per_h},
        {"min_price_applied", c.min_price_applied},
        {"max_price_applied", c.max_price_applied},
    };
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

struct Inputs {
    core::ocpi::Tariff tariff;
    Session session;
};

// Reads both documents; on failure prints "FILE: path: problem" lines and returns false.
bool load(const std::string& tariff_path, const std::string& cdr_path, Inputs& in) {
    std::string tariff_text, cdr_text;
    for (const auto& [path, text] : {std::pair{tariff_path, &tariff_text}, std::pair{cdr_path, &cdr_text}})
        if (!read_file(path, *text)) {
            std::fprintf(stderr, "evprice: cannot read %s\n", path.c_str());
            return false;
        }
    auto tariff = core::ocpi::decode_tariff(tariff_text);
    auto cdr = decode_cdr(cdr_text);
    for (const auto& p : tariff.problems) std::fprintf(stderr, "%s: %s\n", tariff_path.c_str(), p.c_str());
    for (const auto& p : cdr.problems) std::fprintf(stderr, "%s: %s\n", cdr_path.c_str(), p.c_str());
    if (!tariff.ok() || !cdr.ok()) return false;
    in.tariff = std::move(*tariff.value);
    in.session = std::move(*cdr.value);
    return true;
}

int batch(const PriceOptions& base) {
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty()) continue;
        Json out;
        const Json j = Json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("tariff") || !j.contains("cdr")) {
            out = Json{{"error", "not a {tariff, cdr} object"}};
        } else {
            auto tariff = core::ocpi::decode_tariff(dump_json(j["tariff"]));
            auto cdr = decode_cdr(dump_json(j["cdr"]));
            PriceOptions options = base;
            // value() would abort on a non-string (no exceptions here): check the type first
            const auto tz = j.find("timezone");
            const std::string zone = tz != j.end() && tz->is_string() ? tz->get<std::string>()
                                     : tz == j.end()                  ? std::string("UTC")
                                                                      : std::string("(not a string)");
            const auto rule = zone_for(zone);
            if (!tariff.ok() || !cdr.ok() || !rule) {
                const std::string why = !rule ? "unknown time zone " + zone : tariff.error() + cdr.error();
                out = Json{{"error", why}};
            } else {
                options.zone = *rule;
                out = result_json(price_session(*tariff.value, *cdr.value, options));
            }
        }
        std::cout << dump_json(out) << '\n';
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    std::string zone = "UTC";
    PriceOptions options;
    bool batch_mode = false;
    long bench = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--timezone" && i + 1 < argc) zone = argv[++i];
        else if (a == "--no-min-max") options.apply_min_max = false;
        else if (a == "--batch") batch_mode = true;
        else if (a == "--bench" && i + 1 < argc) bench = std::strtol(argv[++i], nullptr, 10);
        else if (a == "-h" || a == "--help") { std::fputs(kUsage, stdout); return 0; }
        else if (!a.empty() && a[0] == '-' && a.size() > 1) { std::fprintf(stderr, "evprice: unknown option %s\n%s", a.c_str(), kUsage); return 2; }
        else files.push_back(a);
    }
    if (batch_mode) return batch(options);
    const auto rule = zone_for(zone);
    if (!rule) {
        std::fprintf(stderr, "evprice: unknown time zone %s\n%s", zone.c_str(), kUsage);
        return 2;
    }
    options.zone = *rule;
    if (files.size() != 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    Inputs in;
    if (!load(files[0], files[1], in)) return 2;
    if (bench > 0) {
        const auto t0 = std::chrono::steady_clock::now();
        Micros sink = 0;
        for (long i = 0; i < bench; ++i) {
            const auto r = price_session(in.tariff, in.session, options);
            sink += r.cost ? r.cost->total.incl_vat : 0;
        }
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("{\"sessions\": %ld, \"periods_per_session\": %zu, \"seconds\": %.3f, \"sessions_per_second\": %.0f, \"check\": %lld}\n",
                    bench, in.session.periods.size(), s, static_cast<double>(bench) / s, static_cast<long long>(sink));
        return 0;
    }
    const PriceResult r = price_session(in.tariff, in.session, options);
    std::cout << result_json(r).dump(2) << '\n';
    return r.cost ? 0 : 1;
}
