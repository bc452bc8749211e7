"""A central bank's policy interest rate: the level a decision sets, and the change in basis points.

"lowered its rate by 50 basis points to 4.25%", "voted to lower the overnight rate to 4.25% from 4.75%",
"took the policy rate to 4.25%", "held its benchmark rate at 4.75%", "The policy rate has stood at 4.75%"
give "policy rate" = "4.25%" (the rate after the decision; the "from" figure is the one before, not read);
"cut its key interest rate by half a percentage point", "by 50 basis points", "by a quarter point" give
"policy rate change" = "50 basis points lower" (a rise: "higher"). Values are written one way ("4.5%",
"25 basis points lower") so that outlets are compared; stage 4 treats both as figures that move (a
conflict only the same day). A rate qualifies by its name ("policy", "benchmark", "key", "overnight",
"base", "cash", "repo", "refinancing", "deposit", "federal funds"), or as an interest rate that a bank, its
board or its decision sets. Not read: a rate only expected or forecast ("is expected to cut ... to 4.50%"),
a mortgage or market rate, inflation.

The subject is the central bank (`institution`): the organisation the deciding noun names or belongs to
("The Central Bank of Chile", "Chile's central bank" -> Chile), else the article's first central bank
named so, else the last organisation named before that is no news agency.
"""
from __future__ import annotations

import re
from collections import deque
from typing import Callable

from storyline.read.events.arguments import EntityIndex, org_before
from storyline.read.events.modality import ACTUAL, modality_of
from storyline.read.events.votes import percent_at, percent_value

POLICY_RATE, RATE_CHANGE = "policy rate", "policy rate change"
_NAMED = {"policy", "benchmark", "key", "overnight", "base", "cash", "repo", "refinancing", "deposit", "funds",
          "bank", "lending"}
_DOWN = {"cut", "lower", "reduce", "trim", "slash", "ease", "lop"}
_UP = {"raise", "hike", "increase", "lift", "boost", "tighten"}
_SETTING = _DOWN | _UP | {"take", "bring", "set", "leave", "keep", "hold", "put", "move", "fix", "maintain"}
_STANDING = {"stand", "be", "remain", "sit", "stay", "rest"}
_DECIDERS = {"bank", "board", "committee", "council", "decision", "move", "policymaker", "governor", "fed",
             "reserve", "authority", "regulator"}
_BODY_TYPES = {"ORG", "GPE"}
_FLOAT = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def institution(index: EntityIndex, noun, at) -> str | None:
    """The organisation (or country) a deciding noun stands for: its own entity, one named in its phrase
    nearest its head ("Chile's central bank" -> Chile, "the board of Acme"), else the article's first
    "central bank" or "Bank" that names one, else the last organisation named before token `at` (no agency).
    `noun` None: the article's."""
    if noun is not None:
        todo = deque([noun])
        while todo:
            t = todo.popleft()
            if (eid := index.of_token(t)) and index.type_of(eid) in _BODY_TYPES:
                return eid
            todo.extend(c for c in t.children if c.dep_ not in {"relcl", "acl", "advcl", "appos", "prep"}
                        or c.dep_ == "prep" and c.lower_ == "of")
    for t in index.doc:
        if t.lemma_.lower() == "bank" and (t.text == "Bank" or any(c.lower_ == "central" for c in t.children)):
            if (eid := index.direct(t)) and index.type_of(eid) in _BODY_TYPES:
                return eid
            named = [c for c in t.children if c.dep_ in {"poss", "compound", "nmod"}]
            if t.i >= 3 and t.nbor(-1).lower_ == "central" and t.nbor(-2).lower_ in {"'s", "’s"}:
                named.append(t.nbor(-3))                    # "Chile's central bank", however parsed
            for c in named:
                if (eid := index.direct(c)) and index.type_of(eid) in _BODY_TYPES:
                    return eid
    return org_before(index, at)


