"""The HTML dossier: self-contained, one section per live story, every anchor resolving, nothing live."""
import lxml.html

from storyline.export.html import render
from tests.store.synthetic import fill


def test_dossier_is_one_self_contained_section_per_story(tmp_path):
    root = lxml.html.document_fromstring(render(fill(tmp_path / "s.sqlite")))
    sections = root.xpath("//section[@class='story']")
    titles = [s.xpath(".//h2")[0].text_content() for s in sections]
    assert titles == ["Harbour bridge closes", "Storm on the coast"]          # most articles first; merged s0 left out
    first = sections[0]
    for heading in ("Timeline", "Cast", "Quotes by speaker", "Claims across outlets", "Articles"):
        assert heading in [h.text_content() for h in first.xpath(".//h3")]
    assert first.xpath(".//svg[@class='chart']//circle") and first.xpath(".//*[contains(@class, 'status-conflict')]")
    assert root.xpath("//style") and not root.xpath("//link | //script | //img | //iframe | //object")
    ids = {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    for a in root.iter("a"):
        href = a.get("href")
        assert href.startswith("#") and href[1:] in ids or href.startswith("https://"), href
        assert not any(name.startswith("on") for name in a.attrib)


def test_dossier_shows_markup_from_articles_as_text(tmp_path):
    html = render(fill(tmp_path / "s.sqlite"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bridge vote" in html
    assert "Where: Harbour City." in html
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html          # shown, not linked


def test_a_store_without_stories_is_one_section(tmp_path):
    root = lxml.html.document_fromstring(render(fill(tmp_path / "s.sqlite", stories=False)))
    assert [s.xpath(".//h2")[0].text_content() for s in root.xpath("//section[@class='story']")] == ["All articles"]
    summary = root.xpath("//p[@class='summary']")[0].text_content()
    assert summary.startswith("0 stories from 3 articles") and "not grouped into stories yet" in summary
