// The UI's ground floor: the design tokens (theme.hpp, palette.hpp), widgets that draw with ImGui
// and mirror themselves into the accessibility tree (a11y_mirror.hpp), icons and icon buttons
// (icons.hpp), cards, figures and the stepper (surfaces.hpp), the layout for the viewport
// (layout.hpp), and the pieces every screen shares (view_common.hpp: top bars, the problem banner,
// primary, danger and secondary actions; brand_bar.hpp: a deployment's title bar; controls.hpp:
// secondary and danger buttons, choice cards, the large figure, a body that scrolls above a fixed
// footer, tables of amounts, a formatted text field). Views use these instead of raw ImGui calls
// for anything a person reads or taps.
// Other parts include only this header.
#pragma once
#include "a11y_mirror.hpp"
#include "brand_bar.hpp"
#include "controls.hpp"
#include "icons.hpp"
#include "layout.hpp"
#include "surfaces.hpp"
#include "theme.hpp"
#include "view_common.hpp"
#include <string>
#include <string_view>

namespace ui {

// A full-width (width <= 0) or fixed-width button, at least 48 CSS px tall.
bool button(std::string_view label, float width = 0, bool enabled = true);
// The same with an icon (icons.hpp) before the label; the mirror names it by the label alone.
bool button_with_icon(const char* icon, std::string_view label, float width = 0, bool enabled = true);
// A square-ish tile: the icon above a short label in the caption type (the map's shortcuts), at
// least `height` tall (tiles in a row share the tallest one's height).
bool tile_button(const char* icon, std::string_view label, float width, float height = 0);
// The height a tile needs for its icon and its label wrapped to `width`.
float tile_height(const char* icon, std::string_view label, float width);
// Text a screen reader should read; role "status" lines also feed the live region when they change.
void heading(std::string_view text, theme::Type type = theme::Type::Title);
void text(std::string_view text);
void status_line(std::string_view text);
// A quiet head over a group of rows or chips: Caption, muted, read as a heading.
void section_label(std::string_view text);
// A single-line text field; raises the phone keyboard. Returns true when Enter was pressed.
// `buffer` is owned by the caller and edited in place.
bool text_field(std::string_view label, std::string& buffer, std::string_view hint = {},
                bool digits_only = false);
// A search box: a magnifier inside, no visible label (`label` names it in the mirror), and a
// Clear search button beside it while it holds words. Returns true when Enter was pressed.
bool search_field(std::string_view label, std::string& buffer, std::string_view hint, float width = 0);
// With the on-screen keyboard up, scrolls the window so the text field just drawn stays above it.
void keep_above_keyboard();
// A selectable row (list item, radio choice). Returns true when tapped.
// `height` > 0 fixes the row's height (rows of a virtualised list must all be alike).
bool list_row(std::string_view label, bool selected = false, bool enabled = true, float height = 0);
// The height of a row holding `lines` lines of body text, at least a touch target.
float list_row_height(int lines);
// Lines `label` wraps to in a list row as wide as the space left on this line.
int list_row_lines(std::string_view label);

// What a place row's chip says at a glance: free, busy, out of order, not known.
enum class ChipTone { Good, Caution, Bad, Quiet };
// A row of a list of places: `title` on the first line with `chip` at its right end in `tone`,
// `detail` quiet under it; a line too long for the row ends in "…". The mirror reads `label`
// whole. `height` > 0 fixes the height (a virtualised list), else place_row_height().
bool place_row(std::string_view label, std::string_view title, std::string_view detail, std::string_view chip,
               ChipTone tone, float height = 0);
float place_row_height();
// The same row with `amount` in body type at the right end of the title's line (a past session).
bool amount_row(std::string_view label, std::string_view title, std::string_view detail, std::string_view amount);
// A line naming a group (a charge point) in body type with `chip` in `tone` at its right end;
// not tappable, mirrored as the text `name`.
void status_title(std::string_view title, std::string_view chip, ChipTone tone, std::string_view name);
// A charge point: its name with its status as a chip (mirrored "Chargestation-1 · Available"),
// then what keeps it from being used (not allowed, restricted access) and each connector
// ("Type 2 socket · 7.0 kW AC"), or only `connector_id`'s when given. The caller adds its buttons.
void evse_summary(const core::Evse& evse, std::string_view connector_id = {});
// A row that follows a link (a support contact): `icon` in the primary colour, `title` over the
// contact as written in `detail`, a chevron at the end; mirrored as a button named `label`.
bool link_row(const char* icon, std::string_view label, std::string_view title, std::string_view detail);

// Toggle chips laid out left to right from where the cursor is, wrapping to a new line when the
// next one does not fit: a pill with an outline, filled with a check when chosen. Each is a
// touch target tall; the mirror names it by its label, selected when chosen.
class ChipFlow {
public:
    ChipFlow();
    bool chip(std::string_view label, bool selected, bool enabled = true);
private:
    float left_, right_;
    bool first_ = true;
};

}  // namespace ui
