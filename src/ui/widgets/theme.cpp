// The app's ImGui style: light, high contrast for outdoor screens, touch-sized.
#include "theme.hpp"

namespace ui::theme {

static float g_dpr = 1.0f;
static float g_applied_dpr = 0.0f;

static ImU32 g_brand = kBrand;

float px(float css) { return css * g_dpr; }

void set_brand(ImU32 colour) { g_brand = colour; }

ImU32 brand() { return g_brand; }

ImU32 brand_shade(float factor) {
    auto channel = [&](int shift) { return static_cast<ImU32>(static_cast<float>((g_brand >> shift) & 0xFF) * factor); };
    return IM_COL32(channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), 0xFF);
}

void apply(float dpr) {
    if (dpr == g_applied_dpr) return;
    g_dpr = g_applied_dpr = dpr;
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 10;
    style.GrabRounding = 8;
    style.ChildRounding = 10;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(14, 12);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 6;
    style.TouchExtraPadding = ImVec2(4, 4);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0.965f, 0.973f, 0.961f, 1);
    c[ImGuiCol_Text] = ImVec4(0.09f, 0.11f, 0.13f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.45f, 0.48f, 1);
    c[ImGuiCol_Button] = ImVec4(0.88f, 0.95f, 0.88f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.91f, 0.80f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.86f, 0.70f, 1);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.94f, 0.86f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.91f, 0.80f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.72f, 0.87f, 0.72f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.80f, 1);
    c[ImGuiCol_Separator] = ImVec4(0.85f, 0.87f, 0.88f, 1);
    style.ScaleAllSizes(dpr);
    ImGui::GetStyle() = style;
}

}  // namespace ui::theme
