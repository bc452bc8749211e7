"""A Markdown dossier of an export, for a person to read.

It is rendered from the export itself, never from the store, so the report
and the JSON can never disagree.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path


def _when(span: dict | None) -> str:
    if not span:
        return "undated"
    lo, hi = span.get("earliest"), span.get("latest")
    if lo and lo == hi:
        return lo
    return f"{lo or '?'} .. {hi or '?'}"


def render(export: dict) -> str:
    names = {e["id"]: e["name"] for e in export.get("entities", [])}
    lines = ["# storyline report", ""]
    arts = export.get("articles", [])
    lines.append(f"{len(arts)} articles, {len(export.get('entities', []))} entities, "
                 f"{len(export.get('events', []))} events, {len(export.get('quotes', []))} quotes, "
                 f"{len(export.get('refusals', []))} inputs refused.")
    by_article = defaultdict(lambda: defaultdict(list))
    for section in ("quotes", "events"):
        for item in export.get(section, []):
            for aid in item.get("article_ids") or [item.get("article_id")]:
                by_article[aid][section].append(item)
    for a in arts:
        lines += ["", f"## {a.get('title') or a['path']}", ""]
        lines.append(f"- source: `{a['path']}`" + (f" ({a['url']})" if a.get("url") else ""))
        lines.append(f"- outlet: {a.get('outlet') or 'unknown'}; credits: {', '.join(a.get('credits') or []) or 'none'}")
        lines.append(f"- published: {_when(a.get('published'))} ({a.get('published_reason')})")
        if a.get("duplicate_of"):
            lines.append(f"- copy of `{a['duplicate_of']}`")
        for v in sorted(by_article[a["id"]]["events"], key=lambda v: _when(v.get("time"))):
            who = ", ".join(names.get(p, p) for p in v.get("participants", []))
            lines.append(f"- event: {_when(v.get('time'))} **{v['type']}** ({v.get('modality')}) {who}: "
                         f"\"{v['evidence'][0]['text'][:160]}\"")
        for q in by_article[a["id"]]["quotes"]:
            who = names.get(q.get("speaker"), q.get("speaker_text") or "unattributed")
            lines.append(f"- {q['kind']} quote, {who}: \"{q['text'][:200]}\"")
    facts = export.get("facts", [])
    if facts:
        lines += ["", "## Facts across outlets", ""]
        for f in facts:
            lines.append(f"- {names.get(f['subject'], f['subject'])}: {f['attribute']} = {f['value']} "
                         f"({f['status']}, {len(f['article_ids'])} article(s))")
    refusals = export.get("refusals", [])
    if refusals:
        lines += ["", "## Refused inputs", ""] + [f"- `{r['source']}`: {r['reason']}" for r in refusals]
    return "\n".join(lines) + "\n"


def write(export: dict, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(export), encoding="utf-8")
    return path
