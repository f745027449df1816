// Words and numbers for people: the languages (Language, the current one, plural rules), the string
// table (Str ids; English in strings.hpp, Dutch, German and French in strings_<code>.cpp) and the
// locale formats for money, energy, power, durations, distances and dates. Nothing else builds
// user-facing text. Other parts include only this header.
#pragma once

#include "language.hpp"
#include "strings.hpp"
#include "locale_format.hpp"
