"""Whom an article credits a figure to: "according to Unite", "the union said", "ABTP put the figure at 3,500".

`credited(tok, index)` gives the entity a figure stated at token `tok` is attributed to, so that stage 4 can
tell two sources' figures in one article ("about 6,000, the union said; the employers' association put it at
3,500") from a change the article reports. Three forms are read, nearest first, climbing from `tok` through
the clauses it hangs in: an "according to X" on the clause (or the sentence's main clause), the subject of a
verb of saying or estimating the clause is the content of ("the union said ... had joined", "a spokesperson,
Clare Whitfield, said "fewer than 1,500" had walked out"), and the subject of the verb itself where that is
a verb of estimating ("ABTP put the figure at 3,500"). The entity is the first named in the crediting phrase
(its relative clauses left out): "The Brazilian Association of Port Terminals (ABTP), which represents the
employers" is the association, "a port spokesperson, Clare Whitfield" is Whitfield, "The Sindestiva
dockworkers' union" is Sindestiva. A bare "the union" is the union the article names ("the Unite union",
"Sindestiva union"), where it names one. None where the figure is credited to no one named (the writer's own,
or "union estimates").
"""
from __future__ import annotations

from storyline.read.events.arguments import EntityIndex

SAYING = frozenset({"say", "tell", "claim", "report", "state", "estimate", "announce", "add", "insist", "count",
                    "confirm", "calculate", "reckon"})
ESTIMATING = frozenset({"put", "estimate", "place", "number", "count", "calculate", "reckon"})
_CLAUSE_UP = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis", "pcomp", "relcl", "acl"})
_SOURCE_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_UNION = "union"


def credited(tok, index: EntityIndex) -> str | None:
    """The entity id the figure at `tok` is credited to, or None (module doc)."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(5):
        if (got := _according(verb, index)) is not None:
            return got or None
        if verb.lemma_.lower() in SAYING | ESTIMATING and verb.i != tok.i and _has_subject(verb):
            return _subject(verb, index)                  # "the union said": the nearest speaker, named or not
        for c in verb.children:                        # "about 6,000 had joined, the union said"
            if c.dep_ in {"parataxis", "ccomp"} and c.i > verb.i and c.lemma_.lower() in SAYING and not any(
                    d.dep_ in {"ccomp", "dobj", "xcomp"} for d in c.children) and (got := _subject(c, index)):
                return got
        if verb.dep_ not in _CLAUSE_UP or verb.head.i == verb.i:
            break
        verb = verb.head
    root = tok.sent.root
    got = _according(root, index)
    return got or None


def _according(verb, index: EntityIndex) -> str | None:
    """The source of an "according to X" on `verb`: its entity, "" where X names none, None where none."""
    for c in verb.children:
        if c.lower_ == "according" and c.dep_ in {"prep", "advcl", "advmod"}:
            for to in c.children:
                for obj in to.children:
                    if to.lower_ == "to" and obj.dep_ == "pobj":
                        return _named(obj, index) or ""
    return None


def _has_subject(verb) -> bool:
    return any(c.dep_ == "nsubj" for c in verb.children)


def _subject(verb, index: EntityIndex) -> str | None:
    for c in verb.children:
        if c.dep_ == "nsubj":
            return _named(c, index)
    return None


def _named(noun, index: EntityIndex) -> str | None:
    """The first entity named in the phrase of `noun` (its clauses left out), else the article's union."""
    skip = {t.i for c in noun.children if c.dep_ in {"relcl", "acl", "advcl"} for t in c.subtree}
    for t in noun.subtree:
        if t.i not in skip and (eid := index.of_token(t)) and index.type_of(eid) in _SOURCE_TYPES:
            return eid
    if any(t.lemma_.lower() == _UNION for t in noun.subtree if t.i not in skip):   # "the union", "union estimates"
        return _union_of_article(index)
    return None


def _union_of_article(index: EntityIndex) -> str | None:
    """The organisation the article calls a union: "the Unite union", "Sindestiva dockworkers' union"."""
    for t in index.doc:
        if t.lemma_.lower() == _UNION and t.pos_ == "NOUN":
            for s in t.subtree:
                if s.i < t.i and (eid := index.direct(s)) and index.type_of(eid) == "ORG":
                    return eid
    return None
