"""Running counts of what is waiting (read.events.queues): ships at a port, of the strike's place."""
from __future__ import annotations

import pytest

from .test_facts import facts_of

F, O, G = "FAC", "ORG", "GPE"
PS, W = "Port of Santos", "count of ships waiting"
STRIKE = f"Dockworkers at the {PS} walked off the job on Monday. "

ROWS = [
    (STRIKE + "Cargonave said 38 vessels were waiting to berth on Monday evening, up from 21 on Sunday.",
     {PS: F, "Cargonave": O}, {(PS, W, "38")}),
    (STRIKE + "The number of ships waiting to berth rose to 47, according to the port authority.", {PS: F},
     {(PS, W, "47")}),
    (f"The queue of ships waiting outside the {PS} grew to 61 on Wednesday.", {PS: F}, {(PS, W, "61")}),
    (STRIKE + "Cargonave said it would take about ten days to clear the backlog of 63 vessels.",
     {PS: F, "Cargonave": O}, {(PS, W, "63")}),
    (STRIKE + "The strike left more than 60 ships stranded offshore.", {PS: F}, {(PS, W, "more than 60")}),
    ("About 400 trucks were queuing at the border crossing near Dover on Friday.", {"Dover": G},
     {("Dover", "count of trucks waiting", "about 400")}),
    # no number, a figure a rise is from, one only expected, ships not waiting
    (STRIKE + "The stoppage left dozens of ships waiting offshore.", {PS: F}, set()),
    (STRIKE + "The queue of ships could grow to 100 by Friday.", {PS: F}, set()),
    (f"The {PS} handled 120 ships last week.", {PS: F}, set()),
]


@pytest.mark.parametrize("text,names,want", ROWS, ids=[r[0][:48] for r in ROWS])
def test_queue_counts_table(text, names, want):
    assert {f for f in facts_of(text, names) if f[1].endswith("waiting")} == want
