"""The first publication date an HTML page declares, kept apart from its update time.

Sources are tried from the most to the least explicit: JSON-LD datePublished,
<meta> publication tags, <time> elements, then htmldate's wider search. A
page often shows two times, published and updated, and marks only one of them
for machines; as htmldate does in its `original_date` mode, a time marked or
labelled as an update (`itemprop="dateModified"`, class "updated", a preceding
"Updated:") is never taken for the publication. Its visible text may still
show the original time ("26/11/2017 23:50 | Actualizado a 27/11/2017 19:20"):
the date before the update label is the publication date, as long as it is
not later than the update. An update time alone only bounds publication from
above (`PageDates.updated`).
"""
from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import date

from storyline.clean import dating

__all__ = ["PageDates", "date_line", "page_dates", "time_role", "visible_dates"]

# Words that label a time as an update or as the first publication, in the
# languages news sites commonly use.
_UPDATED = (r"(?:last[\s-]+)?(?:updated?|modified|edited|revised)|actualizad[oa]s?|actualizaci[oó]n|atualizad[oa]"
            r"|aktualisiert|mis[e]? à jour|aggiornat[oa]|bijgewerkt|zaktualizowano|обновлено|güncellendi"
            r"|uppdaterad|opdateret|oppdatert|päivitetty")
_PUBLISHED = (r"(?:first[\s-]+)?(?:published|posted|created)|publicad[oa]|publi[ée]e?|veröffentlicht|pubblicat[oa]"
              r"|gepubliceerd|opublikowano|опубликовано|yayınlandı|publicerad|udgivet|publisert|julkaistu")
_UPDATED_LABEL = re.compile(rf"(?<!\w)(?:{_UPDATED})(?!\w)", re.I)
_PUBLISHED_LABEL = re.compile(rf"(?<!\w)(?:{_PUBLISHED})(?!\w)", re.I)
# A publication label opening a line that shows the date ("Published: ", "First published on ", "Posted at ").
_LINE_LABEL = re.compile(rf"^\W*(?:(?:{_PUBLISHED})(?:\s+(?:on|at|am|le|el))?\s*:?\s*)", re.I)
_YEAR = re.compile(r"(?<![0-9])(?:1[89]|20)[0-9][0-9](?![0-9])")
# Attribute values (itemprop, class, id) that name a time's role.
_PUBLISHED_MARK = re.compile(r"date-?published|publish|pubdate|entry-date|posted|created", re.I)
_UPDATED_MARK = re.compile(r"date-?modified|modif|updat|edited|revised", re.I)

# Elements whose dates are about something else than the article: a photo,
# a teaser for another story, a comment, the page chrome.
_FOREIGN = ("figcaption", "figure", "aside", "footer", "nav", "blockquote")
_FOREIGN_CLASS = re.compile(r"caption|credit|related|comment|promo|teaser|recommend|sidebar", re.I)

# Numeric dates: ISO first, then day and month in an order the page decides.
# ASCII digits only ([0-9], not \d), as dates are written; int() takes them all.
_ISO = re.compile(r"(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")
_NUMERIC = re.compile(r"(?<![0-9./-])([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9])")
# Regions that write the month first (English of the US and its territories, the Philippines).
_MONTH_FIRST = re.compile(r"^en-(us|ph|fm|mh|pw|as|gu|mp|pr|um|vi)$", re.I)


@dataclass(frozen=True)
class PageDates:
    """ISO dates (YYYY-MM-DD) a page gives: its first publication, with the
    name of the source that gave it, and its last update when marked."""

    published: str | None = None
    source: str | None = None
    updated: str | None = None


def _in_foreign(el) -> bool:
    node = el
    while node is not None and isinstance(node.tag, str):
        if node.tag in _FOREIGN:
            return True
        if _FOREIGN_CLASS.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return True
        node = node.getparent()
    return False


def _text_before(el, limit: int = 60) -> str:
    """The text just before `el` in its parent (its parent's text and the
    tails of earlier siblings), where labels such as "Updated:" stand."""
    parent = el.getparent()
    if parent is None:
        return ""
    parts = [parent.text or ""]
    for sib in parent:
        if sib is el:
            break
        parts.append((sib.text_content() if isinstance(sib.tag, str) else "") + (sib.tail or ""))
    return "".join(parts)[-limit:]


