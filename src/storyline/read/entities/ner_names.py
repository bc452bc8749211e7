"""The spaCy components that judge PERSON spans: where a name ends, and whether it names a person.

Split from `ner_fixes` because these rules share one vocabulary (nationality and
occupation words, facility and organisation heads, day and month words) that
the credit, noise and title repairs do not need; `ner_fixes` still owns the
order of the pipeline (`COMPONENTS`) and re-exports `person_span`.

- news_persons   PERSON spans cut back to the name (`person_span`).
- news_places    a PERSON that is exactly a gazetteer place becomes a GPE.
- news_surnames  a surname seen as part of a PERSON is a PERSON wherever it recurs.

A surname before a word for a family ("the Brekke family", "the Kennedy clan", "the Koch brothers") names
the family, a group: news_persons makes the two words one ORG, and news_surnames leaves them so, where the
family's members are people of their own ("Øyvind Brekke, whose family owns 22%").

`set_ents` and `is_title` live here, not in `ner_fixes`, so that `ner_fixes`
can import this module (which registers the components) without a cycle.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.lexicon import MONTHS, WEEKDAYS
from storyline.read.entities import places
from storyline.read.entities.names import PARTICLES
from storyline.read.entities.roles import DEMONYMS, HAND_COUNTRY_KEY, HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS, country_of
from storyline.read.doctext import doc_text


def set_ents(doc: Doc, spans: list[Span]) -> None:
    """Assign non-overlapping spans, the earlier and longer one winning a clash."""
    taken: set[int] = set()
    keep = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if len(s) and not taken.intersection(range(s.start, s.end)):
            keep.append(s)
            taken.update(range(s.start, s.end))
    doc.ents = sorted(keep, key=lambda s: s.start)


def is_title(tok) -> bool:
    """A title word before a name: a head ("minister"), an honorific, or a capitalised modifier."""
    low = tok.lower_
    return low in TITLE_HEADS or low in HONORIFICS or (low in TITLE_MODIFIERS and tok.is_title)


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
ORG_HEADS = {"center", "centre", "league", "university", "college", "institute", "agency", "council",
             "committee", "party", "foundation", "association", "federation", "corporation", "ministry",
             "school", "united", "rovers", "news", "mediengruppe", "group", "hotspur", "wanderers", "athletic"}
_STREET_STARTS = {"rue", "via", "avenida", "calle", "boulevard", "place", "piazza", "plaza"}
_DAYS = set(WEEKDAYS)
_MONTHS = set(MONTHS) - {"may"}          # May is also a name
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
    if len(toks) > 1 and lows[-1] in ORG_HEADS:
        return start, end, "ORG"
    return start, end, "PERSON"


_DETERMINERS = {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your"}


def particle_start(doc: Doc, start: int) -> int:
    """Where a name starts once the surname particles the model left out before it are taken back.

    The small model drops a particle that opens a sentence or follows a verb
    ("Van der Berg said" gives "Berg"; "al-" before "Khatib"); without it the
    surname does not match the full name given earlier. Walks left over
    particles (`names.PARTICLES`, also "al-" joined by a hyphen), then over one
    or two given names before a lowercase particle ("Otto von" before
    "Bismarck"). A lowercase particle after a determiner ("a van") is a word.
    """
    i = start
    while i > 0 and not doc[i - 1].ent_type_:
        prev = doc[i - 1]
        if prev.text in {"-", "‐"} and not prev.whitespace_ and i >= 2 and not doc[i - 2].whitespace_ \
                and doc[i - 2].lower_ in PARTICLES and not doc[i - 2].ent_type_:
            i -= 2                                  # "al-" of "al-Khatib"
        elif prev.lower_ in PARTICLES and prev.whitespace_ == " " and \
                not (i >= 2 and doc[i - 2].lower_ in _DETERMINERS):
            i -= 1                                  # "van", "der", "Al"
        else:
            break
    if i < start and doc[i].is_lower:               # "Otto" of "Otto von Bismarck"
        for _ in range(2):
            prev = doc[i - 1] if i else None
            if prev is None or prev.ent_type_ or prev.tag_ != "NNP" or not prev.is_title or \
                    prev.whitespace_ != " " or is_title(prev) or _is_national(prev):
                break
            i -= 1
    return i


def _given_name_start(doc: Doc, start: int) -> int:
    """Where a person's name starts when the model left out a first given name between a title and the rest
    ("Governor Ana Paula Ferreira" read as "Paula Ferreira"): one capitalised proper noun outside any entity,
    right after a title word."""
    if start >= 2 and (t := doc[start - 1]).pos_ == "PROPN" and t.is_title and not t.ent_type_ and \
            not is_title(t) and is_title(doc[start - 2]):
        return start - 1
    return start


def _named_before_who(doc: Doc) -> list[Span]:
    """Names the model missed that a relative "who" or an appositive title shows to be a person's: two or three
    capitalised proper nouns outside any entity, right before ", who" ("Ines Martinez, who took over as
    governor") or ", the/a ... <title>," ("Ana Ruiz, the bank's governor, said"); none a title, a month, a
    day or a nationality, and not a place of the gazetteer."""
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and doc[j].is_title and doc[j].is_alpha and doc[j].tag_ in ("NNP", "NNPS") \
                and not doc[j].ent_type_:
            j += 1
        if j - i >= 2 and j + 1 < len(doc) and doc[j].text == "," and (i == 0 or not doc[i - 1].is_title) and \
                _person_follows(doc, j + 1) and not any(
                    is_title(t) or t.lower_ in _DAYS or t.lower_ in _MONTHS or _is_national(t) for t in doc[i:j]) \
                and not places.is_place(doc[i:j].text):
            out.append(Span(doc, i, j, label="PERSON"))
        i = max(j, i + 1)
    return out


def _person_follows(doc: Doc, k: int) -> bool:
    """Whether token k opens what only follows a person's name: "who", or "the/a ... <title>," (four words)."""
    if doc[k].lower_ == "who":
        return True
    if doc[k].lower_ not in ("the", "a", "an"):
        return False
    for t in doc[k + 1:k + 6]:
        if t.text == ",":
            return t.i > k + 1 and doc[t.i - 1].lower_ in TITLE_HEADS
    return False


@Language.component("news_persons", requires=["doc.ents"], assigns=["doc.ents"])
def news_persons(doc: Doc) -> Doc:
    out = _named_before_who(doc)
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            out.append(ent)
            continue
        if _family_after(doc, ent.end) and len(ent) == 1:
            out.append(Span(doc, ent.start, ent.end + 1, label="ORG"))      # "the Brekke family"
            continue
        cut = person_span(ent)
        if cut is not None:
            start = particle_start(doc, cut[0]) if cut[2] == "PERSON" and cut[0] == ent.start else cut[0]
            if cut[2] == "PERSON" and start == ent.start:
                start = _given_name_start(doc, start)
            out.append(Span(doc, start, cut[1], label=cut[2]))
    set_ents(doc, out)
    return doc


_FAMILY_WORDS = frozenset({"family", "families", "clan", "dynasty", "brothers", "sisters", "siblings", "household"})


def _family_after(doc: Doc, i: int) -> bool:
    """Whether token i is a word for a family ("the Brekke family" after "Brekke")."""
    return i < len(doc) and doc[i].lower_ in _FAMILY_WORDS


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
    for m in pattern.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is None:
            continue
        hit = {by_token[i] for i in range(span.start, span.end) if i in by_token}
        if any(e.label_ == "PERSON" for e in hit) or _family_after(doc, span.end):
            continue
        if hit:
            e = next(iter(hit))
            if len(hit) == 1 and e.label_ in {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"} and \
                    (re.search(r"[\"“”]", e.text) or any(t.pos_ in {"VERB", "AUX"} for t in e)):
                drop.add(e)                 # '"...," Doe' or "Doe told RIA" read as a title of a work
                add.append(Span(doc, span.start, span.end, label="PERSON"))
                continue
            if len(hit) > 1 or e.label_ in {"DATE", "TIME", "CARDINAL", "MONEY"} or \
                    e.label_ in {"GPE", "LOC"} and (" " in e.text or places.is_place(e.text)):
                continue                    # a place a surname may also be ("George Washington", "Washington")
            parts = re.split(r"[-–/]", e.text)
            if not (e.start == span.start and e.end == span.end) and not (
                    len(parts) > 1 and all(p in names for p in parts)):
                continue
            drop.add(e)
        elif span[0].is_sent_start and span.text.lower() in lower_words:
            continue                        # "Young people ...": a common word opening a sentence
        add.append(Span(doc, span.start, span.end, label="PERSON"))
    set_ents(doc, [e for e in ents if e not in drop] + add)
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
                    text, doc, persons, lambda t: is_title(t) or t.lower_ in TITLE_HEADS | _OCCUPATIONS)
            if verdict[text] and (text.lower() not in places.GIVEN_NAMES or places.after_at(ent)):
                out.append(Span(doc, ent.start, ent.end, label="GPE"))
                continue
        out.append(ent)
    set_ents(doc, out)
    return doc

