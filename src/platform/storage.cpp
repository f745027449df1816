// localStorage behind three calls. Where storage throws (private mode, quota, disabled), values
// are kept in memory for this page's life so the journey still works, only without a restore.
#include "platform/storage.hpp"

#include <cstdlib>
#include <map>

#include <emscripten/emscripten.h>

#include "core/journey/journey.hpp"

namespace platform::storage {
namespace {

std::map<std::string, std::optional<std::string>> g_fallback;  // what storage refused

EM_JS(char*, js_storage_get, (const char* key), {
    try {
        var v = window.localStorage.getItem(UTF8ToString(key));
        if (v === null) return 0;
        var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
        stringToUTF8(v, p, n);
        return p;
    } catch (e) { return 0; }
});

EM_JS(int, js_storage_set, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; } catch (e) { return 0; }
});

EM_JS(int, js_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); return 1; } catch (e) { return 0; }
});

// Asked once, when the first session is written: the browser then keeps the app's storage (and the
// service worker's caches) under storage pressure instead of evicting them. Refused or missing: the
// app works as before.
EM_JS(void, js_storage_persist, (), {
    if (window.evPersistAsked) return;
    window.evPersistAsked = true;
    try { if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function() {}); } catch (e) {}
});

EM_JS(void, js_storage_clear, (), {
    try { window.localStorage.clear(); } catch (e) {}
    try { window.sessionStorage.clear(); } catch (e) {}
});

}  // namespace

std::optional<std::string> get(const std::string& key) {
    if (auto it = g_fallback.find(key); it != g_fallback.end()) return it->second;
    char* value = js_storage_get(key.c_str());
    if (!value) return std::nullopt;
    std::string out(value);
    std::free(value);
    return out;
}

void set(const std::string& key, const std::string& value) {
    if (key == core::kKeyActiveSessions) js_storage_persist();
    if (js_storage_set(key.c_str(), value.c_str())) g_fallback.erase(key);
    else g_fallback[key] = value;
}

void clear() {
    js_storage_clear();
    g_fallback.clear();
}

void remove(const std::string& key) {
    if (js_storage_remove(key.c_str())) g_fallback.erase(key);
    else g_fallback[key] = std::nullopt;
}

}  // namespace platform::storage
