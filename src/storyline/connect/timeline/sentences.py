"""The sentences of one article, with the calendar granules each one mentions.

A timeline entry quotes one sentence of the story as printed, so sentences are
character spans of `Article.text`. Paragraphs (lines) are split with spaCy's
rule-based `sentencizer` on a blank English pipeline: no model, and its
tokenizer already knows that "Mr." or "U.S." does not end a sentence. A line
with no inner sentence end is one sentence and skips the tokenizer.

A granule is the ISO string of the calendar unit a TIMEX3 interval covers
exactly: a day "2008-09-15", a month "2008-09" or a year "2008"; weeks,
quarters, seasons, open or fuzzy intervals (mod BEFORE, AFTER, ...) have none.

A timestamp is no mention of its day: a web page's "Tue Mar 15, 2011 11:40 pm
GMT" line, a "Last updated" line or a reader comment's "Posted by: Sam |
September 19, 2008 12:34 PM" says when a text was posted, not that anything
happened that day, so its time expressions give the sentence no granule
(`timestamps`). Told apart by form: a date written with its year and then,
with nothing but a separator between, a clock time; prose says "on March 15,
2011, at 11:40 p.m.". A wire dateline's date ("June 14 (Reuters) - The owner
... was sentenced on Thursday") says when the story was filed in the same way:
it gives its sentence no granule either (`connect.stories.terms.dateline_end`
finds the dateline), so the lead is about the Thursday it names, not also
about the day of its report.

A bound of a state is no date of its sentence (`bounding`): "Ashby, who had
led the company since 2019, said he was stepping down" reports the
resignation, not something of 2019; "until March 10" ends a state and "from
2015 to 2019" spans one the same way. TIMEX3 has no anchor for "since": its
value is the year, so the timeline tells it apart here. Such a granule still
counts as the story referring to its date (`dates.statistics`), but the
sentence never sums that date up (`Sentence.background`), and a sentence that
names no other date is news of its own day like one that names none.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Collection, Mapping, Sequence

from storyline.connect.stories.terms import dateline_end
from storyline.records import Article, TimeExpression

# mods that keep the interval a point of the timeline ("early on Monday", "mid-September", "about 3 p.m.")
_POINT_MODS = {None, "", "START", "MID", "END", "APPROX"}
_OPENING = "\"'\u201c\u2018"
_INNER_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+\S")
_YEAR = re.compile(r"\b\d{4}\b")
# after a date with its year: separators only (or "Last updated at"), then a clock time
_STAMP_CLOCK = re.compile(r"[\s,;|\u2013\u2014-]*(?:last\s+updated\s+at\s+)?\d{1,2}[:.]\d{2}(?!\d)"
                          r"(?:\s*(?:[ap]\.?m\.?|GMT|BST|UTC|[ECMP][SD]T|ET)\b)?", re.IGNORECASE)
_STAMP_TAIL = re.compile(r"[\s,;|\u2013\u2014-]*")            # separators after a timestamp opening a sentence
_STAMP_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*$")
# a date naming a noun's event rather than the sentence's time: "Tuesday's explosion", "the March 4 explosion",
# "the 2008 crisis" (a determiner before it, a word after it)
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_DETERMINER = re.compile(r"\b(?:the|a|an|this|its|their|his|her)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z][a-z-]+\b(?!\s+(?:of|in|at|on|to)\b)")
# a bound of a state: "since 2019", "until March 10", the ends of "from 2015 to 2019"
_BOUND_MOD = r"(?:(?:early|late|mid)[\s-]*)?"
_SINCE_UNTIL = re.compile(r"\b(?:since|until|till|through)\s+" + _BOUND_MOD + "$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+" + _BOUND_MOD + "$", re.IGNORECASE)
_RANGE_TO = re.compile(r"(?:\s+(?:to|until|till|through)\b|\s*[-\u2013])\s*", re.IGNORECASE)
_TO_BEFORE = re.compile(r"(?:\s+(?:to|until|till|through)|\s*[-\u2013])\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int                     # position in its article, from 0
    start: int
    end: int
    text: str
    granules: tuple[str, ...]      # distinct granules of its time expressions, in text order
    stamped: bool = False          # a timestamp inside it: a reader comment's or a page's, run into the text
    attributive: tuple[str, ...] = ()  # granules it names only as a noun's attribute ("the March 4 explosion")
    background: tuple[str, ...] = ()   # granules it names only as a state's bound ("since 2019"): not its dates

    @property
    def dates(self) -> tuple[str, ...]:
        """The granules the sentence is about: `granules` less its `background`."""
        return tuple(g for g in self.granules if g not in self.background)


def granule(t: TimeExpression) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' when `t` covers exactly that calendar unit, else None."""
    a, b = t.earliest, t.latest
    if t.type not in ("DATE", "TIME") or a is None or b is None or t.mod not in _POINT_MODS:
        return None
    if a == b:
        return a.isoformat()
    if a.day == 1 and b == date(a.year, a.month, calendar.monthrange(a.year, a.month)[1]):
        return f"{a.year:04d}-{a.month:02d}"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return f"{a.year:04d}"
    return None


def level(g: str) -> str:
    """'day', 'month' or 'year' for a granule."""
    return {10: "day", 7: "month"}.get(len(g), "year")


def bounds(g: str) -> tuple[date, date]:
    """The first and last day of a granule."""
    if len(g) == 10:
        d = date.fromisoformat(g)
        return d, d
    year = int(g[:4])
    if len(g) == 7:
        month = int(g[5:])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


