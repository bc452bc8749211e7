"""Giving memory the process has freed back to the system.

glibc keeps freed heap blocks for reuse. A loop that allocates blocks of a
new size on every turn (the sentence encoder pads each batch to its longest
text, so every batch's tensors differ in shape) leaves them fragmented: on a
1,000-article run the encoding held ~900 MB, on 10,000 ~1.5 GB, all of it
free memory never returned (bench/throughput.py). `release()` after each
batch trims the heap back to what is in use; the results do not change.

`collector_paused()` turns Python's cyclic garbage collector off for a step
that allocates millions of small acyclic objects: its passes over them cost
a fifth of such a step and find next to nothing (run/stories.py,
run/connecting.py).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator


@lru_cache(maxsize=1)
def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block, as it was after (objects made meanwhile stay in the
    youngest generation: `gc.collect(0)` inside the block goes through them alone)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def release() -> bool:
    """Return the heap's free memory to the system (glibc's malloc_trim); False where there is no glibc."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
