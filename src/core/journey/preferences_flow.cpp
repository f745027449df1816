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
    return nlohmann::json{{"theme", theme_word(p.theme)}, {"textPercent", p.text_percent}}.dump();
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
    return p;
}

namespace detail {

void restore_preferences(Step& s, const Boot& boot) {
    if (const auto it = boot.stored.find(kKeyPreferences); it != boot.stored.end())
        s.m.prefs = decode_preferences(it->second);
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

}  // namespace detail
}  // namespace core
