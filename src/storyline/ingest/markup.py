"""Feed fields that hold HTML, or HTML escaped once or twice more than they should.

The XML of a feed is one level of escaping, and feedparser undoes it; but
feeds are written by careless software, and what is left is often still
escaped: a title "Council &quot;pauses&quot; vote" (an entity meant for an
HTML page put into a plain-text field), a description "&lt;p&gt;Three
branches...&lt;/p&gt;" (HTML escaped twice). So a field is decoded level by
level for as long as its text is itself markup: a tag of an HTML element or
an HTML character reference. Text that merely has a "<" or an "&" in it
("profits < forecast", "AT&T") is not markup and is left alone.

The HTML is read by the standard library's `html.parser`, which never raises
on broken markup and decodes every HTML5 character reference.
"""
from __future__ import annotations

import html.entities
import re
from html.parser import HTMLParser

from lxml.html import defs

_MAX_LEVELS = 5  # escaping deeper than this is not a mistake anyone makes twice
_ELEMENTS = frozenset(defs.tags)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
_CHARREF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")
_NAMED = frozenset(name[:-1] for name in html.entities.html5 if name.endswith(";"))
_BREAKS = frozenset(defs.block_tags) | {"br", "li", "td", "th", "tr"}
_HIDDEN = frozenset({"script", "style", "template"})


def looks_like_markup(text: str) -> bool:
    """True when `text` holds a tag of a real HTML element or an HTML character reference."""
    if any(m.group(1).lower() in _ELEMENTS for m in _TAG.finditer(text)):
        return True
    return any(m.group(1) is None or m.group(1) in _NAMED for m in _CHARREF.finditer(text))


def unescape_html(fragment: str) -> str:
    """The HTML `fragment` stands for, with the extra levels of escaping removed.

    "&lt;p&gt;Text&lt;/p&gt;" -> "<p>Text</p>"; HTML whose text is plain comes
    back unchanged. A plain-text field that holds markup is HTML by this rule.
    """
    for _ in range(_MAX_LEVELS):
        text = _Text.of(fragment, breaks=False)
        if not looks_like_markup(text):
            return fragment
        fragment = text
    return fragment


def plain_text(fragment: str | None) -> str | None:
    """The text of a field that must be plain (title, author, feed name), on one line.

    "Mayor&#8217;s <b>budget</b>" -> "Mayor’s budget"; None or blank -> None.
    """
    if not fragment:
        return None
    text = fragment
    for _ in range(_MAX_LEVELS):
        if not looks_like_markup(text):
            break
        text = _Text.of(text, breaks=True)
    return " ".join(text.split()) or None


class _Text(HTMLParser):
    """The character data of an HTML fragment, references decoded, tags dropped."""

    def __init__(self, breaks: bool):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.breaks = breaks
        self.hidden = 0

    @classmethod
    def of(cls, fragment: str, breaks: bool) -> str:
        """`breaks`: a space where a block element or a line break separated two runs of text."""
        parser = cls(breaks)
        parser.feed(fragment)
        parser.close()
        return "".join(parser.parts)

    def handle_starttag(self, tag, attrs):
        self._boundary(tag, opening=True)

    def handle_startendtag(self, tag, attrs):
        if self.breaks and tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self._boundary(tag, opening=False)

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def _boundary(self, tag: str, opening: bool) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden + (1 if opening else -1))
        elif self.breaks and tag in _BREAKS:
            self.parts.append(" ")
