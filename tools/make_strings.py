#!/usr/bin/env python3
"""Writes the translations the web build fetches instead of linking: OUT_DIR/<code>.bin for each
src/core/text/strings_<code>.cpp, in the packed form of string_table.hpp (the same bytes the native
build compiles) behind an 8-byte header: "EVT1" and core::string_ids_hash() (FNV-1a over the ids of
strings.hpp, each followed by a comma), so a file of another build's ids is refused, not misread.

Usage: make_strings.py OUT_DIR
       make_strings.py --compare DUMPER   (ctest: the files equal what DUMPER, the native build's
                                           tables written out by tests/tools/strings_dump.cpp, writes)
"""
import argparse
import glob
import os
import re
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
TEXT_DIR = os.path.join(ROOT, 'src', 'core', 'text')
MAGIC = b'EVT1'
MISSING = 0xFFFF

ENGLISH_ENTRY = re.compile(r'^\s*X\((\w+),\s*"((?:[^"\\]|\\.)*)"\)', re.M)
ENTRY = re.compile(r'^\s*T\((\w+),\s*"((?:[^"\\]|\\.)*)"\)\s*$', re.M)
ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')


def unescape(body):
    def decode(m):
        e = m.group(1)
        if e[0] in 'uU':
            return chr(int(e[1:], 16))
        if e in ('"', '\\', "'", '?'):
            return e
        if e == 'n':
            return '\n'
        if e == 't':
            return '\t'
        sys.exit(f'make_strings: escape \\{e} is not supported in the texts')
    return ESCAPE.sub(decode, body)


def ids():
    with open(os.path.join(TEXT_DIR, 'strings.hpp'), encoding='utf-8') as f:
        found = [m.group(1) for m in ENGLISH_ENTRY.finditer(f.read())]
    if not found:
        sys.exit('make_strings: no ids in strings.hpp')
    return found


def ids_hash(names):
    h = 2166136261
    for name in names:
        for c in name.encode() + b',':
            h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def pack(path, names):
    """The file's bytes: header, a 16-bit offset per id (MISSING where the language lacks it), texts."""
    index = {name: i for i, name in enumerate(names)}
    offsets = [MISSING] * len(names)
    chars = bytearray()
    with open(path, encoding='utf-8') as f:
        source = f.read()
    for m in ENTRY.finditer(source):
        name, text = m.group(1), unescape(m.group(2))
        if name not in index:
            sys.exit(f'make_strings: {path}: unknown id {name}')
        if offsets[index[name]] != MISSING:
            sys.exit(f'make_strings: {path}: {name} listed twice')
        offsets[index[name]] = len(chars)
        chars += text.encode('utf-8') + b'\0'
    if len(chars) >= MISSING:
        sys.exit(f'make_strings: {path}: {len(chars)} bytes of text, more than 16-bit offsets reach')
    if len(re.findall(r'^\s*T\(', source, re.M)) != sum(o != MISSING for o in offsets):
        sys.exit(f'make_strings: {path}: a T(...) entry not on one line of its own')
    return MAGIC + struct.pack('<I', ids_hash(names)) + struct.pack(f'<{len(names)}H', *offsets) + bytes(chars)


def write_all(out_dir):
    names = ids()
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for path in sorted(glob.glob(os.path.join(TEXT_DIR, 'strings_*.cpp'))):
        code = re.fullmatch(r'strings_(\w+)\.cpp', os.path.basename(path)).group(1)
        data = pack(path, names)
        target = os.path.join(out_dir, f'{code}.bin')
        tmp = target + '.tmp'
        with open(tmp, 'wb') as f:
            f.write(data)
        os.replace(tmp, target)
        written.append(code)
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('out', nargs='?')
    ap.add_argument('--compare', metavar='DUMPER')
    args = ap.parse_args()
    if args.compare:
        with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as theirs:
            codes = write_all(ours)
            subprocess.run([args.compare, theirs], check=True)
            for code in codes:
                a = open(os.path.join(ours, f'{code}.bin'), 'rb').read()
                b = open(os.path.join(theirs, f'{code}.bin'), 'rb').read()
                if a != b:
                    sys.exit(f'make_strings: {code}.bin differs from the compiled table ({len(a)} B against {len(b)} B)')
            print(f'make_strings: {", ".join(codes)} match the compiled tables')
        return
    if not args.out:
        ap.error('give OUT_DIR, or --compare DUMPER')
    write_all(args.out)


if __name__ == '__main__':
    main()