@lru_cache(maxsize=1)
def _sentencizer():
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 1 << 31      # rule-based, linear in the text: an article too long to read still has sentences
    return nlp


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, whitespace trimmed, in order."""
    spans, lines, pos = [], [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            lines.append((pos + lead, stripped))
        pos += len(line) + 1
    multi = [(at, s) for at, s in lines if _INNER_END.search(s)]
    docs = dict(zip((at for at, _ in multi), _sentencizer().pipe(s for _, s in multi)))
    for at, s in lines:
        if at not in docs:
            spans.append((at, at + len(s)))
            continue
        cuts = [sent.start_char for sent in docs[at].sents][1:]
        # the sentencizer leaves the opening quote of the next sentence on this one: 'she said. "' | 'Nobody ...'
        cuts = [c - 1 if c >= 2 and s[c - 1] in _OPENING and s[c - 2].isspace() else c for c in cuts]
        cuts = _outside_quotes(s, cuts)
        for a, b in zip([0] + cuts, cuts + [len(s)]):
            piece = s[a:b].strip()
            if piece:
                first = at + a + (len(s[a:b]) - len(s[a:b].lstrip()))
                spans.append((first, first + len(piece)))
    return spans


def _open_quote(text: str) -> bool:
    """True when `text` leaves a double quotation open ('"Yes. We will' but not '"Yes," she said.')."""
    return text.count('"') % 2 == 1 or text.count("\u201c") > text.count("\u201d")


def _outside_quotes(line: str, cuts: list[int]) -> list[int]:
    """The cuts of `line` that fall outside quotations: a quote of several sentences stays one sentence
    with its attribution ('"Are others possible? Yes. ..." Putin said.'), so that no summary starts inside it."""
    kept, start = [], 0
    for c in cuts:
        if not _open_quote(line[start:c]):
            kept.append(c)
            start = c
    return kept


def timestamps(text: str, times: Sequence[TimeExpression]) -> list[tuple[int, int]]:
    """(start, end) of every timestamp in `text`: a date with its year, a weekday before it and the
    clock time after it, as a page or a comment dates itself (see the module docstring)."""
    out = []
    for t in times:
        if t.type != "DATE" or not _YEAR.search(t.text):
            continue
        clock = _STAMP_CLOCK.match(text, t.end)
        if clock:
            weekday = _STAMP_WEEKDAY.search(text, max(0, t.start - 12), t.start)
            out.append((weekday.start() if weekday else t.start, clock.end()))
    return out


def split(article: Article, times: Sequence[TimeExpression]) -> list[Sentence]:
    """The sentences of `article`, each with the granules of the time expressions starting inside it
    (none from a timestamp or a wire dateline). A sentence that opens with a timestamp or a dateline starts
    after it ("Tuesday, September 30, 2008; 10:10 AM Most Americans see ..." is "Most Americans see ...");
    one with a timestamp further in is `stamped`. A granule named only as a state's bound ("since 2019") is
    among its `granules` and its `background` (`bounding`)."""
    text = article.text
    dateline = dateline_end(text)
    stamps = timestamps(text, times) + ([(0, dateline)] if dateline else [])
    times = [t for t in times if not any(a <= t.start < b for a, b in stamps)]
    out, ordered, k = [], sorted(times, key=lambda t: t.start), 0
    starts, ends = {t.start for t in ordered}, {t.end: t.start for t in ordered}
    for i, (start, end) in enumerate(_spans(text)):
        stamped = False
        for a, b in stamps:
            if start <= a < end:
                if a == start and b < end:
                    start = _STAMP_TAIL.match(text, b, end).end()
                else:
                    stamped = True
        while k < len(ordered) and ordered[k].start < start:
            k += 1
        found: list[str] = []
        adverbial: set[str] = set()
        dated: set[str] = set()
        while k < len(ordered) and ordered[k].start < end:
            t, k = ordered[k], k + 1
            if g := granule(t):
                found += [g] if g not in found else []
                if not attributive(text, t):
                    adverbial.add(g)
                if not bounding(text, t, starts, ends):
                    dated.add(g)
        out.append(Sentence(article.id, i, start, end, text[start:end], tuple(found), stamped,
                            tuple(g for g in found if g not in adverbial),
                            tuple(g for g in found if g not in dated)))
    return out


def bounding(text: str, t: TimeExpression, starts: Collection[int] = (), ends: Mapping[int, int] = {}) -> bool:
    """True when time expression `t` is a bound of a state, not the time of its sentence's news: the start
    of one ("since 2019", "since early March"), its end ("until March 10", "through June") or either end of a
    range ("from 2015 to 2019", "from Monday until Wednesday"; `starts`: where the text's time expressions
    start, `ends`: end -> start of each). TIMEX3 values "since 2019" as 2019 itself: a timeline must not
    date the sentence by it."""
    before = text[max(0, t.start - 20):t.start]
    if _SINCE_UNTIL.search(before):
        return True
    to = _RANGE_TO.match(text, t.end)
    if to and to.end() in starts and _FROM.search(before):
        return True                      # "from 2015 to 2019": the range's start
    to = _TO_BEFORE.search(text, max(0, t.start - 12), t.start)
    if to is None:
        return False
    first = ends.get(to.start())         # the range's end
    return first is not None and bool(_FROM.search(text, max(0, first - 20), first))


def attributive(text: str, t: TimeExpression) -> bool:
    """True when time expression `t` names the time of a noun's event, not of its sentence: a possessive
    ("Tuesday's deadly explosion") or a determiner before it and a word after it ("after the March 4
    explosion", "the 2008 crisis"). Such a sentence is about another time ("Velmar said on Tuesday it had
    restarted the units shut after the March 4 explosion" is news of the Tuesday)."""
    if _POSSESSIVE.match(text, t.end):
        return True
    return bool(_DETERMINER.search(text, max(0, t.start - 8), t.start) and _NOUN_AFTER.match(text, t.end))
