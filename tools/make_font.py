#!/usr/bin/env python3
"""Subsets the UI fonts and writes them as a C++ source with the bytes and the matching glyph ranges.

Usage: make_font.py OUT.cpp [--regular FILE.ttf] [--bold FILE.ttf|none]
                            [--icons FILE.ttf|none] [--icons-header icons.hpp] [--report]

`--bold none` leaves the bold face out (about 13 KB brotli less); headings then use the regular
face at heading size.

The text's glyph ranges live here only: the generated source carries them to ImGui (kGlyphRanges),
so the fonts and the atlas always agree on which characters exist. The icon font (Material Icons,
Apache 2.0) is cut to exactly the code points src/ui/widgets/icons.hpp names (kIconRanges), so
that header is the one list of icons; every constant there must name a glyph the font has, and its
comment's Material name must be the name the font gives that glyph. `--icons none` leaves it out.
"""
import argparse
import io
import os
import re
import sys

try:
    from fontTools import subset
    from fontTools.ttLib import TTFont
except ImportError:  # a Python outside the system one (pyenv, venv) may not see Debian's package
    sys.path.append('/usr/lib/python3/dist-packages')
    from fontTools import subset
    from fontTools.ttLib import TTFont

DEJAVU = '/usr/share/fonts/truetype/dejavu'
MATERIAL_ICONS = '/usr/share/fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf'
ICONS_HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'ui', 'widgets', 'icons.hpp')

# Inclusive code point ranges: Basic Latin, Latin-1, Latin Extended-A, the punctuation people
# write (dashes, quotes, bullet, ellipsis, per mille, angle quotes), the euro, and the few symbols
# the screens use (arrows, approx, check, cross, dots, bolt).
RANGES = [
    (0x0020, 0x007E),
    (0x00A0, 0x017F),
    (0x2010, 0x2027),
    (0x2030, 0x2030),
    (0x2039, 0x203A),
    (0x20AC, 0x20AC),
    (0x2122, 0x2122),
    (0x2190, 0x2193),
    (0x2248, 0x2248),
    (0x25CB, 0x25CB),
    (0x25CF, 0x25CF),
    (0x26A1, 0x26A1),
    (0x2713, 0x2713),
    (0x2715, 0x2715),
]


def subset_font(path, unicodes=None, notdef_outline=True):
    options = subset.Options()
    options.hinting = False            # ImGui rasterizes unhinted; bytecode is dead weight
    options.layout_features = []       # no shaping in ImGui: GSUB/GPOS unused
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'kern', 'FFTM', 'MATH', 'gasp', 'cvt ', 'fpgm', 'prep']
    options.name_IDs = [1, 2]          # family and style only (licence text stays in the system font)
    options.name_languages = [0x409]
    options.glyph_names = False        # post format 3
    options.notdef_outline = notdef_outline
    options.recalc_bounds = True
    font = TTFont(path)
    if unicodes is None:
        unicodes = [u for lo, hi in RANGES for u in range(lo, hi + 1)]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


# One icon a line: `inline constexpr const char* kIconAdd = "\xEE\x85\x85";  // add`.
ICON_LINE = re.compile(r'\bkIcon(\w+)\s*=\s*"((?:\\x[0-9A-Fa-f]{2})+)"\s*;\s*//\s*([a-z0-9_]+)')


