#!/usr/bin/env python3
"""Subsets the UI fonts and writes them as a C++ source with the bytes and the matching glyph ranges.

Usage: make_font.py OUT.cpp [--full FONTS.ttc] [--regular FILE.ttf] [--bold FILE.ttf|none]
                            [--icons FILE.ttf|none] [--icons-header icons.hpp] [--report]
       make_font.py --check   (every character the texts use is in the text faces; for ctest)

`--bold none` leaves the bold face out (about 13 KB brotli less); headings then use the regular
face at heading size.

The faces come in two cuts. OUT.cpp holds what the first screen (the map) draws: the regular face
cut to Latin letters, a few signs and what the app's own words use (FIRST_LETTERS, FIRST_SIGNS),
the bold face cut to the map's title in every language and the clusters' digits (FIRST_BOLD_*),
and the map screen's icons (FIRST_ICONS). `--full` writes the faces whole as a TrueType collection
(regular, bold, icons), which the page fetches with the code's second part (web/boot.js) and the
atlas is then rebuilt from (platform/dpi_scale.cpp): until then a bold text's other letters come
from the regular face, and a character of neither cut (a name's ő) shows as ImGui's fallback glyph.

The text's glyph ranges live here only: the generated source carries them to ImGui (kGlyphRanges),
so the fonts and the atlas always agree on which characters exist. The icon font (Material Icons,
Apache 2.0) is cut to exactly the code points src/ui/widgets/icons.hpp names (kIconRanges), so
that header is the one list of icons; every constant there must name a glyph the font has, and its
comment's Material name must be the name the font gives that glyph. `--icons none` leaves it out.

The text faces hold RANGES (Latin as people type it: names, streets) and every character the app's own
words use, read from the string table's sources (TEXT_SOURCES: English and each translation, and the
locale formats' separators and month names): a new language's letters (é, ß, œ, ç, the no-break
spaces) come in with its translations, and a character the faces lack fails the build.
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
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
ICONS_HEADER = os.path.join(ROOT, 'src', 'ui', 'widgets', 'icons.hpp')
TEXT_DIR = os.path.join(ROOT, 'src', 'core', 'text')
# the string table (strings.hpp: English; strings_<code>.cpp: the translations) and the locale formats
TEXT_SOURCES = ('strings.hpp', 'strings_*.cpp', 'locale_format.cpp')

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

# The first screen's regular face: Basic Latin, the letters of Latin-1 (Western Europe's names and
# streets), these few signs (no-break space, pound, the map's credit ©, degree, the separator ·),
# and every character the app's own words use. The rest (Latin Extended-A's ő, ł, č; ¿, ½, ®;
# arrows and the like) comes with the whole faces a moment later.
FIRST_LETTERS = ((0x0020, 0x007E), (0x00C0, 0x00FF))
FIRST_SIGNS = '\u00a0\u00a3\u00a9\u00b0\u00b7'
# The bold letters the first screen draws: its title in each language (these string ids), the
# digits of the marker clusters, and what ImGui falls back to (?) and clips with (…).
FIRST_BOLD_STRINGS = ('MapTitle',)
FIRST_BOLD_EXTRA = '0123456789 .,?\u2026'
# The icons the map screen can show (icons.hpp's kIcon<name>); the others come with the whole faces.
FIRST_ICONS = ('AccountBalanceWallet', 'Add', 'ArrowBack', 'Close', 'CloudOff', 'Directions', 'History', 'Info',
               'MyLocation', 'QrCodeScanner', 'Refresh', 'Remove', 'Search', 'Settings', 'Star', 'StarBorder', 'Tune')


# A C++ string literal (no raw strings in these files), and the escapes inside one.
STRING_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)')


def literal_text(body):
    """The characters of a string literal's body, its escapes decoded (\\u00a0 is U+00A0)."""
    def decode(m):
        e = m.group(1)
        if e[0] in 'uU':
            return chr(int(e[1:], 16))
        if e[0] == 'x' or e[0].isdigit():
            return ''  # bytes of UTF-8 spelled out: none in the texts; their characters are typed as is
        return {'n': '\n', 't': '\t'}.get(e, e)
    return ESCAPE.sub(decode, body)


