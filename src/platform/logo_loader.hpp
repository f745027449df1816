// Loads the deployment's logo (branding.logoUrl) into a WebGL texture for the UI, once per URL.
#pragma once
#include <string>

namespace platform::logo {

// Call each frame with the configured URL; the first call for a URL starts loading it.
void want(const std::string& url);

}  // namespace platform::logo
