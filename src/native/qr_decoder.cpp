// ZXing-C++ 1.4 (Debian) behind one function, with the reader settings named after their use.
#define ZX_USE_UTF8 1  // Result::text() as UTF-8
#include "qr_decoder.hpp"

#include <ZXing/ReadBarcode.h>

namespace native {

std::optional<Decoded> decode(const LumImage& image, DecodeMode mode, int rotation) {
    if (image.width <= 0 || image.height <= 0) return std::nullopt;
    ZXing::DecodeHints hints;
    hints.setTryDownscale(false).setDownscaleFactor(2).setDownscaleThreshold(180);
    switch (mode) {
        case DecodeMode::Camera:
            hints.setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(true).setTryRotate(false).setMaxNumberOfSymbols(1);
            break;
        case DecodeMode::Fast: hints.setTryHarder(false).setTryRotate(false); break;
        case DecodeMode::Slow: hints.setTryHarder(true).setTryRotate(true); break;
        case DecodeMode::Pure: hints.setIsPure(true).setBinarizer(ZXing::Binarizer::FixedThreshold); break;
    }
    const ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
    const ZXing::Result r = ZXing::ReadBarcode(view.rotated(rotation), hints);
    if (!r.isValid()) return std::nullopt;
    return Decoded{r.text(), r.format() == ZXing::BarcodeFormat::QRCode};
}

std::optional<core::ScanPayload> scan_picture(const LumImage& image, std::string_view app_origin) {
    const auto d = decode(image, DecodeMode::Camera);
    if (!d) return std::nullopt;
    return core::classify_scan(d->text, app_origin);
}

}  // namespace native
