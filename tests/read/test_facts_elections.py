"""Election results read from short news stories, as a table: shares of the vote, seats, turnout.

Entities are built by hand (each listed name is one entity); events come from the real event reader.
Each row: text, entities, facts that must be read, facts that must not.
"""
from __future__ import annotations

from datetime import date

import pytest

from storyline.read.events.facts import find_facts
from storyline.read.events.finder import find_events
from storyline.read.nlp import load_nlp
from storyline.records import DateRange

from .fakes import entities_named

P, G, O, E = "PERSON", "GPE", "ORG", "EVENT"
PUB = DateRange(date(2026, 2, 3), date(2026, 2, 3))
SHARE, SEATS, PROJ, TURN = "share of vote", "seats", "projected seats", "turnout"
ELECTION = ("share of vote", "seats", "projected seats", "turnout")


def facts_of(text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
    ents = entities_named(text, names)
    doc = load_nlp()(text)
    events = find_events(doc, ents, [], PUB)
    name_of = {e.id: e.name for e in ents}
    return {(name_of[f.subject], f.attribute, f.value) for f in find_facts(doc, ents, events, [], PUB)
            if f.attribute in ELECTION}


ROWS = [
    # shares of the vote: "%", "percent", "per cent"; with, won, had, for, in brackets
    ("José Núñez led the presidential election on Sunday with 38.4% of the vote with 61% of polling stations "
     "counted, putting him just short of the 40% threshold needed to avoid a runoff.", {"José Núñez": P},
     {("José Núñez", SHARE, "38.4%")}, {("José Núñez", SHARE, "61%"), ("José Núñez", SHARE, "40%")}),
    ("With all polling stations counted, Nunez won 42.1 percent of the vote against 30.3 percent for Ortiz, the "
     "tribunal said.", {"Nunez": P, "Ortiz": P},
     {("Nunez", SHARE, "42.1%"), ("Ortiz", SHARE, "30.3%")}, {("Nunez", SHARE, "30.3%")}),
    ("Núñez needs at least 40% to avoid an April runoff against second-placed Mariela Ortiz, who had 30.6%.",
     {"Núñez": P, "Mariela Ortiz": P}, {("Mariela Ortiz", SHARE, "30.6%")},
     {("Núñez", SHARE, "40%"), ("Núñez", SHARE, "at least 40%")}),
    ("Núñez won 41.2% of the vote. Mariela Ortiz was second with 31.2%, while Fabricio Alvarado trailed in third "
     "with 14.9%.", {"Núñez": P, "Mariela Ortiz": P, "Fabricio Alvarado": P},
     {("Núñez", SHARE, "41.2%"), ("Mariela Ortiz", SHARE, "31.2%"), ("Fabricio Alvarado", SHARE, "14.9%")},
     set()),
    ("The Social Democrats won 27.5 per cent of the votes cast, ahead of the Greens (14.1%).",
     {"Social Democrats": O, "Greens": O},
     {("Social Democrats", SHARE, "27.5%"), ("Greens", SHARE, "14.1%")}, set()),
    ("Lindqvist's share of the vote was 44%, the election commission said.", {"Lindqvist": P},
     {("Lindqvist", SHARE, "44%")}, set()),
    ("Lindqvist took 57 percent of the vote to Berg's 43 percent.", {"Lindqvist": P, "Berg": P},
     {("Lindqvist", SHARE, "57%"), ("Berg", SHARE, "43%")}, {("Lindqvist", SHARE, "43%")}),
    ("In Sunday's vote, Lindqvist led with 27 percent. Berg trails with 15 percent, and Dahl even further behind "
     "with 11 percent.", {"Lindqvist": P, "Berg": P, "Dahl": P},
     {("Lindqvist", SHARE, "27%"), ("Berg", SHARE, "15%"), ("Dahl", SHARE, "11%")}, {("Berg", SHARE, "11%")}),
    ("The count showed Lindqvist had received 49.8 percent while Berg received 49.6 percent.",
     {"Lindqvist": P, "Berg": P}, {("Lindqvist", SHARE, "49.8%"), ("Berg", SHARE, "49.6%")}, set()),
    ("Berg won the runoff with more than 50 percent of the vote.", {"Berg": P},
     {("Berg", SHARE, "more than 50%")}, {("Berg", SHARE, "50%")}),
    # not a share: how far the count has gone, a poll, a projection, an earlier election, a target
    ("With 95% of the vote counted, Lindqvist had 51%.", {"Lindqvist": P},
     {("Lindqvist", SHARE, "51%")}, {("Lindqvist", SHARE, "95%")}),
    ("Ahead of the election, polls put Lindqvist at 35% and Berg at 30%.", {"Lindqvist": P, "Berg": P}, set(),
     {("Lindqvist", SHARE, "35%"), ("Berg", SHARE, "30%")}),
    ("An exit poll gave Lindqvist 45% of the vote.", {"Lindqvist": P}, set(), {("Lindqvist", SHARE, "45%")}),
    ("Lindqvist won 48% of the vote in the runoff, up from 41% in 2022.", {"Lindqvist": P},
     {("Lindqvist", SHARE, "48%")}, {("Lindqvist", SHARE, "41%")}),
    ("Lindqvist won 41% of the vote in the 2022 election.", {"Lindqvist": P}, set(),
     {("Lindqvist", SHARE, "41%")}),
    ("Berg is on course to win 45% of the vote, the candidate's campaign said.", {"Berg": P}, set(),
     {("Berg", SHARE, "45%")}),
    ("Among Republicans, 27 percent would vote for Berg. Lindqvist lags behind with 15 percent.",
     {"Berg": P, "Lindqvist": P}, set(), {("Lindqvist", SHARE, "15%")}),
    ("The new survey has Berg on 30 percent. Lindqvist, who won the last election, has 25 percent.",
     {"Berg": P, "Lindqvist": P}, set(), {("Lindqvist", SHARE, "25%")}),
    ("Lindqvist took 43 percent of the Hispanic vote.", {"Lindqvist": P}, set(), {("Lindqvist", SHARE, "43%")}),
    ("Berg, with 329 delegates, needs to garner 52 percent of the vote.", {"Berg": P}, set(),
     {("Berg", SHARE, "52%")}),
    # an article giving one subject several values: the reader cannot tell which is its own, so none
    ("The ban on minarets passed in a referendum in Switzerland with 57.5 percent (53 percent turnout). A "
     "second measure was defeated in Switzerland, with a turnout of 49.4 percent.", {"Switzerland": G}, set(),
     {("Switzerland", TURN, "53%"), ("Switzerland", TURN, "49.4%")}),
    ("Kestrel's shares rose 5% after the vote. The family, which holds 22% of the shares, backed the deal.",
     {"Kestrel": O}, set(), {("Kestrel", SHARE, "5%"), ("Kestrel", SHARE, "22%")}),
    # seats: the number won, "N of M" written N; a party's seats after a clause on seats
    ("His National Renewal Alliance won 30 of the 57 seats in the Legislative Assembly, a narrow majority, while "
     "Ortiz's Citizens' Action Party took 17.",
     {"National Renewal Alliance": O, "Ortiz": P, "Citizens' Action Party": O},
     {("National Renewal Alliance", SEATS, "30"), ("Citizens' Action Party", SEATS, "17")},
     {("National Renewal Alliance", SEATS, "57"), ("Ortiz", SEATS, "17"), ("National Renewal Alliance", PROJ, "30")}),
    ("The Citizens' Action Party ends with 16 seats.", {"Citizens' Action Party": O},
     {("Citizens' Action Party", SEATS, "16")}, set()),
    ("Núñez's party secured 31 seats in the new parliament.", {"Núñez": P}, {("Núñez", SEATS, "31")}, set()),
    # projected seats, apart from the seats won; an earlier projection is the earlier report's
    ("In the race for the 57-seat Legislative Assembly, Núñez's National Renewal Alliance was on course to win 24 "
     "seats, according to preliminary projections by the tribunal.",
     {"Núñez": P, "National Renewal Alliance": O, "Legislative Assembly": O},
     {("National Renewal Alliance", PROJ, "24")},
     {("National Renewal Alliance", SEATS, "24"), ("National Renewal Alliance", SEATS, "57"), ("Núñez", PROJ, "24")}),
    ("Núñez's National Renewal Alliance was projected to win 29 of the 57 seats. Earlier projections released on "
     "Sunday night had given the party 24 seats.", {"Núñez": P, "National Renewal Alliance": O},
     {("National Renewal Alliance", PROJ, "29")},
     {("National Renewal Alliance", SEATS, "29"), ("National Renewal Alliance", PROJ, "24")}),
    ("The Greens could win 12 seats, the party said.", {"Greens": O}, {("Greens", PROJ, "12")},
     {("Greens", SEATS, "12")}),
    # not seats won: a change, an earlier parliament
    ("The allocation gives the alliance one more seat. The Greens gained five seats.", {"Greens": O}, set(),
     {("Greens", SEATS, "5"), ("Greens", SEATS, "1")}),
    ("The Greens won 20 seats in 2018.", {"Greens": O}, set(), {("Greens", SEATS, "20")}),
    ("The Greens would need to pick up at least 15 seats to govern.", {"Greens": O}, set(),
     {("Greens", PROJ, "at least 15"), ("Greens", SEATS, "at least 15")}),
    # turnout: of the place the election is in, else the place the article names most
    ("Turnout in Costa Rica's presidential election was 58%, the tribunal said, up from 52% in 2022.",
     {"Costa Rica": G}, {("Costa Rica", TURN, "58%")}, {("Costa Rica", TURN, "52%")}),
    ("Costa Rica voted on Sunday. Costa Rica's tribunal said turnout reached 63.5%, higher than in the last "
     "election.", {"Costa Rica": G}, {("Costa Rica", TURN, "63.5%")}, set()),
    ("The Chilean election drew a turnout of 64 per cent, the highest in Chile since 2014, officials in "
     "Santiago said.", {"Chile": G, "Santiago": G}, {("Chile", TURN, "64%")}, {("Santiago", TURN, "64%")}),
    ("Turnout in the European Parliament election was 51%.", {"European Parliament election": E},
     {("European Parliament election", TURN, "51%")}, set()),
    ("Turnout among young voters in Chile was 40%.", {"Chile": G}, set(), {("Chile", TURN, "40%")}),
    ("Turnout in Chile is expected to reach 60%.", {"Chile": G}, set(), {("Chile", TURN, "60%")}),
]


@pytest.mark.parametrize("text,names,want,unwanted", ROWS, ids=[r[0][:40] for r in ROWS])
def test_election_fact_table(text, names, want, unwanted):
    got = facts_of(text, names)
    assert want <= got, got
    assert not (unwanted & got), got
