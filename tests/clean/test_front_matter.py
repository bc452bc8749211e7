"""Front matter on top of a Markdown page (YAML between '---' lines, TOML between '+++' lines) is the page's
metadata, never its text (clean/front_matter.py, stage.clean)."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from storyline.clean.front_matter import split_front_matter
from storyline.clean.stage import clean
from storyline.records import RawDoc

BODY = ("# Council approves the harbour budget\n\nThe city council approved the harbour budget on Thursday after "
        "a four-hour debate, the mayor said.\n\nThe vote was 7 to 2.\n")

# (front matter block, expected fields of FrontMatter; None: the text opens with no front matter)
BLOCKS = [
    ('---\ntitle: "Council approves budget"\ndate: 2025-11-14\nauthor: Jane Doe\noutlet: Harbour Post\n---\n',
     {"title": "Council approves budget", "published": date(2025, 11, 14), "published_key": "date",
      "authors": ("Jane Doe",), "outlet": "Harbour Post"}),
    ("---\ntitle: Budget\npubDate: 2025-11-14T09:30:00Z\nauthors:\n  - Jane Doe\n  - John Roe\n"
     "publisher: Harbour Post\ncanonical: https://harbour.example/budget\n---\n",
     {"published": datetime(2025, 11, 14, 9, 30, tzinfo=timezone.utc), "published_key": "pubDate",
      "authors": ("Jane Doe", "John Roe"), "outlet": "Harbour Post", "url": "https://harbour.example/budget"}),
    ("---\ndate_published: 14 November 2025\nlastmod: 2025-11-15\nsite: Harbour Post\n...\n",      # Pandoc's '...'
     {"published": "14 November 2025", "published_key": "date_published", "updated": date(2025, 11, 15),
      "updated_key": "lastmod", "outlet": "Harbour Post"}),
    ("---\ntitle: Budget\npublished: false\nupdated: 2025-11-15\n---\n",        # Jekyll's draft flag: no date
     {"published": None, "updated": date(2025, 11, 15)}),
    ("---\ntitle: Budget\nsource: https://harbour.example/budget\nauthor:\n  - \"[[Jane Doe]]\"\n"
     "published: 2025-11-14\ncreated: 2025-12-01\n---\n",                       # Obsidian Web Clipper
     {"url": "https://harbour.example/budget", "outlet": None, "authors": ("Jane Doe",),
      "published": date(2025, 11, 14)}),
    ('+++\ntitle = "Budget"\ndate = 2025-11-14T09:30:00-05:00\n[author]\nname = "Jane Doe"\n+++\n',   # Hugo
     {"title": "Budget", "published_key": "date", "authors": ("Jane Doe",)}),
    ("---\ntitle: [unclosed\ndate: 2025-11-14\n---\n",
     {"title": None, "published": None, "problem": "front matter is not valid YAML"}),
    ("---\n\nA paragraph between two rules, no metadata.\n\n---\n", None),
    ("---\ntitle: never closed\n\nThe story begins here.\n", None),
]


@pytest.mark.parametrize("block,expected", BLOCKS)
def test_front_matter_is_read_and_cut(block, expected):
    front, rest = split_front_matter(block + BODY)
    if expected is None:
        assert front is None and rest == block + BODY
        return
    assert rest.strip() == BODY.strip()
    for name, value in expected.items():
        got = getattr(front, name)
        if name == "problem":
            assert got and got.startswith(value)
        else:
            assert got == value, name


def md(text: str, kind: str = "markdown") -> RawDoc:
    return RawDoc("page.md", kind, text.encode(), {"path": "page.md"}, "utf-8", text)


# (front matter, kind, expected Article fields; "published" as (earliest, latest, reason start))
PAGES = [
    ('---\ntitle: "Council approves harbour budget"\ndate: 2025-11-14\nauthor: Priya Natarajan\n'
     "outlet: Harbour Post\n---\n", "markdown",
     {"title": "Council approves harbour budget", "outlet": "Harbour Post", "byline": ("Priya Natarajan",),
      "published": (date(2025, 11, 14), date(2025, 11, 14), "front matter 'date'")}),
    ('+++\ntitle = "Council approves harbour budget"\npublishDate = 2025-11-14\n+++\n', "text",
     {"title": "Council approves harbour budget", "published": (date(2025, 11, 14), date(2025, 11, 14),
                                                                "front matter 'publishDate'")}),
    ("---\ntitle: Budget vote\ndate: 2025-11-14T23:30:00-05:00\n---\n", "markdown",     # the day where written
     {"published": (date(2025, 11, 14), date(2025, 11, 14), "front matter 'date'")}),
    ("---\ntitle: Budget vote\nlastmod: 2025-11-20\n---\n", "markdown",     # an update bounds from above only
     {"published": (None, date(2025, 11, 20), "not later than the page's last update")}),
    ("---\ntitle: Budget vote\ndate: sometime soon\n---\n", "markdown",
     {"warnings": ("front matter 'date' is \"sometime soon\", which holds no full date; set aside",)}),
    ("---\ntitle: [unclosed\n---\n", "markdown", {"title": "Council approves the harbour budget"}),
]


@pytest.mark.parametrize("front,kind,expected", PAGES)
def test_front_matter_gives_the_article_its_metadata(front, kind, expected):
    article = clean(md(front + BODY, kind))
    assert "title:" not in article.text and "title =" not in article.text and "---" not in article.text
    assert article.text.startswith("The city council approved")
    for name, value in expected.items():
        got = getattr(article, name)
        if name == "published":
            assert (got.earliest, got.latest) == value[:2] and got.reason.startswith(value[2])
        else:
            assert got == value, name


def test_a_malformed_front_matter_is_set_aside_with_a_warning():
    article = clean(md("---\ntitle: [unclosed\n---\n" + BODY))
    assert len(article.warnings) == 1 and article.warnings[0].startswith("front matter is not valid YAML")


def test_front_matter_given_with_the_input_ranks_below_the_input():
    raw = md('---\ntitle: "From the page"\ndate: 2025-11-14\n---\n' + BODY)
    raw = RawDoc(raw.source, raw.kind, raw.body, {**raw.hints, "title": "Given", "published": "2025-11-10"},
                 raw.encoding, raw.text)
    article = clean(raw)
    assert article.title == "Given" and article.published.earliest == date(2025, 11, 10)
