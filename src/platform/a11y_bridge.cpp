// Serializes the mirror for web/a11y_mirror.js (one record per node, fields split by US, records
// by RS: no JSON encoder needed) and receives activations from the DOM nodes.
#include "platform/a11y_bridge.hpp"

#include <cmath>

#include <emscripten/emscripten.h>

#include "platform/frame_loop.hpp"
#include "platform/text_input.hpp"
#include "ui/widgets/widgets.hpp"

namespace platform::a11y_bridge {
namespace {

constexpr char kField = '\x1f';
constexpr char kRecord = '\x1e';

std::string g_sent;  // last list sent, to touch the DOM only on change

EM_JS(void, js_mirror_update, (const char* data, float dpr), { evMirror.update(UTF8ToString(data), dpr); });
EM_JS(void, js_mirror_announce, (const char* text), { evMirror.announce(UTF8ToString(text)); });

void append_number(std::string& out, float v) {
    out += std::to_string(static_cast<long>(std::lround(v)));
    out += kField;
}

// Hundredths, for a size in CSS px that need not be whole (18.29 px of a 48 device px font at 2.625).
void append_hundredths(std::string& out, float v) {
    out += std::to_string(static_cast<long>(std::lround(v * 100)));
    out += kField;
}

// Separators in a name would split the record; they have no business in UI text anyway.
void append_text(std::string& out, const std::string& text) {
    for (char c : text) out += (c == kField || c == kRecord) ? ' ' : c;
    out += kField;
}

}  // namespace

void after_frame(float dpr) {
    std::string data;
    for (const ui::a11y::Node& n : ui::a11y::nodes()) {
        append_text(data, ui::a11y::role_name(n.role));
        append_text(data, n.key);
        append_text(data, n.name);
        append_number(data, n.box.x);
        append_number(data, n.box.y);
        append_number(data, n.box.w);
        append_number(data, n.box.h);
        const int flags = (n.disabled ? 1 : 0) | (n.selected ? 2 : 0) | (n.focused ? 4 : 0) | (n.offscreen ? 8 : 0) |
                          (n.numeric ? 16 : 0) | (n.clipped ? 32 : 0);
        append_number(data, static_cast<float>(flags));
        append_text(data, n.value);
        append_hundredths(data, n.text_css_px);
        data.back() = kRecord;
    }
    if (data != g_sent) {
        js_mirror_update(data.c_str(), dpr);
        g_sent.swap(data);
    }
    for (const std::string& text : ui::a11y::take_announcements()) announce(text);
}

void announce(const std::string& text) {
    if (!text.empty()) js_mirror_announce(text.c_str());
}

}  // namespace platform::a11y_bridge

// Called by web/a11y_mirror.js when a mirror node is clicked (keyboard, screen reader).
extern "C" EMSCRIPTEN_KEEPALIVE void ev_a11y_activate(const char* key) {
    const ui::a11y::Node* node = ui::a11y::find(key);
    if (!node || node->disabled) return;
    if (node->role == ui::a11y::Role::Textbox) platform::text_input::focus_for(*node);  // still inside the gesture
    ui::a11y::activate(key);
    platform::frames::request();
}
