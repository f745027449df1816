// A JSON number's text as a double, correctly rounded where it matters (up to 19 significant
// digits and a power of ten within ±22: every price, coordinate and amount), within an ulp beyond.
// The web build's strtod for nlohmann/json (linked over libc's, whose long-double scanner is 8 KB).
#pragma once

namespace core {

// Reads `-?digits(.digits)?([eE][+-]?digits)?` at `text` (leading spaces and a '+' are taken too, as
// strtod takes them); `end`, when given, is set past what was read (to `text` when nothing was).
// Too large gives ±infinity, too small ±0.
double read_json_number(const char* text, char** end);

}  // namespace core
