"""Stage 2 end to end: a RawDoc in, an Article (or a Refusal) out."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean.stage import clean
from storyline.records import Article, RawDoc, Refusal

CASES = Path(__file__).resolve().parents[3] / "shared" / "cases" / "field"
STORY = ("<p>The city council voted on Tuesday to close the old harbour bridge to cars after engineers found "
         "deep cracks in two of its supporting piers during a routine inspection last month.</p>")


def html_doc(html: str, **hints) -> RawDoc:
    return RawDoc("page.html", "html", html.encode(), hints)


@pytest.mark.parametrize("html, earliest, latest", [
    # field case 05: the published day shown before "Actualizado a"
    ('<html lang="es"><body><article><h1>El Gobierno regional presenta un nuevo plan</h1>'
     '<time itemprop="dateModified" datetime="2017-11-27T19:20:45.000+01:00">26/11/2017 23:50 | Actualizado a '
     f"27/11/2017 19:20</time>{STORY}</article></body></html>", date(2017, 11, 26), date(2017, 11, 26)),
    # an update time alone only bounds publication from above
    (f'<html><body><article><p>Updated: <time datetime="2019-11-20">Nov 20</time></p>{STORY}</article></body></html>',
     None, date(2019, 11, 20)),
])
def test_publication_date_from_page(html, earliest, latest):
    art = clean(html_doc(html))
    assert isinstance(art, Article)
    assert (art.published.earliest, art.published.latest) == (earliest, latest), art.published.reason


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is not beside the repo")
@pytest.mark.parametrize("case, expected", [
    ("05-updated-vs-published-in-time-element", {"published": (date(2017, 11, 26), date(2017, 11, 26))}),
    ("24-paywall-teaser-and-payment-box", {
        "title": "Mining town bets on solar power", "outlet": "Frankfurt Ledger",
        "published": (date(2022, 2, 4), date(2022, 2, 4)),
        "text": "For a century the town of Broken Ridge lived off silver and lead. Now its council wants the desert "
                "sun to keep the lights on, and has signed up to build one of the country's largest solar farms on "
                "the edge of the old mine."}),
    ("25-wire-story-reposted-agency-author", {
        "title": "New year, new laws: what changes on January 1", "outlet": "Lakeside 7 News"}),
])
def test_field_cases(case, expected):
    """The stage-2 values of the field cases (../shared/cases/field/*/expected.json)."""
    art = clean(html_doc((CASES / case / "page.html").read_text(encoding="utf-8")))
    assert isinstance(art, Article)
    for name, value in expected.items():
        got = getattr(art, name)
        if name == "published":
            got = (got.earliest, got.latest)
        assert got == value, name


# Digits that str.isdigit accepts and int() refuses, and other scripts' digits.
ODD_DIGITS = "¹²³⁴⁰₁₂①٣۴߁०৩๓"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(ODD_DIGITS + "0123456789/.-: |aAUpdated")), max_size=60),
       st.sampled_from(["text", "markdown", "html", "jsonl"]))
def test_any_digits_in_dates_never_raise(noise, kind):
    """Every numeric parse in stage 2 takes only what int() takes."""
    if kind == "html":
        body = (f'<html><body><article><time itemprop="dateModified" datetime="{noise}">{noise} | Updated {noise}'
                f"</time><p>{noise}</p>{STORY}</article></body></html>")
    else:
        body = f"Title words of a story\n\n{noise}\n\nThe council voted on {noise} to close the bridge to cars."
    result = clean(RawDoc("doc", kind, body.encode(), {"published": noise, "url": f"https://x.org/{noise}"}))
    assert isinstance(result, (Article, Refusal))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["text", "markdown", "html"]))
def test_any_text_never_raises(text, kind):
    result = clean(RawDoc("doc", kind, text.encode("utf-8", "surrogatepass")))
    assert isinstance(result, (Article, Refusal))


BYLINE_TEXT = "Police said on Tuesday that two men were arrested after the fire at the harbour warehouse."


@pytest.mark.parametrize("hints, byline", [
    ({"byline": "Jane Roe"}, ("Jane Roe",)),
    ({"byline": "By Jane Roe and John Doe | Reuters"}, ("Jane Roe", "John Doe")),   # the agency is no person
    ({"byline": "Harbour Times", "outlet": "Harbour Times"}, ()),                    # nor the outlet
    ({"byline": ["Jane Roe"]}, ()),                                                  # not a byline as written
    ({}, ()),
])
def test_a_byline_given_with_the_input_gives_the_articles_people(hints, byline):
    """A feed entry's author or a JSON Lines `byline` (ingest's `byline` hint) is read as a page's byline."""
    assert clean(RawDoc("c.jsonl#L1", "jsonl", BYLINE_TEXT.encode(), hints, "utf-8", BYLINE_TEXT)).byline == byline


WIRE_BODY = " An explosion at a plant killed one worker and injured seven others on Thursday, officials said."


# (text, hints, outlet, byline, credits, published): what names the outlet when nothing given with the input does
@pytest.mark.parametrize("text, hints, outlet, byline, credits, published", [
    ("Plant blast kills one\n\nPASADENA, Texas (AP) \u2014" + WIRE_BODY, {}, "AP", (), ("AP",), None),
    ("Plant blast kills one\n\nMARL, Germany, March 4, 2025 (Reuters) -" + WIRE_BODY, {}, "Reuters", (),
     ("Reuters",), date(2025, 3, 4)),
    ("Plant blast kills one\n\nMARL, Germany, March 4 (Reuters) \u2014" + WIRE_BODY, {}, "Reuters", (),
     ("Reuters",), None),                                            # no year: left to stage 4, never invented
    ("Plant blast kills one\n\nOSLO, Norway (AP) \u2014 March 6, 2025\n\n" + WIRE_BODY, {}, "AP", (), ("AP",),
     date(2025, 3, 6)),                                              # the date after the dashes, on their line
    ("Plant blast kills one\n\nPASADENA, Texas (AP) \u2014" + WIRE_BODY, {"outlet": "Houston Chronicle"},
     "Houston Chronicle", (), ("AP",), None),                        # a given outlet reprints the wire copy
    ("Lawmakers grill regulators\n\nBy Carlos Mendez, The Texas Tribune\nMarch 26, 2025\n\n" + WIRE_BODY, {},
     "The Texas Tribune", ("Carlos Mendez",), (), date(2025, 3, 26)),
])
def test_the_outlet_from_a_dateline_or_a_byline(text, hints, outlet, byline, credits, published):
    a = clean(RawDoc("story.txt", "text", text.encode(), hints, "utf-8", text))
    assert (a.outlet, a.byline, a.credits) == (outlet, byline, credits)
    assert a.published.earliest == published and a.published.latest == published


# (url, the publication interval): a yearless wire dateline's day in the one year of the interval the URL gives
@pytest.mark.parametrize("url, earliest, latest", [
    ("https://example.com/business/2025/03/corvane-boss-quits", date(2025, 3, 4), date(2025, 3, 4)),
    ("https://example.com/business/2025/04/corvane-boss-quits", date(2025, 4, 1), date(2025, 4, 30)),  # not in it
    ("https://example.com/business/corvane-boss-quits", None, None),                                # no interval
])
def test_a_yearless_wire_dateline_is_the_day_in_the_one_year_the_rest_allows(url, earliest, latest):
    text = "Plant blast kills one\n\nMARL, Germany, March 4 (Reuters) \u2014" + WIRE_BODY
    a = clean(RawDoc("story.txt", "text", text.encode(), {"url": url}, "utf-8", text))
    assert (a.published.earliest, a.published.latest) == (earliest, latest), a.published.reason


@pytest.mark.parametrize("html, reason", [
    ("<html><head><title>Blast: what we know</title></head><body><article><h1>Blast: what we know</h1><p>One",
     "no article text found (1 word after cleaning, at least 5 needed; the HTML is cut off)"),
    ("<html><body><p>Too short.</p></body></html>",
     "no article text found (2 words after cleaning, at least 5 needed)"),
])
def test_a_refusal_for_too_little_text_says_how_much_and_why(html, reason):
    got = clean(html_doc(html))
    assert isinstance(got, Refusal) and got.reason == reason


def test_a_page_cut_off_mid_sentence_keeps_its_text():
    html = ("<html><head><title>Blast: what we know so far</title></head><body><article><h1>Blast: what we know so far"
            "</h1><p>An explosion at the plant in Marl on Tuesday killed two workers. The blast struck a unit that ma")
    assert clean(html_doc(html)).text.startswith("An explosion at the plant")
