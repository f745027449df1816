// The scan flow's rules (see scan_flow.hpp). A code is classified first (core/scan/payload); only a
// GreenFlux QR URL or an EVSE id ever reaches the network, and only as data for our own API.
#include "scan_flow.hpp"

#include <algorithm>

#include "core/api/api.hpp"

namespace core::scan {
namespace {

bool is_success(int status) { return status >= 200 && status < 300; }

void send(Model& m, std::vector<Effect>& out, HttpRequest request, RequestKind kind, std::string context) {
    request.id = m.next_request_id++;
    m.pending[request.id] = PendingRequest{kind, std::move(context)};
    out.emplace_back(std::move(request));
}

void forget_lookups(Model& m) {
    for (auto it = m.pending.begin(); it != m.pending.end();) {
        const bool ours = it->second.kind == RequestKind::QrResolve || it->second.kind == RequestKind::EvseLookup;
        it = ours ? m.pending.erase(it) : std::next(it);
    }
    m.scan.looking_up = false;
}

void camera(Model& m, std::vector<Effect>& out, bool on) {
    if (on) {
        // Denied or missing may have changed (settings, a plugged-in camera): asking again is cheap.
        if (m.scan.camera != CameraStatus::Starting && m.scan.camera != CameraStatus::Live) {
            m.scan.camera = CameraStatus::Starting;
            m.scan.torch_on = false;
            out.emplace_back(Camera{true, false});
        }
    } else if (m.scan.camera != CameraStatus::Off) {
        m.scan.camera = CameraStatus::Off;
        m.scan.torch_on = false;
        out.emplace_back(Camera{false, false});
    }
}

void set_problem(Model& m, Str text, std::string detail = {}) {
    m.scan.problem = text;
    m.scan.problem_detail = std::move(detail);
}

// The launch address's code has led somewhere final: out of the address bar with it.
void forget_launch_code(Model& m, std::vector<Effect>& out) {
    if (!m.scan.launch_code) return;
    m.scan.launch_code = false;
    out.emplace_back(ForgetLaunchCode{});
}

void failed(Model& m, const HttpResponse& r, Str not_found, std::vector<Effect>& out) {
    m.scan.looking_up = false;
    // No answer or a server fault says nothing about the code: a reload may try it again.
    if (r.status != 0 && r.status < 500) forget_launch_code(m, out);
    if (r.status == 0) set_problem(m, Str::ErrorNetwork);
    else if (r.status == 404) set_problem(m, not_found);
    else set_problem(m, r.status >= 500 ? Str::ErrorServer : not_found, decode_error_message(r.body));
}

// The lookup's context: the id asked for, and the location and connector a QR code named ("" for
// an EVSE id, which names neither).
void look_up_evse(Model& m, std::vector<Effect>& out, std::string_view id, std::string_view location_id = {},
                  std::string_view connector_id = {}) {
    m.scan.looking_up = true;
    send(m, out, evse_request(id), RequestKind::EvseLookup,
         dump_json(Json::array({std::string(id), std::string(location_id), std::string(connector_id)})));
}

// A classified code: refused ones only change the words on screen.
void handle(Model& m, const ScanPayload& p, std::vector<Effect>& out) {
    forget_lookups(m);
    set_problem(m, Str::None);
    switch (p.kind) {
        case PayloadKind::Refused:
            set_problem(m, refusal_text(p.refusal), p.host);
            forget_launch_code(m, out);
            return;
        case PayloadKind::GreenFluxQr:
            m.scan.looking_up = true;
            send(m, out, qr_request(p.value), RequestKind::QrResolve, p.value);
            return;
        case PayloadKind::EvseId:
            look_up_evse(m, out, p.value);
            return;
    }
}

void open_scanner(Model& m, std::vector<Effect>& out) {
    if (m.screen != Screen::Scan && m.screen != Screen::ScanResult) m.scan_return_to = m.screen;
    m.screen = Screen::Scan;
    m.scan.last_text.clear();
    m.scan.found_evse_uid.clear();
    m.scan.found_connector_id.clear();
    set_problem(m, Str::None);
    if (m.scan.camera == CameraStatus::Starting || m.scan.camera == CameraStatus::Live)
        out.emplace_back(Camera{true, m.scan.torch_on});  // running: tells the camera to look afresh
    else
        camera(m, out, true);
}

void leave(Model& m, std::vector<Effect>& out) {
    forget_lookups(m);
    forget_launch_code(m, out);
    camera(m, out, false);
    set_problem(m, Str::None);
    m.screen = m.scan_return_to;
    // The place Back leads to must still have what it shows.
    if ((m.screen == Screen::Location && !m.location) || m.screen == Screen::Scan || m.screen == Screen::ScanResult)
        m.screen = Screen::Map;
}

bool same_evse_id(std::string_view a, std::string_view b) {
    auto norm = [](std::string_view s) {
        std::string out;
        for (char c : s) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out.push_back(c);
        }
        return out;
    };
    return !a.empty() && norm(a) == norm(b);
}

void on_qr(Model& m, const HttpResponse& r, std::vector<Effect>& out) {
    if (!is_success(r.status)) return failed(m, r, Str::ScanUnknownCode, out);
    ReadLog log;
    const auto root = parse_json(r.body, log);
    if (!root) {
        m.scan.looking_up = false;
        return set_problem(m, Str::ErrorBadData);
    }
    const FieldReader f(*root, "", log);
    const std::string evse_uid = f.string_or("evseUid");
    if (!f.bool_or("valid") || evse_uid.empty()) {
        m.scan.looking_up = false;
        forget_launch_code(m, out);
        return set_problem(m, Str::ScanUnknownCode);
    }
    look_up_evse(m, out, evse_uid, f.string_or("locationId"), f.string_or("connectorId"));
}

void on_evse(Model& m, const HttpResponse& r, const std::string& context, std::vector<Effect>& out) {
    if (!is_success(r.status)) return failed(m, r, Str::ScanUnknownEvse, out);
    m.scan.looking_up = false;
    auto decoded = decode_location(r.body);
    if (!decoded.ok()) return set_problem(m, Str::ErrorBadData);
    Location& loc = *decoded.value;
    // string_view input, as everywhere in the app: one instance of nlohmann's parser (3 KB of wasm)
    const Json expected = Json::parse(std::string_view(context), nullptr, false);
    const auto at = [&](size_t i) {
        return expected.is_array() && expected.size() > i && expected[i].is_string() ? expected[i].get<std::string>()
                                                                                     : std::string();
    };
    // A QR code names its location: an answer about another one is not shown as if it were.
    if (!at(1).empty() && at(1) != loc.id) return set_problem(m, Str::ScanMismatch);
    if (loc.evses.empty()) return set_problem(m, Str::ScanUnknownEvse);
    // The service answers with the location holding just that EVSE; should it send more, the
    // one asked for is kept (by uid, or by eMI3 id written any way) and the rest dropped.
    const std::string asked = at(0);
    const Evse* chosen = nullptr;
    for (const auto& e : loc.evses)
        if (e.uid == asked || same_evse_id(e.evse_id, asked) || same_evse_id(e.uid, asked)) chosen = &e;
    if (chosen == nullptr && loc.evses.size() == 1) chosen = &loc.evses.front();
    if (chosen == nullptr) return set_problem(m, Str::ScanUnknownEvse);
    const Evse evse = *chosen;
    loc.evses = {evse};

    m.location = std::move(loc);
    m.location_loading = false;
    m.chosen_evse_uid.clear();
    m.chosen_connector_id.clear();
    m.tariffs.clear();
    m.default_tariff.reset();
    m.scan.found_evse_uid = evse.uid;
    forget_launch_code(m, out);
    const std::string connector = at(2);
    const bool has_connector = std::any_of(evse.connectors.begin(), evse.connectors.end(),
                                           [&](const Connector& c) { return c.id == connector; });
    m.scan.found_connector_id = has_connector ? connector : std::string();
    set_problem(m, Str::None);
    camera(m, out, false);
    m.screen = Screen::ScanResult;
    out.emplace_back(Announce{tr_format(Str::FoundCharger, {evse.evse_id.empty() ? evse.uid : evse.evse_id})});
}

}  // namespace

