"""Sums of money: "$4.2 billion", "about €3bn", "a 3-billion-euro takeover", "NOK 41 billion", "310 Norwegian crowns".

A sum is a fact of whoever pays, offers, bids, receives or is fined it, under an attribute named for what the
sum is: the verb it is the object of ("offered $4.2 billion": "amount offered"), the noun it measures ("a
$4.2 billion offer", "raised its offer to $4.6bn": also "amount offered", since an offer, a bid, a fine, a
loan or an award is the act its verb names; "a bid of NOK 41 billion", "the 3-billion-euro takeover": "amount of
<noun>"). The value is written one way whatever the text wrote (storyline.lexicon: a symbol or ISO 4217 code
before the number, the scale as a word, the quantifier kept): "$4.6bn" -> "$4.6 billion", "3-billion-euro" -> "€3
billion", "310 Norwegian crowns" -> "NOK 310", "more than £20m" -> "more than £20 million"; "per share" stays
on the value ("NOK 310 per share"), so that a price per share is never compared with a total. A sum whose payer
or payee is no entity ("the deal, valued at $4.2 billion") is left out.
"""
from __future__ import annotations

import re
from typing import Callable

from storyline.lexicon import (CURRENCY_CODES, CURRENCY_NATIONS, CURRENCY_SYMBOLS, CURRENCY_WORDS, MONEY_SCALES,
                               NUMBER_WORDS)
from storyline.read.events.arguments import EntityIndex

_AMOUNT = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(" + "|".join(sorted(MONEY_SCALES, key=len, reverse=True)) + r")?",
                     re.I)
_QUANTIFIERS = ("more than", "less than", "fewer than", "at least", "up to", "as much as", "about", "around",
                "nearly", "almost", "over", "roughly", "approximately", "some", "an estimated", "under")
_ACTS = {"offer": "offered", "bid": "bid", "fine": "fined", "loan": "loaned", "award": "awarded",
         "grant": "granted", "payment": "paid", "pay": "paid", "payout": "paid", "penalty": "fined"}
# verbs whose sum is paid by their object, not their subject ("the regulator fined Acme £20m")
_PENALTIES = {"fine", "penalize", "penalise", "surcharge"}
# verbs whose subject owns the act their object names: "Kestrel made / raised a $4.2 billion offer" is Kestrel's
# offer, while "the board rejected a $4.2 billion offer" or "the Commission opened an inquiry into a takeover" is not
_OWNER_VERBS = {"make", "raise", "submit", "launch", "table", "improve", "sweeten", "increase", "lift", "revise",
                "lower", "cut", "receive", "pay", "put", "announce", "unveil", "propose", "agree", "complete",
                "expect", "forecast", "post", "record", "book", "earn", "generate", "owe", "seek", "have"}


