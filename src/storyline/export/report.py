"""The Markdown dossier: one section per story, every line traceable to its articles.

Rendered from the export itself, never from the store, so the report and the
JSON can never disagree. Each story section has a summary line (span, number
of articles and outlets), the timeline (its `TIMELINE_SHOWN` best-scored
dates), the events as every outlet reported them, the cast with roles,
quotes grouped by speaker (as the story page groups them: `store.browse.speaker_groups`), the claims with their agreement (conflicts first,
then agreements, then claims one article makes), and the sources; `[n]`
marks refer to the story's numbered sources.
Text taken from articles is escaped, so a title or quote cannot inject markup.
A corpus without stories is rendered as one section holding every article.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from storyline.datelines import dateline_span
from storyline.export.wording import counted
from storyline.records import story_year_ends
from storyline.store.browse import speaker_groups
from storyline.web.render import bare_quote
from storyline.store.readonly import ALL_ID     # the one section of every article, where stage 4 has not run

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")
_STATUS_ORDER = {"conflict": 0, "agree": 1, "single": 2}
TIMELINE_SHOWN = 40          # a story's timeline holds every date it refers to; the dossier shows the best scored


def _code(text: str | None) -> str:
    """Text as an inline code span, shown as written (no escape applies inside one), on one line: fenced by
    more backticks than any run of them in the text (CommonMark 6.1)."""
    text = " ".join((text or "").split())
    fence = "`" * (max(map(len, re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md(text: str | None, limit: int = 0) -> str:
    """Article text made inert in Markdown: one line, markup characters escaped, HTML brackets as entities."""
    text = " ".join((text or "").split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _when(span: dict | None) -> str:
    """An interval as a reader writes it: a day, a whole month ('2022-02') or year ('2012'), else 'lo .. hi'."""
    if not span:
        return "undated"
    lo, hi = span.get("earliest"), span.get("latest")
    if lo and lo == hi:
        return lo
    if lo and hi and len(lo) == len(hi) == 10 and lo[8:] == "01":
        if lo[:4] == hi[:4] and lo[5:] == "01-01" and hi[5:] == "12-31":
            return lo[:4]
        if lo[:7] == hi[:7] and (date.fromisoformat(hi) + timedelta(days=1)).day == 1:
            return lo[:7]
    return f"{lo or '?'} .. {hi or '?'}"


def _body_start(text: str) -> int:
    """Where an article's running text begins: after the wire dateline that opens it, else 0."""
    span = dateline_span(text)
    return span[2] if span else 0


def _stories(export: dict) -> list[dict]:
    stories = [s for s in export.get("stories", []) if not s.get("merged_into")]
    if stories:
        return sorted(stories, key=lambda s: (-len(s.get("article_ids", [])), s.get("id", "")))
    arts = export.get("articles", [])
    return [{"id": ALL_ID, "title": "All articles", "article_ids": [a["id"] for a in arts], "timeline": []}] if arts else []


