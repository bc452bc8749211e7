"""Each input format through stages 1-2 into the store: the metadata a user expects comes out."""
import gzip
import io
import json
from datetime import date

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline import pipeline
from storyline.store import open_store

STORY = ("The port authority said on Monday that the northern terminal would reopen next week after repairs. "
         "Crews worked through the weekend to replace two damaged cranes, officials said. ")
PAGE = f"""<html><head><title>Port to reopen | Harbour Daily</title>
<meta property="og:site_name" content="Harbour Daily">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Port to reopen",
 "datePublished": "2023-03-06T08:00:00Z", "author": {{"name": "Jane Doe"}}}}</script></head>
<body><article><h1>Port to reopen</h1>
<figure><img src="a.jpg"><figcaption>Cranes at the port on March 1, 2023. Photo: John Roe</figcaption></figure>
<p>{STORY}</p><p>{STORY.replace("Monday", "Tuesday")}</p><p>Read more</p></article></body></html>"""


def stored(tmp_path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    db = tmp_path / "s.sqlite"
    pipeline.ingest([str(path)], db)
    with open_store(db) as store:
        return list(store.articles())


def test_html_page_in_a_warc_gz(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://harbourdaily.example/news/port-reopens", "response",
                                                  payload=io.BytesIO(PAGE.encode()), http_headers=http))
    [a] = stored(tmp_path, "crawl.warc.gz", buffer.getvalue())
    assert a.url == "https://harbourdaily.example/news/port-reopens"
    assert a.outlet == "Harbour Daily" and a.byline == ("Jane Doe",)
    assert a.published.earliest == date(2023, 3, 6) and a.kind == "html"
    assert "Crews worked through the weekend" in a.text
    assert "Photo: John Roe" not in a.text and "Read more" not in a.text


def test_rss_feed_items(tmp_path):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Daily</title>
    <item><title>Port to reopen</title><link>https://harbourdaily.example/a</link>
    <pubDate>Mon, 06 Mar 2023 08:00:00 +0000</pubDate><description><![CDATA[<p>{STORY}</p>]]></description></item>
    <item><title>Second story</title><link>https://harbourdaily.example/b</link>
    <description><![CDATA[<p>{STORY.replace("port", "airport")}</p>]]></description></item>
    </channel></rss>"""
    articles = stored(tmp_path, "feed.rss", feed.encode())
    assert [a.title for a in articles] == ["Port to reopen", "Second story"]
    assert articles[0].published.earliest == date(2023, 3, 6)
    assert articles[0].url == "https://harbourdaily.example/a"


def test_json_lines_keep_text_and_id_for_offsets(tmp_path):
    rows = [{"id": "doc-1", "text": "  " + STORY + "\n\nRead more\n", "published": "2023-03-06", "outlet": "HD"},
            {"id": "doc-2", "text": STORY.replace("port", "rail")}]
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    articles = stored(tmp_path, "in.jsonl.gz", data)
    assert [a.id for a in articles] == ["doc-1", "doc-2"]
    assert articles[0].text == rows[0]["text"] and articles[0].outlet == "HD"
    assert articles[0].published.earliest == date(2023, 3, 6)


def test_markdown_with_a_dateline_and_a_footer_url(tmp_path):
    md = (f"# Port to reopen\n\nMarch 6, 2023\n\n{STORY}\n\nRelated: [Cranes arrive](#)\n\nReuters contributed "
          f"reporting.\n\nOriginal url: https://harbourdaily.example/2023/03/06/port\n")
    [a] = stored(tmp_path, "story.md", md.encode())
    assert a.title == "Port to reopen" and a.credits == ("Reuters",)
    assert a.url == "https://harbourdaily.example/2023/03/06/port"
    assert a.published.earliest == a.published.latest == date(2023, 3, 6)
    assert a.text.startswith("The port authority") and "Related" not in a.text
