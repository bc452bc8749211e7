"""The Markdown dossier: one section per story, traceable lines, article text made inert."""
from storyline.export.report import render

ART = lambda i, **kw: {"id": f"a{i}", "path": f"in/{i}.txt", "url": None, "outlet": f"Outlet {i}",  # noqa: E731
                       "title": f"Title {i}", "published": {"earliest": f"2022-0{i}-01", "latest": f"2022-0{i}-01"},
                       "duplicate_of": None, **kw}

EXPORT = {
    "articles": [ART(1), ART(2), ART(3, title="<script>alert(1)</script> *bold* [x](javascript:alert(1))")],
    "entities": [{"id": "p1", "name": "Jane Doe", "type": "PERSON", "roles": ["minister"],
                  "mentions": [{"article_id": "a1"}, {"article_id": "a2"}]},
                 {"id": "g1", "name": "Seoul", "type": "GPE", "mentions": [{"article_id": "a2"}]}],
    "events": [{"id": "v1", "type": "arrest", "participants": ["p1"], "time": {"earliest": "2022-02-01",
                "latest": "2022-02-28"}, "modality": "actual", "article_ids": ["a1", "a2"],
                "evidence": [{"article_id": "a1", "modality": "expected"}, {"article_id": "a2", "modality": "actual"}]},
               {"id": "v2", "type": "incident", "participants": [], "place": "g1", "modality": "actual",
                "time": {"earliest": "2022-02-03", "latest": "2022-02-03"}, "article_ids": ["a2"],
                "evidence": [{"article_id": "a2", "modality": "actual"}]}],
    "quotes": [{"article_id": "a2", "speaker": "p1", "kind": "direct", "text": "We will <b>win</b>"}],
    "facts": [{"subject": "p1", "attribute": "age", "value": "52", "status": "agree", "article_ids": ["a1", "a2"],
               "evidence": [{"article_id": "a1", "text": "Doe, 52, said.", "source": None},
                            {"article_id": "a2", "text": "The 52-year-old", "source": "p1"}]}],
    "stories": [{"id": "s1", "title": "Doe arrested", "article_ids": ["a1", "a2"], "places": ["Seoul", "Busan"],
                 "timeline": [{"date": "2022-02-03", "text": "Doe was arrested.", "article_ids": ["a2"]}]},
                {"id": "s2", "title": "Other story", "article_ids": ["a3"], "timeline": []},
                {"id": "s0", "title": "Gone", "article_ids": ["a1"], "merged_into": "s1"}],
    "refusals": [{"source": "bad.bin", "reason": "binary content"}],
}


def test_one_section_per_story_with_every_part_and_numbered_sources():
    text = render(EXPORT)
    assert text.count("\n## ") == 3                     # two live stories + refused inputs; merged s0 is not shown
    story = text.split("\n## ")[1]
    assert story.startswith("Doe arrested\n\n2022-01-01 to 2022-02-01; 2 articles; 2 outlets (Outlet 1, Outlet 2). "
                            "Where: Seoul, Busan.")
    for heading in ("### Timeline", "### Events", "### Cast", "### Quotes by speaker", "### Claims across outlets",
                    "### Sources"):
        assert heading in story
    assert "- **2022-02-03** Doe was arrested. [2]" in story
    assert "**arrest** (actual) Jane Doe; 2 reports (1 expected, 1 actual) [1][2]" in story
    assert "- 2022-02-03: **incident** (actual) in Seoul; 1 report (1 actual) [2]" in story
    assert "- **Jane Doe** (person, minister): 2 mentions [1][2]" in story
    assert "  - Outlet 2, according to Jane Doe: “The 52-year-old” [2]" in story
    assert "1. Title 1 — Outlet 1, 2022-01-01 (`in/1.txt`)" in story


def test_article_text_cannot_inject_markup():
    text = render(EXPORT)
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](javascript:alert(1))" in text


def test_a_corpus_without_stories_is_one_section():
    text = render({**EXPORT, "stories": []})
    assert "\n## All articles\n" in text and "3 articles" in text
    assert "0 stories from 3 articles" in text and "not grouped into stories yet" in text


