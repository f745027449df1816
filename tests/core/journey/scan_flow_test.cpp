// The scan flow through update(): camera effects, what reaches the network, and what the driver
// sees before anything starts.
#include <algorithm>

#include <catch2/catch.hpp>

#include "core/api/json_read.hpp"
#include "core/journey/journey.hpp"
#include "core/journey/scan_flow.hpp"
#include "seed_bodies.hpp"

using namespace core;

namespace {

const std::string kOrigin = "https://charge.example.org";
const std::string kSeedQr = "https://a.greenflux.app/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f";
const std::string kLocationId = "nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0";
const std::string kQrAnswer = R"({"valid":true,"id":"d17c60e1-655f-4ff7-a802-15ccb2e7eb7f","datasource":"gsop",
  "operator":"greenflux","locationId":"nl-gfx-a2f2ce5a-8721-4077-9739-6d1a6dce20e0",
  "ocpiLocationId":"a2f2ce5a-8721-4077-9739-6d1a6dce20e0","evseUid":"NL-GFX-EAddCS123-1","connectorId":"1"})";

// The seed location with only the EVSE asked for, as GET /locations/evse/{id} answers.
std::string location_with(const std::string& uid) {
    Json loc = Json::parse(seed::kSeedLocation);
    Json kept = Json::array();
    for (const auto& e : loc["evses"])
        if (e["uid"] == uid) kept.push_back(e);
    loc["evses"] = kept;
    return dump_json(loc);
}

struct Flow {
    Model m;
    TimePoint now{};
    std::vector<Effect> last;
    std::vector<HttpRequest> sent;

    const std::vector<Effect>& send(const Event& e) {
        last = update(m, e, now);
        for (const auto& x : last)
            if (const auto* r = std::get_if<HttpRequest>(&x)) sent.push_back(*r);
        return last;
    }
    void boot(const std::string& url = kOrigin + "/") {
        Boot b;
        b.random_hex = "0123456789abcdef0123456789abcdef";
        b.launch_url = url;
        send(b);
    }
    const std::vector<Effect>& intent(UserIntent i) { return send(Event{std::move(i)}); }
    const std::vector<Effect>& decoded(std::string text) { return send(QrDecoded{std::move(text)}); }
    // The newest request sent (must exist and still be pending).
    const HttpRequest& newest() {
        REQUIRE(!sent.empty());
        return sent.back();
    }
    const std::vector<Effect>& answer(int status, std::string body) {
        return send(HttpResponse{newest().id, status, std::move(body)});
    }
    std::optional<Camera> camera_effect() const {
        std::optional<Camera> out;
        for (const auto& x : last)
            if (const auto* c = std::get_if<Camera>(&x)) out = *c;
        return out;
    }
    size_t requests_in_last() const {
        size_t n = 0;
        for (const auto& x : last) n += std::holds_alternative<HttpRequest>(x);
        return n;
    }
};

}  // namespace

TEST_CASE("opening the scanner starts the rear camera, Back stops it and returns") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    CHECK(f.m.screen == Screen::Scan);
    REQUIRE(f.camera_effect());
    CHECK(f.camera_effect()->on);
    CHECK(f.m.scan.camera == CameraStatus::Starting);
    f.send(CameraReport{CameraStatus::Live, true});
    CHECK(f.m.scan.torch_supported);
    f.intent(intent::ToggleTorch{});
    REQUIRE(f.camera_effect());
    CHECK(f.camera_effect()->torch);
    // Scan again while the camera runs: it keeps running (torch too) and looks afresh.
    f.intent(intent::ScanAgain{});
    REQUIRE(f.camera_effect());
    CHECK(f.camera_effect()->on);
    CHECK(f.camera_effect()->torch);
    f.intent(intent::Back{});
    CHECK(f.m.screen == Screen::Map);
    REQUIRE(f.camera_effect());
    CHECK_FALSE(f.camera_effect()->on);
    // A late report from the camera being stopped does not bring it back.
    f.send(CameraReport{CameraStatus::Live, true});
    CHECK(f.m.scan.camera == CameraStatus::Off);
}

TEST_CASE("no torch toggle where the camera has none") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    f.send(CameraReport{CameraStatus::Live, false});
    f.intent(intent::ToggleTorch{});
    CHECK_FALSE(f.camera_effect());
    CHECK_FALSE(f.m.scan.torch_on);
}

TEST_CASE("a denied or missing camera has words and typing still works") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    f.send(CameraReport{CameraStatus::Denied, false});
    CHECK(scan::camera_text(f.m.scan.camera) == Str::CameraDenied);
    f.send(CameraReport{CameraStatus::NoCamera, false});
    CHECK(scan::camera_text(f.m.scan.camera) == Str::CameraNone);
    f.intent(intent::SubmitEvseId{" NL*GFX*EChargestation*1 "});
    CHECK(f.newest().path == "/api/locations/evse/NL%2AGFX%2AEChargestation%2A1");
    f.answer(200, location_with("NL-GFX-EChargestation-1"));
    CHECK(f.m.screen == Screen::ScanResult);
    REQUIRE(scan::found_evse(f.m) != nullptr);
    CHECK(scan::found_evse(f.m)->uid == "NL-GFX-EChargestation-1");
}

