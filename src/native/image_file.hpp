// Reads a picture file (PNG, JPEG, WebP) as 8-bit luminance, for native QR decoding in tests and tools.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace native {

struct LumImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;  // width * height, row by row
};

// nullopt when the file cannot be read or decoded. WebP through libwebp, the rest through
// stb_image, and RGB to luminance with the weights ZXing's own test runner uses.
std::optional<LumImage> load_luminance(const std::string& path);

}  // namespace native
