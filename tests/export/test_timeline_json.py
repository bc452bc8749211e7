"""A story's timeline as the export writes it (EXPORT.md `stories[].timeline`)."""
from storyline.export.json import timeline
from storyline.records import TimelineEntry

ENTRY = TimelineEntry("2022-02-17", "She was arrested on February 17.", "a1", 5, 38, 0.93, ("a1", "a2"),
                      (("a1", 0), ("a2", 3)))


def test_entries_carry_the_contract_fields_and_their_provenance():
    assert timeline([ENTRY], {("a1", 0): "v4", ("a9", 0): "v9"}) == [{
        "date": "2022-02-17", "text": "She was arrested on February 17.", "event_ids": ["v4"], "score": 0.93,
        "article_id": "a1", "start": 5, "end": 38, "article_ids": ["a1", "a2"]}]
    assert timeline([ENTRY])[0]["event_ids"] == []
