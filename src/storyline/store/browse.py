"""What a person browses: stories, a story, a person or organisation, an article, a search.

Every method answers from indexed queries (story members, entity and
stage-4 links per article, full text of articles and entity names: migration 4),
so a page costs what it shows, not what the store holds. Results are plain
dicts and records, ready for a template; nothing here knows HTML.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Mapping, Sequence

from storyline.records import (AnalysedArticle, Article, ArticleDate, ComparedFact, CorpusEntity, MergedEvent, Refusal,
                               Story)
from storyline.store import codec
from storyline.store.readonly import SEARCH, ReadOnlyStore, fts_query

SORTS = {"recent": "json_extract(s.data, '$.last') DESC NULLS LAST, size DESC, s.id",
         "size": "size DESC, json_extract(s.data, '$.last') DESC NULLS LAST, s.id"}
CAST_TYPES = ("PERSON", "ORG")
# of an entity's articles (`ea`, the entity the second parameter names), those that are no copy of another of them
_NO_COPY = ("NOT EXISTS (SELECT 1 FROM articles cp JOIN entity_articles o ON o.article_id = cp.duplicate_of "
            "WHERE cp.id = ea.article_id AND o.entity_id = ?)")


@dataclass(frozen=True)
class StoryFilter:
    """What the stories list shows: words (full text), dates (ISO days), an outlet, a person's name; order, page."""

    q: str = ""
    since: date | None = None
    until: date | None = None
    outlet: str = ""
    person: str = ""
    sort: str = "recent"          # recent | size
    offset: int = 0
    limit: int = 25


def speaker_key(speaker: str | None, speaker_text: str | None) -> str:
    """Whom a quote is grouped under: its speaker's corpus id when stage 4 resolved one, else the words that
    name the speaker, compared in lower case with single spaces ("The company" and "the company" are one
    speaker; "Officials" and "Workers" two), else "" (unattributed). An entity id always holds a colon
    ("person:..."), words never start with "~"."""
    if speaker:
        return speaker
    words = " ".join((speaker_text or "").split()).casefold()
    return f"~{words}" if words else ""


def speaker_groups(quoted: Mapping[str | None, Sequence[dict]], names: Mapping[str, str]) \
        -> list[tuple[str | None, str, list[dict]]]:
    """A story's quotes by speaker: (speaker corpus id or None, name shown, quotes), most quotes first.

    `quoted`: speaker corpus id (None: unresolved) -> quotes as dicts holding at least `speaker_text`;
    `names`: corpus id -> name. Unresolved quotes are grouped by the words naming their speaker
    (`speaker_key`), each group named as its first quote writes it; quotes naming no speaker are
    "unattributed". A resolved speaker without a known name is named as its first quote writes it.
    """
    groups: dict[str, tuple[str | None, str, list[dict]]] = {}
    for sid, qs in quoted.items():
        for q in qs:
            key = speaker_key(sid, q.get("speaker_text"))
            if key not in groups:
                name = names.get(sid) if sid else None
                groups[key] = (sid, name or " ".join((q.get("speaker_text") or "").split()) or "unattributed", [])
            groups[key][2].append(q)
    return sorted(groups.values(), key=lambda g: (-len(g[2]), g[0] is None, not g[2][0].get("speaker_text"),
                                                  g[1].casefold(), g[0] or ""))


