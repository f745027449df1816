// What a scanned or typed code means, decided from its text alone: the text is untrusted (anyone
// can stick a QR code on a charger), so everything that is not plainly a charger code is refused.
#pragma once
#include <string>
#include <string_view>

namespace core {

enum class PayloadKind {
    GreenFluxQr,  // a GreenFlux QR URL: resolve with POST /qr {url}
    EvseId,       // an EVSE id (eMI3/OICP, with or without '*') or EVSE uid: GET /locations/evse/{id}
    Refused,      // never opened, navigated to or sent anywhere
};

enum class Refusal {
    None,
    Empty,
    TooLong,        // more than kMaxPayloadBytes
    Hidden,         // control characters, or bytes outside printable ASCII in a link or id
    OtherWebsite,   // an http(s) link to any host but GreenFlux's QR hosts or this app
    UnsafeLink,     // javascript:, data:, file:, intent:, an http GreenFlux link...
    NotChargerCode, // plain text, or a link into GreenFlux or this app that names no charger
};

struct ScanPayload {
    PayloadKind kind = PayloadKind::Refused;
    std::string value;    // GreenFluxQr: the URL as scanned; EvseId: the id as written
    Refusal refusal = Refusal::None;
    std::string host;     // OtherWebsite: the link's host, only letters, digits, '.' and '-'
    bool via_app_link = false;  // the code was a link into this app carrying the payload
};

// Longer than any charger code or GreenFlux QR URL; more is refused before it is looked at.
inline constexpr size_t kMaxPayloadBytes = 512;

// `app_origin` is this app's own origin ("https://charge.example.org", no trailing slash); a link
// into it carries its payload as ?evse=ID, ?qr=URL, /evse/ID or /qr/{datasource}/{operator}/{id}.
// Empty means no link into the app is recognised.
ScanPayload classify_scan(std::string_view text, std::string_view app_origin);

// An EVSE id as printed on chargers: eMI3/OICP (DE*AB7*E840*6487, DEAB7E8406487, +49*810*000*438)
// or a Charge Assist EVSE uid (NL-GFX-EAddCS123-1).
bool is_evse_id(std::string_view text);

// While the driver types an EVSE id: Empty, Incomplete (could still become an id), Invalid (a
// character or shape no id has) or Valid.
enum class TypedEvseId { Empty, Incomplete, Invalid, Valid };
TypedEvseId check_typed_evse_id(std::string_view typed);

// "https://host[:port]" of an absolute http(s) URL (lower-cased scheme and host), or "" if it is
// not one. The platform's launch URL gives the app its own origin this way.
std::string origin_of(std::string_view url);

}  // namespace core
