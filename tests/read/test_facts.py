"""Facts read from short news sentences, as a table of (text, entities, expected facts).

Entities are built by hand (each listed name is one entity); events come from
the real event reader, since prison terms take their subject from it.
"""
from __future__ import annotations

from datetime import date

import pytest

from storyline.read.events.finder import find_events
from storyline.read.events.facts import find_facts
from storyline.read.nlp import load_nlp
from storyline.records import DateRange, TimeExpression

from .fakes import entities_named

P, G, N = "PERSON", "GPE", "NORP"
PUB = DateRange(date(2022, 12, 20), date(2022, 12, 20))


def facts_of(text: str, names: dict[str, str], times: dict[str, tuple] = ()) -> set[tuple[str, str, str]]:
    ents = entities_named(text, names)
    txs = [TimeExpression(text.find(t), text.find(t) + len(t), t, *spec) for t, spec in dict(times).items()]
    doc = load_nlp()(text)
    events = find_events(doc, ents, txs, PUB)
    name_of = {e.id: e.name for e in ents}
    got = find_facts(doc, ents, events)
    for f in got:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.text and f.status == "single"
    return {(name_of[f.subject], f.attribute, f.value) for f in got}


ROWS = [
    ("Viktor Bout was sentenced to 25 years in prison.", {"Viktor Bout": P},
     {("Viktor Bout", "sentence", "25 years")}, set()),
    ("Sam Cole, who was sentenced to nine years in prison, was freed.", {"Sam Cole": P},
     {("Sam Cole", "sentence", "9 years")}, set()),
    ("Brittney Griner had been serving a nine-year prison sentence.", {"Brittney Griner": P},
     {("Brittney Griner", "sentence", "9 years")}, set()),
    ("Ana Lopez could face up to 10 years in prison if convicted.", {"Ana Lopez": P},
     {("Ana Lopez", "possible sentence", "up to 10 years")}, {("Ana Lopez", "sentence", "up to 10 years")}),
    ("Ana Lopez faces up to 10 years in prison.", {"Ana Lopez": P}, set(),
     {("Ana Lopez", "sentence", "up to 10 years"), ("Ana Lopez", "sentence", "10 years")}),
    ("The judge handed Tom Reyes a five-year sentence.", {"Tom Reyes": P},
     {("Tom Reyes", "sentence", "5 years")}, set()),
    ("Lee Park was sentenced to life in prison.", {"Lee Park": P}, {("Lee Park", "sentence", "life")}, set()),
    ("Ivan Petrov had spent 12 years in a US jail.", {"Ivan Petrov": P},
     {("Ivan Petrov", "time served", "12 years")}, {("Ivan Petrov", "sentence", "12 years")}),
    ("The 31-year-old Brittney Griner pleaded guilty.", {"Brittney Griner": P},
     {("Brittney Griner", "age", "31")}, set()),
    ("Ana Lopez, 45, was arrested on Monday.", {"Ana Lopez": P}, {("Ana Lopez", "age", "45")}, set()),
    ("Brittney Griner is a basketball star. The 31-year-old pleaded guilty.", {"Brittney Griner": P},
     {("Brittney Griner", "age", "31")}, set()),
    ("Tom Reyes is 52 years old.", {"Tom Reyes": P}, {("Tom Reyes", "age", "52")}, set()),
    ("Russia accused the United States of holding more than 60 Russian citizens.",
     {"Russia": G, "United States": G, "Russian": N},
     {("United States", "count of Russian citizens held", "more than 60")}, set()),
    ("Rebels killed 35 civilians in the village.", {"Rebels": "ORG"},
     {("Rebels", "count of civilians killed", "35")}, set()),
    ("The company paid $5 million to settle the case.", {"The company": "ORG"},
     {("The company", "amount paid", "$5 million")}, set()),
    ("Bout was arrested in Thailand in 2008.", {"Bout": P, "Thailand": G},
     {("Bout", "date of arrest", "2008")}, set()),
    ("Bout was sentenced to 25 years in prison in 2012.", {"Bout": P},
     {("Bout", "date of sentencing", "2012"), ("Bout", "sentence", "25 years")}, set()),
    ("Two Americans were freed.", {"Americans": N}, set(), {("Americans", "count of Americans freed", "2")}),
    # "jailed for", and a term in two units or with a half, in years
    ("Graham Ashby has been jailed for six and a half years.", {"Graham Ashby": P},
     {("Graham Ashby", "sentence", "6.5 years")}, set()),
    ("Graham Ashby has been jailed for six years and six months.", {"Graham Ashby": P},
     {("Graham Ashby", "sentence", "6.5 years")}, {("Graham Ashby", "sentence", "6 years")}),
    ("Ana Lopez could be jailed for 10 years.", {"Ana Lopez": P},
     {("Ana Lopez", "possible sentence", "10 years")}, {("Ana Lopez", "sentence", "10 years")}),
    ("Ana Lopez may be sentenced to 3 years in prison.", {"Ana Lopez": P},
     {("Ana Lopez", "possible sentence", "3 years")}, {("Ana Lopez", "sentence", "3 years")}),
]

TIMES = {"2008": ("DATE", "2008", date(2008, 1, 1), date(2008, 12, 31)),
         "2012": ("DATE", "2012", date(2012, 1, 1), date(2012, 12, 31))}


@pytest.mark.parametrize("text,names,want,unwanted", ROWS, ids=[r[0][:40] for r in ROWS])
def test_fact_table(text, names, want, unwanted):
    times = {k: v for k, v in TIMES.items() if k in text}
    got = facts_of(text, names, times)
    assert want <= got, got
    assert not (unwanted & got), got


def test_a_maximum_is_never_a_sentence():
    got = facts_of("Ana Lopez could face up to 10 years in prison.", {"Ana Lopez": P})
    assert all(attr != "sentence" for _, attr, _ in got)


def test_no_subject_no_fact():
    assert facts_of("A man was sentenced to 16 years in prison.", {}) == set()
