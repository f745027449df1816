// The accessibility mirror: what the widgets of one frame are, where they are and what they say.
// Widgets register here while they draw; the platform turns the list into DOM nodes over the canvas
// and hands activations (keyboard, screen reader) back so the widget fires on the next frame.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ui::a11y {

enum class Role : unsigned char { Button, Heading, Text, Status, Textbox, Option };
const char* role_name(Role role);  // "button", "heading", "text", "status", "textbox", "option"

struct Box {  // device pixels, top-left origin, like ImGui
    float x = 0, y = 0, w = 0, h = 0;
    bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

struct Node {
    Role role = Role::Text;
    std::string name;   // the accessible name: the label or the text itself
    std::string key;    // "role:name", "#n" appended for the n-th (n >= 2) duplicate in a frame
    std::string value;  // textbox content
    Box box;            // visible part of the widget (whole box if offscreen)
    bool disabled = false;
    bool selected = false;   // option
    bool focused = false;    // textbox being edited
    bool numeric = false;    // textbox wants the digit keyboard
    bool offscreen = false;  // scrolled out of its window
    bool clipped = false;    // partly scrolled out: the box is the part on screen
    float text_css_px = 0;   // the font size current when the node was added, CSS px (0: no ImGui frame)
};

// What the platform tells the widgets about the frame being drawn.
struct FrameInfo {
    float dpr = 1;                 // device pixels per CSS pixel
    float visible_bottom = 1e9f;   // device px; above the on-screen keyboard
};

// ---- platform side ----
void begin_frame(const FrameInfo& info);
void end_frame();
const std::vector<Node>& nodes();          // the last finished frame
const Node* find(std::string_view key);    // in the last finished frame
const Node* hit(Role role, float x, float y);  // last frame's node of `role` under a device-px point
const Node* active_textbox();              // last frame's textbox being edited, if any
void activate(std::string_view key);       // the widget with this key fires on the next frame
std::vector<std::string> take_announcements();  // status lines that appeared or changed

// ---- widget side ----
const FrameInfo& frame();
// Registers a node for this frame and returns its index (valid until end_frame).
int add(Role role, std::string_view name);
// The next add() keys its node by `stable` instead of its name: a widget whose words change while
// it is pressed (a live cost, a place's free count) stays the same widget, so the tap lands.
void next_key(std::string_view stable);
Node& node(int index);
bool take_activation(int index);  // true once if the mirror activated this node
// Boxes node `index` by `item` (device px) as far as the current window shows it: the visible part,
// `clipped` when that is not all of it, `offscreen` (and the whole box) when nothing of it shows.
// With no item given, ImGui's last item.
void place(int index);
void place(int index, float min_x, float min_y, float max_x, float max_y);
void push_key_id(int index);  // ImGui's id scope for the node's widget: its key

}  // namespace ui::a11y
