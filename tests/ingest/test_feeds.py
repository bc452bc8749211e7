"""RSS and Atom feeds: one RawDoc per entry, feed metadata as hints."""
from __future__ import annotations

from datetime import date

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
        encoding="utf-8", text="<p>The mayor <b>resigned</b> on Friday.</p>",
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


def one_item(title: str = "T", pub: str = "", description: str = "Body text.", author: str = "",
             channel: str = "Feed") -> str:
    """An RSS feed of one item; each argument is XML as it would appear in the file."""
    pub = f"<pubDate>{pub}</pubDate>" if pub else ""
    author = f"<author>{author}</author>" if author else ""
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>'
            f"<item><title>{title}</title><link>https://x.example/1</link>{pub}{author}"
            f"<description>{description}</description></item></channel></rss>")


@pytest.mark.parametrize("pub, hint, day", [
    ("Fri, 09 Dec 2022 23:30:00 -0500", "2022-12-09T23:30:00-05:00", date(2022, 12, 9)),  # local day kept
    ("2016-06-29T15:07:41+02:00", "2016-06-29T15:07:41+02:00", date(2016, 6, 29)),
    ("2016-06-29 15:07:41", "2016-06-29T15:07:41", date(2016, 6, 29)),
    # forms feedparser half-reads, inventing the month and day from the date of the run
    ("2016/6/29 15:07:41", "2016/6/29 15:07:41", date(2016, 6, 29)),
    ("2016.06.29", "2016.06.29", date(2016, 6, 29)),
    ("June 29, 2016 3:07 PM", "June 29, 2016 3:07 PM", date(2016, 6, 29)),
    ("Wed, 29 Jun 2016", "Wed, 29 Jun 2016", date(2016, 6, 29)),
    # no calendar day written: none may be claimed
    ("2016", "2016", None),
    ("2016-06", "2016-06", None),
    ("2016-W26", "2016-W26", None),
    ("June 2016", "June 2016", None),
])
def test_feed_dates_are_read_by_our_parser_unless_strict(ingest_one, pub, hint, day):
    from storyline.clean.stage import clean
    raw = ingest_one("f.rss", one_item(pub=pub, description="A plain report with no dates in it at all."))
    assert raw.hints["published"] == hint and raw.hints["published_raw"] == pub
    published = clean(raw).published
    if day is None:
        assert published.earliest is None or published.earliest != published.latest, published
    else:
        assert (published.earliest, published.latest) == (day, day)


@pytest.mark.parametrize("title, author, channel, expected", [
    ("Council &amp;quot;pauses&amp;quot; vote", "", "Feed", ('Council "pauses" vote', None, "Feed")),
    ("<![CDATA[Mayor&#8217;s budget]]>", "", "Feed", ("Mayor\u2019s budget", None, "Feed")),
    ("Profits &lt; forecast", "", "Feed", ("Profits < forecast", None, "Feed")),
    ("AT&amp;T &amp;amp; Verizon", "", "Feed", ("AT&T & Verizon", None, "Feed")),
    ("&lt;b&gt;Breaking:&lt;/b&gt; floods", "ed@x.example (Jos&amp;eacute; Ruiz)", "Caf&amp;eacute; News",
     ("Breaking: floods", "Jos\u00e9 Ruiz", "Caf\u00e9 News")),
])
def test_feed_titles_authors_and_names_are_plain_text(ingest_one, title, author, channel, expected):
    raw = ingest_one("f.rss", one_item(title=title, author=author, channel=channel))
    assert (raw.hints.get("title"), raw.hints.get("byline"), raw.hints.get("outlet")) == expected


@pytest.mark.parametrize("description, kind, body", [
    ("&amp;lt;p&amp;gt;One.&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;Two.&amp;lt;/p&amp;gt;", "html", "<p>One.</p><p>Two.</p>"),
    ("&lt;p&gt;One &amp;amp; two.&lt;/p&gt;", "html", "<p>One &amp; two.</p>"),
    ("<![CDATA[<p>The mayor&#8217;s plan.</p>]]>", "html", "<p>The mayor&#8217;s plan.</p>"),
    ("Plain words, no markup.", "html", "Plain words, no markup."),
])
def test_feed_bodies_lose_extra_escaping(ingest_one, description, kind, body):
    raw = ingest_one("f.rss", one_item(description=description))
    assert (raw.kind, raw.body.decode()) == (kind, body)


