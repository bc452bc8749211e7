"""Merged events: small stories written for the test, with the reports that must and must not be one event."""
from datetime import date

import pytest

from storyline.connect.events import merge_events
from storyline.records import AnalysedArticle, DateRange, Event, Mention

FEB = DateRange(date(2022, 2, 1), date(2022, 2, 28))
FEB17 = DateRange(date(2022, 2, 17), date(2022, 2, 17))
Y2008 = DateRange(date(2008, 1, 1), date(2008, 12, 31))
AUG5 = DateRange(date(2022, 8, 5), date(2022, 8, 5))
MAR4 = DateRange(date(2025, 3, 4), date(2025, 3, 4))
MAR13 = DateRange(date(2025, 3, 13), date(2025, 3, 13))
MAR_WEEK = DateRange(date(2025, 3, 3), date(2025, 3, 9))          # "two weeks ago"
JULY2021 = DateRange(date(2021, 7, 1), date(2021, 7, 31))


def ev(kind, who, time=None, modality="actual", place=None, trigger="x"):
    return Event(kind, Mention(0, len(trigger), trigger), Mention(0, 20, f"{trigger} sentence"),
                 tuple(("patient", w) for w in who), place, time, modality)


def analyses(*reports):
    """reports: (article id, event) -> analyses whose local ids are the corpus ids themselves."""
    by_article = {}
    for aid, e in reports:
        by_article.setdefault(aid, []).append(e)
    return [AnalysedArticle(aid, events=tuple(es)) for aid, es in by_article.items()]


def merged(reports, story_of=None, published=None):
    ans = analyses(*reports)
    ids = {(an.article_id, lid) for an in ans for e in an.events for _, lid in e.participants} | \
          {(an.article_id, e.place) for an in ans for e in an.events if e.place}
    people = {lid for _, lid in ids if lid.startswith(("person:", "org:"))}
    story_of = story_of if story_of is not None else {an.article_id: "s1" for an in ans}
    return merge_events(ans, {k: k[1] for k in ids}, story_of, people, published=published)


CASES = [
    ("one arrest, two outlets, month and day", [("a1", ev("arrest", ["person:griner"], FEB)),
                                                 ("a2", ev("arrest", ["person:griner"], FEB17))], [["a1", "a2"]]),
    ("same person, arrests years apart", [("a1", ev("arrest", ["person:bout"], Y2008)),
                                          ("a2", ev("arrest", ["person:bout"], FEB))], [["a1"], ["a2"]]),
    ("same time, different people", [("a1", ev("arrest", ["person:griner"], FEB)),
                                     ("a2", ev("arrest", ["person:whelan"], FEB))], [["a1"], ["a2"]]),
    ("different types", [("a1", ev("arrest", ["person:griner"], FEB)),
                         ("a2", ev("trial", ["person:griner"], FEB))], [["a1"], ["a2"]]),
    ("different places", [("a1", ev("arrest", ["person:bout"], Y2008, place="gpe:thailand")),
                          ("a2", ev("arrest", ["person:bout"], Y2008, place="gpe:russia"))], [["a1"], ["a2"]]),
    ("a shared country is not a shared actor", [("a1", ev("arrest", ["gpe:russia", "person:a"], FEB)),
                                                ("a2", ev("arrest", ["gpe:russia", "person:b"], FEB))],
     [["a1"], ["a2"]]),
    ("statements stay apart", [("a1", ev("statement", ["person:putin"], AUG5)),
                               ("a2", ev("statement", ["person:putin"], AUG5))], [["a1"], ["a2"]]),
    ("negated never merges with actual", [("a1", ev("release", ["person:bout"], AUG5, "negated")),
                                          ("a2", ev("release", ["person:bout"], AUG5))], [["a1"], ["a2"]]),
    # reports that name no one: the same story, type and days, no different place
    ("one explosion, three outlets", [("a1", ev("incident", [], MAR4, place="gpe:marl")),
                                      ("a2", ev("incident", [], MAR4)),
                                      ("a3", ev("incident", [], MAR_WEEK, place="gpe:marl"))], [["a1", "a2", "a3"]]),
    ("explosions years apart", [("a1", ev("incident", [], MAR4, place="gpe:marl")),
                                ("a2", ev("incident", [], JULY2021, place="gpe:leverkusen"))], [["a1"], ["a2"]]),
    ("explosions the same day in two places", [("a1", ev("incident", [], MAR4, place="gpe:marl")),
                                               ("a2", ev("incident", [], MAR4, place="gpe:essen"))], [["a1"], ["a2"]]),
    ("explosions a week apart", [("a1", ev("incident", [], MAR4)), ("a2", ev("incident", [], MAR13))],
     [["a1"], ["a2"]]),
]


@pytest.mark.parametrize("name,reports,groups", CASES, ids=[c[0] for c in CASES])
def test_reports_merge_exactly_when_they_are_one_event(name, reports, groups):
    assert sorted(list(v.article_ids) for v in merged(reports)) == sorted(groups)


def test_expected_then_delivered_is_one_event_whose_latest_state_is_actual():
    [v] = merged([("a1", ev("verdict", ["person:griner"], AUG5, "expected", trigger="verdict")),
                  ("a2", ev("verdict", ["person:griner"], AUG5, "actual", trigger="convicted"))])
    assert v.modality == "actual"
    assert [(r.evidence.article_id, r.modality, r.trigger) for r in v.reports] == [
        ("a1", "expected", "verdict"), ("a2", "actual", "convicted")]
    assert v.time == AUG5


def test_the_merged_time_is_the_narrowest_report():
    [v] = merged([("a1", ev("arrest", ["person:griner"], FEB)), ("a2", ev("arrest", ["person:griner"], FEB17))])
    assert v.time == FEB17


