// qr_scan PICTURE... [--origin https://host]: what the app would do with each picture of a
// sticker (decoded with ZXing as the scanner does, then classified by the app's core).
#include <cstdio>
#include <string>

#include "native/image_file.hpp"
#include "native/qr_decoder.hpp"

namespace {

const char* kind_name(core::PayloadKind k) {
    switch (k) {
        case core::PayloadKind::GreenFluxQr: return "greenflux-qr";
        case core::PayloadKind::EvseId: return "evse-id";
        case core::PayloadKind::Refused: return "refused";
    }
    return "?";
}

const char* refusal_name(core::Refusal r) {
    switch (r) {
        case core::Refusal::None: return "";
        case core::Refusal::Empty: return "empty";
        case core::Refusal::TooLong: return "too-long";
        case core::Refusal::Hidden: return "hidden-characters";
        case core::Refusal::OtherWebsite: return "other-website";
        case core::Refusal::UnsafeLink: return "unsafe-link";
        case core::Refusal::NotChargerCode: return "not-a-charger-code";
    }
    return "?";
}

}  // namespace

int main(int argc, char** argv) {
    std::string origin;
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--origin" && i + 1 < argc) {
            origin = argv[++i];
            continue;
        }
        const auto image = native::load_luminance(arg);
        if (!image) {
            std::printf("%s\tunreadable\n", arg.c_str());
            status = 1;
            continue;
        }
        const auto p = native::scan_picture(*image, origin);
        if (!p) std::printf("%s\tno-code\n", arg.c_str());
        else if (p->kind == core::PayloadKind::Refused)
            std::printf("%s\trefused\t%s\t%s\n", arg.c_str(), refusal_name(p->refusal), p->host.c_str());
        else std::printf("%s\t%s\t%s\n", arg.c_str(), kind_name(p->kind), p->value.c_str());
    }
    return status;
}
