"""Feed fields escaped once or twice too often: what is markup, and what it stands for."""
from __future__ import annotations

import pytest

from storyline.ingest.markup import looks_like_markup, plain_text, unescape_html


@pytest.mark.parametrize("text, markup", [
    ("Council &quot;pauses&quot; vote", True),
    ("Mayor&#8217;s budget", True),
    ("caf&#xE9;", True),
    ("<p>Three branches</p>", True),
    ('<a href="https://x.example">x</a>', True),
    ("line<br/>break", True),
    ("AT&T wins", False),                        # an ampersand, not a reference
    ("R&D; more", False),                        # "&D;" names no character
    ("profits < forecast > estimate", False),
    ("x <y> z", False),                           # not an HTML element
    ("<tagline>", False),
    ("", False),
])
def test_looks_like_markup(text, markup):
    assert looks_like_markup(text) is markup


@pytest.mark.parametrize("fragment, html", [
    ("&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;", "<p>One.</p><p>Two.</p>"),        # escaped once more
    ("&amp;lt;p&amp;gt;One.&amp;lt;/p&amp;gt;", "<p>One.</p>"),                          # twice more
    ("<p>Mayor&#8217;s budget</p>", "<p>Mayor&#8217;s budget</p>"),                      # right as it is
    ("<p>Fish &amp; chips</p>", "<p>Fish &amp; chips</p>"),
    ("<div>&lt;p&gt;Inner&lt;/p&gt;</div>", "<p>Inner</p>"),
    ("Plain words only.", "Plain words only."),
])
def test_unescape_html_peels_extra_levels(fragment, html):
    assert unescape_html(fragment) == html


@pytest.mark.parametrize("fragment, text", [
    ("Council &quot;pauses&quot; stadium vote", 'Council "pauses" stadium vote'),
    ("Council &amp;quot;pauses&amp;quot; stadium vote", 'Council "pauses" stadium vote'),
    ("Mayor&#8217;s <b>budget</b> passes", "Mayor\u2019s budget passes"),
    ("&lt;p&gt;Title&lt;/p&gt;", "Title"),
    ("<p>One</p><p>Two</p>", "One Two"),
    ("Tom &amp;amp; Jerry", "Tom & Jerry"),
    ("AT&T   wins\n", "AT&T wins"),
    ("<script>var x = 1;</script>Headline", "Headline"),
    ("   ", None),
    (None, None),
])
def test_plain_text(fragment, text):
    assert plain_text(fragment) == text


def test_escaping_without_end_stops():
    deep = "<b>x</b>"
    for _ in range(12):
        deep = deep.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert isinstance(unescape_html(deep), str) and isinstance(plain_text(deep), str)
