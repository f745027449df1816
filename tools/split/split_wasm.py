#!/usr/bin/env python3
"""Splits the linked app (evcharge.wasm.orig, linked with -sSPLIT_MODULE and --profiling-funcs so
that it carries function names) into what the first screen needs and the rest, with Binaryen's
wasm-split: the functions named in KEEP (one per line, '#' starts a comment; written by
tools/split/profile.mjs) stay in PRIMARY, every other one moves to DEFERRED, which the page fetches
once the first screen is up (web/boot.js). Neither output keeps the names.

    python3 tools/split/split_wasm.py ORIG KEEP PRIMARY DEFERRED
    python3 tools/split/split_wasm.py --defined WASM   (the names of the functions WASM defines, one a
                                                      line; tools/split/profile.mjs reads them)

wasm-split looks functions up by name, and names the exports it adds for DEFERRED after them; the
app's names are long C++ signatures, so each function is renamed to "f<index>" first.
"""
import os
import re
import subprocess
import sys
import tempfile

FEATURES = ["--enable-sign-ext", "--enable-nontrapping-float-to-int", "--enable-mutable-globals"]


def leb(data, i):
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def uleb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def sections(data):
    """(id, custom name or '', start of payload, end) for each section."""
    i = 8
    while i < len(data):
        sid = data[i]
        size, j = leb(data, i + 1)
        name = ""
        if sid == 0:
            length, k = leb(data, j)
            name = data[k:k + length].decode("utf-8", "replace")
        yield sid, name, i, j, j + size
        i = j + size


def function_names(data):
    names = {}
    for sid, name, _, start, end in sections(data):
        if sid != 0 or name != "name":
            continue
        length, i = leb(data, start)
        i += length
        while i < end:
            kind = data[i]
            size, i = leb(data, i + 1)
            if kind == 1:
                count, k = leb(data, i)
                for _ in range(count):
                    index, k = leb(data, k)
                    length, k = leb(data, k)
                    names[index] = data[k:k + length].decode("utf-8", "replace")
                    k += length
            i += size
    return names


def imported_functions(data):
    """How many functions the module imports (their indices come before the ones it defines)."""
    for sid, _, _, start, _ in sections(data):
        if sid != 2:
            continue
        count, i = leb(data, start)
        functions = 0
        for _ in range(count):
            for _ in range(2):  # module and field names
                length, i = leb(data, i)
                i += length
            kind = data[i]
            i += 1
            if kind == 0:  # function: its type
                _, i = leb(data, i)
                functions += 1
            elif kind in (1, 2):  # table (element type first), memory: limits
                i += kind == 1
                flags, i = leb(data, i)
                _, i = leb(data, i)
                if flags & 1:
                    _, i = leb(data, i)
            else:  # global: value type and mutability
                i += 2
        return functions
    return 0


def without_names(data):
    out = bytearray(data[:8])
    for sid, name, begin, _, end in sections(data):
        if not (sid == 0 and name == "name"):
            out += data[begin:end]
    return bytes(out)


# The number the linker gives a local symbol ("strtox.3350", "ImQsort(...) (.325)"), which changes
# with any change to the program: a listed name is also found without it.
LOCAL_NUMBER = re.compile(r"( \(\.\d+\)|\.\d+)$")


def with_index_names(data, indices):
    body = bytearray(uleb(len(indices)))
    for index in sorted(indices):
        label = f"f{index}".encode()
        body += uleb(index) + uleb(len(label)) + label
    payload = uleb(4) + b"name" + bytes([1]) + uleb(len(body)) + body
    return without_names(data) + bytes([0]) + uleb(len(payload)) + payload


def main(argv):
    if len(argv) == 3 and argv[1] == "--defined":
        data = open(argv[2], "rb").read()
        first = imported_functions(data)
        for name in sorted({n for i, n in function_names(data).items() if i >= first}):
            print(name)
        return
    if len(argv) != 5:
        sys.exit(__doc__)
    orig, keep_file, primary, deferred = argv[1:]
    data = open(orig, "rb").read()
    names = function_names(data)
    if not names:
        sys.exit(f"split_wasm: {orig} has no function names (link with --profiling-funcs)")
    by_name, by_base = {}, {}
    for index, name in names.items():
        by_name.setdefault(name, []).append(index)
        by_base.setdefault(LOCAL_NUMBER.sub("", name), []).append(index)
    wanted = [line.rstrip("\n") for line in open(keep_file, encoding="utf-8")]
    wanted = [w for w in wanted if w and not w.startswith("#")]
    found = {w: by_name.get(w) or by_base.get(LOCAL_NUMBER.sub("", w), []) for w in wanted}
    keep = sorted({i for indices in found.values() for i in indices})
    missing = sum(1 for indices in found.values() if not indices)
    with tempfile.TemporaryDirectory() as tmp:
        renamed = os.path.join(tmp, "app.wasm")
        listed = os.path.join(tmp, "keep.txt")
        open(renamed, "wb").write(with_index_names(data, names.keys()))
        open(listed, "w").write("".join(f"f{i}\n" for i in keep))
        out1, out2 = os.path.join(tmp, "1.wasm"), os.path.join(tmp, "2.wasm")
        subprocess.run(["wasm-split", renamed, *FEATURES, "-g", "--keep-funcs", "@" + listed,
                        "--export-prefix=%", "-o1", out1, "-o2", out2], check=True)
        for src, dst in ((out1, primary), (out2, deferred)):
            open(dst, "wb").write(without_names(open(src, "rb").read()))
    print(f"[split] {len(keep)} of {len(names)} functions in the first part"
          f"{f'; {missing} listed names no longer exist' if missing else ''}: "
          f"{os.path.getsize(primary)} + {os.path.getsize(deferred)} bytes")


if __name__ == "__main__":
    main(sys.argv)
