"""Stage 4: a person an article only describes joins the named person of the same story it describes.

"Russia's top diplomat" in one report is the foreign minister another report
names; "a Michigan man sentenced to 16 years for espionage" is the former
Marine another report says was convicted of espionage. A reader makes these
links from what the texts say about the person, never from a shared word of
the description alone (a city's "Paris prosecutor" is not the mayor of
Paris). Links are looked for only inside one story, and only from an unnamed
person to a named one of another article of that story, on one of:

- office: the same office that one person holds at a time ("foreign
  minister", "mayor", "prosecutor"; keys from `roles.title_key`, so "top
  diplomat" is "foreign minister") of a place the description gives
  ("Russia's", "Paris") and the named person's title gives too ("Russian
  Foreign Minister"), held by exactly one named person of the story;
- event detail: both are the patient of events of one family that tell who
  someone is (arrest, charge, trial, conviction and sentence are one family:
  justice; release; exchange) and the evidence sentences share a word that
  no third referent's events of that family hold ("espionage", "airport"),
  two such words for a description of one word ("man");
  what someone said or whom they met tells nothing of who they are;
- fact: the same attribute with the same value ("age" 31), held by no third.

Any of these needs exactly one candidate, and a candidate is never taken when
the genders the texts give differ or when both have offices that cannot be
one person's (a prosecutor is no mayor). Before that, two unnamed persons of
one story join when they hold the same such office of the same place, or are
described by the same words of two or more whose head is not one that many
people of a story carry ("the brother's wife", not "a police official").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from storyline.read.entities.names import clean_name
from storyline.read.entities.roles import FAMILY, FORMER, TITLE_HEADS, TITLE_MODIFIERS, country_of, gender_of_title, \
    head_word, title_key
from storyline.records import AnalysedArticle, Entity, Mention

JUSTICE = frozenset({"arrest", "charge", "trial", "verdict", "conviction", "plea", "sentence", "extradition"})
# events whose patient is one identifiable person; who speaks or meets says nothing of who one is
_TELLING = {"justice", "release", "exchange"}
# heads that many people of one story carry: the same words describe different people
_VAGUE = frozenset({"official", "officer", "source", "spokesman", "spokeswoman", "spokesperson", "analyst",
                    "expert", "witness", "resident", "aide", "agent", "soldier", "staffer", "diplomat", "man",
                    "woman", "citizen", "national", "member", "person", "people", "lawyer", "attorney"})
# heads of an office one person holds at a time in one place
_ONE_HOLDER = frozenset({"president", "premier", "chancellor", "governor", "mayor", "prosecutor", "king", "queen",
                         "pope", "monarch", "emperor", "ceo", "secretary-general", "dictator", "ruler"})
_NOT_ONE = frozenset({"deputy", "assistant", "vice", "senior", "junior", "acting"})
_STOP = frozenset("""
about above after again against also among and another around because been before being between both but
came come could does doing down during each either else even ever from further had has have having here
hers herself himself into its itself just last later least less made make many more most much must near
next none nor not now off once only other others our ours over own same says said should since some still
such than that their theirs them then there these they this those though through under until upon very
was were what when where whether which while who whom whose will with within without would year years
told tell telling according reported report reports statement week weeks month months day days time times
""".split())
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_gender = lru_cache(maxsize=1 << 16)(gender_of_title)      # of a mention's text: "he", "Mrs Doe"


@dataclass
class Profile:
    """What one story says about one referent (a group of per-article entities)."""

    articles: set[str] = field(default_factory=set)
    offices: set[tuple[str, bool, frozenset]] = field(default_factory=set)   # (title key, former, places)
    heads: set[str] = field(default_factory=set)                             # heads of its titles
    gender: Counter = field(default_factory=Counter)
    details: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: set[tuple[str, str]] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)                             # its descriptions, lowercased
    _sex: str | None = field(default=None, repr=False, compare=False)        # sex() and titled(), once a change
    _titled: frozenset | None = field(default=None, repr=False, compare=False)

    def add(self, an: AnalysedArticle, e: Entity, named: bool, details: dict[str, list] | None = None) -> None:
        """Add what one article says of one of its entities; `details`: `article_details(an)`, when the
        caller keeps it for the article's other entities."""
        self.articles.add(an.article_id)
        self._sex = self._titled = None
        for text in (e.name, *e.aliases, *e.roles):
            office = parse_office(text)
            if office is not None:
                self.offices.add(office)
                self.heads.add(head_word(office[0]))
        if not named:
            self.texts.update(clean_name(t).lower() for t in (e.name, *e.aliases))
        for m in e.mentions:
            g = _gender(m.text)
            if g:
                self.gender[g] += 1
        for k, words in (article_details(an) if details is None else details).get(e.id, ()):
            self.details[k].update(words)
        self.facts.update((f.attribute, f.value) for f in an.facts if f.subject == e.id)

    def merge(self, other: "Profile") -> None:
        self.articles |= other.articles
        self._sex = self._titled = None
        self.offices |= other.offices
        self.heads |= other.heads
        self.gender += other.gender
        for k, words in other.details.items():
            self.details[k] |= words
        self.facts |= other.facts
        self.texts |= other.texts

    def sex(self) -> str | None:
        """The gender its titles mostly give ("Mr", "her"), None when unknown or mixed."""
        if self._sex is None:
            (top, n), *rest = self.gender.most_common() or [(None, 0)]
            self._sex = (top if not rest or n >= 2 * rest[0][1] else None) or ""
        return self._sex or None

    def titled(self) -> frozenset[str]:
        """The heads of its titles that are title words."""
        if self._titled is None:
            self._titled = frozenset(h for h in self.heads if h in TITLE_HEADS)
        return self._titled


