"""A story as stage 4 keeps it between articles and runs: centroids, dates, names, candidate headlines.

The centroids are sums of the members' vectors (never averages, so adding an
article or merging two stories is exact and order-free), each cut to its
heaviest keys so that a story's size in memory and in the store is bounded
whatever its number of articles. `to_bytes`/`from_bytes` give the opaque blob
the store keeps beside the Story record.
"""
from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np

from storyline.connect.given_names import full_forms
from storyline.read.entities import fold
from storyline.records import Story

from .profile import Profile
from .terms import KINDS, name_keys, person_words, shown_form
from .vectors import EMPTY, Sparse, add, heaviest, norm, top, unit

WORDS_KEPT = 300
NAMES_KEPT = 60
DATES_KEPT = 24
HEADLINES_KEPT = 8
MEMBERS_KEPT = 12         # members kept for nearest-member signals: the first 4 and the latest 8
FOUNDERS = 4
LOOKUP_WORDS = 20
LOOKUP_NAMES = 8
MAIN_NAMES = 3


@dataclass
class StoryState:
    """What stage 4 needs of one story; `members` are the articles added in this run only."""

    id: str
    created: int                      # arrival number of its first article
    active: int                       # arrival number of its latest article
    size: int = 0                     # articles in the centroids (duplicates are members but not counted)
    words: Sparse = EMPTY
    names: dict[str, Sparse] = field(default_factory=lambda: {k: EMPTY for k in KINDS})
    months: Sparse = EMPTY
    years: Sparse = EMPTY
    dense: np.ndarray | None = None
    head: np.ndarray | None = None
    first: int | None = None          # date ordinals of the first and last dated article
    last: int | None = None
    outlets: dict[str, int] = field(default_factory=dict)
    display: dict[int, str] = field(default_factory=dict)
    named: dict[int, int] = field(default_factory=dict)       # articles naming each name key it keeps
    headlines: list[tuple[str, np.ndarray | None]] = field(default_factory=list)
    near: list[tuple[np.ndarray | None, Sparse]] = field(default_factory=list)   # kept members: (body, names)
    members: list[str] = field(default_factory=list)
    merged_into: str | None = None
    _views: "Views | None" = field(default=None, repr=False, compare=False)
    _lookup: list[int] | None = field(default=None, repr=False, compare=False)

    def views(self) -> "Views":
        """What every comparison with this story needs, computed once per change of the story."""
        if self._views is None:
            self._views = Views(self)
        return self._views

    # ------------------------------------------------------------ updates
    def add(self, p: Profile) -> None:
        """Add one article's vectors to the centroids (a duplicate is only a member: it adds no evidence)."""
        self.members.append(p.id)
        self.active = max(self.active, p.seq)
        self._views = self._lookup = None
        if p.duplicate_of:
            return
        self.size += 1
        self.words = add(self.words, p.words, WORDS_KEPT)
        self.names = {k: add(self.names[k], p.names.get(k, EMPTY), NAMES_KEPT) for k in KINDS}
        self.months = add(self.months, p.months, DATES_KEPT)
        self.years = add(self.years, p.years, DATES_KEPT)
        self.dense = _vsum(self.dense, p.dense)
        self.head = _vsum(self.head, p.head)
        self._keep_members([(p.dense, p.all_names)])
        if p.day is not None:
            self.first = p.day if self.first is None else min(self.first, p.day)
            self.last = p.day if self.last is None else max(self.last, p.day)
        if p.outlet:
            self.outlets[p.outlet] = self.outlets.get(p.outlet, 0) + 1
        self._show(p.display)
        named = self.named
        for kind in KINDS:
            for k in p.names.get(kind, EMPTY)[0].tolist():
                named[k] = named.get(k, 0) + 1
        self._keep_headline(p.headline, p.head)
        self._prune_names()

    def absorb(self, other: "StoryState") -> None:
        """Merge `other` into this story; `other` is left marked as merged into this one."""
        self.members.extend(other.members)
        self._views = self._lookup = None
        self.created, self.active = min(self.created, other.created), max(self.active, other.active)
        self.size += other.size
        self.words = add(self.words, other.words, WORDS_KEPT)
        self.names = {k: add(self.names[k], other.names[k], NAMES_KEPT) for k in KINDS}
        self.months = add(self.months, other.months, DATES_KEPT)
        self.years = add(self.years, other.years, DATES_KEPT)
        self.dense, self.head = _vsum(self.dense, other.dense), _vsum(self.head, other.head)
        self._keep_members(other.near)
        days = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        self.first, self.last = (min(days), max(days)) if days else (None, None)
        for outlet, n in other.outlets.items():
            self.outlets[outlet] = self.outlets.get(outlet, 0) + n
        self._show(other.display)
        for k, n in other.named.items():
            self.named[k] = self.named.get(k, 0) + n
        for text, vec in other.headlines:
            self._keep_headline(text, vec)
        self._prune_names()
        other.members, other.merged_into = [], self.id

    def _keep_members(self, members: list[tuple[np.ndarray | None, Sparse]]) -> None:
        self.near.extend(members)
        if len(self.near) > MEMBERS_KEPT:
            self.near = self.near[:FOUNDERS] + self.near[FOUNDERS - MEMBERS_KEPT:]

    def _keep_headline(self, text: str, vec: np.ndarray | None) -> None:
        if not text or any(text == t for t, _ in self.headlines):
            return
        self.headlines.append((text, vec))
        if len(self.headlines) > HEADLINES_KEPT:
            self.headlines.remove(min(self.headlines, key=self._centrality))

    def _centrality(self, item: tuple[str, np.ndarray | None]) -> float:
        return float(np.dot(item[1], self.head)) if item[1] is not None and self.head is not None else 0.0

    def _show(self, display: dict[int, str]) -> None:
        """Take another side's display forms (`terms.shown_form`)."""
        shown = self.display
        for k, v in display.items():
            shown[k] = shown_form(shown.get(k), v)

    def _prune_names(self) -> None:
        """Forget the display form and article count of every name key the centroids no longer keep."""
        live = set().union(*(v[0].tolist() for v in self.names.values()))
        for k in self.display.keys() - live:
            del self.display[k]
        for k in self.named.keys() - live:
            del self.named[k]

    # ------------------------------------------------------------ views
    def as_profile(self) -> Profile:
        """The story seen as one long article (its centroids), to compare it with other stories."""
        v = self.views()
        return Profile(id=self.id, seq=self.active, headline="", day=self.last, words=unit(self.words),
                       names=dict(self.names), all_names=top(v.all_names, NAMES_KEPT), months=self.months,
                       years=self.years, dense=v.dense, head=v.head, lookup=[(k, 1.0) for k in self.lookup_keys()])

    def lookup_keys(self) -> list[int]:
        """The keys under which the index files this story: its heaviest terms and names (computed once
        per change of the story)."""
        if self._lookup is None:
            self._lookup = heaviest(self.words, LOOKUP_WORDS)
            for kind in KINDS:
                self._lookup += heaviest(self.names[kind], LOOKUP_NAMES)
        return list(self._lookup)

    def main_names(self, kind: str) -> tuple[str, ...]:
        """Display forms of the main names of a kind: those most of its articles name, the heaviest first among
        as many (the weights alone would put a name one article's headline carries before the one every
        article names, in a small corpus where idf is flat); a surname (whose key gathers every mention of
        the person) is shown in its full form when the story has one, matched as spelled under
        `read.entities.fold` ("Assad" is Bashar al-Assad); a full name whose first name is a short form of a
        shown one's, or the other way round, is that person ("Andy Bailey" after "Andrew Bailey";
        `connect.given_names`)."""
        keys, weights = self.names[kind]
        ranked = sorted(range(len(keys)), key=lambda i: (-self.named.get(int(keys[i]), 0), -weights[i], i))
        names = [self.display[k] for k in (int(keys[i]) for i in ranked) if k in self.display]
        full: dict[str, str] = {}                     # a surname's spelling key -> the first full name with it
        for name in names:
            if " " in name:
                for _, short in name_keys("people", name)[::2]:           # its surnames (terms.name_keys)
                    full.setdefault(fold(short), name)
        shown: list[str] = []
        for name in names:
            if kind == "people" and " " not in name:
                name = full.get(fold(name), name)
            if not any(name in s or s in name or kind == "people" and _short_form_pair(name, s) for s in shown):
                shown.append(name)
                if len(shown) == MAIN_NAMES:
                    break
        return tuple(shown)

    def story(self) -> Story:
        """The Story record: the most central headline as title, outlets by article count."""
        title = max(self.headlines, key=self._centrality)[0] if self.headlines else ""
        day = lambda d: date.fromordinal(d) if d is not None else None  # noqa: E731
        return Story(id=self.id, title=title, article_ids=tuple(self.members),
                     outlets=tuple(sorted(self.outlets, key=lambda o: (-self.outlets[o], o))),
                     first=day(self.first), last=day(self.last), people=self.main_names("people"),
                     organisations=self.main_names("names"), places=self.main_names("places"),
                     merged_into=self.merged_into)

    # ------------------------------------------------------------ bytes
    def to_bytes(self) -> bytes:
        """A compact blob: a JSON header, then the raw arrays it lists."""
        arrays: list[tuple[str, np.ndarray]] = [("words.k", self.words[0]), ("words.w", self.words[1]),
                                                ("months.k", self.months[0]), ("months.w", self.months[1]),
                                                ("years.k", self.years[0]), ("years.w", self.years[1])]
        for kind in KINDS:
            arrays += [(f"{kind}.k", self.names[kind][0]), (f"{kind}.w", self.names[kind][1])]
        for name, vec in (("dense", self.dense), ("head", self.head)):
            if vec is not None:
                arrays.append((name, vec.astype(np.float32)))
        heads = [(t, i) for i, (t, v) in enumerate(self.headlines)]
        for i, (vec, names) in enumerate(self.near):
            arrays += [(f"near.{i}.k", names[0]), (f"near.{i}.w", names[1])]
            if vec is not None:
                arrays.append((f"near.{i}", vec.astype(np.float32)))
        arrays += [(f"headline.{i}", v.astype(np.float32)) for i, (_, v) in enumerate(self.headlines) if v is not None]
        header = {"id": self.id, "created": self.created, "active": self.active, "size": self.size,
                  "first": self.first, "last": self.last, "outlets": self.outlets,
                  "display": {str(k): v for k, v in self.display.items()},
                  "named": {str(k): n for k, n in self.named.items()}, "headlines": [t for t, _ in heads],
                  "near": len(self.near),
                  "arrays": [(name, str(a.dtype), len(a)) for name, a in arrays]}
        head = json.dumps(header, ensure_ascii=False).encode("utf-8")
        return struct.pack("<I", len(head)) + head + b"".join(a.tobytes() for _, a in arrays)

    @classmethod
    def from_bytes(cls, blob: bytes) -> "StoryState":
        (n,) = struct.unpack_from("<I", blob)
        header = json.loads(blob[4:4 + n].decode("utf-8"))
        arrays, at = {}, 4 + n
        for name, dtype, length in header["arrays"]:
            a = np.frombuffer(blob, dtype=dtype, count=length, offset=at).copy()
            arrays[name] = a
            at += a.nbytes
        pair = lambda p: (arrays[f"{p}.k"], arrays[f"{p}.w"])  # noqa: E731
        return cls(id=header["id"], created=header["created"], active=header["active"], size=header["size"],
                   words=pair("words"), names={k: pair(k) for k in KINDS}, months=pair("months"),
                   years=pair("years"), dense=arrays.get("dense"), head=arrays.get("head"),
                   first=header["first"], last=header["last"], outlets=header["outlets"],
                   display={int(k): v for k, v in header["display"].items()},
                   named={int(k): n for k, n in header.get("named", {}).items()},
                   headlines=[(t, arrays.get(f"headline.{i}")) for i, t in enumerate(header["headlines"])],
                   near=[(arrays.get(f"near.{i}"), pair(f"near.{i}")) for i in range(header["near"])])


