"""Cross-document event coreference: the same event reported by several articles becomes one.

Method: the lemma-and-argument heuristic of Ahmed et al. 2023 ("2*n is better
than n^2": a trigger-lemma plus argument-overlap rule that reaches CoNLL F1 76
on ECB+ with gold mentions), with our typed events standing in for lemmas.
Two reports are one event when they are in the same story (or the same
article when no story is known), of the same type, share a person or
organisation among their participants, name no different place, and their
times are compatible (both undated, or overlapping intervals; a dated and an
undated report join only when their participants are the same). Candidate
pairs come from blocks keyed by (group, type, participant), never all pairs.
Reports that name no person or organisation ("the March 13 explosion in
Pasadena", the deaths it caused) are one event when they are in the same
story, of the same type, name no different place and are dated within a week
that overlaps (a sweep over their dates, never all pairs).
Statements are never merged: two statements by one speaker on one day are
usually two things said. Negated reports merge only with negated ones.
An expected report ("a CAS ruling is expected next month") is one event with
the first actual report of its block that a later article dates from its
expected time to `_LATE` days after it ("CAS on Tuesday dismissed both
appeals", seven weeks after the month expected): what was awaited, then done,
whose latest state is actual. An actual report its article leaves undated
happened between the expected report's publication and its own.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Iterable, Mapping, Sequence

from storyline.records import AnalysedArticle, DateRange, Event, EventReport, Evidence, MergedEvent
from storyline.connect.union import Union

_STATE = {"negated": 0, "possible": 1, "expected": 2, "actual": 3}     # later states win
_NEVER_MERGED = {"statement"}
_NARROW = 7                  # days: the widest date of a report that names no one, for it to be merged
_LATE = 92                   # days: how late an expected event may come and still be the one that was expected


def _overlap(a: DateRange | None, b: DateRange | None) -> bool:
    lo = max(a.earliest or date.min, b.earliest or date.min)
    hi = min(a.latest or date.max, b.latest or date.max)
    return lo <= hi


def _width(r: DateRange | None) -> int:
    if r is None or r.earliest is None or r.latest is None:
        return 10 ** 6
    return (r.latest - r.earliest).days


def _compatible(a: tuple, b: tuple, people: set[str]) -> bool:
    (_, ea, pa, _), (_, eb, pb, _) = a, b
    if (ea.modality == "negated") != (eb.modality == "negated"):
        return False
    if ea.place and eb.place and ea.place != eb.place:
        return False
    if not ({x for _, x in pa} & {x for _, x in pb} & people):
        return False
    if ea.time is None or eb.time is None:
        return ea.time is eb.time or {x for _, x in pa} == {x for _, x in pb}
    return _overlap(ea.time, eb.time)


def _done_when(actual: tuple, expected: tuple, published: Mapping[str, DateRange], late: date) -> DateRange | None:
    """When an actual report's event happened, as far as it bears on an expected report: its own time, else
    (undated) between the expected report's publication and its own, if that is no later than `late` (told
    long after, it may be another one); None when not known."""
    if actual[1].time is not None:
        return actual[1].time
    before, after = published.get(expected[0]), published.get(actual[0])
    if before is None or after is None or before.earliest is None or after.latest is None or after.latest > late:
        return None
    return DateRange(before.earliest, after.latest) if before.earliest <= after.latest else None


def _delivered(items: list[tuple], members: list[int], published: Mapping[str, DateRange]) -> list[tuple[int, int]]:
    """(expected, actual) pairs of one block: each dated expected report and the first actual report that
    happened from its expected time to `_LATE` days after it, naming no different place (dated reports first,
    then by day)."""
    pairs = []
    for i in members:
        exp = items[i][1]
        if exp.modality != "expected" or exp.time is None:
            continue
        lo = exp.time.earliest or date.min
        hi = exp.time.latest + timedelta(days=_LATE) if exp.time.latest else date.max
        found = []
        for j in members:
            act = items[j][1]
            if act.modality != "actual" or exp.place and act.place and exp.place != act.place:
                continue
            when = _done_when(items[j], items[i], published, hi)
            if when is not None and (when.latest or date.max) >= lo and (when.earliest or date.min) <= hi:
                found.append((act.time is None, when.earliest or date.min, j))
        if found:
            pairs.append((i, min(found)[2]))
    return pairs


def merge_events(analyses: Sequence[AnalysedArticle], to_corpus: Mapping[tuple[str, str], str],
                 story_of: Mapping[str, str] | None = None, people: Iterable[str] = (),
                 copies: Mapping[str, str] | None = None,
                 published: Mapping[str, DateRange] | None = None) -> list[MergedEvent]:
    """Every event of the analyses, reports of one event merged; ids `v1`, `v2`, ... in first-report order.

    `to_corpus`: (article id, per-article entity id) -> corpus entity id.
    `story_of`: article id -> story id (articles without one are compared only with themselves).
    `people`: corpus ids of persons and organisations (places and groups alone never make two reports one).
    `copies`: article id -> the article it duplicates (stage 2's `duplicate_of`): an event of a copy told
    in the same words as one of its original is that event, whatever its type (a statement included), and a
    copy's report of an event its original reports too is left out (the same report: it counts once, as in
    timelines and facts); an event only the copy reports (a sentence its editor added) keeps it.
    `published`: article id -> publication interval, which bounds an undated actual report that an expected
    one awaited (`_delivered`).
    """
    story_of = story_of or {}
    people = set(people)
    items: list[tuple[str, Event, tuple[tuple[str, str], ...], int]] = []
    for an in analyses:
        for k, e in enumerate(an.events):
            parts = tuple((role, c) for role, lid in e.participants if (c := to_corpus.get((an.article_id, lid))))
            place = to_corpus.get((an.article_id, e.place)) if e.place else None
            items.append((an.article_id, replace(e, place=place), parts, k))
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, (aid, e, parts, _) in enumerate(items):
        if e.type in _NEVER_MERGED:
            continue
        group = story_of.get(aid, "article:" + aid)
        for _, c in parts:
            if c in people:
                blocks[(group, e.type, c)].append(i)
    u = Union(len(items))
    told: dict[tuple[str, str, str], int] = {}          # (article, type, sentence) -> first such event
    for i, (aid, e, _, _) in enumerate(items):
        told.setdefault((aid, e.type, e.sentence.text), i)
    for i, (aid, e, _, _) in enumerate(items):
        original = told.get(((copies or {}).get(aid, ""), e.type, e.sentence.text))
        if original is not None:
            u.join(original, i)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if u.find(i) != u.find(j) and _compatible(items[i], items[j], people):
                    u.join(i, j)
        for i, j in _delivered(items, members, published or {}):
            u.join(i, j)
    for members in _unnamed(items, story_of, people).values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if items[j][1].time.earliest > items[i][1].time.latest:
                    break                                # sorted by earliest day: no later one overlaps
                ei, ej = items[i][1], items[j][1]
                if (ei.modality == "negated") == (ej.modality == "negated") and \
                        not (ei.place and ej.place and ei.place != ej.place):
                    u.join(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[u.find(i)].append(i)
    out = []
    for n, root in enumerate(sorted(groups), start=1):
        out.append(_merged(f"v{n}", _once((items[i] for i in groups[root]), copies or {})))
    return out


def _once(reports: Iterable[tuple], copies: Mapping[str, str]) -> list[tuple]:
    """The reports (article id first) of one event less those of a copy whose original reports it too."""
    reports = list(reports)
    present = {r[0] for r in reports}
    return [r for r in reports if copies.get(r[0]) not in present]


def _unnamed(items: list[tuple], story_of: Mapping[str, str], people: set[str]) -> dict[tuple, list[int]]:
    """(story, type) -> the reports in it that name no person or organisation and are dated within `_NARROW`
    days, by earliest day."""
    out: dict[tuple, list[int]] = defaultdict(list)
    for i, (aid, e, parts, _) in enumerate(items):
        if aid in story_of and e.type not in _NEVER_MERGED and _width(e.time) <= _NARROW \
                and not any(c in people for _, c in parts):
            out[(story_of[aid], e.type)].append(i)
    for members in out.values():
        members.sort(key=lambda i: items[i][1].time.earliest)
    return out


def _merged(event_id: str, reports: list[tuple]) -> MergedEvent:
    first = reports[0][1]
    participants: list[tuple[str, str]] = []
    for _, _, parts, _ in reports:
        for p in parts:
            if p not in participants:
                participants.append(p)
    times = [e.time for _, e, _, _ in reports if e.time is not None]
    place = next((e.place for _, e, _, _ in reports if e.place), None)
    return MergedEvent(
        id=event_id, type=first.type, participants=tuple(participants), place=place,
        time=min(times, key=_width) if times else None,
        modality=max((e.modality for _, e, _, _ in reports), key=lambda m: _STATE.get(m, 3)),
        reports=tuple(EventReport(Evidence(aid, e.sentence.start, e.sentence.end, e.sentence.text),
                                  e.trigger.text, e.modality, k) for aid, e, _, k in reports))
