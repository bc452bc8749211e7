"""Turnout: "Turnout was 58%", "turnout reached 63.5%", "a turnout of 58 per cent", "58% turnout".

One attribute, "turnout", its value a percent written one way ("58%", `votes.percent_value`), of the place
the election is in: a place named on the turnout ("turnout in Limón"), else the place of an election named
in the sentence ("Costa Rica's presidential election", "the election in Chile"), else an EVENT entity of
the sentence (a named election), else the place the article names as its election's ("X's election",
"X's presidency") most often, else the GPE the article names most (at least twice and more than any other;
a wire dateline does not count); else none. The place is preferred to a named election so that outlets
naming the election differently, or not at all, are compared.

Not a turnout: one of a group ("turnout among young voters", "turnout of women"), one expected ("expected
turnout of 60%", "is expected to reach 60%"), one of an earlier election ("Turnout in 2022 was 52%", "up
from 52%": the figure a rise is from is no turnout stated).
"""
from __future__ import annotations

from collections import Counter
from typing import Callable

from storyline.read.events.arguments import EntityIndex, opening_dateline_end
from storyline.read.events.modality import ACTUAL, modality_of
from storyline.read.events.votes import ELECTION_NOUNS, percent_at, percent_value, phrase_head

TURNOUT = "turnout"
_VERBS = {"be", "reach", "stand", "hit", "rise", "climb", "jump", "fall", "drop", "come", "top", "edge"}


class Turnout:
    """Reads turnouts of one parsed article; `past(tok)` tells a mark of an earlier election, and
    `keep(subject, attribute, value, tok)` keeps each turnout found."""

    def __init__(self, doc, index: EntityIndex, past: Callable, keep: Callable):
        self.doc, self.index, self.past, self.keep = doc, index, past, keep
        self._article_place: str | None | bool = False

    def read(self, tok) -> None:
        """Keep the turnout stated at the noun `tok` ("turnout"), through `keep`."""
        if any(c.dep_ == "prep" and c.lower_ in {"among", "of"} and not any(
                percent_at(o) or o.like_num for o in c.subtree) for c in tok.children):
            return                           # "turnout among young voters", "turnout of women"
        if modality_of(tok) != ACTUAL or self.past(tok):
            return
        value = self._turnout_value(tok)
        if value is None:
            return
        value, verb = value
        if verb is not None and (modality_of(verb) != ACTUAL or self.past(verb)):
            return
        place = self._turnout_place(tok, verb)
        if place:
            self.keep(place, TURNOUT, value, tok)

    def _turnout_value(self, tok):
        """(the percent stated of the turnout `tok`, the verb stating it or None)."""
        def percent(t):
            for x in t.subtree:
                found = percent_at(x)
                if found is not None and phrase_head(found[1]).i == t.i:
                    return percent_value(found[0])
            return None

        def under(t, deps: set[str], preps: set[str]):
            """The percent a child of `t` in `deps`, or the object of its preposition in `preps`, states."""
            for c in t.children:
                if c.dep_ in deps and (v := percent(c)):
                    return v
                if c.dep_ == "prep" and c.lower_ in preps:
                    for o in c.children:
                        if o.dep_ == "pobj" and (v := percent(o)):
                            return v
            return None

        # "58% turnout", "a turnout of 58%", "with turnout at 58%"
        if v := under(tok, {"compound", "nmod", "amod", "nummod"}, {"of", "at"}):
            return v, None
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _VERBS:
            return None
        v = under(verb, {"attr", "dobj", "acomp", "oprd"}, {"at", "to"})
        return (v, verb) if v else None

    def _turnout_place(self, tok, verb) -> str | None:
        for anchor in [tok] + ([verb] if verb is not None else []):
            for c in anchor.children:        # "turnout in Limón"
                if c.dep_ == "prep" and c.lower_ in {"in", "across"}:
                    for o in c.children:
                        if o.dep_ == "pobj" and (eid := self.index.place(o)):
                            return eid
        sent = tok.sent
        for t in sent:
            if (eid := self.election_place(t)) is not None:
                return eid
        for t in sent:
            eid = self.index.direct(t)
            if eid and self.index.type_of(eid) == "EVENT":
                return eid
        return self._place_of_article()

    def election_place(self, t) -> str | None:
        """The place an election noun names as its own: "Costa Rica's election", "the election in Chile"."""
        if t.lemma_.lower() not in ELECTION_NOUNS or t.pos_ not in {"NOUN", "PROPN"}:
            return None
        for c in t.children:
            if c.dep_ in {"poss", "compound", "nmod"} and (eid := self.index.place(c)):
                return eid
            if c.dep_ == "prep" and c.lower_ == "in":
                for o in c.children:
                    if o.dep_ == "pobj" and (eid := self.index.place(o)):
                        return eid
        return None

    def _place_of_article(self) -> str | None:
        if self._article_place is False:
            named = Counter(eid for t in self.doc if (eid := self.election_place(t)))
            if named:
                self._article_place = named.most_common(1)[0][0]
            else:
                start = opening_dateline_end(self.doc)
                gpe = Counter(eid for t in self.doc[start:] if (eid := self.index.direct(t))
                              and self.index.type_of(eid) == "GPE"
                              and (t.i == 0 or self.index.direct(self.doc[t.i - 1]) != eid))
                top = gpe.most_common(2)
                ok = top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1])
                self._article_place = top[0][0] if ok else None
        return self._article_place or None

