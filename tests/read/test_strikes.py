"""Counts of strikers and protesters (read.events.strikes), with whom each is credited to (read.events.credit)."""
from __future__ import annotations

import pytest

from storyline.read.events.facts import find_facts
from storyline.read.events.finder import find_events
from storyline.read.nlp import load_nlp

from .fakes import entities_named

O, G, F, P = "ORG", "GPE", "FAC", "PERSON"
S, PR = "number of strikers", "number of protesters"


def credited_facts(text: str, names: dict[str, str], prefix: str = "number of ") -> set[tuple]:
    """(subject name, attribute, value, source name or None) of the facts whose attribute starts with `prefix`."""
    ents = entities_named(text, names)
    doc = load_nlp()(text)
    name_of = {e.id: e.name for e in ents}
    return {(name_of[f.subject], f.attribute, f.value, name_of.get(f.source or ""))
            for f in find_facts(doc, ents, find_events(doc, ents, [], None)) if f.attribute.startswith(prefix)}


ROWS = [
    # a count of those who took part, with the place of the strike and whom the article credits it to
    ("The strike at the port of Felixstowe ended on Monday. About 1,900 dockers took part in the stoppage, "
     "according to Unite, although a port spokesperson, Clare Whitfield, said \"fewer than 1,500\" had walked out.",
     {"Felixstowe": G, "Unite": O, "Clare Whitfield": P},
     {("Felixstowe", S, "about 1900", "Unite"), ("Felixstowe", S, "fewer than 1500", "Clare Whitfield")}),
    ("Around 1,900 workers at Felixstowe, Britain's biggest container port, began an eight-day strike on Sunday.",
     {"Felixstowe": G, "Britain": G}, {("Felixstowe", S, "around 1900", None)}),
    ("Dockworkers at the Port of Santos walked off the job on Monday. The Sindestiva dockworkers' union said about "
     "6,000 workers had joined the strike. The Brazilian Association of Port Terminals, which represents the "
     "employers, put the figure at 3,500.",
     {"Port of Santos": F, "Sindestiva": O, "Brazilian Association of Port Terminals": O},
     {("Port of Santos", S, "about 6000", "Sindestiva"),
      ("Port of Santos", S, "3500", "Brazilian Association of Port Terminals")}),
    ("The queue outside the Port of Santos grew on the third day of the strike. The union said 6,200 workers were "
     "on strike; the employers' association ABTP said fewer than 4,000 had stopped work.",
     {"Port of Santos": F, "ABTP": O},
     {("Port of Santos", S, "6200", None), ("Port of Santos", S, "fewer than 4000", "ABTP")}),
    ("The strike by dockworkers at the Port of Santos entered its second day, with some 5,000 workers staying "
     "away from the terminals.", {"Port of Santos": F}, {("Port of Santos", S, "some 5000", None)}),
    ("Some 5,000 strikers gathered outside the Ford plant in Dagenham.", {"Dagenham": G},
     {("Dagenham", S, "some 5000", None)}),
    ("More than 20,000 people marched through Belgrade on Saturday, police said.", {"Belgrade": G},
     {("Belgrade", PR, "more than 20000", None)}),
    # not a count of participants: planned, possible, denied, acted upon, a walk out of a room, a membership
    ("Unite said 1,900 workers at Felixstowe could join the strike next month.", {"Unite": O, "Felixstowe": G},
     set()),
    ("About 1,900 workers at Felixstowe are expected to walk out on Sunday.", {"Felixstowe": G}, set()),
    ("Police arrested 50 protesters in Belgrade after the march.", {"Belgrade": G}, set()),
    ("Twelve protesters were injured in clashes in Belgrade.", {"Belgrade": G}, set()),
    ("Twenty delegates walked out of the meeting in Geneva.", {"Geneva": G}, set()),
    ("Twenty players walked off the pitch in Geneva in protest at the referee.", {"Geneva": G}, set()),
    ("The Unite union has 6,000 members at Felixstowe, where the strike began.", {"Unite": O, "Felixstowe": G},
     set()),
    ("No workers walked out at the Felixstowe plant during the strike.", {"Felixstowe": G}, set()),
]


@pytest.mark.parametrize("text,names,want", ROWS, ids=[r[0][:48] for r in ROWS])
def test_strike_counts_table(text, names, want):
    assert credited_facts(text, names) == want
