// The deployment's title bar with its logo (see brand_bar.hpp).
#include "brand_bar.hpp"

#include <cstdint>

#include "imgui.h"
#include "theme.hpp"
#include "widgets.hpp"

namespace ui {
namespace {
unsigned g_texture = 0;
int g_width = 0, g_height = 0;
}  // namespace

void set_logo(unsigned texture, int width, int height) {
    g_texture = texture;
    g_width = width;
    g_height = height;
}

bool has_logo() { return g_texture != 0 && g_width > 0 && g_height > 0; }

void brand_bar(const char* title, bool logo_configured) {
    if (logo_configured || has_logo()) {
        // decorative: the title next to it names the brand for screen readers
        const float h = theme::px(40);
        if (has_logo()) {
            const float w = h * static_cast<float>(g_width) / static_cast<float>(g_height);
            ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_texture)), ImVec2(w, h));
        } else {
            ImGui::Dummy(ImVec2(h, h));
        }
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (h - ImGui::GetFontSize() * 1.25f) * 0.5f);
    }
    heading(title);
    ImGui::Separator();
}

}  // namespace ui
