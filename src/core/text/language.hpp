// The languages the app speaks, the one the words and numbers are in now, and the plural rule of each.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace core {

// English first (the string table's source); then by the network's countries: NL, DE, and French
// for Belgium and visitors. A new language is a member here, a code in language.cpp, a file
// strings_<code>.cpp and its formats in locale_format.cpp (README: "Adding a language").
enum class Language : uint8_t { En, Nl, De, Fr };
inline constexpr int kLanguageCount = 4;
inline constexpr Language kLanguages[kLanguageCount] = {Language::En, Language::Nl, Language::De, Language::Fr};

// "en", "nl", "de", "fr": BCP 47, for <html lang>, storage and the server's `lang`.
std::string_view language_code(Language l);
// The language's own name ("Nederlands", "Deutsch"): how a driver finds it in any language.
std::string_view language_name(Language l);
// A BCP 47 tag read for its language only, any case: "de", "de-AT", "nl_BE", "FR-be" → the language;
// an unknown one → nullopt.
std::optional<Language> language_from_tag(std::string_view tag);
// The language to speak: the first of the driver's `preferred` tags (navigator.languages, or the one
// chosen in the app) that `offered` lists; else the first offered; else English. `offered` are the
// deployment's codes in its order (the first is its default); codes the app lacks are skipped.
Language pick_language(const std::vector<std::string_view>& preferred, const std::vector<std::string_view>& offered);

// The language tr() and the locale formats use. The platform sets it from the model (the choice kept
// in storage, else the browser's); one value for the whole app, so views need not pass it around.
Language language();
void set_language(Language l);

// CLDR's cardinal plural categories as the app uses them: whole counts, `one` or `other`.
// English, Dutch, German: one is exactly 1. French: 0 and 1 are one ("0 borne", "1 borne").
enum class Plural : uint8_t { One, Other };
Plural plural_of(int64_t n, Language l);
inline Plural plural_of(int64_t n) { return plural_of(n, language()); }

}  // namespace core
