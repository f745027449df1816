// The ordered hand-over from browser input events to ImGui 1.86's per-frame input state.
// 1.86 has no input queue: a press and a release in the same frame are lost, and a key typed after
// some text must not be applied before it. So events queue here and are applied one step per frame.
#pragma once
#include <string>

struct ImGuiIO;

namespace platform::input {

// Key indices into io.KeysDown: the DOM keyCode values.
enum Key : int {
    kTab = 9, kBackspace = 8, kEnter = 13, kEscape = 27, kSpace = 32, kPageUp = 33, kPageDown = 34,
    kEnd = 35, kHome = 36, kLeft = 37, kUp = 38, kRight = 39, kDown = 40, kInsert = 45, kDelete = 46,
    kA = 65, kC = 67, kV = 86, kX = 88, kY = 89, kZ = 90,
};

struct Mods {
    bool ctrl = false, shift = false, alt = false, super = false;
};

void setup_keymap(ImGuiIO& io);

// Pointer, in device px.
void pointer_move(float x, float y);
void pointer_down();    // applied one frame after the preceding move (ImGui must see the hover first)
void pointer_up();
void pointer_cancel();  // let go without clicking: the touch turned into a scroll
void pointer_clear();   // no pointer at all (a lifted finger does not hover)
void scroll_by(float dy_px);    // touch drag: the content follows the finger
void wheel(float dx, float dy);  // mouse wheel, in notches (positive dy scrolls up)

void text(std::string utf8);
void key_tap(int key, Mods mods = {});  // down for one frame, up the next

bool busy();  // something is still queued or a key is still held
void apply(ImGuiIO& io);  // before ImGui::NewFrame()

}  // namespace platform::input
