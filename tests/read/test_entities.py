"""The entity layer: pipeline fixes on annotated sentences, one entity per referent, speakers."""
from __future__ import annotations

import re

import pytest

from storyline.read.entities.reader import find_entities, fold
from storyline.read.nlp import load_nlp
from storyline.records import Mention, Quote

from .entity_sentences import SENTENCES

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}


def _f1(nlp) -> float:
    tp = got = gold = 0
    for text, expected in SENTENCES:
        found = {(e.text, e.label_) for e in nlp(text).ents if e.label_ in LABELS}
        tp += len(found & set(expected))
        got += len(found)
        gold += len(set(expected))
    p, r = tp / got, tp / gold
    return 2 * p * r / (p + r)


def test_fixes_beat_the_bare_model_on_news_sentences():
    fixed = _f1(load_nlp())
    assert fixed >= 0.90              # floor: was 0.93 when pinned
    assert fixed > _f1(load_nlp(fixes=False)) + 0.05


# (text, entity name, type, aliases that must be on it, mention texts that must be on it)
ENTITIES = [
    ("Press Secretary Dana Whitfield spoke on Friday. Whitfield said the offer stood. "
     "“We are ready,” the spokeswoman said.",
     "Dana Whitfield", "PERSON", {"Whitfield"}, {"Whitfield", "spokeswoman"}),
    ("Deputy Foreign Minister Sergey Lavin met envoys. Sergei Lavin later told reporters that talks stalled.",
     "Sergey Lavin", "PERSON", {"Sergei Lavin"}, {"Sergei Lavin"}),
    ("The U.S. and Russia traded prisoners. The United States said the US would not pay. America waited.",
     "United States", "GPE", {"U.S.", "US", "America"}, {"U.S.", "US", "America"}),
    ("The UK sanctioned banks. Britain said more would follow.", "United Kingdom", "GPE", {"UK", "Britain"}, set()),
    ("Canadian businessman Mark Holt was detained in Beijing. Holt denies the charges, and he plans to appeal.",
     "Mark Holt", "PERSON", {"Holt"}, {"he"}),
    ("Jailed journalist Nadia Young was freed. The 29-year-old thanked her supporters.",
     "Nadia Young", "PERSON", set(), {"29-year-old", "her"}),
    ("The Russian Foreign Minister said he was ready to talk. Russia's top diplomat said he would call.",
     "Russian Foreign Minister", "PERSON", {"Russia's top diplomat"}, {"he"}),
]


# an acronym is the organisation it stands for: in brackets after its name (its letters in any order), or
# spelled by the initials of a name of the same article; not one of two names it could stand for
ENTITIES += [
    ("The Brazilian Association of Port Terminals (ABTP) said losses mounted. ABTP asked for talks.",
     "Brazilian Association of Port Terminals", "ORG", {"ABTP"}, {"ABTP"}),
    ("Santos Port Authority (SPA) said ships waited. The SPA later reopened two berths.",
     "Santos Port Authority", "ORG", {"SPA"}, {"SPA"}),
    ("The Athletics Integrity Unit charged her on Monday. The AIU said the test was positive.",
     "Athletics Integrity Unit", "ORG", {"AIU"}, {"AIU"}),
    ("WADA said it would study the ruling. The World Anti-Doping Agency may appeal.",
     "World Anti-Doping Agency", "ORG", {"WADA"}, {"WADA"}),
]

# a name the model misses before ", who" or an apposition with a title is a person's; the office the relative
# clause gives is hers, so "the governor" said before she is named is she when no one else holds it
ENTITIES += [
    ('"We are not declaring victory," the governor told reporters on Thursday.\n\n'
     "Ines Martinez, who took over as governor in 2024, had told lawmakers that the board was watching prices.",
     "Ines Martinez", "PERSON", set(), {"Ines Martinez", "governor"}),
    ('"We will wait," he said.\n\nMarta Ruiz, who leads the union, told lawmakers rates would fall.',
     "Marta Ruiz", "PERSON", set(), {"Marta Ruiz"}),
]


