// Start-up: WebGL2 context, ImGui with the OpenGL3 (WebGL2) backend, input and display listeners,
// then the Boot event. After main returns the page is driven by events only (no main loop).
#include <emscripten/emscripten.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/boot.hpp"
#include "platform/clipboard.hpp"
#include "platform/dispatcher.hpp"
#include "platform/color_scheme.hpp"
#include "platform/display.hpp"
#include "platform/frame_loop.hpp"
#include "platform/gl_context.hpp"
#include "platform/input_events.hpp"
#include "platform/input_queue.hpp"
#include "platform/page_events.hpp"
#include "platform/text_input.hpp"
#include "platform/timers.hpp"
#include "ui/map/map.hpp"

namespace {

EM_JS(void, js_fail, (const char* reason), {
    if (window.evShell) evShell.fail(UTF8ToString(reason));
});

}  // namespace

// For benchmarks: draw every marker on its own (0) or cluster them again (1).
extern "C" EMSCRIPTEN_KEEPALIVE void ev_map_clustering(int on) {
    ui::set_clustering(on != 0);
    platform::frames::request();
}

int main() {
    using namespace platform;
    if (!gl::create()) {
        js_fail("webgl2");
        return 0;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "html5";
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames while idle
    input::setup_keymap(io);
    clipboard::install(io);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    gl::install_loss_handlers();
    display::install();
    color_scheme::install();
    input::install_touch();
    input::install_mouse_keys();
    dispatch(read_boot());  // also requests the first frame
    timers::install();
    page_events::install();  // after Boot: the core ignores events before it
    return 0;
}
