"""Sums of money read as facts (read.events.money): one spelling per sum, named for what it is and whose."""
from __future__ import annotations

import pytest

from .test_facts import facts_of

O, P, G = "ORG", "PERSON", "GPE"

ROWS = [
    ("Kestrel offered $4.2 billion in cash for Halvorsen Maritime.", {"Kestrel": O, "Halvorsen Maritime": O},
     {("Kestrel", "amount offered", "$4.2 billion")}),
    ("Kestrel raised its offer to about $4.6bn on Monday.", {"Kestrel": O},
     {("Kestrel", "amount offered", "about $4.6 billion")}),
    ("Kestrel made a $4.2 billion offer for Halvorsen.", {"Kestrel": O, "Halvorsen": O},
     {("Kestrel", "amount offered", "$4.2 billion")}),
    ("Acme was fined more than £20m by the regulator.", {"Acme": O},
     {("Acme", "amount fined", "more than £20 million")}),
    ("The Data Protection Commission fined Acme 4.5 million euros.", {"Acme": O, "The Data Protection Commission": O},
     {("Acme", "amount fined", "€4.5 million")}),
    ("Kestrel will pay 310 Norwegian crowns per share.", {"Kestrel": O},
     {("Kestrel", "amount paid", "NOK 310 per share")}),
    ("Kestrel agreed to pay 3.9 billion euros for the shipper.", {"Kestrel": O},
     {("Kestrel", "amount paid", "€3.9 billion")}),
    ("The company paid $5 million to settle the case.", {"The company": O},
     {("The company", "amount paid", "$5 million")}),
    ("Nordbank paid NOK 41 billion for the insurer.", {"Nordbank": O},
     {("Nordbank", "amount paid", "NOK 41 billion")}),
    ("The government lent Acme five million dollars.", {"Acme": O, "The government": O},
     {("The government", "amount lent", "$5 million")}),
    ("Kestrel expects cost savings of £140 million a year.", {"Kestrel": O},
     {("Kestrel", "amount of saving", "£140 million")}),
    # no payer or payee named, a weight, a number of people: no sum
    ("The deal, valued at $4.2 billion, was rejected.", {}, set()),
    ("Tom Reyes lost 10 pounds in the race.", {"Tom Reyes": P}, set()),
    # whoever rejects, recommends or investigates an offer does not make it
    ("Halvorsen's board rejected the $4.2 billion offer.", {"Halvorsen": O}, set()),
    ("The Commission opened an inquiry into Kestrel Logistics' proposed 4.3-billion-euro takeover of Halvorsen.",
     {"The Commission": O, "Halvorsen": O}, set()),
    ("Acme employs 3,400 people.", {"Acme": O}, set()),
]


@pytest.mark.parametrize("text,names,want", ROWS, ids=[r[0][:40] for r in ROWS])
def test_money_table(text, names, want):
    got = {f for f in facts_of(text, names) if f[1].startswith("amount")}
    assert got == want
