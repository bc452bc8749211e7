"""Agency credits: which wire services an article says it draws on.

A credit is stated in words ("AFP contributed reporting", "The AP
contributed.", "Reporting by ... for Reuters", "(Reuters) -" datelines), never
taken from a photo credit ("© Samuel Corum / Getty Images / AFP"): a photo
agency supplied a picture, not the story. Captions are removed before this
runs, and the patterns below all need the words of a credit.
"""
from __future__ import annotations

import re

from storyline.lexicon import NEWS_AGENCIES

AGENCIES = NEWS_AGENCIES
_FORM_TO_NAME = {form.lower(): name for name, forms in AGENCIES.items() for form in forms}
AGENCY_FORMS = "|".join(sorted({re.escape(f) for forms in AGENCIES.values() for f in forms}, key=len, reverse=True))
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
DATELINE = re.compile(rf"^[A-Z][A-Za-z .,'-]{{1,60}}?\((?P<who>{AGENCY_FORMS})\)\s*[-\u2013\u2014]")


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
    m = DATELINE.match(text.lstrip())
    return [name] if m and (name := agency(m.group("who"))) else []
