"""Stage versions derived from the code, so that a store never serves results of an older build.

A stage's version is a digest of the source files it runs (its own package
and what it imports from outside it) and of the packages whose behaviour it
inherits (a model's version); any edit makes stored results of that stage
stale, and the runner makes them again. Source: the cache-key idea of
content-addressed build systems (a key is everything the output depends on).
"""
from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def installed(package: str) -> str:
    """`package==version` as installed, or `package==?` when it is not."""
    try:
        return f"{package}=={version(package)}"
    except PackageNotFoundError:
        return f"{package}==?"


def code_version(stage: str, paths: tuple[str, ...], extra: tuple[str, ...] = ()) -> str:
    """`STAGE-<12 hex>`: SHA-256 over the files under `paths` (relative to the storyline package:
    folders are searched for .py and .json files) with their relative names, then `extra` strings."""
    digest = hashlib.sha256()
    for rel in paths:
        target = ROOT / rel
        files = sorted(p for p in target.rglob("*") if p.suffix in (".py", ".json")) if target.is_dir() else [target]
        for f in files:
            digest.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes() + b"\0")
    for item in extra:
        digest.update(item.encode() + b"\0")
    return f"{stage}-{digest.hexdigest()[:12]}"