@pytest.mark.parametrize("text,name,typ,aliases,mentions", ENTITIES)
def test_one_entity_per_referent(text, name, typ, aliases, mentions):
    ents, _ = find_entities(load_nlp()(text))
    e = next(e for e in ents if e.name == name)
    assert e.type == typ
    assert aliases <= set(e.aliases)
    assert mentions <= {m.text for m in e.mentions}
    for m in e.mentions:
        assert text[m.start:m.end] == m.text
    assert [x.id for x in ents] == [f"e{k}" for k in range(1, len(ents) + 1)]


@pytest.mark.parametrize("text,description,person,other", [
    ("Prosecutor Kevin Hartley told the court that Whitfield lied. Whitfield's lawyer, Rachel Stein, asked for "
     "probation.", "Whitfield's lawyer", "Rachel Stein", "Kevin Hartley"),
    ("Police Chief John Harris visited the site. The company's spokesman, Michael Reynolds, said the plant was safe.",
     "company's spokesman", "Michael Reynolds", "John Harris"),
])
def test_a_description_the_name_stands_in_apposition_to_is_that_person(text, description, person, other):
    ents, _ = find_entities(load_nlp()(text))
    by_name = {e.name: {m.text for m in e.mentions} for e in ents}
    assert description in by_name[person] and description not in by_name[other]


@pytest.mark.parametrize("text,person,not_his", [
    # a description under a kinship noun is someone else; the subject keeps the pronoun after it
    ("Halvorsen's chairman, Oyvind Brekke, is a grandson of the company's founder. He has not commented.",
     "Oyvind Brekke", {"company's founder"}),
    # a surname before a word for a family names the family, not the person
    ("Oyvind Brekke chairs the board. The Brekke family holds 22% of the shares.", "Oyvind Brekke", {"Brekke"}),
])
def test_what_is_said_of_a_relative_is_not_the_person(text, person, not_his):
    ents, _ = find_entities(load_nlp()(text))
    e = next(e for e in ents if e.name == person)
    assert not ({m.text for m in e.mentions} & not_his)
    assert "He" not in text or "He" in {m.text for m in e.mentions}


@pytest.mark.parametrize("text,not_person", [
    ("Senator Laura Mendes speaks in Boston. © Jonas Weber / Getty Images / AFP", "Jonas Weber"),
    ("Troops left the city. Photo: Mehmet Ozturk/AFP", "Mehmet Ozturk"),
    ("Read more\nOfficials in Kyiv haven’t confirmed the report.", "n’t"),
    ("Moscow's Envoy Claims U.S. Holding 60 Russians 'Hostage'\n\nThe citizens were taken hostage, he said.", "Hostage"),
    # datelines, scores, products and places the small model calls people
    ("DERAA, Syria | Sat Mar 26, 2011 5:24pm EDT\n\nDERAA (Reuters) - Thousands marched.", "Sat Mar"),
    ("Barclays Premier League club Chelsea won again.", "League"),
    ("The new Samsung Galaxy S5 and Galaxy Alpha phones went on sale.", "Galaxy S5"),
    ("Gunmen stormed a concert hall, the Bataclan. Police said the Bataclan was sealed.", "Bataclan"),
    ("He lived on Rue Bichat in Paris.", "Rue Bichat"),
    ("says Robert Cessaro, a senior geophysicist at the Pacific Tsunami Warning Center in Hawaii.",
     "Pacific Tsunami Warning Center"),
    ("With all polling stations counted, Nunez won 42.1 percent of the vote against 30.3 percent for Ortiz, the "
     "Supreme Electoral Tribunal said. Turnout was 64 percent.", "Turnout"),
])


