"""Who said what: direct, indirect and mixed attributions in one parsed article.

Two kinds of evidence are combined, each where it is reliable:

1. The dependency parse finds *reported* speech and belief: a cue word (a
   verb of saying or thinking, a noun like "claim", the preposition "according
   to") linked to its content (a ccomp, an object, an infinitive) and to its
   speaker (the subject, the possessor, the object of "according to"). Which
   (word, relation) pairs are cues comes from `cues.py`.
2. Quotation marks (`marks.py`) find *direct* speech, which the parse
   handles badly: a quotation of three sentences is three parse trees, and the
   parser often hangs "he said" off the quotation rather than the reverse. A
   content found by the parse is widened to the quotation regions it touches;
   a quotation region no cue claimed looks for one next to it ("...," she
   said / she said: "..."), then in a sentence ending with a colon before it,
   then in a dash and a name signing it, then carries on the quote before it
   (a paragraph of speech continuing the previous speaker's).

A cue needs content that says something: a clause, or quoted words. Verbs
of judging ("criticised", "approved", "welcomed") with only a noun-phrase
object make no quote (`cues.STANCE`), nor does a bare pronoun ("what he
calls").

Annotation conventions followed (PolNeAR's, the corpus the figures are
measured on): only the outermost of nested attributions is kept (so a cue
inside another quote's content is dropped); a quotation interrupted by its
cue ("A," she said, "B.") is one quote with two content pieces; content
includes the complementiser "that" and the quotation marks, not a writer's
aside after it (", which ...", ", while ..."). One departure: the speaker is
the person's name when the source phrase holds one ("Karin Holm", not
"Karin Holm, a spokeswoman for the ministry"; see `sources`), else the
noun phrase as written ("she", "the spokeswoman"); it is resolved to an
entity later.

Nothing is read from a wire dateline or a staff credit (`read.furniture`):
no cue, content word or speaker lies in "WASHINGTON (AP) —" or in
"(Reporting by Jane Doe; Editing by John Roe)".

Scare quotes and titles (a few words in quotation marks with no punctuation
of their own: the "hostages", "Saturday Night Live") never become a quote
by themselves: they only widen the content of a reported speech that contains
them, which makes that quote `mixed`.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from storyline.read.quotes import cues, frames
from storyline.read.quotes.drafts import Draft, span_chars, to_quote
from storyline.read.quotes.links import (cue_after, cue_before, dash_source, has_clause, is_final_attribution,
                                        is_parenthetical_cue, object_extension, same_paragraph, stray_that_clause,
                                        without_others_words, without_trailing_aside)
from storyline.read.quotes.marks import Region, find_regions
from storyline.read.quotes.sources import hearer, np_span, source_apposition, speaker_of, trailing_source
from storyline.read.doctext import doc_text
from storyline.read.furniture import wire_spans
from storyline.records import Quote

CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")    # a clause with one of these has its own subject
# Relations by which a cue word governs its content, the most clause-like first.
PRIORITY = {"ccomp": 0, "dobj": 1, "xcomp": 2, "acl": 3, "oprd": 4, "prep": 5, "parataxis": 6}
Accept = Callable[[str, str, bool], bool]    # (lemma, relation, content holds a proposition), as cues.is_cue


def find_quotes(doc: Doc) -> list[Quote]:
    """Every attribution in `doc`, in text order."""
    drafts, regions = _drafts(doc, cues.is_cue)
    return [to_quote(doc, d, regions) for d in drafts]


def _drafts(doc: Doc, accept: Accept) -> tuple[list[Draft], list[Region]]:
    """The attributions before they become records; `accept` decides which (lemma, relation) pairs are cues."""
    text = doc_text(doc)
    regions = find_regions(text)
    region_of = _region_index(doc, regions)
    speech = [r.is_speech(text) for r in regions]
    owner: dict[int, Draft] = {}                # region index -> the quote that holds it
    drafts: list[Draft] = []

    def claim(d: Draft, ri: int) -> None:
        """Give region `ri` (and the paragraphs that continue it) to draft `d`."""
        while ri < len(regions) and ri not in owner:
            owner[ri] = d
            d.regions.append(ri)
            if ri + 1 < len(regions) and regions[ri + 1].continues:
                ri += 1
            else:
                break

    # 1. cues found by the parse
    for tok in doc:
        if _inside_speech(tok, region_of, speech):
            continue
        for d in _parse_cues(doc, tok, accept, region_of, speech):
            d.content = without_others_words(doc, d.cue, d.content, accept)
            touched = sorted({region_of[i] for i in d.content if region_of[i] is not None})
            if any(ri in owner for ri in touched if speech[ri]):
                continue                          # those words are already someone's quotation
            drafts.append(d)
            for ri in touched:
                claim(d, ri)
            _take_second_piece(doc, d, regions, speech, owner, claim)

    # 2. headline attributions: "John McCain: Populist Anger Appeals to ..."
    for d in _headline_cues(doc, region_of):
        if not any(d.cue.i in o.content for o in drafts):
            drafts.append(d)

    # 3. quotation regions no cue claimed
    last: Draft | None = None
    last_region = -1
    for ri, r in enumerate(regions):
        if ri in owner:
            last, last_region = owner[ri], ri
            continue
        if not speech[ri]:
            continue
        cue = cue_after(doc, r, accept) or cue_before(doc, r)
        signed = dash_source(doc, r) if cue is None else None
        if signed is not None:
            d = Draft(cue=signed[0], key="― signed", speaker=signed[1])
            drafts.append(d)
            claim(d, ri)
        elif cue is not None:
            d = _draft_for(doc, cue, drafts)
            claim(d, ri)
            _take_second_piece(doc, d, regions, speech, owner, claim)
        elif last is not None and _continues(text, regions, last_region, ri):
            claim(last, ri)
            d = last
        else:
            continue
        last, last_region = d, ri

    drafts = [d for d in _off_furniture(doc, drafts) if span_chars(doc, d, regions)]
    drafts = _outermost(doc, drafts, regions)
    drafts.sort(key=lambda d: span_chars(doc, d, regions)[0])
    return drafts, regions


def _off_furniture(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """No cue, content word or speaker inside a wire dateline or a staff credit (`furniture`): a draft whose
    cue lies there goes, its content loses those words, a speaker found there is no speaker."""
    inside: set[int] = set()
    for span in wire_spans(doc):
        inside.update(range(span.start, span.end))
    if not inside:
        return drafts
    out = []
    for d in drafts:
        if d.cue.i in inside:
            continue
        d.content -= inside
        if d.speaker is not None and inside.intersection(range(*d.speaker)):
            d.speaker = None
        out.append(d)
    return out


def _region_index(doc: Doc, regions: list[Region]) -> list[int | None]:
    out: list[int | None] = [None] * len(doc)
    j = 0
    for tok in doc:
        while j < len(regions) and regions[j].end <= tok.idx:
            j += 1
        if j < len(regions) and regions[j].start <= tok.idx < regions[j].end:
            out[tok.i] = j
    return out


def _inside_speech(tok: Token, region_of, speech) -> bool:
    ri = region_of[tok.i]
    return ri is not None and speech[ri]


def _parse_cues(doc: Doc, tok: Token, accept: Accept, region_of, speech) -> list[Draft]:
    """The attributions whose cue is `tok`, read off its dependents."""
    lemma = tok.lemma_.lower()
    out = []
    if tok.lower_ in cues.ACCORDING and tok.dep_ == "prep":
        d = _according(doc, tok)
        return [d] if d else []
    if tok.pos_ not in ("VERB", "AUX", "NOUN"):
        return []
    if frames.unsaid(tok) or tok.dep_ == "xcomp" and (tok.head.lemma_.lower() in cues.REFUSE
                                                      or frames.unsaid(tok.head) or frames.wish(tok.head)):
        return []                                 # "has not said whether ...", "declined to comment on ...",
        #                                           "asked to see the statements"
    children = sorted(tok.children, key=lambda c: PRIORITY.get(c.dep_, 9))
    ccomps = [c for c in children if c.dep_ == "ccomp"]
    if not ccomps and (stray := stray_that_clause(tok)) is not None:
        ccomps = [stray]
        children = [stray] + children
    split: set[int] = set()
    if len(ccomps) > 1 and any(c.i > tok.i for c in ccomps):
        # "It's unlikely; Clinton's team says she'll continue ...": a clause before the cue
        # beside one after it was hung there by mistake; and a clause with no subject right after the first is
        # the rest of the same words ("said the number affected | was far higher than first thought", "said the
        # investigation had nothing to do with it, | had started after ...")
        after = [c for c in ccomps if c.i > tok.i]
        for prev, nxt in zip(after, after[1:]):
            if nxt.left_edge.i != prev.right_edge.i + 1 or any(c.dep_ in CLAUSE_SUBJECTS for c in nxt.children):
                break
            split |= {t.i for t in nxt.subtree}
        ccomps = after[:1]
        children = ccomps + [c for c in children if c.dep_ != "ccomp"]
    for c in children:
        dep = "ccomp" if c in ccomps else c.dep_
        if dep not in PRIORITY:
            continue
        if dep == "prep":
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if not objs or objs[0].ent_type_ in ("DATE", "TIME"):
                continue                          # "said on Monday" dates the saying
            key = "prep:" + c.lemma_.lower()
            target, extra = objs[0], [c.i]
        else:
            key, target, extra = dep, c, []
        if dep != "ccomp" and ccomps:
            continue                              # "told reporters that ...": the clause is the content
        if dep == "xcomp" and (frames.raised(tok) or frames.wish(tok)):
            continue                              # "was expected to compete": no one is said to expect;
            #                                       "asked to see ...": the subject's wish, no one's words
        if dep == "ccomp" and lemma not in cues.ASKING and frames.open_question(target):
            continue                              # "to know whether ...": a question, no one's claim
        if dep == "dobj" and target.lemma_.lower() in cues.NOUNS and \
                any(g.dep_ in ("acl", "ccomp") for g in target.children):
            continue                              # "rejected the argument that ...": the noun's content
        quoted = any(_inside_speech(t, region_of, speech) for t in target.subtree)
        direct_cue = quoted and lemma in cues.DIRECT and dep in ("ccomp", "dobj", "parataxis", "xcomp")
        grounds = object_extension(tok, c) if dep == "dobj" else set()
        # the speaker's own words in quotation marks ("criticised the act as a 'crazy system'"), or a clause
        words = {t.i for t in target.subtree} | grounds
        proposition = any(region_of[i] is not None for i in words) or has_clause(doc, grounds)
        if not (accept(lemma, key, proposition) or direct_cue):
            continue
        if dep == "parataxis" and not quoted:
            continue
        if not quoted and not grounds and _bare_pronoun(target):
            continue                              # "what he calls ...", "said it": the content is elsewhere
        if dep == "dobj" and not quoted and not grounds and hearer(target):
            continue                              # "Smith told Reuters": whom he told, not what ("told his
            #                                       advisers to figure out ..." says what after them)
        d = Draft(cue=tok, key=f"{lemma} {key}")
        d.content = {t.i for t in target.subtree} | set(extra)
        d.content |= grounds | (split if dep == "ccomp" else set())
        d.content = same_paragraph(doc, tok, d.content)
        d.speaker = speaker_of(tok)
        _source_from_content(doc, d)              # before the asides go: the source may look like one
        d.content = without_trailing_aside(doc, tok, d.content)
        out.append(d)
        break                                     # one content per cue: the most clause-like
    if not out and lemma in cues.DIRECT and is_parenthetical_cue(tok):
        # the parser hung "she said" off the words it reports:
        # Others are "leaner," she said. / In three years, Barden says, far too many ...
        body = _clause_around(tok)
        quoted = any(_inside_speech(doc[i], region_of, speech) for i in body)
        if body and (quoted or accept(lemma, "ccomp")):
            out.append(Draft(cue=tok, key=f"{lemma} inverted", content=body, speaker=speaker_of(tok)))
    if not out and lemma in cues.DIRECT and tok.dep_ == "advcl" and tok.head.i > tok.i \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        # "As Crane said, the two standard-bearers have become ...": the main clause is the content
        body = _clause_around(tok)
        if body and accept(lemma, "ccomp"):
            out.append(Draft(cue=tok, key=f"{lemma} inverted", content=body, speaker=speaker_of(tok)))
    if not out and lemma in cues.DIRECT and is_final_attribution(tok):
        # "..., the port director, Ahmed al-Rashidi, said on Monday.": the parser made the source an
        # apposition of the content's last noun and left the cue without subject or complement
        sent = tok.sent
        own = {t.i for t in tok.subtree}
        body = {i for i in range(sent.start, tok.i) if i not in own}
        found = trailing_source(doc, tok, body) if body else None
        quoted = any(_inside_speech(doc[i], region_of, speech) for i in body)
        if found is not None and (quoted or accept(lemma, "ccomp")):
            chain, speaker = found
            out.append(Draft(cue=tok, key=f"{lemma} inverted", content=body - chain, speaker=speaker))
    return out


def _clause_around(tok: Token) -> set[int]:
    """The words of the clause a cue hangs from, less the cue's own phrase, within its sentence."""
    sent = tok.sent
    own = {t.i for t in tok.subtree}
    return {t.i for t in tok.head.subtree if t.i not in own and sent.start <= t.i < sent.end}


