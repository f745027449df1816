// Applies queued input to ImGuiIO, one ordered step per frame: a hover frame before each press,
// a release on its own frame, text and key taps in the order they were typed.
#include "platform/input_queue.hpp"

#include <cfloat>
#include <deque>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/frame_loop.hpp"

namespace platform::input {
namespace {

enum class Kind { Move, Barrier, Down, Up, Cancel, Clear, Scroll, Wheel, Text, Key };

struct Entry {
    Kind kind;
    float x = 0, y = 0;
    int key = 0;
    Mods mods;
    std::string text;
};

std::deque<Entry> g_queue;
int g_held_key = -1;

void push(Entry e) {
    g_queue.push_back(std::move(e));
    frames::request();
}

// How far ImGui scrolls for one wheel notch in the window under the pointer (UpdateMouseWheel).
float wheel_step() {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* w = g.WheelingWindow ? g.WheelingWindow : g.HoveredWindow;
    if (!w) return 0;
    while ((w->Flags & ImGuiWindowFlags_ChildWindow) && w->ScrollMax.y == 0.0f && w->ParentWindow) w = w->ParentWindow;
    return ImFloor(ImMin(5 * w->CalcFontSize(), w->InnerRect.GetHeight() * 0.67f));
}

void release_key(ImGuiIO& io) {
    io.KeysDown[g_held_key] = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
    g_held_key = -1;
}

}  // namespace

void setup_keymap(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_UpArrow] = kUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    io.KeyMap[ImGuiKey_PageUp] = kPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kPageDown;
    io.KeyMap[ImGuiKey_Home] = kHome;
    io.KeyMap[ImGuiKey_End] = kEnd;
    io.KeyMap[ImGuiKey_Insert] = kInsert;
    io.KeyMap[ImGuiKey_Delete] = kDelete;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    io.KeyMap[ImGuiKey_Space] = kSpace;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kEnter;
    io.KeyMap[ImGuiKey_A] = kA;
    io.KeyMap[ImGuiKey_C] = kC;
    io.KeyMap[ImGuiKey_V] = kV;
    io.KeyMap[ImGuiKey_X] = kX;
    io.KeyMap[ImGuiKey_Y] = kY;
    io.KeyMap[ImGuiKey_Z] = kZ;
}

void pointer_move(float x, float y) { push({Kind::Move, x, y}); }
void pointer_down() {
    push({Kind::Barrier});
    push({Kind::Down});
}
void pointer_up() { push({Kind::Up}); }
void pointer_cancel() { push({Kind::Cancel}); }
void pointer_clear() { push({Kind::Clear}); }
void scroll_by(float dy_px) { push({Kind::Scroll, 0, dy_px}); }
void wheel(float dx, float dy) { push({Kind::Wheel, dx, dy}); }

void text(std::string utf8) {
    if (utf8.empty()) return;
    Entry e{Kind::Text};
    e.text = std::move(utf8);
    push(std::move(e));
}

void key_tap(int key, Mods mods) {
    if (key <= 0 || key >= 512) return;
    Entry e{Kind::Key};
    e.key = key;
    e.mods = mods;
    push(std::move(e));
}

bool busy() { return !g_queue.empty() || g_held_key >= 0; }

void apply(ImGuiIO& io) {
    // A key tapped last frame goes up now; another tap waits a frame so ImGui sees a new press.
    const bool released = g_held_key >= 0;
    if (released) release_key(io);
    bool typed = false;
    while (!g_queue.empty()) {
        Entry& e = g_queue.front();
        switch (e.kind) {
            case Kind::Move:
                io.MousePos = ImVec2(e.x, e.y);
                break;
            case Kind::Clear:
                io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
                io.MouseDown[0] = false;
                break;
            case Kind::Scroll: {
                const float step = wheel_step();
                if (step > 0) io.MouseWheel += e.y / step;
                break;
            }
            case Kind::Wheel:
                io.MouseWheel += e.y;
                io.MouseWheelH += e.x;
                break;
            case Kind::Text:
                io.AddInputCharactersUTF8(e.text.c_str());
                typed = true;
                break;
            case Kind::Barrier:
                g_queue.pop_front();
                return;
            case Kind::Down:
            case Kind::Up:
                io.MouseDown[0] = e.kind == Kind::Down;
                g_queue.pop_front();
                return;
            case Kind::Cancel:
                // Dropping the active id first means the release below is not a click.
                if (GImGui->ActiveId != 0) ImGui::ClearActiveID();
                io.MouseDown[0] = false;
                g_queue.pop_front();
                return;
            case Kind::Key:
                if (typed || released) return;
                io.KeysDown[e.key] = true;
                io.KeyCtrl = e.mods.ctrl;
                io.KeyShift = e.mods.shift;
                io.KeyAlt = e.mods.alt;
                io.KeySuper = e.mods.super;
                g_held_key = e.key;
                g_queue.pop_front();
                return;
        }
        g_queue.pop_front();
    }
}

}  // namespace platform::input
