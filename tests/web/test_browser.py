"""The app as a person uses it, in Debian's Chromium driven by Playwright, against `storyline serve`."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.web.hostile import CANARY, MARKUP

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed "
                                "(make test installs it with apt-get; run `apt-get install -y chromium`)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records script errors and Content-Security-Policy violations."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(f"script error: {error}"))
    tab.on("console", lambda message: tab.problems.append(message.text)
           if "Content Security Policy" in message.text else None)
    yield tab
    context.close()


def test_home_page_lists_the_story_and_opens_it(server, page):
    page.goto(server + "/?sort=size")
    assert page.title().startswith("Stories")
    page.locator("a.story-title").first.click()
    page.wait_for_url(re.compile(r"/stories/[^/]+$"))
    for heading in ("Timeline", "Cast", "Quotes by speaker", "Claims across outlets", "Articles"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    assert page.locator("svg.chart a.entry").count() >= 3
    assert page.problems == []


def test_a_timeline_entry_leads_to_its_source_sentence(server, page):
    page.goto(server + "/?sort=size")
    page.locator("a.story-title").first.click()
    page.wait_for_url(re.compile(r"/stories/[^/]+$"))
    entry = page.locator("ol.timeline li").nth(2)
    sentence = entry.inner_text().split(" ", 1)[1].removesuffix(" source").strip()
    page.locator("svg.chart a.entry").nth(2).click()
    page.wait_for_url(re.compile(r"/articles/[^?]+\?span=\d+-\d+#c\d+-\d+$"))
    target = page.locator("mark.target")
    assert target.count() == 1 and target.inner_text() == sentence
    assert target.get_attribute("id") == page.url.split("#")[1]
    assert target.is_visible() and target.evaluate("e => e.getBoundingClientRect().top") < 900   # scrolled to it
    assert page.problems == []


def test_searching_for_a_person_finds_their_page(server, page):
    page.goto(server + "/")
    page.get_by_role("searchbox", name="Search").fill("Griner")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search\?q=Griner$"))
    page.get_by_role("link", name="Brittney Griner", exact=True).first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.locator("h1").inner_text().startswith("Brittney Griner")
    assert page.locator("a[href^='/stories/']").first.is_visible()
    assert page.locator("ul.quotes li").count() >= 1
    assert page.problems == []


def test_the_seeds_story_page_shows_their_cast_claims_and_three_articles(server, page):
    page.goto(server + "/search?q=Griner")
    page.get_by_role("link", name="Brittney Griner", exact=True).first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    page.locator("a[href^='/stories/']").first.click()
    page.wait_for_url(re.compile(r"/stories/[^/]+$"))
    cast = page.locator("table").first.inner_text()
    for person in ("Brittney Griner", "Viktor Bout", "Paul Whelan"):
        assert person in cast
    assert page.locator("li[id^='src-']").count() == 3          # the three seed reports, one story
    claims = page.locator("ul.claims").first.inner_text()
    assert "25 years" in claims or "25-year" in claims          # Bout's sentence, which all three report
    assert page.problems == []


@pytest.mark.parametrize("article_id", [MARKUP[0], "hostile-1", "hostile-2", "hostile-3", MARKUP[5], MARKUP[10]])
def test_an_article_carrying_scripts_and_handlers_runs_none(server, page, article_id):
    page.goto(f"{server}/articles/{quote(article_id, safe='')}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)              # let any timer or late handler fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "pwned" and "pwned" not in page.title().split("·")[-1]
    shown = page.locator(".text").inner_text()
    assert CANARY in shown                  # the payload is there, as text
    assert page.locator(".text script, .text img, .text svg, .text iframe, [onerror], [onload]").count() == 0
    assert page.locator("a.original").count() == 0       # its javascript:/data: URL is not a link
    assert page.problems == []              # nothing was even blocked: no markup reached the page
