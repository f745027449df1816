// What the core and the platform say to each other, as plain values: the events the platform
// feeds in (answers, timers, the page's state, what storage held at load) and the effects it runs
// for the core (requests, storage, timers, the camera, documents). No part of the core does I/O.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/time/time.hpp"

namespace core {

// ---- events from the platform -------------------------------------------------------------

// The camera as the platform reports it (CameraReport event).
enum class CameraStatus {
    Off,
    Starting,
    Live,
    Denied,       // the driver or the browser said no
    NoCamera,     // no video input on this device
    Unsupported,  // no getUserMedia (an insecure page, an old browser)
    Failed,       // anything else (the camera is busy in another app...)
};

// First event after load: what storage held, and fresh randomness for a new app token.
struct Boot {
    std::map<std::string, std::string> stored;
    std::string random_hex;  // >= 32 hex chars from crypto.getRandomValues
    std::string launch_url;  // the page's URL: a sticker may point here with a charger code in it
    int utc_offset_minutes = 0;  // the phone's offset from UTC now
    std::string time_zone;       // the phone's zone by its IANA name (Intl), when the browser says it
    std::string user_agent;      // navigator.userAgent: which maps app directions open
    std::vector<std::string> languages;  // navigator.languages, the driver's order ("de-AT", "en")
};

// status 0 means no HTTP answer at all (network down, aborted, timed out).
struct HttpResponse {
    int request_id = 0;
    int status = 0;
    std::string body;
    // The answer's Content-Type and Retry-After, names lower-cased (the only headers the core reads).
    std::vector<std::pair<std::string, std::string>> headers;
};

inline std::string header(const HttpResponse& r, std::string_view name) {
    for (const auto& [n, v] : r.headers)
        if (n == name) return v;
    return {};
}

struct Tick {};  // a WakeAt came due (the time itself comes with every event)

// The camera found a code (untrusted text), or the camera changed state.
struct QrDecoded { std::string text; };
struct CameraReport {
    CameraStatus status = CameraStatus::Off;
    bool torch_supported = false;
};


// The page was hidden or shown (Page Visibility API): polling pauses while nobody looks.
struct Visibility { bool visible = true; };
// The browser went offline or online (navigator.onLine and its events).
struct Connectivity { bool online = true; };
// The phone's languages changed while the app was open (`languagechange`): navigator.languages, first wanted first.
struct LanguagesChanged { std::vector<std::string> languages; };
// A new version of the app is installed and waits (its service worker); it takes over with ApplyUpdate.
struct UpdateReady {};
// Another tab of the app changed a stored key (the `storage` event).
struct StorageChanged {
    std::string key;
    std::optional<std::string> value;  // nullopt: removed
};

// ---- effects for the platform -------------------------------------------------------------

struct HttpRequest {
    int id = 0;
    std::string method;  // GET, PUT, POST, DELETE
    std::string path;    // under the app's origin, e.g. "/api/session/status?appToken=…"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;  // JSON, empty for none
    int timeout_ms = 15000;
    bool binary = false;  // the answer's bytes as they came (a PDF, a CSV file), not read as text
};

struct Persist {
    std::string key;
    std::optional<std::string> value;  // nullopt removes the key
};

struct WakeAt { TimePoint at; };
struct Announce { std::string text; };  // for the aria-live region
// A document for the driver: saved as a file, or printed (the platform renders `content`, HTML).
struct OfferDocument {
    enum class Kind { Download, Print } kind = Kind::Download;
    std::string filename;
    std::string mime;
    std::string content;  // text as UTF-8, or a file's bytes as they are (a PDF)
};

struct Camera {  // the rear camera for the scanner: on or off, torch on or off
    bool on = false;
    bool torch = false;
};

struct ClearStorage {};  // forget everything this app stored (a kiosk's reset, a guest's check-out)

// Keep the screen on (Screen Wake Lock) while a session starts or charges, where supported.
struct KeepAwake { bool on = false; };

struct HttpAbort { int id = 0; };         // a request nobody waits for any more (its answer is ignored)
struct Locate {};                         // ask the browser where the phone is (Geolocation)
// The launch address's charger code (?evse=, ?qr=) has done its job: take it out of the address
// bar, so a reload or a shared link later does not jump to that charger again.
struct ForgetLaunchCode {};
// Follow a link the phone handles: a tel: or mailto: link, or a web page in a new tab.
struct OpenLink { std::string url; };
// Let the waiting version take over and reload the page into it (never while a session runs).
struct ApplyUpdate {};

using Effect = std::variant<HttpRequest, Persist, WakeAt, Announce, OfferDocument, Camera, ClearStorage, KeepAwake,
                            HttpAbort, Locate, ForgetLaunchCode, OpenLink, ApplyUpdate>;

}  // namespace core
