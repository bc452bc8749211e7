"""The HTML dossier (DIR/report.html): one section per story, in one self-contained file.

The same story section as the web app's story page (web/templates/_story.html),
with the stylesheet inlined and links turned into anchors within the file (a
timeline entry, a quote, a claim point to the story's numbered source); only
an article's own http(s) address links outside. Everything from the articles
is escaped by Jinja2's autoescape, the file carries no script, and its
Content-Security-Policy forbids any.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from storyline.store.browse import Browser, StoryFilter
from storyline.store.readonly import ALL_ID
from storyline.web.links import DossierLinks
from storyline.web.render import environment, stylesheet


def render(db: str | Path) -> str:
    """The dossier of the store file `db`: its live stories, most articles first, then refused inputs and
    warnings about stored articles."""
    return "".join(_chunks(db))


def _chunks(db: str | Path) -> Iterator[str]:
    """The dossier's text as Jinja2 generates it, each story page read from the store as its section is
    written (one page in memory at a time)."""
    with Browser(db) as browser:
        total, _ = browser.story_list(StoryFilter(limit=0))
        _, stories = browser.story_list(StoryFilter(sort="size", limit=total))
        sections = _Sections(browser, stories)
        yield from environment().get_template("report.html").generate(
            css=stylesheet(), contents=[(s["id"], s["title"]) for s in stories], sections=sections,
            counts=browser.counts(), refusals=browser.refusals(), warnings=browser.warnings(),
            grouped=[s for s in stories if s["id"] != ALL_ID])


class _Sections:
    """The (story page, links) of each story, made as they are iterated; its length is the number of stories."""

    def __init__(self, browser: Browser, stories: list[dict]):
        self.browser, self.stories = browser, stories

    def __len__(self) -> int:
        return len(self.stories)

    def __iter__(self) -> Iterator[tuple[dict, DossierLinks]]:
        return ((self.browser.story_page(s["id"]), DossierLinks(s["id"])) for s in self.stories)


def write(db: str | Path, path: str | Path) -> Path:
    """Write the dossier of `db` to `path` atomically, as it is generated."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for chunk in _chunks(db):
            f.write(chunk)
    os.replace(tmp, path)
    return path