def _amount(obj) -> float | None:
    """Basis points a "by" object states: "50 basis points", "half a percentage point", "0.25 points",
    "a quarter point", "a quarter-point"."""
    words = [t.lower_ for t in obj.subtree]
    if "point" not in obj.lemma_.lower() and "points" not in words and "point" not in words:
        return None
    nums = [float(m.group()) for t in obj.subtree if (m := _FLOAT.fullmatch(t.text.replace(",", "")))]
    basis = "basis" in words or "bps" in words
    if nums:
        n = nums[0]
    elif "half" in words:
        n = 0.5
    elif "quarter" in words or "quarter-point" in words:
        n = 0.25
    elif "three-quarters" in words:
        n = 0.75
    elif words and words[0] in {"a", "one"}:
        n = 1.0
    else:
        return None
    return n if basis else n * 100


class Rates:
    """Reads policy rate levels and changes of one parsed article; `add(subjects, attribute, value, tok)`."""

    def __init__(self, doc, index: EntityIndex, add: Callable):
        self.doc, self.index, self.add = doc, index, add

    def read(self, tok) -> None:
        if tok.lemma_.lower() != "rate" or tok.pos_ != "NOUN" or not self._policy(tok):
            return
        verb = tok.head
        if verb.pos_ not in {"VERB", "AUX"} or modality_of(verb) != ACTUAL or self._forecast(verb):
            return
        lemma = verb.lemma_.lower()
        subject = None
        if tok.dep_ == "dobj" and lemma in _SETTING:
            subject = self._owner(tok, verb)
            levels = self._percents(verb, {"to", "at"})
            if lemma in _DOWN | _UP:
                for o in self._objects(verb, {"by"}):
                    if (bp := _amount(o)) is not None and 0 < bp <= 2000:
                        self.add([subject], RATE_CHANGE,
                                 f"{bp:g} basis points {'lower' if lemma in _DOWN else 'higher'}", verb)
        elif tok.dep_ == "nsubj" and lemma in _STANDING:
            subject = self._owner(tok, verb)
            levels = self._percents(verb, {"at"}) + [percent_value(n) for c in verb.children if c.dep_ == "attr"
                                                     if (n := _percent_in(c)) is not None]
        else:
            levels = []
        levels += [percent_value(n) for o in self._objects(tok, {"of"}) if (n := _percent_in(o)) is not None]
        for value in levels[:1]:
            if value:
                self.add([subject or self._owner(tok, verb)], POLICY_RATE, value, verb)

    def _policy(self, tok) -> bool:
        mods = {c.lower_ for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}}
        if mods & _NAMED:
            return True
        return "interest" in mods and any(t.lemma_.lower() in _DECIDERS for t in tok.sent)

    @staticmethod
    def _forecast(verb) -> bool:
        """Whether `verb` hangs on a forecast ("economists expect the bank to cut", "seen cutting")."""
        t = verb
        for _ in range(3):
            if t.lemma_.lower() in {"expect", "forecast", "predict", "see", "price", "bet", "anticipate"}:
                return True
            if t.head.i == t.i:
                break
            t = t.head
        return False

    @staticmethod
    def _objects(tok, preps: set[str]) -> list:
        return [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children
                if o.dep_ == "pobj"]

    def _percents(self, verb, preps: set[str]) -> list[str]:
        return [v for o in self._objects(verb, preps) if (n := _percent_in(o)) is not None
                and (v := percent_value(n))]

    def _owner(self, rate, verb) -> str | None:
        """The bank whose rate it is: "its rate" -> the verb's subject (climbing "voted to lower"), "the bank's
        rate", else the article's (`institution`)."""
        for c in rate.children:
            if c.dep_ == "poss" and (eid := self.index.direct(c)):
                return eid
        t = verb
        for _ in range(3):
            subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                return institution(self.index, subj, rate)
            if t.dep_ not in {"xcomp", "conj", "acl", "advcl"} or t.head.i == t.i:
                break
            t = t.head
        return institution(self.index, None, rate)


def _percent_in(noun):
    """The number token of a percent a noun is ("4.25 %": the "%" noun with its number)."""
    got = percent_at(noun)
    if got is not None:
        return got[0]
    return next((g[0] for c in noun.children if (g := percent_at(c)) is not None), None)
