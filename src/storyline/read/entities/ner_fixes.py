"""spaCy components that repair what the small English model gets wrong on news.

Each one reads and rewrites `doc.ents` (never a parallel list), so every later
reader sees the repaired entities. They run after "ner" and `furniture`'s
"wire_names", in the order of `COMPONENTS`:

1. news_credits   photo credits ("© Jo Doe / Getty Images / AFP") are not
                  people: the photographer goes, the agencies stay as ORG, and
                  the credit lines are kept in `doc.spans["credits"]`.
2. news_noise     contractions read as places ("n't"; not a possessive inside
                  a name: "Information Commissioner's Office", "Children's
                  Hospital"; a country's before one is the country,
                  "Britain's Foreign Office", and a person's name ends at
                  one; "the Prime Minister's Office" is an ORG; a bracket the
                  name does not close ends it), lowercase or URL
                  fragments, capitalised common words ("'Hostage'",
                  "Teammates", "Turnout was 64 percent."), a sum of money
                  inside a name ("Corvane 15.4 million pounds": the name is
                  cut before it) and words of all-caps headlines (not the
                  places of a wire dateline, a sentence in capitals of its
                  own: "LITTLE ROCK, Ark. (AP) —").
3. news_titles    titles glued into names ("Press Secretary Jo Doe" -> "Jo
                  Doe"), a person read as ORG after a title ("champion Jo
                  Doe"), departments inside titles ("Defense" of "Defense
                  Secretary") and possessives ("Jo Doe's").
4. news_persons   PERSON spans cut back to the name: line breaks, brackets,
                  slashes and scores end it ("Holmes (Stoke", "Vettel 14"),
                  nationality and occupation words before it go ("Belgian
                  Jo Doe", "Defender Jo Doe"); datelines, all-caps words,
                  model numbers and names ending in a facility or
                  organisation word are no person ("Sat Mar", "ISTANBUL",
                  "Galaxy S5", "Warning Center").
5. news_places    a PERSON that is exactly a country, a US state or a big
                  city of the gazetteer in `places` ("Wigan", "Mali") is a GPE
                  where the article gives it no sign of being a person.
6. news_types     a name the article writes with a legal form ("Qualcomm
                  Inc.") or whose shares it quotes ("Qualcomm shares") is an
                  ORG in its other mentions too; a place (of the gazetteer,
                  or typed GPE elsewhere in the article) typed ORG after
                  "in", "from" ... is a GPE; an all-caps word right after a
                  model number is a PRODUCT with it ("737 MAX"), not an ORG
                  (`ner_types`).
7. news_surnames  a surname seen as part of a PERSON is a PERSON wherever it
                  recurs, also where the model called it ORG or nothing.

Components 4, 5 and 7 judge PERSON spans with a vocabulary of their own and
live in `ner_names`, 6 in `ner_types`; importing them here registers them, so
loading this module is all `nlp` needs before adding `COMPONENTS`.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.read.entities.ner_bodies import capitalised_word
from storyline.read.entities.ner_names import ORG_HEADS as _ORG_HEADS
from storyline.read.entities.ner_names import is_title as _is_title
from storyline.read.entities.ner_names import news_persons, news_places, news_surnames, person_span  # noqa: F401  (registered here)
from storyline.read.entities.ner_names import set_ents as _set_ents
from storyline.read.entities.ner_types import news_types  # noqa: F401  (registered here)
from storyline.read.entities.roles import DEMONYMS, HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS, country_of
from storyline.lexicon import AGENCY_NAMES, CURRENCY_WORDS, MONEY_SCALES, PHOTO_AGENCIES
from storyline.read.doctext import doc_text
from storyline.read.furniture import wire_spans

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
AGENCIES = AGENCY_NAMES | PHOTO_AGENCIES
_CREDIT_START = re.compile(r"©|\((?:photo|image|picture)s?\b|\b(?:photo|photograph|image|picture|credit|"
                           r"photo credit)s?\s*(?::|by\b)", re.I)
_CONTRACTIONS = {"n't", "n’t", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'d", "’d", "'m", "’m", "'s", "’s"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


def _line_end(doc: Doc, i: int) -> int:
    """Index of the first token after the line that holds token i."""
    while i < len(doc):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            return i + 1
        i += 1
    return len(doc)


@Language.component("news_credits", requires=["doc.ents"], assigns=["doc.ents", "doc.spans"])
def news_credits(doc: Doc) -> Doc:
    credits: list[Span] = []
    for m in _CREDIT_START.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            credits.append(doc[span.start:_line_end(doc, span.start)])
    # "Name / Agency" anywhere is a credit too
    for tok in doc:
        if tok.text in {"/", "|"} and tok.i and doc[tok.i - 1].is_title:
            end = _line_end(doc, tok.i)
            after = doc[tok.i + 1: min(tok.i + 3, end)].text
            if not (_is_agency(after) or _is_agency(after.split()[0] if after else "") or end - tok.i <= 8):
                continue                    # "the Israel/Gaza border" in running text is no credit
            start = tok.i - 1
            while start > 0 and doc[start - 1].is_title and doc[start - 1].ent_type_ in {"PERSON", "ORG", ""} \
                    and not doc[start - 1].is_sent_end and "\n" not in doc[start - 1].whitespace_:
                start -= 1
            if not any(c.start <= start < c.end for c in credits):
                credits.append(doc[start:end])
    doc.spans["credits"] = credits
    if not credits:
        return doc
    inside = set()
    for c in credits:
        inside.update(range(c.start, c.end))
    out: list[Span] = []
    for ent in doc.ents:
        if not inside.intersection(range(ent.start, ent.end)):
            out.append(ent)
            continue
        # split on slashes and "via"; keep only the pieces that are agencies
        piece_start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or doc[i].text in {"/", "|", "via", ";"}:
                piece = doc[piece_start:i]
                if len(piece) and _is_agency(piece.text):
                    out.append(Span(doc, piece.start, piece.end, label="ORG"))
                piece_start = i + 1
    # agencies the model left unlabelled inside a credit
    for c in credits:
        for m in re.finditer(r"(?:(?! via )[^/|;,()©])+", c.text):
            text = m.group().strip()
            text = re.sub(r"^(?:photo|image|credit|picture)s?\s*(?::|by)?\s*|^via\s+|\s+via$", "", text, flags=re.I)
            if _is_agency(text):
                start = c.start_char + m.start() + m.group().index(text)
                span = doc.char_span(start, start + len(text))
                if span is not None:
                    out.append(Span(doc, span.start, span.end, label="ORG"))
    _set_ents(doc, out)
    return doc


def _is_agency(text: str) -> bool:
    t = text.strip().lower()
    return t in AGENCIES or t.endswith(" images") or t.endswith(" photos") or t.endswith(" press")


def _in_dateline(span: Span) -> bool:
    """Inside the wire dateline `furniture.wire_names` marked: "LITTLE ROCK, Ark. (AP) —" is a sentence in
    capitals of its own, but a place, not a shouting headline."""
    return any(f.label_ == "dateline" and f.start <= span.start and span.end <= f.end for f in wire_spans(span.doc))


def _caps_line(span: Span) -> bool:
    words = [t for t in span.sent if t.is_alpha]
    caps = [t for t in words if t.is_upper and len(t) > 1]
    return len(words) >= 3 and len(caps) >= 0.6 * len(words)


@Language.factory("news_noise", requires=["doc.ents"], assigns=["doc.ents"])
def _news_noise(nlp: Language, name: str):
    """news_noise with the model's own list of English nouns (its lemmatizer's WordNet index; empty without)."""
    try:
        nouns = frozenset(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])
    except (KeyError, ValueError):
        nouns = frozenset()
    return lambda doc: news_noise(doc, nouns)


def news_noise(doc: Doc, nouns: frozenset[str] = frozenset()) -> Doc:
    """Drop the name spans that are noise (module docstring, 2); `nouns`: lowercase English common nouns."""
    text_all = doc_text(doc)
    lower_words = {t.text for t in doc if t.is_lower and t.is_alpha}
    mixed = {e.text.lower(): e.label_ for e in doc.ents if not e.text.isupper()}
    # a one-word "person" that is an English noun, that the article writes only at the start of a sentence and
    # never in a longer name, and that a form of "be" follows, is the noun capitalised there ("Turnout was 64
    # percent."); WordNet's nouns hold famous names too ("clinton", "carson"), hence the narrow frame
    inside = {t.lower_ for e in doc.ents if len(e) > 1 for t in e} | {
        t.lower_ for t in doc if t.text[:1].isupper() and not t.is_sent_start}
    out = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            out.append(ent)
            continue
        first = next((t for t in ent if t.lower_ not in {"the", "a", "an"}), ent[0])
        text = ent.text
        if any(t.lower_ in _CONTRACTIONS and t.i != ent.end - 1 and not _possessive_inside(t, ent) for t in ent) \
                or first.lower_ in _CONTRACTIONS:
            continue
        if not (first.text[:1].isupper() or first.text[:1].isdigit()):
            continue
        if any(t.like_url or t.like_email for t in ent) or re.search(r"https?:|www\.|\.com\b", text):
            continue
        if ent.start_char >= 2 and text_all[ent.start_char - 2:ent.start_char] == "](":
            continue                        # inside a Markdown link target
        if len(ent) == 1 and ent.label_ in {"PERSON", "ORG"} and not text.isupper() and text.lower() in lower_words:
            continue                        # a common word capitalised by a headline or a quote
        if len(ent) == 1 and first.tag_ in {"NN", "NNS"} and not text.isupper():
            continue                        # "Teammates", "Protesters" at the start of a sentence
        if (cut := _amount_inside(ent)) is not None:        # "fined Corvane 15.4 million pounds": a name, a sum
            if cut > ent.start:
                out.append(Span(doc, ent.start, cut, label=ent.label_))
            out.append(Span(doc, cut, ent.end, label="MONEY"))
            continue
        if len(ent) == 1 and ent.label_ == "PERSON" and ent[0].is_sent_start and text.lower() in nouns and \
                text.lower() not in inside and ent.end < len(doc) and doc[ent.end].lemma_ == "be":
            continue                        # "Turnout was 64 percent."
        if all(t.is_upper or not t.is_alpha for t in ent) and _caps_line(ent) and not _in_dateline(ent):
            label = mixed.get(text.lower())
            if label:
                out.append(Span(doc, ent.start, ent.end, label=label))
            elif len(ent) == 1 and len(text) <= 5 and ent.label_ in {"ORG", "GPE"}:
                out.append(ent)             # an acronym survives a shouting headline
            continue
        out.extend(_split_at_possessive(_without_descriptor(_before_bracket(ent))))
    _set_ents(doc, _title_offices(doc) + out)
    return doc


def _title_offices(doc: Doc) -> list[Span]:
    """ORG spans for the office of an office-holder, which the model misses or cuts: "the Prime Minister's
    Office", "the Attorney General's Office", "the Director of Public Prosecutions' Office": "Office" after a
    possessive after capitalised words (with "of" between them) of which one is a title head."""
    out = []
    for t in doc[2:]:
        if t.text != "Office" or doc[t.i - 1].tag_ != "POS":
            continue
        start = t.i - 1
        while start > 0 and (capitalised_word(doc[start - 1]) or doc[start - 1].lower_ == "of" and start >= 2
                             and capitalised_word(doc[start - 2])):
            start -= 1
        words = doc[start:t.i - 1]
        if len(words) and any(w.lower_ in TITLE_HEADS for w in words):
            out.append(Span(doc, start, t.i + 1, label="ORG"))
    return out


def _before_bracket(ent: Span) -> Span:
    """A name ends at a bracket it does not close: "Information Commissioner's Office (ICO" is the office."""
    opened = next((t.i for t in ent[1:] if t.text in "([" and not any(x.text in ")]" for x in ent.doc[t.i:ent.end])),
                  None)
    return ent if opened is None else Span(ent.doc, ent.start, opened, label=ent.label_)


def _possessive_inside(tok, ent: Span) -> bool:
    """A possessive between two capitalised words of a name, part of it: "Information Commissioner's Office",
    "Boston Children's Hospital", "King's College London" (the tagger's POS, not the "'s" of "Here's")."""
    doc = tok.doc
    return tok.tag_ == "POS" and ent.start < tok.i < ent.end - 1 and doc[tok.i - 1].text[:1].isupper() \
        and doc[tok.i + 1].text[:1].isupper()


def _split_at_possessive(ent: Span) -> list[Span]:
    """A country's possessive at the head of an organisation's name is the country, the rest the organisation:
    "Britain's Information Commissioner's Office" -> Britain (GPE), Information Commissioner's Office; a person's
    name ends at a possessive ("Jo Doe's Office" read as a PERSON is Jo Doe)."""
    doc = ent.doc
    if ent.label_ == "PERSON":
        cut = next((t.i for t in ent[1:] if t.tag_ == "POS"), ent.end)
        return [Span(doc, ent.start, cut, label="PERSON")]
    if ent.label_ not in {"ORG", "FAC"}:
        return [ent]
    for t in ent[1:-1]:
        if t.tag_ == "POS":
            head = doc[ent.start:t.i]
            if head[0].lower_ == "the":
                head = doc[head.start + 1:head.end]
            if len(head) and country_of(head.text):
                return [Span(doc, head.start, head.end, label="GPE"), Span(doc, t.i + 1, ent.end, label=ent.label_)]
            break
    return [ent]


_DESCRIPTORS = re.compile(r"(?:news\s+agency|news\s+service|agency|newspaper|daily|broadcaster|tv\s+channel|"
                          r"television|channel|website|news\s+site|outlet)$", re.I)


def _amount_inside(ent: Span) -> int | None:
    """Where a sum of money begins inside a name span ("Corvane 15.4 million pounds"), or None: a number with
    a scale word and a currency after it is never part of a name."""
    for t in ent[:-1]:
        rest = [x.lemma_.lower() for x in ent.doc[t.i + 1:ent.end]]
        if t.like_num and rest[0] in MONEY_SCALES and any(w in CURRENCY_WORDS for w in rest[1:]):
            return t.i
    return None


def _without_descriptor(ent: Span) -> Span:
    """ "RIA Novosti news agency" -> "RIA Novosti": the name is what other mentions use.

    Only a trailing common-noun descriptor after proper nouns goes, so that
    "European Space Agency" (all proper nouns) keeps its last word.
    """
    if ent.label_ != "ORG":
        return ent
    for cut in range(ent.end - 1, ent.start, -1):
        tail, head = ent.doc[cut:ent.end], ent.doc[ent.start:cut]
        if _DESCRIPTORS.fullmatch(tail.text) and all(t.tag_ in ("NN", "NNS") for t in tail) \
                and head[-1].tag_ == "NNP":
            return Span(ent.doc, ent.start, cut, label="ORG")
    return ent


def _place_label(text: str) -> str:
    if text.lower() in DEMONYMS:
        return "NORP"
    return "GPE" if country_of(text) else "ORG"


@Language.component("news_titles", requires=["doc.ents"], assigns=["doc.ents"])
def news_titles(doc: Doc) -> Doc:
    out = []
    for ent in doc.ents:
        start, end, label = ent.start, ent.end, ent.label_
        while end > start + 1 and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        if label not in NAME_LABELS:
            out.append(Span(doc, start, end, label=label))
            continue
        toks = list(doc[start:end])
        # a department that belongs to a title: "Defense" Secretary, Secretary of "State"
        words = [t for t in toks if t.is_alpha]
        if words and all(t.lower_ in TITLE_MODIFIERS or t.lower_ in {"state", "defense", "defence", "press"}
                         for t in words):
            nxt = doc[end] if end < len(doc) else None
            prev2 = doc[start - 2: start] if start >= 2 else None
            if (nxt is not None and nxt.is_title and _is_title(nxt)) or \
                    (prev2 is not None and prev2[1].lower_ == "of" and _is_title(prev2[0])):
                continue
        # titles glued in front of a name
        cut = None
        for k, t in enumerate(toks[:-1]):
            if _is_title(t) and toks[k + 1].pos_ == "PROPN":
                cut = k + 1
        if cut is not None and label in {"PERSON", "ORG", "NORP", "GPE"}:
            rest = toks[cut:]
            head_is_person = any(t.lower_ in TITLE_HEADS or t.lower_ in HONORIFICS for t in toks[:cut])
            if rest and all(t.pos_ == "PROPN" or t.is_punct for t in rest) and (label == "PERSON" or head_is_person) \
                    and rest[-1].lower_ not in _ORG_HEADS:  # "Premier League" is no premier called League
                out.append(Span(doc, start + cut, end, label="PERSON"))
                lead = 0
                while lead < cut and not _is_title(toks[lead]) and toks[lead].pos_ == "PROPN":
                    lead += 1
                if lead:                    # "White House" of "White House Press Secretary"
                    out.append(Span(doc, start, start + lead, label=_place_label(doc[start:start + lead].text)))
                continue
        # a person the model read as ORG after a lowercase occupation: "champion Jo Doe"
        if label in {"ORG", "GPE", "NORP"} and end - start >= 2 and start and \
                doc[start - 1].lower_ in TITLE_HEADS and all(t.pos_ == "PROPN" for t in toks) \
                and doc[start - 1].dep_ == "compound":
            label = "PERSON"
        out.append(Span(doc, start, end, label=label))
    _set_ents(doc, out)
    return doc


COMPONENTS = ("news_credits", "news_noise", "news_titles", "news_persons", "news_places", "news_types",
              "news_surnames")
