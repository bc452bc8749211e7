"""Stage 3, events and facts: what happened, to whom, when, and the checkable facts.

`find_events(doc, entities, times, published) -> list[Event]`: events of the
types in `docs/events.md` (`types`), with participants and roles
(`arguments`), place, own time or undated (`timing`) and modality
(`modality`: actual | expected | possible | negated).
`find_facts(doc, entities, events) -> list[Fact]`: typed facts (sentences,
counts, amounts, ages, event dates) with their evidence sentence; their
agreement across articles is decided in stage 4.
"""
from storyline.read.events.facts import find_facts
from storyline.read.events.finder import find_events

__all__ = ["find_events", "find_facts"]
