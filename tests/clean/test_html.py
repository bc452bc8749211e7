"""HTML pages to story text and metadata: tables of (page, expected).

The fixtures are small hand-written pages, each built to show one way a news
page states (or misstates) a field; a new failure found in the wild becomes a
new row.
"""
from __future__ import annotations

import json

import pytest

from storyline.clean import html as html_mod
from storyline.clean.html import HtmlPage, clean_blocks, extract_html
from storyline.clean.html_meta import PageMeta, parse_date, saved_from_url, split_byline

STORY = (
    "<p>The city council voted on Tuesday to close the old harbour bridge to cars after engineers "
    "found deep cracks in two of its supporting piers during a routine inspection last month.</p>"
    "<p>Council member Ana Ruiz said the decision was painful but unavoidable, and that buses and "
    "bicycles would still be allowed to cross while the city looks for money to repair it.</p>"
    "<p>Local shop owners near the bridge said they feared losing customers, and several of them "
    "asked the council to pay for extra parking on the other side of the river during the works.</p>"
)


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def jsonld(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --------------------------------------------------------------------------- metadata

META_CASES = [
    pytest.param(
        page(jsonld({"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "Harbour Times"},
            {"@type": "NewsArticle", "headline": "Bridge closes to cars",
             "datePublished": "2019-11-18T23:30:00-05:00", "dateModified": "2019-11-20T08:00:00Z",
             "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
             "publisher": {"@type": "Organization", "name": "Harbour Times"}},
        ]}), f"<article>{STORY}</article>"),
        {"title": "Bridge closes to cars", "published": "2019-11-18", "published_source": "json-ld datePublished",
         "byline": ("Jane Doe", "John Roe"), "site_name": "Harbour Times"},
        id="json-ld @graph NewsArticle, modified date ignored"),
    pytest.param(
        page(jsonld([{"@type": "BreadcrumbList"},
                     {"@type": ["NewsArticle"], "headline": "Listed", "datePublished": "2020-02-03",
                      "author": "By Jane Doe, Reuters"}])),
        {"published": "2020-02-03", "byline": ("Jane Doe",), "title": "Listed"},
        id="json-ld top-level list, agency dropped from author"),
    pytest.param(
        page('<script type="application/ld+json">{"@type": "Article", "datePublished": "2018-05-06",}</script>'),
        {"published": "2018-05-06", "published_source": "json-ld datePublished"},
        id="json-ld with trailing comma"),
    pytest.param(
        page('<meta property="og:title" content="Bridge closes">'
             '<meta property="og:site_name" content="Harbour Times">'
             '<meta property="og:url" content="https://example.com/bridge">'
             '<meta property="og:description" content="The council voted.">'
             '<meta property="article:published_time" content="2019-11-18T10:00:00+00:00">'
             '<title>Bridge closes | Harbour Times</title>'),
        {"title": "Bridge closes", "site_name": "Harbour Times", "url": "https://example.com/bridge",
         "description": "The council voted.", "published": "2019-11-18",
         "published_source": "meta article:published_time"},
        id="opengraph"),
    pytest.param(
        page('<meta name="author" content="By Jane Doe and John Roe">'
             '<meta name="application-name" content="Harbour Times">'),
        {"byline": ("Jane Doe", "John Roe"), "site_name": "Harbour Times"},
        id="meta author with two names"),
    pytest.param(
        page("", f'<article><div class="byline">By Jane Doe | Reuters</div>{STORY}</article>'),
        {"byline": ("Jane Doe",)},
        id="visible byline with agency"),
    pytest.param(
        page('<meta name="author" content="https://facebook.com/harbourtimes">',
             '<a rel="author" href="/staff/jd">Jane Doe</a>'),
        {"byline": ("Jane Doe",)},
        id="author meta holding a URL falls through to rel=author"),
    pytest.param(
        page("", f'<article><header><h1>Bridge</h1><time datetime="2019-11-18T09:00">Nov 18</time></header>'
                 f"{STORY}</article>"),
        {"published": "2019-11-18", "published_source": "time element"},
        id="time element in article header"),
    pytest.param(
        page("", f'<article><figure><img src="a.jpg"><figcaption>The bridge in 2001. '
                 f'<time datetime="2001-06-01">June 1, 2001</time> Photo: J. Doe</figcaption></figure>'
                 f'<header><time datetime="2019-11-18">Nov 18</time></header>{STORY}</article>'),
        {"published": "2019-11-18"},
        id="caption date loses to the header date"),
    pytest.param(
        page("", f'<article><figure><img src="a.jpg"><figcaption>The bridge on '
                 f'<time datetime="2001-06-01">June 1, 2001</time> (AP Photo/J. Doe)</figcaption></figure>'
                 f"{STORY}</article>"),
        {"published": None, "published_source": None},
        id="caption date alone is no publication date"),
    # A <time> marked or labelled as an update is not the publication (field case 05).
    pytest.param(
        page("", '<article><h1>El plan de vivienda</h1><div class="story-leaf-byline">'
                 '<time class="story-leaf-datetime" itemprop="dateModified" datetime="2017-11-27T19:20:45.000+01:00">'
                 f"26/11/2017 23:50 | Actualizado a 27/11/2017 19:20</time></div>{STORY}</article>"),
        {"published": "2017-11-26", "updated": "2017-11-27"},
        id="updated <time> whose text shows the published date first (case 05)"),
    pytest.param(
        page("", f'<article><header><p>Published 18 Nov 2019. Updated: <time datetime="2019-11-20T08:00">'
                 f"Nov 20</time></p></header>{STORY}</article>"),
        {"published": None, "updated": "2019-11-20"},
        id="'Updated:' label before the only <time>: no publication, an upper bound"),
    pytest.param(
        page("", f'<article><header><time class="updated" datetime="2019-11-20">Nov 20</time> '
                 f'<time datetime="2019-11-18">Nov 18</time></header>{STORY}</article>'),
        {"published": "2019-11-18", "published_source": "time element", "updated": "2019-11-20"},
        id="class 'updated' time skipped, the other time is the publication"),
    pytest.param(
        page("", f'<article><header><time datetime="2019-11-20T08:00">Nov 18, 2019 - last updated Nov 20, 2019'
                 f"</time></header>{STORY}</article>"),
        {"published": "2019-11-18"},
        id="English update label inside the time text, month names"),
    pytest.param(
        '<html lang="en-US"><body><article><time itemprop="dateModified" datetime="2019-11-20">'
        f"11/05/2019 | Updated 11/20/2019</time>{STORY}</article></body></html>",
        {"published": "2019-11-05"},
        id="en-US: month first"),
    pytest.param(
        '<html lang="en"><body><article><time itemprop="dateModified" datetime="2019-11-20">'
        f"11/05/2019 | Updated 11/20/2019</time>{STORY}</article></body></html>",
        {"published": None, "updated": "2019-11-20"},
        id="bare 'en' and an ambiguous day/month: no date rather than a guess"),
    pytest.param(
        page("", f'<article><time itemprop="dateModified" datetime="2019-11-20">12/11/2019 | Updated 20/11/2019'
                 f"</time>{STORY}</article>"),
        {"published": "2019-11-12"},
        id="no language, but 11 December would be after the update: 12 November"),
    pytest.param(
        page("", f'<article><time class="entry-date published updated" datetime="2019-11-18">Nov 18</time>'
                 f"{STORY}</article>"),
        {"published": "2019-11-18", "published_source": "time datePublished"},
        id="WordPress never-updated post: 'published updated' is a publication"),
    pytest.param(
        page(jsonld({"@type": "NewsArticle", "dateModified": "2019-11-20"}), STORY),
        {"published": None, "updated": "2019-11-20"},
        id="json-ld dateModified alone is an update, not a publication"),
    # The site's own name is not part of the title (field case 25).
    pytest.param(
        page('<title>New year, new laws: what changes on January 1 - Lakeside 7 News</title>'
             '<meta property="og:site_name" content="Lakeside 7 News">',
             f"<article><h1>New year, new laws: what changes on January 1</h1>{STORY}</article>"),
        {"title": "New year, new laws: what changes on January 1", "site_name": "Lakeside 7 News"},
        id="' - Site' suffix, the site named by og:site_name (case 25)"),
    pytest.param(
        page('<meta property="og:title" content="Harbour Times | Bridge closes to cars">'
             '<meta name="application-name" content="Harbour Times">'),
        {"title": "Bridge closes to cars"},
        id="'Site | ' prefix in og:title"),
    pytest.param(
        page("<title>Bridge closes to cars – Local news – Example</title>",
             f"<h1>Bridge closes to cars</h1>{STORY}"),
        {"title": "Bridge closes to cars"},
        id="section and host name after the headline the h1 states"),
    pytest.param(
        page("<title>Bridge closes to cars | The Ledger</title>", "<h1>Bridge closes to cars</h1>"),
        {"title": "Bridge closes to cars"},
        id="a suffix the <title> carries and the h1 does not"),
    pytest.param(
        page("<title>Brexit - what happens next for the harbour</title>",
             "<h1>Brexit - what happens next for the harbour</h1>"),
        {"title": "Brexit - what happens next for the harbour"},
        id="a dash inside the headline stays"),
    pytest.param(
        page("<title>Ferry fares rise | Bridge closes to cars</title>"),
        {"title": "Ferry fares rise | Bridge closes to cars"},
        id="no evidence which piece is the site: the title stays whole"),
    pytest.param(
        page('<link rel="canonical" href="/news/bridge">'),
        {"url": "https://example.com/news/bridge"},
        id="relative canonical resolved against the given url"),
    pytest.param(
        page("", STORY),
        {"title": None, "url": "https://example.com/x?utm=1", "site_name": None, "byline": (),
         "published": None, "published_source": None, "description": None},
        id="nothing declared"),
]


