"""Stage 1, ingest: files, folders, feeds, archives and JSON Lines to RawDocs.

`iter_inputs` is the whole stage: it never raises for bad input, it turns
each problem into a `Refusal` with a one-line reason and goes on. Each RawDoc
carries its bytes (the idempotence key hashes them) and their text, decoded
here by the declared, sniffed or detected encoding (`decode`).
"""
from storyline.ingest.decode import decode
from storyline.ingest.files import DEFAULT_MAX_BYTES, iter_inputs

__all__ = ["DEFAULT_MAX_BYTES", "decode", "iter_inputs"]
