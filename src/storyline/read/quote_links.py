"""How a cue finds its speaker, and a quotation its cue.

Kept apart from quotes.py because both are questions about the parse around
one word, answered the same way whether the attribution was found by the
parse or by quotation marks: the speaker is the subject of the cue (or of
the verb the cue hangs from: "..., adding that"), written as the whole noun
phrase PolNeAR marks as the source; a quotation's cue is the first speech
verb in the clause right after its closing mark, or the last one before its
opening mark ("She said, ..."; "He told reporters: ..."), or the verb of a
sentence ending in a colon.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from storyline.read import cues
from storyline.read.quote_marks import Region

SUBJECTS = ("nsubj", "csubj", "expl")
# Relations through which a cue takes the subject of the verb above it; "prep"
# carries a gerund's subject up from its preposition ("Trump began *by saying* ...").
INHERIT = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep")
QUOTE_END = {",", "”", '"', "''", "?", "!", "’"}
CLOSING = set(".?!;")
Accept = Callable[[str, str], bool]


def speaker_of(tok: Token) -> tuple[int, int] | None:
    """The source of a cue: its subject, or the subject of the verb it hangs from."""
    cur = tok
    for _ in range(5):
        for c in cur.children:
            if c.dep_ in SUBJECTS and c.dep_ != "expl":
                return np_span(c)
            if c.dep_ == "agent":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return np_span(obj)
            if c.dep_ == "poss" and cur.pos_ == "NOUN":
                return np_span(c)
        if any(c.dep_ in ("nsubjpass",) for c in cur.children):
            return None
        if cur is tok and (inverted := _inverted_speaker(tok)) is not None:
            return inverted
        if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return np_span(cur.head, stop=cur)
        if cur.dep_ in INHERIT or (cur.pos_ == "NOUN" and cur.dep_ in ("dobj", "pobj")):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            continue
        return None
    return None


def _inverted_speaker(tok: Token) -> tuple[int, int] | None:
    """ "How big is that wall?" asked the boy: after a quotation the speaker may follow
    the verb, and the small model often reads it as the object."""
    if tok.i == 0 or tok.doc[tok.i - 1].text not in QUOTE_END:
        return None
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("dobj", "attr", "npadvmod", "oprd") and c.pos_ in ("NOUN", "PROPN"):
            return np_span(c)
    return None


def np_span(head: Token, stop: Token | None = None) -> tuple[int, int]:
    """The noun phrase of `head` as written, less its relative clauses and trailing commas."""
    keep = [head.i]
    for c in head.children:
        if c.dep_ in ("relcl", "acl") or (stop is not None and c.i == stop.i):
            continue
        keep += [t.i for t in c.subtree]
    keep.sort()
    # the contiguous run around the head
    lo = hi = keep.index(head.i)
    while lo > 0 and keep[lo - 1] == keep[lo] - 1:
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1] == keep[hi] + 1:
        hi += 1
    start, end = keep[lo], keep[hi] + 1
    doc = head.doc
    # the parser runs across paragraphs; a source never does ("12:15 p.m.\n\nObama said")
    for i in range(head.i - 1, start - 1, -1):
        if "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if "\n" in doc[i].text:
            end = i
            break
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def window_after(doc: Doc, r: Region, limit: int = 30) -> list[Token]:
    """The words after a closing quotation mark, up to the end of their clause."""
    out = []
    i = token_at(doc, r.end)
    while i < len(doc) and len(out) < limit:
        t = doc[i]
        if "\n" in t.text or t.text in CLOSING or t.text in "“‘":
            break
        if t.text in ('"', "''") and out:
            break
        if not (t.is_punct or t.is_space):
            out.append(t)
        i += 1
    return out


def token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, min(len(doc.text), char + 1), alignment_mode="expand")
    if span is None or not len(span):
        for t in doc:
            if t.idx >= char:
                return t.i
        return len(doc)
    return span.start if doc[span.start].idx >= char else span.start + 1


def cue_after(doc: Doc, r: Region, accept: Accept) -> Token | None:
    """ "...," she said / said the senator, who ... / the spokeswoman told reporters."""
    window = window_after(doc, r)
    for pos, t in enumerate(window):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            lemma = t.lemma_.lower()
            if lemma in cues.DIRECT or accept(lemma, "ccomp"):
                return t
            if any(a.dep_ in ("relcl", "acl", "appos") for a in [t, *t.ancestors] if a.i >= window[0].i):
                continue
            return None
        if pos >= 12:
            return None
    return None


def cue_before(doc: Doc, r: Region) -> Token | None:
    """She said, "..." / He told reporters: "..." / or a sentence ending in a colon."""
    i = token_at(doc, r.start) - 1
    seen = 0
    colon = False
    crossed = False
    while i >= 0:
        t = doc[i]
        if "\n" in t.text:
            if not colon or crossed:
                return None
            crossed = True
            i -= 1
            continue
        if t.text in CLOSING or t.text in "”":
            return None
        if t.text == ":" and seen == 0:
            colon = True
        if not (t.is_punct or t.is_space):
            seen += 1
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
                if t.lemma_.lower() in cues.DIRECT:
                    return t
                if colon and speaker_of(t) is not None and t.dep_ == "ROOT":
                    return t
                if not colon:
                    return None
            if seen > 12:
                return None
        i -= 1
    return None
