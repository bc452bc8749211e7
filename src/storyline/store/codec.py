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
from itertools import islice
from typing import Any, Callable, Sequence

from storyline import records


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, read once per type (dataclasses.fields walks the class every
    call); None for any other type."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)     # json.dumps would make one per call


def dumps(obj: Any) -> str:
    """`obj` as JSON text with sorted keys: a record as an object of its fields, tuples and lists as arrays,
    dates as ISO text (what `json.dumps(..., ensure_ascii=False, sort_keys=True)` writes). Fields whose type
    JSON writes as it is (text, numbers, None, tuples of those) are not walked."""
    return _ENCODER.encode(to_plain(obj))


def to_plain(obj: Any) -> Any:
    """`obj` as plain JSON values (what `dumps` writes, before it is text); `from_plain` reads it back."""
    fields = _json_fields(type(obj))
    if fields is not None:
        return {name: getattr(obj, name) if native else to_plain(getattr(obj, name)) for name, native in fields}
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


@lru_cache(maxsize=None)
def _json_fields(cls: type) -> tuple[tuple[str, bool], ...] | None:
    """(field name, whether JSON writes its declared type as it is) of a dataclass type; None for others."""
    names = _field_names(cls)
    if names is None:
        return None
    try:
        hints = _hints(cls)
    except (NameError, TypeError):
        hints = {}
    return tuple((name, _native(hints.get(name))) for name in names)


def _native(tp: Any) -> bool:
    """Whether values of type `tp` are JSON as they are: text, numbers, None, and tuples and lists of those."""
    if tp in (str, int, float, bool, type(None)):
        return True
    if typing.get_origin(tp) in (typing.Union, types.UnionType, tuple, list):
        return all(_native(a) for a in typing.get_args(tp) if a is not Ellipsis)
    return False


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def from_plain(tp: Any, value: Any) -> Any:
    """`value` (plain JSON) as type `tp`: records, tuples, dates and unions of one type with None."""
    return _decoder(tp)(value)


def _same(value: Any) -> Any:
    return value


@lru_cache(maxsize=None)
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """The function turning plain JSON into `tp`, made once per type: the type hints are read here, not for
    every value decoded (which made reading a store spend most of its time in `typing`). None decodes to None
    whatever the type; a tuple is made of as many items as its type names (`tuple[int, int]`: the first two)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = _optional(tp)
        return _same if inner is None else _decoder(inner)
    if dataclasses.is_dataclass(tp):
        return _record_decoder(tp)
    if origin is tuple:
        if (each := _items(tp)) is not None:
            if each is _same:
                return lambda value: None if value is None else tuple(value)
            return lambda value: None if value is None else tuple(map(each, value))
        parts = [_decoder(a) for a in typing.get_args(tp)]
        if all(d is _same for d in parts):
            n = len(parts)
            return lambda value: None if value is None else tuple(islice(value, n))
        return lambda value: None if value is None else tuple(d(v) for d, v in zip(parts, value))
    if tp is date:
        return lambda value: None if value is None else date.fromisoformat(value)
    return _same


def _record_decoder(tp: type) -> Callable[[Any], Any]:
    """The decoder of a dataclass: `tp(**{field: decoded value})` over the keys of the plain object that are
    fields of `tp` (others are ignored, missing ones take their defaults).

    An object holding every field of `tp` (as `to_plain` writes them; keys that are no field are ignored either
    way) takes a decoder generated for the type instead: it builds `tp` positionally and calls no decoder for a
    field JSON gives as it is (text, numbers; tuples of those are `tuple(list)`); an object lacking a field, or
    one that fails there, goes the general way, so both give the same record and raise the same errors."""
    fields = {k: _decoder(h) for k, h in _hints(tp).items()}

    def general(value):
        return tp(**{k: fields[k](v) for k, v in value.items() if k in fields})

    order = [f.name for f in dataclasses.fields(tp)]
    if any(not f.init for f in dataclasses.fields(tp)) or set(order) != set(fields):
        return lambda value: None if value is None else general(value)
    scope: dict[str, Any] = {"tp": tp, "general": general}
    args = []
    for i, name in enumerate(order):
        item, each = f"value[{name!r}]", _items(_hints(tp)[name])
        if fields[name] is _same:
            args.append(item)
        elif each is _same:
            args.append(f"(None if (v := {item}) is None else tuple(v))")
        elif each is not None:
            scope[f"d{i}"] = each
            args.append(f"(None if (v := {item}) is None else tuple(map(d{i}, v)))")
        else:
            scope[f"d{i}"] = fields[name]
            args.append(f"d{i}({item})")
    source = (f"def record(value):\n"
              f"    if value is None:\n"
              f"        return None\n"
              f"    try:\n"
              f"        return tp({', '.join(args)})\n"
              f"    except (KeyError, TypeError):\n"
              f"        return general(value)\n")
    exec(source, scope)
    return scope["record"]


def _items(tp: Any) -> Callable[[Any], Any] | None:
    """The decoder of the items of `tp` when it is a `tuple[X, ...]` (or that or None); None otherwise."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = _optional(tp)
        return None if inner is None else _items(inner)
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _decoder(args[0])
    return None


def _optional(tp: Any) -> Any:
    """X of a union type `X | None`; None for a union of two types or more besides None."""
    inner = [a for a in typing.get_args(tp) if a is not type(None)]
    return inner[0] if len(inner) == 1 else None


def loads(cls: type, text: str) -> Any:
    return from_plain(cls, json.loads(text))


def partial(cls: type, plain: dict, fields: Sequence[str]) -> Any:
    """A `cls` record from its plain form with only `fields` decoded (the others take their defaults)."""
    hints = _hints(cls)
    return cls(**{k: from_plain(hints[k], plain[k]) for k in fields if k in plain})
