// Picture files to luminance (see image_file.hpp).
#include "image_file.hpp"

#include <fstream>
#include <iterator>
#include <memory>

#include <stb/stb_image.h>
#include <webp/decode.h>

namespace native {
namespace {

uint8_t luminance(uint8_t r, uint8_t g, uint8_t b) {
    // ITU-R BT.601 in integers, as ZXing's RGB-to-grey conversion.
    return static_cast<uint8_t>((306 * r + 601 * g + 117 * b + 0x200) >> 10);
}

LumImage from_rgb(const uint8_t* rgb, int w, int h) {
    LumImage img{w, h, std::vector<uint8_t>(static_cast<size_t>(w) * h)};
    for (size_t i = 0; i < img.pixels.size(); ++i) img.pixels[i] = luminance(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
    return img;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::optional<LumImage> load_luminance(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (ends_with(path, ".webp")) {
        int w = 0, h = 0;
        std::unique_ptr<uint8_t, void (*)(void*)> rgb(WebPDecodeRGB(bytes.data(), bytes.size(), &w, &h), WebPFree);
        if (!rgb) return std::nullopt;
        return from_rgb(rgb.get(), w, h);
    }
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<uint8_t, void (*)(void*)> rgb(
        stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 3), stbi_image_free);
    if (!rgb) return std::nullopt;
    return from_rgb(rgb.get(), w, h);
}

}  // namespace native
