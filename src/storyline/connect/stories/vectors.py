"""Sparse vectors as two numpy arrays: sorted integer keys and float32 weights.

A story's centroid over tens of thousands of stories must stay small, so it is
kept as arrays rather than a dict (about 12 bytes a term instead of ~100) and
cut to its heaviest keys after every update. Keys are 63-bit hashes of
namespaced strings (`key("t", "earthquake")`), stable across processes and
machines, so a store written by one run is read by the next.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Mapping

import numpy as np

Sparse = tuple[np.ndarray, np.ndarray]          # (int64 keys, sorted ascending; float32 weights)
EMPTY: Sparse = (np.zeros(0, np.int64), np.zeros(0, np.float32))
_NONE = (np.zeros(0, np.intp), np.zeros(0, np.intp))


@lru_cache(maxsize=1 << 20)
def key(kind: str, text: str) -> int:
    """A signed 64-bit key for `text` in the namespace `kind` (blake2b, so the same on every machine)."""
    digest = hashlib.blake2b(f"{kind}:{text}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def sparse(weights: Mapping[int, float]) -> Sparse:
    """A dict {key: weight} as a Sparse (zero weights dropped)."""
    keys = np.fromiter(weights.keys(), np.int64, len(weights))
    values = np.fromiter(weights.values(), np.float64, len(weights))
    order = keys.argsort()
    keys, values = keys[order], values[order]
    if not values.all():
        keys, values = keys[values != 0], values[values != 0]
    return (keys, values.astype(np.float32)) if len(keys) else EMPTY


def norm(v: Sparse) -> float:
    return float(np.sqrt(np.dot(v[1], v[1])))


def shared(a: Sparse, b: Sparse) -> tuple[np.ndarray, np.ndarray]:
    """Positions in a and in b of the keys both hold (binary search of a's keys in b's)."""
    ka, kb = a[0], b[0]
    if not ka.size or not kb.size:
        return _NONE
    at = kb.searchsorted(ka)            # ndarray methods: numpy's function wrappers cost more than the work here
    at[at == kb.size] = 0
    ia = (kb[at] == ka).nonzero()[0]
    return ia, at[ia]


def dot(a: Sparse, b: Sparse) -> float:
    """Inner product of two sparse vectors (shared keys only)."""
    ia, ib = shared(a, b)
    return float(np.dot(a[1][ia], b[1][ib])) if len(ia) else 0.0


def cosine(a: Sparse, b: Sparse) -> float:
    """Cosine similarity in [0, 1] for non-negative weights; 0 when either vector is empty."""
    na, nb = norm(a), norm(b)
    return dot(a, b) / (na * nb) if na and nb else 0.0


def scale(v: Sparse, factor: float) -> Sparse:
    return v[0], (v[1] * np.float32(factor)).astype(np.float32)


def unit(v: Sparse) -> Sparse:
    n = norm(v)
    return scale(v, 1.0 / n) if n else v


def add(a: Sparse, b: Sparse, cap: int) -> Sparse:
    """a + b, cut to the `cap` heaviest keys (ties broken by key, so the result is deterministic)."""
    if not len(a[0]):
        return top(b, cap)
    if not len(b[0]):
        return top(a, cap)
    keys = np.concatenate((a[0], b[0]))
    order = keys.argsort(kind="stable")          # a key both hold: a's entry, then b's
    keys, weights = keys[order], np.concatenate((a[1], b[1]), dtype=np.float32)[order]
    twice = keys[1:] == keys[:-1]
    if twice.any():
        weights[:-1][twice] += weights[1:][twice]
        once = np.append(True, ~twice)
        keys, weights = keys[once], weights[once]
    return top((keys, weights), cap)


def top(v: Sparse, n: int) -> Sparse:
    """The `n` heaviest entries of v, keys sorted (of equal weights, the lowest keys)."""
    if len(v[0]) <= n:
        return v
    w = v[1]
    cut = np.partition(w, len(w) - n)[len(w) - n]         # the n-th heaviest weight
    keep = w > cut
    tied = (w == cut).nonzero()[0]                          # in key order
    keep[tied[:n - np.count_nonzero(keep)]] = True
    return v[0][keep], w[keep]


def heaviest(v: Sparse, n: int) -> list[int]:
    """The keys of the `n` heaviest entries, heaviest first."""
    order = np.lexsort((v[0], -v[1]))[:n]
    return v[0][order].tolist()                 # Python ints
