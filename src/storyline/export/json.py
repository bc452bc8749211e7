"""The JSON export: the contract with every scorer (../shared/eval/EXPORT.md).

Built from the store alone, so `storyline export` gives the same file as the
run that filled the store. Per-article entity ids are replaced by corpus ids
here, after cross-article resolution, so that every quote, event and fact
points to the same entity wherever it was read.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from storyline.records import AnalysedArticle, Article, DateRange
from storyline.store import SQLiteStore


def _range(r: DateRange | None) -> dict | None:
    if r is None or (r.earliest is None and r.latest is None):
        return None
    return {"earliest": r.earliest and r.earliest.isoformat(), "latest": r.latest and r.latest.isoformat(),
            "reason": r.reason}


def _article(a: Article) -> dict:
    return {"id": a.id, "path": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
            "published": _range(a.published),
            "published_reason": a.published.reason if a.published else "no date found",
            "byline": list(a.byline), "credits": list(a.credits), "duplicate_of": a.duplicate_of,
            "kind": a.kind, "captions": list(a.captions), "text": a.text}


def _stories(store: SQLiteStore) -> list[dict]:
    """Live stories as stored by stage 4; each lists the ids merged into it, which stay resolvable."""
    every = list(store.stories())
    merged: dict[str, list[str]] = {}
    for s in every:
        if s.merged_into:
            live = store.story(s.id)
            merged.setdefault(live.id if live else s.merged_into, []).append(s.id)
    day = lambda d: d and d.isoformat()  # noqa: E731
    return [{"id": s.id, "title": s.title, "article_ids": list(s.article_ids), "outlets": list(s.outlets),
             "first": day(s.first), "last": day(s.last), "people": list(s.people),
             "organisations": list(s.organisations), "places": list(s.places), "merged_ids": merged.get(s.id, [])}
            for s in every if not s.merged_into]


def build(store: SQLiteStore) -> dict[str, Any]:
    from storyline.connect.entities import resolve
    from storyline.connect.facts import compare
    from storyline.read import VERSION

    articles = list(store.articles())
    analyses: list[AnalysedArticle] = [x for a in articles if (x := store.analysis(a.id, VERSION))]
    corpus = resolve([(an.article_id, an.entities) for an in analyses])
    to_corpus = {member: e.id for e in corpus for member in e.members}
    local = {(an.article_id, e.id): e for an in analyses for e in an.entities}

    entities = []
    for e in corpus:
        mentions = [{"article_id": aid, "start": m.start, "end": m.end, "text": m.text}
                    for aid, lid in e.members for m in local[(aid, lid)].mentions]
        entities.append({"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                         "roles": list(e.roles), "article_ids": sorted({aid for aid, _ in e.members}),
                         "mentions": mentions})

    times, quotes, events, facts = [], [], [], []
    for an in analyses:
        aid = an.article_id
        ref = lambda lid: to_corpus.get((aid, lid)) if lid else None  # noqa: E731
        for t in an.time_expressions:
            times.append({"id": f"t{len(times) + 1}", "article_id": aid, "start": t.start, "end": t.end,
                          "text": t.text, "type": t.type, "value": t.value, "mod": t.mod,
                          "earliest": t.earliest and t.earliest.isoformat(), "latest": t.latest and t.latest.isoformat()})
        for q in an.quotes:
            quotes.append({"id": f"q{len(quotes) + 1}", "article_id": aid, "speaker": ref(q.speaker_entity),
                           "speaker_text": q.speaker.text if q.speaker else None,
                           "speaker_start": q.speaker.start if q.speaker else None,
                           "speaker_end": q.speaker.end if q.speaker else None,
                           "cue": q.cue.text if q.cue else None, "cue_start": q.cue.start if q.cue else None,
                           "cue_end": q.cue.end if q.cue else None, "kind": q.kind, "text": q.text,
                           "start": q.start, "end": q.end, "content_spans": [list(s) for s in q.content_spans]})
        for v in an.events:
            events.append({"id": f"v{len(events) + 1}", "type": v.type,
                           "participants": [x for _, lid in v.participants if (x := ref(lid))],
                           "roles": [{"role": role, "entity": ref(lid)} for role, lid in v.participants],
                           "place": ref(v.place), "time": _range(v.time), "modality": v.modality,
                           "trigger": v.trigger.text, "article_ids": [aid],
                           "evidence": [{"article_id": aid, "start": v.sentence.start, "end": v.sentence.end,
                                         "text": v.sentence.text}]})
        for f in an.facts:
            facts.append({"subject": ref(f.subject), "attribute": f.attribute, "value": f.value,
                          "article_ids": [aid], "evidence": [{"article_id": aid, "start": f.evidence.start,
                                                             "end": f.evidence.end, "text": f.evidence.text}]})
    return {"articles": [_article(a) for a in articles], "entities": entities, "time_expressions": times,
            "events": events, "quotes": quotes, "stories": _stories(store), "facts": compare(facts),
            "refusals": [{"source": r.source, "reason": r.reason} for r in store.refusals()]}


def write(export: dict, out_dir: str | Path) -> Path:
    """Write DIR/export.json atomically: a reader never sees half a file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "export.json"
    tmp = out / ".export.json.tmp"
    tmp.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, target)
    return target
