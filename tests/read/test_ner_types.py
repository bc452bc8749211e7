"""One type for a name the article shows to be an organisation or a place (`ner_types`)."""
from __future__ import annotations

import pytest

from storyline.read.entities.ner_types import is_legal_form, without_legal_form
from storyline.read.entities.reader import find_entities
from storyline.read.nlp import load_nlp

# (text, name, the label each of its mentions must carry, in text order)
TYPES = [
    # a legal form anywhere makes the name an organisation everywhere
    ("Qualcomm Inc. reported higher sales on Wednesday. Analyst Mary Jones said Qualcomm would benefit from the "
     "deal.", "Qualcomm", ["ORG"]),
    # so do its shares
    ("Qualcomm shares rose 5 percent. Analyst Mary Jones said Qualcomm would benefit.", "Qualcomm", ["ORG"]),
    # a place the gazetteer lists, typed ORG after a preposition of place
    ("Fans in Chelsea celebrated late into the night.", "Chelsea", ["GPE"]),
    # a spelling variant of a gazetteer place ("Marrakesh", "Qatar", "Bogotá")
    ("Officials met in Marrakech on Monday.", "Marrakech", ["GPE"]),
    ("Talks in Katar ended late.", "Katar", ["GPE"]),
    ("He flew in from Bogota on Monday.", "Bogota", ["GPE"]),
    # typed GPE elsewhere in the same article
    ("Delegates met in Marrakech on Monday. The talks in Marrakech ended late.", "Marrakech", ["GPE", "GPE"]),
    # elsewhere a place name may be a team: no preposition of place, no change
    ("Chelsea won 2-0 at home on Saturday.", "Chelsea", ["ORG"]),
    # a market, not a company
    ("Hong Kong shares fell on Monday.", "Hong Kong", ["GPE"]),
    # a noun for a kind of company before the name
    ("Norrland named Peter Holm, the head of Danish carrier Kvant, as its chief executive.", "Kvant", ["ORG"]),
    ("Michelle worked in the Chicago branch of the law firm Sidley Austin.", "Sidley Austin", ["ORG"]),
    # ... not a noun a person can be too
    ("\"Argo\" director and co-producer Ben Affleck said he felt like he was hallucinating.", "Ben Affleck",
     ["PERSON"]),
    # a name whose last word names a kind of organisation
    ("Activist investor Hemberg Capital, which holds about 8% of the company, has pushed for a sale.",
     "Hemberg Capital", ["ORG"]),
    # one who says something of herself is a person
    ("The board searched for weeks after Ingrid Dahl said she would step down.", "Ingrid Dahl", ["PERSON"]),
    # so is a name with a person's occupation in apposition ...
    ("Per Ström, a partner at Hemberg Capital, welcomed the change.", "Ström", ["PERSON"]),
    # ... not a clause after a comma, nor an opening phrase's organisation
    ("Investigators at the Justice Department, a former official said, are reviewing the case.",
     "the Justice Department", ["ORG"]),
    ("In an interview with The Wall Street Journal, Samsung's co-chief executive and head of mobile said sales "
     "would rise.", "The Wall Street Journal", ["ORG"]),
    # a name with an age in apposition is a person's, unless the gazetteer lists it
    ("Whitfield, 58, who resigned in December, surrendered on Monday.", "Whitfield", ["PERSON"]),
    # a one-word place that is the surname of a person the article names in full is that person (news_surnames)
    ("Ohio Governor John Kasich spoke on Tuesday. Kasich bemoaned America's reputation around the world.",
     "Kasich", ["PERSON"]),
    ("Senator Jon Tester voted no. But despite his own opposition, Tester still pointed to the GOP as the key "
     "obstacle.", "Tester", ["PERSON"]),
    # ... unless the gazetteer lists it as a place
    ("George Washington crossed the Delaware River. Washington is the capital.", "Washington", ["GPE"]),
    # a named storm is an event, whatever the model made of it
    ("Typhoon Marites slammed into Albay province on Tuesday.", "Typhoon Marites", ["EVENT"]),
    ("Tropical Storm Opong killed nine people.", "Tropical Storm Opong", ["EVENT"]),
    ("Super Typhoon Haiyan devastated Tacloban.", "Super Typhoon Haiyan", ["EVENT"]),
    ("Cyclone Idai hit Mozambique.", "Cyclone Idai", ["EVENT"]),
    # ... not a weapon or a team named after one
    ("Ukraine fired Storm Shadow missiles.", "Storm Shadow", ["PRODUCT"]),
    ("The Carolina Hurricanes won.", "The Carolina Hurricanes", ["ORG"]),
    # a noun for a kind of body before the name makes an organisation
    ("Business groups welcomed the move. The small-business federation Conapyme said lower costs would help firms.",
     "Conapyme", ["ORG"]),
    # a family suffix ends a person's name, never an organisation's
    ("Brazil's ports minister, Sílvio Costa Filho, urged both sides to reach an agreement quickly.",
     "Sílvio Costa Filho", ["PERSON"]),
    # the agent of a news source's verb is a news organisation, not a place
    ("Most of the 22 economists surveyed by Bloomberg before the meeting had expected a cut.", "Bloomberg", ["ORG"]),
    # a sporting event's name is an event
    ("She won silver at last year's European Championships in Rome.", "European Championships", ["EVENT"]),
]


