// The string table: English packed from strings.hpp, tr() in the current language, placeholders.
#include "strings.hpp"

#include <cstring>
#include <vector>

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

// A translation taken from a file (install_translation), by language.
struct Installed {
    std::vector<uint16_t> offsets;
    std::string chars;
};
Installed g_installed[kLanguageCount];

const Installed& installed(Language l) { return g_installed[static_cast<size_t>(l)]; }

TableView table(Language l) {
    if (const Installed& t = installed(l); !t.offsets.empty()) return {t.offsets.data(), t.chars.data(), t.chars.size()};
    switch (l) {
        case Language::Nl: return dutch();
        case Language::De: return german();
        case Language::Fr: return french();
        case Language::En: break;
    }
    return english();
}

constexpr char kMagic[4] = {'E', 'V', 'T', '1'};

constexpr uint32_t ids_hash() {
    constexpr const char* names[] = {
#define CORE_STRING_NAME(id, text) #id,
        CORE_STRING_TABLE(CORE_STRING_NAME)
#undef CORE_STRING_NAME
    };
    uint32_t h = 2166136261u;
    const auto mix = [&h](char c) { h = (h ^ static_cast<uint8_t>(c)) * 16777619u; };
    for (const char* name : names) {
        for (const char* c = name; *c != '\0'; ++c) mix(*c);
        mix(',');
    }
    return h;
}

}  // namespace

TableView english() { return kEnglishTable.view(); }

#ifdef CORE_TEXT_LAZY_TRANSLATIONS
// The web build: these come from files (install_translation); until then tr() speaks English.
TableView dutch() { return {}; }
TableView german() { return {}; }
TableView french() { return {}; }
#endif

}  // namespace strings

uint32_t string_ids_hash() { return strings::ids_hash(); }

bool has_translation(Language l) { return strings::table(l).offsets != nullptr; }

bool install_translation(Language l, std::string_view bytes) {
    using strings::kMissing;
    constexpr size_t kHeader = sizeof strings::kMagic + 4;
    if (bytes.size() < kHeader + 2 * kStrCount + 1 || std::memcmp(bytes.data(), strings::kMagic, 4) != 0) return false;
    const auto byte = [&bytes](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])); };
    const uint32_t hash = byte(4) | byte(5) << 8 | byte(6) << 16 | byte(7) << 24;
    if (hash != string_ids_hash()) return false;
    std::string chars(bytes.substr(kHeader + 2 * kStrCount));
    if (chars.size() >= kMissing || chars.back() != '\0') return false;
    std::vector<uint16_t> offsets(kStrCount);
    for (size_t i = 0; i < kStrCount; ++i) {
        offsets[i] = static_cast<uint16_t>(byte(kHeader + 2 * i) | byte(kHeader + 2 * i + 1) << 8);
        if (offsets[i] != kMissing && offsets[i] >= chars.size()) return false;
    }
    strings::g_installed[static_cast<size_t>(l)] = {std::move(offsets), std::move(chars)};
    return true;
}

const char* translation(Language l, Str id) {
    const auto i = static_cast<size_t>(id);
    if (i >= kStrCount) return nullptr;
    const strings::TableView t = strings::table(l);
    return t.offsets == nullptr || t.offsets[i] == strings::kMissing ? nullptr : t.chars + t.offsets[i];
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
