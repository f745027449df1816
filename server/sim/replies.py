"""Pieces the simulator's endpoint modules share: the envelope of a whole list answer and short stable
digests (derived ids, query fingerprints)."""
import hashlib


def digest(text, n):
    return hashlib.sha256(text.encode()).hexdigest()[:n]


def listed(items, **extra):
    return {**extra, "data": items, "meta": {"count": len(items), "hasMoreData": False}}