TEST_CASE("the seed sticker leads to its EVSE and connector, shown before anything starts") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    f.send(CameraReport{CameraStatus::Live, false});
    f.decoded(kSeedQr);
    const HttpRequest qr = f.newest();
    CHECK(qr.method == "POST");
    CHECK(qr.path == "/api/qr");
    CHECK(Json::parse(qr.body)["url"] == kSeedQr);
    CHECK(f.m.scan.looking_up);
    // The same sticker stays in view: it is not sent again.
    f.decoded(kSeedQr);
    CHECK(f.requests_in_last() == 0);

    f.answer(200, kQrAnswer);
    CHECK(f.newest().method == "GET");
    CHECK(f.newest().path == "/api/locations/evse/NL-GFX-EAddCS123-1");
    f.answer(200, location_with("NL-GFX-EAddCS123-1"));
    CHECK(f.m.screen == Screen::ScanResult);
    REQUIRE(f.camera_effect());
    CHECK_FALSE(f.camera_effect()->on);
    CHECK(f.m.location->id == kLocationId);
    CHECK(f.m.location->operator_name == "GreenFlux");
    CHECK(f.m.scan.found_connector_id == "1");
    CHECK(f.m.sessions.empty());
    CHECK_FALSE(f.m.start_in_flight);
    // Then into the price flow, by the driver's choice only.
    f.intent(intent::ChooseConnector{"NL-GFX-EAddCS123-1", "1"});
    CHECK(f.m.screen == Screen::Price);
}

TEST_CASE("refused codes never reach the network and say why") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    const size_t before = f.sent.size();
    f.decoded("https://evil.example/qr/gsop/greenflux/abc");
    CHECK(f.m.scan.problem == Str::ScanRefusedOtherWebsite);
    CHECK(f.m.scan.problem_detail == "evil.example");
    CHECK(tr_format(f.m.scan.problem, {f.m.scan.problem_detail}) ==
          "This code leads to another website (evil.example). It was not opened.");
    f.decoded("javascript:alert(1)");
    CHECK(f.m.scan.problem == Str::ScanRefusedUnsafe);
    f.decoded("just some words");
    CHECK(f.m.scan.problem == Str::ScanRefusedNotCharger);
    f.decoded(std::string(5000, 'A'));
    CHECK(f.m.scan.problem == Str::ScanRefusedTooLong);
    CHECK(f.sent.size() == before);
    CHECK(f.m.screen == Screen::Scan);  // the camera keeps looking for the right code
}

TEST_CASE("unknown codes, unknown EVSEs and failures leave the driver on the scanner") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    f.decoded("https://greenflux.app/qr/gsop/greenflux/00000000-0000-0000-0000-000000000000");
    f.answer(404, R"({"validationMessages":[{"code":"QR_NOT_FOUND","message":"No charge point is known for this QR code."}]})");
    CHECK(f.m.scan.problem == Str::ScanUnknownCode);
    CHECK_FALSE(f.m.scan.looking_up);

    f.decoded("https://greenflux.app/qr/gsop/greenflux/11111111");
    f.answer(200, R"({"valid":false,"evseUid":null})");
    CHECK(f.m.scan.problem == Str::ScanUnknownCode);

    f.decoded("DE*AB7*E840*6487");
    f.answer(404, "EVSE not found.");
    CHECK(f.m.scan.problem == Str::ScanUnknownEvse);

    f.intent(intent::ScanAgain{});
    f.decoded("DE*AB7*E840*6487");  // asked again: the driver wants another try
    f.answer(0, "");
    CHECK(f.m.scan.problem == Str::ErrorNetwork);
    f.intent(intent::ScanAgain{});
    f.decoded("DE*AB7*E840*6487");
    f.answer(200, "{not json");
    CHECK(f.m.scan.problem == Str::ErrorBadData);
    f.intent(intent::ScanAgain{});
    f.decoded("DE*AB7*E840*6487");
    f.answer(503, R"({"message":"down"})");
    CHECK(f.m.scan.problem == Str::ErrorServer);
    CHECK(f.m.scan.problem_detail == "down");
    CHECK(f.m.screen == Screen::Scan);
}

TEST_CASE("a QR answer about another location is not shown as that code's charger") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    f.decoded(kSeedQr);
    f.answer(200, kQrAnswer);
    Json other = Json::parse(location_with("NL-GFX-EAddCS123-1"));
    other["id"] = "nl-gfx-somewhere-else";
    f.answer(200, dump_json(other));
    CHECK(f.m.scan.problem == Str::ScanMismatch);
    CHECK(f.m.screen == Screen::Scan);
}

TEST_CASE("a typed id is checked before it is sent") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    const size_t before = f.sent.size();
    f.intent(intent::SubmitEvseId{"NL*GFX"});
    CHECK(f.m.scan.problem == Str::EvseIdInvalid);
    f.intent(intent::SubmitEvseId{"https://evil.example/"});
    CHECK(f.sent.size() == before);
}

