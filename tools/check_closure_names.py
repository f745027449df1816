#!/usr/bin/env python3
"""Checks that the Closure Compiler kept every property name the EM_JS blocks use.

Usage: check_closure_names.py SRC_DIR EVCHARGE_JS

Closure (ADVANCED) renames a property unless some externs file names it. A renamed name that
crosses to the page (web/*.js), to JSON from the server, to the tests or to a browser API the
compiler does not know silently stops matching. After minification every such name must still
stand in evcharge.js as written; a name that was renamed is gone from it. Names that only the
EM_JS code itself uses (renamed the same everywhere) are listed in INTERNAL. Exit 1 names each
missing property with its file; src/platform/closure_externs.js is where to add it.
"""
import pathlib
import re
import sys

# Properties that live only inside evcharge.js: renaming them is harmless.
INTERNAL = {'evTileJobs', 'evTileWake', 'evCellJobs', 'evCellWake', 'wanted', 'lock', 'installed',
            'getNewId', 'textures'}  # GL's own tables, from Emscripten's library_webgl.js

EM_JS = re.compile(r'\bEM_JS\s*\(')


def em_js_bodies(text):
    """The JavaScript of each EM_JS(ret, name, (args), { body }) in a C++ source."""
    for m in EM_JS.finditer(text):
        i = m.end()
        depth = 0  # skip "ret, name, (args)" up to the body's opening brace
        while i < len(text) and not (text[i] == '{' and depth == 0):
            depth += text[i] == '('
            depth -= text[i] == ')'
            i += 1
        start, depth = i, 0
        while i < len(text):
            depth += text[i] == '{'
            depth -= text[i] == '}'
            i += 1
            if depth == 0:
                break
        yield text[start:i]


def strip_strings_and_comments(js):
    js = re.sub(r'//[^\n]*', '', js)
    js = re.sub(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"", "''", js)
    return re.sub(r'/(?:\\.|[^/\\\n])+/[gimsuy]*(?=\.)', '', js)  # regex literals like /^https?:/i


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    src, js_file = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out = js_file.read_text(encoding='utf-8')
    kept = set(re.findall(r'[A-Za-z_$][\w$]*', out))
    missing = []
    for cpp in sorted(src.glob('*.cpp')):
        for body in em_js_bodies(cpp.read_text(encoding='utf-8')):
            code = strip_strings_and_comments(body)
            names = set(re.findall(r'\.\s*([A-Za-z_$][\w$]*)', code))
            names |= set(re.findall(r'[{,]\s*([A-Za-z_$][\w$]*)\s*:', code))  # object literal keys
            for name in sorted(names - INTERNAL - kept):
                missing.append(f'{cpp.name}: .{name}')
    if missing:
        print('check_closure_names: renamed by Closure; name them in src/platform/closure_externs.js:')
        for line in missing:
            print('  ' + line)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
