"""storyline: from a pile of news articles to the stories they tell, every statement sourced.

The public API. Records, settings, errors and the store are imported at once
(they are light); the pipeline functions and the stage entry points are
imported on first use, so that importing a record type does not load spaCy.

- pipeline: `run(inputs, out_dir)`, `ingest(inputs, db)`, `export(db, out_dir)`, `stats(db)`
- stages: `iter_inputs` (1: paths -> RawDoc | Refusal), `clean` (2: RawDoc -> Article | Refusal),
  `analyse` (3: Article -> AnalysedArticle), `connect` (4: articles + analyses -> Connected)
- `open_store(location)`, `Settings` / `load_settings(...)`, the records and the errors.
"""
from __future__ import annotations

from storyline.errors import InputRefused, SettingsError, StoreError, StorylineError
from storyline.records import (AnalysedArticle, Article, ComparedFact, Connected, CorpusEntity, DateRange, Entity,
                               Event, Evidence, Fact, Mention, Quote, RawDoc, Refusal, TimeExpression)
from storyline.settings import Settings
from storyline.settings import load as load_settings
from storyline.store import open_store

__version__ = "0.1.0"

_LAZY = {"run": "storyline.pipeline", "ingest": "storyline.pipeline", "export": "storyline.pipeline",
         "stats": "storyline.pipeline", "iter_inputs": "storyline.ingest", "clean": "storyline.clean.stage",
         "analyse": "storyline.read", "connect": "storyline.connect"}

__all__ = ["AnalysedArticle", "Article", "ComparedFact", "Connected", "CorpusEntity", "DateRange", "Entity",
           "Event", "Evidence", "Fact", "InputRefused", "Mention", "Quote", "RawDoc", "Refusal", "Settings",
           "SettingsError", "StoreError", "StorylineError", "TimeExpression", "__version__", "load_settings",
           "open_store", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
