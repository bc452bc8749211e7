"""Where outlets agree or disagree on a checkable fact.

Facts read from single articles are grouped by corpus subject and attribute;
a value stated by several articles is `agree`, two different values are a
`conflict`, one article alone is `single`. Values compare by their numbers and
unit words ("nine years" and "9 years" agree), not their spelling.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from storyline.records import ComparedFact, Evidence, Fact

_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


def value_key(value: str) -> str:
    words = re.findall(r"[\w.]+", value.lower())
    return " ".join(_NUMBER_WORDS.get(w, w) for w in words)


def compare(facts: Iterable[tuple[str, str | None, Fact]]) -> list[ComparedFact]:
    """(article id, corpus subject id, fact) triples -> one ComparedFact per (subject, attribute, value).

    The first spelling of an attribute and of a value names it; the evidence
    keeps every article's sentence, in input order.
    """
    groups: dict[tuple, dict[str, tuple[str, str, list[Evidence]]]] = defaultdict(dict)
    for article_id, subject, f in facts:
        values = groups[(subject, f.attribute.lower())]
        _, _, evidence = values.setdefault(value_key(f.value), (f.attribute, f.value, []))
        evidence.append(Evidence(article_id, f.evidence.start, f.evidence.end, f.evidence.text))
    out = []
    for (subject, _), values in groups.items():
        for attribute, value, evidence in values.values():
            several = len({e.article_id for e in evidence}) > 1
            status = "conflict" if len(values) > 1 else "agree" if several else "single"
            out.append(ComparedFact(subject, attribute, value, status, tuple(evidence)))
    return out