def test_no_person_for_what_is_not_one(text, not_person):
    ents, _ = find_entities(load_nlp()(text))
    names = {n for e in ents if e.type == "PERSON" for n in (e.name,) + e.aliases}
    assert not_person not in names


def test_a_sum_of_money_is_no_part_of_a_name():
    ents, _ = find_entities(load_nlp()("The regulator fined Corvane 15.4 million pounds on Monday."))
    assert "Corvane" in {e.name for e in ents} and not any("million" in e.name for e in ents)


# (text, an organisation's name with a possessive inside, its type): the possessive is part of the name
INNER_POSSESSIVES = [
    ("Analysts said it could face a fine from the Information Commissioner's Office, and a penalty in Ireland.",
     "Information Commissioner's Office", "ORG"),
    ("Britain's Information Commissioner's Office fined Corvane on Monday.", "Information Commissioner's Office", "ORG"),
    ("She was treated at Boston Children's Hospital on Friday.", "Boston Children's Hospital", "ORG"),
    ("Officials at St Mary's Hospital said the patient was stable.", "St Mary's Hospital", "ORG"),
    ("The minister spoke at King's College London on Tuesday.", "King's College London", "ORG"),
    ("The Information Commissioner's Office (ICO), Britain's data regulator, said it was investigating.",
     "Information Commissioner's Office", "ORG"),
    # the office of an office-holder, which the model misses or cuts ("General's Office")
    ("A spokesman for the Prime Minister's Office declined to comment.", "Prime Minister's Office", "ORG"),
    ("The Attorney General's Office said it would appeal.", "Attorney General's Office", "ORG"),
    ("The case went to the Director of Public Prosecutions' Office.", "Director of Public Prosecutions' Office", "ORG"),
]


@pytest.mark.parametrize("text,name,typ", INNER_POSSESSIVES)
def test_a_possessive_inside_a_name_is_part_of_it(text, name, typ):
    ents, _ = find_entities(load_nlp()(text))
    assert (name, typ) in {(e.name, e.type) for e in ents}, [(e.name, e.type) for e in ents]


@pytest.mark.parametrize("text,end,label,want", [
    # a country's possessive before an organisation is the country; a person's name ends at a possessive
    ("Britain's Foreign Office said so.", 4, "ORG", [("Britain", "GPE"), ("Foreign Office", "ORG")]),
    ("He visited Jo Doe's Office.", 6, "PERSON", [("Jo Doe", "PERSON")]),
    ("Here's Moscow, he said.", 3, "GPE", []),             # a contraction inside: noise
])
def test_a_span_with_a_possessive_inside_is_split_at_it(text, end, label, want):
    from spacy.tokens import Span
    from storyline.read.entities.ner_fixes import news_noise
    doc = load_nlp(fixes=False)(text)
    start = 2 if text.startswith("He visited") else 0
    doc.ents = [Span(doc, start, end, label=label)]
    assert [(e.text, e.label_) for e in news_noise(doc).ents] == want


# (text, names that must come out with their types): a body named for a country is one organisation where
# the article says it is a body; a place before a country, or an outlet before one, stays as it was
COUNTRY_BODIES = [
    ("Industry body Mobile UK said operators needed tighter control. Mobile UK added that it would help.",
     {("Mobile UK", "ORG")}),
    ("Mobile UK, the industry body, said operators needed tighter control.", {("Mobile UK", "ORG")}),
    ("The charity Save the Children UK said so.", {("Save the Children UK", "ORG")}),
    ("Trade body Energy UK said bills would fall.", {("Energy UK", "ORG")}),
    ("The mobile operator Vodafone UK said it was investigating.", {("Vodafone UK", "ORG")}),
    ("He flew from Paris, France, to Mobile, Alabama.", {("Paris", "GPE"), ("France", "GPE"), ("Mobile", "GPE")}),
    ("Ministers in Paris France agreed.", {("Paris", "GPE"), ("France", "GPE")}),
]


