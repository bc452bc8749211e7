"""Where a page links to: the app's own addresses, a dossier's anchors, and which outside URLs may be links.

Ids come from strangers (a JSON Lines `id` is anything), so every id is
percent-encoded as one path segment; an outside URL becomes a link only when
it is plainly http(s) with a host (no `javascript:`, `data:` or anything a
browser might read as one), otherwise it is shown as text.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\\]")


def outside_url(url: str | None) -> str | None:
    """`url` when it may be a link target (http or https, a host, no space, control character or backslash), else None.

    >>> outside_url("https://example.org/a?b=1"), outside_url("javascript:alert(1)"), outside_url(" http://x.org")
    ('https://example.org/a?b=1', None, None)
    """
    if not url or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def segment(value: str) -> str:
    """One path segment: every character but letters, digits and `-._~` percent-encoded (a `/` too)."""
    return quote(value, safe="")


def span_anchor(start: int, end: int) -> str:
    """The id of the element marking characters [start, end) of an article's text: `c120-245`."""
    return f"c{start}-{end}"


class WebLinks:
    """The app's addresses: /stories/{id}, /entities/{id}, /articles/{id}?span=S-E#cS-E."""

    def story(self, story_id: str) -> str:
        return f"/stories/{segment(story_id)}"

    def entity(self, entity_id: str | None) -> str | None:
        return f"/entities/{segment(entity_id)}" if entity_id else None

    def article(self, article_id: str, start: int | None = None, end: int | None = None) -> str:
        base = f"/articles/{segment(article_id)}"
        if start is None or end is None:
            return base
        return f"{base}?span={start}-{end}#{span_anchor(start, end)}"


class DossierLinks:
    """A self-contained file's anchors: a story's section, its numbered sources; entities are not linked."""

    def __init__(self, story_id: str = ""):
        self.story_id = story_id

    def story(self, story_id: str) -> str:
        return f"#story-{segment(story_id)}"

    def entity(self, entity_id: str | None) -> None:
        return None

    def article(self, article_id: str, start: int | None = None, end: int | None = None) -> str:
        return f"#src-{segment(self.story_id)}-{segment(article_id)}"
