// Hands HTTP requests to the fetch bridge and turns its answers into core::HttpResponse events.
#include "platform/http_bridge.hpp"

#include <string>

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>

#include "platform/dispatcher.hpp"

namespace platform::http {
namespace {

EM_JS(void, js_http_send, (int id, const char* method, const char* path, const char* headers, const char* body,
                           int timeout_ms), {
    evHttp.send(id, UTF8ToString(method), UTF8ToString(path), UTF8ToString(headers), UTF8ToString(body), timeout_ms);
});

EM_JS(void, js_http_abort, (int id), { evHttp.abort(id); });

bool same_origin_path(const std::string& path) {
    return !path.empty() && path[0] == '/' && (path.size() < 2 || (path[1] != '/' && path[1] != '\\'));
}

void refuse(void* id) {
    dispatch(core::HttpResponse{static_cast<int>(reinterpret_cast<intptr_t>(id)), 0, {}});
}

}  // namespace

void send(const core::HttpRequest& request) {
    if (!same_origin_path(request.path)) {
        // Answered asynchronously, like any other failure.
        emscripten_set_timeout(refuse, 0, reinterpret_cast<void*>(static_cast<intptr_t>(request.id)));
        return;
    }
    std::string headers;  // "name\nvalue\n" pairs: no JSON needed on either side
    for (const auto& [name, value] : request.headers) headers += name + '\n' + value + '\n';
    js_http_send(request.id, request.method.c_str(), request.path.c_str(), headers.c_str(), request.body.c_str(),
                 request.timeout_ms > 0 ? request.timeout_ms : 15000);
}

void abort(int id) { js_http_abort(id); }

}  // namespace platform::http

// Called by web/http_bridge.js when a request is answered, failed or timed out.
extern "C" EMSCRIPTEN_KEEPALIVE void ev_http_done(int id, int status, const char* body, int length) {
    platform::dispatch(core::HttpResponse{id, status, std::string(body, static_cast<size_t>(length))});
}
