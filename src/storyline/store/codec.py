"""Records to JSON and back, driven by their type hints.

The store keeps each record as one JSON document rather than a column per
field: records grow with every issue, and a JSON column survives that without
a migration per field, in SQLite and PostgreSQL (jsonb) alike.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from functools import lru_cache
from typing import Any

from storyline import records


def to_plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def dumps(obj: Any) -> str:
    return json.dumps(to_plain(obj), ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def from_plain(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return from_plain(inner[0], value) if len(inner) == 1 else value
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return tp(**{k: from_plain(hints[k], v) for k, v in value.items() if k in hints})
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], v) for v in value)
        return tuple(from_plain(a, v) for a, v in zip(args, value))
    if tp is date:
        return date.fromisoformat(value)
    return value


def loads(cls: type, text: str) -> Any:
    return from_plain(cls, json.loads(text))
