// Rasterizes the embedded fonts at the device pixel ratio and the driver's text size, so text is
// crisp and sizes are the same in CSS px on every screen. Each text font has the icon font merged
// in, so an icon is drawn in whatever font the text around it uses.
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

// Icons at this many times the text's size read as the same size as the text beside them
// (Material's 24 px icons go with 20 px text).
constexpr float kIconScale = 1.2f;

ImFontConfig base_config() {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // static data
    config.OversampleH = 1;  // device-pixel layout: no sub-pixel positioning needed, atlas 3x smaller
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return config;
}

ImFont* add_font(const unsigned char* data, unsigned int size, float px) {
    ImFontConfig config = base_config();
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                      &config, font_data::kGlyphRanges);
}

// Merges the icons into the font just added (`text_px` tall, baseline at `text_ascent` of it).
// ImGui puts a merged glyph's baseline on the text's, at the text font's rounded ascent; the
// offset moves the icon's em square so its middle is the middle of the text line, by whole
// device pixels so the glyph stays on the pixel grid.
void merge_icons(float text_px, float text_ascent) {
    if (font_data::icons_size == 0) return;
    ImFontConfig config = base_config();
    config.MergeMode = true;
    const float icon_px = std::round(text_px * kIconScale);
    config.GlyphMinAdvanceX = icon_px;  // every icon as wide as it is tall, whatever its outline
    const float text_baseline = std::floor(text_px * text_ascent + 1);  // as ImGui rounds the ascent
    const float icon_middle = (font_data::icons_ascent - 0.5f) * icon_px;  // above its baseline
    config.GlyphOffset.y = std::round(text_px * 0.5f - text_baseline + icon_middle);
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font_data::icons),
                                               static_cast<int>(font_data::icons_size), icon_px, &config,
                                               font_data::kIconRanges);
}

}  // namespace

bool apply(float dpr, float text_scale) {
    if (dpr == g_dpr && text_scale == g_text_scale) return false;
    g_dpr = dpr;
    g_text_scale = text_scale;
    using ui::theme::Type;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The atlas only as tall as its glyphs: a power-of-two height (ImGui's default) nearly doubles
    // it at phone ratios (2.625: 2048x2048 against 2048x1124 with the icons), and WebGL2 takes
    // any size of texture.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const bool has_bold = font_data::bold_size > 0;
    for (Type type : {Type::Body, Type::Title, Type::Display, Type::Caption}) {
        const bool bold = has_bold && (type == Type::Title || type == Type::Display);
        const float px = std::round(ui::theme::type_css(type) * dpr * text_scale);
        add_font(bold ? font_data::bold : font_data::regular, bold ? font_data::bold_size : font_data::regular_size, px);
        merge_icons(px, bold ? font_data::bold_ascent : font_data::regular_ascent);
    }
    if (g_built_once) {  // the backend builds the first texture itself in NewFrame
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    g_built_once = true;
    return true;
}

}  // namespace platform::dpi_scale
