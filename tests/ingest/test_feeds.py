"""RSS and Atom feeds: one RawDoc per entry, feed metadata as hints."""
from __future__ import annotations

import pytest

from storyline.records import RawDoc, Refusal

from conftest import split

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Daily Planet</title><link>https://planet.example</link>
<item><title>Mayor resigns</title><link>https://planet.example/mayor</link>
  <guid>tag:planet,1</guid><pubDate>Fri, 09 Dec 2022 23:30:00 -0500</pubDate>
  <dc:creator>Lois Lane</dc:creator><description>Teaser only</description>
  <content:encoded><![CDATA[<p>The mayor <b>resigned</b> on Friday.</p>]]></content:encoded></item>
<item><title>No body</title><link>https://planet.example/empty</link></item>
<item><title>Summary only</title><description>&lt;p&gt;Just a summary.&lt;/p&gt;</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Plain one</title><link href="https://a.example/1"/><id>urn:1</id>
  <updated>2023-01-02T10:00:00+02:00</updated><author><name>Jane Roe</name></author>
  <content type="text">Plain text &amp; more.</content></entry>
<entry><title>Rich one</title><link href="https://a.example/2"/><id>urn:2</id>
  <published>2023-01-03T08:00:00Z</published>
  <summary>Short.</summary><content type="html">&lt;p&gt;Full story.&lt;/p&gt;</content></entry>
</feed>
"""


@pytest.mark.parametrize("name", ["news.rss", "news.xml", "news_feed", "news.rss.gz"])
def test_rss_entries(ingest, tmp_path, name):
    results = ingest(name, RSS, gz=name.endswith(".gz"))
    path = str(tmp_path / name)
    assert [type(r) for r in results] == [RawDoc, Refusal, RawDoc]
    first, empty, summary = results
    assert first == RawDoc(
        source=f"{path}#entry1", kind="html", body=b"<p>The mayor <b>resigned</b> on Friday.</p>",
        encoding="utf-8",
        hints={"path": path, "title": "Mayor resigns", "url": "https://planet.example/mayor",
               "published": "2022-12-09T23:30:00-05:00", "published_raw": "Fri, 09 Dec 2022 23:30:00 -0500",
               "byline": "Lois Lane", "outlet": "The Daily Planet", "guid": "tag:planet,1"},
    )
    no_content = "feed entry has no content (no content:encoded, content or summary)"
    assert empty == Refusal(f"{path}#entry2", no_content)
    assert summary.body == b"<p>Just a summary.</p>"


def test_atom_entries(ingest):
    docs, refusals = split(ingest("news.atom", ATOM))
    assert not refusals
    plain, rich = docs
    assert (plain.kind, plain.body) == ("text", b"Plain text & more.")
    assert plain.hints["published"] == "2023-01-02T10:00:00+02:00"
    assert plain.hints["byline"] == "Jane Roe" and plain.hints["outlet"] == "Atom News"
    assert (rich.kind, rich.body) == ("html", b"<p>Full story.</p>")  # content beats summary
    assert rich.hints["published"] == "2023-01-03T08:00:00+00:00"


def test_feedparser_never_fetches_what_looks_like_a_url(ingest_one):
    result = ingest_one("feed.rss", "https://example.invalid/feed.xml")
    assert isinstance(result, Refusal) and result.reason.startswith("not a readable RSS/Atom feed")


@pytest.mark.parametrize("content, reason_start", [
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
     "feed has no entries"),
    ("<rss><channel><item><title>cut", "feed entry has no content"),
])
def test_feeds_without_articles(ingest, content, reason_start):
    docs, refusals = split(ingest("f.rss", content))
    assert not docs and len(refusals) == 1
    assert refusals[0].reason.startswith(reason_start)
