"""Who an argument of an event is: spaCy tokens mapped to the article's entities.

The entity reader gives mentions as character offsets; events need, for a
token in the parse, the entity it belongs to. Pronouns and relative "who"
that the entity reader left unresolved get a cautious fallback (the person
the clause or the previous sentence is about), because legal news puts the
name in one sentence and the sentencing in the next ("He was sentenced ...").
"""
from __future__ import annotations

import re
from typing import Sequence

from storyline.lexicon import AGENCY_NAMES
from storyline.records import Entity, Mention
from storyline.read.doctext import doc_text

PLACE_TYPES = {"GPE", "LOC", "FAC"}
_PERSONAL = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_RELATIVE = {"who", "whom", "whose", "that", "which"}
# Heads that stand for their owner: "the U.S. government said" is the U.S. speaking.
INSTITUTIONS = {
    "government", "administration", "authorities", "authority", "ministry", "department", "officials",
    "military", "army", "forces", "police", "court", "prosecutors", "embassy", "office", "cabinet",
    "regime", "leadership", "delegation", "side", "state", "parliament", "agency", "media", "navy",
    "board",                                  # "Acme's board named X", "the board of Acme Corp ousted X"
    "bank", "union",                          # "Chile's central bank cut rates", "the Unite union said"
}
SUBJECTS = {"nsubj", "nsubjpass"}


class EntityIndex:
    """Token -> entity id for one parsed article."""

    def __init__(self, doc, entities: Sequence[Entity]):
        self.doc = doc
        self.text = doc_text(doc)                 # Doc.text is rebuilt on every access: read it once
        self.by_id = {e.id: e for e in entities}
        self.tok: dict[int, tuple[str, int]] = {}
        for e in entities:
            for m in e.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                size = m.end - m.start
                for t in span:
                    if t.i not in self.tok or self.tok[t.i][1] > size:
                        self.tok[t.i] = (e.id, size)

    def type_of(self, eid: str | None) -> str:
        e = self.by_id.get(eid or "")
        return e.type if e else ""

    def direct(self, tok) -> str | None:
        hit = self.tok.get(tok.i)
        return hit[0] if hit else None

    def of_token(self, tok) -> str | None:
        """The entity a noun phrase headed by `tok` refers to, if any."""
        eid = self.direct(tok)
        if eid:
            return eid
        low = tok.lower_
        if low in _PERSONAL:
            return self._person_before(tok)
        if low in _RELATIVE and tok.tag_ in {"WP", "WDT", "WP$"}:
            return self._antecedent(tok)
        if tok.lemma_.lower() in INSTITUTIONS:
            for c in tok.children:
                if c.dep_ in {"compound", "poss", "nmod"} and self.direct(c):
                    return self.direct(c)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and self.direct(p):
                            return self.direct(p)
        return None

    def _antecedent(self, tok) -> str | None:
        head = tok.head
        if head.dep_ == "relcl":
            eid = self.direct(head.head)
            if eid and self.type_of(eid) not in PLACE_TYPES:
                return eid
        # the parser often hangs a relative clause on the wrong noun: take the name just before "who"
        i = tok.i - 1
        while i >= tok.sent.start and i >= tok.i - 3:
            t = self.doc[i]
            eid = self.direct(t)
            if eid:                           # a place before "which" is a modifier's: "the blast in Marl, which"
                kind = self.type_of(eid)
                return eid if kind == "PERSON" or tok.lower_ != "who" and kind not in PLACE_TYPES else None
            if not t.is_punct:
                break
            i -= 1
        return None

    def _person_before(self, tok) -> str | None:
        """The person a personal pronoun most likely points to (same sentence, then previous one)."""
        sent = tok.sent
        for t in reversed(list(self.doc[sent.start:tok.i])):
            eid = self.direct(t)
            if eid and self.type_of(eid) == "PERSON" and t.dep_ in SUBJECTS | {"appos", "compound", "dobj"}:
                return eid
        prev = self.previous_sentence(sent)
        return self.subject_person(prev, fallback=True) if prev is not None else None

    def previous_sentence(self, sent):
        if sent.start == 0:
            return None
        return self.doc[sent.start - 1].sent

    def subject_of(self, sent) -> tuple[str, object] | None:
        """(the person, the verb) of a sentence's main subject when that is a person."""
        for t in sent:
            if t.dep_ in SUBJECTS and t.head.dep_ == "ROOT":
                eid = self.of_token(t) if t.i != sent.end - 1 else None
                if eid and self.type_of(eid) == "PERSON":
                    return eid, t.head
        return None

    def subject_person(self, sent, fallback: bool = False) -> str | None:
        """The person a sentence is about: its main subject (else, with `fallback`, the last person named)."""
        if (found := self.subject_of(sent)) is not None:
            return found[0]
        if not fallback:
            return None
        for t in reversed(list(sent)):
            eid = self.direct(t)
            if eid and self.type_of(eid) == "PERSON":
                return eid
        return None

    def place(self, tok) -> str | None:
        eid = self.direct(tok)
        return eid if eid and self.type_of(eid) in PLACE_TYPES else None


CLIMB = frozenset({"conj", "xcomp", "advcl"})


