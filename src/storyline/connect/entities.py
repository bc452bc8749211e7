"""Stage 4: the same referent across articles becomes one corpus entity.

Pairwise comparison of every entity with every other does not scale, so
entities are first put in blocks by a key no two different referents are
likely to share and only compared inside a block:

- people by the folded surname (transliterations agree: Sergey/Sergei);
  full names merge when surname and first name agree, never on a first name
  alone; a surname on its own joins the one full name with that surname, and
  stays apart when two people share it;
- a single-word organisation that is the surname of exactly one person is
  that person (the small model reads "Doe" as ORG when no first name is near);
- a person an article never names ("the Phoenix-based center") joins the one
  named person whose roles share a distinctive word with its descriptions;
- places, organisations and groups by their canonical name.
Ids are slugs of the canonical name, so the same corpus gives the same ids.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from storyline.read.entities.reader import clean_name, fold
from storyline.read.entities.roles import (COUNTRIES, DEMONYMS, HONORIFICS, PERSON_NOUNS, TITLE_MODIFIERS, canonical_place)
from storyline.records import AnalysedArticle, Entity

_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du", "dos"}
_GENERIC = PERSON_NOUNS | TITLE_MODIFIERS | set(DEMONYMS) | {w.lower() for w in COUNTRIES} | {
    "the", "a", "an", "of", "and", "for", "in", "at", "former", "old", "year-old", "notorious", "jailed",
    "convicted", "detained", "imprisoned", "two-time", "three-time", "time", "new", "young", "elderly", "local"}
_PLACE_GROUP = {"GPE", "LOC", "FAC", "ORG"}
_ARTICLE = re.compile(r"(?:al|el|as|ash|ad|an|ar|az|bin|ibn|abu|bint)-[A-Z]")   # "al-Assad" is a name


@dataclass(frozen=True)
class CorpusEntity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    members: tuple[tuple[str, str], ...]  # (article_id, local entity id)


def is_name(text: str) -> bool:
    """A proper name rather than a description: every word capitalised, not only title words."""
    words = [w for w in re.split(r"[\s]+", text.strip()) if w]
    if not words or any(ch.isdigit() for ch in text):
        return False
    if not all(w[:1].isupper() or w.lower() in _PARTICLES or _ARTICLE.match(w) for w in words):
        return False
    return not all(w.lower().strip(".") in _GENERIC or w.lower() in HONORIFICS for w in words)


def _person_forms(e: Entity) -> list[list[str]]:
    forms = []
    for n in (e.name,) + tuple(e.aliases):
        n = clean_name(n)
        if is_name(n):
            words = [w for w in n.split() if w.lower() not in HONORIFICS]
            if words:
                forms.append(words)
    return forms


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def join_all(self, items: Iterable[int]) -> None:
        items = list(items)
        for i in items[1:]:
            self.join(items[0], i)


def _distinctive(e: Entity) -> set[str]:
    words = set()
    for text in (e.name,) + tuple(e.aliases) + tuple(e.roles):
        for w in re.findall(r"[A-Za-z][\w-]*", text):
            low = w.lower()
            if low not in _GENERIC and len(low) > 2 and not re.search(r"\d|-time$|-old$", low):
                words.add(low)
    return words


def resolve(analyses: Sequence[AnalysedArticle], story_of: Mapping[str, str] | None = None,
            trace: list | None = None) -> list[CorpusEntity]:
    """Merge the per-article entities that name the same referent.

    `trace`, when given, receives (rule, (article, local id) joined, (article, local id) it joined).
    """
    items = [(an.article_id, e) for an in analyses for e in an.entities]
    u = _Union(len(items))
    full: dict[tuple[str, str], list[int]] = defaultdict(list)       # (surname, first) -> items
    single: dict[str, list[int]] = defaultdict(list)                 # surname -> items named by it alone
    unnamed: list[int] = []
    others: dict[tuple[str, str], list[int]] = defaultdict(list)
    org_words: dict[str, list[int]] = defaultdict(list)
    retyped = _not_people(items)
    for i, (_, e) in enumerate(items):
        if e.type == "PERSON" and i not in retyped:
            forms = _person_forms(e)
            if not forms:
                unnamed.append(i)
                others[("UNNAMED", clean_name(e.name).lower())].append(i)
                continue
            longs = [f for f in forms if len(f) >= 2]
            for f in longs:
                full[(fold(f[-1]), fold(f[0]))].append(i)
            if not longs:
                single[fold(forms[0][-1])].append(i)
            continue
        key = retyped.get(i) or _other_key(e)
        others[key].append(i)
        name = clean_name(e.name)
        if e.type == "ORG" and " " not in name and not name.isupper() and is_name(name):
            org_words[fold(name)].append(i)
    for group in list(full.values()) + list(others.values()):
        u.join_all(group)
    # a surname alone (or an ORG that is one) joins the only person with that surname
    by_surname: dict[str, set[int]] = defaultdict(set)
    for (sur, _), group in full.items():
        by_surname[sur].add(u.find(group[0]))
    for sur in set(single) | set(org_words):
        people = {u.find(r) for r in by_surname.get(sur, ())}
        if len(people) == 1:
            u.join_all([next(iter(people))] + single.get(sur, []) + org_words.get(sur, []))
        elif not people:
            u.join_all(single.get(sur, []))
    # an unnamed person joins the one named person sharing a distinctive word of its descriptions
    index: dict[str, set[int]] = defaultdict(set)
    for i, (_, e) in enumerate(items):
        if e.type == "PERSON" and i not in unnamed:
            for w in {w for r in e.roles for w in _distinctive(Entity("", "", "", roles=(r,)))}:
                index[w].add(i)
    unnamed_roots = defaultdict(list)
    for i in unnamed:
        unnamed_roots[u.find(i)].append(i)
    for root, group in unnamed_roots.items():
        words = set().union(*(_distinctive(items[j][1]) for j in group))
        hits = {u.find(k) for w in words for k in index.get(w, ())} - {u.find(root)}
        if len(hits) == 1:
            hit = next(iter(hits))
            if trace is not None:
                trace.append(("description_join", items[root][0], items[root][1].id,
                              items[hit][0], items[hit][1].id))
            u.join(root, hit)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[u.find(i)].append(i)
    return _build([[items[i] for i in g] for g in groups.values()], set(unnamed), items, set(retyped))


def _other_key(e: Entity) -> tuple[str, str]:
    name = clean_name(e.name)
    if e.type in _PLACE_GROUP:
        return ("PLACE", canonical_place(name).lower())
    return (e.type, re.sub(r"s$", "", name.lower()) if e.type == "NORP" else name.lower())


def _not_people(items) -> dict[int, tuple[str, str]]:
    """PERSON entities whose every name the corpus mostly reads as a place, a club or a group.

    The small model calls "Chelsea", "Mali" or "Bataclan" a person in one
    article out of several; one such article used to turn the whole merged
    entity into a PERSON. A name counts as a person's only where more articles
    read it so than as anything else, and at least two read it otherwise; a
    name of two words ("Rami Makhlouf") is never moved: a first name and a
    surname together are a person even where a stray article says FAC. Returns item -> the key of the group it joins.
    """
    other_arts: dict[str, set[str]] = defaultdict(set)
    other_key: dict[str, tuple[str, str]] = {}
    person_arts: dict[str, set[str]] = defaultdict(set)
    for aid, e in items:
        if e.type == "PERSON":
            for n in {clean_name(n).lower() for n in (e.name,) + tuple(e.aliases) if is_name(clean_name(n))}:
                person_arts[n].add(aid)
        elif e.type in _PLACE_GROUP | {"NORP"}:
            key = _other_key(e)
            for n in {clean_name(e.name).lower(), key[1]}:
                other_arts[n].add(aid)
                other_key.setdefault(n, key)
    out = {}
    for i, (_, e) in enumerate(items):
        if e.type != "PERSON":
            continue
        names = {clean_name(n).lower() for n in (e.name,) + tuple(e.aliases) if is_name(clean_name(n))}
        if names and all(" " not in n and len(other_arts.get(n, ())) >= 2 and
                         len(other_arts.get(n, ())) > len(person_arts[n]) for n in names):
            out[i] = other_key[clean_name(e.name).lower()] if clean_name(e.name).lower() in other_key \
                else other_key[next(iter(sorted(names)))]
    return out


def _build(groups, unnamed_idx, items, retyped=frozenset()) -> list[CorpusEntity]:
    pos = {id(e): i for i, (_, e) in enumerate(items)}
    drafts = []
    for g in groups:
        types = Counter(e.type for _, e in g if pos[id(e)] not in retyped)
        typ = "PERSON" if types["PERSON"] else max(types, key=lambda t: (types[t], t == "GPE", t == "ORG"))
        named = [e for _, e in g if pos[id(e)] not in unnamed_idx and e.type == typ]
        pool = named or [e for _, e in g]
        counts = Counter(e.name for e in pool)
        if typ == "PERSON":
            name = max(counts, key=lambda n: (len(n.split()) if is_name(n) else 0, counts[n], -len(n), n))
        else:
            first = {}
            for e in pool:
                first.setdefault(e.name, pos[id(e)])
            name = max(counts, key=lambda n: (counts[n], n in COUNTRIES, -first[n]))
        aliases, seen = [], {name.lower()}
        for _, e in g:
            for a in (e.name,) + tuple(e.aliases):
                if a.lower() not in seen:
                    seen.add(a.lower())
                    aliases.append(a)
        roles, rseen = [], set()
        for _, e in g:
            for r in e.roles:
                if r.lower() not in rseen:
                    rseen.add(r.lower())
                    roles.append(r)
        members = tuple(sorted((aid, e.id) for aid, e in g))
        drafts.append((typ, name, tuple(aliases), tuple(roles), members))
    drafts.sort(key=lambda d: (d[0], d[1].lower(), d[4]))
    out, used = [], Counter()
    for typ, name, aliases, roles, members in drafts:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x"
        base = f"{typ.lower()}:{slug}"
        used[base] += 1
        eid = base if used[base] == 1 else f"{base}-{used[base]}"
        out.append(CorpusEntity(eid, name, typ, aliases, roles, members))
    return out
