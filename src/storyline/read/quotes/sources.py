"""Who said it: the source of a cue, as a span of tokens.

The speaker is the subject of the cue (or of the verb the cue hangs from:
"..., adding that"; "by saying ..."; "the senator, who said"), or the agent
of a passive, or the possessor of a cue noun ("his claim"). A source phrase
is cut to the person's name when it names one ("Karin Holm, a spokeswoman
for the ministry" -> "Karin Holm"): titles and appositions are the person's
roles, which the entity reader records, and the speaker's last word is what
links the quote to its entity. When the small model hangs a sentence-final
source on the content ("..., the port director, Ahmed al-Rashidi, said"),
`trailing_source` reads it back off the words before the cue, and
`source_apposition` the name after an "according to" source ("according to
the port authority, Santos Port Authority").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.read.entities.roles import COURTESY, PERSON_NOUNS, RANK_TITLE

SUBJECTS = ("nsubj", "csubj", "expl")
# Relations through which a cue takes the subject of the verb above it; "prep"
# carries a gerund's subject up from its preposition ("Trump began *by saying* ...").
INHERIT = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep")
CLOSE_MARKS = {"”", '"', "''"}
HEARER_OBJECT = {"tell", "inform", "assure", "warn", "remind", "urge"}
# Verbs whose object is whom they were addressed to: those of telling, and those of asking ("asking the Court of
# Arbitration for Sport to impose ...": the court is asked, it is neither the words nor their source).
ADDRESSED = HEARER_OBJECT | {"ask", "beg", "implore"}
# the words for whom one tells something, besides names and persons ("told reporters", "told the crowd")
HEARERS = frozenset({"reporter", "journalist", "audience", "crowd", "people", "supporter", "lawmaker", "member",
                     "viewer", "listener", "reader", "delegate", "investor", "analyst", "parliament", "congress",
                     "committee", "court", "jury", "newspaper", "agency", "broadcaster", "radio", "television"})


def hearer(obj: Token) -> bool:
    """Whether the object of a verb of telling or asking (`ADDRESSED`) names only whom it was told ("told
    Reuters", "told him", "told reporters", "asked the court"), not what ("told the truth", "told a story", "told
    his advisers to act" holds a clause): the hearer is neither the content nor the source of the words."""
    if obj.dep_ != "dobj" or obj.head.lemma_.lower() not in ADDRESSED:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in obj.subtree):
        return False
    if obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if obj.pos_ == "PRON":
        return obj.lower_ in ("me", "him", "her", "us", "them", "you")
    lemma = obj.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in HEARERS


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
            if c.dep_ == "compound" and cur is tok and tok.pos_ == "NOUN" and c.i < tok.i and _names_someone([c]):
                return np_span(c)                   # "the defense argument that ...": the defense's
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
    """The noun phrase of `head` as written, less its relative clauses, trailing commas and a participle with an
    agent anywhere in it ("most of the economists *surveyed by Bloomberg*": who surveyed them did not speak)."""
    keep = [head.i]
    for c in head.children:
        if c.dep_ in ("relcl", "acl") or (stop is not None and c.i == stop.i):
            continue
        keep += [t.i for t in c.subtree]
    surveyed = {t.i for a in head.subtree if a.dep_ == "acl" and any(c.dep_ == "agent" for c in a.children)
                for t in a.subtree}
    keep = [i for i in keep if i not in surveyed]
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


# Words a source phrase may hold ("the port director", "Ahmed al-Rashidi", "a spokeswoman for the ministry").
_SOURCE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADP", "CCONJ"}


def trailing_source(doc: Doc, cue: Token, content: set[int]) -> tuple[set[int], tuple[int, int]] | None:
    """ "..., the port director, Ahmed al-Rashidi, said": a source the parser left inside the content.

    When the source of a cue that follows its content is an apposition chain
    set off by commas, the small model often hangs it on the last noun of the
    content and leaves the cue without a subject. Read right to left from the
    cue: at most two comma-separated noun phrases, the nearest naming a
    person (a PERSON entity, or a person noun such as "director"), preceded
    by a comma and the content. Returns the chain's tokens (with
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
    if not segments or not _names_someone(doc[segments[0][0]:segments[0][1]]):
        return None
    segments = segments[:1] + [seg for seg in segments[1:] if _names_someone(doc[seg[0]:seg[1]])]
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


# Bodies that speak as one ("police and the company said", "authorities said"), beside `PERSON_NOUNS`.
_BODIES = frozenset("""
police authority company government ministry department agency army military firm union court office council
defense defence prosecution opposition campaign administration
""".split())


def _names_someone(words) -> bool:
    """Whether a phrase names a speaker: a person or an organisation by name, a person noun ("the port
    director", "officials") or a body that speaks as one (`_BODIES`), first or last of its nouns."""
    if any(t.ent_type_ in ("PERSON", "ORG") for t in words):
        return True
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return bool(nouns) and any(t.lemma_.lower() in PERSON_NOUNS or t.lemma_.lower() in _BODIES
                               for t in (nouns[0], nouns[-1]))


def source_apposition(doc: Doc, i: int, content: set[int]) -> tuple[int, int] | None:
    """ "rose to 47, according to the port authority, Santos Port Authority (SPA).": the source's apposition,
    which the small model hung on the content's verb. Returns its span (less a parenthesis) when from token `i`
    a comma and a noun phrase naming someone run to the end of the sentence, else None."""
    if i >= len(doc) or doc[i].text != "," or i + 1 not in content:
        return None
    end = doc[i].sent.end
    while end > i + 1 and (doc[end - 1].is_punct and doc[end - 1].text not in ")]" or doc[end - 1].is_space):
        end -= 1
    words = doc[i + 1:end]
    if not len(words) or words[0].pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM") \
            or any(t.i not in content or not (t.pos_ in _SOURCE_POS or t.is_punct) for t in words) \
            or not _names_someone(words):
        return None
    paren = next((t.i for t in words if t.text == "("), end)
    return i + 1, paren if paren > i + 1 else end