def _bare_pronoun(target: Token) -> bool:
    """A complement that is one pronoun ("what", "which", "it", "her"): it points at content, it is none."""
    words = [t for t in target.subtree if not (t.is_punct or t.is_space)]
    return len(words) == 1 and words[0].pos_ == "PRON"


def _source_from_content(doc: Doc, d: Draft) -> None:
    """A cue after its content with no subject of its own: its source may be the content's last words."""
    if d.speaker is not None or not d.content or max(d.content) > d.cue.i:
        return
    found = trailing_source(doc, d.cue, d.content)
    if found is not None:
        chain, d.speaker = found
        d.content -= chain


def _headline_cues(doc: Doc, region_of) -> list[Draft]:
    """A paragraph opening with a name and a colon, the way headlines attribute: "Trump: Cruz Has ..."."""
    out = []
    starts = [0] + [t.i + 1 for t in doc if "\n" in t.text and t.i + 1 < len(doc)]
    for s in starts:
        colon = next((t for t in doc[s:s + 7] if t.text == ":"), None)
        if colon is None or colon.i == s or region_of[colon.i] is not None:
            continue
        name = doc[s:colon.i]
        if not name.text[:1].isupper() or any("\n" in t.text for t in name):
            continue
        if not any(t.pos_ == "PROPN" for t in name) or any(t.pos_ in ("VERB", "AUX") for t in name):
            continue
        end = colon.i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        body = [t.i for t in doc[colon.i + 1:end] if not (t.is_punct or t.is_space)]
        if len(body) < 3:
            continue
        out.append(Draft(cue=colon, key=": headline", content=set(range(colon.i + 1, end)),
                         speaker=(s, colon.i)))
    return out


