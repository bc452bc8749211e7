"""Exact and near-duplicate keys for articles.

Syndicated copies differ from their source by a headline, a byline, a
trailing credit or a lightly edited sentence, so exact hashing alone misses
them. MinHash over word 5-shingles estimates the Jaccard similarity of two
texts from fixed-size signatures, and LSH banding turns "which stored text is
similar to this one" into a few indexed bucket look-ups instead of a pass over
the corpus. Hashes are seeded constants (not Python's salted `hash`) so the
same text gets the same signature in every process and every run.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

PERMUTATIONS = 128
BANDS = 32                       # 32 bands x 4 rows: pairs above ~0.6 Jaccard meet in some band
ROWS = PERMUTATIONS // BANDS
SHINGLE = 3
_MASKS = np.random.RandomState(20221208).randint(0, 1 << 62, size=PERMUTATIONS, dtype=np.int64).astype(np.uint64)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(text)


def text_hash(text: str) -> str:
    """Hash of the words alone, so spacing, punctuation and case never hide a copy."""
    return hashlib.sha1(" ".join(words(text)).encode()).hexdigest()


def signature(text: str) -> list[int] | None:
    """MinHash signature of the text's word shingles; None for texts too short to judge."""
    toks = words(text)
    if len(toks) < 2 * SHINGLE:
        return None
    shingles = {" ".join(toks[i:i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}
    hashed = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
                          for s in shingles), dtype=np.uint64, count=len(shingles))
    return _mix(hashed[:, None] ^ _MASKS[None, :]).min(axis=0).tolist()


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: each permutation must order shingles independently of the others.

    A linear hash (a*x + b mod p) with small factors keeps the order of x, so
    every permutation would pick the same minimum; this mixer does not.
    """
    with np.errstate(over="ignore"):
        h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def band_keys(sig: list[int]) -> list[str]:
    return [hashlib.blake2b(",".join(map(str, sig[b * ROWS:(b + 1) * ROWS])).encode(), digest_size=8).hexdigest()
            for b in range(BANDS)]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity: the share of permutations whose minimum agrees."""
    return sum(x == y for x, y in zip(a, b)) / len(a)
