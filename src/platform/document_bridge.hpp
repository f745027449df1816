// Documents for the driver (web/document_bridge.js): a file to download, HTML to print, a
// contact's link to follow.
#pragma once
#include <string>

namespace platform::document_bridge {

void download(const std::string& filename, const std::string& mime, const std::string& content);
void print(const std::string& html);
void open_link(const std::string& url);

}  // namespace platform::document_bridge
