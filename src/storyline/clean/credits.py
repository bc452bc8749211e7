"""Agency credits: which wire services an article says it draws on.

A credit is stated in words ("AFP contributed reporting", "The AP
contributed.", "Reporting by ... for Reuters", "(Reuters) -" datelines), never
taken from a photo credit ("© Samuel Corum / Getty Images / AFP"): a photo
agency supplied a picture, not the story. Captions are removed before this
runs, and the patterns below all need the words of a credit.
"""
from __future__ import annotations

import re

from storyline.datelines import AGENCY_FORMS, _PROSE, dateline_end, dateline_span  # noqa: F401 (re-exported)
from storyline.lexicon import NEWS_AGENCIES

AGENCIES = NEWS_AGENCIES
_FORM_TO_NAME = {form.lower(): name for name, forms in AGENCIES.items() for form in forms}
_AGENCY = rf"(?:the\s+)?(?:{AGENCY_FORMS})"
_LIST = rf"(?P<who>{_AGENCY}(?:\s*(?:,|and|&)\s*{_AGENCY})*)"

# Each pattern is a whole credit line (or a credit sentence at the end of a paragraph).
CREDIT_LINE = [
    re.compile(rf"^\W*{_LIST}\s+(?:and\s+\w+\s+)?contributed(?:\s+(?:to\s+)?(?:this\s+)?(?:report(?:ing)?|story|article))?"
               rf"(?:\s+(?:to|for)\s+this\s+(?:report|story|article))?\W*$", re.I),
    re.compile(rf"^\W*(?:with\s+)?(?:additional\s+)?(?:reporting|information|material|input)\s+(?:from|by)\s+{_LIST}\W*$", re.I),
    re.compile(rf"^\W*(?:source|sources|via|copyright|©)\s*:?\s*{_LIST}\W*$", re.I),
    re.compile(rf"^\W*{_LIST}\W*$"),  # a bare agency name alone on a last line
]
# "Reporting by Jane Doe in Moscow; Editing by John Roe" names people, not an agency; Reuters uses it.
REUTERS_FOOTER = re.compile(r"^\W*\(?(?:reporting|writing)\s+by\s+[^;]+(?:;\s*(?:additional\s+reporting|editing)\s+by\s+.+)?\)?\W*$",
                            re.I)
# "MOSCOW (Reuters) -" / "WASHINGTON, Dec 20 (AP) —" datelines credit the agency too.
# The place may carry a date ("MARL, Germany, March 4, 2025 (Reuters) -") and letters outside ASCII ("ZÜRICH").
DATELINE = re.compile(rf"^[A-Z\u00c0-\u00de][\w .,'\u2019/-]{{1,60}}?\((?P<who>{AGENCY_FORMS})\)\s*[-\u2013\u2014]")
# Staff credits: "(Reporting by Jane Doe in Moscow; Additional reporting by Ann Lee; Editing by John Roe)",
# "Writing by ...", "Compiled by ...": a role, "by", and names (each maybe "in", "from", "at" or "for" a place or an
# outlet) joined by commas or "and"; several credits joined by ";" or ",".
_NAME_WORD = r"(?![a-z])[^\W\d_][\w.'\u2019-]*"                          # a word that does not start in lower case
_PARTICLE = r"(?:de|da|das|do|dos|du|del|della|der|den|di|la|le|van|von|al|el|bin|ibn|ter|y)"
_PROPER = rf"(?:the\s+)?{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD})*"   # "Jane Doe", "Pieter van der Berg"
_STAFF = rf"{_PROPER}(?:\s+(?:in|from|at|for)\s+{_PROPER})?"
_STAFF_LIST = rf"{_STAFF}(?:(?:\s*,)?\s+(?:and|&)\s+{_STAFF}|\s*,\s*{_STAFF})*"
_STAFF_ROLE = r"(?i:(?:(?:additional|further|extra)\s+)?(?:reporting|writing|editing|compiled|compiling|written|edited|reported))"
_STAFF_CREDIT = rf"{_STAFF_ROLE}\s+(?i:by)\s+{_STAFF_LIST}"
_STAFF_CREDITS = rf"{_STAFF_CREDIT}(?:\s*[;,.|/]\s*(?:and\s+)?{_STAFF_CREDIT})*"
STAFF_LINE = re.compile(rf"(?:[-\u2013\u2014*\u2022]+\s*)?\(?\s*{_STAFF_CREDITS}\s*\)?[.\s]*")   # a whole line
STAFF_BRACKETS = re.compile(rf"\(\s*{_STAFF_CREDITS}\s*\)\.?")                                     # a bracketed credit
# Contributor lines: "Associated Press writer Juan Lozano contributed to this report.", "Jane Doe in Houston and
# John Roe in Austin contributed reporting.": names (maybe after an outlet's job title), then "contributed".
_STAFF_JOB = r"(?i:staff\s+)?(?i:writers?|reporters?|correspondents?|journalists?|photographers?|producers?)"
_STAFF_DESK = rf"(?:the\s+)?(?:{AGENCY_FORMS}|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})\s+{_STAFF_JOB}"
_CONTRIBUTED = (rf"(?:{_STAFF_DESK}\s+)?{_STAFF_LIST}\s+(?:also\s+)?contributed"
                rf"(?:\s+(?:reporting|research|(?:from|in)\s+{_PROPER}|to\s+(?:this|the)\s+(?:report|story|article)))*")
