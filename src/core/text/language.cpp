// The current language, language tags and the plural rules (CLDR, integers only).
#include "language.hpp"

namespace core {
namespace {

Language g_language = Language::En;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string_view language_name(Language l) {
    switch (l) {
        case Language::Nl: return "Nederlands";
        case Language::De: return "Deutsch";
        case Language::Fr: return "Français";
        case Language::En: break;
    }
    return "English";
}

std::string_view language_code(Language l) {
    switch (l) {
        case Language::Nl: return "nl";
        case Language::De: return "de";
        case Language::Fr: return "fr";
        case Language::En: break;
    }
    return "en";
}

std::optional<Language> language_from_tag(std::string_view tag) {
    const size_t end = tag.find_first_of("-_");
    const std::string_view primary = tag.substr(0, end);
    if (primary.size() != 2) return std::nullopt;
    const char code[2] = {lower(primary[0]), lower(primary[1])};
    for (Language l : kLanguages)
        if (language_code(l) == std::string_view(code, 2)) return l;
    return std::nullopt;
}

Language pick_language(const std::vector<std::string_view>& preferred, const std::vector<std::string_view>& offered) {
    std::vector<Language> ours;
    for (std::string_view code : offered)
        if (auto l = language_from_tag(code)) ours.push_back(*l);
    for (std::string_view tag : preferred)
        if (auto l = language_from_tag(tag))
            for (Language o : ours)
                if (o == *l) return o;
    return ours.empty() ? Language::En : ours.front();
}

Language language() { return g_language; }

void set_language(Language l) { g_language = l; }

Plural plural_of(int64_t n, Language l) {
    if (l == Language::Fr) return n == 0 || n == 1 ? Plural::One : Plural::Other;
    return n == 1 ? Plural::One : Plural::Other;
}

}  // namespace core