@pytest.mark.parametrize("html, expected", META_CASES)
def test_metadata(html, expected):
    url = "https://example.com/x?utm=1"
    got = extract_html(html, url)
    for field, value in expected.items():
        assert getattr(got, field) == value, field


SAVED = "https://www.harbourtimes.com/news/bridge-closes"     # 47 characters


@pytest.mark.parametrize("html, url", [
    (f"<!DOCTYPE html>\n<!-- saved from url=(0047){SAVED} -->\n<html><head>", SAVED),          # Chrome, Edge
    (f"\ufeff<!-- saved from url=(0047){SAVED} -->\r\n<html>", SAVED),                      # IE, with a BOM
    (f"<!-- saved from url=(0047){SAVED}?utm=x -->", SAVED),                       # cut to its length
    (f"<!-- saved from url=(0060){SAVED} -->", SAVED),                             # a length that overstates
    ("<!-- saved from url=(0014)about:internet -->", None),                          # saved from a local file
    (f"<html><body><!-- saved from url=(0047){SAVED} --></body></html>", None),    # not a mark: in the page
    ("<!DOCTYPE html><html><head><title>x</title>", None),
])
def test_saved_from_url(html, url):
    assert saved_from_url(html) == url


def test_a_saved_page_is_given_its_address_and_its_title_loses_the_site_name():
    """A page saved with the browser's 'Save as' has no canonical link or og tags left, often; the mark of
    the web gives its address, hence its outlet, and the host names the ' | Harbour Times' suffix."""
    html = (f"<!DOCTYPE html>\n<!-- saved from url=(0047){SAVED} -->\n"
            f"{page('<title>Council votes to shut the harbour bridge | Harbour Times</title>', STORY)}")
    got = extract_html(html)
    assert (got.url, got.title) == (SAVED, "Council votes to shut the harbour bridge")
    assert extract_html(html, "https://example.com/a").url == "https://example.com/a"   # a given address wins


