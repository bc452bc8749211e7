"""Stage 4: the same referent across articles becomes one corpus entity.

Pairwise comparison of every entity with every other does not scale, and
a name means one person within a story far more surely than across a
corpus, so entities are resolved per story (`resolve_story`: one story's
articles, or one article in no story), and only then linked across stories
by exact keys (`link`):

- in a story, people are put in blocks by the folded surname
  (transliterations agree: Sergey/Sergei; particles stay with it: "Van der
  Berg" is Pieter van der Berg's surname); full names merge when surname and
  first name agree, never on a first name or a surname alone; spellings of
  one name ("Gaddafi", "Qaddafi") merge when their consonant skeletons agree
  and the spellings are close, and a first name's usual short form joins it
  ("Bob Iger", "Robert Iger": `given_names`) when the story has one such
  full name;
- a surname on its own joins the one person of its story with that surname,
  and stays apart when two people share it or none has it; a single-word
  organisation that is such a surname is that person (the small model reads
  "Doe" as ORG when no first name is near); a one-word name that is no
  one's surname joins the one person whose name holds it inside ("Lula" is
  Luiz Inácio Lula da Silva), never one of two people who hold it;
- a person an article only describes joins a named person of the same story
  on an office, an event detail or a fact (`descriptions`), never across
  stories and never without stories;
- places, organisations and groups merge by their canonical name;
- across stories, the same full name (surname and first name) or the same
  canonical place, organisation or group name is the same referent; a
  surname alone or a description never leaves its story.
Ids are the canonical name's slug and a hash of the first key of the
referent (`corpus_entity`), or the name within its story for one that stays
there (`story_local`): the same stories give the same ids, whatever else the
corpus holds.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations
from sys import intern
from typing import Iterable, Mapping, Sequence

from storyline.connect.descriptions import links, parse_office
from storyline.connect.given_names import full_forms
from storyline.read.entities import names as _names
from storyline.read.entities.acronyms import expands, initials, is_acronym
from storyline.read.entities.names import PARTICLES, fold, name_key, tails
from storyline.read.entities.ner_types import without_legal_form
from storyline.read.entities.roles import (COUNTRIES, DEMONYMS, HONORIFICS, PERSON_NOUNS, TITLE_MODIFIERS, canonical_place)
from storyline.records import AnalysedArticle, CorpusEntity, Entity, Mention
from storyline.connect.union import Union

_GENERIC = PERSON_NOUNS | TITLE_MODIFIERS | set(DEMONYMS) | {w.lower() for w in COUNTRIES} | {
    "the", "a", "an", "of", "and", "for", "in", "at", "former", "old", "year-old", "notorious", "jailed",
    "convicted", "detained", "imprisoned", "two-time", "three-time", "time", "new", "young", "elderly", "local"}
_PLACE_GROUP = {"GPE", "LOC", "FAC", "ORG"}
_ARTICLE = re.compile(r"(?:al|el|as|ash|ad|an|ar|az|bin|ibn|abu|bint)-[A-Z]")   # "al-Assad" is a name
_NAMES = 1 << 17        # distinct names whose cleaned forms are remembered (a corpus repeats its names)

clean_name = lru_cache(maxsize=_NAMES)(_names.clean_name)
fold = lru_cache(maxsize=_NAMES)(fold)


def clear_caches() -> None:
    """Forget the names remembered by this module's memoised functions and `descriptions.parse_office`.

    For a long-lived process once a connect is done: at 10,000 articles the entries (interleaved on the heap
    with the records connect freed) kept ~660 MB resident (bench/results/throughput.txt).
    """
    for memo in (clean_name, fold, _name_key, is_name, _type_key, _lower_names, _skeleton, parse_office):
        memo.cache_clear()


@lru_cache(maxsize=_NAMES)
def _name_key(form: str, a_tail: bool) -> tuple[str, str]:
    """`names.name_key(form, tails)`, which reads `tails` only as whether it holds `form.lower()` (`a_tail`)."""
    return name_key(form, (form.lower(),) if a_tail else ())


@lru_cache(maxsize=_NAMES)
def is_name(text: str) -> bool:
    """A proper name rather than a description: every word capitalised, not only title words."""
    words = [w for w in re.split(r"[\s]+", text.strip()) if w]
    if not words or any(ch.isdigit() for ch in text):
        return False
    if not all(w[:1].isupper() or w.lower() in PARTICLES or _ARTICLE.match(w) for w in words):
        return False
    return not all(w.lower().strip(".") in _GENERIC or w.lower() in HONORIFICS for w in words)


def _person_forms(e: Entity) -> list[str]:
    """The names among a person's name and aliases, without honorifics ("Mr Doe" -> "Doe")."""
    forms = []
    for n in (e.name,) + tuple(e.aliases):
        n = clean_name(n)
        if is_name(n):
            words = [w for w in n.split() if w.lower() not in HONORIFICS]
            if words:
                forms.append(" ".join(words))
    return forms


