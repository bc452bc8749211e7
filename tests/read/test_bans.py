"""Bans and suspensions (read.events.bans): imposed, possible and sought terms kept apart."""
from __future__ import annotations

import pytest

from .test_facts import facts_of

P, O = "PERSON", "ORG"
MI = "Mónica Ibáñez"

ROWS = [
    # imposed
    (f"{MI} was banned for two years on Tuesday.", {MI: P}, {(MI, "ban", "2 years")}),
    ("The tribunal banned Tom Reyes for six months.", {"Tom Reyes": P}, {("Tom Reyes", "ban", "6 months")}),
    ("Lee Park was banned for life by the federation.", {"Lee Park": P}, {("Lee Park", "ban", "life")}),
    (f"WADA has appealed against the two-year ban handed to Spanish runner {MI}.", {MI: P, "WADA": O},
     {(MI, "ban", "2 years")}),
    (f"CAS dismissed both appeals of {MI}, leaving her two-year ban in place.", {MI: P, "CAS": O},
     {(MI, "ban", "2 years")}),
    ("Tom Reyes received a four-match ban for the tackle.", {"Tom Reyes": P}, {("Tom Reyes", "ban", "4 matches")}),
    # possible: faced, not actual
    (f"{MI} faces a ban of up to four years after testing positive for EPO.", {MI: P},
     {(MI, "possible ban", "up to 4 years")}),
    (f"{MI} was banned for two years. She had faced a four-year suspension.", {MI: P},
     {(MI, "ban", "2 years"), (MI, "possible ban", "4 years")}),
    ("Tom Reyes could be banned for four years if found guilty.", {"Tom Reyes": P},
     {("Tom Reyes", "possible ban", "4 years")}),
    # sought by a party: of whom the article last read as banned
    (f"{MI}, who was banned for two years in September, arrived at the court. WADA is seeking a four-year ban.",
     {MI: P, "WADA": O}, {(MI, "ban", "2 years"), (MI, "sought ban", "4 years")}),
    (f"WADA appealed against the two-year ban handed to {MI}, asking the court to impose the maximum four-year "
     "suspension.", {MI: P, "WADA": O}, {(MI, "ban", "2 years"), (MI, "sought ban", "4 years")}),
    (f"{MI} kept her two-year ban. The panel rejected WADA's request to extend the suspension to four years.",
     {MI: P, "WADA": O}, {(MI, "ban", "2 years"), (MI, "sought ban", "4 years")}),
    # not a ban of someone: of things, a suspended prison term, a suspension of talks, a ban not imposed
    ("The EU banned imports of Acme steel for two years.", {"Acme": O}, set()),
    ("Russia imposed a two-year ban on imports.", {"Russia": "GPE"}, set()),
    ("Tom Reyes was given a two-year suspended sentence.", {"Tom Reyes": P}, set()),
    ("Acme suspended the talks for two weeks.", {"Acme": O}, set()),
    ("Tom Reyes was not banned for two years.", {"Tom Reyes": P}, set()),
]


@pytest.mark.parametrize("text,names,want", ROWS, ids=[r[0][:48] for r in ROWS])
def test_bans_table(text, names, want):
    got = {f for f in facts_of(text, names) if f[1].endswith("ban")}
    assert got == want
