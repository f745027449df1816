// Hands HTTP requests to the fetch bridge and turns its answers into core::HttpResponse events.
#include "platform/http_bridge.hpp"

#include <string>
#include <string_view>

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>

#include "platform/dispatcher.hpp"

namespace platform::http {
namespace {

EM_JS(void, js_http_send, (int id, const char* method, const char* path, const char* headers, const char* body,
                           int timeout_ms, int binary), {
    evHttp.send(id, UTF8ToString(method), UTF8ToString(path), UTF8ToString(headers), UTF8ToString(body), timeout_ms,
                !!binary);
});

EM_JS(void, js_http_abort, (int id), { evHttp.abort(id); });

bool same_origin_path(const std::string& path) {
    return !path.empty() && path[0] == '/' && (path.size() < 2 || (path[1] != '/' && path[1] != '\\'));
}

void refuse(void* id) {
    dispatch(core::HttpResponse{static_cast<int>(reinterpret_cast<intptr_t>(id)), 0, {}, {}});
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
                 request.timeout_ms > 0 ? request.timeout_ms : 15000, request.binary ? 1 : 0);
}

void abort(int id) { js_http_abort(id); }

}  // namespace platform::http

// Called by web/http_bridge.js when a request is answered, failed or timed out: the body's bytes
// (UTF-8 text, or a file's bytes as they came) and the headers the core reads, as "name\nvalue\n".
extern "C" EMSCRIPTEN_KEEPALIVE void ev_http_done(int id, int status, const char* body, int length, const char* headers) {
    core::HttpResponse r{id, status, std::string(body, static_cast<size_t>(length)), {}};
    std::string_view rest = headers != nullptr ? headers : "";
    while (!rest.empty()) {
        const size_t a = rest.find('\n');
        if (a == std::string_view::npos) break;
        const size_t b = rest.find('\n', a + 1);
        if (b == std::string_view::npos) break;
        r.headers.emplace_back(rest.substr(0, a), rest.substr(a + 1, b - a - 1));
        rest.remove_prefix(b + 1);
    }
    platform::dispatch(std::move(r));
}
