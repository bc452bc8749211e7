"""How a quotation finds its cue; where a parsed content ends.

Kept apart from finder.py because these are questions about the parse
around one word, answered the same way whether the attribution was found by
the parse or by quotation marks (who said it is `sources`): a quotation's cue
is the first speech verb in the clause right after its closing mark, or the
last one before its opening mark ("She said, ..."; "He told reporters:
..."), or the verb of a sentence ending in a colon, or a dash and a name
that sign it. The other functions repair the extent of a content read off
the parse where the small model attaches words to the wrong head (a
"that"-clause on a noun, a complement on the verb, a clause across a
paragraph break, a parenthetical or sentence-final "he said", a writer's
aside after the content).
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from storyline.read.doctext import doc_text
from storyline.read.quotes import cues
from storyline.read.quotes.marks import Region
from storyline.read.quotes.sources import hearer, speaker_of

CLOSING = set(".?!;")
# Prepositions that give the grounds of a judgement ("criticized the bill *for* its cost"), dates or not.
GROUNDS = ("of", "for", "as", "over")
Accept = Callable[..., bool]            # cues.is_cue's signature


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


DASHES = {"―", "—", "–", "-", "--"}


def dash_source(doc: Doc, r: Region) -> tuple[Token, tuple[int, int]] | None:
    """ "...” ― Sonya Herridge": a quotation signed with a dash and a name, as readers' comments and
    epigraphs are. Returns the dash (the cue) and the name, which must be a PERSON entity or
    capitalised words running to the end of the line, the sentence or the next quotation."""
    i = token_at(doc, r.end)
    if i > 0 and doc[i - 1].idx < r.end < doc[i - 1].idx + len(doc[i - 1]):
        i -= 1                                     # the tokenizer glued the dash to the mark: "”―"
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i + 1 >= len(doc) or doc[i].text.lstrip("”\"'’") not in DASHES:
        return None
    a = b = i + 1
    while b < len(doc) and (doc[b].ent_type_ == "PERSON" or doc[b].is_title or doc[b].text in (".", "-")) \
            and "\n" not in doc[b].text and b - a < 6:
        b += 1
    while b > a and doc[b - 1].is_punct:
        b -= 1
    if b - a < 2 and not (b > a and doc[a].ent_type_ == "PERSON"):
        return None
    rest = doc[b] if b < len(doc) else None
    if rest is not None and not (rest.is_punct or rest.is_space or rest.text in "“\""):
        return None
    return doc[i], (a, b)


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
        if t.head.lemma_.lower() in cues.NOUNS:
            continue                  # "rejected the defense argument that ...": the content of the argument
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


# Conjunctions of an adverbial clause that comments on the content rather than belonging to it
# (a concession, "even though she didn't know ...", is often the source's own).
ASIDE_MARKS = {"while", "after", "as"}


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


def without_others_words(doc: Doc, cue: Token, content: set[int], accept: Accept) -> set[int]:
    """Content less the words of another source set against it.

    "About 1,900 dockers took part, according to Unite, although a port
    spokesperson, Clare Whitfield, said "fewer than 1,500" had walked out":
    a clause of the content that opposes it (`AGAINST`: "although", "while",
    "but") and whose verb is a cue with a clause and a subject of its own
    reports that subject's words, not the words of the cue's source. A
    pronoun there is most often the same source giving its reasons ("said
    she attended because she thought ..."), and a cue inside a content
    clause ("said that Republicans claimed ...") is nested speech: both stay.
    """
    speaker = speaker_of(cue)
    own = {doc[i].lower_ for i in range(*speaker)} if speaker is not None else set()
    for i in sorted(content):
        t = doc[i]
        if i not in content or t.i == cue.i or t.head.i not in content or t.pos_ != "VERB" or not _set_against(t):
            continue
        subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON" or not any(c.dep_ == "ccomp" for c in t.children):
            continue
        if {x.lower_ for x in subject.subtree} <= own:
            continue                               # the same source again
        lemma = t.lemma_.lower()
        if not (lemma in cues.SPEECH or accept(lemma, "ccomp")):
            continue
        rest = content - {x.i for x in t.subtree}
        if t.dep_ == "conj":
            rest -= {c.i for c in t.head.children if c.dep_ in ("cc", "punct") and c.i < t.i}
        if sum(1 for x in rest if not (doc[x].is_punct or doc[x].is_space)) >= 2:
            content = rest
    return content


# Conjunctions that set a clause against the one it hangs on.
AGAINST = {"although", "though", "while", "whereas", "but", "yet"}


def _set_against(t: Token) -> bool:
    """ "..., although X said ...", "..., but X said ...": an adverbial clause or a conjunct opposed to the head
    before it."""
    if t.i < t.head.i:
        return False                               # "while 37 percent say ..., 39 percent blame ...": a contrast within
    if t.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in AGAINST for c in t.children)
    if t.dep_ == "conj":
        return any(c.dep_ == "cc" and c.lower_ in AGAINST for c in t.head.children if c.i < t.i)
    return False


def is_parenthetical_cue(tok: Token) -> bool:
    """ "..., she said." or "A, she said, B" ("..., she told Reuters."): a clause of its own set off by
    punctuation."""
    if tok.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
        return False
    if tok.head.i > tok.i:
        # the closing comma is the cue's own child as often as the next token
        end = tok.right_edge.i
        if tok.doc[end].text not in (",", "—", "–"):
            end += 1
        if end >= len(tok.doc) or tok.doc[end].text not in (",", "—", "–"):
            return False
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") and not hearer(c) for c in tok.children):
        return False                              # a content of its own; not "..., he told Reuters"
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
               or _infinitive(doc[i]) for i in tokens)


def _infinitive(tok: Token) -> bool:
    """An adverbial clause in the infinitive ("... for Sport *to impose* ...")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_final_attribution(tok: Token) -> bool:
    """ "CONTENT, SOURCE, said [on Monday]." read with the cue hung below the content, no subject of its own.

    The cue follows a comma, governs no subject, object (but whom it was
    told: "..., a Western intelligence source told CNN") or clause, and its
    phrase runs to the end of the sentence.
    """
    doc = tok.doc
    if tok.dep_ not in ("advcl", "conj", "parataxis", "ccomp", "acl", "relcl") or tok.head.i > tok.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "ccomp", "dobj", "xcomp") and not hearer(c)
           for c in tok.children):
        return False                              # "..., a source told CNN": the hearer is no content
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
    that only dates the act ("criticized the plan *on Tuesday*") stays out. What a hearer is asked or told to
    do is the content too when the small model reads it as an adverbial clause ("asking the Court of Arbitration
    *for Sport to impose* the maximum suspension").
    """
    out: set[int] = set()
    for c in verb.children:
        if c.i < obj.i:
            continue
        if c.dep_ in ("oprd", "xcomp") or _infinitive(c) and c.left_edge.i == obj.right_edge.i + 1 and hearer(obj):
            out |= {t.i for t in c.subtree}
        elif c.dep_ == "prep" and (c.lower_ in GROUNDS or not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)):
            out |= {t.i for t in c.subtree}
    return out
