"""The one interface every store implements.

Stages never see the store: the runner hands it records. Keeping the surface
this small is what lets PostgreSQL stand in for SQLite: both implement it with
the same SQL (store/sql.py; store/sqlite.py, store/postgres.py).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Protocol, Sequence

from storyline.records import AnalysedArticle, Article, ArticleDate, Connected, Refusal, Story, TimelineEntry


class Store(Protocol):
    def stored_input(self, source: str, content_hash: str) -> tuple[str, str] | None:
        """(article id, clean-stage version) of the article made from this exact input, if stored."""

    def source_of(self, article_id: str) -> str | None:
        """The input (source) of the article stored under this id, or None when the id is free."""

    def add_article(self, article: Article, signature: list[int] | None = None, text_hash: str = "",
                    version: str = "") -> Article | None:
        """Store one cleaned article, atomically, with its duplicate keys (dedup.text_hash, dedup.signature),
        the version of the clean stage that made it and its warnings; returns it as stored (None: another
        run stored its input meanwhile)."""

    def unclash(self, article: Article) -> Article:
        """The article with an id no other input's article holds (renamed with a warning when taken)."""

    def remove_article(self, article_id: str) -> None:
        """Forget an article whose input changed, with everything read from it."""

    def add_refusal(self, refusal: Refusal, content_hash: str | None = None) -> None:
        """Record an input that could not become an article; a repeat replaces the old reason."""

    def find_duplicate(self, text_hash: str, signature: list[int] | None, threshold: float = 0.8,
                       article: Article | None = None) -> str | None:
        """The id of the earliest article this one copies (same words, or estimated Jaccard >= threshold) or,
        given the `article`, is a version of (dedup.is_version: its outlet's update of one story)."""

    def add_analysis(self, analysis: AnalysedArticle, version: str) -> None:
        """Store what stage 3 read in one article, replacing an older version."""

    def analysis(self, article_id: str, version: str) -> AnalysedArticle | None:
        """What stage 3 read in this article, if stored at this version."""

    def analyses(self, parts: Sequence[str] | None = None) -> Iterator[AnalysedArticle]:
        """Every stored analysis, in article order, whatever its version; with `parts`, only those fields."""

    def articles_in(self, article_ids: Sequence[str]) -> list[Article]:
        """The stored articles among these ids, in arrival order."""

    def analyses_in(self, article_ids: Sequence[str], parts: Sequence[str] | None = None) -> list[AnalysedArticle]:
        """The stored analyses of these articles, in article order; with `parts`, only those fields."""

    def set_connected(self, connected: Connected, source: str | None = None) -> None:
        """Replace the stage-4 records (corpus entities, compared facts) in one transaction, rewriting only
        the rows that changed; `source` names what they were computed from."""

    def dates_in(self, article_ids: Sequence[str]) -> list[ArticleDate]:
        """The stage-4 dates (`Connected.dates`) of those of these articles stage 4 dated, by article id."""

    def connected_source(self) -> str | None:
        """The `source` the last `set_connected` was given (None: none)."""

    def connected(self) -> Connected: ...

    def articles(self) -> Iterator[Article]: ...

    def unread(self, version: str, after: int = 0, limit: int = 100) -> list[tuple[int, Article]]:
        """(arrival number, article) for the first `limit` articles after `after` lacking an analysis at
        `version`, in arrival order."""

    def count_unread(self, version: str) -> int:
        """How many articles lack an analysis at `version`."""

    def refusals(self) -> Iterator[Refusal]: ...

    def warnings(self) -> Iterator[tuple[str, str, str]]:
        """(source, article id, message) of the warnings about stored articles, in the order of refusals."""

    def counts(self) -> dict[str, int]: ...

    # stage-4 stories and timelines (store/story_tables.py)
    def save_stories(self, rows) -> None:
        """Write (story, clustering state, look-up keys, activity) rows in one transaction."""

    def stories(self) -> Iterator[Story]: ...

    def story(self, story_id: str) -> Story | None:
        """The live story an id stands for, following merges; None if unknown."""

    def timeline_keys(self) -> dict[str, str]:
        """Story id -> the key its stored timeline was computed from."""

    def save_timeline(self, story_id: str, key: str, entries: Iterable[TimelineEntry]) -> None: ...

    def drop_timelines(self, story_ids: Iterable[str]) -> None: ...

    def analysed_ids(self, version: str) -> set[str]: ...

    def timelines(self) -> Iterator[tuple[str, tuple[TimelineEntry, ...]]]: ...

    # stage 4's connect parts per story (store/connect_tables.py, connect/cached.py)
    def connect_part_keys(self) -> dict[str, str]:
        """Story id -> the key its stored connect part was computed from."""

    def connect_parts(self, story_ids: Sequence[str]) -> list[tuple[str, str, str]]:
        """(story id, key, part document) of these stories' parts."""

    def save_connect_parts(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Store (story id, key, part document) rows, replacing older parts."""

    def drop_connect_parts(self, story_ids: Iterable[str]) -> None: ...

    def connected_story_keys(self) -> dict[str, str]:
        """Story id -> the key of the part its stored stage-4 records were made from."""

    def story_entities(self, story_ids: Sequence[str]) -> list[tuple[str, int, str, str]]:
        """(story id, position, corpus id, document) of these stories' stored story entities."""

    def story_entities_with_keys(self, keys: Sequence[str]) -> list[tuple[str, int, str, str]]:
        """The stored story entities (as `story_entities`) holding any of these keys."""

    def update_connected(self, stories, dropped, entities, moved, rewritten, gone, records, source: str,
                         everything: bool = False) -> None:
        """Rewrite the stage-4 records of some stories and what they touch (store/connect_tables.py)."""

    def connect_sources(self) -> Iterator[tuple[str, int, str, str, str | None, str | None]]:
        """(article id, arrival number, content hash, clean version, duplicate_of, stage-3 version or None)."""

    def close(self) -> None: ...