def text_code_points(text_dir=TEXT_DIR, patterns=TEXT_SOURCES):
    """{code point: first file that uses it} for every character in the string literals of the texts."""
    import glob
    used = {}
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(text_dir, pattern))):
            with open(path, encoding='utf-8') as f:
                source = f.read()
            for m in STRING_LITERAL.finditer(source):
                for c in literal_text(m.group(1)):
                    if ord(c) >= 0x20:
                        used.setdefault(ord(c), os.path.basename(path))
    if not used:
        sys.exit(f'make_font: no texts found in {text_dir}')
    return used


def first_bold_code_points(ids=FIRST_BOLD_STRINGS, text_dir=TEXT_DIR):
    """The code points of FIRST_BOLD_EXTRA and of the texts with these string ids, in every language
    (the string table's entries read as tools/make_strings.py reads them)."""
    import glob
    import make_strings
    found, cps = set(), {ord(c) for c in FIRST_BOLD_EXTRA}
    for pattern, entry in (('strings.hpp', make_strings.ENGLISH_ENTRY), ('strings_*.cpp', make_strings.ENTRY)):
        for path in sorted(glob.glob(os.path.join(text_dir, pattern))):
            with open(path, encoding='utf-8') as f:
                for m in entry.finditer(f.read()):
                    if m.group(1) in ids:
                        found.add(m.group(1))
                        cps |= {ord(c) for c in make_strings.unescape(m.group(2))}
    if found != set(ids):
        sys.exit(f'make_font: no text for {sorted(set(ids) - found)} in {text_dir}')
    return sorted(cps)


def first_unicodes(unicodes, used):
    """The first screen's regular face: FIRST_LETTERS, FIRST_SIGNS and what the texts use."""
    return [u for u in unicodes
            if any(lo <= u <= hi for lo, hi in FIRST_LETTERS) or chr(u) in FIRST_SIGNS or u in used]


def collection(faces):
    """The faces as one TrueType collection (font numbers in this order)."""
    from fontTools.ttLib.ttCollection import TTCollection
    ttc = TTCollection()
    ttc.fonts = [TTFont(io.BytesIO(data), recalcTimestamp=False) for data in faces]
    out = io.BytesIO()
    ttc.save(out)
    return out.getvalue()


def text_unicodes(used):
    """RANGES and the characters the texts use, sorted."""
    return sorted({u for lo, hi in RANGES for u in range(lo, hi + 1)} | set(used))


