"""A running count of what is waiting: ships at a port, trucks at a border, passengers at an airport.

"38 vessels were waiting to berth", "The number of ships waiting to berth rose to 47", "The queue of ships
waiting outside the port grew to 61", "the backlog of 63 vessels", "left more than 60 ships stranded
offshore" each give one count under "count of <things> waiting" ("ships" for ships, vessels, boats,
tankers; "trucks" for trucks and lorries), a figure that moves as the days go by: stage 4 compares it as a
running total (read.events.casualties: "count of ..."), so that 38 -> 47 -> 61 -> 63 over four days is
the queue growing, not outlets disagreeing. The figure a rise is from ("up from 21 on Sunday") is none, nor
is one only expected ("could reach 100"), nor "dozens of ships" (no number).

The subject is the place: a place (GPE, LOC, FAC) named in the count's phrase ("outside the Port of
Santos"), else the place of the article's strike or protest (`strikes.Strikes.article_subject`), else the
place named nearest the root of its sentence; never the dateline.
"""
from __future__ import annotations

from collections import deque
from typing import Callable

from storyline.read.events.arguments import EntityIndex, opening_dateline_end
from storyline.read.events.casualties import count_phrase
from storyline.read.events.modality import ACTUAL, modality_of

_THINGS = {"ship": "ships", "vessel": "ships", "boat": "ships", "tanker": "ships", "freighter": "ships",
           "containership": "ships", "truck": "trucks", "lorry": "trucks", "lorrie": "trucks", "car": "cars",
           "vehicle": "vehicles", "passenger": "passengers", "traveller": "passengers", "traveler": "passengers",
           "flight": "flights", "train": "trains"}
_WAITING = {"wait", "queue", "strand", "anchor", "idle", "line", "back"}
_HEAPS = {"queue", "backlog", "line", "tailback"}        # "the queue of ships", "a backlog of 63 vessels"
_TOTALS = {"number", "count", "total", "queue", "backlog", "line", "tailback"}
_RISING = {"rise", "grow", "climb", "reach", "hit", "swell", "increase", "jump", "stand", "be", "top", "fall",
           "drop", "ease", "shrink", "decline"}
_PLACES = {"GPE", "LOC", "FAC"}


class Queues:
    """Reads counts of ships (trucks, passengers ...) waiting of one parsed article; `add(subjects, attribute,
    value, tok)` keeps each. `strike_place()` gives the place of the article's strike or protest, if any."""

    def __init__(self, doc, index: EntityIndex, number: Callable, add: Callable, strike_place: Callable):
        self.doc, self.index, self.number, self.add = doc, index, number, add
        self.strike_place = strike_place
        self._body = opening_dateline_end(doc)

    def read(self, tok) -> None:
        if tok.i < self._body or tok.pos_ != "NOUN":
            return
        lemma = tok.lemma_.lower()
        if lemma in _THINGS and self._waiting(tok):
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _TOTALS:
                total = tok.head.head                                     # "the number of ships waiting"
                if not any(c.dep_ == "nummod" for c in tok.children):
                    self._total(total, _THINGS[lemma])
                    return
            if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() == "from":
                return
            self._keep(tok, _THINGS[lemma], tok)

    def _waiting(self, noun) -> bool:
        """Whether `noun` is waiting: "ships waiting", "vessels were waiting", "ships stranded", "a backlog of
        63 vessels"."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _HEAPS:
            return True
        if any(c.dep_ in {"acl", "amod", "relcl"} and c.lemma_.lower() in _WAITING for c in noun.children):
            return True
        head = noun.head
        return noun.dep_ == "nsubj" and head.lemma_.lower() in _WAITING and modality_of(head) == ACTUAL

    def _total(self, total, things: str) -> None:
        """ "The number of ships waiting rose to 47": the figure the total's verb states."""
        verb = total.head
        if total.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _RISING \
                or modality_of(verb) != ACTUAL:
            return
        objs = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"to", "at"} for o in p.children
                if o.dep_ == "pobj"] + [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
        for o in objs:
            if self._keep(o, things, total):
                return

    def _keep(self, noun, things: str, tok) -> bool:
        got = count_phrase(noun, self.number)
        if got is None:
            return False
        subject = self._place(tok) or self.strike_place() or self._place(tok.sent.root)
        if subject:
            self.add([subject], f"count of {things} waiting", got[0], tok)
        return True

    def _place(self, top) -> str | None:
        todo = deque([top])
        while todo:
            t = todo.popleft()
            if t.i >= self._body and (eid := self.index.direct(t)) and self.index.type_of(eid) in _PLACES:
                return eid
            todo.extend(t.children)
        return None
