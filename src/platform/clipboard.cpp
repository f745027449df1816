// Minimal clipboard: copy and cut go out through navigator.clipboard (where allowed); paste comes
// in as text through the hidden input (beforeinput insertFromPaste), never through ImGui's getter,
// which therefore only returns what ImGui itself copied.
#include "platform/clipboard.hpp"

#include <string>

#include <emscripten/emscripten.h>

#include "imgui.h"

namespace platform::clipboard {
namespace {

std::string g_text;

EM_JS(void, js_clipboard_write, (const char* text), {
    try { navigator.clipboard.writeText(UTF8ToString(text)).catch(function() {}); } catch (e) {}
});

const char* get_text(void*) { return g_text.c_str(); }

void set_text(void*, const char* text) {
    g_text = text ? text : "";
    js_clipboard_write(g_text.c_str());
}

}  // namespace

void install(ImGuiIO& io) {
    io.GetClipboardTextFn = get_text;
    io.SetClipboardTextFn = set_text;
    io.ClipboardUserData = nullptr;
}

}  // namespace platform::clipboard