def check_text_faces(paths, used):
    """Every character the texts use is in each face; names what is missing and where it is used."""
    problems = []
    for path in paths:
        cmap = TTFont(path).getBestCmap()
        for cp, where in sorted(used.items()):
            if cp not in cmap:
                problems.append(f'U+{cp:04X} {chr(cp)!r} (in {where}) is not in {path}')
    if problems:
        sys.exit('make_font: ' + '\n  '.join(problems))


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
    font = TTFont(path, recalcTimestamp=False)  # the same bytes every build: content-hashed names stay
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
    ap.add_argument('out', nargs='?')
    ap.add_argument('--check', action='store_true', help='only check that the text faces hold every character '
                                                            'the texts use')
    ap.add_argument('--full', help='also write the whole faces here, a TrueType collection (regular, bold, icons)')
    ap.add_argument('--regular', default=os.path.join(DEJAVU, 'DejaVuSans.ttf'))
    ap.add_argument('--bold', default=os.path.join(DEJAVU, 'DejaVuSans-Bold.ttf'), help="a TTF, or 'none'")
    ap.add_argument('--icons', default=MATERIAL_ICONS, help="the icon font, or 'none'")
    ap.add_argument('--icons-header', default=ICONS_HEADER, help='the header naming the icons the UI uses')
    ap.add_argument('--report', action='store_true', help='print the subset sizes')
    args = ap.parse_args()

    used = text_code_points()
    faces = [args.regular] + ([] if args.bold == 'none' else [args.bold])
    check_text_faces(faces, used)
    if args.check:
        extra = sorted(cp for cp in used if not any(lo <= cp <= hi for lo, hi in RANGES))
        print(f'make_font: the texts use {len(used)} characters, all in {", ".join(faces)}; beyond the ranges: '
              + (' '.join(f'U+{cp:04X}' for cp in extra) or 'none'))
        return
    if not args.out:
        ap.error('give OUT.cpp, or --check')
    unicodes = text_unicodes(used)
    first = first_unicodes(unicodes, used)
    bold_first = first_bold_code_points()
    regular = subset_font(args.regular, first)
    bold = b'' if args.bold == 'none' else subset_font(args.bold, bold_first)
    icon_ranges, icon_first_ranges, icons, icons_first = [], [], b'', b''
    if args.icons != 'none':
        wanted = icon_code_points(args.icons_header)
        check_icons(args.icons, wanted)
        icons = subset_font(args.icons, unicodes=sorted(wanted), notdef_outline=False)
        icon_ranges = code_point_ranges(wanted)
        have = set(TTFont(io.BytesIO(icons)).getBestCmap())
        if have != set(wanted):
            sys.exit(f'make_font: the icon subset holds {len(have)} code points, not the {len(wanted)} asked for')
        by_name = {name: cp for cp, (name, _) in wanted.items()}
        unknown = sorted(set(FIRST_ICONS) - set(by_name))
        if unknown:
            sys.exit(f'make_font: FIRST_ICONS names icons {args.icons_header} does not have: {unknown}')
        first_icons = sorted(by_name[name] for name in FIRST_ICONS)
        icons_first = subset_font(args.icons, unicodes=first_icons, notdef_outline=False)
        icon_first_ranges = code_point_ranges(first_icons)
    if args.full:
        faces = [subset_font(args.regular, unicodes)] + ([] if args.bold == 'none' else [subset_font(args.bold, unicodes)])
        write_atomically(args.full, collection(faces + ([icons] if icons else [])))
    regular_ascent = ascent_fraction(regular)
    bold_ascent = ascent_fraction(bold) if bold else regular_ascent
    icons_ascent = ascent_fraction(icons) if icons else 1.0
    text = (
        '// Generated by tools/make_font.py from DejaVu Sans (subset, unhinted) and Material Icons\n'
        '// (Apache 2.0; cut to the code points src/ui/widgets/icons.hpp names). Do not edit.\n'
        '#include "platform/font_data.hpp"\n\n'
        'namespace platform::font_data {\n\n'
        + c_ranges('kGlyphRanges', code_point_ranges(unicodes)) + c_ranges('kFirstRanges', code_point_ranges(first))
        + c_ranges('kBoldFirstRanges', code_point_ranges(bold_first)) + c_ranges('kIconRanges', icon_ranges)
        + c_ranges('kIconFirstRanges', icon_first_ranges) + '\n'
        f'const float regular_ascent = {regular_ascent:.6f}f;\n'
        f'const float bold_ascent = {bold_ascent:.6f}f;\n'
        f'const float icons_ascent = {icons_ascent:.6f}f;\n\n'
        + c_array('regular', regular) + '\n' + c_array('bold', bold) + '\n' + c_array('icons', icons_first) +
        '\n}  // namespace platform::font_data\n')
    write_atomically(args.out, text.encode())
    if args.report:
        print(f'make_font: first screen: regular {len(regular)} B, bold {len(bold)} B ({len(bold_first)} code points), '
              f'icons {len(icons_first)} B ({len(FIRST_ICONS) if icons else 0} of '
              f'{sum(hi - lo + 1 for lo, hi in icon_ranges)} code points)'
              + (f'; {args.full}: {os.path.getsize(args.full)} B' if args.full else ''))


def write_atomically(path, data):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + '.tmp'
    with open(tmp, 'wb') as f:
        f.write(data)
    os.replace(tmp, path)


if __name__ == '__main__':
    main()
