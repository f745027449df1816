// The display settings: chosen on the settings screen, kept in storage, read back on the next visit.
#include <catch2/catch.hpp>

#include "journey_harness.hpp"

using namespace core;
using namespace test;

TEST_CASE("theme and text size are kept in storage and read back at boot") {
    Journey j;
    j.ready();
    CHECK(j.m.prefs.theme == ThemeChoice::System);
    CHECK(j.m.prefs.text_percent == 100);

    j.intent(intent::OpenSettings{});
    CHECK(j.m.screen == Screen::Settings);
    j.intent(intent::ChooseTheme{ThemeChoice::Dark});
    auto saved = persists(j.last);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].key == kKeyPreferences);
    j.intent(intent::ChooseTextSize{150});
    saved = persists(j.last);
    REQUIRE(saved.size() == 1);
    REQUIRE(saved[0].value);
    CHECK(*saved[0].value == R"({"textPercent":150,"theme":"dark"})");
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Map);

    Journey next;
    next.boot({{kKeyAppToken, "app-" + kHex}, {kKeyPreferences, *saved[0].value}});
    CHECK(next.m.prefs.theme == ThemeChoice::Dark);
    CHECK(next.m.prefs.text_percent == 150);
}

TEST_CASE("a text size the app does not offer, or a repeated choice, changes and stores nothing") {
    Journey j;
    j.ready();
    j.intent(intent::ChooseTextSize{300});
    CHECK(j.m.prefs.text_percent == 100);
    CHECK(persists(j.last).empty());
    j.intent(intent::ChooseTheme{ThemeChoice::System});
    CHECK(persists(j.last).empty());
}

TEST_CASE("stored preferences that cannot be read fall back to the defaults") {
    for (const char* text : {"", "not json", "[]", R"({"theme":7,"textPercent":"big"})", R"({"textPercent":133})",
                             R"({"theme":"sepia"})"}) {
        INFO(text);
        const Preferences p = decode_preferences(text);
        CHECK(p.theme == ThemeChoice::System);
        CHECK(p.text_percent == 100);
    }
    CHECK(decode_preferences(R"({"theme":"light","textPercent":125})") == Preferences{ThemeChoice::Light, 125});
}

TEST_CASE("settings opened from the wallet lead back to the wallet") {
    Journey j;
    j.ready();
    j.intent(intent::OpenWallet{});
    j.intent(intent::OpenSettings{});
    j.intent(intent::Back{});
    CHECK(j.m.screen == Screen::Wallet);
}

TEST_CASE("the language: the browser's first that is offered, else the deployment's default, and the driver's choice kept") {
    Model m;
    CHECK(spoken_language(m) == Language::En);  // nothing known: English
    m.browser_languages = {"fr-BE", "nl-BE", "en"};
    CHECK(spoken_language(m) == Language::Fr);
    m.offered_languages = {"nl", "en"};  // a hotel that offers Dutch and English only
    CHECK(spoken_language(m) == Language::Nl);
    m.browser_languages = {"pl", "uk"};
    CHECK(spoken_language(m) == Language::Nl);  // none offered: the deployment's first

    Journey j;
    j.ready();
    j.m.browser_languages = {"de-DE"};
    CHECK(spoken_language(j.m) == Language::De);
    j.intent(intent::ChooseLanguage{"nl"});
    CHECK(spoken_language(j.m) == Language::Nl);
    auto saved = persists(j.last);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].key == kKeyPreferences);
    CHECK(decode_preferences(*saved[0].value).language == "nl");
    // One the deployment does not offer is not taken; empty goes back to the browser's.
    j.m.offered_languages = {"nl", "en"};
    j.intent(intent::ChooseLanguage{"fr"});
    CHECK(j.m.prefs.language == "nl");
    CHECK(persists(j.last).empty());
    j.intent(intent::ChooseLanguage{""});
    CHECK(j.m.prefs.language.empty());
    CHECK(spoken_language(j.m) == Language::Nl);  // de-DE is not offered here: the default

    // Stored words that are no language are dropped; a tag is kept as its language's code.
    CHECK(decode_preferences(R"({"language":"klingon"})").language.empty());
    CHECK(decode_preferences(R"({"language":"DE-at"})").language == "de");
    CHECK(encode_preferences(Preferences{}).find("language") == std::string::npos);
}

TEST_CASE("the browser's languages come with the boot") {
    Journey j;
    Boot boot{{}, kHex};
    boot.languages = {"nl-NL", "en-GB"};
    j.send(boot);
    CHECK(j.m.browser_languages == std::vector<std::string>{"nl-NL", "en-GB"});
    CHECK(spoken_language(j.m) == Language::Nl);
}

TEST_CASE("the phone's language changed while the app was open: followed unless the driver chose one") {
    Journey j;
    j.send(LanguagesChanged{{"fr-FR"}});  // before the boot too: the page may learn of it first
    CHECK(spoken_language(j.m) == Language::Fr);
    j.ready();
    j.send(LanguagesChanged{{"de-AT", "en"}});
    CHECK(spoken_language(j.m) == Language::De);
    CHECK(j.last.empty());  // nothing stored or asked: the phone's languages are the phone's to keep
    j.intent(intent::ChooseLanguage{"nl"});
    j.send(LanguagesChanged{{"fr-FR"}});
    CHECK(spoken_language(j.m) == Language::Nl);  // the driver's own choice stands
}
