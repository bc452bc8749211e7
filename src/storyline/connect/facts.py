"""Where outlets agree or disagree on a checkable fact.

Facts read from single articles are grouped by subject and attribute; a value
stated by several articles is `agree`, two different values are a `conflict`,
one article alone is `single`. Values compare by their numbers and unit words
("nine years" and "9 years" agree), not their spelling.
"""
from __future__ import annotations

import re
from collections import defaultdict

_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


def value_key(value: str) -> str:
    words = re.findall(r"[\w.]+", value.lower())
    return " ".join(_NUMBER_WORDS.get(w, w) for w in words)


def compare(facts: list[dict]) -> list[dict]:
    """One fact per (subject, attribute, value), with the articles stating it and its status."""
    groups: dict[tuple, dict[str, dict]] = defaultdict(dict)
    for f in facts:
        values = groups[(f["subject"], f["attribute"].lower())]
        key = value_key(f["value"])
        if key in values:
            merged = values[key]
            merged["article_ids"] = sorted(set(merged["article_ids"]) | set(f["article_ids"]))
            merged["evidence"] = merged["evidence"] + f["evidence"]
        else:
            values[key] = dict(f)
    out = []
    for values in groups.values():
        for f in values.values():
            status = "conflict" if len(values) > 1 else "agree" if len(f["article_ids"]) > 1 else "single"
            out.append({**f, "status": status})
    return out
