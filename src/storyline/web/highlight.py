"""An article's text as HTML with its readings marked: the target sentence, evidence sentences, quotes,
entity mentions (linked to their entity) and time expressions.

Marks may nest but HTML cannot cross, so marks are taken in priority order
and one that would cross an accepted mark is dropped. Every character of
the text is escaped; tags are built only from our own strings, with every
value (a class, a title, an address) escaped by markupsafe.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from storyline.records import AnalysedArticle
from storyline.web.links import span_anchor

TARGET, SENTENCE, QUOTE, MENTION = range(4)     # priorities: a lower number wins a crossing


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    priority: int
    open: Markup
    close: Markup


def _crosses(a: Mark, b: Mark) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def render(text: str, marks: list[Mark]) -> Markup:
    """`text` escaped, with the marks that fit (inside [0, len(text)], crossing no stronger one) around their spans."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.priority, m.start, -m.end)):
        if 0 <= mark.start < mark.end <= len(text) and not any(_crosses(mark, k) for k in kept):
            kept.append(mark)
    kept.sort(key=lambda m: (m.start, -m.end, m.priority))
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(escape(text[pos:top.end]))
            out.append(top.close)
            pos = top.end

    for mark in kept:
        close_until(mark.start)
        out.append(escape(text[pos:mark.start]))
        out.append(mark.open)
        pos = mark.start
        stack.append(mark)
    close_until(len(text))
    out.append(escape(text[pos:]))
    return Markup("".join(out))


def article_marks(analysis: AnalysedArticle | None, corpus: dict[str, str], entity_href,
                  target: tuple[int, int] | None = None) -> list[Mark]:
    """The marks of one article: `corpus` maps its entity ids to corpus ids, `entity_href(corpus id)` gives a link.

    `target` is the span a link asked for (a timeline entry's or a claim's
    sentence): it is marked with its anchor id and class `target`.
    """
    marks: list[Mark] = []
    anchored = set()
    if target:
        marks.append(Mark(*target, TARGET, Markup('<mark class="target" id="{}">').format(span_anchor(*target)),
                          Markup("</mark>")))
        anchored.add(target)
    if analysis is None:
        return marks
    for event in analysis.events:
        span = (event.sentence.start, event.sentence.end)
        if span not in anchored:
            anchored.add(span)
            marks.append(Mark(*span, SENTENCE, Markup('<span class="sentence" id="{}">').format(span_anchor(*span)),
                              Markup("</span>")))
    names = {e.id: e for e in analysis.entities}
    for q in analysis.quotes:
        who = q.speaker.text if q.speaker else "unattributed"
        marks.append(Mark(q.start, q.end, QUOTE, Markup('<span class="quote {}" title="{} quote: {}">').format(
            f"quote-{q.kind}", q.kind, who), Markup("</span>")))
    for e in analysis.entities:
        href = entity_href(corpus.get(e.id)) if corpus.get(e.id) else None
        kind = f"ent ent-{e.type.lower()}"
        for m in e.mentions:
            if href:
                opening = Markup('<a class="{}" href="{}" title="{}">').format(kind, href, names[e.id].name)
                marks.append(Mark(m.start, m.end, MENTION, opening, Markup("</a>")))
            else:
                opening = Markup('<span class="{}" title="{}">').format(kind, names[e.id].name)
                marks.append(Mark(m.start, m.end, MENTION, opening, Markup("</span>")))
    for t in analysis.time_expressions:
        marks.append(Mark(t.start, t.end, MENTION, Markup('<time class="timex" title="{} {}">').format(t.type, t.value),
                          Markup("</time>")))
    return marks
