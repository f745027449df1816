// Translations taken from files (the web build's lang/<code>.bin, tools/make_strings.py): a file of
// this build's ids is installed and read as the compiled table; anything else is refused unchanged.
#include <catch2/catch.hpp>

#include <string>

#include "core/text/string_table.hpp"
#include "core/text/strings.hpp"
#include "language_guard.hpp"

using namespace core;

namespace {

// The file make_strings.py writes for a table: "EVT1", the ids' hash, 16-bit offsets, the texts.
std::string file_of(strings::TableView t, uint32_t hash = string_ids_hash()) {
    std::string out = "EVT1";
    for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>(hash >> shift);
    for (size_t i = 0; i < kStrCount; ++i) {
        out += static_cast<char>(t.offsets[i] & 0xFF);
        out += static_cast<char>(t.offsets[i] >> 8);
    }
    out.append(t.chars, t.size);
    return out;
}

std::string texts_of(Language l) {
    std::string all;
    for (size_t i = 0; i < kStrCount; ++i) {
        const char* text = translation(l, static_cast<Str>(i));
        all += text ? text : "<none>";
        all += '\n';
    }
    return all;
}

}  // namespace

TEST_CASE("a translation file of this build's ids reads as the compiled table") {
    const std::string before = texts_of(Language::Nl);
    REQUIRE(install_translation(Language::Nl, file_of(strings::dutch())));
    CHECK(has_translation(Language::Nl));
    CHECK(texts_of(Language::Nl) == before);
    InLanguage dutch(Language::Nl);
    CHECK(std::string(tr(Str::Back)) == "Terug");
}

TEST_CASE("a translation file that is not one of this build's is refused and changes nothing") {
    const std::string before = texts_of(Language::De);
    const std::string good = file_of(strings::german());
    std::string wrong_magic = good;
    wrong_magic[3] = '2';
    std::string offset_out = good;
    offset_out[8] = static_cast<char>(0xF0);  // the first offset far past the texts
    offset_out[9] = static_cast<char>(0xFE);
    std::string unterminated = good;
    unterminated.back() = 'x';
    CHECK_FALSE(install_translation(Language::De, ""));
    CHECK_FALSE(install_translation(Language::De, good.substr(0, 8 + kStrCount)));
    CHECK_FALSE(install_translation(Language::De, wrong_magic));
    CHECK_FALSE(install_translation(Language::De, file_of(strings::german(), string_ids_hash() + 1)));
    CHECK_FALSE(install_translation(Language::De, offset_out));
    CHECK_FALSE(install_translation(Language::De, unterminated));
    CHECK(texts_of(Language::De) == before);
}