@pytest.mark.parametrize("title, expected", [
    ("Council votes to shut the bridge - BBC News", "Council votes to shut the bridge"),
    ("BBC News - Council votes to shut the bridge", "Council votes to shut the bridge"),
    ("Oil prices fall again | Reuters", "Oil prices fall again"),
    ("Oil prices fall again – Guardian", "Oil prices fall again"),
    ("Council votes to shut the bridge - Time to act now", "Council votes to shut the bridge - Time to act now"),
    ("Council votes to shut the bridge | Hill residents protest",
     "Council votes to shut the bridge | Hill residents protest"),
    ("Reuters - AP", "Reuters - AP"),                                     # nothing left that is a headline
])
def test_a_well_known_outlet_named_after_the_headline_is_cut_without_other_evidence(title, expected):
    assert extract_html(page(f"<title>{title}</title>", STORY)).title == expected


BYLINES = [
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("By Jane Doe | Reuters", ["Jane Doe"]),
    ("Jane Doe, Staff Writer", ["Jane Doe"]),
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", ["Patrick Shanley"]),
    ("Jane Doe, John Roe & Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
    ("Associated Press", []),
    ("https://www.facebook.com/someone", []),
    ("Harbour Times", []),  # the outlet, not a person
    ("", []),
]


@pytest.mark.parametrize("raw, expected", BYLINES)
def test_split_byline(raw, expected):
    assert split_byline(raw, site_name="Harbour Times") == expected


OUTLET_BYLINES = [
    # (raw, the page's names for its outlet, expected)
    ("Troy L. Smith, Cleveland.com", ("cleveland",), ["Troy L. Smith"]),
    ("Jill Disis, CNN Business", ("CNN",), ["Jill Disis"]),
    ("Charlie Wood, Business Insider", ("Business Insider Deutschland",), ["Charlie Wood"]),
    ("Beachbody", ("The Beachbody Blog",), []),
    ("Njeri Smith", ("NJ",), ["Njeri Smith"]),  # words are compared, not letters
    ("Ilana Muhlstein, MS, RDN", (), ["Ilana Muhlstein"]),  # credentials
    ("jdadmin", (), []),  # a CMS user name
    ("DANICA KIRKA, JILL LAWLESSAssociated Press", (), ["DANICA KIRKA", "JILL LAWLESS"]),
    ("山田 太郎", (), ["山田 太郎"]),
]


@pytest.mark.parametrize("raw, outlets, expected", OUTLET_BYLINES)
def test_split_byline_drops_outlets_and_non_names(raw, outlets, expected):
    assert split_byline(raw, outlets=outlets) == expected


DATES = [
    ("2019-11-18T23:30:00-05:00", "2019-11-18"),
    ("2019/11/18", "2019-11-18"),
    ("20191118", "2019-11-18"),
    ("Mon, 18 Nov 2019 10:00:00 GMT", "2019-11-18"),
    ("November 18, 2019 4:05 PM IST", "2019-11-18"),
    ("November 2019", None),  # no day: do not invent one
    ("2019-02-30", None),
    ("yesterday", None),
    ("", None),
]


@pytest.mark.parametrize("raw, expected", DATES)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


# --------------------------------------------------------------------------- main text

NEWS_PAGE = page(
    '<meta property="og:title" content="Harbour bridge closes to cars">',
    '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
    "<article><h1>Harbour bridge closes to cars</h1>"
    '<figure><img src="bridge.jpg"><figcaption>Cracks in the north pier, photographed in May. '
    "(Photo: Jane Doe/Harbour Times)</figcaption></figure>"
    + STORY +
    "<p>Read more: Why the harbour bridge was built in a hurry</p>"
    "<p>Advertisement</p>"
    "<p>The works are expected to take at least two years, according to the council's engineers, "
    "who will present a detailed schedule at the next public meeting in January.</p>"
    "<p>Sign up for our newsletter to get the day's top stories in your inbox.</p>"
    "</article>"
    '<aside><h3>Related</h3><ul><li><a href="/a">Ferry fares to rise</a></li></ul></aside>'
    "<footer>© 2019 Harbour Times. All rights reserved.</footer>",
)


def test_news_page_keeps_story_and_drops_furniture():
    text = extract_html(NEWS_PAGE, "https://example.com/bridge").text
    assert "Council member Ana Ruiz said the decision was painful" in text
    assert "The works are expected to take at least two years" in text
    for junk in ("Cracks in the north pier", "Read more", "Why the harbour bridge", "Advertisement",
                 "newsletter", "Ferry fares", "All rights reserved", "Harbour bridge closes to cars"):
        assert junk not in text, junk
    assert "\n\n" in text and "\n\n\n" not in text


CLEAN_CASES = [
    # (blocks, kept)
    (["Bridge closes to cars", "Short dek without a full stop here",
      "The council voted on Tuesday to close the bridge."],
     ["The council voted on Tuesday to close the bridge."]),
    (["The council voted.", "Related: Ferry fares to rise", "Ferry schedule changes", "Buses too",
      "The mayor said more on Friday."],
     ["The council voted.", "The mayor said more on Friday."]),
    (["The council voted.", "Follow us on Twitter @harbourtimes", "Share this article",
      "© 2019 Harbour Times", "Photo: Jane Doe/Getty Images", "Filed under: Transport |", "12 comments",
      "|---|---|"],
     ["The council voted."]),
    # story sentences that merely mention the same words stay
    (["Readers of the council's newsletter learned of the closure first, officials said on Tuesday, "
      "after a draft of the decision was sent to subscribers by mistake and shared widely online.",
      "Related questions remain about who will pay for the repairs.",
      "She said her photos of the cracks were taken in May."],
     ["Readers of the council's newsletter learned of the closure first, officials said on Tuesday, "
      "after a draft of the decision was sent to subscribers by mistake and shared widely online.",
      "Related questions remain about who will pay for the repairs.",
      "She said her photos of the cracks were taken in May."]),
    (["By Jane Doe", "The council voted."], ["The council voted."]),
    (["By Jane Doe and John Roe | Reuters", "The council voted."], ["The council voted."]),
    # a sentence that starts with "By" is story text
    (["By Tuesday, the council had voted."], ["By Tuesday, the council had voted."]),
    # a subscription offer and the benefits listed under it (field case 24)
    (["The council voted.", "Read on with L+",
      "Get access to all L+ articles for just 2.95 euros a week. You can cancel at any time.",
      "- All L+ articles on the website and in the app", "- The digital newspaper from 8 p.m. the evening before",
      "- Fewer adverts", "Subscribe now", "Already a subscriber? Log in"],
     ["The council voted."]),
    (["The council voted.", "To continue reading, subscribe or log in.", "Subscribers only",
      "Become a subscriber for only $1 per week", "Log in", "This article is exclusive to subscribers."],
     ["The council voted."]),
    # a story about prices and subscriptions is story
    (["Once you divide the total by 52 weeks in a year, the value is about $44.2 million per week.",
      "Afterwards you'll pay $6.99 per month, and subscribers can cancel their plan online.",
      "Ukraine wants to become a member of the alliance, the minister said."],
     ["Once you divide the total by 52 weeks in a year, the value is about $44.2 million per week.",
      "Afterwards you'll pay $6.99 per month, and subscribers can cancel their plan online.",
      "Ukraine wants to become a member of the alliance, the minister said."]),
]


@pytest.mark.parametrize("blocks, kept", CLEAN_CASES)
def test_clean_blocks(blocks, kept):
    assert clean_blocks(blocks, PageMeta(title="Bridge closes to cars | Harbour Times")) == kept


PAYWALL_PAGE = page(
    '<meta property="og:site_name" content="Frankfurt Ledger">',
    '<article class="atc"><header><h1>Mining town bets on solar power</h1></header>'
    "<div class=\"atc-Intro\"><p>For a century the town of Broken Ridge lived off silver and lead. Now its council "
    "wants the desert sun to keep the lights on, and has signed up to build one of the country's largest solar "
    "farms on the edge of the old mine.</p></div>"
    '<div class="paywall-box js-paywall"><h2>Read on with L+</h2>'
    "<p>Get access to all L+ articles for just 2.95 euros a week. You can cancel at any time.</p>"
    "<ul><li>All L+ articles on the website and in the app</li><li>Fewer adverts</li></ul>"
    '<p><a href="/subscribe">Subscribe now</a></p><p>Already a subscriber? <a href="/login">Log in</a></p>'
    "</div></article>")
TEASER = ("For a century the town of Broken Ridge lived off silver and lead. Now its council wants the desert sun to "
          "keep the lights on, and has signed up to build one of the country's largest solar farms on the edge of the "
          "old mine.")


@pytest.mark.parametrize("disabled", [frozenset(), frozenset({"paywall box"}), frozenset({"paywall"})])
def test_paywall_box_is_removed_by_structure_and_by_vocabulary(disabled):
    """Field case 24: either the box's class or its words alone remove it."""
    assert extract_html(PAYWALL_PAGE, disabled=disabled).text == TEASER


@pytest.mark.parametrize("body, boxes", [
    ('<div class="paywall-box"><p>Subscribe</p></div><p>Story</p>', ["paywall-box"]),
    ('<section id="regwall"><p>Register</p></section>', ["regwall"]),
    ('<div class="signings"><p>Three new players</p></div>', []),              # a word inside a word
    ('<div class="subscriber-content"><p>The story for subscribers</p></div>', []),  # the story itself
    ('<div class="logged-out piano-frame">' + STORY * 4 + "</div>", []),       # a page frame: too much text
])
def test_paywall_boxes(body, boxes):
    from storyline.clean.html import paywall_boxes
    from storyline.clean.html_meta import load_tree

    found = paywall_boxes(load_tree(page("", body)))
    assert [el.get("class") or el.get("id") for el in found] == boxes


def test_density_fallback_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(html_mod, "_trafilatura", lambda *a, **k: [])
    got = extract_html(page("", f'<div class="menu"><p><a href="/">Home</a></p></div><div>{STORY}</div>'))
    assert got.text.startswith("The city council voted on Tuesday")
    assert "Home" not in got.text


ODD_INPUTS = ["", "   ", "not html at all", "<<<>>>", "\x00\x01\x02", "<html><body></body></html>",
              "<p>" * 5000, "<script>var a = '</p>';</script>", "\ud800 lone surrogate",
              "<html>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</html>"]


@pytest.mark.parametrize("html", ODD_INPUTS)
def test_never_raises(html):
    got = extract_html(html)
    assert isinstance(got, HtmlPage) and isinstance(got.text, str)


def test_huge_page_is_handled():
    got = extract_html(page("", STORY * 2000))
    assert "Ana Ruiz" in got.text


# (title, site name, h1, the headline): a <title> loses the site's name and a date it carries as separate pieces
@pytest.mark.parametrize("title, site, h1, headline", [
    ("Marl chemical blast: minister promises full inquiry | DW | 05.03.2025", "DW",
     "Marl chemical blast: minister promises full inquiry", "Marl chemical blast: minister promises full inquiry"),
    ("Bridge closes for repairs - Harbour Times - March 5, 2025", "Harbour Times", None, "Bridge closes for repairs"),
    ("Bridge closes for repairs | 2025-03-05", None, None, "Bridge closes for repairs"),
    ("Brexit - what happens next", None, None, "Brexit - what happens next"),
    ("The 1-2-3 of tax returns | Harbour Times", "Harbour Times", None, "The 1-2-3 of tax returns"),
])
def test_a_title_loses_its_site_name_and_date(title, site, h1, headline):
    site_meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    html = (f"<html><head><title>{title}</title>{site_meta}</head><body><article>"
            + (f"<h1>{h1}</h1>" if h1 else "") + "<p>" + "The council closed the harbour bridge to cars. " * 6
            + "</p></article></body></html>")
    assert extract_html(html, None).title == headline


# (blocks after the title, the story text kept): a dek under a headline goes, unless nothing follows it
@pytest.mark.parametrize("blocks, kept", [
    (["Bridge closes for repairs", "Engineers found deep cracks in two piers", "The council voted on Tuesday."],
     ["The council voted on Tuesday."]),
    (["Bridge closes for repairs", "An explosion at the plant killed two workers. The blast struck a unit that ma"],
     ["An explosion at the plant killed two workers. The blast struck a unit that ma"]),     # a page cut off
])
def test_the_last_block_is_no_standfirst(blocks, kept):
    assert clean_blocks(blocks, PageMeta(title="Bridge closes for repairs")) == kept
