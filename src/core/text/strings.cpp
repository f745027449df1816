// The string table: English packed from strings.hpp, tr() in the current language, placeholders.
#include "strings.hpp"

#include "string_table.hpp"

namespace core {
namespace strings {
namespace {

constexpr Entry kEnglish[] = {
#define CORE_STRING_ENTRY(id, text) {Str::id, text},
    CORE_STRING_TABLE(CORE_STRING_ENTRY)
#undef CORE_STRING_ENTRY
};
constexpr auto kEnglishTable = pack<packed_size(kEnglish)>(kEnglish);

TableView table(Language l) {
    switch (l) {
        case Language::Nl: return dutch();
        case Language::De: return german();
        case Language::Fr: return french();
        case Language::En: break;
    }
    return english();
}

}  // namespace

TableView english() { return kEnglishTable.view(); }

}  // namespace strings

const char* translation(Language l, Str id) {
    const auto i = static_cast<size_t>(id);
    if (i >= kStrCount) return nullptr;
    const strings::TableView t = strings::table(l);
    return t.offsets[i] == strings::kMissing ? nullptr : t.chars + t.offsets[i];
}

const char* tr(Str id) {
    if (const char* text = translation(language(), id)) return text;
    const char* english = translation(Language::En, id);
    return english ? english : "";
}

Str plural(int64_t n, Str one, Str other) { return plural_of(n) == Plural::One ? one : other; }

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
