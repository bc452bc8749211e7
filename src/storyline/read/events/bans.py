"""Bans and suspensions in sport and the professions: the term imposed, the one faced, the one sought.

Like prison terms (`facts`), a ban is read under one of three attributes so that stage 4 never lets a
possible or sought term conflict with the term imposed:

- "ban": imposed, upheld or in force: "was banned for two years", "suspended for six months", "banned for
  life", "the two-year ban handed to X", "her two-year ban", "received a four-match ban", "the tribunal
  banned X for two years", "cut the ban to two years";
- "possible ban": faced, risked, or not actual: "faces a ban of up to four years", "had faced a four-year
  suspension", "could be banned for four years";
- "sought ban": asked for by a party: "WADA seeks a four-year ban", "asking the court to impose the maximum
  four-year suspension", "the agency's request to extend the suspension to four years".

The term is a duration ("2 years", "6 months", "life") or a count of matches or games ("4 matches"). The
subject is whom the ban is on: the subject of a passive "was banned", the object of "banned X", the owner of
"her ban", whom it is handed or imposed to, the subject of "faces a ban"; else the one last read as banned
in the article (a party "seeks a four-year ban" of the athlete the article is about). Not a ban: one on
things ("a two-year ban on imports", "banned imports for two years"), a suspended prison sentence, a
suspension of talks or of play.
"""
from __future__ import annotations

from typing import Callable

from storyline.read.events.arguments import EntityIndex, with_conjuncts
from storyline.read.events.modality import ACTUAL, modality_of

BAN, POSSIBLE, SOUGHT = "ban", "possible ban", "sought ban"
_BAN_VERBS = {"ban", "suspend", "bar", "disqualify"}
_BAN_NOUNS = {"ban", "suspension", "disqualification"}
_FACING = {"face", "risk", "fear"}
_SEEKING = {"seek", "request", "ask", "demand", "want", "urge", "call", "push", "pursue", "propose"}
_SEEKING_NOUNS = {"request", "demand", "call", "bid", "push", "proposal"}
_CHANGING = {"extend", "reduce", "cut", "increase", "lengthen", "shorten"}     # "extend the suspension to 4 years"
_MATCHES = {"match": "matches", "game": "games", "race": "races", "fixture": "fixtures", "round": "rounds"}
_HOLDERS = {"PERSON", "ORG", "GPE", "NORP"}
_UP = frozenset({"xcomp", "advcl", "conj", "acl", "relcl", "ccomp", "dobj", "pobj", "prep", "pcomp"})


