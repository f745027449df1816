// The web build's strtod for nlohmann/json: the same double as libc's strtod for the numbers APIs
// send, within an ulp for the rest, and the end of the number where strtod puts it.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "core/api/json_number.hpp"

using core::read_json_number;

namespace {

double libc(const std::string& text) { return std::strtod(text.c_str(), nullptr); }
double ours(const std::string& text) { return read_json_number(text.c_str(), nullptr); }

}  // namespace

TEST_CASE("JSON numbers read as libc reads them") {
    for (const char* text : {"0", "-0", "1", "-1", "0.35", "0.1", "0.2", "0.3", "2.106", "52.370216", "4.895168",
                             "-73.9857", "1e3", "1E-3", "2.5e+2", "123456789012345678", "9007199254740993",
                             "0.000001", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308",
                             "1e22", "1e23", "123.456e-5", "0.30000000000000004", "3.141592653589793",
                             "100000000000000000000000", "1e-22", "0.1e-10", "18446744073709551615"}) {
        INFO(text);
        CHECK(ours(text) == libc(text));
    }
    CHECK(std::signbit(ours("-0")));
}

TEST_CASE("JSON numbers of up to 15 digits and small exponents read exactly as libc reads them") {
    std::mt19937_64 random(20261206);
    for (int i = 0; i < 20000; ++i) {
        std::string text = std::to_string(random() % 1000000000000000ULL);  // up to 15 digits
        text.insert(random() % text.size(), ".");
        if (text[0] == '.') text.insert(0, "0");
        if (text.back() == '.') text += '0';
        if (random() % 2) text += "e" + std::to_string(static_cast<int>(random() % 15) - 7);
        if (random() % 4 == 0) text.insert(0, "-");
        INFO(text);
        REQUIRE(ours(text) == libc(text));
    }
}

TEST_CASE("JSON numbers beyond the exact path are within an ulp of libc's") {
    std::mt19937_64 random(7);
    char text[96];
    for (int i = 0; i < 20000; ++i) {
        const int e = static_cast<int>(random() % 600) - 300;
        std::snprintf(text, sizeof text, "%llu%llue%d", static_cast<unsigned long long>(random() % 10000000000ULL),
                      static_cast<unsigned long long>(random()), e);
        INFO(text);
        const double a = ours(text), b = libc(text);
        REQUIRE(std::isfinite(a) == std::isfinite(b));
        if (std::isfinite(b) && b != 0) REQUIRE(std::fabs(a - b) <= std::fabs(std::nextafter(b, 0.0) - b));
    }
    CHECK(std::isinf(ours("1e400")));
    CHECK(ours("1e-400") == 0);
    CHECK(ours("-1e400") < 0);
}

TEST_CASE("the end of a JSON number is where strtod puts it") {
    for (const char* text : {"12.5,", "-3e2]", "7}", "0.5e", "1.e5", ".5", "  42 ", "abc", "-", "1e+", "3.25E-2x"}) {
        char* a = nullptr;
        char* b = nullptr;
        read_json_number(text, &a);
        std::strtod(text, &b);
        INFO(text);
        CHECK(a - text == b - text);
    }
}