def test_reports_in_different_stories_are_never_merged():
    reports = [("a1", ev("arrest", ["person:griner"], FEB)), ("a2", ev("arrest", ["person:griner"], FEB))]
    assert len(merged(reports, {"a1": "s1", "a2": "s2"})) == 2
    assert len(merged(reports, {})) == 2            # no story known: each article alone


@pytest.mark.parametrize("copy_trigger, groups", [
    ("said", [["a1"]]),                        # the copy's statement, told in the same words, is the original's:
    ("added", [["a1"], ["a2"]]),               # counted once; another sentence of the copy is another statement
])
def test_an_event_of_a_copy_told_in_the_same_words_is_the_originals(copy_trigger, groups):
    ans = analyses(("a1", ev("statement", ["person:calvino"], AUG5, trigger="said")),
                   ("a2", ev("statement", ["person:calvino"], AUG5, trigger=copy_trigger)))
    got = merge_events(ans, {(a, "person:calvino"): "person:calvino" for a in ("a1", "a2")},
                       {"a1": "s1", "a2": "s1"}, {"person:calvino"}, copies={"a2": "a1"})
    assert sorted(list(v.article_ids) for v in got) == groups


OCT = DateRange(date(2026, 10, 1), date(2026, 10, 31))                  # "a ruling is expected next month"
NOV24 = DateRange(date(2026, 11, 24), date(2026, 11, 24))               # "CAS on Tuesday dismissed both appeals"
MARCH = DateRange(date(2027, 3, 2), date(2027, 3, 2))
JUNE = DateRange(date(2026, 6, 9), date(2026, 6, 9))
SEP15 = DateRange(date(2026, 9, 15), date(2026, 9, 15))


def expected_ruling():
    return ("a1", ev("verdict", ["org:cas"], OCT, "expected", trigger="ruling"))


# an expected event that a later article reports as done is one event, even when it came later than expected
# ("expected next month", delivered seven weeks after it): the first actual report from the expected time to
# three months after it; never one from before it, nor one long after, nor a second one
DELIVERED = [
    ("delivered late", [expected_ruling(), ("a2", ev("verdict", ["org:cas", "person:ibanez"], NOV24))],
     [["a1", "a2"]]),
    ("delivered long after: another ruling", [expected_ruling(), ("a2", ev("verdict", ["org:cas"], MARCH))],
     [["a1"], ["a2"]]),
    ("an earlier ruling", [expected_ruling(), ("a2", ev("verdict", ["org:cas"], JUNE))], [["a1"], ["a2"]]),
    ("only the first one done", [expected_ruling(), ("a2", ev("verdict", ["org:cas"], NOV24)),
                                 ("a3", ev("verdict", ["org:cas"], DateRange(date(2026, 12, 15), date(2026, 12, 15))))],
     [["a1", "a2"], ["a3"]]),
    ("a different place", [("a1", ev("verdict", ["org:cas"], OCT, "expected", place="gpe:lausanne")),
                           ("a2", ev("verdict", ["org:cas"], NOV24, place="gpe:madrid"))], [["a1"], ["a2"]]),
    ("possible is not expected", [("a1", ev("verdict", ["org:cas"], OCT, "possible")),
                                  ("a2", ev("verdict", ["org:cas"], NOV24))], [["a1"], ["a2"]]),
]


@pytest.mark.parametrize("name,reports,groups", DELIVERED, ids=[c[0] for c in DELIVERED])
def test_an_expected_event_later_reported_done_is_one_event(name, reports, groups):
    assert sorted(list(v.article_ids) for v in merged(reports)) == sorted(groups)


def test_the_delivered_event_is_actual_with_both_reports_as_evidence():
    [v] = merged([expected_ruling(), ("a2", ev("verdict", ["org:cas", "person:ibanez"], NOV24, trigger="dismissed"))])
    assert v.modality == "actual" and v.time == NOV24
    assert [(r.evidence.article_id, r.modality, r.trigger) for r in v.reports] == [
        ("a1", "expected", "ruling"), ("a2", "actual", "dismissed")]


@pytest.mark.parametrize("published_a2, groups", [
    (NOV24, [["a1", "a2"]]),                       # undated, told after it was expected: done in between
    (MARCH, [["a1"], ["a2"]]),                     # told too long after: it may be another ruling
    (SEP15, [["a1"], ["a2"]]),                     # told as done the day another article awaits it: another one
])
def test_an_undated_actual_report_happened_between_the_two_articles(published_a2, groups):
    reports = [expected_ruling(), ("a2", ev("verdict", ["org:cas", "person:ibanez"]))]
    got = merged(reports, published={"a1": SEP15, "a2": published_a2})
    assert sorted(list(v.article_ids) for v in got) == groups


# (reports as (article, trigger), the merged event's reports): a copy (a2 of a1) that reports an event its
# original reports too adds no report; one its original does not report keeps it (it is then its only source)
COPY_REPORTS = [
    ([("a1", "said"), ("a2", "said")], [("a1", "said")]),
    ([("a1", "said"), ("a2", "said"), ("a3", "said")], [("a1", "said"), ("a3", "said")]),
    ([("a2", "said"), ("a3", "said")], [("a2", "said"), ("a3", "said")]),       # the original does not report it
]


@pytest.mark.parametrize("reports, kept", COPY_REPORTS)
def test_a_copys_report_of_an_event_counts_once(reports, kept):
    ans = analyses(*((a, ev("arrest", ["person:griner"], FEB, trigger=t)) for a, t in reports))
    [v] = merge_events(ans, {(a, "person:griner"): "person:griner" for a, _ in reports},
                       {a: "s1" for a, _ in reports}, {"person:griner"}, copies={"a2": "a1"})
    assert [(r.evidence.article_id, r.trigger) for r in v.reports] == kept
