"""The Markdown dossier (report.py) written straight from the store, one story at a time.

`report.render(export)` needs the whole export in memory and scans every
event, entity, quote and fact once per story. `write(store, path)` gives the
same file from the store: the stage-4 records (corpus entities, merged events,
compared facts) are read once and indexed by article, and each story's
articles and their quotes and mention counts are read when its section is
written, so memory holds the largest story, not the corpus, and the time grows
with the corpus, not with stories x corpus.
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from storyline.export import json as json_export
from storyline.export.report import _stories, document
from storyline.store import SQLiteStore
from storyline.store.readonly import ALL_ID


def write(store: SQLiteStore, path: str | Path) -> Path:
    """Write the dossier of `store` to `path` atomically: the file `report.write(json_export.build(store))` writes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    connected = store.connected()
    names = {e.id: e.name for e in connected.entities}
    members_of = defaultdict(list)             # article id -> (corpus entity index, local id), in member order
    for k, e in enumerate(connected.entities):
        for aid, lid in e.members:
            members_of[aid].append((k, lid))
    events_of, facts_of = defaultdict(list), defaultdict(list)
    for k, v in enumerate(connected.events):
        for aid in v.article_ids:
            events_of[aid].append(k)
    for k, f in enumerate(connected.facts):
        for aid in f.article_ids:
            facts_of[aid].append(k)
    to_corpus = {member: e.id for e in connected.entities for member in e.members}
    dated = {d.article_id: d.published for d in connected.dates}
    event_ids = {(r.evidence.article_id, r.index): v.id for v in connected.events for r in v.reports}
    counts = store.counts()
    stories = _stories({"stories": [{"id": s.id, "title": s.title, "article_ids": list(s.article_ids),
                                     "places": list(s.places), "merged_into": s.merged_into}
                                    for s in store.stories()]})
    if not stories and counts["articles"]:             # no stage 4: one section holding every article
        stories = [{"id": ALL_ID, "title": "All articles", "article_ids": [a.id for a in store.articles()],
                    "timeline": []}]

    def story_parts(story: dict) -> tuple[dict, dict]:
        wanted = list(dict.fromkeys(story.get("article_ids", [])))
        members = set(wanted)
        articles = {a.id: json_export.article(a, dated.get(a.id)) for a in store.articles_in(wanted)}
        mentions: dict[tuple[str, str], list[int]] = {}        # (article, local id) -> where its mentions start
        quotes = []
        for an in store.analyses_in(wanted, ("entities", "quotes")):
            aid = an.article_id
            mentions.update(((aid, e.id), [m.start for m in e.mentions]) for e in an.entities)
            quotes += [json_export.quote(0, aid, q, to_corpus.get((aid, q.speaker_entity)) if q.speaker_entity
                                         else None) for q in an.quotes]
        entities = []
        for k in sorted({k for aid in members for k, _ in members_of.get(aid, ())}):
            e = connected.entities[k]
            entities.append({"id": e.id, "name": e.name, "type": e.type, "roles": list(e.roles),
                             "mentions": [{"article_id": aid, "start": start} for aid, lid in e.members
                                          if aid in members for start in mentions.get((aid, lid), ())]})
        part = {"events": [json_export.event(connected.events[k])
                           for k in sorted({k for aid in members for k in events_of.get(aid, ())})],
                "entities": entities, "quotes": quotes,
                "facts": [json_export.fact(connected.facts[k])
                          for k in sorted({k for aid in members for k in facts_of.get(aid, ())})]}
        return part, articles

    def with_timeline(story: dict) -> tuple[dict, dict]:
        if "timeline" not in story:
            story["timeline"] = json_export.timeline(store.timeline(story["id"]), event_ids)
        return story_parts(story)

    totals = {"articles": counts["articles"], "entities": len(connected.entities), "events": len(connected.events),
              "quotes": sum(len(an.quotes) for an in store.analyses(("quotes",))), "refusals": counts["refused"]}
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for line in document(names, stories, totals, with_timeline,
                             (json_export.refusal(r) for r in store.refusals()),
                             (json_export.warning(*w) for w in store.warnings())):
            f.write(f"{line}\n")
    os.replace(tmp, path)
    return path
