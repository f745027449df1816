// The strtod nlohmann/json reads numbers with, at link time (-Wl,--wrap=strtod in CMakeLists.txt):
// core's JSON number reader (1 KB) instead of libc's long-double scanner (8 KB). JSON numbers are
// all the app ever hands strtod.
#include "core/api/api.hpp"

extern "C" double __wrap_strtod(const char* text, char** end) { return core::read_json_number(text, end); }
