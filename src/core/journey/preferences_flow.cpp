// The display settings: the theme (system, light, dark) and the text size, chosen on the settings
// screen and kept in storage so the next visit looks the same from its first frame.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "flows.hpp"

namespace core {
namespace {

const char* theme_word(ThemeChoice t) {
    switch (t) {
        case ThemeChoice::Light: return "light";
        case ThemeChoice::Dark: return "dark";
        case ThemeChoice::System: break;
    }
    return "system";
}

bool known_percent(int percent) {
    return std::find(std::begin(kTextPercents), std::end(kTextPercents), percent) != std::end(kTextPercents);
}

}  // namespace

std::string encode_preferences(const Preferences& p) {
    nlohmann::json json{{"theme", theme_word(p.theme)}, {"textPercent", p.text_percent}};
    if (!p.language.empty()) json["language"] = p.language;
    return json.dump();
}

Preferences decode_preferences(std::string_view text) {
    Preferences p;
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) return p;
    if (const auto it = json.find("theme"); it != json.end() && it->is_string()) {
        const std::string& word = it->get_ref<const std::string&>();
        p.theme = word == "light" ? ThemeChoice::Light : word == "dark" ? ThemeChoice::Dark : ThemeChoice::System;
    }
    if (const auto it = json.find("textPercent"); it != json.end() && it->is_number_integer()) {
        const int percent = it->get<int>();
        if (known_percent(percent)) p.text_percent = percent;
    }
    if (const auto it = json.find("language"); it != json.end() && it->is_string()) {
        if (const auto l = language_from_tag(it->get_ref<const std::string&>())) p.language = language_code(*l);
    }
    return p;
}

namespace detail {

void restore_preferences(Step& s, const Boot& boot) {
    if (const auto it = boot.stored.find(kKeyPreferences); it != boot.stored.end())
        s.m.prefs = decode_preferences(it->second);
    s.m.browser_languages = boot.languages;
}

void open_settings(Step& s) {
    if (s.m.screen == Screen::Settings) return;
    s.m.settings_return_to = s.m.screen;
    s.m.screen = Screen::Settings;
}

void choose_theme(Step& s, const intent::ChooseTheme& i) {
    if (s.m.prefs.theme == i.theme) return;
    s.m.prefs.theme = i.theme;
    persist(s, kKeyPreferences, encode_preferences(s.m.prefs));
}

void choose_text_size(Step& s, const intent::ChooseTextSize& i) {
    if (!known_percent(i.percent) || s.m.prefs.text_percent == i.percent) return;
    s.m.prefs.text_percent = i.percent;
    persist(s, kKeyPreferences, encode_preferences(s.m.prefs));
}

void choose_language(Step& s, const intent::ChooseLanguage& i) {
    const auto& offered = s.m.offered_languages;
    if (!i.code.empty() && std::find(offered.begin(), offered.end(), i.code) == offered.end()) return;
    if (s.m.prefs.language == i.code) return;
    s.m.prefs.language = i.code;
    persist(s, kKeyPreferences, encode_preferences(s.m.prefs));
}

}  // namespace detail

Language spoken_language(const Model& m) {
    std::vector<std::string_view> preferred;
    if (!m.prefs.language.empty()) preferred.push_back(m.prefs.language);
    for (const auto& tag : m.browser_languages) preferred.push_back(tag);
    const std::vector<std::string_view> offered(m.offered_languages.begin(), m.offered_languages.end());
    return pick_language(preferred, offered);
}

}  // namespace core