@pytest.mark.parametrize("text,names", COUNTRY_BODIES)
def test_a_body_named_for_a_country_is_one_organisation(text, names):
    ents, _ = find_entities(load_nlp()(text))
    assert names <= {(e.name, e.type) for e in ents}, [(e.name, e.type) for e in ents]


# (text, what the model reads as a PERSON, the name that must come out instead)
PERSON_SPANS = [
    ("Defender Brede Hangeland scored twice.", "Brede Hangeland"),
    # a given name the model leaves between the title and the rest, and a police rank
    ("Governor Ana Paula Ferreira accused federal agencies of failing.", "Ana Paula Ferreira"),
    ("Detective Constable Sam Ferreira said the case was complex.", "Sam Ferreira"),
    ("Citing Obama, the paper said so.", "Obama"),
    ("Clerk Miguel Del Valle won the vote.", "Miguel Del Valle"),
    ("Welshman Mark Hughes said so.", "Mark Hughes"),
    ("Holmes (Stoke) and Jenas (Nottingham Forest) scored.", "Holmes"),
    ("Jaime Alguersuari 14 laps behind Kamui Kobayashi 7", "Jaime Alguersuari"),
    ("Opposition\nAbdel Halim Khaddam\nExiled leader speaks.", "Abdel Halim Khaddam"),
]


@pytest.mark.parametrize("text,name", PERSON_SPANS)
def test_person_spans_hold_only_the_name(text, name):
    ents, _ = find_entities(load_nlp()(text))
    persons = {e.name for e in ents if e.type == "PERSON"}
    assert name in persons, persons


# (text, one-word name, type it must have): places the model reads as people, and people
# whose name is also a place, which the gazetteer repair must leave alone
PLACE_OR_PERSON = [
    ("Blackburn 2 Wigan 1. Hull drew with Bolton.", "Bolton", "GPE"),
    ("French troops fought rebels in Mali. Mali said the offensive would continue.", "Mali", "GPE"),
    ("A Scot from Glasgow who joined Reuters in 1952, he drove a jeep.", "Glasgow", "GPE"),
    ("Jordan Henderson scored twice. Jordan said he was happy.", "Jordan Henderson", "PERSON"),
    ("In full: Anderson (Nottingham, UK), Beardsmore (Wigan, UK).", "Anderson", "PERSON"),
    ("Taylor said the team was ready.", "Taylor", "PERSON"),
]


@pytest.mark.parametrize("text,name,typ", PLACE_OR_PERSON)
def test_gazetteer_places_are_not_people(text, name, typ):
    ents, _ = find_entities(load_nlp()(text))
    assert typ in {e.type for e in ents if e.name == name}, [(e.name, e.type) for e in ents]


def test_demonym_is_not_the_country():
    ents, _ = find_entities(load_nlp()("Russian officials said Russia would respond."))
    russia = next(e for e in ents if e.name == "Russia")
    assert "Russian" not in russia.aliases and russia.type == "GPE"


def test_two_people_sharing_a_surname_stay_apart():
    text = "Joe Carter met Anna Carter in Rome. Anna Carter said little."
    ents, _ = find_entities(load_nlp()(text))
    assert {e.name for e in ents if e.type == "PERSON"} == {"Joe Carter", "Anna Carter"}


def _quote(text: str, speaker: str, occurrence: int = 0) -> Quote:
    start = [m.start() for m in re.finditer(r"\b" + re.escape(speaker) + r"\b", text)][occurrence]
    return Quote(0, 1, "x", "direct", speaker=Mention(start, start + len(speaker), speaker))


