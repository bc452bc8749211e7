"""Time in office: "stepping down after six years at the helm" and "had led the company since 2019".

Two attributes of a person, each compared across outlets: "years in office" ("6 years"), read from a
duration after which someone leaves a post, and "in office since" (a year), read from a verb of holding a
post ("lead", "run", "head", "chair", "serve", or "be" with a post: "had been CEO since 2018"). A duration
or year of anything else ("worked at the plant for 19 years", "the lowest level since 2016", "has operated
since 1938") is no tenure.
"""
from __future__ import annotations

import re
from typing import Callable

from storyline.read.events.arguments import CLIMB, EntityIndex, subject_token
from storyline.read.events.types import POSTS

_LEAVING = {"step", "leave", "quit", "resign", "retire", "depart", "exit", "go", "stand", "oust", "remove",
            "fire", "dismiss", "replace", "end"}
_LEAVING_NOUNS = {"departure", "resignation", "exit", "retirement", "ouster", "dismissal", "tenure", "stint"}
_IN_POST = {"helm", "job", "post", "office", "power", "charge", "role", "position", "top", "company"}
_HOLDING = {"lead", "run", "head", "chair", "helm", "serve", "manage", "steer", "govern", "rule"}
_YEAR = re.compile(r"(19|20)[0-9]{2}")


def _subject(verb, index: EntityIndex) -> str | None:
    """The person who is `verb`'s subject (`arguments.subject_token`, climbing through a ccomp too), or one
    in apposition to it: "STOCKHOLM — Ingrid Dahl, the chief executive, will step down", a dateline parsed
    as the subject."""
    tok, modified = subject_token(verb, CLIMB | {"ccomp"})
    if tok is None:
        return None
    people = [e for t in ([tok] if modified else [tok, *(a for a in tok.children if a.dep_ == "appos")])
              if index.type_of(e := index.of_token(t)) == "PERSON"]
    return people[0] if people else None


def _in_post(years) -> bool:
    """ "six years at the helm", "seven years in the job", "years as chief executive"."""
    for p in years.children:
        if p.dep_ == "prep" and p.lower_ in {"at", "in", "as", "on"}:
            for o in p.children:
                if o.dep_ == "pobj" and (o.lemma_.lower() in _IN_POST | POSTS):
                    return True
    return False


def read_tenure(tok, index: EntityIndex, number: Callable, add: Callable) -> None:
    """Keep a tenure fact stated at `tok` (a preposition "after"/"since"), through `add`."""
    low = tok.lower_
    if tok.dep_ != "prep" or low not in {"after", "since"}:
        return
    head = tok.head
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if not objs:
        return
    obj = objs[0]
    if low == "after" and obj.lemma_.lower() == "year":
        n = next((number(c) for c in obj.children if c.dep_ == "nummod"), None)
        leaving = head.lemma_.lower() in _LEAVING if head.pos_ in {"VERB", "AUX"} else \
            head.lemma_.lower() in _LEAVING_NOUNS
        if n is None or not 0 < n < 80 or not (leaving or _in_post(obj)) or head.pos_ not in {"VERB", "NOUN"}:
            return
        verb = head if head.pos_ == "VERB" else head.head
        subject = _subject(verb, index) if verb.pos_ in {"VERB", "AUX"} else None
        if subject:
            add([subject], "years in office", f"{n} years", tok)
    elif low == "since" and _YEAR.fullmatch(obj.text) or low == "since" and any(
            _YEAR.fullmatch(c.text) for c in obj.children if c.dep_ in {"nummod", "npadvmod", "appos"}):
        year = obj.text if _YEAR.fullmatch(obj.text) else next(
            c.text for c in obj.children if _YEAR.fullmatch(c.text))
        lemma = head.lemma_.lower()
        holding = lemma in _HOLDING or lemma == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() in POSTS for c in head.children)
        if not holding or head.pos_ not in {"VERB", "AUX"}:
            return
        subject = _subject(head, index)
        if subject:
            add([subject], "in office since", year, tok)
