"""Bylines: the people who wrote an article, read from the line that credits them.

A byline mixes people with what describes them: their job ("By Theo Leggett,
Business correspondent"), their desk or city ("Jane Doe, BBC News, Los
Angeles"), an agency or the outlet ("By Jane Doe | Reuters"), a time stamp.
Only people belong in an article's `byline`; agencies are credits (credits.py).
The same reading serves a page's byline element, a byline given with the input
(a feed's dc:creator, a JSON Lines `byline`) and a "By ..." line at the top of
an article's text (`byline_line`).

A byline lists names separated by commas and "and"; the first comma-separated
part after a name that is no name (a job title, words in lower case, the
outlet, an agency, one word: a city) starts what describes them, and nothing
after it is a name until a part that opens with "and" ("Jane Doe, Political
Reporter, and John Roe, Staff Writer").
"""
from __future__ import annotations

import re

from storyline.clean.credits import agency
from storyline.clean.outlets import is_known_outlet, is_outlet_name
from storyline.lexicon import AGENCY_NAMES

__all__ = ["byline_agencies", "byline_line", "byline_outlet", "outlet_name", "split_byline"]

_AGENCIES = AGENCY_NAMES
_NOT_A_NAME = re.compile(
    r"^(staff|staff writer|staff reporter|editor|editors|the editors|admin|administrator|"
    r"correspondent|contributor|guest|news desk|newsdesk|web desk|desk|team|wire|wires|"
    r"and|by|updated|published|posted|editorial|opinion|guest author|anonymous|unknown)$", re.I)
# Job titles that follow a name after a comma ("Jane Doe, Senior Writer").
_TITLE_WORDS = re.compile(
    r"\b(writer|reporter|editor|correspondent|columnist|contributor|producer|"
    r"staff|analyst|author|photographer|journalist|chief|bureau)s?\b", re.I)
_BY = re.compile(r"^\s*(?:written|posted|reported|reporting|words|story|text)?\s*by[:\s]+", re.I)
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el", "ibn", "y", "dos"}
_JOINERS = r"&|\band\b|\bund\b|\bet\b|\by\b|/"
# Days and months: "By Tuesday, officials had ..." opens a sentence, not a byline.
_CALENDAR = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
                       r"august|september|october|november|december|christmas|easter|noon|midnight|then|now|"
                       r"tomorrow|tonight|today|yesterday", re.I)
_BYLINE_START = re.compile(r"^\W{0,3}(?:(?:written|reported|words|story)\s+)?by\s+(?=[^\W\d_])", re.I)
BYLINE_LINE_MAX = 160     # characters: a longer line is a sentence that starts with "By"


def _looks_like_person(name: str) -> bool:
    """Usernames ('jdadmin', 'kevin-r'), credentials ('MS', 'RDN') and bio
    fragments ('exclusive discounts') are not names. Scripts without case
    (CJK, Arabic) are given the benefit of the doubt."""
    words = name.split()
    if name.lower() == name.upper():
        return True
    if len(words) == 1 and (len(name) <= 4 and name.isupper() or name.islower()):
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES or not w[0].isalpha() for w in words)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _describes(part: str, outlets: tuple[str, ...]) -> bool:
    """Whether a comma-separated part of a byline describes its people instead of naming them: a job title,
    a word in lower case other than a name particle ('Health and science reporter', 'in Kyiv'), a number
    (a date, a time), an agency, the outlet or one of its desks ('BBC News', 'BBC Verify' on a BBC News
    page), a name that starts with 'The'."""
    words = re.findall(r"[^\W\d_][\w'.\u2019-]*", part)
    return bool(_TITLE_WORDS.search(part) or part.lower() in _AGENCIES or re.search(r"\d", part)
                or is_outlet_name(part, outlets) or _of_outlet(words, outlets) or words and words[0] == "The"
                or any(w[0].islower() and w.lower() not in _PARTICLES | {"and", "und", "et"} for w in words))


