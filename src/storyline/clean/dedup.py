"""Exact and near-duplicate keys for articles.

Syndicated copies differ from their source by a headline, a byline, a
trailing credit or a lightly edited sentence, so exact hashing alone misses
them. MinHash over word 5-shingles estimates the Jaccard similarity of two
texts from fixed-size signatures, and LSH banding turns "which stored text is
similar to this one" into a few indexed bucket look-ups instead of a pass over
the corpus. Hashes are seeded constants (not Python's salted `hash`) so the
same text gets the same signature in every process and every run.

A version is the other kind of near-duplicate: an outlet's update of its own
story ("UPDATE 2", the print edition of a web story, a live page that grew)
rewrites the lede, changes a figure and adds paragraphs, so its similarity to
the first version falls below the copy threshold while nearly all of the
shorter version is still in the longer one. `is_version` judges that; the
store records a version as it records a copy (`Article.duplicate_of`, the
model's one relation between two stored articles: the later-stored names the
earlier), and both keep their whole text, so what the update adds is still read.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

from storyline.clean.outlets import same_outlet
from storyline.records import Article

PERMUTATIONS = 128
BANDS = 32                       # 32 bands x 4 rows: pairs above ~0.6 Jaccard meet in some band
ROWS = PERMUTATIONS // BANDS
SHINGLE = 3
_MASKS = np.random.RandomState(20221208).randint(0, 1 << 62, size=PERMUTATIONS, dtype=np.int64).astype(np.uint64)
_WORD = re.compile(r"\w+")
VERSION_FLOOR = 0.3              # estimated similarity below which a stored article is never read as a version
VERSION_OVERLAP = 0.75           # share of the shorter version's shingles the longer one must hold
VERSION_DAYS = 2                 # versions' publication days (when both are known) lie at most this far apart


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(text)


def text_hash(text: str) -> str:
    """Hash of the words alone, so spacing, punctuation and case never hide a copy."""
    return hashlib.sha1(" ".join(words(text)).encode()).hexdigest()


def shingles(text: str) -> set[str]:
    """The text's word SHINGLE-grams (casefolded words), as one string each."""
    toks = words(text)
    return {" ".join(toks[i:i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}


def _judged(text: str) -> bool:
    """Whether a text is long enough to judge as a copy or a version."""
    return len(words(text)) >= 2 * SHINGLE


def signature(text: str) -> list[int] | None:
    """MinHash signature of the text's word shingles; None for texts too short to judge."""
    if not _judged(text):
        return None
    shingles_ = shingles(text)
    hashed = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
                          for s in shingles_), dtype=np.uint64, count=len(shingles_))
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


def overlap(text: str, other: str) -> float:
    """The share of the shorter text's shingles that the longer one holds (0.0 when either has none)."""
    a, b = shingles(text), shingles(other)
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def is_version(article: Article, other: Article) -> bool:
    """Whether two articles are versions of one story of one outlet: the same outlet (both known), at least
    VERSION_OVERLAP of the shorter text's shingles in the longer, and publication days, where both are
    known to the day, at most VERSION_DAYS apart (a story refiled with a new lede a week later is another
    story). Texts too short to judge (`signature` None) are no versions."""
    if not same_outlet(article.outlet, other.outlet) or not (_judged(article.text) and _judged(other.text)):
        return False
    p, q = article.published, other.published
    if p is not None and q is not None and p.exact and q.exact and abs((p.earliest - q.earliest).days) > VERSION_DAYS:
        return False
    return overlap(article.text, other.text) >= VERSION_OVERLAP
