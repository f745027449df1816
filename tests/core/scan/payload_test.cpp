// The scan classifier: charger codes are recognised, everything else is refused with a reason.
#include <catch2/catch.hpp>

#include <string>

#include "core/scan/payload.hpp"

using namespace core;

namespace {

const std::string kOrigin = "https://charge.example.org";
const std::string kSeedQr = "https://a.greenflux.app/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f";

ScanPayload scan(const std::string& text) { return classify_scan(text, kOrigin); }

}  // namespace

TEST_CASE("GreenFlux QR URLs are resolved as they are") {
    for (const std::string url : {kSeedQr, std::string("https://greenflux.app/qr/gsop/greenflux/abc"),
                                  std::string("HTTPS://A.GreenFlux.App/qr/gsop/greenflux/abc/"),
                                  std::string("https://greenflux.app:443/qr/ds/op/id?ref=sticker"),
                                  std::string("  ") + kSeedQr + "\r\n"}) {
        INFO(url);
        const ScanPayload p = scan(url);
        CHECK(p.kind == PayloadKind::GreenFluxQr);
        CHECK(p.refusal == Refusal::None);
    }
    CHECK(scan(kSeedQr).value == kSeedQr);  // passed on untouched: the service reads it
}

TEST_CASE("EVSE ids in eMI3, OICP and uid form are looked up") {
    for (const std::string id : {"DE*AB7*E840*6487", "DEAB7E8406487", "NL*GFX*E10154*1", "nl*gfx*e10154*1",
                                 "+49*810*000*438", "49*810*000*438", "NL-GFX-EAddCS123-1", "NL-GFX-ENL-GFX-Ramya-TEST01-1"}) {
        INFO(id);
        const ScanPayload p = scan(id);
        CHECK(p.kind == PayloadKind::EvseId);
        CHECK(p.value == id);
    }
}

TEST_CASE("links into this app carry the charger code") {
    auto check = [](const std::string& link, PayloadKind kind, const std::string& value) {
        INFO(link);
        const ScanPayload p = scan(link);
        CHECK(p.kind == kind);
        CHECK(p.value == value);
        CHECK(p.via_app_link);
    };
    check(kOrigin + "/?evse=NL*GFX*E10154*1", PayloadKind::EvseId, "NL*GFX*E10154*1");
    check(kOrigin + "/?evse=NL%2AGFX%2AE10154%2A1", PayloadKind::EvseId, "NL*GFX*E10154*1");
    check(kOrigin + "/evse/NL-GFX-EAddCS123-1", PayloadKind::EvseId, "NL-GFX-EAddCS123-1");
    check(kOrigin + "/?lang=nl&qr=https%3A%2F%2Fa.greenflux.app%2Fqr%2Fgsop%2Fgreenflux%2Fabc", PayloadKind::GreenFluxQr,
          "https://a.greenflux.app/qr/gsop/greenflux/abc");
    check(kOrigin + "/qr/gsop/greenflux/abc", PayloadKind::GreenFluxQr, "https://greenflux.app/qr/gsop/greenflux/abc");
    CHECK(scan("http://127.0.0.1:8000/?evse=DE*AB7*E840*6487").refusal == Refusal::OtherWebsite);  // not our origin
}

TEST_CASE("a link into this app whose payload is not a charger code is refused") {
    CHECK(scan(kOrigin + "/").refusal == Refusal::NotChargerCode);
    CHECK(scan(kOrigin + "/?evse=hello").refusal == Refusal::NotChargerCode);
    CHECK(scan(kOrigin + "/?evse=" + "https%3A%2F%2Fa.greenflux.app%2Fqr%2Fa%2Fb%2Fc").refusal == Refusal::NotChargerCode);
    CHECK(scan(kOrigin + "/?qr=https%3A%2F%2Fevil.example%2Fqr%2Fa%2Fb%2Fc").refusal == Refusal::OtherWebsite);
    CHECK(scan(kOrigin + "/?qr=javascript%3Aalert(1)").refusal == Refusal::UnsafeLink);
    CHECK(scan(kOrigin + "/?evse=NL%0AGFX").refusal == Refusal::Hidden);
    CHECK(scan(kOrigin + "/?evse=%zz").refusal == Refusal::Hidden);
    // No loops: a link into the app inside a link into the app is not followed.
    CHECK(scan(kOrigin + "/?qr=" + "https%3A%2F%2Fcharge.example.org%2F%3Fevse%3DDEAB7E8406487").kind == PayloadKind::Refused);
    // Without a known origin, no link is a link into the app.
    CHECK(classify_scan(kOrigin + "/?evse=DEAB7E8406487", "").refusal == Refusal::OtherWebsite);
}

