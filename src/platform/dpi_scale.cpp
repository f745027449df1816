// Rasterizes the embedded fonts at the device pixel ratio and the driver's text size, so text is
// crisp and sizes are the same in CSS px on every screen.
#include "platform/dpi_scale.hpp"

#include <cmath>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/font_data.hpp"
#include "ui/widgets/widgets.hpp"

namespace platform::dpi_scale {
namespace {

bool g_built_once = false;
float g_dpr = 0, g_text_scale = 0;

ImFont* add_font(const unsigned char* data, unsigned int size, float px) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // static data
    config.OversampleH = 1;  // device-pixel layout: no sub-pixel positioning needed, atlas 3x smaller
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                      &config, font_data::kGlyphRanges);
}

}  // namespace

bool apply(float dpr, float text_scale) {
    if (dpr == g_dpr && text_scale == g_text_scale) return false;
    g_dpr = dpr;
    g_text_scale = text_scale;
    using ui::theme::Type;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const bool has_bold = font_data::bold_size > 0;
    for (Type type : {Type::Body, Type::Title, Type::Display, Type::Caption}) {
        const bool bold = has_bold && (type == Type::Title || type == Type::Display);
        const float px = std::round(ui::theme::type_css(type) * dpr * text_scale);
        add_font(bold ? font_data::bold : font_data::regular, bold ? font_data::bold_size : font_data::regular_size, px);
    }
    if (g_built_once) {  // the backend builds the first texture itself in NewFrame
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    g_built_once = true;
    return true;
}

}  // namespace platform::dpi_scale
