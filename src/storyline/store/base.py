"""The one interface every store implements.

Stages never see the store: the runner hands it records. Keeping the surface
this small is what lets PostgreSQL (or anything else) stand in for SQLite.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Mapping, Protocol, Sequence

from storyline.records import AnalysedArticle, Article, Refusal, Story


class Store(Protocol):
    def has_input(self, source: str, content_hash: str) -> bool:
        """True when this exact input was already stored or refused."""

    def has_id(self, article_id: str) -> bool: ...

    def has_source(self, source: str) -> bool: ...

    def add_article(self, article: Article, signature: list[int] | None = None, text_hash: str = "") -> None:
        """Store one cleaned article, atomically, with its duplicate keys (dedup.text_hash, dedup.signature)."""

    def remove_article(self, article_id: str) -> None:
        """Forget an article whose input changed, with everything read from it."""

    def add_refusal(self, refusal: Refusal, content_hash: str | None = None) -> None:
        """Record an input that could not become an article; a repeat replaces the old reason."""

    def find_duplicate(self, text_hash: str, signature: list[int] | None, threshold: float = 0.8) -> str | None:
        """The id of the earliest article this one copies: same words, or estimated Jaccard >= threshold."""

    def update_published(self, article: Article) -> None:
        """Replace an article's publication date (cross-article reasoning refines it); it is read again."""

    def add_analysis(self, analysis: AnalysedArticle, version: str) -> None:
        """Store what stage 3 read in one article, replacing an older version."""

    def analysis(self, article_id: str, version: str) -> AnalysedArticle | None: ...

    def articles(self) -> Iterator[Article]: ...

    def refusals(self) -> Iterator[Refusal]: ...

    def counts(self) -> dict[str, int]: ...

    # stage 4 stories (store/stories.py)
    def unstoried(self, limit: int) -> list[tuple[int, Article]]:
        """(arrival number, article) for the first `limit` articles in no story yet, in arrival order."""

    def analyses(self, article_ids: Sequence[str], version: str,
                 parts: Sequence[str] = ("entities", "time_expressions")) -> dict[str, AnalysedArticle]:
        """Stage-3 analyses of these articles with only the fields `parts` decoded."""

    def story_of(self, article_id: str) -> str | None: ...

    def story(self, story_id: str) -> Story | None:
        """The live story an id stands for, following merges."""

    def stories(self) -> Iterator[Story]: ...

    def story_states(self, keys: Iterable[int], per_key: int) -> list[bytes]: ...

    def save_stories(self, rows: Iterable[tuple[Story, bytes | None, Sequence[int], int]],
                     frequencies: Mapping[int, int] | None = None, docs: int = 0) -> None:
        """Stories (record, state, look-up keys, activity) and the new articles' term counts, atomically."""

    def term_frequencies(self, terms: Iterable[int]) -> tuple[dict[int, int], int]: ...

    def add_embeddings(self, model: str, vectors: Iterable[tuple[str, bytes]]) -> None: ...

    def embeddings(self, article_ids: Sequence[str], model: str) -> dict[str, bytes]: ...

    def close(self) -> None: ...
