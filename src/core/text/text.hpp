// Words and numbers for people: the string table (Str ids, English texts) and the locale
// formats for money, energy, power, durations and dates. Nothing else builds user-facing text.
// Other parts include only this header.
#pragma once

#include "strings.hpp"
#include "locale_format.hpp"
