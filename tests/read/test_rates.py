"""Policy interest rates (read.events.rates) and vote tallies (read.events.tallies) of a central bank or board."""
from __future__ import annotations

import pytest

from .test_facts import facts_of

O, G, P = "ORG", "GPE", "PERSON"
CB, CH = "The Central Bank of Chile", "Chile"
RATE, CHANGE = "policy rate", "policy rate change"

RATE_ROWS = [
    (f"{CB} lowered its monetary policy rate by 50 basis points to 4.25% on Wednesday.", {CB: O},
     {(CB, RATE, "4.25%"), (CB, CHANGE, "50 basis points lower")}),
    (f"{CH}'s central bank cut its key interest rate by half a percentage point on Wednesday.", {CH: G},
     {(CH, CHANGE, "50 basis points lower")}),
    (f"{CH}'s central bank surprised markets. The five-member board voted unanimously to lower the overnight rate "
     "to 4.25% from 4.75%.", {CH: G}, {(CH, RATE, "4.25%")}),
    ("The Bank of England raised its base rate by a quarter point to 5.25%.", {"Bank of England": O},
     {("Bank of England", RATE, "5.25%"), ("Bank of England", CHANGE, "25 basis points higher")}),
    ("The Reserve Bank of Australia held its cash rate at 4.35% on Tuesday.", {"Reserve Bank of Australia": O},
     {("Reserve Bank of Australia", RATE, "4.35%")}),
    (f"{CH}'s central bank meets on Wednesday. The policy rate has stood at 4.75% since July.", {CH: G},
     {(CH, RATE, "4.75%")}),
    # a rate only expected or forecast, a market or mortgage rate, inflation: none
    (f"{CH}'s central bank is expected to cut its benchmark interest rate by 25 basis points to 4.50% on "
     "Wednesday.", {CH: G}, set()),
    ("Economists expect the Bank of England to raise its base rate to 5.5%.", {"Bank of England": O}, set()),
    ("Acme Bank said mortgage rates rose to 7.1% in May.", {"Acme Bank": O}, set()),
    (f"Annual inflation in {CH} slowed to 3.4% in September from 3.9% in August.", {CH: G}, set()),
]


@pytest.mark.parametrize("text,names,want", RATE_ROWS, ids=[r[0][:48] for r in RATE_ROWS])
def test_policy_rate_table(text, names, want):
    assert {f for f in facts_of(text, names) if f[1].startswith(RATE)} == want


VOTE_ROWS = [
    (f"{CH}'s central bank cut interest rates on Wednesday. The five-member board voted unanimously to lower "
     "the overnight rate to 4.25%.", {CH: G}, {(CH, "vote", "unanimous")}),
    (f"{CB} lowered its monetary policy rate on Wednesday. The decision was taken by a 4-1 vote, with board "
     "member Rodrigo Larraín preferring a smaller cut.", {CB: O, "Rodrigo Larraín": P}, {(CB, "vote", "4-1")}),
    ("The Acme board voted 7-2 to approve the merger.", {"Acme": O}, {("Acme", "vote", "7-2")}),
    ("The Supreme Court, in a 6-3 ruling, struck down the law.", {"Supreme Court": O},
     {("Supreme Court", "vote", "6-3")}),
    ("The Acme board unanimously approved the merger.", {"Acme": O}, {("Acme", "vote", "unanimous")}),
    # a score, a vote only planned, a share of the vote: no tally
    ("Arsenal won 4-1 at Acme Stadium on Sunday.", {"Arsenal": O, "Acme Stadium": "FAC"}, set()),
    ("Acme shareholders will vote on the deal in May.", {"Acme": O}, set()),
    ("The Acme board is expected to vote unanimously for the merger.", {"Acme": O}, set()),
]


@pytest.mark.parametrize("text,names,want", VOTE_ROWS, ids=[r[0][:48] for r in VOTE_ROWS])
def test_vote_tally_table(text, names, want):
    assert {f for f in facts_of(text, names) if f[1] == "vote"} == want
