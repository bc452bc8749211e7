"""Front matter: the metadata block on top of a Markdown page (Jekyll, Hugo, Pandoc, Obsidian, static-site exports).

A page that opens with a line `---` carries YAML up to the next line `---` (or `...`, as Pandoc allows); one that
opens with `+++` carries TOML up to the next `+++` (Hugo). That block is the page's metadata, never its text: its
title, publication date, update time, authors, outlet and address are read here under the names static-site
generators and exporters use for them, and the block is cut from the text.

A block that does not parse, or parses to something else than a table of fields, is still no story text when its
first line has a field's form (`title: ...`, `title = ...`): it is cut, its metadata set aside with a one-line
`problem`. Text that merely opens with a horizontal rule is left as it is. PyYAML's safe loader reads YAML (no
Python objects are built), `tomllib` TOML; both read a bare `2025-11-14` as a date.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

__all__ = ["FrontMatter", "split_front_matter"]

MAX_LINES = 200         # a block not closed within this many lines is no front matter
# Field names, compared in lower case without '_' and '-' ('pubDate', 'date_published', 'publish-date').
_PUBLISHED_KEYS = ("publishdate", "published", "pubdate", "datepublished", "publicationdate", "publishedat",
                   "publishedon", "date")
_UPDATED_KEYS = ("lastmod", "updated", "modified", "datemodified", "lastmodified", "updatedat", "lastupdated")
_TITLE_KEYS = ("title", "headline")
_AUTHOR_KEYS = ("author", "authors", "byline", "creator", "creators")
_OUTLET_KEYS = ("outlet", "publisher", "publication", "source", "site", "sitename", "newspaper")
# 'source' is the page's address where a clipper writes one (Obsidian Web Clipper), else the outlet's name
_URL_KEYS = ("canonical", "canonicalurl", "url", "link", "originalurl", "sourceurl", "permalink", "source")
_FIELD = {"---": re.compile(r"[\"']?[A-Za-z_][\w .-]*[\"']?\s*:(?:\s|$)"),
          "+++": re.compile(r"(?:[\"']?[A-Za-z_][\w.-]*[\"']?\s*=|\[[\w.\" -]+\]\s*$)")}
_CLOSERS = {"---": ("---", "..."), "+++": ("+++",)}


@dataclass(frozen=True)
class FrontMatter:
    """What a front matter block says. `published` and `updated` are the values as parsed (a `date`,
    a `datetime` or a string; stage 2 reads them with `given_date`), with the field names that gave them;
    `problem` is one line when the block was cut but not read."""

    title: str | None = None
    published: Any = None
    published_key: str | None = None
    updated: Any = None
    updated_key: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None
    problem: str | None = None


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """(the front matter on top of `text`, the text without it); (None, text) when it opens with none.

    The block must open on the very first line (after a byte-order mark or blank lines) and close within
    `MAX_LINES` lines; the rest keeps its lines, so the text after it reads as before."""
    lines = text.lstrip("\ufeff").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].rstrip() not in _FIELD:
        return None, text
    fence = lines[start].rstrip()
    end = next((i for i in range(start + 1, min(len(lines), start + 1 + MAX_LINES))
                if lines[i].rstrip() in _CLOSERS[fence]), None)
    if end is None:
        return None, text
    inside = lines[start + 1:end]
    first = next((line for line in inside if line.strip() and not line.lstrip().startswith("#")), None)
    if first is None or not _FIELD[fence].match(first.strip()):
        return None, text       # a horizontal rule over a paragraph, not metadata
    rest = "\n".join(lines[end + 1:])
    fields, problem = _parse("\n".join(inside), fence)
    return (_read(fields) if fields is not None else FrontMatter(problem=problem)), rest


def _parse(block: str, fence: str) -> tuple[dict | None, str | None]:
    """The block's fields, or None and why not."""
    language = "YAML" if fence == "---" else "TOML"
    try:
        if fence == "+++":
            fields = tomllib.loads(block)
        else:
            import yaml

            fields = yaml.safe_load(block)
    except Exception as exc:  # noqa: BLE001 - any parser error: the block is set aside, the article still read
        reason = " ".join(str(exc).split())
        return None, f"front matter is not valid {language} ({reason[:80]}); its metadata set aside"
    if not isinstance(fields, dict):
        return None, f"front matter holds no {language} fields; set aside"
    return fields, None


def _key(name: Any) -> str:
    return re.sub(r"[\s_-]", "", str(name)).lower()


def _lookup(fields: dict, keys: tuple[str, ...]) -> tuple[str | None, Any]:
    """(the field name as written, its value) of the first of `keys` the fields hold with a value."""
    named = {}
    for name, value in fields.items():
        named.setdefault(_key(name), (str(name), value))
    for key in keys:
        name, value = named.get(key.lower(), (None, None))
        if value is not None and value != "" and not isinstance(value, bool):
            return name, value
    return None, None


def _text(value: Any) -> str | None:
    """A field's value as one line of text: a string or a number; a table's `name`; the first of a list."""
    if isinstance(value, list):
        value = next((v for v in value if _text(v)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(str(value).split())
    return re.sub(r"^\[\[(?:[^\]|]*\|)?([^\]]*)\]\]$", r"\1", text) or None    # an Obsidian link '[[Jane Doe]]'


def _authors(value: Any) -> tuple[str, ...]:
    """Author names: a string ('Jane Doe', 'Jane Doe and John Roe' is split later as a byline), a list of
    strings, a table with a `name` (Hugo, JSON Feed) or a list of such tables."""
    items = value if isinstance(value, list) else [value]
    names = [_text(item) for item in items]
    return tuple(dict.fromkeys(n for n in names if n))


def _read(fields: dict) -> FrontMatter:
    published_key, published = _lookup(fields, _PUBLISHED_KEYS)
    updated_key, updated = _lookup(fields, _UPDATED_KEYS)
    _, outlet = _lookup(fields, _OUTLET_KEYS)
    outlet = _text(outlet)
    if outlet and re.match(r"[a-z][\w+.-]*://", outlet, re.I):
        outlet = None            # a source's address, not its name
    _, url = _lookup(fields, _URL_KEYS)
    url = _text(url)
    return FrontMatter(
        title=_text(_lookup(fields, _TITLE_KEYS)[1]),
        published=published, published_key=published_key, updated=updated, updated_key=updated_key,
        authors=_authors(_lookup(fields, _AUTHOR_KEYS)[1]), outlet=outlet,
        url=url if url and re.match(r"https?://\S+$", url) else None)