@pytest.mark.parametrize("content, kind, body", [
    ("Plain text &amp; more.", "text", "Plain text & more."),
    ("Mayor&amp;#8217;s plan &amp;lt;b&amp;gt;now&amp;lt;/b&amp;gt;", "html", "Mayor\u2019s plan <b>now</b>"),
])
def test_atom_plain_text_content_that_is_markup_is_read_as_html(ingest_one, content, kind, body):
    atom = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>t</title>'
            f'<id>urn:1</id><content type="text">{content}</content></entry></feed>')
    raw = ingest_one("f.atom", atom)
    assert (raw.kind, raw.body.decode()) == (kind, body)


REPORT = "<p>The council voted on Tuesday to close the harbour bridge after engineers found cracks.</p>"


@pytest.mark.parametrize("name, feed, hint, byline", [
    ("f.rss", '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Times</title>'
              f"<item><title>T</title><dc:creator>Jane Roe</dc:creator><description>{REPORT}</description>"
              "</item></channel></rss>", "Jane Roe", ("Jane Roe",)),
    ("f.rss", '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Times</title>'
              "<item><title>T</title><dc:creator><![CDATA[By Jane Roe and John Doe, Staff Writers]]></dc:creator>"
              f"<description>{REPORT}</description></item></channel></rss>",
     "By Jane Roe and John Doe, Staff Writers", ("Jane Roe", "John Doe")),
    ("f.rss", '<rss version="2.0"><channel><title>Harbour Times</title><item><title>T</title>'
              f"<author>jroe@harbour.example (Jane Roe)</author><description>{REPORT}</description>"
              "</item></channel></rss>", "Jane Roe", ("Jane Roe",)),
    ("f.rss", '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Times</title>'
              f"<item><title>T</title><dc:creator>Harbour Times</dc:creator><description>{REPORT}</description>"
              "</item></channel></rss>", "Harbour Times", ()),                       # the outlet: no person
    ("f.rss", '<rss version="2.0"><channel><title>Harbour Times</title><item><title>T</title>'
              f"<author>jroe@harbour.example</author><description>{REPORT}</description>"
              "</item></channel></rss>", None, ()),                                 # an address, no name
    ("f.rss", '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Times</title>'
              "<item><title>T</title><dc:creator>Jane Roe</dc:creator><dc:creator>John Doe</dc:creator>"
              f"<description>{REPORT}</description></item></channel></rss>", "Jane Roe, John Doe",
     ("Jane Roe", "John Doe")),
    ("f.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title><entry><title>T</title>'
               "<author><name>Jane Roe</name><email>jroe@harbour.example</email></author>"
               f"<author><name>John Doe</name></author><content type=\"html\">{REPORT.replace('<', '&lt;')}"
               "</content></entry></feed>", "Jane Roe, John Doe", ("Jane Roe", "John Doe")),
])
def test_a_feed_entrys_authors_are_the_articles_byline(ingest_one, name, feed, hint, byline):
    """RSS dc:creator / author and Atom <author><name> (every one of them, not feedparser's last) are the
    byline hint, and stage 2 reads the people in it as the article's byline."""
    from storyline.clean.stage import clean
    raw = ingest_one(name, feed)
    assert raw.hints.get("byline") == hint
    assert clean(raw).byline == byline


def _item(authors: str) -> str:
    return ('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Times</title>'
            f"<item><title>T</title>{authors}<description>{REPORT}</description></item></channel></rss>")


@pytest.mark.parametrize("authors, byline, credits", [
    ("<author>news@harbour.example (Jane Roe)</author><dc:creator>Reuters Staff</dc:creator>", ("Jane Roe",),
     ("Reuters",)),
    ("<dc:creator>Reuters Staff</dc:creator><author>news@harbour.example (Jane Roe)</author>", ("Jane Roe",),
     ("Reuters",)),
    ("<author>news@harbour.example</author><dc:creator>John Doe</dc:creator>", ("John Doe",), ()),
    ("<dc:creator>John Doe</dc:creator><author>news@harbour.example</author>", ("John Doe",), ()),
    ("<author>news@harbour.example</author><dc:creator>Reuters Staff</dc:creator>", (), ("Reuters",)),
    ("<author>jroe@harbour.example (Jane Roe)</author><dc:creator>By John Doe, AFP staff</dc:creator>",
     ("Jane Roe", "John Doe"), ("AFP",)),
])
def test_an_entry_with_author_and_dc_creator_keeps_the_names_and_credits_the_agency(ingest_one, authors, byline,
                                                                                     credits):
    """RSS <author> and <dc:creator> together: every name in either is the byline (e-mail addresses dropped),
    and an agency's staff credit ('Reuters Staff') is a credit of that agency, as a credit line is."""
    from storyline.clean.stage import clean
    article = clean(ingest_one("f.rss", _item(authors)))
    assert (article.byline, article.credits) == (byline, credits)
