"""storyline: from a pile of news articles to the stories they tell, every statement sourced.

The public functions are imported on first use, so that importing one record
type or one stage does not load every stage (and spaCy) with it.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["run", "ingest", "export", "stats", "__version__"]


def __getattr__(name: str):
    if name in ("run", "ingest", "export", "stats"):
        from storyline import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