def article_details(an: AnalysedArticle) -> dict[str, list[tuple[tuple[str, str], set[str]]]]:
    """Per-article entity id -> ((family, role), words) of each telling event it is the patient of: the words
    of the event's sentence, stop words and the trigger's words out."""
    out: dict[str, list] = defaultdict(list)
    for ev in an.events:
        fam = "justice" if ev.type in JUSTICE else ev.type
        if fam not in _TELLING:
            continue
        words = None
        for role, lid in ev.participants:
            if role in {"patient", "participant"}:
                if words is None:
                    words = set(_WORD.findall(ev.sentence.text.lower())) - _STOP - set(_WORD.findall(ev.trigger.text.lower()))
                out[lid].append(((fam, role), words))
    return out


@lru_cache(maxsize=1 << 16)
def parse_office(text: str) -> tuple[str, bool, frozenset] | None:
    """(title key, former, places) of a role or a description; None when it names no title.

    >>> parse_office("Russia's top diplomat"), parse_office("former US Marine")
    (('foreign minister', False, frozenset({'Russia'})), ('marine', True, frozenset({'United States'})))
    """
    words = re.findall(r"[\w.’'-]+", text)
    former, places, title = False, set(), []
    for w in words:
        bare = re.sub(r"['’]s$", "", w)
        low = bare.lower()
        country = country_of(bare) or (country_of(bare[:-1]) if low.endswith("an") else None)  # "Malaysian"
        if low in FORMER:
            former = True
        elif country:
            places.add(country)
        elif bare[:1].isupper() and low not in TITLE_HEADS and low not in TITLE_MODIFIERS and low != "of":
            places.add(bare)
        else:
            title.append(low)
    while title and title[-1] == "of":
        title.pop()
    key = title_key(" ".join(title))
    if not key or head_word(key) not in TITLE_HEADS:
        return None
    return key, former, frozenset(places)


@lru_cache(maxsize=1 << 12)
def _one_holder(key: str, former: bool = False) -> bool:
    """An office one person holds at a time in one place; never a former one (a state has many former governors)."""
    words = key.split()
    if former or _NOT_ONE & set(words):
        return False
    return head_word(key) in _ONE_HOLDER or (len(words) >= 2 and words[-1] in {"minister", "secretary"})


def _compatible_heads(a: Profile, b: Profile) -> bool:
    """Whether the titles of two referents can be one person's (any pair of titles may)."""
    ha, hb = a.titled(), b.titled()
    if not ha or not hb:
        return True
    return any(x == y or (FAMILY.get(x) is not None and FAMILY.get(x) == FAMILY.get(y)
                          and not (x in _ONE_HOLDER and y in _ONE_HOLDER)) for x in ha for y in hb)


def _specific(text: str) -> bool:
    """Words that describe one person of a story: two or more, a head few people carry, and not an
    office of no stated place ("the prime minister" of one article may be another's prime minister)."""
    office = parse_office(text)
    return len(text.split()) >= 2 and head_word(text) not in _VAGUE and (office is None or bool(office[2]))


def _same_sex_or_unknown(a: Profile, b: Profile) -> bool:
    return not (a.sex() and b.sex() and a.sex() != b.sex())


