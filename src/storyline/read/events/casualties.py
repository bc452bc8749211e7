"""Casualty counts: how many were killed, injured, missing or arrested in an incident.

"killing two workers and injuring 11 others", "Twelve people were injured", "at least 40 were killed",
"Two workers died", "three people are missing", "raising the death toll to two" each give one count,
read under a common attribute ("count of dead", "count of injured", "count of missing", "count of
arrested") so that outlets wording it differently are compared.

The subject of a count is the place of the incident, the same across articles of one story: the place
named after the incident word of the count's own sentence ("a blast at a site in Leverkusen killed seven
people"), else the first such place of the article ("Tuesday's explosion at the Velmar Chemie plant in
Marl"), else the article's dateline ("PASADENA, Texas (AP) —"). A place that is only a landmark ("near
Houston", "along the Houston Ship Channel") is not where it happened. No place, no count.
"""
from __future__ import annotations

from typing import Callable

from storyline.read.events.arguments import EntityIndex

# verb or adjective lemma -> the attribute its count is read under
_VERBS = {"kill": "dead", "die": "dead", "injure": "injured", "wound": "injured", "hurt": "injured",
          "arrest": "arrested", "detain": "arrested"}
_ADJECTIVES = {"dead": "dead", "missing": "missing", "injured": "injured", "wounded": "injured"}
_INCIDENTS = frozenset("""
explosion blast fire blaze attack bombing shooting crash collision derailment earthquake quake flood flooding
storm hurricane typhoon cyclone tornado landslide mudslide avalanche collapse stampede accident raid strike
airstrike clash clashes riot fighting ambush massacre eruption leak spill
""".split())
_LANDMARK_PREPS = {"near", "outside", "along", "off", "from", "to", "toward", "towards", "beyond", "across"}
_PLACE_TYPES = {"GPE", "LOC"}
_MAX = 1_000_000


def _count(tok, number) -> tuple[str, int] | None:
    """The count a casualty word's noun phrase states: "at least 12 people" -> ("at least 12", 12)."""
    n = number(tok) if tok.pos_ == "NUM" or tok.like_num else None
    num = tok if n is not None else None
    if num is None:
        for c in tok.children:
            if c.dep_ == "nummod" and number(c) is not None:
                num, n = c, number(c)
                break
    if num is None or n is None or not 0 < n < _MAX:
        return None
    if num is not tok and tok.lemma_.lower() in {"year", "month", "week", "day", "hour", "percent", "%"}:
        return None
    mods = [m.lower_ for m in tok.doc[num.left_edge.i:num.i] if not m.is_punct and m.dep_ != "det"]
    mods += [m.lower_ for m in num.children if m.dep_ in {"advmod", "quantmod"} and m.i < num.i
             and m.lower_ not in mods]
    words = " ".join(mods)
    return (f"{words} {n}" if words else str(n)), n


class Casualties:
    """Reads casualty counts of one parsed article; `add(subjects, attribute, value, tok)` keeps each."""

    def __init__(self, doc, index: EntityIndex, number: Callable, add: Callable):
        self.doc, self.index, self.number, self.add = doc, index, number, add
        self._article_place: str | None | bool = False      # False: not looked for yet

    def read(self, tok) -> None:
        lemma = tok.lemma_.lower()
        if tok.lower_ in _ADJECTIVES and (tok.dep_ == "acomp" or any(   # "Three people are missing"
                c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)):
            holder = tok.head if tok.dep_ == "acomp" else tok
            for c in holder.children:
                if c.dep_ == "nsubj":
                    self._keep(c, _ADJECTIVES[tok.lower_], tok)
        elif tok.pos_ in {"VERB", "AUX"} or tok.tag_ in {"VBN", "VBD", "VBG", "VBZ", "VBP", "VB"}:
            attr = _VERBS.get(lemma)
            if attr is None or any(c.dep_ == "neg" for c in tok.children):
                return
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
            if lemma == "die":
                deps = {"nsubj"}
            elif passive:
                deps = {"nsubjpass"}
            else:
                deps = {"dobj"}
            for c in tok.children:
                if c.dep_ in deps:
                    self._keep(c, attr, tok)
        elif lemma == "toll" and any(c.lower_ == "death" for c in tok.children):
            self._toll(tok)

    def _toll(self, tok) -> None:
        """ "raising the death toll to two", "the death toll rose to 40", "a death toll of 12"."""
        holders = [tok, tok.head] if tok.head.pos_ in {"VERB", "AUX"} else [tok]
        for h in holders:
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ in {"to", "of", "at"}:
                    for o in p.children:
                        if o.dep_ == "pobj":
                            self._keep(o, "dead", tok)
                            return

    def _keep(self, noun, attr: str, tok) -> None:
        got = _count(noun, self.number)
        if got is None:
            return
        place = self._sentence_place(tok.sent, tok)
        if place is None:
            place = self._place_of_article()
        if place:
            self.add([place], f"count of {attr}", got[0], tok)

    def _sentence_place(self, sent, tok=None) -> str | None:
        """The place of the incident word that is the subject of `tok` ("a blast ... killed seven"), else of the
        nearest one before it, else of the first of `sent`: named after it in its clause ("a blast at a site in Leverkusen"), else
        anywhere in the sentence but its dateline ("the explosion at its Marl site")."""
        subject = [s for c in (tok.children if tok is not None else ()) if c.dep_ == "nsubj" for s in c.subtree]
        before = [t for t in reversed(sent) if tok is not None and t.i < tok.i]
        for t in [*subject, *before, *sent]:
            if t.lemma_.lower() not in _INCIDENTS or t.pos_ not in {"NOUN", "PROPN"}:
                continue
            scope = t.head if t.dep_ in {"nsubj", "nsubjpass"} else t
            after = [s for s in scope.subtree if s.i > t.i]
            for s in [*after, *sent]:
                eid = self.index.direct(s)
                if eid and self.index.type_of(eid) in _PLACE_TYPES and not self._landmark(s) \
                        and s.i >= self._dateline_end():
                    return eid
            return None
        return None

    def _dateline_end(self) -> int:
        """The index of the first token after an opening dateline ("MARL, Germany, March 4 (Reuters) -")."""
        doc = self.doc
        first = next((t for t in doc[:3] if not t.is_space), None)
        if first is None or not first.is_upper or not first.is_alpha:
            return 0
        return next((t.i + 1 for t in doc[:16] if t.text in {"—", "-", "–", "--"}), 0)

    def _landmark(self, tok) -> bool:
        """Whether the place phrase of `tok` hangs on a preposition of nearness ("near Houston")."""
        t = tok
        while t.head.i != t.i and t.dep_ in {"compound", "pobj", "appos", "amod", "nmod", "poss"}:
            if t.dep_ == "pobj":
                return t.head.lower_ in _LANDMARK_PREPS
            t = t.head
        return False

    def _place_of_article(self) -> str | None:
        if self._article_place is False:
            self._article_place = next((p for s in self.doc.sents if (p := self._sentence_place(s))), None) \
                or self._dateline()
        return self._article_place or None

    def _dateline(self) -> str | None:
        """ "PASADENA, Texas (AP) —", "MARL, Germany, March 4 (Reuters) -": the place the text opens with."""
        for t in self.doc[:3]:
            if t.is_space or t.is_punct:
                continue
            eid = self.index.direct(t)
            nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
            if eid and self.index.type_of(eid) in _PLACE_TYPES and t.is_upper and nxt is not None \
                    and nxt.text in {",", "—", "-", "–", "("}:
                return eid
            return None
        return None
