// The typed JSON reader: absent vs wrong type, ranges, and paths in the problems it reports.
#include <catch2/catch.hpp>

#include "core/api/json_read.hpp"

using namespace core;

TEST_CASE("fields read by type, absent and null alike") {
    ReadLog log;
    const auto j = parse_json(R"({"s":"x","n":1.5,"i":7,"f":7.0,"b":true,"z":null,"t":"2021-06-14T08:57:20Z",
        "o":{"k":"v"},"a":[1,2]})", log);
    REQUIRE(j.has_value());
    FieldReader r(*j, "root", log);
    CHECK(r.opt_string("s") == "x");
    CHECK(r.opt_number("n") == 1.5);
    CHECK(r.opt_integer("i", 0, 10) == 7);
    CHECK(r.opt_integer("f", 0, 10) == 7);
    CHECK(r.opt_bool("b") == true);
    CHECK_FALSE(r.opt_string("z").has_value());
    CHECK_FALSE(r.opt_string("missing").has_value());
    CHECK(r.opt_time("t") == parse_iso8601("2021-06-14T08:57:20Z"));
    CHECK(r.object("o")->string_or("k") == "v");
    CHECK_FALSE(r.object("z").has_value());
    int sum = 0;
    CHECK(r.each("a", [&](const Json& v, const std::string&) { sum += v.get<int>(); }));
    CHECK(sum == 3);
    CHECK(log.problems.empty());
}

TEST_CASE("wrong types are logged with their path and read as absent") {
    ReadLog log;
    const auto j = parse_json(R"({"s":1,"n":"1","i":7.5,"big":1e30,"b":"yes","o":[],"a":{},"t":"soon","id":""})", log);
    FieldReader r(*j, "x", log);
    CHECK_FALSE(r.opt_string("s").has_value());
    CHECK_FALSE(r.opt_number("n").has_value());
    CHECK_FALSE(r.opt_integer("i", 0, 10).has_value());
    CHECK_FALSE(r.opt_integer("big", 0, 10).has_value());
    CHECK_FALSE(r.opt_bool("b").has_value());
    CHECK_FALSE(r.object("o").has_value());
    CHECK_FALSE(r.each("a", [](const Json&, const std::string&) {}));
    CHECK_FALSE(r.opt_time("t").has_value());
    CHECK(r.required_string("id").empty());
    CHECK(r.required_string("nope").empty());
    CHECK(r.string_or("s", "fallback") == "fallback");
    const std::string all = log.joined();
    CHECK(all.find("x.s: expected a string, got number") != std::string::npos);
    CHECK(all.find("x.i: expected a whole number") != std::string::npos);
    CHECK(all.find("x.big: number out of range") != std::string::npos);
    CHECK(all.find("x.o: expected an object, got array") != std::string::npos);
    CHECK(all.find("x.a: expected an array") != std::string::npos);
    CHECK(all.find("x.t: not an ISO 8601 time") != std::string::npos);
    CHECK(all.find("x.id: empty") != std::string::npos);
    CHECK(all.find("x.nope: missing") != std::string::npos);
}

TEST_CASE("a non-object reads as empty and says so") {
    ReadLog log;
    FieldReader r(Json::array(), "p", log);
    CHECK_FALSE(r.is_object());
    CHECK_FALSE(r.opt_string("a").has_value());
    REQUIRE(log.problems.size() == 1);
    CHECK(log.problems[0] == "p: expected an object, got array");
    ReadLog log2;
    CHECK_FALSE(parse_json("{oops", log2).has_value());
    CHECK(log2.problems == std::vector<std::string>{"(document): not valid JSON"});
}

TEST_CASE("money from the wire") {
    CHECK(micros_from_wire(1.64) == 1'640'000);
    CHECK(micros_from_wire(-0.0000005) == -1);  // half away from zero
    CHECK(micros_from_wire(0.351) == 351'000);
    CHECK_FALSE(micros_from_wire(1e13).has_value());
    CHECK_FALSE(micros_from_wire(-1e300).has_value());
}
