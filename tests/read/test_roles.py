"""Titles read off the words around a name: (sentence, name, title, org, former)."""
from __future__ import annotations

import pytest

from storyline.read.nlp import load_nlp
from storyline.read.entities.roles import Role, canonical_place, country_of, describe, gender_of_title, roles_of, title_key

CASES = [
    ("Deputy Foreign Minister Anton Belov said the talks would resume.", "Anton Belov",
     "Deputy Foreign Minister", None, False),
    ("White House Press Secretary Dana Whitfield said the talks would continue.", "Dana Whitfield",
     "Press Secretary", "White House", False),
    ("The family of former US Marine Tom Avery called for his release.", "Tom Avery", "Marine", "United States", True),
    ("Moscow freed Russian pilot Oleg Marin last spring.", "Oleg Marin", "pilot", "Russia", False),
    ("Prosecutors said Ivan Drago, a notorious arms dealer, had fled.", "Ivan Drago", "arms dealer", None, False),
    ("The deal involved jailed Russian businessman Pavel Kuzin and two Americans.", "Pavel Kuzin",
     "businessman", "Russia", False),
    ("Officials met WNBA basketball star Jasmine Ford on Monday.", "Jasmine Ford", "basketball star", "WNBA", False),
    ("Russian President Boris Lenko spoke on Friday.", "Boris Lenko", "President", "Russia", False),
    ("Kremlin spokesman Dmitri Orlov told reporters the claims were false.", "Dmitri Orlov", "spokesman",
     "Kremlin", False),
    ("The talks were led by Secretary of State Henry Calloway.", "Henry Calloway", "Secretary of State", None, False),
    ("German Chancellor Klaus Berger called for calm.", "Klaus Berger", "Chancellor", "Germany", False),
    # local offices: the name is a person's, not the council's
    ("A grand jury indicted Cleveland City Councilman Marcus Bell on Thursday.", "Marcus Bell", "Councilman",
     "Cleveland City", False),
    # abbreviated ranks stand for their title; a role in apposition before the name
    ("The road will stay closed until Friday, Sgt. Maria Lopez said.", "Maria Lopez", "Sergeant", None, False),
    ("The road will stay closed, said Lt. Col. James Okafor, a spokesman for the army.", "James Okafor",
     "Lieutenant Colonel", None, False),
    ("The harbour board approved a plan to deepen the main channel, the port director, Ahmed al-Rashidi, "
     "said on Monday.", "Ahmed al-Rashidi", "port director", None, False),
    ("The plan was approved, said the port director, Ahmed al-Rashidi.", "Ahmed al-Rashidi", "port director",
     None, False),
]


@pytest.mark.parametrize("text,name,title,org,former", CASES)
def test_role_of_a_name(text, name, title, org, former):
    doc = load_nlp()(text)
    span = next(e for e in doc.ents if e.text == name)
    assert Role(title, org, former) in roles_of(span)


@pytest.mark.parametrize("text,name", [
    ("Officials in Moscow met Anna Petrova on Monday.", "Anna Petrova"),
    ("On Friday Mark Jones said nothing.", "Mark Jones"),
    ("He met the mayor, Jane Doe, and the governor.", "Jane Doe"),      # a list of people, no apposition
])
def test_no_role_without_a_title(text, name):
    doc = load_nlp()(text)
    span = next(e for e in doc.ents if e.text == name)
    assert roles_of(span) == []


@pytest.mark.parametrize("a,b", [
    ("Foreign Minister", "foreign minister"), ("top diplomat", "Foreign Minister"),
    ("Secretary of State", "Foreign Secretary"), ("spokeswoman", "Press Secretary"), ("Deputy FM", "deputy foreign minister"),
])
def test_titles_that_name_one_office(a, b):
    assert title_key(a) == title_key(b)


@pytest.mark.parametrize("title,gender", [("spokeswoman", "F"), ("businessman", "M"), ("Press Secretary", None)])
def test_gender_of_title(title, gender):
    assert gender_of_title(title) == gender


@pytest.mark.parametrize("text,country", [
    ("U.S.", "United States"), ("US", "United States"), ("America", "United States"), ("UK", "United Kingdom"),
    ("Russian Federation", "Russia"), ("Russian", "Russia"), ("Britain", "United Kingdom"), ("Atlantis", None),
    # from the gazetteer: every country, its short forms, the hand-written names still winning
    ("Mali", "Mali"), ("Togo", "Togo"), ("Burma", "Myanmar"), ("DRC", "Democratic Republic of the Congo"),
    ("Czechia", "Czech Republic"), ("the Netherlands", "Netherlands"), ("Moscow", None), ("England", None),
])
def test_country_of(text, country):
    assert country_of(text) == country


def test_canonical_place_keeps_cities():
    assert canonical_place("the United States") == "United States"
    assert canonical_place("Moscow") == "Moscow"
    assert canonical_place("Burma") == "Myanmar"
    assert canonical_place("Palestinian Territories") == "Palestine"


# (sentence, name, the role string an Entity carries): the organisation or country as written stays on it,
# so that stage 4 can tell one country's minister from another's
DESCRIBED = [
    ("Russian Deputy Foreign Minister Anton Belov spoke.", "Anton Belov", "Russian Deputy Foreign Minister"),
    ("The family of former US Marine Tom Avery called for his release.", "Tom Avery", "former US Marine"),
    ("Prosecutors said Ivan Drago, a notorious arms dealer, had fled.", "Ivan Drago", "arms dealer"),
    ("White House Press Secretary Dana Whitfield said the talks would continue.", "Dana Whitfield",
     "White House Press Secretary"),
    ("The talks were led by Secretary of State Henry Calloway.", "Henry Calloway", "Secretary of State"),
]


@pytest.mark.parametrize("text,name,role", DESCRIBED)
def test_describe_keeps_the_organisation_as_written(text, name, role):
    doc = load_nlp()(text)
    span = next(e for e in doc.ents if e.text == name)
    assert role in [describe(r) for r in roles_of(span)]
