// Frame-by-frame bookkeeping of the accessibility mirror: stable keys, activations, announcements.
#include "a11y_mirror.hpp"

#include <algorithm>
#include <unordered_map>

#include "imgui.h"
#include "imgui_internal.h"

namespace ui::a11y {
namespace {

FrameInfo g_info;
std::vector<Node> g_building;  // this frame
std::vector<Node> g_last;      // last finished frame
std::unordered_map<std::string, int> g_seen;  // role:name -> occurrences this frame

std::string g_next_key;       // next_key(): the next node's key, instead of its name
std::string g_pending;        // key to activate
bool g_pending_live = false;  // a frame has started since the activation came in

std::vector<std::string> g_last_statuses;  // their shapes
std::vector<std::string> g_announce;

std::string shape(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c < '0' || c > '9') out += c;
    return out;
}

}  // namespace

const char* role_name(Role role) {
    switch (role) {
        case Role::Button: return "button";
        case Role::Heading: return "heading";
        case Role::Text: return "text";
        case Role::Status: return "status";
        case Role::Textbox: return "textbox";
        case Role::Option: return "option";
    }
    return "text";
}

void begin_frame(const FrameInfo& info) {
    g_info = info;
    g_building.clear();
    g_seen.clear();
    if (!g_pending.empty()) g_pending_live = true;
}

void end_frame() {
    // An activation is good for exactly one frame: if its widget is gone, it is dropped.
    if (g_pending_live) {
        g_pending.clear();
        g_pending_live = false;
    }
    // A status line is announced when it is new in its wording; one that only counts (a clock,
    // kWh going up) would otherwise talk every second.
    std::vector<std::string> shapes;
    for (const Node& n : g_building) {
        if (n.role != Role::Status || n.name.empty()) continue;
        shapes.push_back(shape(n.name));
        if (std::find(g_last_statuses.begin(), g_last_statuses.end(), shapes.back()) == g_last_statuses.end())
            g_announce.push_back(n.name);
    }
    g_last_statuses = std::move(shapes);
    g_last.swap(g_building);
}

const std::vector<Node>& nodes() { return g_last; }

const Node* find(std::string_view key) {
    for (const Node& n : g_last)
        if (n.key == key) return &n;
    return nullptr;
}

const Node* hit(Role role, float x, float y) {
    for (const Node& n : g_last)
        if (n.role == role && !n.offscreen && !n.disabled && n.box.contains(x, y)) return &n;
    return nullptr;
}

const Node* active_textbox() {
    for (const Node& n : g_last)
        if (n.role == Role::Textbox && n.focused) return &n;
    return nullptr;
}

void activate(std::string_view key) {
    g_pending.assign(key);
    g_pending_live = false;
}

std::vector<std::string> take_announcements() {
    std::vector<std::string> out;
    out.swap(g_announce);
    return out;
}

const FrameInfo& frame() { return g_info; }

int add(Role role, std::string_view name) {
    Node n;
    n.role = role;
    n.name.assign(name);
    // What size its words are drawn at, for the look checks (large text may have less contrast).
    if (ImGui::GetCurrentContext()) n.text_css_px = ImGui::GetFontSize() / g_info.dpr;
    n.key = role_name(role);
    n.key += ':';
    n.key += g_next_key.empty() ? name : std::string_view(g_next_key);
    g_next_key.clear();
    const int count = ++g_seen[n.key];
    if (count > 1) n.key += '#' + std::to_string(count);
    g_building.push_back(std::move(n));
    return static_cast<int>(g_building.size()) - 1;
}

void next_key(std::string_view stable) { g_next_key.assign(stable); }

Node& node(int index) { return g_building[static_cast<size_t>(index)]; }

bool take_activation(int index) {
    if (g_pending.empty() || !g_pending_live) return false;
    if (g_building[static_cast<size_t>(index)].key != g_pending) return false;
    g_pending.clear();
    g_pending_live = false;
    return true;
}

void place(int index) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    place(index, min.x, min.y, max.x, max.y);
}

void place(int index, float min_x, float min_y, float max_x, float max_y) {
    Node& n = node(index);
    const ImRect item(min_x, min_y, max_x, max_y);
    ImRect visible = item;
    visible.ClipWithFull(ImGui::GetCurrentWindow()->InnerClipRect);
    n.offscreen = visible.GetWidth() <= 0 || visible.GetHeight() <= 0;
    n.clipped = !n.offscreen && (visible.GetWidth() < item.GetWidth() - 0.5f || visible.GetHeight() < item.GetHeight() - 0.5f);
    const ImRect& r = n.offscreen ? item : visible;
    n.box = {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()};
}

void push_key_id(int index) {
    const Node& n = node(index);
    ImGui::PushID(n.key.data(), n.key.data() + n.key.size());
}

}  // namespace ui::a11y
