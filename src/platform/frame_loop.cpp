// One frame: measure, feed input, draw the app, present, mirror; then decide whether another
// frame is needed. No main loop: each frame is a one-shot requestAnimationFrame.
#include "platform/frame_loop.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <GLES3/gl3.h>
#include <emscripten/em_js.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/a11y_bridge.hpp"
#include "platform/camera_bridge.hpp"
#include "platform/color_scheme.hpp"
#include "platform/dispatcher.hpp"
#include "platform/display.hpp"
#include "platform/dpi_scale.hpp"
#include "platform/input_queue.hpp"
#include "platform/logo_loader.hpp"
#include "platform/map_gestures.hpp"
#include "platform/page_events.hpp"
#include "platform/text_input.hpp"
#include "platform/translations.hpp"
#include "ui/widgets/widgets.hpp"
#include "ui/app/app.hpp"
#include "ui/map/map.hpp"

namespace platform::frames {
namespace {

int g_wanted = 0;          // frames still to draw
bool g_raf_pending = false;
bool g_paused = false;
long g_timer = 0;          // pending redraw_in_ms timeout, 0 if none
int g_count = 0;
int g_drawn = 0;
double g_last_time = 0;
uint64_t g_on_screen = 0;  // fingerprint of what the canvas shows, 0 when it must be drawn

// Counts frames for tests (window.__frames: the app ran; window.__drawn: of those, drawn on the
// canvas) and keeps the CPU time of the last 600 frames for benchmarks (window.__frameTimes:
// [ui ms, total ms, start on the page clock ms, 1 if drawn]). After the first one has been
// presented (the task after this animation frame), marks it for measurements and drops the
// loading indicator.
EM_JS(void, js_after_frame, (int count, int drawn, int drawn_now, double ui_ms, double total_ms, double start_ms), {
    window.__frames = count;
    window.__drawn = drawn;
    var times = window.__frameTimes || (window.__frameTimes = []);
    times.push([ui_ms, total_ms, start_ms, drawn_now]);
    if (times.length > 600) times.shift();
    if (count === 1) setTimeout(function() {
        if (window.performance && performance.mark) performance.mark('first-frame');
        var l = document.getElementById('loading');
        if (l) l.remove();
    }, 0);
});

void cancel_timer() {
    if (g_timer) emscripten_clear_timeout(g_timer);
    g_timer = 0;
}

EM_BOOL on_animation_frame(double, void*);

void arm() {
    cancel_timer();
    if (g_raf_pending || g_paused) return;
    g_raf_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void on_timer(void*) {
    g_timer = 0;
    request(0);
}

// What a frame puts on the canvas, as one number: its size, background and every draw command,
// vertex and index. Textures are named by id, and a new picture always gets a new id.
uint64_t fingerprint(const ImDrawData& data, const ImVec4& bg) {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    auto mix = [&h](uint32_t word) { h = (h ^ word) * 0x100000001B3ull; h ^= h >> 29; };
    auto mix_bytes = [&mix](const void* p, size_t n) {
        const unsigned char* b = static_cast<const unsigned char*>(p);
        for (; n >= 4; n -= 4, b += 4) {
            uint32_t w;
            std::memcpy(&w, b, 4);
            mix(w);
        }
        for (; n > 0; --n, ++b) mix(*b);
    };
    auto mix_float = [&mix](float f) { uint32_t w; std::memcpy(&w, &f, 4); mix(w); };
    mix_float(data.DisplaySize.x);
    mix_float(data.DisplaySize.y);
    mix_float(bg.x); mix_float(bg.y); mix_float(bg.z);
    for (int i = 0; i < data.CmdListsCount; ++i) {
        const ImDrawList& list = *data.CmdLists[i];
        mix(static_cast<uint32_t>(list.CmdBuffer.Size));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            mix_float(cmd.ClipRect.x); mix_float(cmd.ClipRect.y); mix_float(cmd.ClipRect.z); mix_float(cmd.ClipRect.w);
            mix(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(cmd.TextureId)));
            mix(cmd.VtxOffset); mix(cmd.IdxOffset); mix(cmd.ElemCount);
            mix(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(cmd.UserCallback)));
        }
        mix_bytes(list.VtxBuffer.Data, static_cast<size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        mix_bytes(list.IdxBuffer.Data, static_cast<size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    }
    return h | 1;  // never 0, which means "draw"
}

int draw_frame(core::Language language) {
    ImGuiIO& io = ImGui::GetIO();
    display::refresh();
    dpi_scale::apply(display::dpr(), ui::theme::text_scale());
    io.DisplaySize = ImVec2(static_cast<float>(display::width()), static_cast<float>(display::height()));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    const double t = emscripten_performance_now();
    io.DeltaTime = g_last_time > 0 ? static_cast<float>(std::clamp((t - g_last_time) / 1000.0, 0.001, 0.5)) : 1.0f / 60;
    g_last_time = t;
    const bool had_input = input::busy();  // someone is there (a kiosk counts its idle time from this)
    const double cpu_start = emscripten_performance_now();
    const bool gliding = map_gestures::animate(t);  // the map's inertia: one step per frame
    input::apply(io);

    ImGui_ImplOpenGL3_NewFrame();
    if (io.Fonts->TexPixelsAlpha8) io.Fonts->ClearTexData();  // uploaded; the CPU copy is megabytes
    logo::want(app_model().config.branding.logo_url);
    ImGui::NewFrame();
    ui::a11y::begin_frame({display::dpr(), display::visible_bottom()});
    ui::map_surface::begin_frame();
    core::set_language(language);
    page_events::speak(std::string(core::language_code(language)).c_str());
    ui::FrameResult result = ui::draw_app(app_model(), now(), display::dpr(), color_scheme::system_dark());
    ui::a11y::end_frame();
    ImGui::Render();
    const double ui_ms = emscripten_performance_now() - cpu_start;

    // ImGui's settle frames after an event mostly repeat the frame before; on a phone's full
    // resolution drawing one costs far more than running the UI, and a canvas not drawn to keeps
    // showing its last picture.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const uint64_t picture = fingerprint(*ImGui::GetDrawData(), bg);
    const bool draw = picture != g_on_screen;
    if (draw) {
        glViewport(0, 0, display::width(), display::height());
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        g_on_screen = picture;
        ++g_drawn;
    }
    js_after_frame(++g_count, g_drawn, draw, ui_ms, emscripten_performance_now() - cpu_start, cpu_start);

    a11y_bridge::after_frame(display::dpr());
    const ui::theme::Rgb surface = ui::theme::rgb(ui::theme::Role::Surface);
    color_scheme::after_frame(ui::theme::scheme() == ui::theme::Scheme::Dark,
                              (uint32_t{surface.r} << 16) | (uint32_t{surface.g} << 8) | surface.b);
    map_gestures::after_frame();
    camera::place(result.camera_box, display::dpr());
    text_input::after_frame();
    for (core::UserIntent& intent : result.intents) dispatch(std::move(intent));
    for (core::ShellIntent& intent : result.shell_intents) dispatch_app(std::move(intent));
    if (had_input) dispatch_app(core::Activity{});
    if (gliding) request(0);
    // A new text size is known only once the app view has run: the next frame rasterises it.
    if (dpi_scale::apply(display::dpr(), ui::theme::text_scale())) request(0);
    return result.redraw_in_ms;
}

EM_BOOL on_animation_frame(double, void*) {
    g_raf_pending = false;
    if (g_paused) return EM_FALSE;
    // The first frame waits for its language's texts when they are a file still on its way (their
    // arrival asks for a frame); a language chosen later shows once its texts are here.
    const std::optional<core::Language> language = translations::to_draw(core::spoken_language(app_model().journey));
    if (!language) return EM_FALSE;
    if (g_wanted > 0) --g_wanted;
    const int redraw_in_ms = draw_frame(*language);
    // Queued input is delivered one step per frame (hover, press, release), so keep going, and
    // settle for two frames after the last step, as after any other event.
    if (input::busy() || text_input::busy()) g_wanted = std::max(g_wanted, 3);
    if (g_wanted > 0) {
        arm();
    } else if (!g_raf_pending && redraw_in_ms >= 0) {
        cancel_timer();
        g_timer = emscripten_set_timeout(on_timer, redraw_in_ms, nullptr);
    }
    return EM_FALSE;
}

}  // namespace

void request(int settle) {
    g_wanted = std::max(g_wanted, 1 + settle);
    arm();
}

void set_paused(bool paused) {
    g_paused = paused;
    g_on_screen = 0;  // a lost context took the picture with it
    if (!paused) request();
}

}  // namespace platform::frames
