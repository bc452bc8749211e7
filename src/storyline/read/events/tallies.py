"""How a board, committee or court voted on a decision: "voted unanimously", "by a 4-1 vote", "voted 7-2".

One attribute, "vote", its value "unanimous" or a tally written larger side first ("4-1": "voted 1-4" is
the same split), so that outlets reporting one decision differently conflict (stage 4: a unanimous vote
agrees with a tally with none against, "5-0"). Read from a verb of voting with "unanimously" or a tally on
it ("voted 7-2 to raise"), a vote noun with one ("by a 4-1 vote", "a unanimous vote", "in a 6-3 ruling",
"by a vote of 7 to 2"), or "unanimously" on a verb of deciding ("unanimously approved"). Not a tally: a vote
only planned ("will vote on", "is expected to vote"), a score ("won 4-1"), a share of the vote.

The subject is the body's organisation (`rates.institution`): "the board of Acme", "Chile's central bank",
else the article's central bank, else the last organisation named before.
"""
from __future__ import annotations

import re
from typing import Callable

from storyline.read.events.arguments import EntityIndex
from storyline.read.events.modality import ACTUAL, modality_of
from storyline.read.events.rates import institution

VOTE = "vote"
_VOTE_NOUNS = {"vote", "ruling", "decision", "verdict", "majority", "margin"}
_DECIDING = {"approve", "decide", "agree", "adopt", "reject", "pass", "back", "endorse", "elect", "choose",
             "vote", "rule", "lower", "raise", "cut", "hold"}
_TALLY = re.compile(r"^\s*(\d{1,3})\s*(?:-|–|—|to)\s*(\d{1,3})\s*$")


def _tally(text: str) -> str | None:
    m = _TALLY.match(text)
    if not m:
        return None
    a, b = sorted((int(m.group(1)), int(m.group(2))), reverse=True)
    return f"{a}-{b}" if a > 0 else None


class Tallies:
    """Reads vote tallies of one parsed article; `add(subjects, attribute, value, tok)` keeps each."""

    def __init__(self, doc, index: EntityIndex, add: Callable):
        self.doc, self.index, self.add = doc, index, add

    def read(self, tok) -> None:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in _DECIDING:
            self._verb(tok)
        elif tok.pos_ == "NOUN" and lemma in _VOTE_NOUNS:
            self._noun(tok)

    def _verb(self, verb) -> None:
        if modality_of(verb) != ACTUAL or any(c.dep_ == "neg" for c in verb.children):
            return
        value = None
        if any(c.lower_ == "unanimously" for c in verb.children):
            value = "unanimous"
        elif verb.lemma_.lower() == "vote":
            nums = [c for c in verb.children if c.like_num or c.dep_ in {"npadvmod", "dobj", "advmod"}]
            for c in nums:
                if value := _tally(self.doc[c.left_edge.i:c.right_edge.i + 1].text):
                    break
        if value is not None:
            body = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            self._keep(body, value, verb)

    def _noun(self, noun) -> None:
        """ "by a 4-1 vote", "a unanimous decision", "by a vote of 7 to 2"."""
        head = noun.head
        if head.pos_ in {"VERB", "AUX"} and modality_of(head) != ACTUAL:
            return
        if noun.lemma_.lower() != "vote" and not any(c.lower_ in {"unanimous"} for c in noun.children) and not (
                noun.dep_ == "pobj" and noun.head.lower_ in {"by", "in"}):
            return                                     # "a 4-1 decision" only in "by"/"in": not "won 4-1"
        value = "unanimous" if any(c.lower_ == "unanimous" for c in noun.children) else None
        if value is None:
            before = [t for t in noun.subtree if t.i < noun.i and t.dep_ != "det" and not t.is_punct or t.text == "-"]
            text = self.doc[before[0].i:noun.i].text if before else ""
            value = _tally(text) or next((_tally(self.doc[o.left_edge.i:o.right_edge.i + 1].text)
                                          for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                                          for o in p.children), None)
        if value is None:
            return
        body = None
        t = noun
        for _ in range(4):                              # the verb the vote is of: its subject decided
            t = t.head
            if t.pos_ in {"VERB", "AUX"}:
                body = next((c for c in t.children if c.dep_ == "nsubj"), None)
                break
            if t.head.i == t.i:
                break
        self._keep(body, value, noun)

    def _keep(self, body, value: str, tok) -> None:
        subject = institution(self.index, body, tok)
        if subject:
            self.add([subject], VOTE, value, tok)