class Money:
    """Reads the sums of one parsed article; `add(subjects, attribute, value, tok)` keeps each.

    `agents(verb)` gives the entity ids of who does a verb (facts._Reader.agents); `participle(verb)` its
    past participle ("offered", "paid")."""

    def __init__(self, doc, index: EntityIndex, add: Callable, agents: Callable, participle: Callable):
        self.doc, self.index, self.add, self.agents, self.participle = doc, index, add, agents, participle

    def read(self, tok) -> None:
        found = self.amount(tok)
        if found is None:
            return
        value, span = found
        root = next((t for t in span if not (span[0].i <= t.head.i <= span[-1].i) or t.head.i == t.i), span[-1])
        named = self._named(root, span[0].i)
        if named is not None:
            subjects, attribute = named
            self.add([s for s in subjects if s], attribute, value, tok)

    def amount(self, tok) -> tuple[str, list] | None:
        """(value, tokens of the sum) when `tok` is the currency of a sum, else None."""
        doc, i = self.doc, tok.i
        unit = CURRENCY_SYMBOLS.get(tok.text) or (CURRENCY_CODES.get(tok.text) if tok.text.isupper() else None)
        if unit is not None:                                        # "$4.2 billion", "NOK 41 billion"
            n, scale, last = self._number_after(i + 1)
            if n is None:
                return None
            first = i
        elif (word := tok.lemma_.lower()) in CURRENCY_WORDS and tok.pos_ in {"NOUN", "PROPN"}:
            unit = CURRENCY_WORDS[word]                             # "3.9 billion euros", "3-billion-euro"
            j = i - 1
            nation = doc[j].lower_ if j >= 0 and doc[j].pos_ in {"ADJ", "PROPN"} and not doc[j].like_num else ""
            j -= 1 if nation else 0
            unit = CURRENCY_NATIONS.get((nation, unit), unit)
            n, scale, first = self._number_before(j)
            if n is None or word == "pound" and not scale:         # "lost 10 pounds" is a weight
                return None
            last = i
        else:
            return None
        head = next((w for w in _QUANTIFIERS if doc[max(0, first - len(w.split())):first].text.lower() == w), "")
        if head:
            first -= len(head.split())
        number = f"{n.replace(',', '')} {scale}".strip()
        value = f"{unit}{number}" if len(unit) == 1 else f"{unit} {number}" if unit.isupper() else f"{number} {unit}"
        if last + 2 < len(doc) and doc[last + 1].lower_ in {"per", "a"} and doc[last + 2].lemma_.lower() == "share":
            value += " per share"
        return (f"{head} {value}" if head else value), list(doc[first:last + 1])

    def _number_after(self, j: int) -> tuple[str | None, str, int]:
        doc = self.doc
        if j >= len(doc) or not (hit := _AMOUNT.fullmatch(doc[j].text)):
            return None, "", j
        scale = MONEY_SCALES.get((hit[2] or "").lower(), "")
        if not scale and j + 1 < len(doc) and doc[j + 1].lower_ in MONEY_SCALES and doc[j + 1].lower_ != "k":
            return hit[1], MONEY_SCALES[doc[j + 1].lower_], j + 1
        return hit[1], scale, j

    def _number_before(self, j: int) -> tuple[str | None, str, int]:
        doc = self.doc
        while j >= 0 and doc[j].text == "-":
            j -= 1
        scale = ""
        if j >= 0 and doc[j].lower_ in MONEY_SCALES and len(doc[j].text) > 2:
            scale, j = MONEY_SCALES[doc[j].lower_], j - 1
            while j >= 0 and doc[j].text == "-":
                j -= 1
        if j < 0:
            return None, "", j
        if (hit := _AMOUNT.fullmatch(doc[j].text)) is not None:
            return hit[1], scale or MONEY_SCALES.get((hit[2] or "").lower(), ""), j
        if doc[j].lower_ in NUMBER_WORDS:
            return str(NUMBER_WORDS[doc[j].lower_]), scale, j
        return None, "", j

    def _named(self, root, start: int) -> tuple[list, str] | None:
        """(subjects, attribute) of a sum whose tokens' root is `root`, or None."""
        head = root.head
        if root.dep_ == "pobj" and head.dep_ == "prep":
            up = head.head
            if up.pos_ == "NOUN":                                   # "a bid of NOK 41 billion"
                return self._of_noun(up)
            if up.pos_ == "VERB":                                   # "raised its offer to $4.6bn", "sold for $5m"
                noun = next((c for c in up.children if c.dep_ == "dobj" and c.lemma_.lower() in _ACTS), None)
                return self._of_noun(noun) if noun is not None else self._of_verb(up, start)
            return None
        if head.pos_ == "VERB" and root.dep_ in {"dobj", "npadvmod", "nsubjpass", "attr", "oprd"}:
            return self._of_verb(head, start)                       # "offered $4.2 billion", "fined £20m"
        if root.dep_ in {"compound", "nummod", "amod", "nmod"} and head.pos_ == "NOUN":
            return self._of_noun(head)                              # "a $4.2 billion offer"
        return None

    def _of_verb(self, verb, start: int) -> tuple[list, str]:
        """(subjects, attribute) of a sum (its first token at `start`) that `verb` takes."""
        attribute = f"amount {self.participle(verb)}"
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and (eid := self.index.of_token(passive)):   # "Acme was fined £20m": Acme's
            return [eid], attribute
        if verb.lemma_.lower() in _PENALTIES or verb.lower_.startswith("fine"):    # the model lemmatises "fin"
            between = self.doc[verb.i + 1:start]                # "the regulator fined Acme £20m": Acme's too
            fined = next((e for t in between if (e := self.index.of_token(t))), None)
            return ([fined] if fined else []), attribute
        return self.agents(verb), attribute

    def _of_noun(self, noun) -> tuple[list, str]:
        lemma = noun.lemma_.lower()
        attribute = f"amount {_ACTS[lemma]}" if lemma in _ACTS else f"amount of {lemma}"
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and (eid := self.index.of_token(owner)):
            return [eid], attribute                                 # "Kestrel's offer", "its offer"
        by = [t for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} for t in c.children
              if t.dep_ == "pobj"]
        if by and (eid := self.index.of_token(by[0])):
            return [eid], attribute                                 # "an offer from Kestrel"
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _OWNER_VERBS:
            return self.agents(noun.head), attribute                # "Kestrel made a $4.2 billion offer"
        return [], attribute