def _of_outlet(words: list[str], outlets: tuple[str, ...]) -> bool:
    """Whether the words name a desk of an outlet: they start with its name less a last word 'News'."""
    lowered = [w.lower() for w in words]
    for outlet in outlets:
        own = re.findall(r"\w+", outlet.lower())
        own = own[:-1] if len(own) > 1 and own[-1] == "news" else own
        if own and len(lowered) > len(own) and lowered[:len(own)] == own:
            return True
    return False


def _is_name(name: str, outlets: tuple[str, ...]) -> bool:
    return not (not name or name.lower() in _AGENCIES or _NOT_A_NAME.match(name) or re.search(r"\d", name)
                or len(name) > 60 or not 1 <= len(name.split()) <= 5 or not re.search(r"[^\W\d_]", name)
                or _TITLE_WORDS.search(name) or is_outlet_name(name, outlets) or not _looks_like_person(name))


def _prepared(raw: str) -> str:
    """The part of a byline where its names stand: after the last "by", before a ' | ' or ' - ' that
    starts an outlet or a time."""
    text = _squash(raw)
    # "5:45 AM PST 11/19/2019 by Patrick Shanley": the names follow the last "by".
    parts = re.split(r"\bby[:\s]\s*", text, flags=re.I)
    if len(parts) > 1 and parts[-1].strip():
        text = parts[-1]
    text = _BY.sub("", text)
    text = re.split(r"\s[|•·–—]\s|\s-\s|\n", text)[0]
    # An agency glued to the last name by markup without spaces ("JILL LAWLESSAssociated Press").
    return re.sub(r"(?<=[a-zA-Z])(Associated Press|Reuters|AFP)\b", ", ", text)