class Views:
    """Derived views of a story or an article, each computed on first use (a story makes new ones when it
    changes): its names of every kind together, main names, key sets, norms and unit vectors."""

    def __init__(self, of: "StoryState | Profile"):
        self._vectors = {"words": of.words, "years": of.years, "months": of.months,
                         **{kind: of.names.get(kind, EMPTY) for kind in KINDS}}
        self._dense, self._head = of.dense, of.head
        self._display = of.display
        self._keys: dict[str, frozenset[int]] = {}
        self._norms: dict[str, float] = {}
        self._totals: dict[str, float] = {}

    @cached_property
    def all_names(self) -> Sparse:
        """The names of every kind, cut to their 4 x NAMES_KEPT heaviest."""
        out = EMPTY
        for kind in KINDS:
            out = add(out, self._vectors[kind], 4 * NAMES_KEPT)
        return out

    @cached_property
    def all_keys(self) -> frozenset[int]:
        return frozenset(self.all_names[0].tolist())

    @cached_property
    def main_names(self) -> frozenset[int]:
        """The keys of the MAIN_NAMES heaviest names of any kind, a person's surname and full-name keys
        counted as one name (else one person, under both keys, is two of the three)."""
        same: dict[int, set[int]] = {}                # a person's key -> every key of that person here
        people = set(self._vectors["people"][0].tolist())
        for k in people:
            if (shown := self._display.get(k)) and " " in shown:
                keys = {pk for pk, _ in name_keys("people", shown) if pk in people}
                for pk in keys:
                    same.setdefault(pk, set()).update(keys)
        out: set[int] = set()
        taken = 0
        for k in heaviest(self.all_names, 3 * MAIN_NAMES):
            if k in out:
                continue
            out.update(same.get(k, (k,)))
            taken += 1
            if taken == MAIN_NAMES:
                break
        return frozenset(out)

    @cached_property
    def full_names(self) -> dict[int, tuple[tuple[str, ...], ...]]:
        """Surname key -> the full names (as `terms.person_words`) of the people this side names with that
        surname, from the display forms of its full-name keys (a surname only ever written alone has none)."""
        out: dict[int, tuple[tuple[str, ...], ...]] = {}
        for k in self._vectors["people"][0].tolist():
            shown = self._display.get(k)
            if not shown or " " not in shown:
                continue
            keys = name_keys("people", shown)
            for (surname, _), (full, _) in zip(keys[::2], keys[1::2]):      # (surname key, full-name key) pairs
                if full == k:
                    out[surname] = (*out.get(surname, ()), tuple(person_words(shown)))
        return out

    @cached_property
    def main_people(self) -> tuple[int, ...]:
        """The three heaviest people, heaviest first."""
        return tuple(heaviest(self._vectors["people"], 3))

    @cached_property
    def dense(self) -> np.ndarray | None:
        """The unit body vector (None when absent or zero)."""
        return _unit(self._dense)

    @cached_property
    def head(self) -> np.ndarray | None:
        """The unit headline vector (None when absent or zero)."""
        return _unit(self._head)

    def vector(self, name: str) -> Sparse:
        """One of the vectors by name: words, years, months, a kind of names, or all_names."""
        return self.all_names if name == "all_names" else self._vectors[name]

    def keys(self, name: str) -> frozenset[int]:
        if (out := self._keys.get(name)) is None:
            out = self._keys[name] = frozenset(self.vector(name)[0].tolist()) if name != "all_names" else self.all_keys
        return out

    def norm(self, name: str) -> float:
        if (out := self._norms.get(name)) is None:
            out = self._norms[name] = norm(self.vector(name))
        return out

    def total(self, name: str) -> float:
        """The sum of the weights of a vector."""
        if (out := self._totals.get(name)) is None:
            out = self._totals[name] = float(self.vector(name)[1].sum())
        return out


