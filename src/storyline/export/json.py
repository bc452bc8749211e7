"""The JSON export: the contract with every scorer (../shared/eval/EXPORT.md).

Written from the store alone, running no stage, so `storyline export` gives
the same file as the run that filled the store. Per-article entity ids are
replaced by the corpus ids stage 4 stored, so that every quote, event and
fact points to the same entity wherever it was read.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from storyline.records import (AnalysedArticle, Article, ComparedFact, CorpusEntity, DateRange, Evidence, MergedEvent,
                               Mention, Quote, Refusal, Story, TimeExpression, TimelineEntry)
from storyline.store import SQLiteStore
from storyline.store.readonly import spanned


def _range(r: DateRange | None) -> dict | None:
    if r is None or (r.earliest is None and r.latest is None):
        return None
    return {"earliest": r.earliest and r.earliest.isoformat(), "latest": r.latest and r.latest.isoformat(),
            "reason": r.reason}


def published(a: Article, dated: DateRange | None = None) -> DateRange | None:
    """An article's publication interval as exported: `dated`, the one stage 4 gave it (connect/dating.py: to an
    undated article, or within the open interval of its own), else its own."""
    return a.published if dated is None else dated


def article(a: Article, dated: DateRange | None = None) -> dict:
    """An article; `dated` is the interval stage 4 gave it (connect/dating.py), used in place of its own."""
    when = published(a, dated)
    return {"id": a.id, "path": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
            "published": _range(when),
            "published_reason": when.reason if when else "no date found",
            "byline": list(a.byline), "credits": list(a.credits), "duplicate_of": a.duplicate_of,
            "kind": a.kind, "captions": list(a.captions), "text": a.text}


def entity(e: CorpusEntity, mentions: Iterable[tuple[str, Mention]]) -> dict:
    """A corpus entity with its mentions, (article id, mention) in the order of its members."""
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "roles": list(e.roles),
            "article_ids": sorted({aid for aid, _ in e.members}),
            "mentions": [{"article_id": aid, "start": m.start, "end": m.end, "text": m.text} for aid, m in mentions]}


def time_expression(n: int, article_id: str, t: TimeExpression) -> dict:
    """The `n`th time expression of the export (1-based, in article order)."""
    return {"id": f"t{n}", "article_id": article_id, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
            "value": t.value, "mod": t.mod, "earliest": t.earliest and t.earliest.isoformat(),
            "latest": t.latest and t.latest.isoformat()}


def quote(n: int, article_id: str, q: Quote, speaker: str | None) -> dict:
    """The `n`th quote of the export (1-based, in article order); `speaker` is its corpus entity id."""
    return {"id": f"q{n}", "article_id": article_id, "speaker": speaker,
            "speaker_text": q.speaker.text if q.speaker else None,
            "speaker_start": q.speaker.start if q.speaker else None,
            "speaker_end": q.speaker.end if q.speaker else None,
            "cue": q.cue.text if q.cue else None, "cue_start": q.cue.start if q.cue else None,
            "cue_end": q.cue.end if q.cue else None, "kind": q.kind, "text": q.text,
            "start": q.start, "end": q.end, "content_spans": [list(s) for s in q.content_spans]}


def event(v: MergedEvent) -> dict:
    return {"id": v.id, "type": v.type, "participants": list(dict.fromkeys(c for _, c in v.participants)),
            "roles": [{"role": role, "entity": c} for role, c in v.participants], "place": v.place,
            "time": _range(v.time), "modality": v.modality, "trigger": v.reports[0].trigger,
            "article_ids": list(v.article_ids),
            "evidence": [{**_evidence(r.evidence), "trigger": r.trigger, "modality": r.modality} for r in v.reports]}


def fact(f: ComparedFact) -> dict:
    return {"id": f.id, "subject": f.subject, "attribute": f.attribute, "value": f.value, "article_ids": list(f.article_ids),
            "status": f.status, "evidence": [_evidence(e) for e in f.evidence]}


def timeline(entries: Iterable[TimelineEntry], event_ids: Mapping[tuple[str, int], str] | None = None) -> list[dict]:
    """A story's `timeline` (EXPORT.md): date, text, event ids and score, with the sentence's provenance.

    `event_ids` maps (article id, index in its analysis' events) to the id the
    export gives that (merged) event; references to events it lacks are dropped.
    """
    event_ids = event_ids or {}
    return [{"date": e.date, "text": e.text,
             "event_ids": list(dict.fromkeys(v for ref in e.events if (v := event_ids.get(tuple(ref))))),
             "score": e.score, "article_id": e.article_id, "start": e.start, "end": e.end,
             "article_ids": list(e.article_ids)} for e in entries]


def story(s: Story, entries: Iterable[TimelineEntry] = (), event_ids: Mapping[tuple[str, int], str] | None = None) -> dict:
    """A story with its timeline (`timeline` above)."""
    return {"id": s.id, "title": s.title, "article_ids": list(s.article_ids), "outlets": list(s.outlets),
            "first": s.first and s.first.isoformat(), "last": s.last and s.last.isoformat(),
            "people": list(s.people), "organisations": list(s.organisations), "places": list(s.places),
            "merged_into": s.merged_into, "timeline": timeline(entries, event_ids)}


def refusal(r: Refusal) -> dict:
    return {"source": r.source, "reason": r.reason}


def warning(source: str, article_id: str, message: str) -> dict:
    """A warning about a stored article (Article.warnings): the input, the article's id, what was set aside."""
    return {"source": source, "article_id": article_id, "warning": message}


def build(store: SQLiteStore) -> dict[str, Any]:
    """The export of everything the store holds as one dict (`sections`, each made a list)."""
    return {key: list(items) for key, items in sections(store)}


def sections(store: SQLiteStore) -> Iterator[tuple[str, Iterator[dict]]]:
    """The export's sections in file order, (key, its items one at a time): articles, stage-3 readings with
    corpus entity ids (and the time expressions stage 4 valued again with its dates, `ArticleDate.times`, in
    place of stage 3's), stage 4, then the inputs refused and the warnings about stored articles. Each section
    reads the store as it is consumed, one article or analysis at a time, so memory holds the stage-4 records
    and the entity mentions, never every article or analysis."""
    connected = store.connected()
    to_corpus = {member: e.id for e in connected.entities for member in e.members}
    dated = {d.article_id: d.published for d in connected.dates}
    shown: dict[str, DateRange | None] = {}      # each article's exported interval, for its story's span
    yield "articles", (article(a, shown.setdefault(a.id, published(a, dated.get(a.id)))) for a in store.articles())
    yield "entities", _entities(store, connected.entities)
    valued = {(d.article_id, t.start, t.end): t for d in connected.dates for t in d.times}
    yield "time_expressions", (time_expression(n, aid, valued.get((aid, t.start, t.end), t)) for n, (aid, t)
                               in enumerate(_each(store, "time_expressions"), start=1))
    yield "events", (event(v) for v in connected.events)
    yield "quotes", (quote(n, aid, q, to_corpus.get((aid, q.speaker_entity)) if q.speaker_entity else None)
                     for n, (aid, q) in enumerate(_each(store, "quotes"), start=1))
    event_ids = {(r.evidence.article_id, r.index): v.id for v in connected.events for r in v.reports}
    yield "stories", (story(spanned(s, (shown.get(a) for a in s.article_ids)), store.timeline(s.id), event_ids)
                      for s in store.stories())
    yield "facts", (fact(f) for f in connected.facts)
    yield "refusals", (refusal(r) for r in store.refusals())
    yield "warnings", (warning(*w) for w in store.warnings())


def _each(store: SQLiteStore, part: str) -> Iterator[tuple[str, Any]]:
    """(article id, record) for every record of one AnalysedArticle field, in article order."""
    for an in store.analyses((part,)):
        for x in getattr(an, part):
            yield an.article_id, x


def _entities(store: SQLiteStore, entities: Iterable[CorpusEntity]) -> Iterator[dict]:
    """The corpus entities with the mentions of their members, read in one pass over the analyses."""
    members = {member for e in entities for member in e.members}
    mentions: dict[tuple[str, str], tuple[Mention, ...]] = {}
    for an in store.analyses(("entities",)):
        for e in an.entities:
            if (an.article_id, e.id) in members:
                mentions[(an.article_id, e.id)] = e.mentions
    for e in entities:
        yield entity(e, [(aid, m) for aid, lid in e.members if (aid, lid) in mentions for m in mentions[(aid, lid)]])


def _evidence(e: Evidence) -> dict:
    return {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text, "source": e.source}


def write(export: dict | Iterable[tuple[str, Iterable[dict]]], out_dir: str | Path) -> Path:
    """Write DIR/export.json atomically, a reader never seeing half a file: from an export dict, or from
    (key, items) sections (`sections(store)`), written one item at a time as they come. The file is
    what `json.dumps(export, ensure_ascii=False, indent=1)` gives, whichever is passed."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "export.json"
    tmp = out / ".export.json.tmp"
    parts = export.items() if isinstance(export, dict) else export
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("{")
        n = -1
        for n, (key, items) in enumerate(parts):
            f.write(f"{',' if n else ''}\n {json.dumps(key, ensure_ascii=False)}: [")
            empty = True
            for item in items:
                # an item at depth 2 of an indent-1 dump: its own dump, each line indented two more spaces
                # (JSON strings hold no raw line break, so every newline is layout)
                f.write(("\n  " if empty else ",\n  ") + json.dumps(item, ensure_ascii=False, indent=1)
                        .replace("\n", "\n  "))
                empty = False
            f.write("]" if empty else "\n ]")
        f.write("\n}" if n >= 0 else "}")
    os.replace(tmp, target)
    return target