# (text, speaker as written, occurrence of it, expected entity name)
SPEAKERS = [
    ("Jean Dupont arrived late. “We will not sign,” he said.", "he", 0, "Jean Dupont"),
    ("Maria Lopez met Carl Weiss. “No deal,” she said.", "she", 0, "Maria Lopez"),
    ("Press Secretary Ana Ruiz spoke on Friday. “Talks go on,” the spokeswoman stressed.",
     "the spokeswoman", 0, "Ana Ruiz"),
    ("Ivan Petrov, a Russian diplomat, arrived. Petrov said the offer was serious.", "Petrov", 0, "Ivan Petrov"),
    ("The Russian Foreign Minister spoke first. Russia's top diplomat said he would be ready.",
     "he", 0, "Russian Foreign Minister"),
    # a relative pronoun speaks for the noun it stands for
    ("Martin Ashby, who had promised a return to profit, quit on Tuesday.", "who", 0, "Martin Ashby"),
]


@pytest.mark.parametrize("text,speaker,occurrence,name", SPEAKERS)
def test_quote_speakers_resolve(text, speaker, occurrence, name):
    ents, quotes = find_entities(load_nlp()(text), [_quote(text, speaker, occurrence)])
    by_id = {e.id: e for e in ents}
    assert quotes[0].speaker_entity is not None
    assert by_id[quotes[0].speaker_entity].name == name


@pytest.mark.parametrize("text,speaker", [
    ("The interior minister of North Rhine-Westphalia called for a full inquiry.",
     "The interior minister of North Rhine-Westphalia"),
    ("Prosecutors in Essen said they had opened an inquiry.", "Prosecutors in Essen"),
])
def test_a_place_after_a_speakers_noun_is_not_the_speaker(text, speaker):
    ents, quotes = find_entities(load_nlp()(text), [_quote(text, speaker, 0)])
    by_id = {e.id: e for e in ents}
    assert by_id.get(quotes[0].speaker_entity, None) is None or by_id[quotes[0].speaker_entity].type != "GPE"


def test_a_speakers_head_resolves_before_its_last_word():
    text = "Ann Lee of the Red Cross met reporters. Lee said the road was closed."
    ents, quotes = find_entities(load_nlp()(text), [_quote(text, "Ann Lee of the Red Cross", 0)])
    assert {e.id: e for e in ents}[quotes[0].speaker_entity].name == "Ann Lee"


@pytest.mark.parametrize("a,b", [("Sergey", "Sergei"), ("Zelensky", "Zelenskyy"), ("Dmitry", "Dmitri"),
                                 ("Øyvind", "Oyvind"), ("Łukasz", "Lukasz"), ("Strauß", "Strauss")])
def test_transliterations_fold_together(a, b):
    assert fold(a) == fold(b)


# Field case 17 (names with particles, hyphens and possessives): the values decided before running
CASE_17 = ("Dutch envoy Pieter van der Berg met Foreign Minister Leila al-Khatib in Amman on Thursday. Van der "
           "Berg said the talks had been useful. Al-Khatib, who took office in March, said her country needed "
           "more help with refugees.\n\nA statement from Sheikh Omar bin Rashid welcomed the meeting.\n\nDanish "
           "economist Sofie Holm-Jensen said food prices in the camps had doubled since January. Holm-Jensen's "
           "report will be published next month.")
# (name, type, an alias it must have, alias it must not have, a role word)
CASE_17_ENTITIES = [
    ("Pieter van der Berg", "PERSON", "Van der Berg", None, "envoy"),
    ("Leila al-Khatib", "PERSON", "Al-Khatib", None, "Foreign Minister"),
    ("Omar bin Rashid", "PERSON", None, None, "Sheikh"),
    ("Sofie Holm-Jensen", "PERSON", "Holm-Jensen", "Holm-Jensen's", "economist"),
    ("Amman", "GPE", None, None, None),
]


@pytest.fixture(scope="module")
def case_17():
    return find_entities(load_nlp()(CASE_17), [_quote(CASE_17, "Van der Berg"), _quote(CASE_17, "Al-Khatib", 0)])