def _unit(v: np.ndarray | None) -> np.ndarray | None:
    """v / its norm as float32 (the norm as np.linalg.norm computes it, sqrt(v . v), without its overhead)."""
    return None if v is None or not v.any() else (v / np.sqrt(v.dot(v))).astype(np.float32)


def new(p: Profile, story_id: str) -> StoryState:
    """A story holding one article."""
    s = StoryState(id=story_id, created=p.seq, active=p.seq)
    s.add(p)
    return s


def _vsum(a: np.ndarray | None, b: np.ndarray | None) -> np.ndarray | None:
    if b is None:
        return a
    return b.astype(np.float32).copy() if a is None else a + b


def namesakes(a: Views, b: Views) -> frozenset[int]:
    """The surname keys both sides hold only for different people: each side names someone of that surname in
    full, and no full name on one side may be one on the other (`_same_person`). "Paul Whitfield" in one story
    and "Thomas Whitfield" in another share the key of "Whitfield" and nothing else: a common surname (Kim,
    Smith, Wang) says nothing about whose story it is."""
    fa, fb = a.full_names, b.full_names
    if not fa or not fb:
        return frozenset()
    return frozenset(k for k in fa.keys() & fb.keys()
                     if not any(_same_person(x, y) for x in fa[k] for y in fb[k]))


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one surname that may be one person: a word before the surname in common ("Datuk Seri
    Najib Razak", "Najib Razak"), or first names one a short form of the other ("Tom", "Thomas")."""
    return bool(set(a[:-1]) & set(b[:-1])) or _short_forms(a[0], b[0])


def _short_form_pair(a: str, b: str) -> bool:
    """Whether two full names share a surname and one's first name is a short form of the other's ("Bob Iger",
    "Robert Iger"), compared as `read.entities.fold` spells names."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or fold(wa[-1]) != fold(wb[-1]):
        return False
    return _short_forms(fold(wa[0]), fold(wb[0]))


def _short_forms(a: str, b: str) -> bool:
    """Whether one of two folded first names is a usual short form of the other ("bob", "robert")."""
    return a in full_forms(b) or b in full_forms(a)
