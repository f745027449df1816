// The embedded UI fonts. The definitions are generated at build time by tools/make_font.py.
#pragma once

namespace platform::font_data {

// Zero-terminated pairs of inclusive code point ranges, the same ones the fonts were cut to.
extern const unsigned short kGlyphRanges[];

extern const unsigned char regular[];  // DejaVu Sans, body text
extern const unsigned int regular_size;
extern const unsigned char bold[];     // DejaVu Sans Bold, headings
extern const unsigned int bold_size;  // 0 when built without the bold face

}  // namespace platform::font_data
