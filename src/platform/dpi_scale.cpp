// Rasterizes the embedded fonts at the device pixel ratio and scales the style to match, so text
// is crisp and sizes are the same in CSS px on every screen.
#include "platform/dpi_scale.hpp"

#include <cmath>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/font_data.hpp"

namespace platform::dpi_scale {
namespace {

bool g_built_once = false;

ImFont* add_font(const unsigned char* data, unsigned int size, float px) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // static data
    config.OversampleH = 1;  // device-pixel layout: no sub-pixel positioning needed, atlas 3x smaller
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                      &config, font_data::kGlyphRanges);
}

void base_style(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(10, 10);
    style.FrameRounding = 8;
    style.GrabRounding = 8;
    style.ScrollbarSize = 6;
    style.ScrollbarRounding = 3;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.97f, 0.96f, 1.0f);
}

}  // namespace

void apply(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    add_font(font_data::regular, font_data::regular_size, std::round(kBodyCss * dpr));
    if (font_data::bold_size > 0) add_font(font_data::bold, font_data::bold_size, std::round(kHeadingCss * dpr));
    else add_font(font_data::regular, font_data::regular_size, std::round(kHeadingCss * dpr));
    if (g_built_once) {  // the backend builds the first texture itself in NewFrame
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    g_built_once = true;

    ImGuiStyle style;
    base_style(style);
    style.ScaleAllSizes(dpr);
    style.TouchExtraPadding = ImVec2(4 * dpr, 4 * dpr);
    ImGui::GetStyle() = style;
}

}  // namespace platform::dpi_scale
