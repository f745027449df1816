// Documents for the driver (web/document_bridge.js): a file to download, HTML to print.
#pragma once
#include <string>

namespace platform::document_bridge {

void download(const std::string& filename, const std::string& mime, const std::string& content);
void print(const std::string& html);

}  // namespace platform::document_bridge
