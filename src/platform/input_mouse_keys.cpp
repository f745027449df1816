// Mouse, wheel and physical keys. Printable characters reach ImGui exactly once: from the hidden
// input's beforeinput when it has focus (text_input), from keydown only when it does not.
#include <cstring>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include "platform/display.hpp"
#include "platform/input_events.hpp"
#include "platform/input_queue.hpp"
#include "platform/map_gestures.hpp"
#include "platform/text_input.hpp"

namespace platform::input {
namespace {

bool g_mouse_down = false;
long g_last_x = -1, g_last_y = -1;

EM_BOOL on_mouse_down(int, const EmscriptenMouseEvent* e, void*) {
    if (e->button != 0) return EM_FALSE;
    if (map_gestures::mouse_down(e->targetX, e->targetY, emscripten_performance_now())) return EM_TRUE;
    const float dpr = display::dpr();
    g_mouse_down = true;
    pointer_move(e->targetX * dpr, e->targetY * dpr);
    pointer_down();
    return EM_TRUE;  // keeps focus (and the phone keyboard) on the hidden input; no text selection
}

EM_BOOL on_mouse_up(int, const EmscriptenMouseEvent* e, void*) {
    if (e->button == 0 && map_gestures::mouse_up(e->targetX, e->targetY, emscripten_performance_now())) return EM_TRUE;
    if (e->button != 0 || !g_mouse_down) return EM_FALSE;
    const float dpr = display::dpr();
    g_mouse_down = false;
    pointer_move(e->targetX * dpr, e->targetY * dpr);
    pointer_up();
    text_input::on_tap(e->targetX * dpr, e->targetY * dpr, false);
    return EM_TRUE;
}

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
    if (e->targetX == g_last_x && e->targetY == g_last_y) return EM_FALSE;
    g_last_x = e->targetX;
    g_last_y = e->targetY;
    map_gestures::mouse_move(e->targetX, e->targetY, emscripten_performance_now());
    const float dpr = display::dpr();
    pointer_move(e->targetX * dpr, e->targetY * dpr);
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    const double per_notch = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    if (map_gestures::wheel(e->mouse.targetX, e->mouse.targetY, static_cast<float>(-e->deltaY / per_notch))) return EM_TRUE;
    wheel(static_cast<float>(-e->deltaX / per_notch), static_cast<float>(-e->deltaY / per_notch));
    return EM_TRUE;
}

int named_key(const char* key) {
    static const struct { const char* name; int key; } kKeys[] = {
        {"Backspace", kBackspace}, {"Tab", kTab}, {"Enter", kEnter}, {"Escape", kEscape},
        {"ArrowLeft", kLeft}, {"ArrowRight", kRight}, {"ArrowUp", kUp}, {"ArrowDown", kDown},
        {"Home", kHome}, {"End", kEnd}, {"PageUp", kPageUp}, {"PageDown", kPageDown},
        {"Delete", kDelete}, {"Insert", kInsert},
    };
    for (const auto& k : kKeys)
        if (std::strcmp(key, k.name) == 0) return k.key;
    return 0;
}

// One Unicode character (DOM `key` for printable keys); names like "Shift" or "Dead" are longer.
bool is_character(const char* key) {
    const auto lead = static_cast<unsigned char>(key[0]);
    if (lead < 0x20 || lead == 0x7F) return false;
    const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return std::strlen(key) == len;
}

EM_BOOL on_key_down(int, const EmscriptenKeyboardEvent* e, void*) {
    if (e->keyCode == 229 || !text_input::keys_for_app()) return EM_FALSE;  // IME, or a mirror node has focus
    if (!text_input::field_active()) return EM_FALSE;  // no ImGui field: keys drive the page (Tab to mirror nodes)
    const Mods mods{e->ctrlKey || e->metaKey, e->shiftKey != 0, e->altKey != 0, false};
    if (const int key = named_key(e->key)) {
        key_tap(key, mods);
        return EM_TRUE;  // also stops the hidden input from reporting the same Backspace/Enter
    }
    if (mods.ctrl && !mods.alt) {
        if (!is_character(e->key)) return EM_FALSE;
        switch (e->key[0] | 0x20) {
            case 'a': key_tap(kA, mods); return EM_TRUE;
            case 'c': key_tap(kC, mods); return EM_TRUE;
            case 'x': key_tap(kX, mods); return EM_TRUE;
            case 'y': key_tap(kY, mods); return EM_TRUE;
            case 'z': key_tap(kZ, mods); return EM_TRUE;
            default: return EM_FALSE;  // Ctrl+V: the browser pastes into the hidden input
        }
    }
    if (!is_character(e->key) || text_input::focused()) return EM_FALSE;
    text(e->key);
    return EM_TRUE;
}

}  // namespace

void install_mouse_keys() {
    emscripten_set_mousedown_callback("#canvas", nullptr, EM_FALSE, on_mouse_down);
    emscripten_set_mouseup_callback("#canvas", nullptr, EM_FALSE, on_mouse_up);
    emscripten_set_mousemove_callback("#canvas", nullptr, EM_FALSE, on_mouse_move);
    emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key_down);
}

}  // namespace platform::input