def test_a_copy_is_counted_and_its_quotes_and_claims_are_shown_once():
    """A copy (`duplicate_of` an article of the story) is a source listed as a copy, not a second voice: its
    quotes, mentions and claim evidence are its original's."""
    copy = ART(4, outlet="Outlet 4", duplicate_of="a2")
    export = {**EXPORT, "articles": [*EXPORT["articles"], copy],
              "entities": [{**EXPORT["entities"][0], "mentions": [{"article_id": "a1"}, {"article_id": "a2"},
                                                                  {"article_id": "a4"}]}],
              "quotes": [*EXPORT["quotes"], {**EXPORT["quotes"][0], "article_id": "a4"}],
              "facts": [{**EXPORT["facts"][0], "article_ids": ["a1", "a2", "a4"],
                         "evidence": [*EXPORT["facts"][0]["evidence"], {**EXPORT["facts"][0]["evidence"][1],
                                                                        "article_id": "a4"}]}],
              "stories": [{**EXPORT["stories"][0], "article_ids": ["a1", "a2", "a4"]}]}
    story = render(export).split("\n## ")[1]
    assert "; 3 articles (1 of them a copy of another); 3 outlets" in story
    assert story.count("We will") == 1 and story.count("The 52-year-old") == 1
    assert "- **Jane Doe** (person, minister): 2 mentions [1][2]" in story
    assert "3. Title 4 — Outlet 4, 2022-04-01 (`in/4.txt`); copy of `a2`" in story


def test_what_an_update_adds_to_its_first_version_is_shown():
    """A version (`duplicate_of` its outlet's first version) shows its own quotes and claims, once."""
    update = ART(4, outlet="Outlet 2", duplicate_of="a2")
    added = {"subject": "p1", "attribute": "age", "value": "53", "status": "single", "article_ids": ["a4"],
             "evidence": [{"article_id": "a4", "text": "Doe, 53, resigned.", "source": None}]}
    export = {**EXPORT, "articles": [*EXPORT["articles"], update],
              "quotes": [*EXPORT["quotes"], {**EXPORT["quotes"][0], "article_id": "a4"},
                         {**EXPORT["quotes"][0], "article_id": "a4", "text": "We will appeal"}],
              "facts": [*EXPORT["facts"], added],
              "stories": [{**EXPORT["stories"][0], "article_ids": ["a1", "a2", "a4"]}]}
    story = render(export).split("\n## ")[1]
    assert story.count("We will") == 2 and "“We will appeal” [3]" in story
    assert "  - Outlet 2: “Doe, 53, resigned.” [3]" in story


def test_what_a_reader_sees_is_plain():
    export = {
        "articles": [ART(1), ART(2, outlet=None)],
        "entities": [{"id": "p1", "name": "Foreign Minister", "type": "PERSON", "roles": ["foreign minister", "envoy"],
                      "mentions": [{"article_id": "a1"}]}],
        "events": [{"id": "v1", "type": "sentence", "participants": ["p1"], "modality": "actual",
                    "time": {"earliest": "2012-01-01", "latest": "2012-12-31"}, "article_ids": ["a1"],
                    "evidence": [{"article_id": "a1"}]},
                   {"id": "v2", "type": "arrest", "participants": [], "modality": "actual",
                    "time": {"earliest": "2024-02-01", "latest": "2024-02-29"}, "article_ids": ["a2"],
                    "evidence": [{"article_id": "a2"}]}],
        "quotes": [{"article_id": "a1", "speaker": "p1", "kind": "direct", "text": "\u201cWe will win,\u201d"},
                   {"article_id": "a1", "speaker": "p1", "kind": "mixed", "text": "a \u201cfair\u201d deal"}],
        "facts": [{"subject": "p1", "attribute": "age", "value": "52", "status": "single", "article_ids": ["a1"],
                   "evidence": [{"article_id": "a1", "text": "Doe, 52.", "source": None}]},
                  {"subject": "p1", "attribute": "sentence", "value": "9 years", "status": "conflict",
                   "article_ids": ["a2"], "evidence": [{"article_id": "a2", "text": "Nine years.", "source": None}]}],
        "stories": [{"id": "s1", "title": "T", "article_ids": ["a1", "a2"], "timeline": []}],
    }
    text = render(export)
    assert "2 articles; 1 outlet (Outlet 1), 1 article of unknown outlet." in text
    assert "2 articles; outlets unknown." in render({**export, "articles": [ART(1, outlet=None), ART(2, outlet=None)]})
    assert "- **Foreign Minister** (person, envoy): 1 mention [1]" in text            # a role repeating the name
    assert "- 2012: **sentence**" in text and "- 2024-02: **arrest**" in text          # a whole year, a whole month
    assert "direct: “We will win” [1]" in text and "mixed: “a “fair” deal” [1]" in text
    assert text.index("sentence = 9 years — **conflict**") < text.index("age = 52 — **single**")


