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

from storyline.store.browse import Browser, StoryFilter
from storyline.web.links import DossierLinks
from storyline.web.render import environment, stylesheet


def render(db: str | Path) -> str:
    """The dossier of the store file `db`: its live stories, most articles first, then refused inputs."""
    with Browser(db) as browser:
        total, _ = browser.story_list(StoryFilter(limit=0))
        _, stories = browser.story_list(StoryFilter(sort="size", limit=total))
        sections = [(browser.story_page(s["id"]), DossierLinks(s["id"])) for s in stories]
        return environment().get_template("report.html").render(
            css=stylesheet(), sections=sections, counts=browser.counts(), refusals=browser.refusals())


def write(db: str | Path, path: str | Path) -> Path:
    """Write the dossier of `db` to `path` atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(render(db), encoding="utf-8")
    os.replace(tmp, path)
    return path
