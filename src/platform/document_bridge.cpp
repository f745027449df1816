// Documents for the driver through web/document_bridge.js (see document_bridge.hpp).
#include "platform/document_bridge.hpp"

#include <emscripten/emscripten.h>

namespace platform::document_bridge {
namespace {

// The bytes are copied out of the heap: the Blob outlives this call.
EM_JS(void, js_download, (const char* name, const char* mime, const char* content, int length), {
    evDocuments.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(content, content + length));
});
EM_JS(void, js_print, (const char* html), { evDocuments.print(UTF8ToString(html)); });
EM_JS(void, js_open_link, (const char* url), { evDocuments.openLink(UTF8ToString(url)); });

}  // namespace

void download(const std::string& filename, const std::string& mime, const std::string& content) {
    js_download(filename.c_str(), mime.c_str(), content.data(), static_cast<int>(content.size()));
}

void print(const std::string& html) { js_print(html.c_str()); }

void open_link(const std::string& url) { js_open_link(url.c_str()); }

}  // namespace platform::document_bridge