def _story(story: dict, export: dict, names: dict, articles: dict) -> list[str]:
    ids = [aid for aid in story.get("article_ids", []) if aid in articles]
    members = set(ids)
    copies = {aid for aid in ids if articles[aid].get("duplicate_of") in members}
    own = members - copies           # a copy's quotes, mentions and claims are its original's: shown once (what
    #                                  an update adds to its first version is shown with the copy's own reference)
    ref = {aid: n for n, aid in enumerate(ids, start=1)}
    cite = lambda aids: "".join(f"[{ref[a]}]" for a in sorted(set(aids) & set(ref), key=ref.get))  # noqa: E731
    closed = [p for aid in ids if (p := articles[aid].get("published") or {}).get("earliest") and p.get("latest")]
    # the export's span (store.readonly.spanned: intervals with both ends, less the ends only a story's year
    # sets), computed alike for "All articles"
    dates = [story["first"], story["last"]] if story.get("first") else \
        sorted(p[k] for p in closed for k, year_only in zip(("earliest", "latest"), story_year_ends(p.get("reason")))
               if not year_only)
    outlets = sorted({articles[aid].get("outlet") for aid in ids if articles[aid].get("outlet")})
    unknown = sum(1 for aid in ids if not articles[aid].get("outlet"))
    span = f"{dates[0]} to {dates[-1]}" if dates else "undated"
    lines = ["", f"## {_md(story.get('title') or story['id'])}", "",
             f"{span}; {counted(len(ids), 'article')}"
             + (f" ({len(copies)} of them {'a copy' if len(copies) == 1 else 'copies'} of another)" if copies else "")
             + "; "
             + (f"{counted(len(outlets), 'outlet')} ({_md(', '.join(outlets))})" if outlets
                else "outlets unknown")
             + (f", {counted(unknown, 'article')} of unknown outlet" if unknown and outlets else "") + "."
             + (f" Where: {_md(', '.join(story['places']))}." if story.get("places") else "")]

    timeline = story.get("timeline") or []
    if timeline:
        lines += ["", "### Timeline", ""]
        shown = sorted(timeline, key=lambda e: (-(e.get("score") or 0), e.get("date", "")))[:TIMELINE_SHOWN]
        if len(shown) < len(timeline):
            lines += [f"The {len(shown)} most important of {len(timeline)} dates (all of them, ranked by score, "
                      f"are in export.json).", ""]
        for entry in sorted(shown, key=lambda e: e.get("date", "")):
            lines.append(f"- **{_md(entry.get('date'))}** {_md(entry.get('text'), 300)} "
                         f"{cite(entry.get('article_ids') or [entry.get('article_id')])}".rstrip())

    events = [v for v in export.get("events", []) if members & set(v.get("article_ids", []))
              and v.get("type") != "statement"]
    if events:
        lines += ["", "### Events", ""]
        for v in sorted(events, key=lambda v: _when(v.get("time"))):
            who = [_md(names.get(p, p)) for p in v.get("participants", [])]
            where = [f"in {_md(names.get(v['place'], v['place']))}"] if v.get("place") else []
            detail = " ".join([", ".join(who)] * bool(who) + where)
            states = Counter(r.get("modality", v.get("modality")) for r in v.get("evidence", []))
            reports = ", ".join(f"{n} {m}" for m, n in states.items())
            lines.append(f"- {_when(v.get('time'))}: **{_md(v['type'])}** ({v.get('modality')})"
                         f"{' ' + detail if detail else ''}; {counted(len(v.get('evidence', [])), 'report')} "
                         f"({reports}) {cite(v.get('article_ids', []))}")

    # what only a wire dateline names ("SANTOS, Brazil, Feb 9 (Reuters) - ") is no member of the cast, as it is
    # no name of the story's (`connect.stories.terms.count`); the entity stays in export.json
    body = {aid: _body_start(articles[aid].get("text") or "") for aid in own}
    in_body = lambda e: [m for m in e.get("mentions", []) if m.get("article_id") in own  # noqa: E731
                         and m.get("start", 0) >= body[m["article_id"]]]
    counts = Counter()
    for e in export.get("entities", []):
        if e.get("type") in ("PERSON", "ORG"):
            counts[e["id"]] = len(in_body(e))
    cast = [e for e in export.get("entities", []) if counts.get(e["id"])]
    if cast:
        lines += ["", "### Cast", ""]
        for e in sorted(cast, key=lambda e: (-counts[e["id"]], e["name"]))[:25]:
            roles = "; ".join(_md(r) for r in e.get("roles", []) if r.lower() != e["name"].lower())
            lines.append(f"- **{_md(e['name'])}** ({e['type'].lower()}{', ' + roles if roles else ''}): "
                         f"{counts[e['id']]} mention{'s' * (counts[e['id']] != 1)} "
                         f"{cite([m['article_id'] for m in in_body(e)])}")

    quoted = defaultdict(list)
    said = {(q.get("article_id"), q.get("text")) for q in export.get("quotes", []) if q.get("article_id") in own}
    for q in export.get("quotes", []):      # a copy's quote only where its original does not have it (an update's)
        if q.get("article_id") in own or (q.get("article_id") in copies and (
                articles[q["article_id"]].get("duplicate_of"), q.get("text")) not in said):
            quoted[q.get("speaker")].append(q)
    if quoted:
        lines += ["", "### Quotes by speaker", ""]
        for _, speaker, said in speaker_groups(quoted, names):
            lines.append(f"- **{_md(speaker)}**")
            for q in said:
                lines.append(f"  - {q['kind']}: “{_md(bare_quote(q['text']), 300)}” {cite([q['article_id']])}")

    claims = [f for f in export.get("facts", []) if members & set(f.get("article_ids", []))]
    if claims:
        lines += ["", "### Claims across outlets", ""]
        order = lambda f: (_STATUS_ORDER.get(f["status"], 3), names.get(f["subject"], str(f["subject"])),  # noqa: E731
                           f["attribute"])
        for f in sorted(claims, key=order):                  # where outlets disagree first, then agree, then single
            lines.append(f"- {_md(names.get(f['subject'], f['subject'] or '?'))}: {_md(f['attribute'])} = "
                         f"{_md(f['value'])} — **{f['status']}**")
            stated = {ev["article_id"] for ev in f.get("evidence", [])}     # a copy's only where its original is not
            for ev in (ev for ev in f.get("evidence", []) if ev["article_id"] not in copies
                       or articles[ev["article_id"]].get("duplicate_of") not in stated):
                outlet = articles.get(ev["article_id"], {}).get("outlet") or "unknown outlet"
                source = f", according to {_md(names.get(ev.get('source'), ev.get('source')))}" if ev.get("source") else ""
                lines.append(f"  - {_md(outlet)}{source}: “{_md(ev.get('text'), 240)}” {cite([ev['article_id']])}")

    lines += ["", "### Sources", ""]
    for aid in ids:
        a = articles[aid]
        where = a.get("url") or a.get("path")
        lines.append(f"{ref[aid]}. {_md(a.get('title') or a.get('path'))} — {_md(a.get('outlet') or 'unknown outlet')}, "
                     f"{_when(a.get('published'))} ({_code(where)})" + (f"; copy of {_code(a['duplicate_of'])}"
                                                                      if a.get("duplicate_of") else ""))
    return lines


