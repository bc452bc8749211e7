"""Descriptions and pronouns: the mentions of `entities` that are not names.

`entities` clusters the names; this module holds the state those clusters
carry (`Cluster`) and the left-to-right reading pass (`MentionReader.read`)
that attaches "the spokeswoman", "the 31-year-old", "the Secretary of State"
and "she" to the person a reader would link them to. It is split from
`entities` because it is the larger half and changes for different reasons
(description and pronoun rules, not name clustering); `entities._Reader`
inherits it, so the pass still runs on one object with one list of clusters.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from storyline.records import Mention
from storyline.read.entities.roles import (FAMILY, PERSON_NOUNS, TITLE_HEADS, TITLE_MODIFIERS, Role, country_of, gender_of_title, head_word,
                    parse_title, title_key)

_OFFICE_OF = {"state", "defense", "defence", "staff", "justice", "commerce", "energy", "homeland"}
_RELATIONAL = {"mother", "father", "son", "daughter", "wife", "husband", "girl", "boy"}
# "a grandson of the company's founder", "the widow of the late president": the description after "of" is
# another person than the one the relation noun describes
_KIN = {"son", "daughter", "grandson", "granddaughter", "grandchild", "child", "wife", "husband", "widow",
        "widower", "brother", "sister", "father", "mother", "grandfather", "grandmother", "nephew", "niece",
        "cousin", "uncle", "aunt", "heir", "descendant", "successor", "predecessor", "friend", "partner"}
PRONOUNS = {"he": "M", "him": "M", "his": "M", "himself": "M", "she": "F", "her": "F", "hers": "F", "herself": "F"}
_AGE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[0-9]{1,3}|[a-z]+(?:-[a-z]+)?)-year-old(?:\s+([a-z]+))?")


@dataclass
class Cluster:
    """One referent as the reader builds it: shared by name clustering (`entities`) and the pass here."""

    type: str
    names: list[str] = field(default_factory=list)        # name forms in order of appearance
    descs: list[str] = field(default_factory=list)        # descriptions ("the spokeswoman")
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None
    unnamed: bool = False
    subject: bool = False                                  # was the latest mention a subject
    last: int = -1                                         # char offset of the latest mention met
    labels: dict[str, int] = field(default_factory=dict)

    def add(self, start: int, end: int, text: str) -> None:
        if all(m.start != start for m in self.mentions):
            self.mentions.append(Mention(start, end, text))
        self.last = max(self.last, start)

    def family(self) -> set[str]:
        return {FAMILY[h] for h in (head_word(r.title) for r in self.roles) if h in FAMILY}


class MentionReader:
    """The reading pass over one doc; `entities._Reader` fills `clusters` with names first."""

    doc: Doc
    text: str
    clusters: list[Cluster]
    sent_starts: list[int]
    firings: list[tuple[str, Mention, Cluster]]             # (rule, description, referent it joined)

    def sent(self, char: int) -> int:
        """Index of the sentence holding a character offset."""
        return bisect.bisect_right(self.sent_starts, char) - 1

    # ------------------------------------------------------------------ the reading pass
    def read(self) -> None:
        events: list[tuple[int, str, object]] = []
        for c in self.clusters:
            for m in c.mentions:
                events.append((m.start, "name", c))
        for chunk, start in self._descriptions():
            events.append((start, "desc", chunk))
        for tok in self.doc:
            if tok.lower_ in PRONOUNS and tok.tag_ in {"PRP", "PRP$"}:
                events.append((tok.idx, "pron", tok))
        events.sort(key=lambda e: (e[0], e[1] != "name"))
        for pos, kind, obj in events:
            if kind == "name":
                obj.last = max(obj.last, pos)
                obj.subject = self._is_subject(pos)
            elif kind == "desc":
                self._description(*obj)
            else:
                self._pronoun(obj)

    def _descriptions(self):
        """(tokens, start, end, text, appos-target) for each noun phrase naming a person by role."""
        doc = self.doc
        in_person = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        for chunk in doc.noun_chunks:
            root = chunk.root
            if root.lower_ not in PERSON_NOUNS or root.tag_ in {"NNS", "NNPS"} or root.i in in_person:
                continue
            if root.ent_type_ in {"ORG", "FAC", "GPE", "LOC"}:
                continue                                # "the Pacific Tsunami Warning Center" is no person
            if root.i + 1 < len(doc) and doc[root.i + 1].ent_type_ == "PERSON":
                continue                                # a title glued to a name: a role, not a mention
            toks = list(chunk)
            det = toks[0].lower_ if toks else ""
            if det in {"his", "her", "their", "its", "my", "our", "your", "this", "that"} or \
                    toks[0].tag_ in {"PRP$"}:
                continue
            if root.dep_ in {"attr"}:
                continue                                # "X is a dealer": a predicate, not a mention
            if root.dep_ == "conj" and root.head.i not in in_person:
                target = ("conj", root.head.idx)
            elif root.dep_ == "appos" and root.head.i in in_person:
                target = ("appos", root.head.idx)
            elif named := [c for c in root.children if c.dep_ == "appos" and c.i in in_person]:
                target = ("appos", named[0].idx)        # "Whitfield's lawyer, Rachel Stein, asked": her
            elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _KIN:
                target = ("kin", -1)                    # "a grandson of the company's founder": someone else
            else:
                target = None
            definite = det == "the" or any(t.dep_ == "poss" for t in toks)
            if not definite and det not in {"a", "an"} and target is None:
                continue
            body = [t for t in toks if t.lower_ not in {"the", "a", "an"}]
            # "the U.S. Secretary of State": the title continues past the chunk
            end = chunk.end
            if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ != "PERSON" and (
                    (doc[end + 1].is_title and root.is_title) or doc[end + 1].lower_ in _OFFICE_OF):
                body += [doc[end], doc[end + 1]]
                end += 2
            start = body[0].idx if body else chunk.start_char
            text = self.text[start:doc[end - 1].idx + len(doc[end - 1])]
            yield (body, start, doc[end - 1].idx + len(doc[end - 1]), text, det, target), start
        chunks = [ch for ch in doc.noun_chunks if ch.root.lower_ in PERSON_NOUNS]
        for m in _AGE.finditer(self.text):
            if m.group(1) and m.group(1) not in PERSON_NOUNS:
                stop = m.start(1) - 1
            else:
                stop = m.end()
            text = self.text[m.start():stop]
            det = text.split()[0].lower()
            start = m.start() + len(text.split()[0]) + 1
            span = doc.char_span(start, stop, alignment_mode="expand")
            if span is not None and not any(ch.start <= span.start < ch.end for ch in chunks):
                yield (list(span), start, stop, self.text[start:stop], det, None), start

    def _description(self, body, start, end, text, det, target) -> None:
        persons = [c for c in self.clusters if c.type == "PERSON"]
        if target is not None and target[0] == "kin":
            self._new(start, end, text, parse_title(body) if body else None, gender_of_title(text))
            return
        if target is not None:
            hit = next((c for c in persons if any(m.start == target[1] or
                                                  (m.start <= target[1] < m.end) for m in c.mentions)), None)
            if hit is not None:
                self._attach(hit, start, end, text, parse_title(body), target[0])
            return
        role = parse_title(body) if body else None
        head = head_word(text)
        titled = role is not None and (any(t.is_title for t in body if t.lower_ in TITLE_HEADS | TITLE_MODIFIERS)
                                       or any(t.lower_ in TITLE_MODIFIERS for t in body))
        proper = any(t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "NORP"}
                     and t.lower_ not in TITLE_HEADS | TITLE_MODIFIERS for t in body)
        gender = gender_of_title(text)
        recent = sorted((c for c in persons if c.last >= 0 and c.last < start), key=lambda c: -c.last)
        # 1. the same office (keyed so that "top diplomat" meets "foreign minister")
        if role is not None:
            key = title_key(role.title)
            for c in recent:
                if any(title_key(r.title) == key and _org_ok(r.org, role.org) for r in c.roles):
                    return self._attach(c, start, end, text, role, "same_office")
            # the office of the one person of the article named with it, later ("the governor told reporters
            # ... Ines Martinez, who took over as governor"): a capitalised title, or "the" before a plain one
            if titled or (det == "the" and head in TITLE_HEADS and not proper):
                later = [c for c in persons if not c.unnamed and
                         any(title_key(r.title) == key and _org_ok(r.org, role.org) for r in c.roles)]
                if len(later) == 1:
                    return self._attach(later[0], start, end, text, role, "office_ahead")
        if det in {"a", "an"}:
            if body and body[-1].dep_ in {"nsubj", "nsubjpass"}:
                ahead = self._named_ahead(body[-1], FAMILY.get(head)) if self.sent(start) < 6 else None
                if ahead is not None:
                    return self._attach(ahead, start, end, text, role, "named_ahead")
                return self._new(start, end, text, role, gender)
            return None
        # 2. a plain description of the same family, or one that any person fits
        if not titled:
            fam = FAMILY.get(head)
            for c in recent:
                if self.sent(c.last) < self.sent(start) - 3:
                    break
                if gender and c.gender and gender != c.gender:
                    continue
                if fam and fam in c.family():
                    return self._attach(c, start, end, text, role, "same_family")
                if not proper and det == "the" and head not in TITLE_HEADS | _RELATIONAL:
                    return self._attach(c, start, end, text, role, "plain_description")  # "the 31-year-old"
        self._new(start, end, text, role, gender)

    def _named_ahead(self, subject, family: str | None) -> Cluster | None:
        """The person a lede describes before naming ("A senior diplomat has accused ..., RIA
        reported. Deputy Foreign Minister Jo Doe's comments ..."): the first person named after the
        description, if of the same family and named in one of the next two sentences, or after a
        colon or a dash in the same one ("let a judicial nominee get a vote: Jo Doe").

        Measured on the quotes dev set (bench/entity_rules.py): a person named elsewhere in the
        description's own sentence is what it says something about ("a veteran diplomat said
        Secretary Doe ...") or whom it works for ("a spokesman for Jo Doe"), and a description
        that is the subject of a supposed act ("if a third-party candidate should run") is nobody yet.
        """
        if family is None or _supposed(subject.head):
            return None
        start = subject.idx
        ahead = [(min(m.start for m in c.mentions if m.start > start), c) for c in self.clusters
                 if c.type == "PERSON" and not c.unnamed and any(m.start > start for m in c.mentions)]
        if not ahead:
            return None
        first, c = min(ahead, key=lambda x: x[0])
        gap = self.sent(first) - self.sent(start)
        if gap == 0 and not _INTRODUCED.search(self.text[subject.idx:first]):
            return None
        if gap <= 2 and family in c.family():
            return c
        return None

    def _new(self, start, end, text, role, gender) -> Cluster:
        c = Cluster("PERSON", unnamed=True, gender=gender)
        self.clusters.append(c)
        self._attach(c, start, end, text, role)
        return c

    def _attach(self, c: Cluster, start: int, end: int, text: str, role: Role | None, rule: str = "") -> None:
        """Add a description to a referent; `rule` names the rule that linked it (kept in `firings`)."""
        if rule:
            self.firings.append((rule, Mention(start, end, text), c))
        c.add(start, end, text)
        if text not in c.descs:
            c.descs.append(text)
        if role is not None and head_word(role.title) in TITLE_HEADS and role not in c.roles:
            c.roles.append(role)
        c.gender = c.gender or gender_of_title(text)

    def _is_subject(self, char: int) -> bool:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        while tok.head is not tok and tok.head.ent_iob_ == "I" and tok.dep_ in {"compound", "flat"}:
            tok = tok.head
        if tok.dep_ == "appos":                         # "Halvorsen's chairman, Øyvind Brekke, is ...": the subject
            tok = tok.head
        return tok.dep_ in {"nsubj", "nsubjpass"}

    def _pronoun(self, tok) -> None:
        """The most recent person of a compatible gender; within one sentence a subject wins."""
        gender = PRONOUNS[tok.lower_]
        here = self.sent(tok.idx)
        fits = [c for c in self.clusters if c.type == "PERSON" and 0 <= c.last < tok.idx
                and self.sent(c.last) >= here - 2 and not (c.gender and c.gender != gender)]
        if not fits:
            return
        latest = max(self.sent(c.last) for c in fits)
        fits = [c for c in fits if self.sent(c.last) == latest]
        c = max(fits, key=lambda c: (c.subject and latest < here, c.last))
        c.gender = gender
        c.add(tok.idx, tok.idx + len(tok), tok.text)
        c.subject = tok.dep_ in {"nsubj", "nsubjpass"}


_INTRODUCED = re.compile(r"[:—–]\s*(?:[A-Z][\w.'’-]*\s+)*$")    # "...: Waverly " before "Crenshaw"
_MODALS = {"should", "would", "could", "might", "may", "can", "must"}


def _supposed(verb) -> bool:
    """A verb of a supposed act: with a modal ("should run") or under "if", "whether" or "unless"."""
    return any(c.lower_ in _MODALS and c.dep_ == "aux" or c.lower_ in {"if", "whether", "unless"} and c.dep_ == "mark"
               for c in verb.children)


def _org_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.lower() == b.lower() or country_of(a) == country_of(b) is not None
