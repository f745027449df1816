// Hierarchy beside controls.hpp's cards: large figures for the numbers the driver watches, a
// progress stepper, quiet captions. Drawn with the theme's tokens and
// mirrored for screen readers like every other widget.
#pragma once
#include <string_view>
#include <vector>

#include "theme.hpp"

namespace ui {

// A large figure: the caption above ("Energy"), the value below in the Display type ("1.14 kWh"),
// read by screen readers as one line: `spoken`, or "Energy: 1.14 kWh" when empty.
void figure(std::string_view caption, std::string_view value, theme::Type value_type = theme::Type::Display,
            std::string_view spoken = {});

// How wide figure() draws: the wider of its caption and its value, in CSS px × the text size.
float figure_width(std::string_view caption, std::string_view value, theme::Type value_type = theme::Type::Display);

// Quiet text in the Caption type and the muted colour ("Updated 4 s ago").
void caption(std::string_view text);
// Body text in a role's colour (a status in the success or warning colour).
void text_in(theme::Role role, std::string_view text);

// Steps of a process in a row: done ones ticked, the current one filled and named below, the ones
// to come outlined. Each step is mirrored with `spoken[i]` ("Charging: now").
struct StepperItem {
    std::string_view label;
    enum class State { Done, Now, ToCome } state = State::ToCome;
};
void stepper(const std::vector<StepperItem>& steps, const std::vector<std::string>& spoken);

// A quiet full-width strip about what goes on around the app ("You are offline…", "A new version
// is ready"): an icon, the words (mirrored as a status) and, when `action` is given, one small
// button at its end. Returns true when that button is tapped.
bool notice_strip(const char* icon, std::string_view text, std::string_view action = {});

}  // namespace ui
