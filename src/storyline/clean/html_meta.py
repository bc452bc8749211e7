"""Metadata of a news page: title, canonical URL, outlet, authors, first publication date.

Publishers describe the same article several times over (JSON-LD for search
engines, OpenGraph for social networks, plain <meta> for older crawlers, and
visible markup for readers), and the descriptions disagree in predictable ways:
JSON-LD is written for machines and is the most precise, OpenGraph is usually
right about titles and outlets, visible markup is the last resort because it
also holds photo captions, related-story teasers and "updated" stamps. So each
field is read from an ordered list of sources and the first usable value wins;
the date also records which source gave it, because stage 2 turns it into a
`DateRange` and a date guessed by htmldate deserves less trust than one a
publisher declared.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterator
from urllib.parse import urljoin

from lxml import html as lxml_html

from storyline.clean import dating
from storyline.clean.bylines import split_byline
from storyline.clean.outlets import host_core, outlet_from_url, strip_site_name
from storyline.clean.page_dates import page_dates

# Types whose JSON-LD object describes the article itself (schema.org Article
# subtypes). WebPage objects are read only for their date, after these.
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Posting|Report)$", re.I)


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    url: str | None = None
    site_name: str | None = None
    byline: tuple[str, ...] = ()
    published: str | None = None
    published_source: str | None = None
    updated: str | None = None  # last update (YYYY-MM-DD): publication is not later
    description: str | None = None
    article_bodies: tuple[str, ...] = ()  # JSON-LD articleBody values, raw


# --------------------------------------------------------------------------- JSON-LD

def _loads_lenient(raw: str) -> Any:
    """Publishers hand-write JSON-LD; trailing commas, HTML comments and raw
    newlines inside strings are common, and a page should not lose its date
    because of them."""
    raw = raw.strip()
    raw = re.sub(r"^\s*<!--|-->\s*$", "", raw).strip().rstrip(";")
    for attempt in (raw, re.sub(r",\s*([}\]])", r"\1", raw)):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


def _walk(node: Any, depth: int = 0) -> Iterator[dict]:
    if depth > 12:
        return
    if isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)


def _types(obj: dict) -> list[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return [t]
    return [x for x in t if isinstance(x, str)] if isinstance(t, list) else []


def _jsonld_objects(tree) -> tuple[list[dict], list[dict]]:
    """(article objects, all objects), each in document order."""
    objects: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        data = _loads_lenient(script.text_content() or "")
        if data is not None:
            objects.extend(_walk(data))
    articles = [o for o in objects if any(_ARTICLE_TYPE.search(t) for t in _types(o))]
    return articles, objects


def _names(value: Any) -> list[str]:
    """schema.org lets author be a string, a Person, an Organization or a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return _names(name) if name else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _first_str(*values: Any) -> str | None:
    for v in values:
        if isinstance(v, list) and v:
            v = v[0]
        if isinstance(v, dict):
            v = v.get("@id") or v.get("url") or v.get("name")
        if isinstance(v, str) and v.strip():
            return _squash(v)
    return None


# --------------------------------------------------------------------------- helpers

def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _meta_map(tree) -> dict[str, str]:
    """name/property/itemprop (lower-cased) -> content of the first such <meta>;
    the first wins because later duplicates usually belong to embedded widgets."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (el.get(attr) or "").strip().lower()
            if key and key not in out:
                out[key] = _squash(content)
    return out


def parse_date(value: str | None) -> str | None:
    """A publisher's date string as YYYY-MM-DD (`storyline.clean.dating.parse_date` decides)."""
    d = dating.parse_date(value)
    return d.isoformat() if d else None


# --------------------------------------------------------------------------- bylines

def _bylines(tree, meta: dict[str, str], articles: list[dict], outlets: tuple[str, ...]) -> tuple[str, ...]:
    """The first source that yields a person wins: JSON-LD, <meta>, rel=author,
    then a visible byline element."""
    sources: list[list[str]] = [[n for a in articles for n in _names(a.get("author"))]]
    sources.append([meta[k] for k in ("author", "article:author", "dc.creator", "dcterms.creator",
                                      "byl", "sailthru.author", "parsely-author", "cxenseparse:author")
                    if k in meta])
    sources.append([a.text_content() for a in tree.xpath('//a[@rel="author"]')])
    sources.append([e.text_content() for e in tree.xpath(
        '//*[@itemprop="author" or contains(@class,"byline") or contains(@class,"author-name")'
        ' or @class="author"]')[:3]])
    for raw_names in sources:
        out: list[str] = []
        for raw in raw_names:
            for name in split_byline(raw, outlets=outlets):
                if name.lower() not in (n.lower() for n in out):
                    out.append(name)
        if out:
            return tuple(out)
    return ()