def _according(doc: Doc, tok: Token) -> Draft | None:
    """ "according to X, Y": the content is the clause around the phrase."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    src = next((c for c in to.children if c.dep_ == "pobj"), None)
    if src is None:
        return None
    sent = tok.sent
    pp = {t.i for t in tok.subtree}
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") and head.head.i != head.i:
        head = head.head
    content = {t.i for t in head.subtree if t.i not in pp and sent.start <= t.i < sent.end}
    d = Draft(cue=tok, key="according prep:to", content=content, cue_end=to.i + 1)
    d.speaker = np_span(src)
    if (named := source_apposition(doc, max(pp) + 1, content)) is not None:
        d.content -= set(range(named[0] - 1, sent.end))
        if any(t.ent_type_ in ("PERSON", "ORG") for t in doc[named[0]:named[1]]):
            d.speaker = named                     # the name, as `sources.name_in` prefers it
    return d if d.content else None


def _continues(text: str, regions: list[Region], prev: int, ri: int) -> bool:
    """Whether region `ri` carries on the quotation `prev`: the same or the next paragraph, no text between."""
    if prev < 0:
        return False
    gap = text[regions[prev].end:regions[ri].start]
    if gap.count("\n\n") > 1 or gap.count("\n") > 2:
        return False
    return "\n" in gap or len(gap.split()) <= 12


def _draft_for(doc: Doc, cue: Token, drafts: list[Draft]) -> Draft:
    for d in drafts:
        if d.cue.i == cue.i:
            return d
    d = Draft(cue=cue, key=f"{cue.lemma_.lower()} region", speaker=speaker_of(cue))
    drafts.append(d)
    return d


def _take_second_piece(doc, d: Draft, regions, speech, owner, claim) -> None:
    """ "A," she said, "B." and "A," she said. "B.": the quotation resumed after its cue is the same quote (not
    when words of a sentence after the cue's come first)."""
    if not d.regions:
        return
    last = d.regions[-1]
    nxt = last + 1
    if nxt >= len(regions) or nxt in owner:
        return
    r0, r1 = regions[last], regions[nxt]
    if not (r0.end <= d.cue.idx < r1.start):
        return
    gap = doc_text(doc)[r0.end:r1.start]
    if "\n" in gap or len(gap.split()) > 40:
        return
    sent_end = d.cue.sent.end_char
    if sent_end < r1.start and any(c.isalnum() for c in doc_text(doc)[sent_end:r1.start]):
        return                                    # "A," Dahl said. Eriksson thanked her for "B.": another sentence
    if cue_after(doc, r1, lambda *_: False) is not None:
        return                                    # the resumed quotation has a cue of its own
    span = doc.char_span(r0.end, r1.start, alignment_mode="contract")
    if span is not None and any(t.i != d.cue.i and _speech_verb(t) for t in span):
        return                                    # "said Beck, who said there were "...": another's words
    end = doc.char_span(r1.start, r1.end, alignment_mode="expand")
    if end is not None and any(_speech_verb(t) for t in doc[end.end:end.sent.end]):
        return                                    # "B" to drive up the price, she said: B has its own cue
    claim(d, nxt)


def _speech_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in cues.SPEECH


def _outermost(doc: Doc, drafts: list[Draft], regions: list[Region]) -> list[Draft]:
    """PolNeAR marks only the outer of nested attributions: drop a quote whose cue sits inside another's content."""
    covered = []
    for d in drafts:
        toks = set(d.content)
        for ri in d.regions:
            r = regions[ri]
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is not None:
                toks |= set(range(span.start, span.end))
        covered.append(toks)
    # Two cues may each lie in the other's content ("has reserved time ...,
    # according to sources": "according" hangs on "reserved" after its object);
    # then the wider attribution is the outer one.
    keep = []
    for d, mine in zip(drafts, covered):
        if any(o is not d and d.cue.i in c and (o.cue.i not in mine or len(c) > len(mine))
               for o, c in zip(drafts, covered)):
            continue
        keep.append(d)
    return keep