def _read(raw: str, outlets: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(names, the parts read as no name before the first description): see the module's docstring."""
    names: list[str] = []
    odd: list[str] = []
    expect = True
    for part in re.split(r"[,;]", _prepared(raw)):
        part = _squash(part).strip(" .:-")
        opens = re.match(r"(?:and|&)\s+", part, re.I)
        if opens:
            part, expect = part[opens.end():], True
        if not part or not expect:
            continue
        if _describes(part, outlets) or names and len(part.split()) == 1:
            expect = not names      # a job, a desk, the outlet, a city after a name: no name after it either
            continue
        for chunk in re.split(_JOINERS, part):
            name = _squash(chunk).strip(" .:-")
            if names and len(name.split()) == 1:
                continue            # "Jane Doe, Kyiv and John Roe, Moscow": a city
            if len(name.split()) > 2:
                name = re.sub(r"^(dr|mr|mrs|ms|prof)\.?\s+", "", name, flags=re.I)
            if not _is_name(name, outlets):
                if name:
                    odd.append(name)
                continue
            if name.lower() not in (n.lower() for n in names):
                names.append(name)
    return names, odd


def split_byline(raw: str, site_name: str | None = None, outlets: tuple[str, ...] = ()) -> list[str]:
    """The people of a byline: 'By Jane Doe and John Roe | Reuters' -> ['Jane Doe', 'John Roe'], 'By Theo
    Leggett, Business correspondent' -> ['Theo Leggett'].

    `site_name` and `outlets` are the names of the page's own outlet, never a person. No agency, job title,
    desk or city (see the module's docstring); [] for a URL or a bare e-mail address."""
    text = _squash(raw)
    if not text or "://" in text or "@" in text and " " not in text:
        return []
    return _read(text, tuple(o for o in (site_name, *outlets) if o))[0]


def byline_line(line: str, outlets: tuple[str, ...] = ()) -> list[str] | None:
    """The people of a line that is a byline and nothing else ('By Jane Doe', 'By Theo Leggett, Business
    correspondent', 'By Jane Doe and John Roe | Reuters'), [] for one that names no person ('By Reuters
    Staff'), None for any other line.

    The line opens with "By" and a capitalised word, is at most `BYLINE_LINE_MAX` characters, does not
    end a sentence, and every part before its description is a name (or an agency): "By Tuesday, officials
    had counted the votes." and "By 2030 the plant will ..." are no bylines."""
    text = _squash(line)
    if len(text) > BYLINE_LINE_MAX or not _BYLINE_START.match(text) or re.search(r"[.!?][\"'\u201d\u2019]?$", text) \
            and not re.search(r"\b[A-Z]\.$", text):
        return None
    names, odd = _read(text, outlets)
    if not names:
        first = re.split(r"[,;]", _prepared(text))[0]
        return [] if all(agency(part) for part in re.split(_JOINERS, first)) else None
    if any(o.lower() not in _AGENCIES for o in odd) or any(len(n.split()) == 1 and _CALENDAR.fullmatch(n)
                                                          for n in names):
        return None
    return names


# The last word of a newspaper's or a newsroom's name ("Houston Chronicle", "Texas Tribune", "Kyiv Post").
_MASTHEAD_WORDS = re.compile(
    r"(?:Times|Tribune|Post|Herald|Journal|Gazette|Chronicle|Telegraph|Guardian|Independent|Observer|Examiner|"
    r"Inquirer|Dispatch|Courier|Sentinel|Register|Record|Ledger|Bulletin|Monitor|Mail|Mirror|Express|Standard|Star|"
    r"Globe|Daily|Weekly|News|Press|Radio|Television|TV|Magazine|Review|Report|Wire|Network|Media|Gazeta|Zeitung)")


def byline_outlet(raw: str) -> str | None:
    """The outlet a byline names after its people ('By Carlos Mendez, The Texas Tribune' -> 'The Texas Tribune',
    'By Jane Doe | Reuters' -> 'Reuters', 'By Jane Doe, Associated Press' -> 'AP'), None when it names none.

    The first part after the names ("," "|" or " - ") that is an outlet is taken: an agency (as the agency table
    names it), a well-known outlet, or a capitalised name of at most six words that starts with 'The' (three words
    at least) or ends with a masthead word ('Houston Chronicle'); other parts (a job title, a city: 'Los Angeles',
    'The Hague') are passed over."""
    text = _squash(raw)
    parts = [p.strip(" .:-") for p in re.split(r"[,;]|\s[|\u2022\u00b7\u2013\u2014]\s|\s-\s", _BY.sub("", text))]
    if not _read(text, ())[0]:
        return None
    for part in parts[1:5]:
        if not re.match(r"(?:and|&)\s", part, re.I) and (name := outlet_name(part)):
            return name
    return None


def outlet_name(part: str) -> str | None:
    """The outlet a short piece of a byline or of a page's top line names, as stage 2 calls it ('Associated Press'
    -> 'AP', 'The Texas Tribune', 'Southeast Asia Weekly'), None for anything else ('Los Angeles', 'Staff
    Writer', 'The Hague'): an agency, a well-known outlet, or a capitalised name of at most six words that
    starts with 'The' (three words at least) or ends with a masthead word."""
    words = part.split()
    if not words:
        return None
    if name := agency(part):
        return name
    if is_known_outlet(part):
        return part
    proper = all(w[0].isupper() or w.lower() in {"of", "the", "and", "&"} for w in words)
    if proper and len(words) <= 6 and not _TITLE_WORDS.search(part) and not re.search(r"\d", part) and (
            words[0] == "The" and len(words) >= 3 or len(words) >= 2 and _MASTHEAD_WORDS.fullmatch(words[-1])):
        return part
    return None


def byline_agencies(raw: str) -> list[str]:
    """The news agencies a byline names as its authors, as credits name them: 'Reuters Staff' -> ['Reuters'],
    'By Jane Doe | AP' -> ['AP'], 'Jane Roe, AFP staff' -> ['AFP']; [] when it names none."""
    text = _BY.sub("", _squash(raw))
    found: list[str] = []
    for part in re.split(rf"\s[|•·–—-]\s|[,;]|{_JOINERS}", text):
        part = re.sub(r"\s+(?:staff|wires?|reporters?|writers?|desk)$", "", part.strip(" .:-"), flags=re.I)
        name = agency(part) if part else None
        if name and name not in found:
            found.append(name)
    return found