TEST_CASE("other websites are refused and named by host only") {
    const ScanPayload p = scan("https://evil.example/qr/gsop/greenflux/abc");
    CHECK(p.kind == PayloadKind::Refused);
    CHECK(p.refusal == Refusal::OtherWebsite);
    CHECK(p.host == "evil.example");
    CHECK(p.value.empty());
    // Look-alikes of the GreenFlux hosts.
    CHECK(scan("https://greenflux.app.evil.example/qr/a/b/c").host == "greenflux.app.evil.example");
    CHECK(scan("https://evilgreenflux.app/qr/a/b/c").refusal == Refusal::OtherWebsite);
    CHECK(scan("https://b.greenflux.app/qr/a/b/c").refusal == Refusal::OtherWebsite);
    CHECK(scan("https://charge.example.org.evil.example/?evse=DEAB7E8406487").refusal == Refusal::OtherWebsite);
    CHECK(scan("http://charge.example.org/?evse=DEAB7E8406487").refusal == Refusal::OtherWebsite);  // other scheme, other origin
}

TEST_CASE("hostile links are refused") {
    for (const std::string text : {"javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                                   "file:///etc/passwd", "intent://scan/#Intent;scheme=zxing;end", "vbscript:msgbox(1)",
                                   "http://greenflux.app/qr/gsop/greenflux/abc",          // not https
                                   "https://greenflux.app:8443/qr/gsop/greenflux/abc",    // another port
                                   "https://greenflux.app@evil.example/qr/a/b/c",         // userinfo trick
                                   "https://evil.example\\@greenflux.app/qr/a/b/c",       // backslash trick
                                   "https:greenflux.app/qr/a/b/c", "https://[::1]/qr/a/b/c", "https://greenflux.app:/qr/a/b/c"}) {
        INFO(text);
        const ScanPayload p = scan(text);
        CHECK(p.kind == PayloadKind::Refused);
        CHECK(p.refusal == Refusal::UnsafeLink);
    }
}

TEST_CASE("GreenFlux links that name no charger are refused") {
    for (const std::string text : {"https://greenflux.app/", "https://greenflux.app/qr/gsop/greenflux",
                                   "https://greenflux.app/qr/gsop//abc", "https://greenflux.app/qr/a/b/c/d",
                                   "https://greenflux.app/qr/a/b/%2e%2e", "https://greenflux.app/qr/a/../c",
                                   "https://greenflux.app/qr/a/b/..", "https://greenflux.app/QR/a/b/c",
                                   "https://a.greenflux.app/login?next=/qr/a/b/c"}) {
        INFO(text);
        CHECK(scan(text).refusal == Refusal::NotChargerCode);
    }
}

