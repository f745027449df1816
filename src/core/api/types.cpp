// Rules that belong to the API values themselves.
#include "types.hpp"

namespace core {

bool is_final(SessionStatusCode s) {
    // COMPLETED is not final: CDR_AVAILABLE (receipt number, cost breakdown) normally follows.
    switch (s) {
        case SessionStatusCode::Rejected:
        case SessionStatusCode::CdrAvailable:
        case SessionStatusCode::Timeout:
        case SessionStatusCode::Cancelled:
        case SessionStatusCode::Error:
            return true;
        default:
            return false;
    }
}

}  // namespace core