def _outlets(meta: dict[str, str], articles: list[dict], url: str | None) -> tuple[str, ...]:
    """Every name the page uses for its own outlet, and its host name."""
    names = [meta.get(k) for k in ("og:site_name", "application-name", "twitter:site")]
    names += [n for a in articles for n in _names(a.get("publisher"))]
    names += [host_core(url), outlet_from_url(url)]
    return tuple(n.lstrip("@") for n in names if n)


# --------------------------------------------------------------------------- saved pages

# The "mark of the web" a browser writes at the top of a page saved with "Save as" (Internet Explorer, Edge,
# Chrome): <!-- saved from url=(0042)https://... -->, the number being the URL's length in characters.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\((\d{1,5})\)(\S+?)\s*-->", re.I)
_SAVED_FROM_HEAD = 4096   # browsers write it before <html>, after at most a doctype and a byte-order mark


def saved_from_url(html: str) -> str | None:
    """The http(s) address a saved page came from, read from its mark of the web
    ('<!-- saved from url=(0042)https://... -->' in the first 4 KB, before <html>), or None.

    The URL is cut to the length in parentheses when it is longer (Microsoft's
    format, "Mark of the Web"); pages saved as local files ('about:internet',
    'file:') give None."""
    head = html[:_SAVED_FROM_HEAD]
    start = re.search(r"<html[\s>]", head, re.I)
    found = _SAVED_FROM.search(head, 0, start.start() if start else len(head))
    if not found:
        return None
    length, url = int(found[1]), found[2]
    url = url[:length] if 0 < length < len(url) else url
    return url if re.match(r"https?://[^/\s]+\.[^/\s]+", url, re.I) else None


# --------------------------------------------------------------------------- entry point

def extract_meta(tree, url: str | None = None) -> PageMeta:
    """Read every field from its ordered sources; a missing tree gives empty metadata."""
    if tree is None:
        return PageMeta(url=url)
    meta = _meta_map(tree)
    articles, objects = _jsonld_objects(tree)
    art = articles[0] if articles else {}

    site_name = (meta.get("og:site_name") or meta.get("application-name")
                 or _first_str(*(_names(a.get("publisher")) for a in articles))) or None
    canonical = tree.xpath('//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href')
    found_url = (canonical[0].strip() if canonical and canonical[0].strip() else None) or meta.get("og:url")
    if found_url and url:
        found_url = urljoin(url, found_url)
    if found_url and not re.match(r"https?://", found_url):
        found_url = None
    outlets = _outlets(meta, articles, found_url or url)

    title_el = tree.find(".//title")
    page_title = _squash(title_el.text_content()) if title_el is not None else None
    headline = _first_str(art.get("headline"), art.get("name"))
    title = meta.get("og:title") or headline or meta.get("twitter:title") or page_title or None
    if title:
        headings = tuple(h.text_content() for h in tree.iter("h1"))
        title = strip_site_name(title, outlets, (*headings, *filter(None, (meta.get("og:title"), headline))))

    description = (meta.get("og:description") or meta.get("description")
                   or meta.get("twitter:description") or _first_str(art.get("description"))) or None

    dates = page_dates(tree, meta, articles, objects, url)
    bodies = tuple(a["articleBody"] for a in articles if isinstance(a.get("articleBody"), str))
    return PageMeta(
        title=title, url=found_url or url, site_name=site_name,
        byline=_bylines(tree, meta, articles, outlets),
        published=dates.published, published_source=dates.source, updated=dates.updated,
        description=description, article_bodies=bodies,
    )


def load_tree(html: str):
    """lxml tree of a page, or None: an unparseable page still gets a text attempt."""
    try:
        from trafilatura.utils import load_html

        return load_html(html)
    except Exception:  # noqa: BLE001
        try:
            return lxml_html.fromstring(html) if html.strip() else None
        except Exception:  # noqa: BLE001
            return None
