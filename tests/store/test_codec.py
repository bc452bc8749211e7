"""The record codec (store/codec.py): generated decoders give what the general way gives, field by field."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.records import (AnalysedArticle, ArticleDate, CorpusEntity, DateRange, Entity, Event, Mention, Quote,
                               TimeExpression)
from storyline.store import codec
from storyline.store.codec import dumps, from_plain, loads, to_plain


@pytest.mark.parametrize("tp, plain, expected", [
    (Mention, {"end": 4, "start": 1, "text": "Ann"}, Mention(1, 4, "Ann")),                      # every field
    (Mention, {"start": 1, "end": 4}, None),                                                      # one missing
    (Entity, {"id": "e1", "name": "Ann", "type": "PERSON"}, Entity("e1", "Ann", "PERSON")),      # defaults
    (Mention, {"start": 1, "end": 4, "text": "Ann", "old": 1}, Mention(1, 4, "Ann")),           # unknown: ignored
    (Mention, {"start": 1, "end": 4, "old": 1}, None),                                       # one unknown, one missing
    (Mention, None, None),
    (Quote, {"start": 0, "end": 9, "text": "t", "kind": "direct", "content_spans": [[1, 2, 3], [4, 5]],
             "speaker": None, "speaker_entity": None, "cue": {"start": 0, "end": 1, "text": "s"}},
     Quote(0, 9, "t", "direct", ((1, 2), (4, 5)), None, None, Mention(0, 1, "s"))),          # fixed tuples: first two
    (CorpusEntity, {"id": "p", "name": "A", "type": "PERSON", "aliases": None, "roles": ["r"], "members": None},
     CorpusEntity("p", "A", "PERSON", None, ("r",), None)),                                     # null tuples stay None
    (ArticleDate, {"article_id": "a1", "published": {"earliest": "2022-01-02", "latest": None, "reason": "x"}},
     ArticleDate("a1", DateRange(date(2022, 1, 2), None, "x"))),
    (TimeExpression, {"start": 0, "end": 4, "text": "May", "type": "DATE", "value": "2022-05", "earliest": "2022-05-01",
                      "latest": "2022-05-31", "mod": None},
     TimeExpression(0, 4, "May", "DATE", "2022-05", date(2022, 5, 1), date(2022, 5, 31))),
])
def test_plain_objects_decode_whole_or_partial(tp, plain, expected):
    if expected is None and plain is not None:
        with pytest.raises(TypeError):                  # a required field missing: the dataclass says so
            from_plain(tp, plain)
    else:
        assert repr(from_plain(tp, plain)) == repr(expected)


def _general(tp, value):
    """The general decoder: keyword construction over the known keys (what the generated ones must equal)."""
    import dataclasses
    if value is None:
        return None
    hints = codec._hints(tp)
    return tp(**{k: _value(hints[k], v) for k, v in value.items() if k in hints}) if dataclasses.is_dataclass(tp) \
        else _value(tp, value)


def _value(tp, v):
    import types
    import typing
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _value(inner[0], v) if len(inner) == 1 else v
    if v is None:
        return None
    if hasattr(tp, "__dataclass_fields__"):
        return _general(tp, v)
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], x) for x in v)
        return tuple(_value(a, x) for a, x in zip(args, v))
    return date.fromisoformat(v) if tp is date else v


texts = st.text(max_size=8)
ints = st.integers(0, 99)
mentions = st.builds(Mention, ints, ints, texts)
ranges = st.none() | st.builds(DateRange, st.none() | st.dates(), st.none() | st.dates(), texts)


@settings(max_examples=60, deadline=None)
@given(st.builds(AnalysedArticle, texts,
                 entities=st.lists(st.builds(Entity, texts, texts, texts, st.lists(mentions, max_size=3).map(tuple),
                                             st.lists(texts, max_size=2).map(tuple)), max_size=3).map(tuple),
                 time_expressions=st.lists(st.builds(TimeExpression, ints, ints, texts, texts, texts,
                                                     st.none() | st.dates()), max_size=2).map(tuple),
                 quotes=st.lists(st.builds(Quote, ints, ints, texts, texts, st.lists(st.tuples(ints, ints), max_size=2)
                                           .map(tuple), st.none() | mentions), max_size=2).map(tuple),
                 events=st.lists(st.builds(Event, texts, mentions, mentions, time=ranges), max_size=2).map(tuple)))
def test_any_analysis_round_trips_and_decodes_as_the_general_way(a):
    assert loads(AnalysedArticle, dumps(a)) == a
    assert repr(from_plain(AnalysedArticle, to_plain(a))) == repr(_general(AnalysedArticle, to_plain(a)))
