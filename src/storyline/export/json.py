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
from typing import Any

from storyline.records import AnalysedArticle, Article, DateRange, Evidence
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


def build(store: SQLiteStore) -> dict[str, Any]:
    """The export of everything the store holds: articles, stage-3 readings with corpus entity ids, stage 4."""
    articles = list(store.articles())
    analyses: list[AnalysedArticle] = list(store.analyses())
    connected = store.connected()
    to_corpus = {member: e.id for e in connected.entities for member in e.members}
    local = {(an.article_id, e.id): e for an in analyses for e in an.entities}

    entities = []
    for e in connected.entities:
        mentions = [{"article_id": aid, "start": m.start, "end": m.end, "text": m.text}
                    for aid, lid in e.members if (aid, lid) in local for m in local[(aid, lid)].mentions]
        entities.append({"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                         "roles": list(e.roles), "article_ids": sorted({aid for aid, _ in e.members}),
                         "mentions": mentions})

    times, quotes = [], []
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
    events = [{"id": v.id, "type": v.type, "participants": list(dict.fromkeys(c for _, c in v.participants)),
               "roles": [{"role": role, "entity": c} for role, c in v.participants], "place": v.place,
               "time": _range(v.time), "modality": v.modality, "trigger": v.reports[0].trigger,
               "article_ids": list(v.article_ids),
               "evidence": [{**_evidence(r.evidence), "trigger": r.trigger, "modality": r.modality}
                            for r in v.reports]} for v in connected.events]
    facts = [{"subject": f.subject, "attribute": f.attribute, "value": f.value, "article_ids": list(f.article_ids),
              "status": f.status, "evidence": [_evidence(e) for e in f.evidence]} for f in connected.facts]
    return {"articles": [_article(a) for a in articles], "entities": entities, "time_expressions": times,
            "events": events, "quotes": quotes, "stories": [], "facts": facts,
            "refusals": [{"source": r.source, "reason": r.reason} for r in store.refusals()]}


def _evidence(e: Evidence) -> dict:
    return {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text, "source": e.source}


def write(export: dict, out_dir: str | Path) -> Path:
    """Write DIR/export.json atomically: a reader never sees half a file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "export.json"
    tmp = out / ".export.json.tmp"
    tmp.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, target)
    return target