def icon_code_points(header):
    """{code point: (constant, Material name)} for every kIcon constant in the header."""
    icons = {}
    with open(header, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if 'kIcon' not in line or 'constexpr' not in line:
                continue
            m = ICON_LINE.search(line)
            if not m:
                sys.exit(f'{header}:{number}: an icon constant not in the form kIconName = "\\x..";  // material_name')
            name, escaped, material = m.groups()
            try:
                text = bytes(int(h, 16) for h in escaped.split('\\x')[1:]).decode('utf-8')
            except UnicodeDecodeError:
                sys.exit(f'{header}:{number}: kIcon{name} is not UTF-8')
            if len(text) != 1:
                sys.exit(f'{header}:{number}: kIcon{name} holds {len(text)} code points, not one')
            cp = ord(text)
            if cp in icons:
                sys.exit(f'{header}:{number}: kIcon{name} is U+{cp:04X} again (kIcon{icons[cp][0]})')
            icons[cp] = (name, material)
    if not icons:
        sys.exit(f'{header}: no kIcon constants found')
    return icons


def check_icons(path, icons):
    """Every code point is in the font, and its glyph is the one the font's ligature for the
    Material name gives (Material Icons spell their names as ligatures)."""
    font = TTFont(path)
    cmap = font.getBestCmap()
    ligatures = {}
    if 'GSUB' in font:
        for lookup in font['GSUB'].table.LookupList.Lookup:
            for table in lookup.SubTable:
                for first, ligs in getattr(table, 'ligatures', {}).items():
                    for lig in ligs:
                        ligatures[(first, *lig.Component)] = lig.LigGlyph
    problems = []
    for cp, (name, material) in sorted(icons.items()):
        glyph = cmap.get(cp)
        if glyph is None:
            problems.append(f'kIcon{name}: U+{cp:04X} is not in {path}')
            continue
        if ligatures:
            spelled = tuple(cmap.get(ord(c)) for c in material)
            by_name = ligatures.get(spelled)
            if by_name != glyph:
                problems.append(f'kIcon{name}: U+{cp:04X} is {glyph}, but "{material}" in the font is {by_name}')
    if problems:
        sys.exit('make_font: ' + '\n  '.join(problems))


def code_point_ranges(cps):
    """Sorted code points as inclusive (lo, hi) runs."""
    runs = []
    for cp in sorted(cps):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return [tuple(r) for r in runs]


def ascent_fraction(data):
    """hhea ascent / (ascent - descent): where ImGui puts the baseline in a line of this face."""
    hhea = TTFont(io.BytesIO(data))['hhea']
    return hhea.ascent / (hhea.ascent - hhea.descent)


def c_ranges(name, ranges):
    return f'const unsigned short {name}[] = {{' + ''.join(f'0x{lo:04X},0x{hi:04X},' for lo, hi in ranges) + '0};\n'


def c_array(name, data):
    lines = [] if data else ['    0,']  # no empty arrays in C++; the size says 0
    for i in range(0, len(data), 24):
        lines.append('    ' + ','.join(str(b) for b in data[i:i + 24]) + ',')
    return (f'alignas(4) const unsigned char {name}[] = {{\n' + '\n'.join(lines) + '\n};\n'
            f'const unsigned int {name}_size = {len(data)};\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('out')
    ap.add_argument('--regular', default=os.path.join(DEJAVU, 'DejaVuSans.ttf'))
    ap.add_argument('--bold', default=os.path.join(DEJAVU, 'DejaVuSans-Bold.ttf'), help="a TTF, or 'none'")
    ap.add_argument('--icons', default=MATERIAL_ICONS, help="the icon font, or 'none'")
    ap.add_argument('--icons-header', default=ICONS_HEADER, help='the header naming the icons the UI uses')
    ap.add_argument('--report', action='store_true', help='print the subset sizes')
    args = ap.parse_args()

    regular = subset_font(args.regular)
    bold = b'' if args.bold == 'none' else subset_font(args.bold)
    icon_ranges, icons = [], b''
    if args.icons != 'none':
        wanted = icon_code_points(args.icons_header)
        check_icons(args.icons, wanted)
        icons = subset_font(args.icons, unicodes=sorted(wanted), notdef_outline=False)
        icon_ranges = code_point_ranges(wanted)
        have = set(TTFont(io.BytesIO(icons)).getBestCmap())
        if have != set(wanted):
            sys.exit(f'make_font: the icon subset holds {len(have)} code points, not the {len(wanted)} asked for')
    regular_ascent = ascent_fraction(regular)
    bold_ascent = ascent_fraction(bold) if bold else regular_ascent
    icons_ascent = ascent_fraction(icons) if icons else 1.0
    text = (
        '// Generated by tools/make_font.py from DejaVu Sans (subset, unhinted) and Material Icons\n'
        '// (Apache 2.0; cut to the code points src/ui/widgets/icons.hpp names). Do not edit.\n'
        '#include "platform/font_data.hpp"\n\n'
        'namespace platform::font_data {\n\n'
        + c_ranges('kGlyphRanges', RANGES) + c_ranges('kIconRanges', icon_ranges) + '\n'
        f'const float regular_ascent = {regular_ascent:.6f}f;\n'
        f'const float bold_ascent = {bold_ascent:.6f}f;\n'
        f'const float icons_ascent = {icons_ascent:.6f}f;\n\n'
        + c_array('regular', regular) + '\n' + c_array('bold', bold) + '\n' + c_array('icons', icons) +
        '\n}  // namespace platform::font_data\n')
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + '.tmp'
    with open(tmp, 'w') as f:
        f.write(text)
    os.replace(tmp, args.out)
    if args.report:
        print(f'make_font: regular {len(regular)} B, bold {len(bold)} B, '
              f'icons {len(icons)} B ({sum(hi - lo + 1 for lo, hi in icon_ranges)} code points)')


if __name__ == '__main__':
    main()
