"""spaCy components that repair what the small English model gets wrong on news.

Each one reads and rewrites `doc.ents` (never a parallel list), so every later
reader sees the repaired entities. They run after "ner", in the order of
`COMPONENTS`:

1. news_credits   photo credits ("© Jo Doe / Getty Images / AFP") are not
                  people: the photographer goes, the agencies stay as ORG, and
                  the credit lines are kept in `doc.spans["credits"]`.
2. news_noise     contractions read as places ("n't"), lowercase or URL
                  fragments, capitalised common words ("'Hostage'",
                  "Teammates") and words of all-caps headlines.
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
6. news_surnames  a surname seen as part of a PERSON is a PERSON wherever it
                  recurs, also where the model called it ORG or nothing.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import places
from .roles import DEMONYMS, HAND_COUNTRY_KEY, HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS, country_of

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
AGENCIES = {"ap", "afp", "reuters", "getty", "getty images", "epa", "epa-efe", "efe", "bloomberg", "xinhua",
            "tass", "sputnik", "ria novosti", "anadolu", "dpa", "ansa", "pa", "pa images", "shutterstock",
            "alamy", "zuma", "zuma press", "sipa", "abaca", "kyodo", "yonhap", "ani", "pti", "upi", "pool",
            "the associated press", "associated press", "agence france-presse", "nurphoto", "imago"}
_CREDIT_START = re.compile(r"©|\((?:photo|image|picture)s?\b|\b(?:photo|photograph|image|picture|credit|"
                           r"photo credit)s?\s*(?::|by\b)", re.I)
_CONTRACTIONS = {"n't", "n’t", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'d", "’d", "'m", "’m", "'s", "’s"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


def _set_ents(doc: Doc, spans: list[Span]) -> None:
    """Assign non-overlapping spans, the earlier and longer one winning a clash."""
    taken: set[int] = set()
    keep = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if len(s) and not taken.intersection(range(s.start, s.end)):
            keep.append(s)
            taken.update(range(s.start, s.end))
    doc.ents = sorted(keep, key=lambda s: s.start)


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
    for m in _CREDIT_START.finditer(doc.text):
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


def _caps_line(span: Span) -> bool:
    words = [t for t in span.sent if t.is_alpha]
    caps = [t for t in words if t.is_upper and len(t) > 1]
    return len(words) >= 3 and len(caps) >= 0.6 * len(words)


@Language.component("news_noise", requires=["doc.ents"], assigns=["doc.ents"])
def news_noise(doc: Doc) -> Doc:
    text_all = doc.text
    lower_words = {t.text for t in doc if t.is_lower and t.is_alpha}
    mixed = {e.text.lower(): e.label_ for e in doc.ents if not e.text.isupper()}
    out = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            out.append(ent)
            continue
        first = next((t for t in ent if t.lower_ not in {"the", "a", "an"}), ent[0])
        text = ent.text
        if any(t.lower_ in _CONTRACTIONS and t.i != ent.end - 1 for t in ent) or first.lower_ in _CONTRACTIONS:
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
        if all(t.is_upper or not t.is_alpha for t in ent) and _caps_line(ent):
            label = mixed.get(text.lower())
            if label:
                out.append(Span(doc, ent.start, ent.end, label=label))
            elif len(ent) == 1 and len(text) <= 5 and ent.label_ in {"ORG", "GPE"}:
                out.append(ent)             # an acronym survives a shouting headline
            continue
        out.append(_without_descriptor(ent))
    _set_ents(doc, out)
    return doc


_DESCRIPTORS = re.compile(r"(?:news\s+agency|news\s+service|agency|newspaper|daily|broadcaster|tv\s+channel|"
                          r"television|channel|website|news\s+site|outlet)$", re.I)


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


def _is_title(tok) -> bool:
    low = tok.lower_
    return low in TITLE_HEADS or low in HONORIFICS or (low in TITLE_MODIFIERS and tok.is_title)


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


# nationalities said as a noun or adjective before a name ("Spaniard Jordi Gomez", "Chilean Luis Jimenez")
_NATIONALS = {"spaniard", "pole", "swede", "scot", "briton", "turk", "kurd", "serb",
              "croat", "greek", "czech", "slovak", "thai", "welsh", "scottish", "chilean", "peruvian", "colombian",
              "ecuadorian", "uruguayan", "paraguayan", "bolivian", "argentinian", "nigerian", "ghanaian",
              "cameroonian", "ivorian", "senegalese", "malian", "moroccan", "algerian", "tunisian", "libyan",
              "jordanian", "yemeni", "bahraini", "emirati", "qatari", "kuwaiti", "omani", "afghan", "malaysian",
              "singaporean", "australian", "austrian", "icelandic", "bosnian", "serbian", "croatian", "slovenian",
              "bulgarian", "albanian", "kosovan", "estonian", "latvian", "lithuanian", "jamaican", "haitian",
              "honduran", "dominican", "american", "african", "asian", "european", "arab", "israeli"}
# occupations that the model keeps in a capitalised name ("Defender Jo Doe", "Clerk Jo Doe")
_OCCUPATIONS = {"defender", "midfielder", "winger", "fullback", "full-back", "keeper", "clerk", "treasurer",
                "principal", "comptroller", "alderman", "manager", "boss", "skipper", "substitute", "forward",
                "youngster", "teenager", "veteran", "rookie", "citing", "according", "meanwhile", "however"}
# the last word of a place or an organisation, never of a person's name
_FAC_HEADS = {"airport", "abbey", "cathedral", "mosque", "stadium", "arena", "avenue", "boulevard", "square",
              "street", "hotel", "venue", "museum", "hospital"}
_ORG_HEADS = {"center", "centre", "league", "university", "college", "institute", "agency", "council",
              "committee", "party", "foundation", "association", "federation", "corporation", "ministry",
              "school", "united", "rovers", "news", "mediengruppe", "group", "hotspur", "wanderers", "athletic"}
_STREET_STARTS = {"rue", "via", "avenida", "calle", "boulevard", "place", "piazza", "plaza"}
_DAYS = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
         "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}
_CUTS = {"(", ")", "[", "]", ":", "/", "\\/", "|", ";", "•"}


def _is_national(tok) -> bool:
    low = tok.lower_
    stem = re.sub(r"(?:m[ae]n|wom[ae]n|s)$", "", low)
    return any(w in DEMONYMS or w in _NATIONALS or w in HAND_COUNTRY_KEY for w in (low, stem) if w) \
        and tok.is_title


def person_span(ent: Span) -> tuple[int, int, str] | None:
    """The name inside a PERSON span as (start, end, label); None when the span names no person.

    The small model runs a name on into whatever follows it on a results line
    or a dateline ("Jenas (Nottingham", "Jaime Alguersuari 14", "Khaddam\nExiled")
    and takes the word before it ("Belgian", "Defender", "Citing") as a first
    name, which splits one person into two entities; what is left after
    cutting is judged on its own: a dateline, an all-caps word, a model number
    or a name ending in "Airport" or "League" is no person.
    """
    doc = ent.doc
    start, end = ent.start, ent.end
    for i in range(start + 1, end):             # a line break, a bracket or a slash ends the name
        if doc[i].text in _CUTS or doc[i].is_space or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space:
            end = i
            break
    while end > start and (doc[end - 1].is_punct or re.fullmatch(r"[\d.:,\-–]+", doc[end - 1].text)):
        end -= 1                                    # a score or a race number after the name
    while end - start > 1 and doc[end - 1].is_upper and len(doc[end - 1]) > 2 and \
            not all(t.is_upper for t in doc[start:end - 1] if t.is_alpha):
        end -= 1                                    # "Marat Gurt ASHGABAT": the dateline city
    while end - start > 1 and (_is_national(doc[start]) or doc[start].lower_ in _OCCUPATIONS or
                               doc[start].tag_ in {"VBG", "RB"}):
        start += 1
    toks = list(doc[start:end])
    words = [t for t in toks if any(c.isalpha() for c in t.text)]      # "O'Shea" is a word
    after = doc[end] if end < len(doc) else None
    if start and doc[start - 1].lower_ == "the" and not (after is not None and after.tag_ in {"NN", "NNS", "POS"}):
        return start, end, "ORG"                    # "the Bataclan", "the Eagles"; not "the Doe administration"
    if not words or any(re.search(r"[\d®™]", t.text) for t in toks):
        return None
    if all(t.text.isupper() for t in words) and sum(len(t) for t in words) > 3:
        return None                                 # "ISTANBUL", "BST KUALA": a dateline, not a name
    lows = [t.lower_.strip(".") for t in toks]
    if (lows[0] in _DAYS and len(lows) == 1 and len(lows[0]) == 3) or \
            any(a in _DAYS and b in _MONTHS for a, b in zip(lows, lows[1:])):
        return None                                 # "Sat Mar", "Tue Mar 22"
    if len(toks) == 1 and _is_national(toks[0]):
        return start, end, "NORP"                   # "Welshman", "Turk"
    if len(toks) > 1 and lows[-1] in _FAC_HEADS or lows[0] in _STREET_STARTS and len(toks) > 1:
        return start, end, "FAC"
    if len(toks) > 1 and lows[-1] in _ORG_HEADS:
        return start, end, "ORG"
    return start, end, "PERSON"


@Language.component("news_persons", requires=["doc.ents"], assigns=["doc.ents"])
def news_persons(doc: Doc) -> Doc:
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            out.append(ent)
            continue
        cut = person_span(ent)
        if cut is not None:
            out.append(Span(doc, cut[0], cut[1], label=cut[2]))
    _set_ents(doc, out)
    return doc


@Language.component("news_surnames", requires=["doc.ents"], assigns=["doc.ents"])
def news_surnames(doc: Doc) -> Doc:
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
            names.add(ent.text)
            names.add(ent.text.split()[-1])
    names = {n for n in names if len(n) > 2 and n[0].isupper() and not n.isupper()}
    if not names:
        return doc
    lower_words = {t.text for t in doc if t.is_lower}
    ents = list(doc.ents)
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    drop: set[Span] = set()
    add: list[Span] = []
    pattern = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?![\w])")
    for m in pattern.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is None:
            continue
        hit = {by_token[i] for i in range(span.start, span.end) if i in by_token}
        if any(e.label_ == "PERSON" for e in hit):
            continue
        if hit:
            e = next(iter(hit))
            if len(hit) == 1 and e.label_ in {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"} and \
                    (re.search(r"[\"“”]", e.text) or any(t.pos_ in {"VERB", "AUX"} for t in e)):
                drop.add(e)                 # '"...," Doe' or "Doe told RIA" read as a title of a work
                add.append(Span(doc, span.start, span.end, label="PERSON"))
                continue
            if len(hit) > 1 or e.label_ in {"GPE", "LOC", "DATE", "TIME", "CARDINAL", "MONEY"}:
                continue
            parts = re.split(r"[-–/]", e.text)
            if not (e.start == span.start and e.end == span.end) and not (
                    len(parts) > 1 and all(p in names for p in parts)):
                continue
            drop.add(e)
        elif span[0].is_sent_start and span.text.lower() in lower_words:
            continue                        # "Young people ...": a common word opening a sentence
        add.append(Span(doc, span.start, span.end, label="PERSON"))
    _set_ents(doc, [e for e in ents if e not in drop] + add)
    return doc


@Language.component("news_places", requires=["doc.ents"], assigns=["doc.ents"])
def news_places(doc: Doc) -> Doc:
    """A PERSON that is exactly a country, a US state or a big city of the gazetteer, and that the
    article never treats as a person, is a place: "Blackburn 2 Wigan 1", "troops in Mali".

    Only one-word spans or spans that are the place's whole name change, so "Paris
    Hilton" stays a person; a name that is also a common first name ("Jordan",
    "Victoria") changes only after a preposition of place ("in Jordan").
    """
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    verdict: dict[str, bool] = {}
    out = []
    for ent in doc.ents:
        text = ent.text
        if ent.label_ == "PERSON" and (places.is_place(text) or country_of(text)) and not text.isupper():
            if text not in verdict:
                verdict[text] = not places.treated_as_person(
                    text, doc, persons, lambda t: _is_title(t) or t.lower_ in TITLE_HEADS | _OCCUPATIONS)
            if verdict[text] and (text.lower() not in places.GIVEN_NAMES or places.after_at(ent)):
                out.append(Span(doc, ent.start, ent.end, label="GPE"))
                continue
        out.append(ent)
    _set_ents(doc, out)
    return doc


COMPONENTS = ("news_credits", "news_noise", "news_titles", "news_persons", "news_places", "news_surnames")
