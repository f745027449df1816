// The string table in every language: each id translated, the placeholders the same in number and
// order, buttons named in instructions as the buttons say; the language tags and plural rules.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/text/strings.hpp"
#include "language_guard.hpp"

using namespace core;

namespace {

const char* const kIdNames[] = {
#define CORE_STRING_NAME(id, text) #id,
    CORE_STRING_TABLE(CORE_STRING_NAME)
#undef CORE_STRING_NAME
};

std::string name_of(Language l, size_t i) { return std::string(language_code(l)) + ":" + kIdNames[i]; }

// "%s", "%d" in order: "sd" for "%s of %d".
std::string placeholders(std::string_view text) {
    std::string out;
    for (size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '%') {
            out += text[i + 1];
            ++i;
        }
    return out;
}

bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("every string id has a text in every language") {
    REQUIRE(sizeof kIdNames / sizeof kIdNames[0] == kStrCount);
    std::vector<std::string> missing;
    for (Language l : kLanguages)
        for (size_t i = 1; i < kStrCount; ++i)  // 0 is None, the empty text
            if (!translation(l, static_cast<Str>(i))) missing.push_back(name_of(l, i));
    INFO("missing: " << [&] { std::string s; for (auto& m : missing) s += m + " "; return s; }());
    CHECK(missing.empty());
}

TEST_CASE("placeholders match English in number and order") {
    std::vector<std::string> wrong;
    for (Language l : kLanguages)
        for (size_t i = 1; i < kStrCount; ++i) {
            const char* text = translation(l, static_cast<Str>(i));
            if (text && placeholders(text) != placeholders(translation(Language::En, static_cast<Str>(i))))
                wrong.push_back(name_of(l, i) + " \"" + text + "\"");
        }
    INFO("wrong: " << [&] { std::string s; for (auto& w : wrong) s += w + "\n"; return s; }());
    CHECK(wrong.empty());
}

TEST_CASE("translations are real text: UTF-8, not empty, not padded, no stray percent") {
    std::vector<std::string> wrong;
    for (Language l : kLanguages)
        for (size_t i = 1; i < kStrCount; ++i) {
            const std::string_view text = translation(l, static_cast<Str>(i));
            const bool padded = !text.empty() && (text.front() == ' ' || text.back() == ' ');
            bool stray = false;
            for (size_t k = 0; k < text.size(); ++k)
                if (text[k] == '%' && (k + 1 == text.size() || (text[k + 1] != 's' && text[k + 1] != 'd'))) stray = true;
            if (text.empty() || padded || stray || !valid_utf8(text)) wrong.push_back(name_of(l, i));
        }
    INFO("wrong: " << [&] { std::string s; for (auto& w : wrong) s += w + " "; return s; }());
    CHECK(wrong.empty());
}

TEST_CASE("French puts a no-break space before colons, semicolons, question and exclamation marks") {
    std::vector<std::string> wrong;
    for (size_t i = 1; i < kStrCount; ++i) {
        const std::string_view text = translation(Language::Fr, static_cast<Str>(i));
        for (size_t k = 1; k < text.size(); ++k) {
            const char c = text[k];
            if (c != ':' && c != ';' && c != '?' && c != '!') continue;
            if (c == ':' && k + 1 < text.size() && text[k + 1] >= '0' && text[k + 1] <= '9') continue;  // 23:59
            const std::string_view before = text.substr(0, k);
            const bool nbsp = before.size() >= 2 && before.substr(before.size() - 2) == "\u00a0";
            const bool nnbsp = before.size() >= 3 && before.substr(before.size() - 3) == "\u202f";
            if (!nbsp && !nnbsp) wrong.push_back(kIdNames[i]);
        }
    }
    INFO("wrong: " << [&] { std::string s; for (auto& w : wrong) s += w + " "; return s; }());
    CHECK(wrong.empty());
}

TEST_CASE("instructions name the buttons as the buttons say, in every language") {
    const struct {
        Str instruction, button;
    } kPairs[] = {
        {Str::KioskStep2, Str::Start},        {Str::KioskStep5, Str::Done},
        {Str::StopAskDetail, Str::Stop},      {Str::FavouritesNone, Str::AddFavourite},
    };
    for (Language l : kLanguages)
        for (const auto& p : kPairs) {
            const std::string instruction = translation(l, p.instruction), button = translation(l, p.button);
            INFO(language_code(l) << ": \"" << instruction << "\" names \"" << button << "\"");
            CHECK(instruction.find(button) != std::string::npos);
        }
}

TEST_CASE("tr follows the current language, and an unknown id is empty") {
    {
        InLanguage de(Language::De);
        CHECK(std::string(tr(Str::AddCard)) == "Ladekarte hinzufügen");
        CHECK(tr_format(Str::ConnectorsFree, {"2", "3"}) == "2 von 3 frei");
    }
    {
        InLanguage nl(Language::Nl);
        CHECK(std::string(tr(Str::AddCard)) == "Laadpas toevoegen");
    }
    {
        InLanguage fr(Language::Fr);
        CHECK(std::string(tr(Str::AddCard)) == "Ajouter une carte de recharge");
        CHECK(std::string(tr(static_cast<Str>(100000))).empty());
    }
    CHECK(std::string(tr(Str::AddCard)) == "Add charge card");
    CHECK(translation(Language::De, static_cast<Str>(kStrCount)) == nullptr);
}

TEST_CASE("language tags: the language part, any case, and the first offered the driver prefers") {
    CHECK(language_from_tag("de") == Language::De);
    CHECK(language_from_tag("de-AT") == Language::De);
    CHECK(language_from_tag("nl_BE") == Language::Nl);
    CHECK(language_from_tag("FR-be") == Language::Fr);
    CHECK(language_from_tag("en-GB") == Language::En);
    CHECK_FALSE(language_from_tag("es"));
    CHECK_FALSE(language_from_tag("deu"));
    CHECK_FALSE(language_from_tag(""));
    for (Language l : kLanguages) CHECK(language_from_tag(language_code(l)) == l);

    CHECK(pick_language({"fr-BE", "nl-BE"}, {"nl", "en"}) == Language::Nl);  // a hotel offering nl, en
    CHECK(pick_language({"es-ES", "de"}, {"en", "nl", "de", "fr"}) == Language::De);
    CHECK(pick_language({"es-ES"}, {"nl", "en"}) == Language::Nl);  // none offered: the deployment's first
    CHECK(pick_language({}, {"xx", "fr"}) == Language::Fr);          // a code the app lacks is skipped
    CHECK(pick_language({"de"}, {}) == Language::En);
}

TEST_CASE("plural rules: one is 1, and in French 0 too (CLDR)") {
    for (Language l : {Language::En, Language::Nl, Language::De}) {
        CHECK(plural_of(0, l) == Plural::Other);
        CHECK(plural_of(1, l) == Plural::One);
        CHECK(plural_of(2, l) == Plural::Other);
        CHECK(plural_of(21, l) == Plural::Other);
    }
    CHECK(plural_of(0, Language::Fr) == Plural::One);
    CHECK(plural_of(1, Language::Fr) == Plural::One);
    CHECK(plural_of(2, Language::Fr) == Plural::Other);
    CHECK(plural_of(1000000, Language::Fr) == Plural::Other);

    InLanguage fr(Language::Fr);
    CHECK(plural(0, Str::ListCountOne, Str::ListCount) == Str::ListCountOne);
    CHECK(plural(5, Str::ListCountOne, Str::ListCount) == Str::ListCount);
}
