"""Ownership stakes: "The Brekke family, which owns 22% of the shares", "holds a 15% stake in Equinor".

A stake is a fact of its owner under the attribute "stake in <company>" (the company as the article names
it; stage 4 names it as the story does, connect.facts.objects_named), the value a percent ("22%", "about
22%"), so that two outlets giving one owner's stake in one company are compared and stakes in different
companies never are. Read where:

- a verb of holding has the percent of the company or its shares as object: "owns 22% of the shares",
  "holds 22% of Halvorsen", "controls 51 percent of the company", "whose family owns 22%" (the owner is
  the one "whose" stands for);
- a stake noun (stake, holding, shareholding, interest) measured in percent is held: "holds a 15% stake in
  Equinor", "its 22% stake", "Halvorsen's biggest shareholder with a 22 percent stake" (the shareholder's:
  the noun a "with" hangs on, or the name it is in apposition to);
- a stake is raised or cut to a percent: "raised its stake in Acme to 25%" (the stake held after).

The company is the one named with the stake ("in Equinor", "of Halvorsen", "Halvorsen's shares",
"Halvorsen's biggest shareholder"), else, for a percent of "the shares", "the company" or "the group", the
last organisation named before that is no news agency and not the owner; a stake noun naming no company
("has a 12% stake") and a company named but not known as an organisation ("owns 9% of rail operator
Fenoco") give none: the last organisation named is too often another one. A stake only planned, possible or
denied ("could take a 10% stake", "does not own 22%"), one bought or sold (a deal, not a holding: "bought a
5% stake"), and a percent of anything else ("41 percent of container capacity", "90% of shareholders") are
left out.
"""
from __future__ import annotations

from typing import Callable

from storyline.read.events.arguments import EntityIndex, org_before, with_conjuncts
from storyline.read.events.modality import modality_of
from storyline.read.events.votes import percent_at, percent_value, phrase_head

STAKE = "stake in "                              # the attribute: "stake in Halvorsen Maritime"

_HOLD = {"own", "hold", "control", "have", "keep", "retain"}
_MOVE = {"raise", "increase", "lift", "boost", "lower", "cut", "reduce", "trim"}
_STAKE_NOUNS = {"stake", "holding", "shareholding", "interest"}
_SHARE_NOUNS = {"share", "stock", "equity", "capital", "right"}      # "22% of the shares / voting rights"
_COMPANY_NOUNS = {"company", "group", "firm", "business", "operator", "maker", "bank", "carrier", "lender",
                  "insurer", "shipper", "producer", "retailer", "club", "team", "airline", "conglomerate"}
_QUANT = ("more than", "at least", "about", "around", "nearly", "almost", "over", "just over", "just under",
          "roughly", "some", "less than", "up to")