@pytest.mark.parametrize("text, name, labels", TYPES)
def test_the_article_types_a_name_as_an_organisation_or_a_place(text, name, labels):
    doc = load_nlp()(text)
    assert [e.label_ for e in doc.ents if e.text == name] == labels


# (text, the all-caps word, the labels of the entities that hold it, in text order): a word right after a model
# number is the rest of a product's name, never an organisation; after a count it may be one
MODELS = [
    ("Boeing's 737 MAX jets were grounded.", "MAX", ["PRODUCT"]),
    ("Boeing 737 MAX jets were grounded worldwide.", "MAX", ["PRODUCT"]),
    ("The 737 MAX returned to service in 2020.", "MAX", ["PRODUCT"]),
    ("The FAA grounded the 737 MAX 9 after the blowout. The MAX has a history of problems.", "MAX",
     ["PRODUCT", "PRODUCT"]),
    ("Airbus sold 50 A321 XLR jets.", "XLR", ["PRODUCT"]),
    ("The UN sent 300 UN peacekeepers to the area.", "UN", ["ORG", "ORG"]),
    ("Police arrested 12 FBI agents.", "FBI", ["ORG"]),
    ("The 2024 NATO summit was held in Washington.", "NATO", ["ORG"]),
    ("Friday, February 20, 2009; Page D01 NEW YORK, Feb. 19 -- The Dow Jones industrial average slid.", "YORK",
     ["GPE"]),
]


@pytest.mark.parametrize("text, word, labels", MODELS)
def test_an_all_caps_word_after_a_model_number_is_a_product(text, word, labels):
    doc = load_nlp()(text)
    assert [e.label_ for e in doc.ents if word in e.text.split()] == labels
    ents, _ = find_entities(doc)
    assert (word in {e.name for e in ents if e.type == "ORG"}) == ("ORG" in labels)


def test_a_word_of_a_persons_name_stays_a_person():
    doc = load_nlp()("Actor Harrison Ford arrived on Monday. Ford Motor Co. shares fell. Ford said nothing.")
    assert "ORG" not in {e.label_ for e in doc.ents if e.text == "Ford"}


@pytest.mark.parametrize("word, legal", [
    ("Inc.", True), ("Corp", True), ("N.V.", True), ("plc", True), ("Ltd", True), ("AG", True),
    ("CO", False), ("inc", False), ("Company", False), ("Group", False),
])
def test_legal_forms(word, legal):
    assert is_legal_form(word) is legal


@pytest.mark.parametrize("name, bare", [
    ("Qualcomm Inc.", "Qualcomm"), ("Deere & Co.", "Deere"), ("Apple, Inc.", "Apple"),
    ("Micron Technology Inc", "Micron Technology"), ("Texas AG", "Texas AG"), ("Qualcomm", "Qualcomm"),
    ("Inc.", "Inc."),
])
def test_without_legal_form(name, bare):
    assert without_legal_form(name) == bare


def test_an_organisation_with_and_without_its_legal_form_is_one_entity():
    ents, _ = find_entities(load_nlp()("Qualcomm Inc. reported higher sales on Wednesday. Analyst Mary Jones said "
                                       "Qualcomm would benefit from the deal."))
    qualcomm = [e for e in ents if "qualcomm" in e.name.lower()]
    assert len(qualcomm) == 1 and qualcomm[0].type == "ORG"
    assert {m.text for m in qualcomm[0].mentions} >= {"Qualcomm Inc.", "Qualcomm"}
