// Rasterizes the fonts at the device pixel ratio and the driver's text size, so text is crisp and
// sizes are the same in CSS px on every screen. Each text font has the icon font merged in, so an
// icon is drawn in whatever font the text around it uses.
//
// The first screen draws with the faces embedded in the first part (font_data.hpp: the regular face
// cut to Latin letters and the texts' characters, the bold one cut to the map's title and digits with
// the regular face merged under it for every other letter, the map's icons). The whole faces come as
// evcharge.fonts.ttc with the code's second part (web/boot.js); the atlas is rebuilt from them at the
// next frame without a finger down.
#include "platform/dpi_scale.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include <emscripten/emscripten.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/font_data.hpp"
#include "platform/frame_loop.hpp"
#include "ui/widgets/widgets.hpp"

namespace platform::dpi_scale {
namespace {

bool g_built_once = false;
bool g_asked = false;
float g_dpr = 0, g_text_scale = 0;
// The whole faces (a TrueType collection: 0 regular, 1 bold, 2 icons) once here, and whether the atlas
// is built from them.
const unsigned char* g_full = nullptr;
unsigned g_full_size = 0;
bool g_built_full = false;

// evShell.code.onFonts (boot.js) calls back at once when the faces are here, else when they arrive.
EM_JS(void, js_fonts_want, (), {
    if (typeof evShell === 'undefined' || !evShell.code || !evShell.code.onFonts) return;
    evShell.code.onFonts(function (buf) {
        var bytes = new Uint8Array(buf), p = _malloc(Math.max(1, bytes.length));
        HEAPU8.set(bytes, p);
        _ev_fonts_arrived(p, bytes.length);
    });
});

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

// A face of `data` (`face` in a collection), `merge`d into the font added before it or a font of its own.
ImFont* add_font(const unsigned char* data, unsigned int size, int face, float px, const ImWchar* ranges,
                 bool merge = false) {
    ImFontConfig config = base_config();
    config.FontNo = face;
    config.MergeMode = merge;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                      &config, ranges);
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
    if (g_built_full) config.FontNo = font_data::bold_size > 0 ? 2 : 1;  // after the text faces
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(g_built_full ? g_full : font_data::icons),
                                               static_cast<int>(g_built_full ? g_full_size : font_data::icons_size),
                                               icon_px, &config,
                                               g_built_full ? font_data::kIconRanges : font_data::kIconFirstRanges);
}

}  // namespace

bool apply(float dpr, float text_scale) {
    if (!g_asked) {
        g_asked = true;
        js_fonts_want();  // may call ev_fonts_arrived now: the first atlas is then built from the whole faces
    }
    // The whole faces go in at the next frame without a finger down: rebuilding is one long frame (240 ms
    // in headless Chromium at DPR 2.625, tools/bench_fonts.mjs), but until then a heading off the
    // map mixes bold letters with regular ones.
    const bool more_faces = g_full != nullptr && !g_built_full;
    if (dpr == g_dpr && text_scale == g_text_scale && (!more_faces || ImGui::IsAnyMouseDown())) return false;
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
    g_built_full = g_full != nullptr;
    for (Type type : {Type::Body, Type::Title, Type::Display, Type::Caption}) {
        const bool bold = has_bold && (type == Type::Title || type == Type::Display);
        const float px = std::round(ui::theme::type_css(type) * dpr * text_scale);
        if (g_built_full) {
            add_font(g_full, g_full_size, bold ? 1 : 0, px, font_data::kGlyphRanges);
        } else if (bold) {
            add_font(font_data::bold, font_data::bold_size, 0, px, font_data::kBoldFirstRanges);
            add_font(font_data::regular, font_data::regular_size, 0, px, font_data::kFirstRanges, true);
        } else {
            add_font(font_data::regular, font_data::regular_size, 0, px, font_data::kFirstRanges);
        }
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

// Called by js_fonts_want with evcharge.fonts.ttc's bytes, which stay for later rebuilds (another
// zoom, another text size). Anything but a collection of the faces make_font.py puts in is let go.
extern "C" EMSCRIPTEN_KEEPALIVE void ev_fonts_arrived(unsigned char* bytes, int length) {
    using namespace platform::dpi_scale;
    const bool collection = length > 16 && std::memcmp(bytes, "ttcf", 4) == 0 &&
                            (static_cast<unsigned>(bytes[8]) << 24 | bytes[9] << 16 | bytes[10] << 8 | bytes[11]) >=
                                1u + (platform::font_data::bold_size > 0) + (platform::font_data::icons_size > 0);
    if (!collection || g_full) {
        std::free(bytes);
        return;
    }
    g_full = bytes;
    g_full_size = static_cast<unsigned>(length);
    platform::frames::request();
}
