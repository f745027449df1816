#!/usr/bin/env python3
"""Checks the C++ parts' shape (ARCHITECTURE.md): each part folder under src/core and src/ui has a
public header named after it that opens with a comment saying what the part offers, and nothing
outside a part includes any of its headers but that one. (Which parts may include which is
enforced by the build itself: each part's include root holds only the parts it links.)
Tests may include a part's inner headers. Prints every breach as FILE:LINE: what; exits 1 on any.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = re.compile(r'^\s*#\s*include\s+"((core|ui)/([a-z_]+)/([A-Za-z0-9_]+\.hpp))"')


def parts():
    for tree in ("core", "ui"):
        base = os.path.join(ROOT, "src", tree)
        for name in sorted(os.listdir(base)):
            if os.path.isdir(os.path.join(base, name)):
                yield tree, name


def owner(path):
    """(tree, part) a source file belongs to, or None outside the parts."""
    rel = os.path.relpath(path, os.path.join(ROOT, "src")).split(os.sep)
    if len(rel) == 3 and rel[0] in ("core", "ui"):
        return rel[0], rel[1]
    return None


def main():
    problems = []
    known = set(parts())
    for tree, name in sorted(known):
        header = os.path.join(ROOT, "src", tree, name, name + ".hpp")
        if not os.path.isfile(header):
            problems.append(f"src/{tree}/{name}: no public header {name}.hpp")
            continue
        with open(header, encoding="utf-8") as f:
            first = f.readline()
        if not first.startswith("//"):
            problems.append(f"src/{tree}/{name}/{name}.hpp:1: does not open with what the part offers")
    for dirpath, _, files in os.walk(os.path.join(ROOT, "src")):
        for fname in files:
            if not fname.endswith((".cpp", ".hpp")):
                continue
            path = os.path.join(dirpath, fname)
            mine = owner(path)
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = (m.group(2), m.group(3))
                    rel = os.path.relpath(path, ROOT)
                    if target not in known:
                        problems.append(f"{rel}:{number}: {m.group(1)} is in no part")
                    elif target != mine and m.group(4) != target[1] + ".hpp":
                        problems.append(f"{rel}:{number}: includes {m.group(1)}; other parts include "
                                        f"only {target[0]}/{target[1]}/{target[1]}.hpp")
    for p in problems:
        print(p)
    print(f"{len(known)} parts checked: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