def links(members: dict[int, list[tuple[int, AnalysedArticle, Entity]]], named: Callable[[int], bool]) \
        -> list[tuple[int, int, str]]:
    """The joins for one story: (item of an unnamed group, item of the group it joins, reason).

    `members`: group root -> its (item index, analysis, entity) in this story, after name joins;
    `named(item)`: whether that item carries a name. Deterministic: groups are visited by root.
    """
    profiles: dict[int, Profile] = {}
    details: dict[str, dict] = {}
    for root, group in members.items():
        p = profiles[root] = Profile()
        for i, an, e in group:
            if an.article_id not in details:
                details[an.article_id] = article_details(an)
            p.add(an, e, named(i), details[an.article_id])
    named_roots = sorted(r for r, g in members.items() if any(named(i) for i, _, _ in g))
    unnamed_roots = sorted(set(members) - set(named_roots))
    out: list[tuple[int, int, str]] = []
    # unnamed with unnamed: the same one-holder office of the same place, or the same specific description
    alias: dict[int, int] = {}
    seen: dict[tuple, int] = {}
    for r in unnamed_roots:
        p = profiles[r]
        keys = [("office", k, f, pl) for k, f, pl in p.offices if _one_holder(k, f) and pl] + \
               [("text", t) for t in p.texts if _specific(t)]
        hit = next((seen[k] for k in keys if k in seen), None)
        if hit is not None and _same_sex_or_unknown(p, profiles[hit]) and _compatible_heads(p, profiles[hit]):
            out.append((members[r][0][0], members[hit][0][0], "same description"))
            profiles[hit].merge(p)
            alias[r] = hit
            continue
        for k in keys:
            seen.setdefault(k, r)
    # then unnamed groups with named ones
    df: dict[tuple, Counter] = defaultdict(Counter)
    facts: Counter = Counter()
    for r, p in profiles.items():
        if r in alias:
            continue
        for k, words in p.details.items():
            df[k].update(words)
        facts.update(p.facts)
    # candidates come from an index of what can be evidence, so a story's cost grows with its size, not its
    # square: offices of one holder by place, rare details, rare facts
    index: dict[tuple, set[int]] = defaultdict(set)
    for c in named_roots:
        for key in _held_offices(profiles[c]) | _evidence_keys(profiles[c], df, facts):
            index[key].add(c)
    for r in unnamed_roots:
        if r in alias:
            continue
        p = profiles[r]

        def fits(c: int) -> bool:
            q = profiles[c]
            return not q.articles & p.articles and _same_sex_or_unknown(p, q) and _compatible_heads(p, q)

        # one named holder of the office it describes decides; two or more, and nothing does
        offices: dict[int, str] = {}
        for c in _candidates(index, _described_offices(p)):
            if fits(c) and (why := _office(p, profiles[c])):
                offices[c] = why
                if len(offices) == 2:
                    break
        if not offices:
            found = {c: why for c in _candidates(index, _evidence_keys(p, df, facts))
                     if fits(c) and (why := _evidence(p, profiles[c], df, facts))}
            if len(found) == 1:
                offices = found
        if len(offices) == 1:
            (c, why), = offices.items()
            out.append((members[r][0][0], members[c][0][0], why))
    return out


def _candidates(index: dict[tuple, set[int]], keys: set[tuple]) -> list[int]:
    return sorted(set().union(*(index.get(k, ()) for k in keys)))


def _described_offices(p: Profile) -> set[tuple]:
    """("office", key, place) of each office of one holder that a description gives with its place."""
    return {("office", k, place) for k, f, pl in p.offices if pl and _one_holder(k, f) for place in pl}


def _held_offices(q: Profile) -> set[tuple]:
    """("office", key, place) of each office of one holder that a named person holds now, per place."""
    return {("office", k, place) for k, f, pl in q.offices if not f and _one_holder(k) for place in pl}


def _office(p: Profile, q: Profile) -> str:
    """"office: <key>" when q holds now an office of one holder that p's description gives, in one of its
    places; else ""."""
    for key, former, places in p.offices:
        if places and _one_holder(key, former) and any(k == key and not f and places & pl for k, f, pl in q.offices):
            return f"office: {key}"
    return ""


def _evidence_keys(p: Profile, df: dict[tuple, Counter], facts: Counter) -> set[tuple]:
    """What two profiles must share for `_evidence` to find anything: rare details, rare facts."""
    keys = {("detail", k, w) for k, words in p.details.items() for w in words if df[k][w] <= 2}
    keys |= {("fact", f) for f in p.facts if facts[f] <= 2}
    return keys


def _evidence(p: Profile, q: Profile, df: dict[tuple, Counter], facts: Counter) -> str:
    """The event details or facts that tell that p describes q, as a reason; "" when none do."""
    # a bare "man" needs two details; "a Michigan man" one
    needed = 1 if any(len(t.split()) >= 2 for t in p.texts) else 2
    for k, words in p.details.items():
        shared = sorted(w for w in words & q.details.get(k, set()) if df[k][w] <= 2)
        if len(shared) >= needed:
            return f"{k[0]} ({k[1]}): {', '.join(shared[:4])}"
    shared_facts = [f for f in p.facts & q.facts if facts[f] <= 2]
    if shared_facts:
        return "fact: " + "; ".join(f"{a} = {v}" for a, v in sorted(shared_facts))
    return ""
