"""TF-IDF sentence vectors and centroids, the summariser of DATEWISE.

Vectors are sparse dicts (term -> weight) of unit length: lower-cased word
tokens of two or more characters, English stop words removed (spaCy's list),
raw term counts times the smoothed inverse document frequency of scikit-learn's
`TfidfVectorizer` (idf = ln((1 + n) / (1 + df)) + 1), with sentences as the
documents, as news-tls fits it on the sentences of a topic.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

Vector = dict[str, float]
_TOKEN = re.compile(r"\b\w\w+\b")


def terms(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS and not t.isdigit()]


class Tfidf:
    """Inverse document frequencies fitted on a story's sentences."""

    def __init__(self, texts: Iterable[str]):
        df: Counter = Counter()
        n = 0
        for text in texts:
            df.update(set(terms(text)))
            n += 1
        self.idf = {t: math.log((1 + n) / (1 + k)) + 1 for t, k in df.items()}
        self.default = math.log(1 + n) + 1          # a term no fitted sentence had

    def vector(self, text: str) -> Vector:
        counts = Counter(terms(text))
        return unit({t: c * self.idf.get(t, self.default) for t, c in counts.items()})


def unit(v: Vector) -> Vector:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {t: x / norm for t, x in v.items()} if norm else {}


def total(vectors: Iterable[Vector], weight: float = 1.0) -> Vector:
    out: dict[str, float] = {}
    for v in vectors:
        for t, x in v.items():
            out[t] = out.get(t, 0.0) + weight * x
    return out


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two vectors (0 when either is empty)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(x * large.get(t, 0.0) for t, x in small.items())
    norm = math.sqrt(sum(x * x for x in a.values()) * sum(x * x for x in b.values()))
    return dot / norm if norm else 0.0


def knee(values: Sequence[float]) -> int:
    """Index of the knee of a descending curve: the point farthest from the line joining its ends."""
    n = len(values)
    if n < 3:
        return n - 1
    x0, y0, x1, y1 = 0.0, values[0], float(n - 1), values[-1]
    dx, dy = x1 - x0, y1 - y0
    norm = math.hypot(dx, dy) or 1.0
    distances = [abs(dy * i - dx * (v - y0)) / norm for i, v in enumerate(values)]
    return max(range(n), key=distances.__getitem__)
