"""The furniture an article's text may still carry: a wire dateline on top, staff credits.

Stage 2 keeps JSON Lines text exactly as given (benchmark offsets point into
it), and other inputs can keep such lines too, so a wire story reaches stage
3 as "ARLINGTON, Virginia (Reuters) - Boeing said ..." ending in "(Reporting
by Jane Doe in Moscow; Editing by John Roe)". Neither tells the story: the
dateline says where it was filed and who sent it, the credits who wrote and
edited it. Both are found by `clean.credits` (`dateline_span`,
`staff_credits`), the rules stage 2 and stage 4 use too, and read here by two
spaCy components:

1. wire_sentences (before "parser"): the dateline and each staff credit are
   sentences of their own, so that no parse runs across them: "WASHINGTON
   (AP) — The White House said ..." no longer makes "WASHINGTON" the subject
   of "said", nor a quote's content start at "WASHINGTON".
2. wire_names (right after "ner"): no entity inside a staff credit (its
   names are the newsroom's people and bureaux, not the story's actors); the
   dateline's place stays, since it is where the story is, and is a GPE
   ("PARIS", which the model often reads as ORG in capitals; one it missed
   is added), and its bracketed source ("(Reuters)", "(CNN Business)": where
   the copy came from, which stage 2 records as a credit) is an ORG, the
   agency the article names. Being a sentence of its own, the dateline gives
   no event a participant and no quote a word.
   The spans are kept in `doc.spans["furniture"]`, labelled "dateline" (the
   whole dateline, its source and dashes included) and "credit", for the
   readers after it (`wire_spans`).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.clean.credits import dateline_span, staff_credits
from storyline.lexicon import MONTHS, WEEKDAYS
from storyline.read.doctext import doc_text
from storyline.read.entities.ner_names import set_ents

SPANS = "furniture"
_PART = re.compile(r"[^,]+")
_CALENDAR = set(MONTHS) | set(WEEKDAYS)


def dateline_places(text: str, start: int, source: int) -> list[tuple[int, int]]:
    """The [start, end) spans of the places a dateline names before its source: the comma-separated parts
    of its line (after a page stamp's last "|") that hold no digit, start with no month or weekday name and
    are capitalised words ("ARLINGTON, Virginia", "RENO, Nev." with its full stop, not "March 5" of "MOSCOW,
    March 5")."""
    head = text[start:source]
    bar = head.rfind("|") + 1
    out = []
    for m in _PART.finditer(head, bar):
        part = m.group().strip(" -\u2013\u2014")
        words = part.split()
        if not words or any(c.isdigit() for c in part) or words[0].lower().rstrip(".") in _CALENDAR \
                or not all(w[:1].isupper() for w in words):
            continue
        a = start + m.start() + m.group().index(part)
        out.append((a, a + len(part)))
    return out


def source_name(text: str, source: int) -> tuple[int, int] | None:
    """The [start, end) span of the name inside a dateline's bracketed source that opens at `source`
    ("Reuters" of "(Reuters) -", "CNN Business" of "(CNN Business) —"), None when the brackets hold none."""
    if not text.startswith("(", source):
        return None                                  # a dateline with no source: "FRANKFURT —"
    close = text.find(")", source)
    inner = text[source + 1:close]
    name = inner.strip()
    if close < 0 or not name:
        return None
    a = source + 1 + inner.index(name)
    return a, a + len(name)


def furniture(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None, list[tuple[int, int]]]:
    """(dateline, its bracketed source, staff credits) of `text` as [start, end) character spans; the first two
    are None when the text opens with no wire dateline."""
    found = dateline_span(text)
    dateline = (found[0], found[2]) if found else None
    source = (found[1], found[2]) if found else None
    return dateline, source, staff_credits(text)


def _first_token_at(doc: Doc, char: int) -> int | None:
    """Index of the first token that is not a space and starts at or after `char`, or None."""
    for tok in doc:
        if tok.idx >= char and not tok.is_space:
            return tok.i
    return None


def _start_sentence(doc: Doc, i: int | None) -> None:
    if i is None or i == 0:
        return
    doc[i].is_sent_start = True
    nxt = i + 1
    if nxt < len(doc) and doc[nxt].is_sent_start is None and not doc[nxt].is_space and not doc[nxt].is_punct:
        doc[nxt].is_sent_start = False   # as `nlp.paragraph_breaks`: no second cut one word later


@Language.component("wire_sentences", assigns=["token.is_sent_start"])
def wire_sentences(doc: Doc) -> Doc:
    """The dateline and each staff credit as sentences of their own (their first token and the one after them
    start a sentence)."""
    dateline, _, credits = furniture(doc_text(doc))
    for start, end in ([dateline] if dateline else []) + credits:
        _start_sentence(doc, _first_token_at(doc, start))
        _start_sentence(doc, _first_token_at(doc, end))
    return doc


@Language.component("wire_names", requires=["doc.ents"], assigns=["doc.ents", "doc.spans"])
def wire_names(doc: Doc) -> Doc:
    """No entity in a staff credit, the dateline's places GPEs and its source an ORG; the spans in
    `doc.spans[SPANS]`."""
    text = doc_text(doc)
    dateline, source, credits = furniture(text)
    spans = []
    if dateline is not None:
        span = doc.char_span(*dateline, label="dateline", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    for start, end in credits:
        span = doc.char_span(start, end, label="credit", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPANS] = spans
    ents = [e for e in doc.ents if not any(a < e.end_char and e.start_char < b for a, b in credits)]
    if dateline is not None:
        ents = _named(doc, ents, dateline_places(text, dateline[0], source[0]), "GPE")
        name = source_name(text, source[0])
        ents = _named(doc, ents, [name] if name else [], "ORG")
    if credits or dateline is not None:
        set_ents(doc, ents)
    return doc


def _named(doc: Doc, ents: list[Span], spans: list[tuple[int, int]], label: str) -> list[Span]:
    """`ents` with each character span of `spans` an entity of `label`: a name the model typed otherwise
    there ("PARIS" as ORG) is retyped, one it cut in two ("ST" and "PAUL" of "ST. PAUL") made one, one it
    missed ("BEIJING") added; a name reaching over the span's edge is left as the model read it."""
    out = list(ents)
    for a, b in spans:
        name = doc.char_span(a, b)
        if name is None:
            continue
        clash = [e for e in out if e.start < name.end and name.start < e.end]
        if any(e.start < name.start or name.end < e.end for e in clash):
            continue                                  # a name across the span's edge: left as the model read it
        out = [e for e in out if e not in clash] + [Span(doc, name.start, name.end, label=label)]
    return out


def wire_spans(doc: Doc) -> list[Span]:
    """The dateline and staff credit spans `wire_names` found ([] for a Doc the pipeline did not mark)."""
    return list(doc.spans[SPANS]) if SPANS in doc.spans else []
