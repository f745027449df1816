// English string table (the first language).
#include "strings.hpp"

namespace core {

const char* tr(Str id) {
    static const char* const english[] = {
#define CORE_STRING_TEXT(id, text) text,
        CORE_STRING_TABLE(CORE_STRING_TEXT)
#undef CORE_STRING_TEXT
    };
    const auto i = static_cast<unsigned>(id);
    return i < sizeof english / sizeof english[0] ? english[i] : "";
}

}  // namespace core
