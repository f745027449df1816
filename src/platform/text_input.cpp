// Focus bookkeeping for the hidden <input>, and the entry points its script calls with typed text.
#include "platform/text_input.hpp"

#include <string>

#include <emscripten/emscripten.h>

#include "platform/display.hpp"
#include "platform/input_queue.hpp"
#include "ui/widgets/widgets.hpp"

namespace platform::text_input {
namespace {

// Frames to wait, after focusing from a gesture, for ImGui to make the field active before the
// input is blurred again (a mirror activation takes a frame or two to land).
constexpr int kGraceFrames = 6;

std::string g_field_key;  // the field the input is serving
int g_grace = 0;

EM_JS(void, js_text_focus, (int numeric, const char* label, float x, float y, float w, float h, int force), {
    evText.focus(numeric, UTF8ToString(label), x, y, w, h, force);
});
EM_JS(void, js_text_place, (float x, float y, float w, float h), { evText.place(x, y, w, h); });
EM_JS(void, js_text_blur, (), { evText.blur(); });
EM_JS(int, js_text_focused, (), { return evText.isFocused() ? 1 : 0; });
EM_JS(int, js_keys_for_app, (), {
    var a = document.activeElement;
    return !a || a === document.body || a === document.documentElement || a.id === 'canvas' || a.id === 'text-input';
});

void focus(const ui::a11y::Node& field, bool force) {
    const float dpr = display::dpr();
    const ui::a11y::Box& b = field.box;
    js_text_focus(field.numeric, field.name.c_str(), b.x / dpr, b.y / dpr, b.w / dpr, b.h / dpr, force);
}

}  // namespace

void on_tap(float x, float y, bool touch) {
    if (const ui::a11y::Node* field = ui::a11y::hit(ui::a11y::Role::Textbox, x, y)) {
        focus(*field, touch);
        g_grace = kGraceFrames;
    }
}

void focus_for(const ui::a11y::Node& field) {
    focus(field, true);
    g_grace = kGraceFrames;
}

void after_frame() {
    const ui::a11y::Node* field = ui::a11y::active_textbox();
    if (field) {
        g_grace = 0;
        if (field->key != g_field_key) {
            focus(*field, false);
            g_field_key = field->key;
        } else {
            const float dpr = display::dpr();
            js_text_place(field->box.x / dpr, field->box.y / dpr, field->box.w / dpr, field->box.h / dpr);
        }
        return;
    }
    g_field_key.clear();
    if (g_grace > 0) --g_grace;
    else if (focused()) js_text_blur();
}

bool busy() { return g_grace > 0; }
bool focused() { return js_text_focused() != 0; }
bool field_active() { return ui::a11y::active_textbox() != nullptr; }
bool keys_for_app() { return js_keys_for_app() != 0; }

}  // namespace platform::text_input

// Called by web/text_input.js.
extern "C" {
EMSCRIPTEN_KEEPALIVE void ev_text_insert(const char* utf8) { platform::input::text(utf8); }
EMSCRIPTEN_KEEPALIVE void ev_text_key(int key, int ctrl) {
    platform::input::Mods mods;
    mods.ctrl = ctrl != 0;
    platform::input::key_tap(key, mods);
}
}
