"""The export's collections a page at a time, for the JSON API.

Each collection comes in the order `export.json` lists it, with the same
numbering (`t12`, `q7`), so that concatenating the pages gives the export's
lists. Stage-3 items are read out of the stored analyses by SQLite's JSON
functions (PostgreSQL's stand-ins: store/postgres_schema.py), one page's
worth, never the whole corpus into Python.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from storyline.records import (Article, ArticleDate, ComparedFact, CorpusEntity, MergedEvent, Mention, Quote, Refusal,
                               Story, TimeExpression)
from storyline.store import codec
from storyline.store.readonly import ReadOnlyStore

COLLECTIONS = ("articles", "entities", "time_expressions", "events", "quotes", "stories", "facts", "refusals",
               "warnings")


class Pages(ReadOnlyStore):
    """Collections of the export, paginated (read-only; see ReadOnlyStore)."""

    def page(self, collection: str, offset: int, limit: int) -> tuple[int, list[Any]]:
        """(total, items) of one collection, items `offset` to `offset + limit` (0-based). Items are:

        articles: (Article, the interval stage 4 gave it or None); entities: (CorpusEntity,
        [(article id, Mention)]); time_expressions: (number, article id, TimeExpression); quotes:
        (number, article id, Quote, speaker corpus id);
        events: MergedEvent; facts: ComparedFact; stories: (Story, timeline entries); refusals: Refusal;
        warnings: (source, article id, message).
        Raises KeyError for an unknown collection.
        """
        if collection not in COLLECTIONS:
            raise KeyError(collection)
        method: Callable[[int, int], tuple[int, list[Any]]] = getattr(self, f"_{collection}")
        return method(max(offset, 0), max(limit, 0))

    def _articles(self, offset, limit):
        rows = self._rows("SELECT a.data, c.data FROM articles a LEFT JOIN connected c ON c.kind = 'date' "
                          "AND c.id = a.id ORDER BY a.seq LIMIT ? OFFSET ?", (limit, offset))
        return self._count("SELECT COUNT(*) FROM articles"), [
            (codec.loads(Article, d), codec.loads(ArticleDate, dated).published if dated else None)
            for d, dated in rows]

    def _connected(self, kind, cls, offset, limit):
        rows = self._rows("SELECT data FROM connected WHERE kind = ? ORDER BY id LIMIT ? OFFSET ?",
                          (kind, limit, offset))
        return self._count("SELECT COUNT(*) FROM connected WHERE kind = ?", (kind,)), [codec.loads(cls, d)
                                                                                     for d, in rows]

    def _events(self, offset, limit):
        return self._connected("event", MergedEvent, offset, limit)

    def _facts(self, offset, limit):
        return self._connected("fact", ComparedFact, offset, limit)

    def _entities(self, offset, limit):
        total, entities = self._connected("entity", CorpusEntity, offset, limit)
        items = []
        for e in entities:
            mentions = [(aid, codec.from_plain(Mention, m)) for aid, value in self._rows(
                "SELECT ea.article_id, json_extract(le.value, '$.mentions') FROM entity_articles ea "
                "JOIN analyses an ON an.article_id = ea.article_id JOIN json_each(an.data, '$.entities') le "
                "ON json_extract(le.value, '$.id') = ea.local_id WHERE ea.entity_id = ? ORDER BY ea.rowid", (e.id,))
                for m in json.loads(value or "[]")]
            items.append((e, mentions))
        return total, items

    def _stage3(self, field: str, offset: int, limit: int, extra: str = "", join: str = "") -> tuple[int, list]:
        total = self._count(f"SELECT COALESCE(SUM(json_array_length(data, '$.{field}')), 0) FROM analyses")
        rows = self._rows(f"SELECT a.id, x.value{extra} FROM articles a JOIN analyses an ON an.article_id = a.id "
                          f"CROSS JOIN json_each(an.data, '$.{field}') x {join} ORDER BY a.seq, x.key LIMIT ? OFFSET ?",
                          (limit, offset))
        return total, rows

    def _time_expressions(self, offset, limit):
        """Stage 3's, those that stage 4 valued again with an article's date (`ArticleDate.times`) as valued."""
        total, rows = self._stage3("time_expressions", offset, limit, ", c.data",
                                   "LEFT JOIN connected c ON c.kind = 'date' AND c.id = a.id")
        items = []
        for i, (aid, v, dated) in enumerate(rows):
            t = codec.loads(TimeExpression, v)
            valued = {(x.start, x.end): x for x in codec.loads(ArticleDate, dated).times} if dated else {}
            items.append((offset + i + 1, aid, valued.get((t.start, t.end), t)))
        return total, items

    def _quotes(self, offset, limit):
        total, rows = self._stage3("quotes", offset, limit, ", ea.entity_id",
                                   "LEFT JOIN entity_articles ea ON ea.article_id = a.id "
                                   "AND ea.local_id = json_extract(x.value, '$.speaker_entity')")
        return total, [(offset + i + 1, aid, codec.loads(Quote, v), sid) for i, (aid, v, sid) in enumerate(rows)]

    def _stories(self, offset, limit):
        ids = [r[0] for r in self._rows("SELECT id FROM main.stories ORDER BY rowid LIMIT ? OFFSET ?", (limit, offset))]
        stories = self.with_spans(self.load_story(sid, "main.") or self._merged(sid) for sid in ids)
        items = [(s, timeline, self._event_ids(timeline)) for s in stories for timeline in [self.timeline(s.id)]]
        return self._count("SELECT COUNT(*) FROM main.stories"), items

    def _event_ids(self, timeline) -> dict[tuple[str, int], str]:
        """(article id, event index) -> merged event id, for the events a timeline refers to."""
        articles = sorted({aid for entry in timeline for aid, _ in entry.events})
        out = {}
        for aid in articles:
            for (data,) in self._rows("SELECT c.data FROM connected_articles ca JOIN connected c ON c.kind = ca.kind "
                                      "AND c.id = ca.id WHERE ca.article_id = ? AND ca.kind = 'event'", (aid,)):
                event = codec.loads(MergedEvent, data)
                out.update(((r.evidence.article_id, r.index), event.id) for r in event.reports)
        return out

    def _merged(self, story_id: str) -> Story:
        return codec.loads(Story, self._one("SELECT data FROM main.stories WHERE id = ?", (story_id,))[0])

    def _refusals(self, offset, limit):
        rows = self._rows("SELECT source, reason FROM refusals ORDER BY sort_key, source LIMIT ? OFFSET ?",
                          (limit, offset))
        return self._count("SELECT COUNT(*) FROM refusals"), [Refusal(s, r) for s, r in rows]

    def _warnings(self, offset, limit):
        rows = self._rows("SELECT source, article_id, message FROM warnings ORDER BY sort_key, source, position "
                          "LIMIT ? OFFSET ?", (limit, offset))
        return self._count("SELECT COUNT(*) FROM warnings"), [tuple(r) for r in rows]

    def _count(self, sql: str, params=()) -> int:
        return self._one(sql, params)[0]