TEST_CASE("answers that come after the driver left the scanner are ignored") {
    Flow f;
    f.boot();
    f.intent(intent::OpenScanner{});
    f.decoded("DE*AB7*E840*6487");
    const int id = f.newest().id;
    f.intent(intent::Back{});
    f.send(HttpResponse{id, 200, location_with("NL-GFX-EAddCS123-1")});
    CHECK(f.m.screen == Screen::Map);
    CHECK_FALSE(f.m.location);
}

TEST_CASE("a sticker pointing at this app opens straight at its charger") {
    Flow f;
    f.boot(kOrigin + "/?evse=NL-GFX-EChargestation-1");
    CHECK(f.m.screen == Screen::Scan);
    CHECK(f.newest().path == "/api/locations/evse/NL-GFX-EChargestation-1");
    CHECK_FALSE(f.camera_effect());  // nobody asked for the camera
    f.answer(200, location_with("NL-GFX-EChargestation-1"));
    CHECK(f.m.screen == Screen::ScanResult);

    Flow q;
    q.boot(kOrigin + "/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f");
    CHECK(q.newest().path == "/api/qr");
    CHECK(Json::parse(q.newest().body)["url"] == "https://greenflux.app/qr/gsop/greenflux/d17c60e1-655f-4ff7-a802-15ccb2e7eb7f");

    Flow plain;
    plain.boot(kOrigin + "/");
    CHECK(plain.m.screen == Screen::Map);

    Flow hostile;
    hostile.boot(kOrigin + "/?qr=https%3A%2F%2Fevil.example%2Fpay");
    CHECK(hostile.m.screen == Screen::Scan);
    CHECK(hostile.m.scan.problem == Str::ScanRefusedOtherWebsite);
    for (const auto& r : hostile.sent) CHECK(r.path.find("evil") == std::string::npos);
}

TEST_CASE("a running session is not replaced by a sticker link or the scanner") {
    Flow f;
    Boot b;
    b.random_hex = "0123456789abcdef0123456789abcdef";
    b.launch_url = kOrigin + "/?evse=NL-GFX-EChargestation-1";
    b.stored[kKeyActiveSessions] = R"([{"id":"s1","locationId":"l","evseUid":"e","connectorId":"1"}])";
    f.send(b);
    REQUIRE(f.m.sessions.size() == 1);
    CHECK(f.m.screen == Screen::Session);
    for (const auto& r : f.sent) CHECK(r.path.find("/locations/evse/") == std::string::npos);
    f.intent(intent::OpenScanner{});
    CHECK(f.m.screen == Screen::Session);
}

TEST_CASE("a sticker link leaves the address bar once it led somewhere final") {
    auto forgets = [](const std::vector<Effect>& effects) {
        return std::count_if(effects.begin(), effects.end(),
                             [](const Effect& e) { return std::holds_alternative<ForgetLaunchCode>(e); });
    };
    Flow found;
    found.boot(kOrigin + "/?evse=NL-GFX-EChargestation-1");
    CHECK(forgets(found.last) == 0);  // not yet: a reload must still lead there
    CHECK(forgets(found.answer(200, location_with("NL-GFX-EChargestation-1"))) == 1);
    REQUIRE(found.m.screen == Screen::ScanResult);
    found.intent(intent::OpenScanner{});
    CHECK(forgets(found.decoded("DE*AB7*E840*6487")) == 0);  // a scanned code is not the launch code

    Flow offline;
    offline.boot(kOrigin + "/?evse=NL-GFX-EChargestation-1");
    CHECK(forgets(offline.answer(0, "")) == 0);  // no answer: a reload tries the code again
    Flow fault;
    fault.boot(kOrigin + "/?evse=NL-GFX-EChargestation-1");
    CHECK(forgets(fault.answer(503, "")) == 0);

    Flow unknown;
    unknown.boot(kOrigin + "/?evse=NL-GFX-ENOPE-1");
    CHECK(forgets(unknown.answer(404, "")) == 1);

    Flow hostile;
    hostile.boot(kOrigin + "/?qr=https%3A%2F%2Fevil.example%2Fpay");
    CHECK(forgets(hostile.last) == 1);

    Flow dismissed;
    dismissed.boot(kOrigin + "/?evse=NL-GFX-EChargestation-1");
    CHECK(forgets(dismissed.intent(intent::Back{})) == 1);
    CHECK(forgets(dismissed.answer(0, "")) == 0);  // said once

    Flow plain;
    plain.boot(kOrigin + "/");
    CHECK(forgets(plain.last) == 0);

    Flow session;
    Boot b;
    b.random_hex = "0123456789abcdef0123456789abcdef";
    b.launch_url = kOrigin + "/?evse=NL-GFX-EChargestation-1";
    b.stored[kKeyActiveSessions] = R"([{"id":"s1","locationId":"l","evseUid":"e","connectorId":"1"}])";
    CHECK(forgets(session.send(b)) == 1);  // the running session came first; the link is spent
}
