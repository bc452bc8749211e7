"""Ownership stakes read as facts (read.events.stakes): the owner's, a percent, under "stake in <company>"."""
from __future__ import annotations

import pytest

from .test_facts import facts_of

O, P = "ORG", "PERSON"
H, HM, BF = "Halvorsen", "Halvorsen Maritime", "the Brekke family"
IN_H = "stake in Halvorsen Maritime"

ROWS = [
    # a percent of the company or its shares held: the company named, or the one in focus
    ("Halvorsen Maritime said its board would consider the approach. The Brekke family, which owns 22% of the "
     "shares, has not said whether it will accept.", {HM: O, "The Brekke family": O},
     {("The Brekke family", IN_H, "22%")}),
    ("Halvorsen Maritime said its board would consider the approach. The company's largest shareholder, "
     "the Brekke family, holds 22% of the shares through an investment vehicle.", {HM: O, BF: O},
     {(BF, IN_H, "22%")}),
    ("Halvorsen Maritime rejected the bid. Erik Brekke, whose family owns 22% of the company, declined to comment.",
     {HM: O, "Erik Brekke": P}, {("Erik Brekke", IN_H, "22%")}),
    ("Kestrel offered to buy Halvorsen Maritime, putting pressure on the Brekke family, which holds about 21 percent "
     "of the Norwegian shipping group.", {HM: O, BF: O, "Kestrel": O}, {(BF, IN_H, "about 21%")}),
    ("The Norwegian state controls 67% of Equinor.", {"The Norwegian state": O, "Equinor": O},
     {("The Norwegian state", "stake in Equinor", "67%")}),
    # a stake measured in percent: held, owned, raised to
    ("Norges Bank holds a 15% stake in Equinor.", {"Norges Bank": O, "Equinor": O},
     {("Norges Bank", "stake in Equinor", "15%")}),
    ("The Brekke family, Halvorsen's biggest shareholder with a 22 percent stake, said it would back the deal.",
     {"The Brekke family": O, H: O}, {("The Brekke family", "stake in Halvorsen", "22%")}),
    ("Cevian raised its stake in Ericsson to 8.5% on Monday.", {"Cevian": O, "Ericsson": O},
     {("Cevian", "stake in Ericsson", "8.5%")}),
    ("Ericsson shares rose after Cevian disclosed its 8.5% holding in Ericsson.", {"Cevian": O, "Ericsson": O},
     {("Cevian", "stake in Ericsson", "8.5%")}),
    # a stake only planned or denied, one bought or sold, a percent of anything else: no stake held
    ("Kestrel could take a 10% stake in Halvorsen Maritime.", {"Kestrel": O, HM: O}, set()),
    ("The Brekke family does not own 22% of Halvorsen Maritime.", {"The Brekke family": O, HM: O}, set()),
    ("Kestrel bought a 5% stake in Halvorsen Maritime last year.", {"Kestrel": O, HM: O}, set()),
    ("Kestrel and Halvorsen Maritime together would control about 41 percent of container capacity.",
     {"Kestrel": O, HM: O}, set()),
    ("Kestrel needs acceptances from at least 90% of shareholders in Halvorsen Maritime.", {"Kestrel": O, HM: O},
     set()),
    ("Nunez won 42.1 percent of the vote against 30.3 percent for Ortiz.", {"Nunez": P, "Ortiz": P}, set()),
    # a company not named, or named but not known as an organisation, is not guessed
    ("Usmanov spoke to BBC Radio about Arsenal. Stan Kroenke has a 12% stake.", {"BBC Radio": O, "Arsenal": O,
                                                                               "Stan Kroenke": P, "Usmanov": P}, set()),
    ("Vale Coal Colombia also owns 9 percent of rail operator Fenoco.", {"Vale Coal Colombia": O}, set()),
    ("Acme has 40% of the market and pays a 5% interest rate on its bonds.", {"Acme": O}, set()),
]


@pytest.mark.parametrize("text,names,want", ROWS, ids=[r[0][:48] for r in ROWS])
def test_stakes_table(text, names, want):
    got = {f for f in facts_of(text, names) if f[1].startswith("stake in")}
    assert got == want