def render(export: dict) -> str:
    """The whole dossier as Markdown text."""
    articles = {a["id"]: a for a in export.get("articles", [])}
    counts = {"articles": len(articles), **{k: len(export.get(k, [])) for k in ("entities", "events", "quotes",
                                                                                   "refusals")}}
    return "".join(f"{line}\n" for line in document({e["id"]: e["name"] for e in export.get("entities", [])},
                                                     _stories(export), counts, lambda story: (export, articles),
                                                     export.get("refusals", []), export.get("warnings", [])))


def document(names: Mapping[str, str], stories: Sequence[dict], counts: Mapping[str, int],
             story_parts: Callable[[dict], tuple[dict, Mapping[str, dict]]], refusals: Iterable[dict],
             warnings: Iterable[dict] = ()) -> Iterator[str]:
    """The dossier's lines, one at a time: `names` (entity id -> name), `stories` (export story dicts, in the
    order shown), `counts` ("articles", "entities", "events", "quotes", "refusals" -> int),
    `story_parts(story)` -> (an export-shaped dict holding at least the events, entities, quotes and facts
    of the story's articles, those articles by id), `refusals` (export refusal dicts), `warnings` (export
    warning dicts)."""
    yield "# storyline dossier"
    yield ""
    grouped = [s for s in stories if s["id"] != ALL_ID]
    yield (f"{counted(len(grouped), 'story')} from {counted(counts['articles'], 'article')}; "
           f"{counted(counts['entities'], 'entity')}, {counted(counts['events'], 'event')}, "
           f"{counted(counts['quotes'], 'quote')}, {counted(counts['refusals'], 'input')} refused."
           + (" The articles are not grouped into stories yet: `storyline run` reads and groups them."
              if len(grouped) < len(stories) else ""))
    for story in stories:
        part, articles = story_parts(story)
        yield from _story(story, part, names, articles)
    if counts["refusals"]:
        yield from ["", "## Refused inputs", ""]
        for r in refusals:
            yield f"- {_code(r['source'])}: {_md(r['reason'])}"
    heading = ["", "## Warnings", "", "Articles stored, with something in their input set aside or changed.", ""]
    for w in warnings:
        yield from heading
        heading = []
        yield f"- {_code(w['source'])}: {_md(w['warning'])}"


def write(export: dict, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(export), encoding="utf-8")
    return path