def time_role(el) -> str | None:
    """'published', 'updated' or None for a <time> (or any dated element).

    Its own markers first (pubdate attribute, itemprop, then class and id),
    then its parent's and grandparent's, then a label standing just before it
    ("Updated:", "Actualizado a", "Published"). A published marker wins over
    an updated one on the same element: WordPress marks a never-updated post
    `class="entry-date published updated"`."""
    if el.get("pubdate") is not None:
        return "published"
    node = el
    for _ in range(3):
        if node is None or not isinstance(node.tag, str):
            break
        for marks in (node.get("itemprop") or "", f"{node.get('class') or ''} {node.get('id') or ''}"):
            if _PUBLISHED_MARK.search(marks):
                return "published"
            if _UPDATED_MARK.search(marks):
                return "updated"
        node = node.getparent()
    before = _text_before(el)
    labels = [(m.end(), "updated") for m in _UPDATED_LABEL.finditer(before)]
    labels += [(m.end(), "published") for m in _PUBLISHED_LABEL.finditer(before)]
    if labels and not re.search(r"[0-9]", before[max(labels)[0]:]):
        return max(labels)[1]
    return None


def date_line(line: str) -> str | None:
    """The date a short line of a page's text shows and nothing else, maybe after a publication label:
    '5 March 2026' -> '5 March 2026', 'Published: Thursday 5 March 2026' -> 'Thursday 5 March 2026'; None
    for an update's time ('Updated 6 March 2026'), a date without its year or day, and any other line.

    A page that marks no date up for machines often shows one at the top of its text; stage 2 reads it
    as a dateline (`dating.from_dateline`), after the page's metadata and its URL."""
    text = " ".join(line.split()).strip("*_ ")      # Markdown emphasis around it: '**Published: 5 March 2026**'
    if len(text.split()) > 10 or not _YEAR.search(text) or _UPDATED_LABEL.search(text):
        return None
    rest = _LINE_LABEL.sub("", text, count=1)
    return rest if rest and dating.from_dateline([rest]) else None


def _numeric_day(a: str, b: str, year: str, month_first: bool | None, not_after: date | None) -> date | None:
    y = int(year) if len(year) == 4 else int(year) + (2000 if int(year) < 70 else 1900)
    readings = []
    for day, month in ((int(a), int(b)), (int(b), int(a))):
        try:
            readings.append(date(y, month, day))
        except ValueError:
            readings.append(None)
    day_first, month_first_day = readings
    if not_after is not None:  # a publication is never later than its update
        day_first = day_first if day_first and day_first <= not_after else None
        month_first_day = month_first_day if month_first_day and month_first_day <= not_after else None
    if day_first and month_first_day and day_first != month_first_day:
        if month_first is None:
            return None  # truly ambiguous: no date rather than a wrong one
        return month_first_day if month_first else day_first
    return day_first or month_first_day


def visible_dates(text: str, lang: str | None = None, not_after: date | None = None) -> list[date]:
    """Calendar days written in `text`, in order of appearance.

    ISO dates, numeric dates ('26/11/2017', '11.26.17') read day-first or
    month-first as the numbers or the page's language decide (month-first for
    English of the United States; an ambiguous date is skipped when the
    language is absent or a bare 'en'), and dates with a month
    name (`storyline.clean.dating.parse_date`). `not_after` rules out readings
    later than that day."""
    lang = (lang or "").strip()
    month_first = None if lang.lower() in ("", "en") else bool(_MONTH_FIRST.match(lang))
    found: list[tuple[int, date]] = []
    for m in _ISO.finditer(text):
        if d := dating.parse_date(m.group(0)):
            found.append((m.start(), d))
    for m in _NUMERIC.finditer(text):
        if d := _numeric_day(m[1], m[3], m[4], month_first, not_after):
            found.append((m.start(), d))
    if not found and re.search(r"[^\W\d_]{3}", text) and (d := dating.parse_date(text)):
        found.append((0, d))
    return [d for _, d in sorted(found)]


