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

std::string tr_format(Str id, std::initializer_list<std::string_view> args) {
    const std::string_view text = tr(id);
    std::string out;
    out.reserve(text.size() + 16);
    auto next = args.begin();
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'd')) {
            if (next != args.end()) out.append(*next++);
            ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

}  // namespace core
