// Native QR decoding with ZXing-C++ (Debian's libzxing), the same decoder the browser runs as
// zxing-wasm, followed by the app's own classifier: picture in, what the app would do out.
#pragma once
#include <optional>
#include <string>

#include "core/scan/scan.hpp"
#include "image_file.hpp"

namespace native {

enum class DecodeMode {
    Camera,  // what the scanner's worker asks for: QR only, try harder, no rotation or inversion tries
    Fast,    // ZXing's black-box runner "fast": all formats, no harder/rotate tries
    Slow,    // ... "slow": try harder and rotate
    Pure,    // ... "pure": a clean symbol, fixed threshold
};

struct Decoded {
    std::string text;
    bool is_qr = false;  // the symbol was a QR code (other formats may decode in Fast/Slow)
};

// `rotation` turns the picture by 0, 90, 180 or 270 degrees first.
std::optional<Decoded> decode(const LumImage& image, DecodeMode mode, int rotation = 0);

// A picture of a sticker through the app's path: decode as the camera does, then classify.
// nullopt when no QR code was found.
std::optional<core::ScanPayload> scan_picture(const LumImage& image, std::string_view app_origin);

}  // namespace native
