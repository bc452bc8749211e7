"""An article as stage 4 compares it: weighted vectors built from its counts and the corpus's frequencies."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from storyline.records import Article

from .terms import KINDS, Counts, Memo, dateline_end
from .vectors import EMPTY, Sparse, add, heaviest, sparse, top, unit

WORDS_KEPT = 200          # heaviest terms of an article's TF-IDF vector
LOOKUP_WORDS = 10         # its heaviest terms used as look-up keys
LOOKUP_NAMES = 6          # its most salient names of each kind used as look-up keys
NAMES_KEPT = 24           # its most salient names of any kind, kept with the body vector of a story member
NARROW_DAYS = 31          # a publication date known to within this many days counts as a date


@dataclass
class Profile:
    """One article ready to compare with stories.

    `words` is a unit TF-IDF vector (sublinear tf, smoothed idf); `names` holds
    salience x idf per kind (people, places, names), `all_names` the
NAMES_KEPT most salient of any kind; `months`/`years` count the
    dates it names; `dense`/`head` are unit sentence embeddings of the body and
    of the headline (None when not given); `day` is the publication day as a
    date ordinal when the date is known to within NARROW_DAYS; `lookup` the
    (key, idf) pairs used to find candidate stories.
    """

    id: str
    seq: int
    headline: str
    outlet: str | None = None
    day: int | None = None
    words: Sparse = EMPTY
    names: dict[str, Sparse] = field(default_factory=dict)
    all_names: Sparse = EMPTY
    months: Sparse = EMPTY
    years: Sparse = EMPTY
    dense: np.ndarray | None = None
    head: np.ndarray | None = None
    display: dict[int, str] = field(default_factory=dict)
    lookup: list[tuple[int, float]] = field(default_factory=list)
    duplicate_of: str | None = None
    _views: object = field(default=None, repr=False, compare=False)

    def views(self):
        """Main names, key sets, norms and unit vectors (state.Views), each computed once."""
        if self._views is None:
            from .state import Views
            self._views = Views(self)
        return self._views


def idf(df: int, docs: int) -> float:
    """Smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1 (as scikit-learn's TfidfTransformer)."""
    return math.log((1 + docs) / (1 + df)) + 1.0


_TF = Memo(lambda n: 1.0 + math.log(n), 1 << 16)     # sublinear term frequency of a count
_IDFS: tuple[int, Memo] = (0, Memo(lambda df: idf(df, 0), 1 << 20))


def _idfs(docs: int) -> Memo:
    """`idf` of each document frequency over `docs` documents, memoised for one `docs` at a time (a run's
    chunk builds all its profiles with one)."""
    global _IDFS
    if _IDFS[0] != docs:
        _IDFS = (docs, Memo(lambda df: idf(df, docs), 1 << 20))
    return _IDFS[1]


def headline(article: Article) -> str:
    """The article's title, else its first sentence after the dateline (at most 200 characters): wire copy
    without a title starts "LONDON | Fri Aug 12, 2011 3:42 pm BST LONDON Aug 12 (Reuters) - ", which names
    no story."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    text = article.text.strip()
    first = re.split(r"(?<=[.!?])\s|\n", text[dateline_end(text):].lstrip(), maxsplit=1)[0]
    return " ".join(first.split())[:200]


def publication_day(article: Article) -> int | None:
    """The middle of the publication interval as a date ordinal, when it is at most NARROW_DAYS wide."""
    p = article.published
    if p is None or p.earliest is None or p.latest is None or (p.latest - p.earliest).days > NARROW_DAYS:
        return None
    return (p.earliest.toordinal() + p.latest.toordinal()) // 2


def build(article: Article, seq: int, counts: Counts, df: Mapping[int, int], docs: int,
          dense: np.ndarray | None = None, head: np.ndarray | None = None) -> Profile:
    """The profile of one article from its counts (`terms.count`) and document frequencies over `docs` articles."""
    idfs, tf = _idfs(docs), _TF
    w = {k: tf[n] * idfs[df.get(k, 1)] for k, n in counts.words.items()}
    words = top(unit(sparse(w)), WORDS_KEPT)
    names = {kind: sparse({k: s * idfs[df.get(k, 1)] for k, s in counts.names[kind].items()})
             for kind in KINDS}
    all_names = EMPTY
    for kind in KINDS:
        all_names = add(all_names, names[kind], NAMES_KEPT)
    lookup = {k: idfs[df.get(k, 1)] for k in heaviest(words, LOOKUP_WORDS)}
    for kind in KINDS:
        lookup.update({k: idfs[df.get(k, 1)] for k in heaviest(names[kind], LOOKUP_NAMES)})
    return Profile(
        id=article.id, seq=seq, headline=headline(article), outlet=article.outlet,
        day=publication_day(article), words=words, names=names, all_names=all_names,
        months=sparse(dict(counts.months)), years=sparse(dict(counts.years)),
        dense=dense, head=head, display=counts.display, lookup=sorted(lookup.items()),
        duplicate_of=article.duplicate_of)
