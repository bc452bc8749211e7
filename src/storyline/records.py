"""The typed records that pass between stages.

Every stage takes and returns these frozen dataclasses, never a database row or
a spaCy object, so that a stage can run in another process (or on Spark) and
its output can be cached, stored and exported without knowing who made it.
Offsets are Python string indices into `Article.text`, end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping


@dataclass(frozen=True)
class RawDoc:
    """Stage 1 output: the bytes of one article and where they came from.

    `hints` carries what the container knew about the document (a WARC
    target URI, a feed item's title and date, the fields of a JSON Lines
    record); stage 2 decides what to trust.
    """

    source: str                      # file path, or path#fragment inside an archive / feed
    kind: str                        # text | markdown | html | jsonl
    body: bytes
    hints: Mapping[str, Any] = field(default_factory=dict)
    encoding: str | None = None      # declared encoding (HTTP header, JSON is always UTF-8)


@dataclass(frozen=True)
class Refusal:
    """An input that could not become an article, with a one-line reason."""

    source: str
    reason: str


@dataclass(frozen=True)
class DateRange:
    """A closed calendar interval; either end may be open (None).

    A publication date is a DateRange rather than a date because a text often
    only bounds it ("expected on August 5" puts it before that day).
    """

    earliest: date | None
    latest: date | None
    reason: str = ""

    @property
    def exact(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest


@dataclass(frozen=True)
class Article:
    """Stage 2 output: the cleaned story text and its metadata."""

    id: str
    source: str
    text: str
    content_hash: str                # hash of the input bytes: the idempotence key
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()    # agencies credited: AP, AFP, Reuters ...
    published: DateRange | None = None
    kind: str = "text"
    captions: tuple[str, ...] = ()   # photo captions removed from the text (their dates bound `published`)
    duplicate_of: str | None = None  # set when the store finds an earlier copy


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3 time expression resolved against the article's anchor date."""

    start: int
    end: int
    text: str
    type: str                        # DATE | TIME | DURATION | SET
    value: str                       # TIMEX3 value: 2022-12-09, 2022-W50, P2W, PRESENT_REF, XXXX-08-05 ...
    earliest: date | None = None     # calendar interval, when the value is one
    latest: date | None = None
    mod: str | None = None           # TIMEX3 mod: BEFORE, AFTER, START, END, APPROX ...


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """One real-world referent within an article (stage 3) or the corpus (stage 4)."""

    id: str
    name: str
    type: str                        # PERSON | ORG | GPE | LOC | NORP | ...
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str                        # direct | indirect | mixed
    content_spans: tuple[tuple[int, int], ...] = ()
    speaker: Mention | None = None
    speaker_entity: str | None = None
    cue: Mention | None = None


@dataclass(frozen=True)
class Event:
    type: str
    trigger: Mention
    sentence: Mention                # the evidence sentence
    participants: tuple[tuple[str, str], ...] = ()   # (role, entity id)
    place: str | None = None
    time: DateRange | None = None    # None: undated
    modality: str = "actual"         # actual | expected | possible | negated


@dataclass(frozen=True)
class Fact:
    subject: str                     # entity id
    attribute: str
    value: str
    evidence: Mention
    status: str = "single"           # agree | conflict | single (decided across articles)


@dataclass(frozen=True)
class AnalysedArticle:
    """Stage 3 output: what an analyst reads in one article."""

    article_id: str
    entities: tuple[Entity, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class Story:
    """Stage 4 output: the articles that tell one real-world happening or thread.

    `title` is the most central headline of the story; `people`,
    `organisations` and `places` are its most salient names, most salient
    first; `first`/`last` bound the publication dates of its dated articles.
    A story merged into another keeps its id with `merged_into` set and no
    articles, so that an id once handed out always resolves.
    """

    id: str
    title: str
    article_ids: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    first: date | None = None
    last: date | None = None
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    merged_into: str | None = None