@dataclass(frozen=True, slots=True)
class StoryEntity:
    """One referent as the articles of one story (or one article in no story) name it.

    `members`: (article id, per-article entity id, type, name, kind) in reading order; kind is `NAMED` for a
    named person or any other entity, `DESCRIBED` for a person the articles only describe, `RETYPED` for a
    person the story reads as a place or group (`_not_people`). `aliases` and `roles`: every name and
    alias, and every role, of the members in first-seen order, once each (case-blind). `keys`: what links it
    to the same referent in other stories (`link`): the full-name keys (folded surname, first name) of its
    named people and the type key of its other members; none for a person named by a surname alone or
    only described, who stays in its story.
    """

    keys: tuple[tuple[str, str], ...]
    members: tuple[tuple[str, str, str, str, int], ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


NAMED, DESCRIBED, RETYPED = 0, 1, 2


def entity_type(se: StoryEntity) -> str:
    """The type a story entity has in its story (`_type_and_name`)."""
    return se.members[0][2] if len(se.members) == 1 and se.members[0][4] != RETYPED else _type_and_name(se.members)[0]


def entity_name(se: StoryEntity) -> str:
    """The name a story entity has in its story (`_type_and_name`)."""
    return se.members[0][3] if len(se.members) == 1 and se.members[0][4] != RETYPED else _type_and_name(se.members)[1]


def resolve(analyses: Sequence[AnalysedArticle], story_of: Mapping[str, str] | None = None,
            trace: list | None = None) -> list[CorpusEntity]:
    """Merge the per-article entities that name or describe the same referent.

    `analyses`: stage 3's records (entities, and the events and facts that descriptions are matched on).
    `story_of`: article id -> story id, when stories are known: each story's articles are resolved
    together (`resolve_story`), an article in no story alone, and the results linked across stories by
    exact keys (`link`); without it the whole corpus is resolved as one group outside any story.
    `trace`: as `resolve_story` takes it. Returns corpus entities sorted by id.
    """
    linked = link({g: resolve_story(read, in_story, trace) for g, in_story, read in groups(analyses, story_of)})
    return sorted({e.id: e for e in linked.values()}.values(), key=lambda e: e.id)


def groups(analyses: Sequence[AnalysedArticle], story_of: Mapping[str, str] | None) \
        -> list[tuple[str, bool, list[AnalysedArticle]]]:
    """(group id, in a story, its analyses in order): a story's id, "article:" and the id of an article in no
    story, in order of first article; "corpus", outside any story, for every analysis when `story_of` is
    empty or None."""
    if not story_of:
        return [("corpus", False, list(analyses))] if analyses else []
    out: dict[str, tuple[str, bool, list]] = {}
    for an in analyses:
        sid = story_of.get(an.article_id)
        g = sid if sid is not None else "article:" + an.article_id
        out.setdefault(g, (g, sid is not None, []))[2].append(an)
    return list(out.values())


def resolve_story(analyses: Sequence[AnalysedArticle], in_story: bool = True, trace: list | None = None,
                  ) -> list[StoryEntity]:
    """The referents of one story's analyses (`in_story`) or of analyses in no story, in order of first member.

    Full names and other names merge on their keys (module docstring); `in_story`: spellings of one full
    name merge, and a person an article only describes joins a named person (`descriptions.links`);
    outside a story neither happens. A surname alone joins the one person of the analyses with it.
    `trace`, when given, receives (rule, article, local id, article, local id it joined, reason) for each
    spelling or description join.
    """
    by_item = [(an, e) for an in analyses for e in an.entities]
    items = [(an.article_id, e) for an, e in by_item]
    u = Union(len(items))
    retyped = _not_people(items) | _companies(items)
    forms = {i: _person_forms(e) for i, (_, e) in enumerate(items) if e.type == "PERSON" and i not in retyped}
    known = tails(f for fs in forms.values() for f in fs)
    keys: dict[int, set[tuple[str, str]]] = {}
    full: dict[tuple[str, str], list[int]] = defaultdict(list)       # (surname, first) -> items
    single: dict[str, list[int]] = defaultdict(list)                 # surname -> items named by it alone
    org_words: dict[str, list[int]] = defaultdict(list)              # one-word ORG names, folded
    others: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (aid, e) in enumerate(items):
        if i in forms:
            names = {_name_key(f, f.lower() in known) for f in forms[i]}
            keys[i] = {k for k in names if k[1]}
            for key in keys[i]:
                full[key].append(i)
            if names and not keys[i]:
                single[min(names)[0]].append(i)
            continue
        key = retyped.get(i) or _other_key(e)
        keys[i] = {key}
        others[key].append(i)
        name = clean_name(e.name)
        if e.type == "ORG" and " " not in name and not name.isupper() and is_name(name):
            org_words[fold(name)].append(i)          # "Doe" read as an organisation
    for group in list(full.values()) + list(others.values()):
        u.join_all(group)
    _join_people_typed_org(items, full, single, others, u)
    if in_story:
        for rule, joins in (("spelling", _join_spellings(full, u)), ("short form", _join_short_forms(full, u))):
            for a, b in joins:
                if trace is not None:
                    trace.append((rule, items[a][0], items[a][1].id, items[b][0], items[b][1].id, ""))
    _join_surnames(full, single, org_words, u)
    _join_inner_names(forms, known, full, single, u)
    _join_short_company_names(items, others, org_words, full, u)
    if in_story:
        _join_acronyms(items, others, u)
    named = {i for i, fs in forms.items() if fs}
    if in_story:
        members: dict[int, list] = defaultdict(list)
        for i, (an, e) in enumerate(by_item):
            if i in forms:
                members[u.find(i)].append((i, an, e))
        for a, b, why in links(members, named.__contains__):
            if trace is not None:
                trace.append(("description", items[a][0], items[a][1].id, items[b][0], items[b][1].id, why))
            u.join(a, b)
    grouped: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        grouped[u.find(i)].append(i)
    kind = {i: DESCRIBED for i in forms if i not in named} | {i: RETYPED for i in retyped}
    return [_story_entity([(i, items[i][0], items[i][1]) for i in g], keys, kind) for g in grouped.values()]


def _story_entity(group: list[tuple[int, str, Entity]], keys: dict, kind: dict) -> StoryEntity:
    """One story entity of the per-article entities `group`. Its strings are interned: a part outlives the
    analyses it was made of, each of which decoded its own copy of every entity id, type and name (at 100k
    articles, a third of the parts' memory was such copies)."""
    aliases: dict[str, str] = {}
    roles: dict[str, str] = {}
    for _, _, e in group:
        for a in (e.name,) + tuple(e.aliases):
            aliases.setdefault(a.lower(), a)
        for r in e.roles:
            roles.setdefault(r.lower(), r)
    return StoryEntity(keys=tuple(sorted({k for i, _, _ in group for k in keys.get(i, ())})),
                       members=tuple((aid, intern(e.id), intern(e.type), intern(written(e.name, e.mentions)),
                                      kind.get(i, NAMED))
                                     for i, aid, e in group),
                       aliases=tuple(map(intern, aliases.values())), roles=tuple(map(intern, roles.values())))


def written(name: str, mentions: Iterable[Mention]) -> str:
    """A name as the text writes it: one in capitals (a dateline's "MOSCOW") gives way to a mention of it in
    ordinary case ("Moscow") where the article has one; an acronym stays."""
    if not name.isupper():
        return name
    return next((m.text for m in mentions if m.text.lower() == name.lower() and not m.text.isupper()), name)


Ref = tuple[str, int]       # a story entity: (story or group id, its position among the story's entities)


def link(stories: Mapping[str, Sequence[StoryEntity]]) -> dict[Ref, CorpusEntity]:
    """The corpus entity of every story entity of `stories` (story or group id -> its entities): story
    entities that share a key are one referent (`components`, `corpus_entity`), the others stay in their
    story (`story_local`)."""
    out = linked({(g, i): se for g, ses in stories.items() for i, se in enumerate(ses) if se.keys})
    for g, ses in stories.items():
        out.update(((g, i), e) for i, e in story_local(g, {i: se for i, se in enumerate(ses) if not se.keys}).items())
    return out


def linked(keyed: Mapping[Ref, StoryEntity]) -> dict[Ref, CorpusEntity]:
    """The corpus entity of each of these story entities with keys: those sharing a key, directly or through
    others, are one (`components`, `corpus_entity`)."""
    out: dict[Ref, CorpusEntity] = {}
    for refs in components(keyed):
        out.update(dict.fromkeys(refs, corpus_entity([keyed[r] for r in refs])))
    return out


def components(entities: Mapping[Ref, StoryEntity]) -> list[list[Ref]]:
    """Story entities grouped by shared keys (a full name, or a place's, organisation's or group's type key,
    names the same referent in every story), each group in (story id, position) order."""
    refs = sorted(entities)
    u = Union(len(refs))
    first: dict[tuple[str, str], int] = {}
    for n, ref in enumerate(refs):
        for k in entities[ref].keys:
            u.join(first.setdefault(k, n), n)
    grouped: dict[int, list[Ref]] = defaultdict(list)
    for n, ref in enumerate(refs):
        grouped[u.find(n)].append(ref)
    return list(grouped.values())


def corpus_entity(group: Sequence[StoryEntity]) -> CorpusEntity:
    """The corpus entity of story entities linked by keys (in (story id, position) order). Its id is the
    slug of its name and a hash of its first key (`key_text`): "person:vladimir-putin~5d41a2", the same
    for the same story entities whatever else the corpus holds."""
    typ, name, aliases, roles, members = _draft(group)
    digest = hashlib.sha1(key_text(min(k for se in group for k in se.keys)).encode()).hexdigest()[:6]
    return CorpusEntity(f"{typ.lower()}:{slug(name)}~{digest}", name, typ, aliases, roles, members)


def story_local(story_id: str, entities: Mapping[int, StoryEntity]) -> dict[int, CorpusEntity]:
    """The corpus entities of a story's entities that have no key (position -> entity): ids are the slug
    of the name within the story ("person:doe@s12"), numbered on a clash in sorted order."""
    drafts = sorted(((_draft([se]), i) for i, se in entities.items()), key=lambda d: (d[0][0], d[0][1].lower(), d[0][4]))
    out, used = {}, Counter()
    for (typ, name, aliases, roles, members), i in drafts:
        base = f"{typ.lower()}:{slug(name)}@{story_id}"
        used[base] += 1
        out[i] = CorpusEntity(base if used[base] == 1 else f"{base}-{used[base]}", name, typ, aliases, roles, members)
    return out


def key_text(key: tuple[str, str]) -> str:
    """A key as one line of text: "putin\tvladimir", "PLACE\tunited states"."""
    return "\t".join(key)


def slug(name: str) -> str:
    """A name as an id's slug: "Nadia Calviño" -> "nadia-calvino", "Łukaszenka" -> "lukaszenka" (Latin letters
    in ASCII: `names.latin_ascii`), every run of other characters one hyphen, "x" when nothing is left (a name
    in another script: the id's hash or story keeps it apart)."""
    return re.sub(r"[^a-z0-9]+", "-", _names.latin_ascii(name).lower()).strip("-") or "x"


def _join_spellings(full, u: Union) -> list[tuple[int, int]]:
    """Full names of one story spelt two ways ("Muammar Gaddafi", "Moammar Qaddafi"): the same consonant
    skeleton of first name and surname, three consonants or more in the surname's (so "Chen" and "Chan"
    stay two), folded surnames at least 0.85 alike ("Bratton" and "Burton" stay two), and first names
    equal or, of five letters or more, 0.8 alike ("Eric" and "Erica", "Dan Backer" and "Dean Baker" stay
    two).

    Measured on the quotes dev set taken as one story (bench/entity_rules.py): 9 joins, all right; with
    whole names compared at 0.8 instead, 19 joins of which 7 wrong."""
    joined: list[tuple[int, int]] = []
    blocks: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for sur, first in sorted(full):
        if len(_skeleton(sur)) >= 3:
            blocks[(_skeleton(sur), _skeleton(first))].append((sur, first))
    for keys in blocks.values():
        for a, b in combinations(keys, 2):
            if not (_alike(a[0], b[0], 0.85) and
                    (a[1] == b[1] or min(len(a[1]), len(b[1])) >= 5 and _alike(a[1], b[1], 0.8))):
                continue
            for i in full[a]:
                for j in full[b]:
                    if u.find(i) != u.find(j):
                        joined.append((i, j))
                        u.join(i, j)
    return joined


def _join_short_forms(full, u: Union) -> list[tuple[int, int]]:
    """A full name with a short first name joins the one of its story's same-surname full names whose first
    name that is a short form of ("Bob Iger" and "Robert Iger", "Hank Paulson" and "Henry Paulson";
    `given_names`); none when the story names two people it could be ("Chris Evans" beside "Christopher
    Evans" and "Christine Evans"). Two short forms of one name do not join each other."""
    joined: list[tuple[int, int]] = []
    firsts: dict[str, set[str]] = defaultdict(set)
    for sur, first in full:
        firsts[sur].add(first)
    for sur, named in sorted(firsts.items()):
        for short in sorted(named):
            fits = [f for f in full_forms(short) if f in named]
            if len(fits) != 1:
                continue
            for i in full[(sur, short)]:
                for j in full[(sur, fits[0])]:
                    if u.find(i) != u.find(j):
                        joined.append((i, j))
                        u.join(i, j)
    return joined


def _join_surnames(full, single, org_words, u: Union) -> None:
    """A surname alone (or an ORG that is one) joins the only person of the group with that surname;
    surnames alone that no full name has join each other.

    Whether a pool of full names holds one person is asked of its groups' roots (`_Roots`), not of every
    name in it: a surname that many articles carry made that cost grow with the square of it."""
    pools: dict[str, set[int]] = defaultdict(set)
    for (sur, _), group in full.items():
        pools[sur].update(group)
    roots = _Roots(u)
    for sur in sorted(set(single) | set(org_words)):
        alone: list[int] = []
        names = set(single.get(sur, []))
        for i in sorted(names) + org_words.get(sur, []):
            pool = pools.get(sur)
            if not pool:
                if i in names:
                    alone.append(i)
                continue
            root = roots.only(sur, pool)
            if root is not None:
                u.join(i, root)
        u.join_all(alone)


def _join_inner_names(forms, known, full, single, u: Union) -> None:
    """A one-word name no full name has as its surname joins the one person of the group whose name holds it
    inside, between the first name and the surname: "Lula" is "Luiz Inácio Lula da Silva", "Rodham" is
    "Hillary Rodham Clinton", "García" is "Gabriel García Márquez". Only where no other person of the group
    (no other root under `u`) has the word anywhere in a name with a first name, inside or as the first name:
    two people never join on a shared first name, and a word two names hold stays apart.

    `forms`: item -> its person forms (`_person_forms`); `known`: the tails `split_name` reads particles
    by; `full`, `single` as `resolve_story` builds them (full-name key -> items; folded surname -> items
    named by it alone)."""
    holders: dict[str, set[int]] = defaultdict(set)        # folded word -> items with it as first or inner
    inner: dict[str, set[int]] = defaultdict(set)          # folded word -> items with it inside
    for i in {i for group in full.values() for i in group}:
        for f in forms[i]:
            words = [w for w in f.split() if w.lower().strip(".") not in _GENERIC]
            given, surname = _names.split_name(" ".join(words), known)
            if not given:
                continue
            inside = given.split()[1:] + [w for w in surname.split()[:-1] if w.lower() not in PARTICLES]
            holders[fold(given.split()[0])].add(i)
            for w in inside:
                if w[:1].isupper() and len(w.strip(".")) > 1:
                    holders[fold(w)].add(i)
                    inner[fold(w)].add(i)
    surnames = {sur for sur, _ in full}
    for word, group in sorted(single.items()):
        if word in surnames or not inner.get(word):
            continue
        roots = {u.find(i) for i in holders[word]}
        alone = [i for i in group if all(" " not in f for f in forms[i])]      # not "Van der Berg"
        if len(roots) == 1 and alone:
            u.join_all([*alone, roots.pop()])


def _join_short_company_names(items, others, org_words, full, u: Union) -> None:
    """A one-word organisation name that begins exactly one longer organisation name of the group is that
    organisation: "Kestrel" is "Kestrel Logistics" where no other organisation's name begins with Kestrel
    ("Halvorsen Maritime" and "Halvorsen Group" keep "Halvorsen" apart) and no person of the group bears it
    as a surname with a first name (then `_join_surnames` decides; a one-word name read as a person's is
    moved to the company by `_companies`)."""
    surnames = {sur for sur, _ in full}
    longer: dict[str, list[int]] = defaultdict(list)
    for (typ, name), group in others.items():
        words = name.split()
        if typ == "PLACE" and 2 <= len(words) <= 4 and not any(items[i][1].type in ("GPE", "LOC", "FAC")
                                                                for i in group):
            longer[fold(words[0])].append(group[0])
    for word, group in org_words.items():
        if word not in surnames and len(longer.get(word, ())) == 1:
            u.join_all([*group, longer[word][0]])


def _join_acronyms(items, others, u: Union) -> None:
    """An organisation a story's article names by an acronym alone ("AIU") joins the one organisation of the story
    that another article names in full with that acronym as an alias ("Athletics Integrity Unit (AIU)"), or whose
    name's initials spell it (`acronyms`); never across stories (the acronym is no key)."""
    alias_of: dict[str, set[int]] = defaultdict(set)
    spelled: dict[str, set[int]] = defaultdict(set)
    for (typ, _), group in others.items():
        if typ != "PLACE":
            continue
        for i in group:
            e = items[i][1]
            if e.type != "ORG" or is_acronym(clean_name(e.name)):
                continue
            for a in e.aliases:
                if is_acronym(a):
                    alias_of[a].add(group[0])
            spelled[initials(clean_name(e.name))].add(group[0])
    for (typ, name), group in others.items():
        e = items[group[0]][1]
        acro = clean_name(e.name)
        if typ != "PLACE" or e.type != "ORG" or not is_acronym(acro):
            continue
        into = {u.find(j) for j in alias_of.get(acro, ())} or {u.find(j) for j in spelled.get(acro, ())}
        into.discard(u.find(group[0]))
        if len(into) == 1:
            u.join(group[0], into.pop())


class _Roots:
    """The roots of pools of items under a union that only ever merges: per pool, a list of items whose
    groups cover the pool's, from which the items found to share the first one's group are dropped as they
    are seen, so asking again costs what changed since, not the pool's size."""

    def __init__(self, u: Union):
        self.u, self.lists = u, {}

    def only(self, key, pool) -> int | None:
        """The one root of the pool's items, or None when they are in two groups or more."""
        lst = self.lists.get(key)
        if lst is None:
            lst = self.lists[key] = sorted({self.u.find(r) for r in pool})
        first = lst[0] = self.u.find(lst[0])
        j = 1
        while j < len(lst) and self.u.find(lst[j]) == first:
            j += 1
        del lst[1:j]
        return first if len(lst) == 1 else None


def _alike(a: str, b: str, at_least: float) -> bool:
    """Folded spellings this alike (difflib's ratio), hard g, c and q read as k ("Gaddafi", "Qaddafi")."""
    return SequenceMatcher(None, _hard(a), _hard(b)).ratio() >= at_least


def _hard(word: str) -> str:
    return word.replace("q", "k").replace("c", "k").replace("g", "k")


@lru_cache(maxsize=_NAMES)
def _skeleton(word: str) -> str:
    """The consonants of a folded name: "gadafi" and "qadhafi" are both "kdf"."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw'-]", "", _hard(word)))


def _other_key(e: Entity) -> tuple[str, str]:
    return _type_key(e.type, e.name)


# a company's legal form after its name: "Boeing Co.", "Walt Disney Company", "Acme, Inc." are Boeing, Walt Disney, Acme
_LEGAL_FORM = re.compile(r"(?<=\w)[,\s]+(?:co|corp|corporation|company|inc|incorporated|ltd|limited|plc|llc)\.?$",
                         re.I)


@lru_cache(maxsize=_NAMES)
def _type_key(typ: str, name: str) -> tuple[str, str]:
    name = clean_name(name)
    if typ in _PLACE_GROUP:
        return ("PLACE", canonical_place(_LEGAL_FORM.sub("", without_legal_form(name)) if typ == "ORG" else name).lower())
    return (typ, re.sub(r"s$", "", name.lower()) if typ == "NORP" else name.lower())


_OTHER_TYPES = _PLACE_GROUP | {"NORP"}


@lru_cache(maxsize=_NAMES)
def _lower_names(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """The lowercased proper names among a name and its aliases, cleaned."""
    return frozenset(clean_name(n).lower() for n in (name,) + aliases if is_name(clean_name(n)))


def _not_people(items) -> dict[int, tuple[str, str]]:
    """PERSON entities whose every name the group's articles mostly read as a place, a club or a group.

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
    persons: list[tuple[int, Entity, frozenset[str]]] = []
    for i, (aid, e) in enumerate(items):
        if e.type == "PERSON":
            names = _lower_names(e.name, tuple(e.aliases))
            persons.append((i, e, names))
            for n in names:
                person_arts[n].add(aid)
        elif e.type in _OTHER_TYPES:
            key = _other_key(e)
            for n in {clean_name(e.name).lower(), key[1]}:
                other_arts[n].add(aid)
                other_key.setdefault(n, key)
    out = {}
    for i, e, names in persons:
        if names and all(" " not in n and len(other_arts.get(n, ())) >= 2 and
                         len(other_arts.get(n, ())) > len(person_arts[n]) for n in names):
            out[i] = other_key[clean_name(e.name).lower()] if clean_name(e.name).lower() in other_key \
                else other_key[next(iter(sorted(names)))]
    return out


def _companies(items) -> dict[int, tuple[str, str]]:
    """PERSON entities that name a company of the group: item -> the company's key. The small model reads an
    unfamiliar company name as a person's ("Velmar Chemie said ...") where another article writes "Velmar Chemie
    AG" (a name with a legal form is no person's), or its first word alone ("Kestrel said ...") where the group
    names exactly one organisation "Kestrel Logistics" and no person with a first name and that surname."""
    legal: dict[str, tuple[str, str]] = {}
    begins: dict[str, list[tuple[str, str]]] = defaultdict(list)
    surnames = set()
    for _, e in items:
        name = clean_name(e.name)
        words = name.split()
        if e.type == "ORG":
            if (bare := without_legal_form(name)) != name:
                legal.setdefault(bare.lower(), _other_key(e))
            if 2 <= len(words) <= 4 and (key := _other_key(e)) not in (same := begins[fold(words[0])]):
                same.append(key)
        elif e.type == "PERSON" and len(words) > 1:
            surnames.add(fold(words[-1]))
    out = {}
    for i, (_, e) in enumerate(items):
        if e.type != "PERSON":
            continue
        name = clean_name(e.name)
        if name.lower() in legal:
            out[i] = legal[name.lower()]
        elif " " not in name and (word := fold(name)) not in surnames and len(begins.get(word, ())) == 1:
            out[i] = begins[word][0]
    return out


def _join_people_typed_org(items, full, single, others, u: Union) -> None:
    """An organisation named exactly as a person of the group with a first name and a surname ("Claudia Neumann"
    read as an ORG in one article) joins that person, when more of the group's entities read the name, or its
    surname alone, as the person's and it has no legal form ("Goldman Sachs" read as a person once stays a
    company)."""
    for (typ, name), group in others.items():
        if typ != "PLACE" or len(name.split()) != 2:
            continue
        written = clean_name(items[group[0]][1].name)
        if without_legal_form(written) != written or not is_name(written):
            continue
        key = name_key(written, ())
        people = full.get(key)
        if people and len(people) + len(single.get(key[0], ())) > len(group):
            u.join(group[0], people[0])


def _type_and_name(members) -> tuple[str, str]:
    """A group's type (PERSON if any member is one, else the most common) and its name: of a person the
    longest proper name, then the most common; else the most common, a country first, then the first."""
    types = Counter(t for _, _, t, _, kind in members if kind != RETYPED)
    typ = "PERSON" if types["PERSON"] else max(types, key=lambda t: (types[t], t == "GPE", t == "ORG"))
    named = [n for _, _, t, n, kind in members if kind != DESCRIBED and t == typ]
    counts = Counter(named or [n for _, _, _, n, _ in members])
    if typ == "PERSON":
        return typ, max(counts, key=lambda n: (len(n.split()) if is_name(n) else 0, counts[n], -len(n), n))
    seen = {n: i for i, n in enumerate(counts)}                   # a Counter keeps first-seen order
    # the full name leads its acronym, however often the acronym is written ("ABTP" is "Brazilian Association ...")
    full = {n for n in counts if any(is_acronym(a) and expands(a, n, True) for a in counts)}
    return typ, max(counts, key=lambda n: (n in full, counts[n], n in COUNTRIES, -seen[n]))


def _draft(group: Sequence[StoryEntity]) -> tuple[str, str, tuple[str, ...], tuple[str, ...], tuple]:
    """(type, name, aliases, roles, members as sorted (article id, entity id)) of story entities taken as one."""
    members = [m for se in group for m in se.members]
    if len(members) == 1 and members[0][4] != RETYPED:     # most entities: one mention, its own type and name
        typ, name = members[0][2:4]
    else:
        typ, name = _type_and_name(members)
    aliases: dict[str, str | None] = {name.lower(): None}
    roles: dict[str, str] = {}
    for se in group:
        for a in se.aliases:
            aliases.setdefault(a.lower(), a)
        for r in se.roles:
            roles.setdefault(r.lower(), r)
    return (typ, name, tuple(a for a in aliases.values() if a is not None), tuple(roles.values()),
            tuple(sorted((aid, eid) for aid, eid, _, _, _ in members)))
