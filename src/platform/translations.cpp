// Fetches a translation file when the app is first to speak its language and installs it; the frame
// loop draws in the language whose texts are here (see translations.hpp).
#include "platform/translations.hpp"

#include <string>
#include <string_view>

#include <emscripten/emscripten.h>

#include "platform/frame_loop.hpp"

namespace platform::translations {
namespace {

enum class State : unsigned char { None, Asked, Failed };
State g_state[core::kLanguageCount] = {};
std::optional<core::Language> g_drawn;

// evShell.fetchLang (boot.js) shares the request boot.js may already have made for the phone's language.
EM_JS(void, js_lang_fetch, (int index, const char* code), {
    var c = UTF8ToString(code);
    evShell.fetchLang(c)
        .then(function (buf) {
            var bytes = new Uint8Array(buf), p = _malloc(Math.max(1, bytes.length));
            HEAPU8.set(bytes, p);
            try { _ev_lang_done(index, p, bytes.length); } finally { _free(p); }
        })
        .catch(function (e) {
            console.warn('lang/' + c + '.bin: ' + e);
            _ev_lang_done(index, 0, -1);
        });
});

}  // namespace

std::optional<core::Language> to_draw(core::Language wanted) {
    const auto i = static_cast<size_t>(wanted);
    if (core::has_translation(wanted) || g_state[i] == State::Failed) {
        g_drawn = core::has_translation(wanted) ? wanted : core::Language::En;
        return g_drawn;
    }
    if (g_state[i] == State::None) {
        g_state[i] = State::Asked;
        js_lang_fetch(static_cast<int>(i), std::string(core::language_code(wanted)).c_str());
    }
    return g_drawn;
}

}  // namespace platform::translations

// Called by js_lang_fetch with the file's bytes (length -1: it could not be had).
extern "C" EMSCRIPTEN_KEEPALIVE void ev_lang_done(int index, const char* bytes, int length) {
    using namespace platform::translations;
    if (index < 0 || index >= core::kLanguageCount) return;
    const auto language = static_cast<core::Language>(index);
    const bool ok = length >= 0 && core::install_translation(language, std::string_view(bytes, static_cast<size_t>(length)));
    if (!ok) g_state[index] = State::Failed;  // drawn in English from now on (see to_draw)
    platform::frames::request();
}