class Browser(ReadOnlyStore):
    """The web app's and the dossier's view of a store (read-only; see ReadOnlyStore)."""

    # ------------------------------------------------------------ stories
    def story_list(self, f: StoryFilter = StoryFilter()) -> tuple[int, list[dict]]:
        """(number of live stories matching, one page of them) as {id, title, first, last, size, outlets, people}."""
        where, params = ["s.merged_into IS NULL"], []
        if words := fts_query(f.q, self.dialect):
            where.append(f"s.id IN (SELECT m.story_id FROM articles a JOIN story_members m ON m.article_id = a.id "
                         f"WHERE a.seq IN ({SEARCH[self.dialect]['article_seqs']}))")
            params.append(words)
        if f.since:
            where.append("json_extract(s.data, '$.last') >= ?")
            params.append(f.since.isoformat())
        if f.until:
            where.append("json_extract(s.data, '$.first') <= ?")
            params.append(f.until.isoformat())
        if f.outlet:
            where.append("EXISTS (SELECT 1 FROM json_each(s.data, '$.outlets') WHERE value = ?)")
            params.append(f.outlet)
        if f.person:
            ids = [e["id"] for e in self.entities_named(f.person, types=("PERSON",), limit=50)]
            where.append(f"s.id IN (SELECT m.story_id FROM entity_articles ea JOIN story_members m "
                         f"ON m.article_id = ea.article_id WHERE ea.entity_id IN ({','.join('?' * len(ids))}))"
                         if ids else "0 = 1")     # PostgreSQL has no empty IN list
            params += ids
        sql = " AND ".join(where)
        total = self._one(f"SELECT COUNT(*) FROM stories s WHERE {sql}", params)[0]
        rows = self._rows(f"SELECT s.data, (SELECT COUNT(*) FROM story_members m WHERE m.story_id = s.id) AS size "
                          f"FROM stories s WHERE {sql} ORDER BY {SORTS.get(f.sort, SORTS['recent'])} LIMIT ? OFFSET ?",
                          (*params, f.limit, f.offset))
        stories = list(zip(self.with_spans(codec.loads(Story, data) for data, _ in rows), (size for _, size in rows)))
        names = self.names(p for s, _ in stories for p in s.people[:3])
        return total, [{"id": s.id, "title": s.title, "first": s.first, "last": s.last, "size": size,
                        "outlets": s.outlets, "people": [(p, names[p][0]) for p in s.people[:3] if p in names]}
                       for s, size in stories]

    def outlets(self, limit: int = 200) -> list[str]:
        """The outlets with most articles (for a filter), by name."""
        return sorted(r[0] for r in self._rows(
            "SELECT json_extract(data, '$.outlet') FROM articles WHERE json_extract(data, '$.outlet') IS NOT NULL "
            "GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT ?", (limit,)))

    def story_page(self, story_id: str, quotes_per_speaker: int = 5, speakers: int = 20,
                   claims: int = 80, cast: int = 30, events: int = 200) -> dict[str, Any] | None:
        """Everything a story page shows, or None for an unknown id (follow `live_story_id` for merged ones).

        {story, articles (heads, by date), timeline (TimelineEntry), events (when no timeline is stored: the
        most reported dated events but bare statements, as MergedEvent by date),
        cast [{id, name, type, roles, articles}], quotes [(speaker id or None, speaker name, count, quotes)],
        claims [(ComparedFact, [(evidence, outlet)])], names {entity id: (name, type)}}.
        The longest lists are cut to the given sizes, most salient first.
        """
        story = self.load_story(story_id)
        if story is None:
            return None
        heads = self.article_heads(story.article_ids)
        articles = sorted(heads.values(), key=lambda a: ((a["published"] or {}).get("earliest") or "9999", a["id"]))
        [story] = self.with_spans([story])
        timeline = self.timeline(story_id)
        events = [] if timeline else sorted(
            (codec.loads(MergedEvent, d) for _, d in self._linked(
                "event", story_id, "json_extract(c.data, '$.time.earliest') IS NOT NULL "
                "AND json_extract(c.data, '$.type') != 'statement'",
                "json_array_length(c.data, '$.reports') DESC, c.id", events)),
            key=lambda v: (v.time.earliest, v.id))
        facts = [codec.loads(ComparedFact, d) for _, d in self._linked(
            "fact", story_id, "1 = 1", "CASE json_extract(c.data, '$.status') WHEN 'conflict' THEN 0 "
            "WHEN 'agree' THEN 1 ELSE 2 END, json_extract(c.data, '$.subject'), json_extract(c.data, '$.attribute'), "
            "c.id", claims)]
        copies = {a: h["duplicate_of"] for a, h in heads.items() if h["duplicate_of"] in heads}
        # a copy's claims are its original's, shown once; what an update adds to its first version is still shown
        outlets = {a: h["outlet"] for a, h in self.article_heads(
            e.article_id for f in facts for e in f.evidence).items()}
        people = self._cast(story_id, cast)
        quoted = self._quotes(story_id)
        names = self.names([*(f.subject for f in facts),
                            *(e.source for f in facts for e in f.evidence), *quoted])
        groups = speaker_groups(quoted, {sid: names[sid][0] for sid in quoted if sid in names})[:speakers]
        return {"story": story, "articles": articles, "timeline": timeline, "events": events, "cast": people,
                "quotes": [(sid, name, len(qs), qs[:quotes_per_speaker]) for sid, name, qs in groups],
                "claims": [(f, [(e, outlets.get(e.article_id)) for e in f.evidence if e.article_id not in copies
                                or copies[e.article_id] not in {x.article_id for x in f.evidence}])
                           for f in facts],
                "names": names}

    def _linked(self, kind: str, story_id: str, where: str, order: str, limit: int) -> list[tuple[str, str]]:
        """(id, data) of the first `limit` events or facts (by `order`, among those `where` holds) resting on
        any article of a story."""
        return self._rows(f"SELECT c.id, c.data FROM connected c WHERE c.kind = ? AND c.id IN (SELECT ca.id FROM "
                          f"story_members m JOIN connected_articles ca ON ca.article_id = m.article_id AND ca.kind = ? "
                          f"WHERE m.story_id = ?) AND {where} ORDER BY {order} LIMIT ?", (kind, kind, story_id, limit))

    def _cast(self, story_id: str, n: int) -> list[dict]:
        """The story's most named people and organisations {id, name, type, roles, articles}: `articles` counts
        the articles naming each, a copy of another article of the story not again."""
        rows = self._rows(
            "SELECT c.id, c.data, g.n FROM (SELECT ea.entity_id AS id, COUNT(DISTINCT ea.article_id) AS n "
            "FROM story_members m JOIN entity_articles ea ON ea.article_id = m.article_id "
            "JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? AND NOT EXISTS (SELECT 1 FROM "
            "story_members o WHERE o.story_id = m.story_id AND o.article_id = a.duplicate_of) "
            "GROUP BY ea.entity_id) g JOIN connected c ON c.kind = 'entity' AND c.id = g.id "
            f"WHERE json_extract(c.data, '$.type') IN ({','.join('?' * len(CAST_TYPES))}) "
            "ORDER BY g.n DESC, json_extract(c.data, '$.name'), c.id LIMIT ?", (story_id, *CAST_TYPES, n))
        out = []
        for entity_id, data, count in rows:
            e = json.loads(data)
            out.append({"id": entity_id, "name": e["name"], "type": e["type"], "roles": e.get("roles", []),
                        "articles": count})
        return out

    def _quotes(self, story_id: str) -> dict[str | None, list[dict]]:
        """Speaker corpus id (None: unresolved) -> the story's quotes
        {article_id, kind, text, start, end, speaker_text}, in article arrival order then position; a copy of
        another article of the story repeats none of its original's quotes (an update's new ones are kept)."""
        by: dict[str | None, list[dict]] = defaultdict(list)
        for article_id, value, speaker in self._rows(
                "SELECT m.article_id, q.value, ea.entity_id FROM story_members m "
                "JOIN analyses an ON an.article_id = m.article_id CROSS JOIN json_each(an.data, '$.quotes') q "
                "LEFT JOIN entity_articles ea ON ea.article_id = m.article_id "
                "AND ea.local_id = json_extract(q.value, '$.speaker_entity') JOIN articles a ON a.id = m.article_id "
                "WHERE m.story_id = ? AND NOT EXISTS (SELECT 1 FROM story_members o "
                "JOIN analyses oa ON oa.article_id = o.article_id CROSS JOIN json_each(oa.data, '$.quotes') oq "
                "WHERE o.story_id = m.story_id AND o.article_id = a.duplicate_of "
                "AND json_extract(oq.value, '$.text') = json_extract(q.value, '$.text')) ORDER BY a.seq, q.key",
                (story_id,)):
            q = json.loads(value)
            by[speaker].append({"article_id": article_id, "kind": q["kind"], "text": q["text"], "start": q["start"],
                                "end": q["end"], "speaker_text": (q.get("speaker") or {}).get("text")})
        return by

    # ------------------------------------------------------------ entities
    def entities_named(self, text: str, types: tuple[str, ...] = (), limit: int = 30) -> list[dict]:
        """Corpus entities whose name or aliases hold the words of `text` (best match first): {id, name, type}."""
        words = fts_query(text, self.dialect)
        if not words:
            return []
        rows = self._rows(SEARCH[self.dialect]["entities"], (words, limit * 4))
        return [{"id": i, "name": n, "type": t} for i, n, t in rows if not types or t in types][:limit]

    def entity_page(self, entity_id: str, quotes: int = 100) -> dict[str, Any] | None:
        """{entity (CorpusEntity), stories [{id, title, articles}], roles [(role, first date, last date, articles)],
        quotes [{article_id, date, kind, text, start, end}] by date}; None for an unknown id. A copy of another
        article naming the entity counts for nothing: neither in `articles` nor a role's count nor its quotes."""
        row = self._one("SELECT data FROM connected WHERE kind = 'entity' AND id = ?", (entity_id,))
        if row is None:
            return None
        entity = codec.loads(CorpusEntity, row[0])
        stories = [{"id": sid, "title": json.loads(data)["title"], "articles": n} for sid, data, n in self._rows(
            "SELECT s.id, s.data, COUNT(DISTINCT ea.article_id) AS n FROM entity_articles ea "
            "JOIN story_members m ON m.article_id = ea.article_id JOIN stories s ON s.id = m.story_id "
            f"WHERE ea.entity_id = ? AND {_NO_COPY} GROUP BY s.id ORDER BY n DESC, s.id", (entity_id, entity_id))]
        roles: dict[str, list] = {}
        said = []
        for article_id, day, local, value in self._rows(
                "SELECT ea.article_id, json_extract(a.data, '$.published.earliest'), e.value, an.data "
                "FROM entity_articles ea JOIN articles a ON a.id = ea.article_id "
                "JOIN analyses an ON an.article_id = ea.article_id JOIN json_each(an.data, '$.entities') e "
                f"ON json_extract(e.value, '$.id') = ea.local_id WHERE ea.entity_id = ? AND {_NO_COPY}",
                (entity_id, entity_id)):
            local = json.loads(local)
            for role in local.get("roles", []):
                seen = roles.setdefault(role, [day, day, set()])
                if day:
                    seen[0] = min(filter(None, (seen[0], day)))
                    seen[1] = max(filter(None, (seen[1], day)))
                seen[2].add(article_id)
            for q in json.loads(value).get("quotes", []):
                if q.get("speaker_entity") == local["id"]:
                    said.append({"article_id": article_id, "date": day, "kind": q["kind"], "text": q["text"],
                                 "start": q["start"], "end": q["end"]})
        said.sort(key=lambda q: (q["date"] or "9999", q["article_id"], q["start"]))
        return {"entity": entity, "stories": stories,
                "roles": sorted(((r, lo, hi, len(ids)) for r, (lo, hi, ids) in roles.items()),
                                key=lambda r: (r[1] or "9999", r[0])),
                "quotes": said[:quotes], "quote_count": len(said)}

    # ------------------------------------------------------------ articles
    def article_page(self, article_id: str) -> dict[str, Any] | None:
        """{article (Article; one the clean stage left undated carries the interval stage 4 gave it), analysis
        (AnalysedArticle or None; the time expressions stage 4 valued with that interval as valued), corpus
        {local entity id: corpus id}, names {corpus id: (name, type)}, stories [{id, title}]}; None for an
        unknown id."""
        row = self._one("SELECT data FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        found = self._one("SELECT data FROM analyses WHERE article_id = ?", (article_id,))
        corpus = dict(self._rows("SELECT local_id, entity_id FROM entity_articles WHERE article_id = ?", (article_id,)))
        stories = [{"id": sid, "title": json.loads(data)["title"]} for sid, data in self._rows(
            "SELECT s.id, s.data FROM story_members m JOIN stories s ON s.id = m.story_id WHERE m.article_id = ?",
            (article_id,))]
        article = codec.loads(Article, row[0])
        analysis = codec.loads(AnalysedArticle, found[0]) if found else None
        if dated := self._one("SELECT data FROM connected WHERE kind = 'date' AND id = ?", (article_id,)):
            dated = codec.loads(ArticleDate, dated[0])
            article = replace(article, published=dated.published)
            valued = {(t.start, t.end): t for t in dated.times}
            if analysis and valued:
                analysis = replace(analysis, time_expressions=tuple(valued.get((t.start, t.end), t)
                                                                    for t in analysis.time_expressions))
        return {"article": article,
                "analysis": analysis,
                "corpus": corpus, "names": self.names(corpus.values()), "stories": stories}

    def search_articles(self, text: str, limit: int = 30) -> list[dict]:
        """Article heads whose title or text hold the words of `text`, best match first."""
        words = fts_query(text, self.dialect)
        if not words:
            return []
        ids = [r[0] for r in self._rows(SEARCH[self.dialect]["article_ids"], (words, limit))]
        heads = self.article_heads(ids)
        return [heads[i] for i in ids if i in heads]

    def refusals(self) -> list[Refusal]:
        return [Refusal(s, r) for s, r in self._rows("SELECT source, reason FROM refusals ORDER BY sort_key, source")]

    def warnings(self) -> list[dict]:
        """The warnings about stored articles, as the export lists them ({source, article_id, warning})."""
        return [{"source": s, "article_id": a, "warning": m} for s, a, m in self._rows(
            "SELECT source, article_id, message FROM warnings ORDER BY sort_key, source, position")]

    def counts(self) -> dict[str, int]:
        """{articles, stories, entities, refused} for a page footer."""
        one = lambda sql: self._one(sql)[0]  # noqa: E731
        return {"articles": one("SELECT COUNT(*) FROM articles"),
                "stories": one("SELECT COUNT(*) FROM stories WHERE merged_into IS NULL"),
                "entities": one("SELECT COUNT(*) FROM connected WHERE kind = 'entity'"),
                "refused": one("SELECT COUNT(*) FROM refusals")}