def test_a_long_timeline_shows_its_best_dates_in_date_order():
    from storyline.export.report import TIMELINE_SHOWN
    days = [f"2022-{m:02d}-{d:02d}" for m in (1, 2, 3) for d in range(1, 29)][:TIMELINE_SHOWN + 5]
    entries = [{"date": day, "text": f"Entry {k}.", "score": k / 100, "article_ids": ["a1"]} for k, day in enumerate(days)]
    text = render({"articles": [ART(1)], "stories": [{"id": "s1", "title": "T", "article_ids": ["a1"],
                                                      "timeline": entries}]})
    assert f"The {TIMELINE_SHOWN} most important of {TIMELINE_SHOWN + 5} dates" in text
    shown = [line for line in text.splitlines() if line.startswith("- **2022-")]
    assert len(shown) == TIMELINE_SHOWN and shown[0].startswith(f"- **{days[5]}** Entry 5.")
    assert shown == sorted(shown)


def test_paths_are_code_spans_shown_as_written():
    """Inside a code span no escape applies: a path keeps its underscores, and one holding a backtick gets a
    longer fence (CommonMark 6.1)."""
    text = render({**EXPORT, "articles": [ART(1, path="in/000_8f3*.txt"), ART(2, path="in/odd`name.txt"), ART(3)]})
    assert "(`in/000_8f3*.txt`)" in text and "(``in/odd`name.txt``)" in text


def test_quotes_are_grouped_by_the_speaker_that_said_them():
    """A resolved speaker by its entity; an unresolved one by the words naming it, whatever their case."""
    said = lambda speaker, words, text: {"article_id": "a1", "speaker": speaker, "speaker_text": words,  # noqa: E731
                                         "kind": "indirect", "text": text}
    export = {**EXPORT, "quotes": [said("p1", "Doe", "one"), said(None, "The company", "two"),
                                   said(None, "the company", "three"), said(None, "federal records", "four"),
                                   said(None, None, "five")]}
    quotes = render(export).split("### Quotes by speaker")[1].split("###")[0]
    heads = [line for line in quotes.splitlines() if line.startswith("- **")]
    assert heads == ["- **The company**", "- **Jane Doe**", "- **federal records**", "- **unattributed**"]
    assert quotes.index("“two”") < quotes.index("“three”") < quotes.index("**Jane Doe**")


def test_an_article_bound_at_one_end_only_sets_no_span():
    """'since 2020' gives an undated article an interval open at its later end: the story's span (the export's
    first/last, store.readonly.spanned) is made of the closed intervals, and the report shows that span."""
    since = ART(1, published={"earliest": "2020-01-01", "latest": None})
    export = {**EXPORT, "articles": [since, ART(2)],
              "stories": [{"id": "s1", "title": "Bridge", "article_ids": ["a1", "a2"], "first": "2022-02-01",
                           "last": "2022-02-01", "timeline": []},
                          {"id": "s2", "title": "Since", "article_ids": ["a1"], "first": None, "last": None,
                           "timeline": []}]}
    text = render(export)
    assert "Bridge\n\n2022-02-01 to 2022-02-01; 2 articles" in text and "Since\n\nundated; 1 article" in text
    assert "2020-01-01 to" not in text


# (article text, where the agency is mentioned, whether it is in the story's cast): what only a wire dateline names
# is no member of the cast; a mention in the running text is
DATELINE_CASES = [
    ("SANTOS, Brazil, Feb 9, 2026 (Reuters) - Dockworkers walked off the job.", 29, False),
    ("Strike hits port\n\nFELIXSTOWE, England, Aug 21 (Reuters) - Workers began a strike.", 47, False),
    ("SANTIAGO (Reuters) - Most of 20 economists polled by Reuters expected a cut.", 53, True),
]


def test_what_only_a_dateline_names_is_not_in_the_cast():
    for text, start, shown in DATELINE_CASES:
        assert text[start:start + 7] == "Reuters", text
        export = {"articles": [ART(1, text=text)],
                  "entities": [{"id": "o1", "name": "Reuters", "type": "ORG",
                                "mentions": [{"article_id": "a1", "start": start, "end": start + 7}]},
                               {"id": "p1", "name": "Jane Doe", "type": "PERSON",
                                "mentions": [{"article_id": "a1", "start": len(text) - 3, "end": len(text)}]}],
                  "stories": [{"id": "s1", "title": "Strike", "article_ids": ["a1"], "timeline": []}]}
        story = render(export).split("\n## ")[1]
        assert ("**Reuters** (org)" in story) == shown, text
        assert "**Jane Doe** (person)" in story
