// Turns the palette and the size tokens into ImGui's style once per change of device pixel ratio,
// scheme or brand, and answers the screens' token lookups in between.
#include "theme.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace ui::theme {
namespace {

float g_dpr = 1.0f;
Scheme g_scheme = Scheme::Light;
std::optional<Rgb> g_brand;
float g_text_scale = 1.0f;
Palette g_palette = base_palette(Scheme::Light);

// What apply() last built the style for.
struct Applied {
    float dpr = 0;
    Scheme scheme = Scheme::Light;
    std::optional<Rgb> brand;
    bool operator==(const Applied&) const = default;
};
Applied g_applied;
std::string g_logged;  // the last brand adjustment said on the console

ImVec4 vec(Rgb c, float alpha) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha); }

void style_colours(ImGuiStyle& style) {
    ImVec4* c = style.Colors;
    const Palette& p = g_palette;
    const Rgb hover_target = g_scheme == Scheme::Dark ? Rgb{255, 255, 255} : Rgb{0, 0, 0};
    auto shade = [&](Role r, double amount) { return vec(core::colour::mix(p[r], hover_target, amount), 1); };
    c[ImGuiCol_WindowBg] = vec(p[Role::Surface], 1);
    c[ImGuiCol_ChildBg] = vec(p[Role::Surface], 0);
    c[ImGuiCol_PopupBg] = vec(p[Role::SurfaceRaised], 1);
    c[ImGuiCol_Text] = vec(p[Role::OnSurface], 1);
    c[ImGuiCol_TextDisabled] = vec(p[Role::OnSurfaceMuted], 1);
    c[ImGuiCol_Button] = vec(p[Role::Secondary], 1);
    c[ImGuiCol_ButtonHovered] = shade(Role::Secondary, 0.06);
    c[ImGuiCol_ButtonActive] = shade(Role::Secondary, 0.14);
    c[ImGuiCol_Header] = vec(p[Role::PrimaryContainer], 1);
    c[ImGuiCol_HeaderHovered] = shade(Role::SurfaceSunken, 0.04);
    c[ImGuiCol_HeaderActive] = shade(Role::SurfaceSunken, 0.10);
    c[ImGuiCol_FrameBg] = vec(p[Role::SurfaceSunken], 1);
    c[ImGuiCol_FrameBgHovered] = vec(p[Role::SurfaceSunken], 1);
    c[ImGuiCol_FrameBgActive] = vec(p[Role::SurfaceSunken], 1);
    c[ImGuiCol_Border] = vec(p[Role::Outline], 1);
    c[ImGuiCol_Separator] = vec(p[Role::Divider], 1);
    c[ImGuiCol_CheckMark] = vec(p[Role::Primary], 1);
    c[ImGuiCol_TextSelectedBg] = vec(p[Role::Focus], 0.35f);
    c[ImGuiCol_NavHighlight] = vec(p[Role::Focus], 1);
    c[ImGuiCol_ScrollbarBg] = vec(p[Role::Surface], 0);
    c[ImGuiCol_ScrollbarGrab] = vec(p[Role::Outline], 0.6f);
    c[ImGuiCol_ScrollbarGrabHovered] = vec(p[Role::Outline], 0.8f);
    c[ImGuiCol_ScrollbarGrabActive] = vec(p[Role::Outline], 1);
    c[ImGuiCol_ModalWindowDimBg] = vec(p[Role::Scrim], 0.45f);
}

}  // namespace

void configure(Scheme scheme, std::optional<Rgb> brand, float text_scale) {
    g_text_scale = std::clamp(text_scale, 1.0f, 1.5f);
    if (scheme == g_scheme && brand == g_brand && g_applied.dpr > 0) return;
    g_scheme = scheme;
    g_brand = brand;
    std::string adjusted;
    g_palette = branded_palette(scheme, brand, &adjusted);
    if (!adjusted.empty() && adjusted != g_logged) std::printf("theme: %s\n", adjusted.c_str());
    g_logged = adjusted;
}

