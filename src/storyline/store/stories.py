"""The store's tables for stage 4: stories, their members and look-up keys, term frequencies, embeddings.

A mixin of the SQL store (store/sql.py; it uses `self.db`). A story row
holds the Story record (without its article ids: membership lives in `story_members`, one
row per article, so moving members on a merge is one UPDATE) and stage 4's
clustering state as an opaque blob. `story_keys` is the inverted index that
finds candidate stories for new articles without reading every story.
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Container, Iterable, Iterator, Mapping, Sequence

from storyline.records import AnalysedArticle, Article, Entity, Mention, Story, TimeExpression
from storyline.store import codec

CHUNK = 500     # values bound in one IN (...) clause


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# direct readers of the record types stage 4 reads in bulk (the generic codec costs ten times more)
_READ = {
    "entities": lambda d: Entity(d["id"], d["name"], d["type"],
                                 tuple(Mention(m["start"], m["end"], m["text"]) for m in d.get("mentions") or ()),
                                 tuple(d.get("aliases") or ()), tuple(d.get("roles") or ())),
    "time_expressions": lambda d: TimeExpression(d["start"], d["end"], d["text"], d["type"], d["value"],
                                                 _day(d.get("earliest")), _day(d.get("latest")), d.get("mod")),
}


def _chunks(items: Sequence, n: int = CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


class StoryTables:
    # ------------------------------------------------------------ stories
    def unstoried(self, limit: int, after: int = 0) -> list[tuple[int, Article]]:
        """(arrival number, article) for the first `limit` articles after arrival number `after` in no story
        yet, in arrival order (a caller that placed every article up to `after` passes it: the scan starts
        there instead of going again through the articles it placed)."""
        rows = self.db.execute("SELECT a.seq, a.data FROM articles a LEFT JOIN story_members m "
                               "ON m.article_id = a.id WHERE m.article_id IS NULL AND a.seq > ? "
                               "ORDER BY a.seq LIMIT ?", (after, limit))
        return [(seq, codec.loads(Article, data)) for seq, data in rows]

    def analyses_of(self, article_ids: Sequence[str], version: str,
                 parts: Sequence[str] = tuple(_READ)) -> dict[str, AnalysedArticle]:
        """Stage-3 analyses of these articles at `version` with only the fields `parts` (entities,
        time_expressions) filled: decoding a whole analysis, quotes and events included, costs ten
        times more than stage 4 needs."""
        found: dict[str, AnalysedArticle] = {}
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            for aid, data in self.db.execute(f"SELECT article_id, data FROM analyses WHERE version = ? "
                                             f"AND article_id IN ({marks})", (version, *chunk)):
                plain = json.loads(data)
                found[aid] = AnalysedArticle(aid, **{k: tuple(_READ[k](x) for x in plain.get(k) or ())
                                                     for k in parts})
        return found

    def _live(self, story_id: str | None) -> str | None:
        seen = set()
        while story_id is not None and story_id not in seen:
            seen.add(story_id)
            row = self.db.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
            if row is None:
                return None
            if row[0] is None:
                return story_id
            story_id = row[0]
        return None

    def story_of(self, article_id: str) -> str | None:
        """The id of the live story holding an article, or None."""
        row = self.db.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
        return self._live(row[0]) if row else None

    def story(self, story_id: str) -> Story | None:
        """The live story an id stands for, following merges (a merged id stays resolvable); None if unknown."""
        live = self._live(story_id)
        if live is None:
            return None
        (data,) = self.db.execute("SELECT data FROM stories WHERE id = ?", (live,)).fetchone()
        members = tuple(r[0] for r in self.db.execute(
            "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id "
            "WHERE m.story_id = ? ORDER BY a.seq", (live,)))
        return replace(codec.loads(Story, data), article_ids=members)

    def stories(self) -> Iterator[Story]:
        """Every story in creation order, live ones with their article ids (arrival order), merged ones empty."""
        members: dict[str, list[str]] = {}
        for sid, aid in self.db.execute("SELECT m.story_id, m.article_id FROM story_members m "
                                        "JOIN articles a ON a.id = m.article_id ORDER BY a.seq"):
            members.setdefault(sid, []).append(aid)
        for sid, data in self.db.execute("SELECT id, data FROM stories ORDER BY rowid"):
            yield replace(codec.loads(Story, data), article_ids=tuple(members.get(sid, ())))

    def story_states(self, keys: Iterable[int], per_key: int, known: Container[str] = frozenset()) -> list[bytes]:
        """States of the live stories filed under any of `keys`, at most the `per_key` most active per key,
        but for those whose ids are `known` (a caller's stories in memory: neither read nor decoded again)."""
        ids: set[str] = set()
        for chunk in _chunks(sorted(set(keys))):
            marks = ",".join("?" * len(chunk))
            ids.update(r[0] for r in self.db.execute(
                f"SELECT story_id FROM (SELECT story_id, ROW_NUMBER() OVER (PARTITION BY key ORDER BY active DESC)"
                f" AS rank FROM story_keys WHERE key IN ({marks})) AS ranked WHERE rank <= ?", (*chunk, per_key)))
        states = []
        for chunk in _chunks(sorted(i for i in ids if i not in known)):
            marks = ",".join("?" * len(chunk))
            states += [r[0] for r in self.db.execute(
                f"SELECT state FROM stories WHERE id IN ({marks}) AND merged_into IS NULL AND state IS NOT NULL",
                tuple(chunk))]
        return states

    def story_ids_with_state(self) -> set[str]:
        """The ids of the live stories that hold a clustering state: every story `story_states` can give."""
        return {r[0] for r in self.db.execute("SELECT id FROM stories WHERE merged_into IS NULL AND state IS NOT NULL")}

    def save_stories(self, rows: Iterable[tuple[Story, bytes | None, Sequence[int], int]],
                     frequencies: Mapping[int, int] | None = None, docs: int = 0) -> None:
        """Write (story, state, look-up keys, activity) rows and count `docs` articles' terms, in one transaction.

        The story's `article_ids` become (or stay) its members; a story with
        `merged_into` set hands all its members, from every run, to the live story
        its merges lead to (the rows may hold a chain, A into B and B into C, in
        any order). `frequencies` maps a term to the number of the `docs` new articles holding it.
        """
        with self.db:
            if docs:
                self._count_terms(frequencies or {}, docs)
            for story, state, keys, active in rows:
                self.db.execute("INSERT OR REPLACE INTO stories (id, merged_into, active, data, state) "
                                "VALUES (?, ?, ?, ?, ?)",
                                (story.id, story.merged_into, active, codec.dumps(replace(story, article_ids=())),
                                 state))
                self.db.execute("DELETE FROM story_keys WHERE story_id = ?", (story.id,))
                self.db.executemany("INSERT INTO story_keys (key, story_id, active) VALUES (?, ?, ?)",
                                    [(k, story.id, active) for k in dict.fromkeys(keys)])
                self.db.executemany("INSERT OR REPLACE INTO story_members (article_id, story_id) VALUES (?, ?)",
                                    [(aid, story.id) for aid in story.article_ids])
            for story, *_ in rows:                  # every row stored first: the chains end at live stories
                if story.merged_into and (live := self._live(story.id)) is not None:
                    self.db.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (live, story.id))

    # ------------------------------------------------------------ term frequencies
    def term_frequencies(self, terms: Iterable[int]) -> tuple[dict[int, int], int]:
        """({term: number of articles holding it}, number of articles counted) for the given terms."""
        found: dict[int, int] = {}
        for chunk in _chunks(sorted(set(terms))):
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT term, docs FROM term_frequencies WHERE term IN ({marks})",
                                         tuple(chunk)))
        row = self.db.execute("SELECT value FROM meta WHERE key = 'term_docs'").fetchone()
        return found, int(row[0]) if row else 0

    def _count_terms(self, counts: Mapping[int, int], docs: int) -> None:
        self.db.executemany("INSERT INTO term_frequencies (term, docs) VALUES (?, ?) ON CONFLICT (term) "
                            "DO UPDATE SET docs = term_frequencies.docs + excluded.docs",
                            sorted(counts.items()))     # in key order: each index page is visited once
        self.db.execute("INSERT INTO meta (key, value) VALUES ('term_docs', ?) ON CONFLICT (key) DO UPDATE SET "
                        "value = CAST(CAST(meta.value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT)",
                        (str(docs),))

    # ------------------------------------------------------------ embeddings
    def add_embeddings(self, model: str, vectors: Iterable[tuple[str, bytes]]) -> None:
        """Cache (article id, vector bytes) pairs made by `model`."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO embeddings (article_id, model, vector) VALUES (?, ?, ?)",
                                [(aid, model, v) for aid, v in vectors])

    def embeddings(self, article_ids: Sequence[str], model: str) -> dict[str, bytes]:
        """The cached vectors of these articles made by `model` (absent ones left out)."""
        found: dict[str, bytes] = {}
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT article_id, vector FROM embeddings WHERE model = ? "
                                         f"AND article_id IN ({marks})", (model, *chunk)))
        return found
