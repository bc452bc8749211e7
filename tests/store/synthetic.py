"""A small store written through the store interface, for the readers' tests (no spaCy)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from storyline.records import (AnalysedArticle, Article, ComparedFact, Connected, CorpusEntity, DateRange, Entity,
                               Event, EventReport, Evidence, MergedEvent, Mention, Quote, Story, TimeExpression,
                               TimelineEntry)
from storyline.store import open_store

TEXTS = {
    "a1": ("Harbour bridge to close", "Mayor Jane Doe said the harbour bridge will close in March. Doe, 52, said so."),
    "a2": ("<script>alert(1)</script> Bridge vote", "The council voted on Monday. Jane Doe said: \"We act now.\""),
    "a3": ("Storm hits coast", "A storm hit the coast on Friday. Rescue teams from Red Cross arrived."),
}
OUTLETS = {"a1": "Harbour News", "a2": "City Daily", "a3": "Harbour News"}
DAYS = {"a1": date(2023, 2, 1), "a2": date(2023, 2, 3), "a3": date(2023, 5, 9)}


def span(aid: str, text: str) -> Mention:
    start = TEXTS[aid][1].index(text)
    return Mention(start, start + len(text), text)


def analysis(aid: str) -> AnalysedArticle:
    if aid == "a3":
        return AnalysedArticle(aid, (Entity("e1", "Red Cross", "ORG", (span(aid, "Red Cross"),)),),
                               (TimeExpression(*_at(aid, "Friday"), "DATE", "2023-05-05"),))
    doe = Entity("e1", "Jane Doe", "PERSON", (span(aid, "Jane Doe"),) + ((span(aid, "Doe,"),) if aid == "a1" else ()),
                 roles=("Mayor",) if aid == "a1" else ("council member",))
    said = "We act now." if aid == "a2" else "the harbour bridge will close in March"
    quote = Quote(*_at(aid, said), "direct" if aid == "a2" else "indirect", speaker=span(aid, "Jane Doe"),
                  speaker_entity="e1")
    sentence = span(aid, TEXTS[aid][1].split(". ")[0])
    return AnalysedArticle(aid, (doe,), (), (quote,), (Event("vote", sentence, sentence),))


def _at(aid: str, text: str) -> tuple[int, int, str]:
    m = span(aid, text)
    return m.start, m.end, m.text


def fill(path: Path, stories: bool = True) -> Path:
    """Three articles (a2's title is markup), their readings, stage 4, and (unless `stories` is False)
    two stories, s1 = a1 + a2 with a timeline and s2 = a3, and s0 merged into s1."""
    with open_store(path) as store:
        for aid, (title, text) in TEXTS.items():
            store.add_article(Article(aid, f"in/{aid}.txt", text, f"h{aid}", title=title, outlet=OUTLETS[aid],
                                      url="javascript:alert(1)" if aid == "a2" else f"https://example.org/{aid}",
                                      published=DateRange(DAYS[aid], DAYS[aid], "given")), text_hash=aid)
            store.add_analysis(analysis(aid), "v")
        vote = Evidence("a2", *_at("a2", "The council voted on Monday"))
        store.set_connected(Connected(
            entities=(CorpusEntity("person:jane-doe", "Jane Doe", "PERSON", ("Doe",), ("Mayor",),
                                   (("a1", "e1"), ("a2", "e1"))),
                      CorpusEntity("org:red-cross", "Red Cross", "ORG", members=(("a3", "e1"),))),
            events=(MergedEvent("v1", "vote", (("agent", "person:jane-doe"),), time=DateRange(DAYS["a2"], DAYS["a2"]),
                                reports=(EventReport(vote, "voted", "actual"),)),),
            facts=(ComparedFact("person:jane-doe", "age", "52", "single", (Evidence("a1", *_at("a1", "Doe, 52")),)),
                   ComparedFact("person:jane-doe", "age", "53", "conflict", (Evidence("a2", *_at("a2", "Jane Doe")),)))))
        if stories:
            store.save_stories([
                (Story("s0", "Old bridge story"), None, (), 0),
                (Story("s1", "Harbour bridge closes", ("a1", "a2"), ("City Daily", "Harbour News"), DAYS["a1"],
                       DAYS["a2"], people=("person:jane-doe",), places=("Harbour City",)), None, (), 2),
                (Story("s2", "Storm on the coast", ("a3",), ("Harbour News",), DAYS["a3"], DAYS["a3"]), None, (), 1),
                (Story("s0", "Old bridge story", merged_into="s1"), None, (), 0)])
            store.save_timeline("s1", "k", [TimelineEntry("2023-02-03", vote.text, "a2", vote.start, vote.end, 0.9)])
    return path
