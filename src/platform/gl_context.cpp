// Creates the WebGL2 context ImGui's OpenGL3 backend draws with ("#version 300 es"), and survives
// context loss (phones drop GPU contexts of background tabs): pause, then rebuild on restore.
#include "platform/gl_context.hpp"

#include <emscripten/em_js.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/frame_loop.hpp"

namespace platform::gl {
namespace {

EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_context = 0;

// One way for the page's images (a logo, a map tile) to become textures ImGui can draw:
// Module.evTextureFrom(source) uploads an <img> or ImageBitmap into a new texture and returns
// its id in Emscripten's GL table (0 without a context).
EM_JS(void, js_install_texture_upload, (), {
    Module['evTextureFrom'] = function(source) {
        var gl = GLctx;
        if (!gl || gl.isContextLost()) return 0;
        var tex = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, tex);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
        var id = GL.getNewId(GL.textures);
        tex.name = id;
        GL.textures[id] = tex;
        return id;
    };
});

EM_BOOL on_lost(int, const void*, void*) {
    frames::set_paused(true);
    return EM_TRUE;  // preventDefault: we want the restore event
}

EM_BOOL on_restored(int, const void*, void*) {
    emscripten_webgl_make_context_current(g_context);
    ImGui_ImplOpenGL3_Shutdown();  // the old objects died with the context
    ImGui_ImplOpenGL3_Init("#version 300 es");
    frames::set_paused(false);
    return EM_TRUE;
}

}  // namespace

bool create() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
    attrs.premultipliedAlpha = EM_FALSE;
    g_context = emscripten_webgl_create_context("#canvas", &attrs);
    if (g_context <= 0) return false;
    js_install_texture_upload();
    return emscripten_webgl_make_context_current(g_context) == EMSCRIPTEN_RESULT_SUCCESS;
}

void install_loss_handlers() {
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE,
                                             on_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE,
                                                 on_restored);
}

}  // namespace platform::gl