HttpRequest qr_request(std::string_view url) {
    HttpRequest r;
    r.method = "POST";
    r.path = "/api/qr";
    r.headers = {{"Accept", "application/json"}, {"Content-Type", "application/json"}};
    Json body = Json::object();
    body["url"] = std::string(url);
    r.body = dump_json(body);
    return r;
}

HttpRequest evse_request(std::string_view evse_id) {
    HttpRequest r;
    r.method = "GET";
    r.path = "/api/locations/evse/" + url_encode(evse_id);
    r.headers = {{"Accept", "application/json"}};
    return r;
}

void on_boot(Model& m, const Boot& boot, std::vector<Effect>& out) {
    m.scan.app_origin = origin_of(boot.launch_url);
    if (m.scan.app_origin.empty()) return;
    const ScanPayload p = classify_scan(boot.launch_url, m.scan.app_origin);
    // The app's plain address is no charger code: nothing to do then.
    if (p.kind == PayloadKind::Refused && p.refusal == Refusal::NotChargerCode) return;
    m.scan.launch_code = true;
    if (!m.sessions.empty()) return forget_launch_code(m, out);  // a running session comes first
    m.scan_return_to = Screen::Map;
    m.screen = Screen::Scan;
    handle(m, p, out);
}

bool on_intent(Model& m, const UserIntent& intent, std::vector<Effect>& out) {
    if (std::get_if<intent::OpenScanner>(&intent)) {
        if (!m.sessions.empty()) return true;  // a running session comes first; its screen stays
        open_scanner(m, out);
    } else if (std::get_if<intent::ScanAgain>(&intent)) {
        open_scanner(m, out);
    } else if (std::get_if<intent::ToggleTorch>(&intent)) {
        if (m.screen != Screen::Scan || m.scan.camera != CameraStatus::Live || !m.scan.torch_supported) return true;
        m.scan.torch_on = !m.scan.torch_on;
        out.emplace_back(Camera{true, m.scan.torch_on});
    } else if (const auto* i = std::get_if<intent::SubmitEvseId>(&intent)) {
        if (m.screen != Screen::Scan) return true;
        if (check_typed_evse_id(i->text) != TypedEvseId::Valid) {
            set_problem(m, Str::EvseIdInvalid);
            return true;
        }
        ScanPayload p;
        p.kind = PayloadKind::EvseId;
        const size_t first = i->text.find_first_not_of(" \t"), last = i->text.find_last_not_of(" \t");
        p.value = i->text.substr(first, last - first + 1);
        handle(m, p, out);
    } else if (std::get_if<intent::Back>(&intent) && (m.screen == Screen::Scan || m.screen == Screen::ScanResult)) {
        leave(m, out);
    } else {
        return false;
    }
    return true;
}

