"""How a cue finds its speaker, and a quotation its cue; where a parsed content ends.

Kept apart from quotes.py because these are questions about the parse around
one word, answered the same way whether the attribution was found by the
parse or by quotation marks: the speaker is the subject of the cue (or of
the verb the cue hangs from: "..., adding that"; "by saying ..."), written as
the whole noun phrase PolNeAR marks as the source; a quotation's cue is the
first speech verb in the clause right after its closing mark, or the last one
before its opening mark ("She said, ..."; "He told reporters: ..."), or the
verb of a sentence ending in a colon. The last functions repair the extent of
a content read off the parse where the small model attaches words to the
wrong head (a "that"-clause on a noun, a complement on the verb, a clause
across a paragraph break, a parenthetical "he said").
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from storyline.read.quotes import cues
from storyline.read.quotes.marks import Region
from storyline.read.doctext import doc_text

SUBJECTS = ("nsubj", "csubj", "expl")
# Relations through which a cue takes the subject of the verb above it; "prep"
# carries a gerund's subject up from its preposition ("Trump began *by saying* ...").
INHERIT = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep")
CLOSE_MARKS = {"”", '"', "''"}
HEARER_OBJECT = {"tell", "inform", "assure", "warn", "remind", "urge"}
CLOSING = set(".?!;")
# Prepositions that give the grounds of a judgement ("criticized the bill *for* its cost"), dates or not.
GROUNDS = ("of", "for", "as", "over")
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
    doc = tok.doc
    before = [t.text for t in doc[max(0, tok.i - 2):tok.i]]
    if not before or before[-1] not in CLOSE_MARKS or tok.lemma_.lower() in HEARER_OBJECT:
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
    span = doc.char_span(char, min(len(doc_text(doc)), char + 1), alignment_mode="expand")
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


def stray_that_clause(tok: Token) -> Token | None:
    """A "that"-clause the parser hung on a noun of the cue's own phrase.

    In "Peskov told reporters during a conference call that the issues are
    discussed ..." the small model reads "that ..." as a relative clause of
    "call"; a clause with the complementizer "that" and a subject of its own
    is the content of "told" all the same.
    """
    for t in tok.subtree:
        if t.i <= tok.i or t.dep_ not in ("relcl", "acl") or t.head.i == tok.i:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            continue
        up = t.head
        while up.i != tok.i and up.dep_ in ("pobj", "prep", "dobj", "dative", "npadvmod", "compound"):
            up = up.head
        if up.i == tok.i:
            return t
    return None


def same_paragraph(doc: Doc, tok: Token, content: set[int]) -> set[int]:
    """Content found by the parse, less what a parse across a paragraph break dragged in."""
    lo, hi = tok.i, tok.i
    while lo > 0 and "\n" not in doc[lo - 1].text:
        lo -= 1
    while hi < len(doc) - 1 and "\n" not in doc[hi].text:
        hi += 1
    return {i for i in content if lo <= i <= hi}


def is_parenthetical_cue(tok: Token) -> bool:
    """ "..., she said." or "A, she said, B": a clause of its own set off by punctuation."""
    if tok.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
        return False
    if tok.head.i > tok.i:
        # the closing comma is the cue's own child as often as the next token
        end = tok.right_edge.i
        if tok.doc[end].text not in (",", "—", "–"):
            end += 1
        if end >= len(tok.doc) or tok.doc[end].text not in (",", "—", "–"):
            return False
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
        return False
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    opening = (",", "”", '"', "''", "—", "–")
    if tok.doc[tok.left_edge.i].text in opening:   # the opening comma hung on the cue itself
        return True
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    return before is not None and before.text in opening


def object_extension(verb: Token, obj: Token) -> set[int]:
    """What the parser hung on the cue after its object but belongs to the content.

    The grounds of an accusation or praise ("accused Clinton *of lying*",
    "called it *a disaster*", "told his advisers *to act*") and the phrases the
    small model attaches to the verb rather than the noun ("endorsed Clinton
    *in the race*", "embracing his reputation *as the most liberal
    candidate*", "polls show Clinton *with a lead*"). A prepositional phrase
    that only dates the act ("criticized the plan *on Tuesday*") stays out.
    """
    out: set[int] = set()
    for c in verb.children:
        if c.i < obj.i:
            continue
        if c.dep_ in ("oprd", "xcomp"):
            out |= {t.i for t in c.subtree}
        elif c.dep_ == "prep" and (c.lower_ in GROUNDS or not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)):
            out |= {t.i for t in c.subtree}
    return out
