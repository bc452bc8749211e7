"""Where outlets agree or disagree on a checkable fact.

Facts read from single articles are grouped by corpus subject and attribute.
Values compare as numeric intervals with their unit words, not as strings:
"nine years" and "9 years" are one value; "more than 60" is (60, inf) and
agrees with an exact 62 inside its bound; "about 60" is 60 +/- 10%; dates
compare as the days they cover (a day agrees with its month). A value is
`agree` when another outlet (not a copy, not the same outlet's update) states
a compatible value, and no one states an incompatible one; `conflict` when another stated
value is incompatible; `single` otherwise. A possible or maximum value ("could
face up to 10 years") is read into its own attribute ("possible sentence") by
stage 3, so it never conflicts with the term imposed. A fact whose value is
read inside a quote keeps the quote's speaker as its source
(connect.fact_sources). A running total (a casualty count: "count of dead",
...) that a later-published article states higher than an earlier one is the
toll rising, not outlets disagreeing: given publication dates, an exact count
conflicts only with a count stated on the same day or with a lower one stated
later (where one article's dates span days of the other's, which came first is
not known, and neither is a conflict). A count of the missing, which falls as
they are found, a share of the vote, a turnout or a projection of seats, which
move as a count goes on, and a sum of money, which news states for one period
or another and which moves (an offer raised, a fine cut on appeal, the money a
campaign has raised), conflict only with one stated the same day. Sums compare
in their currency, scale included ("$4.2 billion" is "$4,200 million"); sums
in two currencies, or a price per share against a total, are not comparable:
they neither agree nor conflict. Values an article states side by side (a
balance that fell from $448,000 to $349,000) are a change it reports, not a
conflict: two values conflict only where an article states one without the
other and another article the other without the first; an article that credits them to two sources ("about
6,000, the union said; the employers put the figure at 3,500": stage 3's `Fact.source`) states two claims
that conflict, not a change.
"""
from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, Mapping

from storyline.lexicon import CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, NUMBER_WORDS, SCALE_FACTORS
from storyline.read.events.rates import POLICY_RATE
from storyline.read.events.stakes import STAKE
from storyline.read.events.strikes import PROTESTERS, STRIKERS
from storyline.records import AnalysedArticle, ComparedFact, DateRange, Evidence, Fact

_NUMBER_WORDS = {w: str(n) for w, n in NUMBER_WORDS.items()}
_ABOVE = ("more than", "over", "above", "at least", "upwards of", "in excess of", "no fewer than", "no less than")
_BELOW = ("less than", "fewer than", "under", "below", "up to", "at most", "nearly", "almost", "no more than")
_ABOUT = ("about", "around", "some", "roughly", "approximately", "nearly", "almost", "an estimated")
_RUNNING_TOTALS = ("count of ",)       # attributes that grow as a story unfolds (read.events.casualties)
_EITHER_WAY = ("count of missing", "count of displaced",  # ... or fall too, as the missing are found or go home
               "share of vote", "turnout", "projected seats",   # move as a count goes on (seats won are final)
               "amount ",              # sums of money: offers raised, fines cut, sums raised over time
               STAKE,                  # ownership stakes: bought, sold, diluted over time
               STRIKERS, PROTESTERS,   # join and leave day by day (read.events.strikes)
               POLICY_RATE)            # a central bank's rate and its change, set anew at each meeting
_QUEUES = (" waiting",)                 # ships, trucks waiting (read.events.queues): a queue grows and eases
# attributes ending with a second entity's name as the article names it (read.events.stakes: "stake in Acme")
_NAMING = (STAKE,)
_MONEY_UNITS = {u.lower() for u in (*CURRENCY_SYMBOLS.values(), *CURRENCY_CODES, *CURRENCY_WORDS.values())}
_SYMBOL_CHARS = "".join(sorted({c for u in CURRENCY_SYMBOLS for c in u if not c.isalnum()}))
_NUMBER = re.compile(r"(?<![\w.])([0-9]+(?:[.,][0-9]+)*)(?![\w])")


def value_key(value: str) -> str:
    """A spelling-free key: lower case, number words as digits ("Nine Years" -> "9 years")."""
    words = re.findall(rf"[\w.]+|[{re.escape(_SYMBOL_CHARS)}]", value.lower())
    return " ".join(_NUMBER_WORDS.get(w, w) for w in words)


