// The embedded UI fonts. The definitions are generated at build time by tools/make_font.py.
#pragma once

namespace platform::font_data {

// Zero-terminated pairs of inclusive code point ranges, the same ones the fonts were cut to.
extern const unsigned short kGlyphRanges[];

extern const unsigned char regular[];  // DejaVu Sans, body text
extern const unsigned int regular_size;
extern const unsigned char bold[];     // DejaVu Sans Bold, headings
extern const unsigned int bold_size;  // 0 when built without the bold face

// Material Icons (Apache 2.0), cut to the code points src/ui/widgets/icons.hpp names; merged into
// each text font. The ranges are zero-terminated pairs like kGlyphRanges.
extern const unsigned short kIconRanges[];
extern const unsigned char icons[];
extern const unsigned int icons_size;  // 0 when built without icons

// Each face's hhea ascent / (ascent - descent): where ImGui puts the baseline in a line of that
// face, as a fraction of its size. The icons are moved by these to sit centred on the text line.
extern const float regular_ascent;
extern const float bold_ascent;
extern const float icons_ascent;

}  // namespace platform::font_data
