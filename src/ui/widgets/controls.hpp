// The pieces a screen's hierarchy is built from, beside the primary button (view_common.hpp):
// secondary and danger buttons, choice cards, quiet text, the large figure, a body that scrolls
// above a footer that stays, tables of amounts and facts, grouping cards, and a text field that
// lays out what is typed (a card number). Each mirrors itself into the accessibility tree.
#pragma once
#include <string>
#include <string_view>

#include "a11y_mirror.hpp"

namespace ui {

// --- buttons: at least a touch target tall; full width when width <= 0 ------------------------
// A tonal button (Secondary / OnSecondary) for what is not the screen's one main action.
bool secondary_button(std::string_view label, float width = 0, bool enabled = true);
// Remove, Stop: Danger / OnDanger, so that it never looks like a go action.
bool danger_button(std::string_view label, float width = 0, bool enabled = true);
// The width a button needs for `label` (its text and padding), at least a touch target.
float button_width(std::string_view label);
// The height of one button at the current font size.
float button_height();

// --- choices -------------------------------------------------------------------------------------
// One choice among several (a payment method): a rounded card on SurfaceSunken with an empty
// ring; the chosen one PrimaryContainer with a Primary outline and a filled check; one that cannot
// be chosen on Disabled, its `detail` saying why. `title` first, `detail` (state, reason) under it
// in Caption. At least a touch target tall; mirrored as an option named "title · detail" with its
// selected and disabled state. Returns true when tapped.
bool choice_card(std::string_view title, std::string_view detail, bool selected, bool enabled = true);

// --- text ------------------------------------------------------------------------------------------
// Secondary facts in OnSurfaceMuted (VAT, estimates): still read by screen readers.
void muted_text(std::string_view text);
// The figure the driver came for in Type::Display ("€0.35"), its unit in Body after it on the
// same baseline ("per kWh", moved under it when the line is too narrow), and `above` (may be
// empty) in Body, muted, over it ("Total"). Mirrored as one node named `name`.
void display_figure(std::string_view above, std::string_view figure, std::string_view unit, std::string_view name,
                    a11y::Role role = a11y::Role::Text);
// Two lines mirrored as one text named `name`: `title` in Body, `detail` under it in Caption.
// Inside a highlighted card both take the card's OnPrimaryContainer.
void two_line_text(std::string_view title, std::string_view detail, std::string_view name);

// --- a body that scrolls above a footer that stays in view -----------------------------------------
// The height `buttons` full-width buttons need below the body, with their spacing.
float footer_height(int buttons);
// Everything between begin_body and end_body scrolls; what follows end_body (the footer, of the
// height given) stays at the bottom of the window at any viewport height and text size. A drag
// on the footer scrolls the body too.
void begin_body(const char* id, float footer_height);
void end_body();

// --- tables ----------------------------------------------------------------------------------------
// Labels with amounts right-aligned; each row mirrored as one text "label: value" (a heading when
// `strong`), a `note` in Caption under its label ("billed per started minute").
bool begin_amounts(const char* id);
void amount_row(std::string_view label, std::string_view value, std::string_view note = {}, bool strong = false);
void end_amounts();
// Facts: a quiet label and its value beside it, the value wrapping; mirrored as "label: value".
bool begin_facts(const char* id);
void fact_row(std::string_view label, std::string_view value);
void end_facts();

// --- cards that group what is drawn between begin_card and end_card (not nested, no tables) -------
// SurfaceSunken, rounded; `highlighted` (the default method) PrimaryContainer with a Primary outline.
void begin_card(const char* id, bool highlighted = false);
float card_avail();  // the width left on the card's current line, inside its padding
void end_card();

// --- text fields -----------------------------------------------------------------------------------
// A single-line field whose text is laid out by `format` as it is typed ("NL-GFX-123456-7"),
// the cursor kept after the same letters and digits; Backspace on a separator takes the character
// before it. Only letters, digits, spaces and dashes can be typed. Returns true on Enter.
using TextFormat = std::string (*)(std::string_view);
bool formatted_text_field(std::string_view label, std::string& buffer, std::string_view hint, TextFormat format);

}  // namespace ui