void apply(float dpr) {
    const Applied now{dpr, g_scheme, g_brand};
    if (now == g_applied) return;
    g_applied = now;
    g_dpr = dpr;
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = static_cast<float>(Radius::M);
    style.GrabRounding = static_cast<float>(Radius::S);
    style.ChildRounding = static_cast<float>(Radius::M);
    style.PopupRounding = static_cast<float>(Radius::M);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 0;
    style.WindowPadding = ImVec2(static_cast<float>(Space::L), static_cast<float>(Space::M));
    style.FramePadding = ImVec2(static_cast<float>(Space::L), static_cast<float>(Space::M));
    style.ItemSpacing = ImVec2(static_cast<float>(Space::S), static_cast<float>(Space::S));
    style.ItemInnerSpacing = ImVec2(static_cast<float>(Space::S), static_cast<float>(Space::XS));
    style.DisabledAlpha = 1.0f;  // widgets draw disabled with the disabled roles, never by fading
    style.ScrollbarSize = 6;
    style.ScrollbarRounding = 3;
    style.TouchExtraPadding = ImVec2(static_cast<float>(Space::XS), static_cast<float>(Space::XS));
    style_colours(style);
    style.ScaleAllSizes(dpr);
    ImGui::GetStyle() = style;
}

Scheme scheme() { return g_scheme; }
float text_scale() { return g_text_scale; }

ImU32 colour(Role role, float alpha) { return ImGui::ColorConvertFloat4ToU32(vec(g_palette[role], alpha)); }
ImVec4 colour_vec(Role role, float alpha) { return vec(g_palette[role], alpha); }
Rgb rgb(Role role) { return g_palette[role]; }

float type_css(Type type) {
    switch (type) {
        case Type::Body: return 16;
        case Type::Title: return 20;
        case Type::Display: return 34;
        case Type::Caption: return 13;
    }
    return 16;
}

ImFont* font(Type type) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const int index = static_cast<int>(type);
    if (index < atlas->Fonts.Size) return atlas->Fonts[index];
    // Fewer fonts loaded (an older platform build): the bold one for large types, else the body.
    if ((type == Type::Display || type == Type::Title) && atlas->Fonts.Size > 1) return atlas->Fonts[1];
    return atlas->Fonts.Size > 0 ? atlas->Fonts[0] : nullptr;
}

float space(Space s) { return static_cast<float>(s) * g_dpr; }
float radius(Radius r) { return static_cast<float>(r) * g_dpr; }
float touch() { return kTouchCss * g_dpr; }
float px(float css) { return css * g_dpr; }

void shadow(ImDrawList* draw, ImVec2 min, ImVec2 max, Elevation e, float rounding) {
    if (e == Elevation::Flat) return;
    // Stacked translucent rounded rects, offset downwards: a cheap blur that reads on both themes.
    const int layers = e == Elevation::Overlay ? 6 : 3;
    const float step = px(e == Elevation::Overlay ? 2.0f : 1.0f);
    const float alpha = g_scheme == Scheme::Dark ? 0.10f : 0.05f;
    for (int i = layers; i >= 1; --i) {
        const float grow = step * static_cast<float>(i);
        draw->AddRectFilled(ImVec2(min.x - grow * 0.5f, min.y + grow * 0.25f), ImVec2(max.x + grow * 0.5f, max.y + grow),
                            ImGui::ColorConvertFloat4ToU32(ImVec4(0, 0, 0, alpha)), rounding + grow);
    }
}

WithFont::WithFont(Type type) : pushed_(false) {
    if (ImFont* f = font(type)) {
        ImGui::PushFont(f);
        pushed_ = true;
    }
}
WithFont::~WithFont() {
    if (pushed_) ImGui::PopFont();
}

WithText::WithText(Role role) { ImGui::PushStyleColor(ImGuiCol_Text, colour(role)); }
WithText::~WithText() { ImGui::PopStyleColor(); }

}  // namespace ui::theme
