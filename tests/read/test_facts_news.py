"""Casualty counts, time in office and share price moves read from short news stories, as tables.

Entities are built by hand (each listed name is one entity); events come from the real event reader.
Each row: text, entities, facts that must be read, facts that must not.
"""
from __future__ import annotations

from datetime import date

import pytest

from storyline.read.events.facts import find_facts
from storyline.read.events.finder import find_events
from storyline.read.nlp import load_nlp
from storyline.records import DateRange, TimeExpression

from .fakes import entities_named

P, G, O = "PERSON", "GPE", "ORG"
PUB = DateRange(date(2025, 3, 10), date(2025, 3, 10))
MONDAY = {"Monday": ("DATE", "2025-03-10", date(2025, 3, 10), date(2025, 3, 10)),
          "Tuesday": ("DATE", "2025-03-11", date(2025, 3, 11), date(2025, 3, 11))}


def facts_of(text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
    ents = entities_named(text, names)
    txs = [TimeExpression(text.find(t), text.find(t) + len(t), t, *spec) for t, spec in MONDAY.items() if t in text]
    doc = load_nlp()(text)
    events = find_events(doc, ents, txs, PUB)
    name_of = {e.id: e.name for e in ents}
    return {(name_of[f.subject], f.attribute, f.value) for f in find_facts(doc, ents, events, txs, PUB)}


DEAD, HURT = "count of dead", "count of injured"
ROWS = [
    # casualty counts: in words or digits, active, passive, intransitive, with "at least" / "more than"
    ("MARL, Germany (Reuters) - An explosion ripped through a chemical plant in the city of Marl on Tuesday, "
     "killing two workers and injuring 11 others.", {"MARL": G, "Germany": G, "Marl": G},
     {("Marl", DEAD, "2"), ("Marl", HURT, "11")}, {("MARL", DEAD, "2"), ("Germany", DEAD, "2")}),
    ("The minister visited the site of the explosion in Marl. Twelve people were injured, three of them seriously.",
     {"Marl": G}, {("Marl", HURT, "12")}, {("Marl", HURT, "3")}),
    # a dateline says where the copy was filed, a landmark what it was near: neither is where it happened
    ("PASADENA, Texas (AP) — An explosion at a plant near Houston killed one worker and injured seven others.",
     {"PASADENA": G, "Texas": G, "Houston": G}, set(),
     {("PASADENA", DEAD, "1"), ("PASADENA", HURT, "7"), ("Houston", HURT, "7")}),
    ("MANILA, Philippines (AP) — The death toll from the floods climbed to 47 on Monday, officials said.",
     {"MANILA": G, "Philippines": G}, set(), {("MANILA", DEAD, "47"), ("Philippines", DEAD, "47")}),
    ("At least 40 people were killed and more than 100 wounded in a bombing in Kabul on Tuesday.", {"Kabul": G},
     {("Kabul", DEAD, "at least 40")}, set()),
    ("Two workers died after the blast at the refinery in Pasadena and eight were injured.", {"Pasadena": G},
     {("Pasadena", DEAD, "2"), ("Pasadena", HURT, "8")}, set()),
    ("The fire in Dhaka raised the death toll to 45. Three people are missing.", {"Dhaka": G},
     {("Dhaka", DEAD, "45"), ("Dhaka", "count of missing", "3")}, set()),
    # running totals: what a toll or number of the dead rose to, reached, stands at or passed
    ("The death toll from the earthquake in Nepal rose to more than 40 on Wednesday.", {"Nepal": G},
     {("Nepal", DEAD, "more than 40")}, set()),
    ("The death toll in Gaza has risen to 43. Italy's death toll reached 21.", {"Gaza": G, "Italy": G},
     {("Gaza", DEAD, "43"), ("Italy", DEAD, "21")}, {("Gaza", DEAD, "21")}),
    ("A fire swept through a market in Lagos. The toll from the blaze reached 43 on Thursday, officials said.",
     {"Lagos": G}, {("Lagos", DEAD, "43")}, set()),
    ("The number of people killed by the flooding in Valencia has risen to 43, the council said.",
     {"Valencia": G}, {("Valencia", DEAD, "43")}, set()),
    ("The number of dead from the quake in Turkey stands at 1,200 and the number of injured climbed to 5,000.",
     {"Turkey": G}, {("Turkey", DEAD, "1200"), ("Turkey", HURT, "5000")}, set()),
    ("The death toll from the earthquake in Turkey has topped 1,000. It climbed past 900 on Monday.",
     {"Turkey": G}, {("Turkey", DEAD, "more than 1000")}, {("Turkey", DEAD, "1000")}),
    ("The death toll from the earthquake in Turkey could rise to 2,000, officials warned.", {"Turkey": G},
     set(), {("Turkey", DEAD, "2000")}),
    ("The explosion in Marl was heard for miles. At least 41 people were confirmed dead as of Wednesday noon.",
     {"Marl": G}, {("Marl", DEAD, "at least 41")}, set()),
    ("More than 100 people were reported killed in the attack in Kabul. Nearly 50 are feared dead in Herat.",
     {"Kabul": G, "Herat": G}, {("Kabul", DEAD, "more than 100")}, {("Herat", DEAD, "nearly 50")}),
    ("The landslide in Kerala buried a village. Eleven people remain missing, down from 17 on Wednesday.",
     {"Kerala": G}, {("Kerala", "count of missing", "11")}, {("Kerala", "count of missing", "17")}),
    ("The landslide in Kerala buried a village, officials said on Thursday.\n\nEleven people remain missing, "
     "down from 17 on Wednesday, NDRRMC spokesperson Ramon Villanueva said.",
     {"Kerala": G, "Ramon Villanueva": P}, {("Kerala", "count of missing", "11")}, set()),
    ("The landslide in Kerala left at least nine dead and 20 injured.", {"Kerala": G},
     {("Kerala", DEAD, "at least 9")}, set()),
    # a storm with a name is the incident its counts are of; one named but no entity is another incident
    ("Typhoon Marites slammed into the eastern Philippines on Monday, triggering landslides that killed at least "
     "12 people. The death toll from the storm reached 43 on Thursday.",
     {"Typhoon Marites": "EVENT", "Philippines": G},
     {("Typhoon Marites", DEAD, "at least 12"), ("Typhoon Marites", DEAD, "43")},
     {("Philippines", DEAD, "at least 12"), ("Philippines", DEAD, "43")}),
    ("Typhoon Marites hit the Philippines. Tropical Storm Opong left at least nine dead in the region last month.",
     {"Marites": "ORG", "Philippines": G}, set(),
     {("Marites", DEAD, "at least 9"), ("Philippines", DEAD, "at least 9")}),
    ("Typhoon Marites slammed into the eastern Philippines, triggering landslides that killed at least 12 people.",
     {"Philippines": G}, {("Philippines", DEAD, "at least 12")}, set()),
    ("The National Hurricane Center said the storm over Cuba had killed 12 people.",
     {"National Hurricane Center": O, "Cuba": G}, {("Cuba", DEAD, "12")}, {("National Hurricane Center", DEAD, "12")}),
    # a count of another incident keeps that incident's place
    ("The explosion in Marl is the deadliest since a blast at a site in Leverkusen in 2021 killed seven people.",
     {"Marl": G, "Leverkusen": G}, {("Leverkusen", DEAD, "7")}, {("Marl", DEAD, "7")}),
    # precision: ages, years, money and employees are no casualty counts; no place, no count
    ("Two workers, aged 34 and 51, were killed in the explosion in Marl.", {"Marl": G},
     {("Marl", DEAD, "2")}, {("Marl", DEAD, "34"), ("Marl", DEAD, "51")}),
    ("The company, which employs 3,400 people in Marl, lost $5 million after the fire.", {"Marl": G}, set(),
     {("Marl", DEAD, "3400"), ("Marl", HURT, "3400")}),
    ("Rebels killed 35 civilians in the village.", {"Rebels": O}, set(), {("Rebels", DEAD, "35")}),
    # an incident placed in a region the reader types as an organisation; the place of the incident, never a
    # place the sentence names for something else; a bare toll where deaths are told; increments are no totals
    ("At least 12 people were killed after torrential rain caused flash floods and mudslides in the southeastern "
     "Brazilian state of Minas Gerais, officials said on Tuesday.", {"Minas Gerais": O},
     {("Minas Gerais", DEAD, "at least 12")}, set()),
    ("The death toll from floods in the Brazilian state of Minas Gerais rose to 27, and at least 19 people remain "
     "missing.", {"Minas Gerais": O},
     {("Minas Gerais", DEAD, "27"), ("Minas Gerais", "count of missing", "at least 19")}, set()),
    ("The president toured the flood-hit town of Itabirito on Thursday as the death toll from this week's floods "
     "in Minas Gerais climbed to 41.", {"Itabirito": G, "Minas Gerais": O}, {("Minas Gerais", DEAD, "41")},
     {("Itabirito", DEAD, "41")}),
    ("The floods in Minas Gerais struck on Monday. The last eight people still missing have been found dead, "
     "bringing the toll to 49, officials said.", {"Minas Gerais": O}, {("Minas Gerais", DEAD, "49")},
     {("Minas Gerais", DEAD, "8")}),
    ("Rescuers found eight more bodies after the Minas Gerais floods, bringing the toll to 49.", {"Minas Gerais": O},
     {("Minas Gerais", DEAD, "49")}, {("Minas Gerais", DEAD, "8")}),
    ("The floods hit Valencia. Another 8 people were killed on Monday and 12 more people died on Tuesday.",
     {"Valencia": G}, set(), {("Valencia", DEAD, "8"), ("Valencia", DEAD, "12")}),
    ("The Hamas attack killed 12 people, the Velmar explosion four.", {"Hamas": O, "Velmar": O}, set(),
     {("Hamas", DEAD, "12"), ("Velmar", DEAD, "4")}),
    ("Police in Lagos said the toll on the economy rose to $5 million after the floods.", {"Lagos": G}, set(),
     {("Lagos", DEAD, "5"), ("Lagos", DEAD, "5000000")}),
    ("The bridge toll rose to 12 after the floods in Kerala. The death toll from the 2018 floods in Kerala was 483.",
     {"Kerala": G}, {("Kerala", DEAD, "483")}, {("Kerala", DEAD, "12"), ("Kerala", DEAD, "2018")}),
    ("The floods in Kerala killed 40 people. Rescuers saved 120 people and 35 people were rescued from roofs.",
     {"Kerala": G}, {("Kerala", DEAD, "40")}, {("Kerala", DEAD, "120"), ("Kerala", DEAD, "35")}),
    # a toll of another incident keeps that incident's place
    ("The floods in Minas Gerais killed 12 people, the worst since the 2011 floods in Rio de Janeiro, whose death "
     "toll reached 900.", {"Minas Gerais": O, "Rio de Janeiro": G},
     {("Minas Gerais", DEAD, "12"), ("Rio de Janeiro", DEAD, "900")}, {("Minas Gerais", DEAD, "900")}),
    # the displaced: forced from or fled their homes, left homeless, displaced; not those in shelters or rescued
    ("The floods in Minas Gerais killed 12. About 1,800 people have been forced from their homes, officials said.",
     {"Minas Gerais": O}, {("Minas Gerais", "count of displaced", "about 1800")}, set()),
    ("More than 3,000 people are now homeless after the floods in Minas Gerais.", {"Minas Gerais": O},
     {("Minas Gerais", "count of displaced", "more than 3000")}, set()),
    ("The earthquake in Turkey left 20,000 people homeless. The quake displaced 5,000 residents. 900 fled their homes.",
     {"Turkey": G}, {("Turkey", "count of displaced", "20000"), ("Turkey", "count of displaced", "5000"),
                     ("Turkey", "count of displaced", "900")}, set()),
    ("After the floods in Kerala, 3,500 people were in shelters and 700 could be forced from their homes.",
     {"Kerala": G}, set(), {("Kerala", "count of displaced", "3500"), ("Kerala", "count of displaced", "700")}),
    ("The floods in Kerala forced the closure of 40 schools. Officials said 2,000 homes were damaged.",
     {"Kerala": G}, set(), {("Kerala", "count of displaced", "40"), ("Kerala", "count of displaced", "2000")}),
    # time in office
    ("Ingrid Dahl is stepping down after six years at the helm, Norrland said.", {"Ingrid Dahl": P, "Norrland": O},
     {("Ingrid Dahl", "years in office", "6 years")}, set()),
    ("Mark Tellis had led the company since 2019.", {"Mark Tellis": P},
     {("Mark Tellis", "in office since", "2019")}, set()),
    ("Mark Tellis, who had been CEO since 2018, has not commented.", {"Mark Tellis": P},
     {("Mark Tellis", "in office since", "2018")}, set()),
    ("Dan Ortega had worked at the plant for 19 years. Ana Lopez has lived in Paris since 2010.",
     {"Dan Ortega": P, "Ana Lopez": P, "Paris": G}, set(),
     {("Dan Ortega", "years in office", "19 years"), ("Ana Lopez", "in office since", "2010")}),
    ('"After six intense years, I feel this is the right time," Ingrid Dahl said.', {"Ingrid Dahl": P}, set(),
     {("Ingrid Dahl", "years in office", "6 years")}),
    # share price moves, dated by the sentence or the publication day; spans of days are left out
    ("Norrland shares fell 4.2 percent on Monday morning.", {"Norrland": O},
     {("Norrland", "share price change on 2025-03-10", "4.2% lower")}, set()),
    ("Norrland said so in a statement. The shares fell 4.2% in early trading.", {"Norrland": O},
     {("Norrland", "share price change on 2025-03-10", "4.2% lower")}, set()),
    ("Shares of Kvant rose 3.5% on Tuesday.", {"Kvant": O},
     {("Kvant", "share price change on 2025-03-11", "3.5% higher")}, set()),
    ("Velmar's shares have fallen about 9% since the blast. Velmar shares fell another 6% on Monday.", {"Velmar": O},
     set(), {("Velmar", "share price change on 2025-03-10", "9% lower"),
             ("Velmar", "share price change on 2025-03-10", "6% lower")}),
    # a news agency is who reports the shares, not whose they are
    ("Velmar said it would pay, Reuters reported. The shares fell 4.2% in early trading.",
     {"Velmar": O, "Reuters": O}, {("Velmar", "share price change on 2025-03-10", "4.2% lower")},
     {("Reuters", "share price change on 2025-03-10", "4.2% lower")}),
    # ... nor is a regulator, a court or a union named in between: they have no shares
    ("The Information Commissioner's Office fined Corvane on Monday. The Data Protection Commission fined it too. "
     "Shares rose 3% after the announcement.",
     {"Information Commissioner's Office": O, "Corvane": O, "Data Protection Commission": O},
     {("Corvane", "share price change on 2025-03-10", "3% higher")},
     {("Data Protection Commission", "share price change on 2025-03-10", "3% higher")}),
    ("Velmar was sued at Leeds Crown Court, and the GMB Union backed the claim. The shares fell 2% on Monday.",
     {"Velmar": O, "Leeds Crown Court": O, "GMB Union": O},
     {("Velmar", "share price change on 2025-03-10", "2% lower")}, set()),
    # a close, an end or a day's trading up or down
    ("Norrland said so. Shares closed up 3.4% after the announcement, their first gain since the breach.",
     {"Norrland": O}, {("Norrland", "share price change on 2025-03-10", "3.4% higher")}, set()),
    ("Norrland shares ended 2.1% lower on Monday. Kvant shares were trading 3% higher.", {"Norrland": O, "Kvant": O},
     {("Norrland", "share price change on 2025-03-10", "2.1% lower"),
      ("Kvant", "share price change on 2025-03-10", "3% higher")}, set()),
    ("Velmar cut its profit forecast by 15% on Monday.", {"Velmar": O}, set(),
     {("Velmar", "share price change on 2025-03-10", "15% lower")}),
]


@pytest.mark.parametrize("text,names,want,unwanted", ROWS, ids=[r[0][:40] for r in ROWS])
def test_news_fact_table(text, names, want, unwanted):
    got = facts_of(text, names)
    assert want <= got, got
    assert not (unwanted & got), got