class Stakes:
    """Reads the ownership stakes of one parsed article; `add(subjects, attribute, value, tok)` keeps each.

    `agents(verb)` gives the entity ids of who does a verb (facts._Reader.agents)."""

    def __init__(self, doc, index: EntityIndex, add: Callable, agents: Callable):
        self.doc, self.index, self.add, self.agents = doc, index, add, agents

    def read(self, tok) -> None:
        found = percent_at(tok)
        if found is None or (value := percent_value(found[0])) is None:
            return
        num, tokens = found
        head = phrase_head(tokens)
        read = self._held_percent(head) if head.dep_ == "dobj" else self._measured_stake(head.head) \
            if head.dep_ in {"compound", "nummod", "amod", "nmod"} and head.head.lemma_.lower() in _STAKE_NOUNS \
            else self._moved_to(head) if head.dep_ == "pobj" and head.head.lower_ == "to" else None
        if read is None:
            return
        owners, company = read
        owners = [o for o in owners if o and o != company]
        if owners and company:
            mods = " ".join(t.lower_ for t in self.doc[num.left_edge.i:num.i] if not t.is_punct)
            quant = next((q for q in _QUANT if mods.endswith(q)), None)
            name = self.index.by_id[company].name
            self.add(owners[:1], STAKE + name, f"{quant} {value}" if quant else value, head)

    # ------------------------------------------------------------ the three shapes
    def _held_percent(self, pct) -> tuple[list, str | None] | None:
        """ "owns 22% of the shares", "holds 22% in Halvorsen": the percent is the object of a verb of holding."""
        verb = pct.head
        if verb.lemma_.lower() not in _HOLD or modality_of(verb) != "actual":
            return None
        objects = [o for c in pct.children if c.dep_ == "prep" and c.lower_ in {"of", "in"} for o in c.children
                   if o.dep_ == "pobj"]
        if not objects:
            return None
        owners = self._owners(verb)
        return owners, self._company_of(objects[0], verb, owners)

    def _measured_stake(self, stake) -> tuple[list, str | None] | None:
        """ "a 15% stake in Equinor", "its 22% stake", "shareholder with a 22 percent stake"."""
        owners: list = []
        poss = next((c for c in stake.children if c.dep_ == "poss"), None)
        up = stake.head
        holder = None
        if poss is not None:
            owners = [self._possessor(poss)]
        elif stake.dep_ == "dobj" and up.lemma_.lower() in _HOLD:
            if modality_of(up) != "actual":
                return None
            owners = self._owners(up)
        elif stake.dep_ == "pobj" and up.lower_ == "with" and up.head.pos_ in {"NOUN", "PROPN"}:
            holder = up.head                                      # "the family, its biggest shareholder with ..."
            owners = [self.index.of_token(holder) or (self.index.of_token(holder.head)
                                                      if holder.dep_ == "appos" else None)]
        else:
            return None
        return owners, self._named_company(stake) or (self._named_company(holder) if holder is not None else None)

    def _moved_to(self, pct) -> tuple[list, str | None] | None:
        """ "raised its stake in Acme to 25%": the stake held after the move."""
        verb = pct.head.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MOVE or modality_of(verb) != "actual":
            return None
        stake = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _STAKE_NOUNS), None)
        if stake is None:
            return None
        poss = next((c for c in stake.children if c.dep_ == "poss"), None)
        owners = [self._possessor(poss)] if poss is not None else self._owners(verb)
        company = self._named_company(stake) or org_before(self.index, stake, frozenset(o for o in owners if o))
        return owners, company

    # ------------------------------------------------------------ who and what
    def _owners(self, verb) -> list:
        """Who holds: the verb's subject or, for a subject noun ("its largest shareholder, the Brekke family"),
        the name in apposition to it; "whose family owns": the one "whose" stands for."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            whose = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
            if whose is not None:
                return [self.index.of_token(whose)]
            found = [e for t in with_conjuncts(subj) if (e := self.index.of_token(t))]
            if found:
                return found[:1]
        return [e for e in self.agents(verb) if e][:1]

    def _possessor(self, poss) -> str | None:
        """ "its": the last organisation named before; else the entity the possessive names."""
        if poss.lower_ in {"its", "their"}:
            return org_before(self.index, poss)
        return self.index.of_token(poss)

    def _company_of(self, obj, verb, owners: list) -> str | None:
        """The company a percent is of: named ("of Halvorsen", "of Halvorsen's shares"), else for the shares or
        the company, the one in focus."""
        eid = self.index.direct(obj)
        if eid and self.index.type_of(eid) == "ORG":
            return eid
        if not self._is_holding(obj):
            return None
        if any(c.dep_ in {"compound", "appos", "nmod", "poss"} and c.pos_ == "PROPN" for c in obj.children):
            return self._named_company(obj)                       # "rail operator Fenoco": named, if known
        return self._named_company(obj) or next(
            (e for c in verb.children if c.dep_ == "nsubj" for e in [self._named_company(c)] if e), None) \
            or org_before(self.index, obj, frozenset(o for o in owners if o))

    def _is_holding(self, obj) -> bool:
        low = obj.lemma_.lower()
        return low in _SHARE_NOUNS | _COMPANY_NOUNS and (low != "right" or any(
            c.lower_ == "voting" for c in obj.children))

    def _named_company(self, noun) -> str | None:
        """An organisation named on a noun: "in Equinor", "of Halvorsen", "Halvorsen's", "Halvorsen shares"."""
        for c in noun.children:
            if c.dep_ in {"poss", "compound", "nmod"} and (eid := self.index.direct(c)) \
                    and self.index.type_of(eid) == "ORG":
                return eid
            if c.dep_ == "prep" and c.lower_ in {"in", "of"}:
                for o in c.children:
                    if o.dep_ == "pobj" and (eid := self.index.of_token(o)) and self.index.type_of(eid) == "ORG":
                        return eid
        return None
