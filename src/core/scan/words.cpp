// The words the scanner shows: why a code was refused, and what the camera is doing.
#include "words.hpp"

namespace core::scan {

Str refusal_text(Refusal refusal) {
    switch (refusal) {
        case Refusal::None: return Str::None;
        case Refusal::OtherWebsite: return Str::ScanRefusedOtherWebsite;
        case Refusal::UnsafeLink: return Str::ScanRefusedUnsafe;
        case Refusal::Hidden: return Str::ScanRefusedHidden;
        case Refusal::TooLong: return Str::ScanRefusedTooLong;
        case Refusal::Empty:
        case Refusal::NotChargerCode: return Str::ScanRefusedNotCharger;
    }
    return Str::ScanRefusedNotCharger;
}

Str camera_text(CameraStatus status) {
    switch (status) {
        case CameraStatus::Starting: return Str::CameraStarting;
        case CameraStatus::Denied: return Str::CameraDenied;
        case CameraStatus::NoCamera: return Str::CameraNone;
        case CameraStatus::Unsupported: return Str::CameraUnsupported;
        case CameraStatus::Failed: return Str::CameraFailed;
        case CameraStatus::Off:
        case CameraStatus::Live: return Str::None;
    }
    return Str::None;
}

}  // namespace core::scan
