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
_PRIME = (1 << 61) - 1
_rng = np.random.RandomState(20221208)
_A = _rng.randint(1, 1 << 31, size=PERMUTATIONS, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, size=PERMUTATIONS, dtype=np.int64).astype(np.uint64)
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
    hashed = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little")
                          for s in shingles), dtype=np.uint64, count=len(shingles))
    # (a*x + b) mod p with x < 2^32 and a, b < 2^31 stays below 2^63: no overflow in uint64
    values = (np.outer(hashed, _A) + _B) % _PRIME
    return values.min(axis=0).tolist()


def band_keys(sig: list[int]) -> list[str]:
    return [hashlib.blake2b(",".join(map(str, sig[b * ROWS:(b + 1) * ROWS])).encode(), digest_size=8).hexdigest()
            for b in range(BANDS)]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity: the share of permutations whose minimum agrees."""
    return sum(x == y for x, y in zip(a, b)) / len(a)