def _published_in_text(el, role: str | None, lang: str | None) -> date | None:
    """The date shown before an update label in a dated element's text:
    '26/11/2017 23:50 | Actualizado a 27/11/2017 19:20' -> 2017-11-26. Also
    the first of two dates in an element marked as an update."""
    text = re.sub(r"\s+", " ", el.text_content())
    updated = dating.parse_date(el.get("datetime") or el.get("content"))
    label = _UPDATED_LABEL.search(text)
    if label:
        head = text[:label.start()]
    elif role == "updated" or len(visible_dates(text, lang)) > 1:
        head = text
    else:
        return None
    days = visible_dates(head, lang, not_after=updated)
    return days[0] if days and (updated is None or days[0] <= updated) else None


def _time_elements(tree, lang: str | None) -> PageDates:
    """Dates from <time> elements outside captions, teasers and comments."""
    times = [t for t in tree.iter("time") if not _in_foreign(t)]
    roles = {t: time_role(t) for t in times}
    updated = next((d for t in times if roles[t] == "updated" and (d := dating.parse_date(t.get("datetime")))), None)
    for t in times:
        if roles[t] == "published" and (d := dating.parse_date(t.get("datetime"))):
            return PageDates(d.isoformat(), "time datePublished", updated and updated.isoformat())
    for t in times:
        if d := _published_in_text(t, roles[t], lang):
            return PageDates(d.isoformat(), "time element text, before its update", updated and updated.isoformat())
    for t in times:
        if roles[t] != "updated" and t.xpath("ancestor::article or ancestor::header"):
            if d := dating.parse_date(t.get("datetime")):
                return PageDates(d.isoformat(), "time element", updated and updated.isoformat())
    return PageDates(updated=updated and updated.isoformat())


def _htmldate(tree, url: str | None) -> str | None:
    """htmldate looks further (URL, scripts, abbr, header text); it gets a copy
    without figures, captions and update times, so that neither a photo's date
    nor the update can win."""
    try:
        from htmldate import find_date

        clean = deepcopy(tree)
        for el in clean.xpath("//figure|//figcaption|//*[contains(@class,'caption') or contains(@class,'credit')]"):
            el.drop_tree()
        for el in [t for t in clean.iter("time") if time_role(t) == "updated"]:
            el.drop_tree()
        return find_date(clean, extensive_search=False, original_date=True, url=url)
    except Exception:  # noqa: BLE001 - a guess that fails is no guess
        return None


_META_PUBLISHED = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                   "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                   "sailthru.date", "parsely-pub-date", "article.published", "og:pubdate")
_META_UPDATED = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")


def page_dates(tree, meta: dict[str, str], articles: list[dict], objects: list[dict], url: str | None) -> PageDates:
    """The page's publication date and its source, and its update date.

    `meta` maps <meta> names to contents, `articles` and `objects` are the
    JSON-LD article objects and all JSON-LD objects (see html_meta)."""
    updated = None
    for value in [a.get("dateModified") for a in articles] + [meta.get(k) for k in _META_UPDATED]:
        if isinstance(value, str) and (d := dating.parse_date(value)):
            updated = d.isoformat()
            break
    candidates = [(a.get("datePublished"), "json-ld datePublished") for a in articles]
    candidates += [(o.get("datePublished"), "json-ld datePublished") for o in objects if o not in articles]
    candidates += [(meta.get(k), f"meta {k}") for k in _META_PUBLISHED]
    for value, label in candidates:
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and (d := dating.parse_date(value)):
            return PageDates(d.isoformat(), label, updated)
    lang = tree.get("lang") or meta.get("content-language") or meta.get("og:locale", "").replace("_", "-") or None
    found = _time_elements(tree, lang)
    updated = updated or found.updated
    if found.published:
        return PageDates(found.published, found.source, updated)
    if guess := _htmldate(tree, url):
        if updated is None or guess <= updated:
            return PageDates(guess, "htmldate", updated)
    return PageDates(updated=updated)
