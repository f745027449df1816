// Builds core::Boot from localStorage and crypto.getRandomValues.
#include "platform/boot.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <emscripten/emscripten.h>

#include "core/deploy/deploy.hpp"
#include "core/journey/journey.hpp"
#include "platform/storage.hpp"

namespace platform {
namespace {

constexpr int kRandomBytes = 16;  // 32 hex chars

// The page's address as the browser has it (a sticker may point here with a charger code in it).
EM_JS(char*, js_launch_url, (), {
    var s = String(location.href), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
// getTimezoneOffset is minutes *behind* UTC (-60 in Amsterdam in winter).
EM_JS(void, js_forget_launch_code, (), {
    try {
        var u = new URL(location.href);
        u.searchParams.delete('evse');
        u.searchParams.delete('qr');
        history.replaceState(history.state, '', u.pathname + u.search + u.hash);
    } catch (e) {}
});
EM_JS(int, js_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
// The phone's zone by name ("Europe/Amsterdam"), or "" where Intl does not say.
EM_JS(char*, js_time_zone, (), {
    var s = '';
    try { s = String(Intl.DateTimeFormat().resolvedOptions().timeZone || '').slice(0, 64); } catch (e) {}
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(char*, js_user_agent, (), {
    var s = String(navigator.userAgent || '').slice(0, 400), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

// navigator.languages, one a line ("de-AT\nde\nen"), at most 10.
EM_JS(char*, js_languages, (), {
    var list = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || '']);
    var s = Array.prototype.slice.call(list, 0, 10).map(function(t) { return String(t).slice(0, 35); }).join('\n');
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(void, js_random_bytes, (uint8_t* out, int n), { crypto.getRandomValues(HEAPU8.subarray(out, out + n)); });

}  // namespace

core::Boot read_boot() {
    core::Boot boot;
    for (const char* key : {core::kKeyAppToken, core::kKeyActiveSessions, core::kKeyStartPending,
                            core::kKeyDefaultPayment, core::kKeyPortalGuest, core::kKeyMapFilters, core::kKeyMapCamera,
                            core::kKeyPreferences, core::kKeyReceiptEmail, core::kKeyInvoice, core::kKeyMailWhenReady})
        if (auto value = storage::get(key)) boot.stored[key] = std::move(*value);
    boot.utc_offset_minutes = js_utc_offset_minutes();
    char* zone = js_time_zone();
    boot.time_zone = zone;
    free(zone);
    char* agent = js_user_agent();
    boot.user_agent = agent;
    free(agent);
    char* languages = js_languages();
    for (std::string_view rest = languages; !rest.empty();) {
        const size_t end = std::min(rest.find('\n'), rest.size());
        if (end > 0) boot.languages.emplace_back(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    free(languages);
    uint8_t bytes[kRandomBytes];
    js_random_bytes(bytes, kRandomBytes);
    static const char kHex[] = "0123456789abcdef";
    for (uint8_t b : bytes) {
        boot.random_hex += kHex[b >> 4];
        boot.random_hex += kHex[b & 15];
    }
    char* url = js_launch_url();
    boot.launch_url = url;
    free(url);
    return boot;
}

void forget_launch_code() { js_forget_launch_code(); }

}  // namespace platform
