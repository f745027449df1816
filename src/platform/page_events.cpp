// online/offline and storage events in, the Screen Wake Lock out (see page_events.hpp).
#include "platform/page_events.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include <emscripten/emscripten.h>

#include "platform/dispatcher.hpp"

namespace platform::page_events {
namespace {

EM_JS(void, js_install_page_events, (), {
    window.addEventListener('online', function() { _ev_online_changed(1); });
    window.addEventListener('offline', function() { _ev_online_changed(0); });
    // Fired only for writes by other tabs of this origin: their starts and sessions.
    window.addEventListener('storage', function(e) {
        if (e.key !== 'startPending' && e.key !== 'activeSessions') return;
        var copy = function(t) { var n = lengthBytesUTF8(t) + 1, p = _malloc(n); stringToUTF8(t, p, n); return p; };
        var k = copy(e.key);
        var v = e.newValue === null ? 0 : copy(e.newValue);
        try { _ev_storage_changed(k, v); } finally { _free(k); if (v) _free(v); }
    });
    // The phone's language changed while the app was open: "As on this phone" follows it.
    window.addEventListener('languagechange', function() {
        var list = Array.prototype.slice.call(navigator.languages || [navigator.language || ''], 0, 10);
        var s = list.map(function(t) { return String(t).slice(0, 35); }).join('\n');
        var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
        stringToUTF8(s, p, n);
        try { _ev_languages_changed(p); } finally { _free(p); }
    });
    _ev_online_changed(navigator.onLine === false ? 0 : 1);
    // web/boot.js learns of a waiting version; it may have before the app was ready.
    if (window.evShell) {
        evShell.onUpdate = function() { _ev_update_ready(); };
        if (evShell.update && evShell.update.ready) _ev_update_ready();
    }
});

EM_JS(void, js_apply_update, (), {
    if (window.evShell && evShell.takeUpdate) evShell.takeUpdate();
});

EM_JS(void, js_set_lang, (const char* code), { document.documentElement.lang = UTF8ToString(code); });

EM_JS(void, js_keep_awake, (int on), {
    var w = window.evWake || (window.evWake = { wanted: false, lock: null });
    w.wanted = !!on;
    function acquire() {
        if (!w.wanted || w.lock || !navigator.wakeLock || document.visibilityState !== 'visible') return;
        navigator.wakeLock.request('screen').then(function(l) {
            if (!w.wanted) { l.release(); return; }
            w.lock = l;
            l.addEventListener('release', function() { if (w.lock === l) w.lock = null; });
        }).catch(function() {});  // refused (battery saver, no permission): the app works without it
    }
    if (!w.installed) {
        w.installed = true;
        document.addEventListener('visibilitychange', acquire);
    }
    if (w.wanted) acquire();
    else if (w.lock) { var l = w.lock; w.lock = null; l.release().catch(function() {}); }
});

}  // namespace

void install() { js_install_page_events(); }

void keep_awake(bool on) { js_keep_awake(on ? 1 : 0); }

void apply_update() { js_apply_update(); }

void speak(const char* code) {
    static std::string spoken = "en";  // shell/index.html's
    if (spoken == code) return;
    spoken = code;
    js_set_lang(code);
}

}  // namespace platform::page_events

extern "C" EMSCRIPTEN_KEEPALIVE void ev_online_changed(int online) {
    platform::dispatch(core::Connectivity{online != 0});
}

extern "C" EMSCRIPTEN_KEEPALIVE void ev_languages_changed(const char* lines) {
    core::LanguagesChanged changed;
    for (std::string_view rest = lines; !rest.empty();) {
        const size_t end = std::min(rest.find('\n'), rest.size());
        if (end > 0) changed.languages.emplace_back(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    platform::dispatch(std::move(changed));
}

extern "C" EMSCRIPTEN_KEEPALIVE void ev_update_ready() { platform::dispatch(core::UpdateReady{}); }

extern "C" EMSCRIPTEN_KEEPALIVE void ev_storage_changed(const char* key, const char* value) {
    platform::dispatch(core::StorageChanged{key, value ? std::optional<std::string>(value) : std::nullopt});
}
