"""The typed records that pass between stages.

Every stage takes and returns these frozen dataclasses, never a database row or
a spaCy object, so that a stage can run in another process (or on Spark) and
its output can be cached, stored and exported without knowing who made it.
Offsets are Python string indices into `Article.text`, end exclusive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping


@dataclass(frozen=True, slots=True)
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
    text: str | None = None          # `body` decoded by ingest (declared, sniffed or detected encoding)


@dataclass(frozen=True, slots=True)
class Refusal:
    """An input that could not become an article, with a one-line reason."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
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

    @property
    def evidence(self) -> tuple[date | None, date | None]:
        """(earliest, latest), each None where it is open or only the year of the article's story sets it
        (`story_year_ends`): what the interval says of when its story ran."""
        lo, hi = story_year_ends(self.reason)
        return (None if lo else self.earliest), (None if hi else self.latest)


# the words the reason of a stage-4 interval (connect/dating.py) gives an end that only the one year of the
# article's story sets: "after: the start of 2026", "before: the end of 2026", "within 2026", each followed by
# YEAR_OF_STORY
YEAR_OF_STORY = "the year of all the dated articles of its story"
_YEAR_ENDS = re.compile(rf"\b(after: the start of|before: the end of|within) \d{{4}}, {YEAR_OF_STORY}")


def story_year_ends(reason: str | None) -> tuple[bool, bool]:
    """Whether the earliest and the latest end of a publication interval with this reason are only its story's
    year (an undated article placed in the one year of its story's dated articles): such an end says nothing
    of when the article, or its story, ran."""
    found = {m[1] for m in _YEAR_ENDS.finditer(reason or "")}
    return (bool(found & {"after: the start of", "within"}), bool(found & {"before: the end of", "within"}))


@dataclass(frozen=True, slots=True)
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
    duplicate_of: str | None = None  # set when the store finds an earlier copy (or version: clean.dedup)
    warnings: tuple[str, ...] = ()   # what the input got wrong but the article survives, one line each


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent within an article (stage 3) or the corpus (stage 4)."""

    id: str
    name: str
    type: str                        # PERSON | ORG | GPE | LOC | NORP | ...
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str                        # direct | indirect | mixed
    content_spans: tuple[tuple[int, int], ...] = ()
    speaker: Mention | None = None
    speaker_entity: str | None = None
    cue: Mention | None = None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    trigger: Mention
    sentence: Mention                # the evidence sentence
    participants: tuple[tuple[str, str], ...] = ()   # (role, entity id)
    place: str | None = None
    time: DateRange | None = None    # None: undated
    modality: str = "actual"         # actual | expected | possible | negated


@dataclass(frozen=True, slots=True)
class Fact:
    subject: str                     # entity id
    attribute: str
    value: str
    evidence: Mention
    status: str = "single"           # agree | conflict | single (decided across articles)
    source: str | None = None        # entity id of whom the article credits the value to ("according to Unite")


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """Stage 3 output: what an analyst reads in one article."""

    article_id: str
    entities: tuple[Entity, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()


# ---------------------------------------------------------------- stage 4

@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence (or span) of one article that a cross-article record rests on."""

    article_id: str
    start: int
    end: int
    text: str
    source: str | None = None        # corpus entity the article attributes it to (a quote's speaker)


@dataclass(frozen=True, slots=True)
class CorpusEntity:
    """One referent across the corpus: the per-article entities (`members`) that name it."""

    id: str                          # stable slug: person:sergei-lavrov
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    members: tuple[tuple[str, str], ...] = ()   # (article id, per-article entity id)


@dataclass(frozen=True, slots=True)
class ComparedFact:
    """One value of one attribute of one corpus entity, with every article stating it.

    `status` is decided across articles: `agree` (stated by several, no other
    value), `conflict` (another value is stated too), `single` (one article).
    """

    subject: str | None              # corpus entity id
    attribute: str
    value: str
    status: str
    evidence: tuple[Evidence, ...] = ()
    id: str = ""                     # unique in the corpus: the story's id and the fact's number there

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({e.article_id for e in self.evidence}))


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's report of an event: its evidence sentence, trigger word and modality there."""

    evidence: Evidence
    trigger: str
    modality: str
    index: int = -1                  # the event's position in its article's AnalysedArticle.events


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real-world event as every article of a story reports it.

    `modality` is the latest state: an event one article expects and a later
    one reports as done is `actual`, each report keeping its own modality.
    `time` is the narrowest of the reports' overlapping intervals.
    """

    id: str
    type: str
    participants: tuple[tuple[str, str], ...] = ()   # (role, corpus entity id)
    place: str | None = None                         # corpus entity id
    time: DateRange | None = None
    modality: str = "actual"
    reports: tuple[EventReport, ...] = ()

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({r.evidence.article_id for r in self.reports}))


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """A publication interval stage 4 gives an article the clean stage left undated (connect/dating.py), and
    `times`: those of the article's stage-3 time expressions that the interval values further ("February"
    XXXX-02 -> 2022-02), each with the span, type, text and mod it had, in article order; they stand in for
    those expressions wherever the article's time expressions are read after stage 4."""

    article_id: str
    published: DateRange
    times: tuple[TimeExpression, ...] = ()


@dataclass(frozen=True, slots=True)
class Connected:
    """Stage 4 output: what only many articles together tell.
    """

    entities: tuple[CorpusEntity, ...] = ()
    events: tuple[MergedEvent, ...] = ()
    facts: tuple[ComparedFact, ...] = ()
    dates: tuple[ArticleDate, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """Stage 4 output: the articles that tell one real-world happening or thread.

    `title` is the most central headline of the story; `people`,
    `organisations` and `places` are its most salient names (corpus entity
    ids), most salient first; `first`/`last` bound the publication dates of
    its dated articles. A story merged into another keeps its id with
    `merged_into` set and no articles, so that an id once handed out always resolves.
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


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """Stage 4: one dated line of a story's timeline (EXPORT.md `stories[].timeline`).

    `date` is ISO 8601 at the finest granularity the sources allow: a day
    (2022-12-09), else a month (2022-12) or a year (2022). `text` is one
    sentence as printed in article `article_id`, at [start, end) of its text.
    """

    date: str
    text: str
    article_id: str
    start: int
    end: int
    score: float                                  # importance in [0, 1]; higher is more important
    article_ids: tuple[str, ...] = ()             # the articles published on the date or mentioning it
    events: tuple[tuple[str, int], ...] = ()      # (article id, index in its AnalysedArticle.events)
