"""Counts in words, for every summary line of the report (Markdown, HTML) and the web pages.

`counted(1, "article")` -> "1 article", `counted(6, "story")` -> "6 stories": one helper, so that no line
says "1 articles" and the report and the web pages word a count alike.
"""
from __future__ import annotations

__all__ = ["counted", "plural"]

_IRREGULAR = {"copy": "copies", "entity": "entities", "story": "stories", "person": "people"}


def plural(noun: str) -> str:
    """The plural of a noun the report counts: 'story' -> 'stories', 'article' -> 'articles'; the last word of
    several ('input refused' is left to the caller: pass the noun only)."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def counted(n: int, noun: str) -> str:
    """'N noun' with the noun in the singular for 1 and in the plural otherwise (0 included): counted(0, 'quote')
    -> '0 quotes'."""
    return f"{n} {noun if n == 1 else plural(noun)}"