@pytest.mark.parametrize("name,typ,alias,not_alias,role", CASE_17_ENTITIES)
def test_names_with_particles_hyphens_and_possessives(case_17, name, typ, alias, not_alias, role):
    ents, _ = case_17
    e = next(e for e in ents if e.name == name)
    assert e.type == typ
    assert alias is None or alias in e.aliases
    assert not_alias not in e.aliases
    assert role is None or any(role in r for r in e.roles), e.roles


def test_no_entity_for_a_part_of_a_name(case_17):
    ents, quotes = case_17
    names = {e.name for e in ents}
    assert not names & {"Pieter", "Berg", "Van", "Leila", "Khatib", "Holm", "Jensen", "Holm-Jensen's",
                        "Van der Berg", "Al-Khatib", "Holm-Jensen"}
    by_id = {e.id: e.name for e in ents}
    assert [by_id[q.speaker_entity] for q in quotes] == ["Pieter van der Berg", "Leila al-Khatib"]


# (text, the full name, the later form that must be one of its aliases)
PARTICLES = [
    ("Otto von Bismarck unified Germany. Von Bismarck said so.", "Otto von Bismarck", "Von Bismarck"),
    ("The aid came from Paulo da Silva. Da Silva said it was late.", "Paulo da Silva", "Da Silva"),
    ("Saudi Crown Prince Mohammed bin Salman met envoys. Bin Salman said little.", "Mohammed bin Salman",
     "Bin Salman"),
    ("Danish economist Anna Luckow-Nielsen said prices rose. Luckow-Nielsen's report is due.",
     "Anna Luckow-Nielsen", "Luckow-Nielsen"),
    ("Van Jones spoke on CNN. Jones said it was fine.", "Van Jones", "Jones"),
]


@pytest.mark.parametrize("text,name,alias", PARTICLES)
def test_a_surname_keeps_its_particles(text, name, alias):
    ents, _ = find_entities(load_nlp()(text))
    persons = {e.name: e for e in ents if e.type == "PERSON"}
    assert alias in persons[name].aliases, persons


# (text, a description in a lede, the person it must join or None): measured on the quotes dev set
LEDES = [
    ("A senior Russian diplomat has accused the United States of holding hostages, RIA reported Tuesday.\n\n"
     "Deputy Foreign Minister Sergei Vershinin's comments come two weeks after the swap.",
     "senior Russian diplomat", "Sergei Vershinin"),
    ("Senate Majority Leader Mitch McConnell let a judicial nominee get a vote: Waverly Crenshaw, a district "
     "court nominee.", "judicial nominee", "Crenshaw"),
    # whom the description works for, or what it says about someone, is not who it is
    ("A spokesman for presidential candidate Hillary Clinton called the report false.", "spokesman", None),
    ("In a video, a veteran diplomat said former Secretary Hillary Clinton put speed over security.",
     "veteran diplomat", None),
    # a supposed person is nobody yet
    ("Many wonder if a more conservative third-party candidate should run. Best-selling writer and former "
     "candidate Brad Thor told Glenn Beck he would consider it.", "third-party candidate", None),
]


@pytest.mark.parametrize("text,description,person", LEDES)
def test_a_lede_description_joins_the_person_named_next(text, description, person):
    ents, _ = find_entities(load_nlp()(text))
    holder = [e.name for e in ents if any(description in m.text for m in e.mentions)]
    if person is None:
        assert not any(" " in n and n[0].isupper() and description not in n for n in holder), holder
    else:
        assert holder == [person]


def test_a_surname_does_not_take_an_office_named_before_it():
    text = ("Collins said he was proud to back the next President of the United States. "
            "Collins said more later. The U.S. asked to talk to the Secretary of State. After Doe spoke, "
            "talks resumed.")
    ents, _ = find_entities(load_nlp()(text))
    for e in ents:
        if e.name in {"Collins", "Doe"}:
            assert not any("President" in a or "Secretary" in a for a in e.aliases), e
