// Support contacts become links only when they plainly are a number, an address or a web site;
// a tap on one is an OpenLink effect with that link and nothing else.
#include <catch2/catch.hpp>

#include "core/journey/journey.hpp"
#include "journey_harness.hpp"

using namespace core;
using namespace test;

namespace {

std::string link(ContactKind k, std::string_view s) { return contact_link(k, s).value_or("(none)"); }

std::vector<OpenLink> links(const std::vector<Effect>& effects) {
    std::vector<OpenLink> out;
    for (const auto& e : effects)
        if (const auto* l = std::get_if<OpenLink>(&e)) out.push_back(*l);
    return out;
}

}  // namespace

TEST_CASE("phone numbers as people write them become tel: links") {
    CHECK(link(ContactKind::Phone, "+31 299 123 456") == "tel:+31299123456");
    CHECK(link(ContactKind::Phone, "+49 (0)30 / 123-45.67") == "tel:+490301234567");
    CHECK(link(ContactKind::Phone, "0800-1234") == "tel:08001234");
    CHECK(link(ContactKind::Phone, "112") == "tel:112");
}

TEST_CASE("what is no dialable number gets no link") {
    CHECK(link(ContactKind::Phone, "") == "(none)");
    CHECK(link(ContactKind::Phone, "12") == "(none)");
    CHECK(link(ContactKind::Phone, "1234567890123456") == "(none)");  // 16 digits: longer than E.164
    CHECK(link(ContactKind::Phone, "31+299") == "(none)");            // a plus only in front
    CHECK(link(ContactKind::Phone, "++31 299") == "(none)");
    CHECK(link(ContactKind::Phone, "call 0800") == "(none)");
    CHECK(link(ContactKind::Phone, "0800;ext=1") == "(none)");
    CHECK(link(ContactKind::Phone, "0800\n1234") == "(none)");
}

TEST_CASE("an e-mail address becomes a mailto: link that cannot carry more") {
    CHECK(link(ContactKind::Email, "support@greenflux.com") == "mailto:support@greenflux.com");
    CHECK(link(ContactKind::Email, "front.desk+ev@hotel-dijkzicht.nl") == "mailto:front.desk+ev@hotel-dijkzicht.nl");
    CHECK(link(ContactKind::Email, "a@b") == "(none)");
    CHECK(link(ContactKind::Email, "@greenflux.com") == "(none)");
    CHECK(link(ContactKind::Email, "a@@greenflux.com") == "(none)");
    CHECK(link(ContactKind::Email, "a@greenflux.com?cc=x@y.z") == "(none)");
    CHECK(link(ContactKind::Email, "a@greenflux.com&body=hi") == "(none)");
    CHECK(link(ContactKind::Email, "a b@greenflux.com") == "(none)");
    CHECK(link(ContactKind::Email, "a@greenflux.") == "(none)");
    CHECK(link(ContactKind::Email, std::string(250, 'a') + "@b.nl") == "(none)");
}

TEST_CASE("a web site is https unless it says http, and no other scheme passes") {
    CHECK(link(ContactKind::Website, "https://www.greenflux.com/support") == "https://www.greenflux.com/support");
    CHECK(link(ContactKind::Website, "HTTP://greenflux.com") == "HTTP://greenflux.com");
    CHECK(link(ContactKind::Website, "www.hotel-dijkzicht.nl/help") == "https://www.hotel-dijkzicht.nl/help");
    CHECK(link(ContactKind::Website, "hotel.nl:8443/ev") == "https://hotel.nl:8443/ev");
    CHECK(link(ContactKind::Website, "javascript:alert(1)") == "(none)");
    CHECK(link(ContactKind::Website, "JavaScript:alert('a.b')") == "(none)");
    CHECK(link(ContactKind::Website, "data:text/html,x.y") == "(none)");
    CHECK(link(ContactKind::Website, "https://user@evil.example") == "(none)");
    CHECK(link(ContactKind::Website, "https://a b.nl") == "(none)");
    CHECK(link(ContactKind::Website, "https:///nohost") == "(none)");
    CHECK(link(ContactKind::Website, "localhost") == "(none)");
    CHECK(link(ContactKind::Website, "https://x.nl/\"><script>") == "(none)");
}

TEST_CASE("a tapped contact opens its link, one that cannot be a link does nothing") {
    Journey j;
    j.ready();
    auto effects = j.intent(intent::OpenContact{ContactKind::Phone, "+31 20 123 4567"});
    REQUIRE(links(effects).size() == 1);
    CHECK(links(effects)[0].url == "tel:+31201234567");
    CHECK(effects.size() == 1);
    CHECK(links(j.intent(intent::OpenContact{ContactKind::Website, "javascript:alert(1)"})).empty());
    CHECK(links(j.intent(intent::OpenContact{ContactKind::Email, "help@operator.example"}))[0].url ==
          "mailto:help@operator.example");
}
