// The embedded UI fonts. The definitions are generated at build time by tools/make_font.py.
#pragma once

namespace platform::font_data {

// Zero-terminated pairs of inclusive code point ranges, the same ones the fonts were cut to: the
// whole text faces (evcharge.fonts.ttc, fetched with the code's second part), and the cuts below.
extern const unsigned short kGlyphRanges[];
extern const unsigned short kFirstRanges[];
extern const unsigned short kBoldFirstRanges[];

// The text faces as the first screen draws them, until the whole ones arrive (dpi_scale.cpp).
extern const unsigned char regular[];  // DejaVu Sans, body text: kFirstRanges
extern const unsigned int regular_size;
extern const unsigned char bold[];     // DejaVu Sans Bold, headings: kBoldFirstRanges
extern const unsigned int bold_size;  // 0 when built without the bold face

// Material Icons (Apache 2.0), cut to the code points src/ui/widgets/icons.hpp names (kIconRanges;
// the whole set is the collection's last face) and here to the map screen's (kIconFirstRanges);
// merged into each text font. The ranges are zero-terminated pairs like kGlyphRanges.
extern const unsigned short kIconRanges[];
extern const unsigned short kIconFirstRanges[];
extern const unsigned char icons[];
extern const unsigned int icons_size;  // 0 when built without icons

// Each face's hhea ascent / (ascent - descent): where ImGui puts the baseline in a line of that
// face, as a fraction of its size. The icons are moved by these to sit centred on the text line.
extern const float regular_ascent;
extern const float bold_ascent;
extern const float icons_ascent;

}  // namespace platform::font_data