void on_decoded(Model& m, const QrDecoded& decoded, std::vector<Effect>& out) {
    if (m.screen != Screen::Scan || m.scan.looking_up || decoded.text == m.scan.last_text) return;
    m.scan.last_text = decoded.text.size() > kMaxPayloadBytes ? decoded.text.substr(0, kMaxPayloadBytes + 1)
                                                               : decoded.text;
    handle(m, classify_scan(decoded.text, m.scan.app_origin), out);
}

void on_camera(Model& m, const CameraReport& report) {
    // A report that arrives after the scanner closed describes a camera already being stopped.
    if (m.screen != Screen::Scan || m.scan.camera == CameraStatus::Off) return;
    m.scan.camera = report.status;
    m.scan.torch_supported = report.status == CameraStatus::Live && report.torch_supported;
    if (!m.scan.torch_supported) m.scan.torch_on = false;
}

void on_response(Model& m, const HttpResponse& r, const PendingRequest& request, std::vector<Effect>& out) {
    if (m.screen != Screen::Scan) return;
    if (request.kind == RequestKind::QrResolve) on_qr(m, r, out);
    else if (request.kind == RequestKind::EvseLookup) on_evse(m, r, request.context, out);
}


const Evse* found_evse(const Model& m) {
    if (!m.location || m.scan.found_evse_uid.empty()) return nullptr;
    for (const auto& e : m.location->evses)
        if (e.uid == m.scan.found_evse_uid) return &e;
    return nullptr;
}

}  // namespace core::scan