class Bans:
    """Reads ban terms of one parsed article; `add(subjects, attribute, value, tok)` keeps each. `term(tok)`
    and `term_modifier(noun)` read a duration as the prison-term reader does (`facts._term`,
    `facts._term_modifier`); `quantity(noun)` reads "four" on "four matches"."""

    def __init__(self, doc, index: EntityIndex, add: Callable, term: Callable, term_modifier: Callable,
                 quantity: Callable):
        self.doc, self.index, self.add = doc, index, add
        self.term, self.term_modifier, self.quantity = term, term_modifier, quantity
        self._banned: list[str] = []            # whom the article last read as banned

    def read(self, tok) -> None:
        lemma = tok.lemma_.lower()
        if lemma in _BAN_VERBS and tok.pos_ == "VERB":
            self._verb(tok)
        elif lemma in _BAN_NOUNS and tok.pos_ == "NOUN":
            self._noun(tok)

    def _value(self, noun) -> str | None:
        """The term a duration or count noun states: "two years" -> "2 years", "life", "four matches"."""
        if value := self.term(noun):
            return value
        unit = _MATCHES.get(noun.lemma_.lower())
        q = self.quantity(noun) if unit else None
        return f"{q[0]} {unit}" if q else None

    def _verb(self, verb) -> None:
        """ "was banned for two years", "the tribunal banned X for two years", "could be banned for life"."""
        if any(c.dep_ == "neg" for c in verb.children) or verb.dep_ == "amod":    # "a suspended sentence"
            return
        values = [v for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                  for o in p.children if o.dep_ == "pobj" and (v := self._value(o))]
        if not values:
            return
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not passive and verb.dep_ == "relcl" and verb.tag_ == "VBN":
            passive = [verb.head]                             # "X, who was banned for two years", "athletes banned"
        if not passive and verb.dep_ == "acl":
            passive = [verb.head]
        held = [c for c in verb.children if c.dep_ == "dobj"] or passive
        subjects = self._holders(held)
        if not subjects:
            return
        attribute = self._attribute(verb)
        for v in values[:1]:
            self._keep(subjects, attribute, v, verb)

    def _noun(self, noun) -> None:
        """ "a two-year ban", "a ban of up to four years", "extend the suspension to four years"."""
        value = self.term_modifier(noun) or self._modifier_count(noun)
        head = noun.head
        if value is None and noun.dep_ == "dobj" and head.lemma_.lower() in _CHANGING:
            value = next((v for p in head.children if p.dep_ == "prep" and p.lower_ == "to"
                          for o in p.children if o.dep_ == "pobj" and (v := self._value(o))), None)
        if value is None or any(o.dep_ == "pobj" and not self._holders([o]) for p in noun.children
                                if p.dep_ == "prep" and p.lower_ == "on" for o in p.children):
            return                                            # "a ban on imports"
        if any(c.lower_ in {"prison", "jail"} for c in noun.children):
            return
        attribute = self._attribute(noun)
        subjects = self._holders([c for c in noun.children if c.dep_ == "poss"])
        subjects = subjects or self._holders([o for p in noun.children if p.dep_ == "prep"
                                              and p.lower_ in {"for", "against", "on"} for o in p.children
                                              if o.dep_ == "pobj"])
        for c in noun.children:                              # "the ban handed to X", "imposed on X"
            if not subjects and c.dep_ == "acl":
                subjects = self._holders([o for p in c.children if p.dep_ in {"prep", "dative"}
                                          and p.lower_ in {"to", "on"} for o in p.children if o.dep_ == "pobj"])
        if not subjects and head.pos_ in {"VERB", "AUX"}:
            if head.lemma_.lower() in _FACING | {"receive", "serve", "get", "accept", "begin", "complete"} \
                    and noun.dep_ == "dobj":
                subjects = self._holders([c for c in head.children if c.dep_ == "nsubj"])
            elif head.lemma_.lower() in {"hand", "give", "impose", "issue"}:
                subjects = self._holders([o for c in head.children if c.dep_ in {"dative", "prep"}
                                          for o in [c, *c.children] if o.dep_ in {"dative", "pobj"}])
        subjects = subjects or self._banned[-1:]
        if subjects:
            self._keep(subjects, attribute, value, noun)

    def _modifier_count(self, noun) -> str | None:
        """ "a four-match ban": a count of matches or games on the noun."""
        for c in noun.children:
            if c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in _MATCHES and (q := self.quantity(c)):
                return f"{q[0]} {_MATCHES[c.lemma_.lower()]}"
            if c.lower_ in {"lifetime", "life"}:
                return "life"
        return None

    def _attribute(self, tok) -> str:
        """Sought where a verb or noun of seeking governs `tok` (a few steps up), possible where one of facing
        does or `tok` is not actual, else imposed."""
        t = tok
        for _ in range(4):
            if t.head.i == t.i or t.dep_ not in _UP:
                break
            t = t.head
            lemma = t.lemma_.lower()
            if t.pos_ in {"VERB", "AUX"} and lemma in _SEEKING or t.pos_ == "NOUN" and lemma in _SEEKING_NOUNS:
                return SOUGHT
            if t.pos_ == "VERB" and lemma in _FACING:
                return POSSIBLE
        return BAN if modality_of(tok) == ACTUAL else POSSIBLE

    def _holders(self, toks) -> list[str]:
        return [e for t in toks for c in with_conjuncts(t) if (e := self.index.of_token(c))
                and self.index.type_of(e) in _HOLDERS]

    def _keep(self, subjects: list[str], attribute: str, value: str, tok) -> None:
        if attribute == BAN:
            self._banned = subjects
        self.add(subjects, attribute, value, tok)