@lru_cache(maxsize=1 << 14)       # each pair of a group's values asks `_compatible` and `_comparable` for both
def bounds(value: str) -> tuple[float, float, str] | None:
    """(low, high, unit words) of a value, or None when it holds no single number.

    "more than 60" -> (60, inf, ""), "about 60 people" -> (54, 66, "people"), "9 years" -> (9, 9, "years");
    a sum of money in units of its currency, the currency first in the unit: "about $4.2 billion" ->
    (3.78e9, 4.62e9, "$"), "NOK 310 per share" -> (310, 310, "nok per share").
    """
    key = value_key(value)
    numbers = _NUMBER.findall(key)
    if len(numbers) != 1:
        return None
    n = float(numbers[0].replace(",", ""))
    head, _, tail = key.partition(numbers[0])
    words = [w for w in tail.split() if not w.isdigit()]
    if words and words[0] in SCALE_FACTORS:
        n *= SCALE_FACTORS[words.pop(0)]
    currency = [w for w in head.split() if w in _MONEY_UNITS][-1:]
    unit = " ".join(currency + words)
    head = " " + head.strip() + " "
    if any(f" {w} " in head for w in _ABOUT):
        lo, hi = n * 0.9, n * 1.1
    else:
        lo, hi = n, n
    if any(f" {w} " in head for w in _ABOVE):
        hi = math.inf
    if any(f" {w} " in head for w in _BELOW if w not in ("nearly", "almost")):
        lo = 0.0
    return lo, hi, unit


def _comparable(a: str, b: str) -> bool:
    """False for two sums of money in different units (currencies, or a price per share against a total)."""
    ba, bb = bounds(a), bounds(b)
    money = any(u and u.split()[0] in _MONEY_UNITS for u in (ba[2] if ba else "", bb[2] if bb else ""))
    return ba is None or bb is None or ba[2] == bb[2] or not money


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _days(value: str) -> tuple[date, date] | None:
    """The days a date value covers: "2025-02" -> (Feb 1, Feb 28), "2025-02-19", "2025", "A/B" (an interval)."""
    parts = value.strip().split("/")
    if len(parts) > 2 or not all(_ISO.fullmatch(p) for p in parts):
        return None
    try:
        first = [int(x) if x else None for x in _ISO.fullmatch(parts[0]).groups()]
        last = [int(x) if x else None for x in _ISO.fullmatch(parts[-1]).groups()]
        start = date(first[0], first[1] or 1, first[2] or 1)
        y, m = last[0], last[1] or 12
        end = date(y, m, last[2] or calendar.monthrange(y, m)[1])
    except ValueError:
        return None
    return start, end


_TALLY = re.compile(r"\d+-(\d+)")


def _unanimous(value: str) -> bool | None:
    """True for a unanimous vote (read.events.tallies), None for a tally with none against ("5-0"), else False."""
    if value.strip().lower() == "unanimous":
        return True
    m = _TALLY.fullmatch(value.strip())
    return None if m and m.group(1) == "0" else False


def _compatible(a: str, b: str) -> bool:
    """Whether two values can both be right: the same value, numeric bounds that overlap in one unit, or dates
    that share a day ("2025-02" and "2025-02-19": a month and a day of it)."""
    if value_key(a) == value_key(b):
        return True
    if {_unanimous(a), _unanimous(b)} == {True, None}:
        return True                                       # a unanimous vote is one with none against: "5-0"
    if (da := _days(a)) is not None and (db := _days(b)) is not None:
        return max(da[0], db[0]) <= min(da[1], db[1])
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return False
    return ba[2] == bb[2] and max(ba[0], bb[0]) <= min(ba[1], bb[1])


def _earlier(days: tuple, later: tuple) -> bool:
    """Whether every article of `days` ((earliest, latest) publication pairs) came out before all of `later`."""
    return (None not in (x for pair in days + later for x in pair)
            and max(latest for _, latest in days) < min(earliest for earliest, _ in later))


def _falls(high: str, high_days: tuple, low: str, low_days: tuple) -> bool:
    """Whether `low` lies wholly below `high` and was stated only by articles published strictly after all of
    `high`'s ((earliest, latest) publication pairs): a running total that went down."""
    bh, bl = bounds(high), bounds(low)
    return bl is not None and bh is not None and bl[2] == bh[2] and bl[1] < bh[0] and _earlier(high_days, low_days)


def _same_day(days: tuple, other: tuple) -> bool:
    """Whether an article of `days` and one of `other` were both published on one known day."""
    return bool({e for e, l in days if e is not None and e == l} & {e for e, l in other if e is not None and e == l})