TEST_CASE("plain text, control characters and oversized payloads are refused") {
    CHECK(scan("").refusal == Refusal::Empty);
    CHECK(scan(" \r\n").refusal == Refusal::Empty);
    CHECK(scan("Free charging! Call 0800-123").refusal == Refusal::NotChargerCode);
    CHECK(scan("hello").refusal == Refusal::NotChargerCode);
    CHECK(scan("WIFI:S:Hotel;T:WPA;P:secret;;").refusal == Refusal::UnsafeLink);
    CHECK(scan("DE*AB7*E840*6487 ").kind == PayloadKind::EvseId);  // surrounding white space is not content
    CHECK(scan("DE*AB7\x1b[2J*E840").refusal == Refusal::Hidden);
    CHECK(scan(std::string("DE*AB7*E840*6487\0evil", 21)).refusal == Refusal::Hidden);
    CHECK(scan("https://greenflux.app/qr/a/b/c\x7f").refusal == Refusal::Hidden);
    CHECK(scan("https://gr\xc3\xa9\x65nflux.app/qr/a/b/c").refusal == Refusal::Hidden);  // look-alike host
    CHECK(scan("DE*AB7*E840*\xe2\x80\xae" "6487").kind == PayloadKind::Refused);        // right-to-left override
    CHECK(scan(std::string(kMaxPayloadBytes + 1, 'A')).refusal == Refusal::TooLong);
    CHECK(scan(kSeedQr + "?pad=" + std::string(kMaxPayloadBytes, 'x')).refusal == Refusal::TooLong);
    CHECK(scan(std::string(200, '*')).kind == PayloadKind::Refused);
}

TEST_CASE("EVSE id shapes") {
    CHECK(is_evse_id("DE*AB7*E840*6487"));
    CHECK(is_evse_id("DEAB7E8406487"));
    CHECK_FALSE(is_evse_id("DE*AB7*840*6487"));   // no E before the power outlet id
    CHECK_FALSE(is_evse_id("D*AB7*E840"));        // one-letter country
    CHECK_FALSE(is_evse_id("DE*AB7*E"));          // nothing after E
    CHECK_FALSE(is_evse_id("DE*AB7*E" + std::string(31, '1')));
    CHECK(is_evse_id("DE*AB7*E" + std::string(30, '1')));
    CHECK_FALSE(is_evse_id("+1234*810*1"));       // four-digit country code
    CHECK_FALSE(is_evse_id("NL-GFX-E"));
    CHECK_FALSE(is_evse_id("NL_GFX_E123"));
}

TEST_CASE("a typed EVSE id is checked as it is typed") {
    CHECK(check_typed_evse_id("") == TypedEvseId::Empty);
    CHECK(check_typed_evse_id("  ") == TypedEvseId::Empty);
    // Every prefix of a real id is incomplete, never invalid, until it is whole.
    const std::string id = "NL*GFX*E10154*1";
    for (size_t n = 1; n < 8; ++n) {
        INFO(id.substr(0, n));
        CHECK(check_typed_evse_id(id.substr(0, n)) == TypedEvseId::Incomplete);
    }
    CHECK(check_typed_evse_id(id) == TypedEvseId::Valid);
    const std::string uid = "NL-GFX-EAddCS123-1";
    for (size_t n = 1; n < 8; ++n) CHECK(check_typed_evse_id(uid.substr(0, n)) == TypedEvseId::Incomplete);
    CHECK(check_typed_evse_id(uid) == TypedEvseId::Valid);
    CHECK(check_typed_evse_id("+49*8") == TypedEvseId::Incomplete);
    CHECK(check_typed_evse_id("N1") == TypedEvseId::Invalid);
    CHECK(check_typed_evse_id("NL*GFX*X") == TypedEvseId::Invalid);
    CHECK(check_typed_evse_id("NL GFX") == TypedEvseId::Invalid);
    CHECK(check_typed_evse_id("https://") == TypedEvseId::Invalid);
}

TEST_CASE("the app's origin comes from its launch URL") {
    CHECK(origin_of("https://Charge.Example.org/qr/a/b/c?x=1#f") == "https://charge.example.org");
    CHECK(origin_of("http://127.0.0.1:8000/?evse=DEAB7E8406487") == "http://127.0.0.1:8000");
    CHECK(origin_of("https://charge.example.org:443/") == "https://charge.example.org");
    CHECK(origin_of("file:///index.html").empty());
    CHECK(origin_of("not a url").empty());
    CHECK(origin_of("https://user@charge.example.org/").empty());
}
