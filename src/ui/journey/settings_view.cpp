// Display settings: the theme (the phone's own, light or dark) and the text size, each a group of
// choice rows; the change shows at once and is kept for the next visit.
#include <string>

#include "core/text/text.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

void draw_settings_screen(const core::Model& m, Intents& out) {
    if (top_bar(tr(Str::SettingsTitle), true)) out.push_back(core::intent::Back{});
    ImGui::BeginChild("##settings", ImVec2(0, 0), false);
    heading(tr(Str::ThemeHeading));
    const std::pair<core::ThemeChoice, Str> themes[] = {
        {core::ThemeChoice::System, Str::ThemeSystem},
        {core::ThemeChoice::Light, Str::ThemeLight},
        {core::ThemeChoice::Dark, Str::ThemeDark},
    };
    for (const auto& [choice, label] : themes)
        if (list_row(tr(label), m.prefs.theme == choice)) out.push_back(core::intent::ChooseTheme{choice});
    ImGui::Spacing();
    heading(tr(Str::TextSizeHeading));
    for (const int percent : core::kTextPercents) {
        const std::string label = core::tr_format(Str::TextSizeOption, {core::format_percent(percent)});
        if (list_row(label, m.prefs.text_percent == percent)) out.push_back(core::intent::ChooseTextSize{percent});
    }
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    caption(tr(Str::TextSizeSample));
    ImGui::PopTextWrapPos();
    // Each language in its own name, so a driver finds theirs whatever the app speaks now.
    if (m.offered_languages.size() > 1) {
        ImGui::Spacing();
        heading(tr(Str::LanguageHeading));
        if (list_row(tr(Str::LanguageAutomatic), m.prefs.language.empty())) out.push_back(core::intent::ChooseLanguage{""});
        for (const std::string& code : m.offered_languages) {
            const auto language = core::language_from_tag(code);
            if (!language) continue;
            if (list_row(std::string(core::language_name(*language)), m.prefs.language == code))
                out.push_back(core::intent::ChooseLanguage{code});
        }
    }
    ImGui::EndChild();
}

}  // namespace ui
