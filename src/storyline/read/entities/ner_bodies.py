"""Organisations named for a country: "Mobile UK", "Energy UK", "Save the Children UK", "Vodafone UK".

The small model reads the country at the end of such a name as a place and
the words before it as another place or as nothing ("Industry body Mobile UK
said" gives "Mobile" GPE, the city in Alabama, and "UK" GPE). Capitalised
words right before a country, with no comma between, are one organisation
where the article shows it is one:

- a noun for a kind of body or company right before the name ("industry
  body Mobile UK", "the charity Save the Children UK", "operator Vodafone
  UK"; `BODY_NOUNS`, `ner_types._COMPANY_NOUNS`),
- or a comma and a noun phrase headed by such a noun after it ("Mobile UK,
  the industry body, said").

The model typing the words before the country an organisation is no such
evidence: "told Reuters Britain would leave" is an outlet and a country.

Where it does, every mention of the whole name in the article is the
organisation ("Mobile UK said ... Mobile UK added"). "Paris, France" (a
comma) and "in Paris France" without such evidence stay places.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from storyline.read.entities.roles import country_of

BODY_NOUNS = frozenset("""
body group association charity union federation organisation organization lobby alliance council trust network
consortium coalition campaign society institute
""".split())
_INNER = {"the", "of", "and", "for"}          # lowercase words inside a name: "Save the Children UK"


def bodies_named_for_a_country(doc: Doc, ents: list[Span], company_nouns: frozenset[str] = frozenset()) \
        -> list[Span]:
    """ORG spans for the organisations of `doc` named for a country (module docstring), every mention of each;
    `ents`: the entities so far (the countries are read from them);
    `company_nouns`: nouns for a kind of company that count as evidence before a name, as `BODY_NOUNS` do."""
    nouns = BODY_NOUNS | company_nouns
    names: set[tuple[str, ...]] = set()
    for c in ents:
        if c.label_ != "GPE" or not country_of(c.text) or c.start == 0:
            continue
        start = _name_start(doc, c.start)
        if start == c.start or country_of(doc[start:c.start].text):
            continue
        before = doc[start - 1] if start else None
        if (before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in nouns) or \
                _described_after(doc, c.end, nouns):
            names.add(tuple(t.text for t in doc[start:c.end]))
    out = []
    for words in names:
        n = len(words)
        out.extend(Span(doc, i, i + n, label="ORG") for i in range(len(doc) - n + 1)
                   if doc[i].text == words[0] and tuple(t.text for t in doc[i:i + n]) == words)
    return out


def capitalised_word(tok) -> bool:
    """A word of a name: alphabetic, capitalised, and no article ("The" opening a sentence)."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in {"the", "a", "an"}


def _name_start(doc: Doc, end: int) -> int:
    """Where the run of capitalised words (with "the", "of", "and", "for" between them) ending at token `end`
    starts; `end` when no such word is there."""
    start = end
    while start > 0:
        tok = doc[start - 1]
        if capitalised_word(tok) or \
                tok.lower_ in _INNER and start - 2 >= 0 and doc[start - 2].text[:1].isupper() and start < end:
            start -= 1
        else:
            break
    while start < end and doc[start].lower_ in _INNER:
        start += 1
    return start


def _described_after(doc: Doc, i: int, nouns: frozenset[str]) -> bool:
    """A comma at token i and a short noun phrase headed by a body's noun after it ("..., the industry body,")."""
    if i >= len(doc) or doc[i].text != ",":
        return False
    for tok in doc[i + 1:i + 6]:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            return after is None or after.is_punct or after.lower_ in {"for", "of", "that", "which", "representing"}
        if tok.pos_ not in {"DET", "ADJ", "NOUN", "PROPN"}:
            return False
    return False
