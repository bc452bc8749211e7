"""Every page two links deep from the home page of a served store holding the hostile inputs:
escaped, no script, no handler, no javascript:/data: link target, a Content-Security-Policy on each."""
from __future__ import annotations

import json
from collections import deque
from urllib.parse import urljoin, urlsplit

import httpx
import lxml.html
import pytest

from storyline.records import story_year_ends
from storyline.web.links import outside_url
from tests.web.hostile import CANARY, ENCODED, MARKUP

FORBIDDEN_ELEMENTS = ("script", "iframe", "object", "embed", "base", "style", "frame", "applet")
LINK_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "{http://www.w3.org/1999/xlink}href",
                   "data", "poster", "background")


def check_page(url: str, response: httpx.Response) -> list[str]:
    """What is wrong with one HTML page (empty when nothing)."""
    problems = []
    csp = response.headers.get("content-security-policy", "")
    if "script-src 'none'" not in csp or "unsafe-inline" in csp or "object-src 'none'" not in csp:
        problems.append(f"{url}: Content-Security-Policy {csp!r}")
    root = lxml.html.document_fromstring(response.text)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in FORBIDDEN_ELEMENTS:
            problems.append(f"{url}: <{element.tag}> element")
        if element.tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            problems.append(f"{url}: meta refresh")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"{url}: handler attribute {name}={value!r}")
            if name in LINK_ATTRIBUTES and not (value.startswith(("/", "#", "?")) and not value.startswith("//")
                                                or outside_url(value)):
                problems.append(f"{url}: {name}={value!r}")
    return problems


def crawl(base: str, depth: int = 2) -> dict[str, httpx.Response]:
    """GET the home page and every same-site page linked from it, `depth` links deep."""
    seen: dict[str, httpx.Response] = {}
    queue = deque([(base + "/", 0)])
    with httpx.Client(timeout=30) as client:
        while queue:
            url, level = queue.popleft()
            if url in seen:
                continue
            seen[url] = response = client.get(url)
            if level == depth or "text/html" not in response.headers.get("content-type", ""):
                continue
            for _, attribute, link, _ in lxml.html.document_fromstring(response.text).iterlinks():
                if attribute != "href":
                    continue
                target = urljoin(url, link).split("#")[0]
                parts = urlsplit(target)
                if parts.netloc == urlsplit(base).netloc and not parts.path.startswith(("/static/", "/api/")):
                    queue.append((target, level + 1))
    return seen


@pytest.fixture(scope="module")
def pages(server):
    return crawl(server)


def test_the_crawl_reaches_stories_entities_and_hostile_articles(pages):
    paths = [urlsplit(u).path for u in pages]
    assert len(pages) > 40
    assert any(p.startswith("/stories/") for p in paths) and any(p.startswith("/entities/") for p in paths)
    hostile = [u for u, r in pages.items() if "/articles/" in u and CANARY in r.text]
    assert len(hostile) >= 10, "the crawl must reach the articles carrying payloads"
    assert all(r.status_code == 200 for r in pages.values()), [u for u, r in pages.items() if r.status_code != 200]


def test_no_page_carries_live_markup_from_an_article(pages):
    problems = [p for url, r in pages.items() if "text/html" in r.headers.get("content-type", "")
                for p in check_page(url, r)]
    assert problems == []


def test_payloads_are_shown_as_text(pages):
    texts = [lxml.html.document_fromstring(r.text).text_content() for u, r in pages.items() if "/articles/" in u]
    missing = [p for p in MARKUP + ENCODED if not any(p in text for text in texts)]
    assert missing == []


def test_search_pages_and_missing_pages_are_escaped_too(server):
    for url in (f"/search?q=<script>{CANARY}</script>", f"/?q=<svg onload={CANARY}>&person=<b>x</b>&since=<i>",
                f"/stories/<script>{CANARY}</script>", f"/articles/%3Cimg%20src%3Dx%20onerror%3D{CANARY}%3E",
                "/entities/javascript:alert(1)", "/refused"):
        response = httpx.get(server + url)
        assert response.status_code in (200, 404), url
        assert check_page(url, response) == []
        assert "<script>" not in response.text and "<svg onload" not in response.text


def test_the_refused_page_lists_the_warnings_about_stored_articles_as_text(server):
    page = httpx.get(server + "/refused").text
    assert "<h2>Warnings</h2>" in page and "is already used by" in page
    assert f"id &#34;&lt;script&gt;{CANARY}&lt;/script&gt;&#34;" in page


def test_the_api_pages_put_end_to_end_are_export_json(server, run_dir):
    export = json.loads((run_dir / "export.json").read_text(encoding="utf-8"))
    collections = httpx.get(server + "/api").json()["collections"]
    assert set(collections) == set(export)
    for name in export:
        items, url = [], f"{server}/api/{name}?limit=7"
        while url:
            page = httpx.get(url).json()
            assert page["total"] == len(export[name])
            items += page["items"]
            url = server + page["next"] if page["next"] else None
        assert items == export[name], name


def test_the_openapi_schema_lists_every_collection_and_no_page_loads_a_cdn(server):
    schema = httpx.get(server + "/openapi.json").json()
    assert {f"/api/{c}" for c in ("articles", "entities", "quotes", "stories", "facts")} <= set(schema["paths"])
    assert httpx.get(server + "/docs").status_code == 404        # Swagger UI would load its assets from a CDN
    assert httpx.get(server + "/static/style.css").headers["content-type"].startswith("text/css")


def test_the_run_writes_a_dossier_beside_report_md_with_the_payloads_as_text(run_dir):
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    root = lxml.html.document_fromstring(html)
    assert (run_dir / "report.md").is_file() and root.xpath("//section[@class='story']")
    assert not root.xpath("//script | //iframe | //object | //embed | //img | //link")
    assert not [name for e in root.iter() if isinstance(e.tag, str) for name in e.attrib if name.startswith("on")]
    assert all(h.startswith("#") or outside_url(h) for h in root.xpath("//a/@href"))
    assert f"<script>{CANARY}</script>" in root.text_content()


def test_a_story_has_one_span_in_the_export_the_report_and_the_pages(server, run_dir):
    """A story's first and last day are the ends of its articles' closed publication intervals (stage 4 bounds
    the undated seed between July and August 2022; one open at an end bounds no span, nor does an end only the
    story's year sets) wherever it is shown."""
    export = json.loads((run_dir / "export.json").read_text(encoding="utf-8"))
    story = max(export["stories"], key=lambda s: len(s["article_ids"]))
    published = {a["id"]: a["published"] or {} for a in export["articles"]}
    ends = sorted(p[k] for aid in story["article_ids"] if (p := published[aid]).get("earliest") and p.get("latest")
                  for k, year_only in zip(("earliest", "latest"), story_year_ends(p.get("reason"))) if not year_only)
    assert (story["first"], story["last"]) == (ends[0], ends[-1]) and story["first"] < story["last"]
    assert f"{story['first']} to {story['last']};" in (run_dir / "report.md").read_text(encoding="utf-8")
    for html in (httpx.get(server + "/").text, httpx.get(f"{server}/stories/{story['id']}").text):
        shown = [t.text_content() for t in lxml.html.document_fromstring(html).iter("time")]
        assert story["first"] in shown and story["last"] in shown
