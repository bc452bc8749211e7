"""Who and what an article talks about: one Entity per referent, every mention.

A reader of a news story links "Press Secretary Jo Doe", "Doe", "the
spokeswoman" and "she" without effort; an analyst needs the same chain with
offsets to trust a quote or an event. The pass is left to right, as a reader
goes, so that a description or a pronoun can only point at someone already
met (or, for a surname, at the full name the headline announced later):

1. names: the (repaired) spaCy entities, persons clustered by surname and
   first name (`names`: transliteration variants fold together, particles
   stay with the surname: "Van der Berg" is Pieter van der Berg), places canonicalised
   ("U.S." -> "United States"), organisations by their text without a legal
   form ("Qualcomm Inc." is "Qualcomm");
2. titles and descriptions: "the Russian foreign minister", "the
   spokeswoman", "the 31-year-old" join the person whose title matches, else
   the most salient person when the description fits, else they start an
   unnamed person who is kept if mentioned again;
3. pronouns: he/she go to the most recent person of a compatible gender;
   what they resolve teaches the person's gender.

The reading pass (2 and 3) and the per-referent state live in
`mentions`; this module clusters the names and writes the entities out.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from spacy.tokens import Doc, Span

from storyline.records import Entity, Mention, Quote
from storyline.read.entities.acronyms import bracketed_after, expands, is_acronym
from storyline.read.entities.names import clean_name, fold, name_key, tails
from storyline.read.entities.ner_types import without_legal_form
from storyline.read.entities.mentions import PRONOUNS, Cluster, MentionReader  # noqa: F401  (PRONOUNS stays importable here)
from storyline.read.entities.roles import COUNTRIES, canonical_place, country_of, describe, gender_of_title, roles_of, title_key
from storyline.read.doctext import doc_text

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"}
_PLACE_LIKE = {"ORG", "GPE", "LOC", "FAC"}


def _span_start(span: Span) -> int:
    return span[1].idx if len(span) > 1 and span[0].lower_ in {"the", "a", "an"} else span.start_char


class _Reader(MentionReader):
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)                     # Doc.text joins every token: read it once
        self.clusters: list[Cluster] = []
        self.sent_starts = [s.start_char for s in doc.sents]
        self.firings = []
        self.ids: dict[int, str] = {}                # id(cluster) -> entity id, once written out

    # ------------------------------------------------------------------ names
    def names(self) -> None:
        doc = self.doc
        votes: dict[str, dict[str, int]] = {}
        for e in doc.ents:
            v = votes.setdefault(clean_name(e.text).lower(), {})
            v[e.label_] = v.get(e.label_, 0) + 1
        # a name the model mostly reads as a place or an organisation is one ("Mali", "Twitter")
        persons = [e for e in doc.ents if e.label_ == "PERSON" and clean_name(e.text) and
                   max(votes[clean_name(e.text).lower()].items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]
                   == "PERSON"]
        forms = {clean_name(e.text) for e in persons}
        known = tails(forms)
        keys = {n: name_key(n, known) for n in forms}   # "Van der Berg" is Pieter van der Berg's surname
        by_key: dict[tuple[str, str], Cluster] = {}
        for ent in persons:                            # full names first, so surnames can look ahead
            key = keys[clean_name(ent.text)]
            if key[1] and key not in by_key:
                c = by_key[key] = Cluster("PERSON")
                self.clusters.append(c)
        for ent in persons:
            name = clean_name(ent.text)
            surname, first = keys[name]
            if first:
                c = by_key[(surname, first)]
            else:
                same = [c for (sur, _), c in by_key.items() if sur == surname]
                if not same and " " not in name:
                    same = [c for (_, first), c in by_key.items() if first == fold(name)]
                    same = same if len(same) == 1 else []
                if same:
                    before = [c for c in same if c.last >= 0 and c.last < ent.start_char]
                    # the person most named so far, not the one named last: after "Bashar al-Assad ...
                    # his father Hafez al-Assad", a bare "Assad" is still the protagonist
                    c = max(before, key=lambda c: (len(c.mentions), c.last)) if before else same[0]
                else:
                    c = by_key[(surname, "")] = Cluster("PERSON")
                    self.clusters.append(c)
            self._name_mention(c, ent, name)
            for role in roles_of(ent):
                c.roles.append(role)
                c.gender = c.gender or gender_of_title(role.title)
        others: dict[tuple[str, str], Cluster] = {}
        for ent in doc.ents:
            if ent.label_ not in KEEP or ent in persons:
                continue
            name = clean_name(ent.text)
            if not name or not any(ch.isalpha() for ch in name):
                continue
            if ent.label_ in _PLACE_LIKE:
                name = canonical_place(name)
                group = "PLACE"
            else:
                group = ent.label_
            # one organisation with or without its legal form: "Qualcomm Inc." is the "Qualcomm" of the next line
            key = (group, re.sub(r"s$", "", name.lower()) if group == "NORP" else without_legal_form(name).lower())
            c = others.get(key)
            if c is None:
                c = others[key] = Cluster(ent.label_)
                self.clusters.append(c)
                if group == "PLACE" and name in COUNTRIES:
                    c.names.append(name)           # the canonical country name leads
            c.labels[ent.label_] = c.labels.get(ent.label_, 0) + 1
            self._name_mention(c, ent, clean_name(ent.text))
        self._join_acronyms(list(others.values()))
        for c in self.clusters:
            c.last = -1                            # the reading pass meets the mentions again
            if c.labels:
                c.type = max(c.labels, key=lambda k: (c.labels[k], k == "GPE"))
                if any(country_of(n) and n in COUNTRIES for n in c.names):
                    c.type = "GPE"

    def _join_acronyms(self, others: list[Cluster]) -> None:
        """An organisation written as an acronym joins the one organisation of the article whose name it stands
        for (`acronyms`): written in brackets right after that name ("Santos Port Authority (SPA)": the name
        leads), or spelled by its initials ("WADA" and "World Anti-Doping Agency")."""
        named = [c for c in others if c.type not in ("NORP", "EVENT", "LAW")]
        bracket: dict[str, list[Cluster]] = {}
        for c in named:
            for m in c.mentions:
                if (at := bracketed_after(self.text, m.end)) and c not in bracket.get(self.text[at[0]:at[1]], []):
                    bracket.setdefault(self.text[at[0]:at[1]], []).append(c)
        for c in named:
            if not c.names or not all(is_acronym(n) for n in c.names):
                continue
            acro = c.names[0]
            into = [t for t in bracket.get(acro, []) if t is not c and any(expands(acro, n, True) for n in t.names)]
            if not into:
                into = [t for t in named if t is not c and any(expands(acro, n) for n in t.names)]
            if len(into) != 1:
                continue
            t = into[0]
            t.names.extend(n for n in c.names if n not in t.names)
            t.mentions.extend(c.mentions)
            t.last = max(t.last, c.last)
            c.mentions, c.names = [], []
            self.clusters.remove(c)

    def _name_mention(self, c: Cluster, ent: Span, name: str) -> None:
        if name not in c.names:
            c.names.append(name)
        start = _span_start(ent)
        end = ent.end_char
        c.mentions.append(Mention(start, end, self.text[start:end]))
        c.last = max(c.last, start)

    # ------------------------------------------------------------------ output
    def entities(self, quotes: Sequence[Quote]) -> tuple[list[Entity], list[Quote]]:
        speakers = [q.speaker for q in quotes if q.speaker is not None]
        kept = []
        for c in self.clusters:
            if c.unnamed and len(c.mentions) < 2 and not any(
                    s.start <= m.start < s.end for m in c.mentions for s in speakers):
                continue
            if not c.mentions:
                continue
            kept.append(c)
        kept.sort(key=lambda c: min(m.start for m in c.mentions))
        out, ids = [], self.ids
        for k, c in enumerate(kept, 1):
            eid = f"e{k}"
            ids[id(c)] = eid
            name = _best_name(c)
            aliases = []
            for a in c.names + [clean_name(d) for d in c.descs]:
                if a and a.lower() != name.lower() and a.lower() not in {x.lower() for x in aliases}:
                    aliases.append(a)
            roles, keys = [], set()
            for r in c.roles:
                if title_key(r.title) not in keys:
                    keys.add(title_key(r.title))
                    roles.append(describe(r))
            out.append(Entity(id=eid, name=name, type=c.type, aliases=tuple(aliases), roles=tuple(roles),
                              mentions=tuple(sorted(c.mentions, key=lambda m: m.start))))
        resolved = []
        for q in quotes:
            hit = self._speaker(q.speaker, kept) if q.speaker is not None else None
            resolved.append(replace(q, speaker_entity=ids[id(hit)]) if hit else q)
        return out, resolved

    def _speaker(self, speaker: Mention, kept: list[Cluster]) -> Cluster | None:
        """The referent of a quote's speaker span: the mention holding its syntactic head (for a relative pronoun,
        the noun it stands for: the span stays "who", as written), else the one holding
        its last word (a person first), unless that is a place in a phrase after a common noun: "The interior
        minister of North Rhine-Westphalia", "prosecutors in Essen" are not the state or the city."""
        def holding(char: int) -> list[Cluster]:
            return sorted((c for c in kept if any(m.start <= char < m.end for m in c.mentions)),
                          key=lambda c: c.type != "PERSON")
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is not None and root.tag_ in ("WP", "WDT") and root.head.dep_ == "relcl":
            root = root.head.head                   # "Martin Ashby, who had promised ...": Ashby said it
        if root is not None and (hits := holding(root.idx)):
            return hits[0]
        hits = holding(speaker.end - 1)
        if hits and root is not None and root.pos_ == "NOUN" and hits[0].type in ("GPE", "LOC", "FAC"):
            return None
        return hits[0] if hits else None


def _best_name(c: Cluster) -> str:
    if c.names:
        if c.type == "PERSON":
            return max(c.names, key=lambda n: (len(n.split()), len(n)))
        return c.names[0]
    titled = [clean_name(d) for d in c.descs if any(w[:1].isupper() for w in clean_name(d).split()[-1:])]
    return titled[0] if titled else clean_name(c.descs[0])


def find_entities(doc: Doc, quotes: Sequence[Quote] = ()) -> tuple[list[Entity], list[Quote]]:
    """The article's entities (local ids e1, e2, ...) and the quotes with their speakers resolved."""
    entities, quotes, _ = trace_entities(doc, quotes)
    return entities, quotes


def trace_entities(doc: Doc, quotes: Sequence[Quote] = ()) -> tuple[list[Entity], list[Quote], list[tuple]]:
    """`find_entities` plus why each description was linked: (rule, description Mention, entity id or
    None when the referent it joined was not kept), in reading order; `bench/entity_rules.py` counts them."""
    reader = _Reader(doc)
    reader.names()
    reader.read()
    entities, resolved = reader.entities(quotes)
    firings = [(rule, m, reader.ids.get(id(c))) for rule, m, c in reader.firings]
    return entities, resolved, firings
