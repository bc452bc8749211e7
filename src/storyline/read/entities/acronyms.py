"""An organisation's acronym is that organisation: "Santos Port Authority (SPA)", "WADA" and "World Anti-Doping Agency".

News introduces a body by its full name with its acronym in brackets, then writes the acronym alone, or writes
both where the initials of the name's capitalised words spell the acronym. The acronym of a name in another
language keeps its letters in the order of that language ("Brazilian Association of Port Terminals (ABTP)"), so
a bracket right after a name needs only the same letters; without a bracket the initials must spell it.
"""
from __future__ import annotations

import re

_ACRONYM = re.compile(r"[A-Z]{2,7}")
_MINOR = {"of", "for", "the", "and", "on", "in", "at", "to", "de", "da", "do", "dos", "das", "del", "la", "el",
          "y", "e", "et", "des", "du", "für", "und", "&"}


def is_acronym(name: str) -> bool:
    """A name written as an acronym: 2 to 7 capital letters ("WADA", "CAS"), no spaces or dots."""
    return bool(_ACRONYM.fullmatch(name.strip()))


def initials(name: str) -> str:
    """The capitals a name's words begin with, hyphenated parts apart, small words skipped:
    "World Anti-Doping Agency" -> "WADA"; "" where a word is neither capitalised nor a small word."""
    out = []
    for word in re.split(r"[\s\-]+", name.strip()):
        if not word:
            continue
        if word.lower() in _MINOR and not word[:1].isupper():
            continue
        if not word[:1].isupper():
            return ""
        out.append(word[0])
    return "".join(out) if len(out) >= 2 else ""


def expands(acronym: str, name: str, bracketed: bool = False) -> bool:
    """Whether `name` is what `acronym` stands for: its initials spell the acronym, or (`bracketed`: the acronym
    is written in brackets right after the name) hold the same letters in another order."""
    acronym = acronym.strip()
    got = initials(name)
    if not is_acronym(acronym) or not got or " " not in name.strip():
        return False
    return got == acronym or (bracketed and sorted(got) == sorted(acronym))


def bracketed_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of an acronym written in brackets right after `text[:end]` ("... Authority (SPA)"), else None."""
    m = re.compile(r"\s*\(([A-Z]{2,7})\)").match(text, end)
    return (m.start(1), m.end(1)) if m else None
