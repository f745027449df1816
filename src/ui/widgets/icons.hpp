// The icons the screens use: Material Icons code points (Private Use Area) as UTF-8 strings, and
// the icon-only button. The platform merges the icon font into each of the theme's fonts, at
// about 1.2x the text's size and centred on the text line, so an icon draws wherever text does.
// tools/make_font.py reads this file to cut the icon font to exactly these code points: one
// constant a line, `kIcon<Name> = "\x..";  // material_name`. An icon added here is in the next build.
#pragma once
#include <optional>
#include <string_view>

#include "theme.hpp"

namespace ui {

inline constexpr const char* kIconAdd                  = "\xEE\x85\x85";  // add
inline constexpr const char* kIconRemove               = "\xEE\x85\x9B";  // remove
inline constexpr const char* kIconMyLocation           = "\xEE\x95\x9C";  // my_location
inline constexpr const char* kIconInfo                 = "\xEE\xA2\x8E";  // info (the map's legend)
inline constexpr const char* kIconQrCodeScanner        = "\xEF\x88\x86";  // qr_code_scanner
inline constexpr const char* kIconTune                 = "\xEE\x90\xA9";  // tune (filters)
inline constexpr const char* kIconStar                 = "\xEE\xA0\xB8";  // star (a favourite)
inline constexpr const char* kIconStarBorder           = "\xEE\xA0\xBA";  // star_border (not a favourite)
inline constexpr const char* kIconAccountBalanceWallet = "\xEE\xA1\x90";  // account_balance_wallet
inline constexpr const char* kIconHistory              = "\xEE\xA2\x89";  // history
inline constexpr const char* kIconBolt                 = "\xEE\xA8\x8B";  // bolt (DC)
inline constexpr const char* kIconPower                = "\xEE\x98\xBC";  // power (AC)
inline constexpr const char* kIconEvStation            = "\xEE\x95\xAD";  // ev_station
inline constexpr const char* kIconCheckCircle          = "\xEE\xA1\xAC";  // check_circle
inline constexpr const char* kIconCheck                = "\xEE\x97\x8A";  // check
inline constexpr const char* kIconError                = "\xEE\x80\x80";  // error
inline constexpr const char* kIconWarning              = "\xEE\x80\x82";  // warning
inline constexpr const char* kIconSchedule             = "\xEE\xA2\xB5";  // schedule
inline constexpr const char* kIconArrowBack            = "\xEE\x97\x84";  // arrow_back
inline constexpr const char* kIconClose                = "\xEE\x97\x8D";  // close
inline constexpr const char* kIconSearch               = "\xEE\xA2\xB6";  // search
inline constexpr const char* kIconDirections           = "\xEE\x94\xAE";  // directions
inline constexpr const char* kIconCreditCard           = "\xEE\xA1\xB0";  // credit_card
inline constexpr const char* kIconHotel                = "\xEE\x94\xBA";  // hotel
inline constexpr const char* kIconReceiptLong          = "\xEE\xBD\xAE";  // receipt_long
inline constexpr const char* kIconSettings             = "\xEE\xA2\xB8";  // settings
inline constexpr const char* kIconDarkMode             = "\xEE\x94\x9C";  // dark_mode
inline constexpr const char* kIconLightMode            = "\xEE\x94\x98";  // light_mode
inline constexpr const char* kIconTextFields           = "\xEE\x89\xA2";  // text_fields (text size)
inline constexpr const char* kIconStop                 = "\xEE\x81\x87";  // stop
inline constexpr const char* kIconPlayArrow            = "\xEE\x80\xB7";  // play_arrow
inline constexpr const char* kIconRadioButtonChecked   = "\xEE\xA0\xB7";  // radio_button_checked
inline constexpr const char* kIconRadioButtonUnchecked = "\xEE\xA0\xB6";  // radio_button_unchecked
inline constexpr const char* kIconCheckBox             = "\xEE\xA0\xB4";  // check_box
inline constexpr const char* kIconCheckBoxOutlineBlank = "\xEE\xA0\xB5";  // check_box_outline_blank
inline constexpr const char* kIconChevronLeft          = "\xEE\x97\x8B";  // chevron_left
inline constexpr const char* kIconChevronRight         = "\xEE\x97\x8C";  // chevron_right
inline constexpr const char* kIconRefresh              = "\xEE\x97\x95";  // refresh
inline constexpr const char* kIconCall                 = "\xEE\x82\xB0";  // call
inline constexpr const char* kIconMail                 = "\xEE\x85\x98";  // mail
inline constexpr const char* kIconLanguage             = "\xEE\xA2\x94";  // language
inline constexpr const char* kIconMap                  = "\xEE\x95\x9B";  // map
inline constexpr const char* kIconList                 = "\xEE\xA2\x96";  // list
inline constexpr const char* kIconBatteryChargingFull  = "\xEE\x86\xA3";  // battery_charging_full
inline constexpr const char* kIconEuro                 = "\xEE\xA8\x95";  // euro
inline constexpr const char* kIconPlace                = "\xEE\x95\x9F";  // place
inline constexpr const char* kIconExpandLess           = "\xEE\x97\x8E";  // expand_less
inline constexpr const char* kIconExpandMore           = "\xEE\x97\x8F";  // expand_more
inline constexpr const char* kIconCloudOff             = "\xEE\x8B\x81";  // cloud_off

enum class IconButtonStyle {
    Floating,  // round, SurfaceRaised with a raised shadow, OnSurface icon: controls over the map
    Tonal,     // round, Secondary with an OnSecondary icon
    Plain,     // no fill, OnSurface icon: back and close in top bars
};

// An icon-only button of `size_css` (at least the 48 CSS px touch target) square at the cursor.
// `accessible_name` is its name in the accessibility mirror (what a screen reader says and what
// tests tap); the icon is only what the eye sees. Returns true when tapped or activated.
bool icon_button(const char* icon, std::string_view accessible_name, IconButtonStyle style = IconButtonStyle::Tonal,
                 bool enabled = true, float size_css = theme::kTouchCss);

// An icon, then `text` wrapped beside it, on one line of the current font; mirrored as the text
// alone (the icon is decoration). The icon takes `icon_role`'s colour, else the text's.
void icon_text(const char* icon, std::string_view text, std::optional<theme::Role> icon_role = std::nullopt);

}  // namespace ui
