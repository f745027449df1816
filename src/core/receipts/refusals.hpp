// Why serve.py did not send, make or export a receipt, in the driver's words: its error answer
// ({code, message, field}, Retry-After) read into a reason from the string table, with the wait
// when the server gave one. The server's own message is English and for logs; the app says its own.
#pragma once
#include <string>

#include "core/io/io.hpp"
#include "core/text/text.hpp"

namespace core {

struct ReceiptRefusal {
    Str reason = Str::None;
    std::string text;  // the reason with its wait filled in ("… Try again in 2 min 00 s.")
};

ReceiptRefusal read_refusal(const HttpResponse& r);

}  // namespace core