CONTRIBUTOR_LINE = re.compile(rf"(?:[-\u2013\u2014*\u2022]+\s*)?\(?\s*{_CONTRIBUTED}\s*\)?[.\s]*")   # a whole line
CONTRIBUTOR_TAIL = re.compile(rf"(?<=[.!?\"\u201d])\s+(?P<credit>{_CONTRIBUTED}\s*\.)\s*$")   # ending a paragraph
_SENTENCE_END = re.compile(r"[.!?\"\u201d\u2019')\]]\s*$")
STAFF_REACH = 600                                               # characters: the longest line read as a credit


def agency(form: str) -> str | None:
    return _FORM_TO_NAME.get(re.sub(r"^the\s+", "", form.strip(), flags=re.I).lower()) \
        or _FORM_TO_NAME.get(form.strip().lower())


def _agencies(listing: str) -> list[str]:
    names = []
    for part in re.split(r"\s*(?:,|\band\b|&)\s*", listing):
        name = agency(part) if part else None
        if name and name not in names:
            names.append(name)
    return names


def credit_line(line: str, last: bool = False) -> list[str] | None:
    """The agencies a line credits, or None when it is not a credit line.

    A bare agency name counts only on the article's last line, where wire
    copy signs off; anywhere else it may be a heading or a story's subject.
    """
    text = line.strip()
    if not text or len(text) > 160:
        return None
    patterns = CREDIT_LINE if last else CREDIT_LINE[:-1]
    for pattern in patterns:
        m = pattern.match(text)
        if m:
            return _agencies(m.group("who"))
    if REUTERS_FOOTER.match(text) and last:
        return ["Reuters"] if "reuters" in text.lower() else []
    return None


def dateline_credit(text: str) -> list[str]:
    """The agency a line opening with a wire dateline credits ("MARL, Germany, March 4 (Reuters) -" -> ['Reuters']),
    [] for any other line: running text before the bracket ("he said (Reuters) -") is no dateline."""
    m = DATELINE.match(text.lstrip())
    if not m or _PROSE.search(m.string, 0, m.start("who")):
        return []
    return [name] if (name := agency(m.group("who"))) else []


def dateline_agency(text: str) -> str | None:
    """The news agency whose wire dateline opens one of the text's first lines (`dateline_span`), as the agency
    table names it: "PASADENA, Texas (AP) \u2014" -> 'AP'; None without one, or for a source that is no agency
    ("(CNN Business)")."""
    span = dateline_span(text)
    m = re.match(r"\(([^)]*)\)", text[span[1]:span[2]]) if span else None
    return agency(m[1]) if m else None


def staff_credits(text: str) -> list[tuple[int, int]]:
    """The [start, end) character spans of `text` that credit its staff ("Reporting by Jane Doe in Moscow;
    Editing by John Roe", "Compiled by Sam Lee", "--additional reporting by Linh Tat.", "Associated Press writer
    Juan Lozano contributed to this report."), in text order.

    A span is a whole line that is nothing but credits (in brackets or not), or credits in brackets that open
    a line or close it after a sentence's end ("... he said. (Reporting by Jane Doe)"), or a contributor
    sentence that ends a line after another sentence ("... he said. Jane Doe contributed."). Names must be
    capitalised, so running text is no credit ("shoddy reporting by the Washington Post", "Written by Paul
    McCartney, the song ..."). Lines longer than `STAFF_REACH` characters are not read.
    """
    out = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        lowered = body.lower()
        if len(body) > STAFF_REACH or " by" not in lowered and "contributed" not in lowered:
            continue
        lead = len(body) - len(body.lstrip())
        core = body.strip()
        if STAFF_LINE.fullmatch(core) or CONTRIBUTOR_LINE.fullmatch(core):
            out.append((line.start() + lead, line.start() + lead + len(core)))
            continue
        for m in STAFF_BRACKETS.finditer(body):
            opens = not body[:m.start()].strip()
            closes = not body[m.end():].strip() and _SENTENCE_END.search(body[:m.start()]) is not None
            if opens or closes:
                out.append((line.start() + m.start(), line.start() + m.end()))
        if "contributed" in lowered and (m := CONTRIBUTOR_TAIL.search(body)):
            out.append((line.start() + m.start("credit"), line.start() + m.end("credit")))
    return out
