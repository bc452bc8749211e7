"""TIMEX3 time expressions, shared by stage 2 (publication dating) and stage 3 (reading).

`tag(text, anchor) -> list[TimeExpression]`: every time expression of a text
with its TimeML type (DATE | TIME | DURATION | SET), value and calendar
interval, relative ones resolved against `anchor` (a `datetime.date`, or None
when the publication day is unknown: values then keep `XXXX` placeholders);
`tag_each(text, anchors)`: the same under each of several anchors.
Modules: `patterns` (surface patterns), `rules` / `deixis` / `anaphora` /
`durations` / `seasons` (one valuing handler per pattern), `resolve`
(calendar arithmetic), `tense` (the tense of an expression's clause), `tagger`
(the cascade). Pure Python, no model: a process pool or Spark runs it unchanged.
"""
from storyline.timex.tagger import tag, tag_each

__all__ = ["tag", "tag_each"]
