#!/usr/bin/env python3
"""Checks that the Node.js in use meets the engines.node range of every npm package installed.

Usage: check_node_engines.py [NODE_VERSION]
  NODE_VERSION (e.g. v18.20.4) defaults to what `node --version` prints.

Reads the packages package-lock.json lists, takes each one's engines.node from its installed
node_modules/**/package.json (the lock's copy when it is not installed), prints the Node version
and exits 1, naming each package, when a range is not met or is written in a form this check does
not read. npm itself only warns about such packages; the browser tests then fail at their first
line (playwright-core, for one, refuses to start on a Node it does not support).

Ranges are read as npm's semver reads them for a release version: comparators (<, <=, >, >=, =)
on full or partial versions, x-ranges (*, x, 18, 18.x), tilde (~), caret (^), hyphen ranges
(a - b), spaces for "and" and || for "or".
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INF = float('inf')


class RangeError(ValueError):
    pass


def parse_version(text):
    """'v18.20.4' -> (18, 20, 4). A prerelease or build suffix is dropped."""
    m = re.fullmatch(r'v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?', text.strip())
    if not m:
        raise ValueError(f'not a Node version: {text!r}')
    return tuple(int(g) for g in m.groups())


_PARTIAL = r'v?(\d+|[xX*])(?:\.(\d+|[xX*])(?:\.(\d+|[xX*])(-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)?)?'


def _partial(text):
    """'18' -> ([18], False), '18.x' -> ([18], False), '1.2.3-rc.1' -> ([1, 2, 3], True): the numbers
    before the first wildcard, and whether a prerelease tag follows them."""
    m = re.fullmatch(_PARTIAL, text)
    if not m:
        raise RangeError(text)
    nums, wild = [], False
    for g in m.groups()[:3]:
        if g is None:
            break
        if g in ('x', 'X', '*'):
            wild = True
        elif wild:
            raise RangeError(text)  # a number after a wildcard (1.x.2): not semver
        else:
            nums.append(int(g))
    return nums, m.group(4) is not None and len(nums) == 3


def _bump(nums):
    """The first version above every version matching the partial `nums` (non-empty)."""
    return tuple(nums[:-1]) + (nums[-1] + 1,) + (0,) * (3 - len(nums))


def _low(nums):
    return tuple(nums) + (0,) * (3 - len(nums))


def _upper(nums, pre):
    """The comparator for `<= nums` (a partial: below everything it matches); a prerelease
    1.2.3-rc sits below the release 1.2.3, so `<= 1.2.3-rc` is `< 1.2.3` for a release."""
    if pre:
        return ('<', _low(nums))
    return ('<=', _low(nums)) if len(nums) == 3 else ('<', _bump(nums))


NOTHING = [('<', (0, 0, 0))]


# A comparator set is a list of (op, version) with op in '>=', '<', '<='; version a 3-tuple.
# Versions tested are releases (Node's), so a prerelease tag in a range only moves a bound
# below its release: >=1.2.3-rc is >=1.2.3, <1.2.3-rc is <1.2.3, and =1.2.3-rc matches no release.
def _simple(tok):
    m = re.fullmatch(r'(<=|>=|<|>|=|~>|~|\^)?(.*)', tok)
    op, rest = m.group(1) or '', m.group(2)
    nums, pre = _partial(rest)
    if not nums:  # *, x, >=*, ~*, ^* ... all versions; <* and >* none
        return NOTHING if op in ('<', '>') else []
    if op in ('', '='):
        if pre:
            return NOTHING
        return [('>=', _low(nums)), _upper(nums, False)]
    if op == '>=':
        return [('>=', _low(nums))]
    if op == '>':
        return [('>=', _low(nums) if pre else _bump(nums))]
    if op == '<':
        return [('<', _low(nums))]
    if op == '<=':
        return [_upper(nums, pre)]
    if op in ('~', '~>'):  # ~1.2.3, ~1.2: >=1.2.x <1.3.0; ~1: >=1.0.0 <2.0.0
        return [('>=', _low(nums)), ('<', _bump(nums[:2]))]
    if op == '^':  # the upper bound bumps the first non-zero number given, else the last one given
        lead = next((i for i, n in enumerate(nums) if n != 0), len(nums) - 1)
        return [('>=', _low(nums)), ('<', _bump(nums[:lead + 1]))]
    raise RangeError(tok)


def parse_range(text):
    """A range string -> a list of comparator sets (any set matching means the range matches)."""
    sets = []
    for part in text.split('||'):
        part = part.strip()
        hyphen = re.fullmatch(r'(\S+)\s+-\s+(\S+)', part)
        if hyphen:
            (lo, _), (hi, hi_pre) = _partial(hyphen.group(1)), _partial(hyphen.group(2))
            comps = [('>=', _low(lo))] if lo else []
            if hi:
                comps.append(_upper(hi, hi_pre))
            sets.append(comps)
            continue
        # Operators may be followed by spaces (">= 18"): join them to their version first.
        tokens = re.sub(r'(<=|>=|<|>|=|~>|~|\^)\s+', r'\1', part).split()
        comps = []
        for tok in tokens or ['*']:
            comps += _simple(tok)
        sets.append(comps)
    return sets


def satisfies(version, range_text):
    for comps in parse_range(range_text):
        ok = True
        for op, v in comps:
            if (op == '>=' and not version >= v) or (op == '<' and not version < v) or (op == '<=' and not version <= v):
                ok = False
                break
        if ok:
            return True
    return False


def engines_of_installed(root):
    """[(package path, version, engines.node range)] for every package of the lock that declares one."""
    with open(os.path.join(root, 'package-lock.json')) as f:
        lock = json.load(f)
    out = []
    for path, meta in sorted(lock.get('packages', {}).items()):
        if not path.startswith('node_modules/'):
            continue
        try:
            with open(os.path.join(root, path, 'package.json')) as f:
                pkg = json.load(f)
        except OSError:
            if meta.get('optional'):
                continue  # an optional package this machine did not need
            pkg = meta
        engines = pkg.get('engines')
        rng = engines.get('node') if isinstance(engines, dict) else None
        if rng is not None:
            out.append((path, pkg.get('version'), rng))
    return out


def check(root, version):
    """(unmet, unread): lines naming the packages whose engines.node `version` does not meet, and
    those whose range this check cannot read."""
    unmet, unread = [], []
    for path, pkg_version, rng in engines_of_installed(root):
        try:
            if not satisfies(version, rng):
                unmet.append(f'  {path} {pkg_version} wants node {rng!r}')
        except RangeError as e:
            unread.append(f'  {path} {pkg_version}: engines.node {rng!r} (cannot read {str(e)!r})')
    return unmet, unread


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith('-')):
        sys.exit(__doc__.split('\n\n')[1])
    text = argv[1] if len(argv) == 2 else subprocess.run(['node', '--version'], capture_output=True, text=True, check=True).stdout
    version = parse_version(text)
    shown = 'v' + '.'.join(map(str, version))
    print(f'[setup] node {shown}', flush=True)
    unmet, unread = check(ROOT, version)
    if unread:
        print('[setup] engines.node ranges in a form tools/check_node_engines.py does not read; check them by hand:', file=sys.stderr)
        print('\n'.join(unread), file=sys.stderr)
    if unmet:
        print(f'[setup] node {shown} does not meet what these npm packages require:', file=sys.stderr)
        print('\n'.join(unmet), file=sys.stderr)
        print('[setup] install a Node.js they accept, or pin versions that accept this one in package.json '
              'and package-lock.json', file=sys.stderr)
    return 1 if unmet or unread else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
