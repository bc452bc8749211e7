"""Where a wire dateline opening an article ends: "SANTOS, Brazil, Feb 9 (Reuters) - ", "PASADENA, Texas \u2014".

Every stage reads it (clean credits the agency and dates the article by it, read and connect leave what only it
names out of an article's names, export out of a story's cast), so it lives outside the stages; `clean.credits`
re-exports it.
"""
from __future__ import annotations

import re

from storyline.lexicon import NEWS_AGENCIES

AGENCY_FORMS = "|".join(sorted({re.escape(f) for forms in NEWS_AGENCIES.values() for f in forms}, key=len,
                               reverse=True))
# A wire dateline's credit mark: an agency, or any capitalised source in brackets ("(CNN Business)"), then dashes.
_WIRE_DATELINE = re.compile(rf"\((?:{AGENCY_FORMS}|[A-Z][\w.&'\u2019 -]{{0,40}})\)\s*[-\u2013\u2014]+")
DATELINE_REACH = 250                                          # characters: where a wire dateline can end
# A newspaper's dateline with no source: a place in capitals, maybe its region and a date, then a dash
# ("PASADENA, Texas \u2014", "FRANKFURT \u2014", "NEW YORK, March 4 --"); a few capitalised labels are no place.
_CAPS = r"[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de.'\u2019-]{2,}"
_PLAIN_DATELINE = re.compile(
    rf"{_CAPS}(?:\s+{_CAPS}){{0,3}}(?:,\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){{0,2}}){{0,2}}"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*(?:[\u2013\u2014]+|--?(?=\s))")
_NO_PLACE = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "CORRECTION",
             "WATCH", "LIVE", "VIDEO", "PHOTOS", "NOTE", "EDITOR'S", "COMMENT", "REVIEW", "INTERVIEW"}
_DASH = re.compile(r"[\u2013\u2014]+|--?")
_PROSE = re.compile(r"\n|\b[a-z]{3,}")                        # a line break, or a word of running text


def _wire_dateline(text: str, start: int) -> re.Match | None:
    """The credit mark and dashes of the dateline opening `text` at `start` ("(Reuters) -"), or for a dateline
    with no source its dashes alone ("PASADENA, Texas \u2014"), or None."""
    m = _WIRE_DATELINE.search(text, start, start + DATELINE_REACH)
    if m and not _PROSE.search(text, start, m.start()):
        return m
    plain = _PLAIN_DATELINE.match(text, start, start + DATELINE_REACH)
    if plain is None or plain.group().split()[0].rstrip(",") in _NO_PLACE:
        return None
    return _DASH.search(text, plain.start(), plain.end())


def dateline_end(text: str, start: int = 0) -> int:
    """Where the dateline opening `text` at `start` ends ("MOSCOW (Reuters) - ", "New York (CNN Business) —",
    "PASADENA, Texas —", a page's time stamp before it included), 0 when the `DATELINE_REACH` characters from `start` hold none: the
    credit's mark preceded on its line by no running text ("..., an official told (Reuters) - " is no
    dateline). An offset into `text`, just after the dashes."""
    m = _wire_dateline(text, start)
    return m.end() if m else 0


def dateline_span(text: str) -> tuple[int, int, int] | None:
    """(start, source start, end) of the wire dateline opening one of the text's first lines, or None.

    The dateline is `dateline_end`'s, looked for at the text's start and at each line start within its first
    `DATELINE_REACH` characters (a headline line may come first: "Clinton calls for unity.\n\nNEW YORK
    (AP) — ..."). `source start` is where its bracketed credit begins (its dashes, in a dateline with no
    source: "FRANKFURT —"): before it lie the place and the date ("NEW YORK, Nov. 19 "), from it the source and
    its dashes ("(AP) —") up to `end`. Offsets into `text`.
    """
    start = 0
    while start < DATELINE_REACH:
        m = _wire_dateline(text, start)
        if m:
            return start, m.start(), m.end()
        start = text.find("\n", start, DATELINE_REACH) + 1
        if not start:
            return None
    return None