# words of the names of bodies that have no shares: a regulator that fined a company is not the company
_NO_SHARES = frozenset("""
commission commissioner commissioners office court ministry department authority regulator watchdog agency
council tribunal police parliament government bureau prosecutor prosecutors prosecution senate congress assembly
treasury inspectorate ombudsman union party exchange university hospital school foundation institute association
federation charity army navy
""".split())


def org_before(index: EntityIndex, tok, skip: frozenset[str] = frozenset()) -> str | None:
    """The last organisation named before `tok` that is no news agency (the "(Reuters)" of a dateline, a
    "told Reuters" is whoever reports on a company, not the company), no body without shares (`_NO_SHARES`:
    "the Information Commissioner's Office fined Corvane ... Shares rose 3%" are Corvane's) nor one of `skip`
    (entity ids): the company "the shares" or "the company" stands for."""
    for t in reversed(index.doc[:tok.i]):
        eid = index.direct(t)
        if eid and eid not in skip and index.type_of(eid) == "ORG" and t.text.lower() not in AGENCY_NAMES:
            name = index.by_id[eid].name
            if name.lower() not in AGENCY_NAMES and not _no_shares(name):
                return eid
    return None


def _no_shares(name: str) -> bool:
    return any(re.sub(r"['’]s?$", "", w).lower() in _NO_SHARES for w in name.split())


def subject_token(verb, through: frozenset[str] = CLIMB) -> tuple[object | None, bool]:
    """(the token that is `verb`'s subject, whether it is the noun a relative clause modifies), or (None, False).

    Its own nsubj/nsubjpass child; else, for a relative clause's verb, the noun the clause modifies; else the
    subject of the verb it hangs on by a dependency of `through` (coordinated, controlled, subordinate), up
    to three verbs up."""
    for _ in range(3):
        for c in verb.children:
            if c.dep_ in SUBJECTS:
                return c, False
        if verb.dep_ == "relcl":
            return verb.head, True
        if verb.dep_ in through and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return None, False


def with_conjuncts(tok) -> list:
    """`tok` and the words coordinated with it ("Moscow and Washington")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in {"conj", "appos"} and c.pos_ in {"PROPN", "NOUN", "PRON"})
    return sorted(out, key=lambda t: t.i)


def prep_objects(tok, preps: set[str]) -> list:
    """Objects of the given prepositions under `tok`, conjuncts included."""
    out = []
    for c in tok.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in {"pobj", "pcomp"}:
                    out.extend(with_conjuncts(p))
    return out


_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "state", "county", "district", "port",
                          "island", "capital"})      # "in the German city of Marl"


def _named_place(index: EntityIndex, tok) -> str | None:
    """The place `tok` names: its own, or the one a place noun's "of" names ("the city of Marl")."""
    if eid := index.place(tok):
        return eid
    if tok.lemma_.lower() in _PLACE_NOUNS:
        return next((eid for p in prep_objects(tok, {"of"}) if (eid := index.place(p))), None)
    return None


def find_place(index: EntityIndex, anchors) -> str | None:
    """A GPE/LOC/FAC the event happened in or at: "in Thailand", "at a Moscow airport", "tore through a plant
    in Marl", "at a plant in the German city of Marl"; else where its doers are ("Dockworkers at the Port of
    Santos walked off the job", "Workers in Marl went on strike")."""
    fallback = None
    for a in anchors:
        for s in (c for c in a.children if c.dep_ == "nsubj"):
            eid = next((eid for p in prep_objects(s, {"in", "at"}) if (eid := _named_place(index, p))), None)
            fallback = fallback or eid
    modified = None
    for a in anchors:
        for obj in prep_objects(a, {"in", "at", "near", "outside", "inside", "through"}):
            eid = _named_place(index, obj)
            if eid:
                return eid
            for sub in prep_objects(obj, {"in", "at", "near"}):
                if eid := _named_place(index, sub):
                    return eid
            for c in obj.children:
                if c.dep_ in {"compound", "nmod", "poss"} and index.place(c) and not modified:
                    if obj.lemma_.lower() not in INSTITUTIONS | {"operation", "custody", "jail", "prison"}:
                        modified = index.place(c)
    return modified or fallback


def sentence_mention(doc, tok, text: str | None = None) -> Mention:
    """The evidence sentence of `tok`, cut at line breaks a parse may have run across."""
    sent = tok.sent
    start, end = sent.start_char, sent.end_char
    text = doc_text(doc) if text is None else text
    cut = text.rfind("\n", start, tok.idx)
    if cut >= 0:
        start = cut + 1
    nl = text.find("\n", tok.idx, end)
    if nl >= 0:
        end = nl
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Mention(start, end, text[start:end])


def opening_dateline_end(doc) -> int:
    """The index of the first token after an opening dateline in capitals ("SAN JOSE, Feb 2, 2026 (Reuters) -",
    "MARL, Germany, March 4 (Reuters) -"): the first dash within its first 16 tokens; 0 when the text does not
    open with a word in capitals. The fact readers' quick test for the dateline's place, which names where the
    story was filed, not where it happened (read.furniture's "dateline" span is the full rule)."""
    first = next((t for t in doc[:3] if not t.is_space), None)
    if first is None or not first.is_upper or not first.is_alpha:
        return 0
    return next((t.i + 1 for t in doc[:16] if t.text in {"—", "-", "–", "--"}), 0)
