"""Wire copy as JSON Lines keeps it: nothing of the story is read from a dateline or a staff credit.

Each row is an article text; what must hold is the same for all of them: no
quote's content, speaker or cue starts inside the dateline or a credit, no
person, quote or event comes from a credit line, no event takes a participant
named only there, the dateline's place is a place and its bracketed source an
organisation.
"""
from __future__ import annotations

from datetime import date

import pytest

from storyline.clean.credits import dateline_span, staff_credits
from storyline.read import analyse
from storyline.read.furniture import dateline_places, source_name
from storyline.records import Article, DateRange

WIRE = [
    ("ARLINGTON, Virginia (Reuters) - Boeing's quarterly profit fell sharply, the company said on Wednesday.\n\n"
     "The planemaker also said deliveries would slow.\n\n"
     "(Reporting by Jane Doe in Moscow; Additional reporting by Allison Lampert in Montreal; Editing by John Roe)",
     ["ARLINGTON", "Virginia"], ["Reuters"], ["Jane Doe", "Allison Lampert", "John Roe"]),
    ("WASHINGTON (AP) \u2014 The White House said on Monday that federal aid would reach the coast within days.\n\n"
     "Writing by Peter Smith; Editing by Mark Heinrich",
     ["WASHINGTON"], ["AP"], ["Peter Smith", "Mark Heinrich"]),
    ("New York (CNN Business) \u2014 Stocks rallied on Friday as investors bet on rate cuts, analysts said.",
     ["New York"], ["CNN Business"], []),
    ("Compiled by Sam Lee\nMOSCOW, March 5 (Reuters) - Talks with Ukraine are possible, Russian Foreign Minister "
     "Sergei Lavrov said on Tuesday.\n\n\"We are open,\" Lavrov told reporters.",
     ["MOSCOW"], ["Reuters"], ["Sam Lee"]),
    ("PARIS (Reuters) - France will raise taxes, Prime Minister Michel Barnier said on Tuesday. \"It is needed,\" he "
     "said. (Reporting by Jane Doe in Paris, Writing by Michel Rose, editing by Alex Richardson)",
     ["PARIS"], ["Reuters"], ["Jane Doe", "Michel Rose", "Alex Richardson"]),
    ("Tariffs stir anger.\n\nBEIJING (Reuters) - China said on Monday it opposed the new tariffs.",
     ["BEIJING"], ["Reuters"], []),
    # a newspaper's dateline with no source: its place was the speaker ("Pasadena" said the investigators' words)
    ("PASADENA, Texas \u2014 Federal investigators said Thursday that a failed valve caused the blast. \"We know "
     "what broke,\" the lead investigator said.", ["PASADENA", "Texas"], [], []),
    # the dateline's place and agency were the participants of the arrest ("agent": ARLINGTON, Va., AP)
    ("ARLINGTON, Va. (AP) \u2014 Police arrested two men on Tuesday after a shooting at a mall, officials said.",
     ["ARLINGTON", "Va."], ["AP"], []),
    # a dateline in capitals is a sentence of its own, but no shouting headline: its places stay
    ("LITTLE ROCK, Ark. (AP) \u2014 A judge ruled on Monday that the law stands, officials said.",
     ["LITTLE ROCK", "Ark."], ["AP"], []),
]


def _read(text: str):
    day = date(2024, 3, 5)
    return analyse(Article(id="w", source="w.jsonl", text=text, content_hash="h", kind="jsonl",
                           published=DateRange(day, day, "given")))


@pytest.mark.parametrize("text, places, sources, staff", WIRE)
def test_nothing_of_the_story_is_read_from_a_dateline_or_a_credit(text, places, sources, staff):
    found = dateline_span(text)
    assert found is not None
    furniture = [(found[0], found[2])] + staff_credits(text)
    assert len(furniture) == 1 + (1 if staff else 0)

    def inside(start: int) -> bool:
        return any(a <= start < b for a, b in furniture)

    result = _read(text)
    assert result.quotes, "the story's own quote is still read"
    for q in result.quotes:
        assert not any(inside(a) for a, _ in q.content_spans), q
        assert q.speaker is None or not inside(q.speaker.start), q
        assert q.cue is None or not inside(q.cue.start), q
    for e in result.entities:
        assert all(m.text in places + sources for m in e.mentions if inside(m.start)), e
        assert e.name not in staff and not set(e.aliases) & set(staff), e
    by_id = {e.id: e for e in result.entities}
    for v in result.events:
        assert not inside(v.trigger.start), v
        for _, eid in v.participants:
            assert any(not inside(m.start) for m in by_id[eid].mentions), (v, by_id[eid])
    named = {m.text: e.type for e in result.entities for m in e.mentions}
    assert {p: named.get(p) for p in places} == {p: "GPE" for p in places}
    assert {s: named.get(s) for s in sources} == {s: "ORG" for s in sources}


@pytest.mark.parametrize("text, places, source", [
    ("ARLINGTON, Virginia (Reuters) - Boeing ...", ["ARLINGTON", "Virginia"], "Reuters"),
    ("RENO, Nev. (AP) \u2014 A judge ...", ["RENO", "Nev."], "AP"),
    ("MOSCOW, March 5 (Reuters) - Talks ...", ["MOSCOW"], "Reuters"),
    ("WASHINGTON, Dec 20 (AP) \u2014 The ...", ["WASHINGTON"], "AP"),
    ("New York (CNN Business) \u2014 Stocks ...", ["New York"], "CNN Business"),
    ("Nov. 11 (Bloomberg) -- Stocks ...", [], "Bloomberg"),
    ("FRANKFURT \u2014 Velmar Chemie said (in a statement) that ...", ["FRANKFURT"], None),
    ("ST. LOUIS, Mo. -- The city ...", ["ST. LOUIS", "Mo."], None),
])
def test_a_datelines_places_and_source(text, places, source):
    start, src, _ = dateline_span(text)
    assert [text[a:b] for a, b in dateline_places(text, start, src)] == places
    found = source_name(text, src)
    assert (text[found[0]:found[1]] if found else None) == source
