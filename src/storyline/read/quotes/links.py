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

from storyline.read.entities.roles import COURTESY, PERSON_NOUNS, RANK_TITLE
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
Accept = Callable[..., bool]            # cues.is_cue's signature


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
    return name_in(head, start, end)


def name_in(head: Token, start: int, end: int) -> tuple[int, int]:
    """The person's name inside a source phrase [start, end), else the phrase.

    "Karin Holm, a spokeswoman for the ministry", "the port director, Ahmed
    al-Rashidi", "Environment Minister Tomas Lindqvist" name their speaker by
    the PERSON entity at the head (or in apposition to it); the titles and
    appositions around it are roles, which the entity reader records, and
    would otherwise make the speaker's last word a ministry. A form of
    address stays with the name ("Mr. Ryan").
    """
    doc = head.doc
    cands = [head] + [c for c in head.children if c.dep_ == "appos" and start <= c.i < end]
    tok = next((t for t in cands if t.ent_type_ == "PERSON"), None)
    if tok is None and head.pos_ == "PROPN" and any(c.dep_ == "appos" for c in head.children):
        # a name the model did not tag ("Capt. Ana Ruiz, a spokeswoman for ..."): the name's own words
        a = min([head.i] + [c.left_edge.i for c in head.children if c.dep_ in ("compound", "flat") and c.i < head.i])
        while a < head.i and doc[a].lower_ in RANK_TITLE:
            a += 1
        return max(a, start), head.i + 1
    if tok is None:
        return start, end
    a, b = tok.i, tok.i + 1
    while a > start and doc[a].ent_iob_ == "I" and doc[a - 1].ent_type_ == "PERSON":
        a -= 1
    while b < end and doc[b].ent_iob_ == "I":
        b += 1
    while a > start and doc[a - 1].lower_ in COURTESY:
        a -= 1
    return a, b


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


# Conjunctions of an adverbial clause that comments on the content rather than belonging to it.
ASIDE_MARKS = {"while", "after", "despite", "although", "though", "as"}


def without_trailing_aside(doc: Doc, cue: Token, content: set[int]) -> set[int]:
    """Content less the comment a writer adds after a comma at its end.

    "... to fight the Zika virus, which is spread by mosquitoes", "... the
    closures, the latter a reference to ...", "..., while her rival soared in
    the polls": a non-restrictive relative clause, an apposition or a
    contrasting adverbial clause closing the content is the writer's, not
    the source's (PolNeAR's annotators leave them out).
    """
    if not content:
        return content
    while True:
        lo, hi = min(content), max(content)
        while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        aside = None
        for i in sorted(content):
            t = doc[i]
            if t.i == cue.i or t.dep_ not in ("relcl", "appos", "advcl") or t.head.i not in content:
                continue
            if t.dep_ == "appos" and any(c.dep_ in ("conj", "cc") for c in t.children):
                continue                           # a list ("Israel, the nuclear deal and ..."), not an aside
            comma = t.left_edge.i - 1
            if comma <= lo or comma not in content or doc[comma].text != "," or t.right_edge.i < hi:
                continue
            if t.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in ASIDE_MARKS for c in t.children):
                continue
            aside = {x.i for x in t.subtree} | {comma}
            break
        if aside is None or len(content - aside) < 2:
            return content
        content = content - aside


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


def has_clause(doc: Doc, tokens: set[int]) -> bool:
    """Whether words hung on a cue after its object make a clause: a gerund ("for failing to act"),
    a predicate ("called it a disaster") or an infinitive ("urged Congress to act")."""
    return any(doc[i].dep_ in ("oprd", "xcomp") or (doc[i].dep_ == "pcomp" and doc[i].tag_ == "VBG")
               for i in tokens)


def is_final_attribution(tok: Token) -> bool:
    """ "CONTENT, SOURCE, said [on Monday]." read with the cue hung below the content, no subject of its own.

    The cue follows a comma, governs no subject, object or clause, and its
    phrase runs to the end of the sentence.
    """
    doc = tok.doc
    if tok.dep_ not in ("advcl", "conj", "parataxis", "ccomp", "acl", "relcl") or tok.head.i > tok.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "ccomp", "dobj", "xcomp") for c in tok.children):
        return False
    if tok.i == 0 or doc[tok.i - 1].text != ",":
        return False
    end = tok.sent.end
    return all(t.is_punct or t.is_space for t in doc[tok.right_edge.i + 1:end])


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


# Words a source phrase may hold ("the port director", "Ahmed al-Rashidi", "a spokeswoman for the ministry").
_SOURCE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADP", "CCONJ"}


def trailing_source(doc: Doc, cue: Token, content: set[int]) -> tuple[set[int], tuple[int, int]] | None:
    """ "..., the port director, Ahmed al-Rashidi, said": a source the parser left inside the content.

    When the source of a cue that follows its content is an apposition chain
    set off by commas, the small model often hangs it on the last noun of the
    content and leaves the cue without a subject. Read right to left from the
    cue: at most two comma-separated noun phrases, the nearest naming a
    person (a PERSON entity, a person noun such as "director", a pronoun),
    preceded by a comma and the content. Returns the chain's tokens (with
    the comma before it) and the speaker span (the name, else the phrase),
    or None when the words before the cue are not such a chain.
    """
    i = cue.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    segments: list[tuple[int, int]] = []
    while i >= 0 and len(segments) < 2:
        end = i + 1
        while i >= 0 and doc[i].text != "," and "\n" not in doc[i].text:
            i -= 1
        start = i + 1
        if start >= end or not i >= 0 or doc[i].text != ",":
            break
        words = doc[start:end]
        if not all(t.pos_ in _SOURCE_POS or t.is_punct for t in words) or words[0].pos_ in ("ADP", "CCONJ", "PART"):
            break
        if any(t.i not in content for t in words):
            break
        segments.append((start, end))
        i -= 1                                     # past the comma
    segments = [seg for seg in segments if _names_someone(doc[seg[0]:seg[1]])][:2]
    if not segments or not _names_someone(doc[segments[0][0]:segments[0][1]]):
        return None
    lo = min(a for a, _ in segments)
    if lo - 1 not in content or not any(j < lo - 1 for j in content):
        return None                                # no content left before the chain
    chain = set(range(lo - 1, cue.i))
    for a, b in segments:
        ent = next((t for t in doc[a:b] if t.ent_type_ == "PERSON"), None)
        if ent is not None:
            return chain, name_in(ent, a, b)
    a, b = segments[0]
    return chain, (a, b)


def _names_someone(words) -> bool:
    if any(t.ent_type_ == "PERSON" for t in words):
        return True
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return bool(nouns) and (nouns[-1].lower_ in PERSON_NOUNS or nouns[0].lower_ in PERSON_NOUNS)