def objects_named(an: AnalysedArticle, name_of: Callable[[str], str | None]) -> tuple[Fact, ...]:
    """The facts of one analysis, an attribute that ends with a second entity's name as the article names it
    ("stake in Halvorsen", `_NAMING`) ending with the story's name for it instead (`name_of`: per-article
    entity id -> that name, None when unknown), so that articles naming one company differently ("Halvorsen",
    "Halvorsen Maritime") give one attribute; a name no entity of the article has stays as written."""
    ids = {e.name: e.id for e in reversed(an.entities)}             # the first entity of a name, as readers do
    out = []
    for f in an.facts:
        prefix = next((p for p in _NAMING if f.attribute.startswith(p)), None)
        eid = ids.get(f.attribute[len(prefix):]) if prefix else None
        name = name_of(eid) if eid else None
        out.append(replace(f, attribute=prefix + name) if name else f)
    return tuple(out)


def compare(facts: Iterable[tuple[str, str | None, Fact, str | None]],
            copies: Mapping[str, str] | None = None,
            published: Mapping[str, DateRange] | None = None,
            outlets: Mapping[str, str] | None = None) -> list[ComparedFact]:
    """(article id, corpus subject id, fact, source entity id) -> one ComparedFact per (subject, attribute, value).

    The first spelling of an attribute and of a value names it; the evidence
    keeps every article's sentence, in input order. Facts come in the order of
    their first statement, so a fact keeps its place (and the id numbered from
    it) when a later article adds others. `copies` (article id -> the article
    it duplicates, stage 2's `duplicate_of`): a copy is the same report, not
    another source, so a value stated by an article and its copies alone is
    `single`, and a copy's sentence is left out of a value's evidence its original states too (it counts
    once). `published` (article id -> publication interval): dates that let a running total rise
    without conflict (module doc); an article without both ends of its interval decides nothing.
    `outlets` (article id -> its outlet): two articles of one outlet (a wire story and its update) are one
    source, so a value they alone state is `single`: agreement is between outlets.
    """
    copies, published, outlets = copies or {}, published or {}, outlets or {}

    def days(evidence: list[Evidence]) -> tuple:
        return tuple((r.earliest, r.latest) if (r := published.get(e.article_id)) else (None, None)
                     for e in evidence)

    groups: dict[tuple, dict[str, tuple[str, str, list[Evidence], int]]] = defaultdict(dict)
    said: dict[int, set[tuple[str, str | None]]] = defaultdict(set)    # id(evidence list) -> (article, credited)
    for n, (article_id, subject, f, source) in enumerate(facts):
        values = groups[(subject, f.attribute.lower())]
        _, _, evidence, _ = values.setdefault(value_key(f.value), (f.attribute, f.value, [], n))
        evidence.append(Evidence(article_id, f.evidence.start, f.evidence.end, f.evidence.text, source))
        said[id(evidence)].add((article_id, f.source))

    def sources(evidence: list[Evidence]) -> set[str]:
        originals = (copies.get(e.article_id, e.article_id) for e in evidence)
        return {outlets.get(a) or a for a in originals}

    def against(a: str, a_ev: list[Evidence], b: str, b_ev: list[Evidence], attribute_key: str) -> bool:
        if _compatible(a, b) or not _comparable(a, b):
            return False
        in_a, in_b = said[id(a_ev)], said[id(b_ev)]         # (article, whom it credits the value to)
        if not (in_a - in_b and in_b - in_a):
            return False                                  # one article states both: a change it reports
        da, db = days(a_ev), days(b_ev)
        if not attribute_key.startswith(_EITHER_WAY + _RUNNING_TOTALS):
            return True
        if None in (x for pair in da + db for x in pair) or _same_day(da, db):
            return True                                   # a figure that moves, stated at one time (or unknown)
        if attribute_key.startswith(_EITHER_WAY) or attribute_key.endswith(_QUEUES):
            return False
        return _falls(a, da, b, db) or _falls(b, db, a, da)

    out = []
    for (subject, attribute_key), values in groups.items():
        stated = list(values.values())
        for attribute, value, evidence, first in stated:
            own = sources(evidence)
            backing = {a for _, v, ev, _ in stated if _compatible(value, v) for a in sources(ev)}
            conflict = any(against(value, evidence, v, ev, attribute_key) for _, v, ev, _ in stated)
            status = "conflict" if conflict else "agree" if backing - own or len(own) > 1 else "single"
            stating = {e.article_id for e in evidence}
            out.append((first, ComparedFact(subject, attribute, value, status,
                                            tuple(e for e in evidence if copies.get(e.article_id) not in stating))))
    return [f for _, f in sorted(out, key=lambda t: t[0])]
