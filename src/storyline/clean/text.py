"""Line-level news cleaning for text that is already out of its HTML.

Whatever the format, a news page's body arrives with things that are not the
story: a headline and a dateline on top, photo captions with their credits,
"Read more" and "Related article" teasers, link syntax, an agency credit and an
"Original url:" footer at the end. Each is recognised by its own rule below,
removed from the body, and what it tells (title, date line, caption, credit,
URL) is kept as metadata, since a caption's date is a photo date, not the
publication date, and a footer's URL is the article's address.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.clean.bylines import byline_line, byline_outlet
from storyline.clean.credits import AGENCY_FORMS, credit_line, dateline_credit
from storyline.clean.dating import updated_line
from storyline.clean.meta_lines import meta_line
from storyline.clean.page_dates import date_line

# Markdown syntax that is not text
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]+|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_QUOTE_MARK = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_BOLD_TAIL = re.compile(r"\*\*([^*]+)\*\*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?=\S)")

# Teasers and page furniture, each a whole line
_FURNITURE = re.compile(
    r"^\W*(read more|read also|also read|more reading|related( articles?| stories| coverage| content| news)?|"
    r"see also|recommended|most read|trending|advertisement|advert|sponsored( content)?|"
    r"sign up( now)?( for [\w ]+)?|subscribe( now)?( to [\w ]+)?|share( this( article| story)?)?|"
    r"click here[\w ]*|follow us[\w ]*|watch( the)? video|listen( to this article)?|"
    r"continue reading|skip to (main )?content|back to top|comments?|print( this)?|"
    r"(get|download) (the|our) app[\w ]*|this article (was|is) (originally )?(published|available)[\w ,:.]*)\W*$",
    re.I)
_TEASER = re.compile(r"^\W*(related( article| story)?|read more|read also|also read|see also|more|watch|listen)\s*:\s*\S", re.I)
# Photo captions and credits
_PHOTO_CREDIT = re.compile(
    r"©|\(c\)\s*\d{4}|\b(photo(graph)?|image|picture|illustration|file photo|credit)s?\s*:|"
    r"(^|[(|\u2014\u2013-]\s*)(photo(graph)?|image|picture|illustration)s?\s+by\b|"
    r"\b(getty images|ap photo|afp photo|reuters/|epa(-efe)?\b/|shutterstock|sputnik/|tass/|anadolu|"
    r"pool photo|via reuters|via ap|via getty)", re.I)
# A credit line's end: 'Jane Doe / Reuters', 'Kremlin Press Service / TASS'.
_AGENCY_TAIL = re.compile(rf"\S\s*/\s*(?:{AGENCY_FORMS}|(?i:getty images|shutterstock|epa(?:-efe)?|sputnik|anadolu))\W*$")
# Lower-case words inside a name ('Ministry of Defence'), and words a
# sentence does not end on ('... an interview with').
_NAME_JOINERS = {"of", "the", "and", "de", "du", "des", "la", "le", "del", "di", "von", "van", "der", "al", "y",
                 "und", "via", "&", "/", "-", "|"}
_PICTURE_SOURCES = {"pixabay", "unsplash", "pexels", "wikimedia", "wikipedia", "flickr", "shutterstock", "istock",
                    "handout", "instagram", "twitter", "facebook", "telegram", "youtube", "vk"}
_DANGLING = _NAME_JOINERS | {"to", "with", "by", "from", "in", "on", "at", "as", "a", "an", "for", "is", "was",
                             "are", "were", "said", "says"}
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-\u2013]?\s*)*"
                        r"(?P<name>[A-Z][\w&.'’ -]{1,60}?)\s*[.,]?\s*(?:all rights reserved\.?)?$", re.I)
_URL_FOOTER = re.compile(r"^\W*(original\s+(url|link|article|source)|source\s+url|originally\s+published\s+(at|on)|"
                         r"permalink|canonical( url)?)\s*:?\s*(?P<rest>.*)$", re.I)
_URL = re.compile(r"https?://\S+")
# The outlet about itself at the end of an article (`_is_appeal`).
APPEAL_MAX = 400
_APPEAL = re.compile(r"\bsupport us\b|\bsupport our (?:work|journalism|reporting|newsroom|mission|coverage)\b"
                     r"|\bbecome an? (?:member|supporter|donor|patron|sustaining member)\b"
                     r"|\b(?:donate|make a (?:tax[- ]deductible )?(?:donation|gift)) (?:to us|now|today|here)\b", re.I)
_ABOUT_US = re.compile(
    r"[^.]{1,80}? (?:is|are) an? (?:independent|nonprofit|non-profit|nonpartisan|not-for-profit|reader-supported|"
    r"member-supported)\b[\w ,-]{0,40}?\b(?:newsroom|news (?:organi[sz]ation|outlet|site|service|agency)|"
    r"media (?:organi[sz]ation|outlet)|publication)\b", re.I)


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    url: str | None = None
    byline: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)   # removed caption lines: their dates bound publication from below
    top_lines: list[str] = field(default_factory=list)  # short lines above the body: datelines live there
    outlet: str | None = None                           # from a byline ("By Jane Doe, The Texas Tribune"), a footer


_MARKDOWN_SIGNS = re.compile(r"\]\([^)]*\)|^\s{0,3}#{1,6}\s|\*\*\S[^*\n]*\*\*|^\s*[-*]\s+\S", re.M)


def looks_like_markdown(text: str) -> bool:
    """Markdown saved as .txt is common (converters, copy-paste); two signs of its syntax decide."""
    return len(_MARKDOWN_SIGNS.findall(text, 0, 200_000)) >= 2


def strip_markdown(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group(1), line)
    line = _REF_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _HEADING.sub("", line)
    line = _QUOTE_MARK.sub("", line)
    return _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), line)


def _footer_url(lines: list[str], i: int) -> str | None:
    """The URL an "Original url:" line gives, on the line itself or the next one.

    A Markdown link's text keeps the URL as printed; converters break long
    URLs with a space or a hyphen, and the text (spaces removed) is the truer copy.
    """
    following = [raw for raw in lines[i + 1:i + 5] if raw.strip()][:1]
    for raw in [lines[i]] + following:
        for text, href in re.findall(r"\[([^\]]*)\]\(([^)\s]*)\)", raw):
            joined = re.sub(r"\s+", "", text)
            if _URL.fullmatch(joined):
                return joined
            if _URL.fullmatch(href):
                return href
        m = _URL.search(raw)
        if m:
            return m.group(0).rstrip(").,]")
    return None


def _is_credit_name(text: str) -> bool:
    """'Russian Foreign Ministry', 'Kremlin.ru', 'Jane Doe / TASS', 'Pixabay':
    a short name, every word capitalised or a joiner, no sentence
    punctuation; one word only when it is an address, an agency or a picture
    library ('Analysis' alone is a label, not a credit)."""
    words = text.split()
    if not 1 <= len(words) <= 6 or re.search(r"[,;:!?]|\.(\s|$)", text) or not all(
            w[0].isupper() or w[0] in "0123456789" or w.lower() in _NAME_JOINERS or not w[0].isalnum() for w in words):
        return False
    return len(words) > 1 or bool(re.search(r"\w[./]\w", text) or re.fullmatch(AGENCY_FORMS, text)
                                  or text.lower() in _PICTURE_SOURCES)


def is_caption(raw: str, plain: str) -> bool:
    """A photo caption: a line with a credit's form.

    A credit mark anywhere ('Photo:', '(Photo: AFP)', '© ...', 'Getty
    Images', 'Jane Doe / Reuters'), or in Markdown the picture-desk form
    'description **Credit Name**': a description without closing punctuation
    or a dangling connective, then a bold name (`_is_credit_name`). Bold alone
    is no caption: an all-bold line is a subheading, and a sentence that ends
    in bold words ('... with **Sergei Lavrov**', 'the answer was **no**')
    is story text."""
    if (_PHOTO_CREDIT.search(plain) or _AGENCY_TAIL.search(plain)) and (len(plain) < 400 or "©" in plain):
        return True
    m = _BOLD_TAIL.search(raw.strip())
    if not m or len(plain) >= 300:
        return False
    before = strip_markdown(raw.strip()[:m.start()]).strip()
    last_word = before.rsplit(None, 1)[-1].lower() if before else ""
    return (bool(before) and not re.search(r"[.!?:;,\"\u201d\u2019')]\s*$", before)
            and last_word not in _DANGLING and _is_credit_name(m.group(1).strip()))


def _is_title(line: str) -> bool:
    """A headline: short, no sentence-final stop (a closing quote after one counts as a stop)."""
    return 0 < len(line) <= 250 and not re.search(r"[.:;,][\"\u201d\u2019')\]]*\s*$", line) \
        and len(line.split()) >= 3


def clean_lines(text: str, markdown: bool = False, head: bool = True) -> Cleaned:
    """Split a text into the story body and the metadata its furniture carries.

    `head=False` for text an extractor already took out of its page: the
    headline and byline were page elements, and a short first line there is
    a subheading of the story, not its title. Either way a line above the body
    that shows a date alone ('5 March 2026', 'Published: 5 March 2026':
    `page_dates.date_line`) is the page's visible date: a top line
    (`top_lines`), where stage 2 reads a dateline, not story text; so are the
    dates of a line there that is made of a page's metadata ('Published: 5
    March 2026 · The Weekly · by Jane Doe': `meta_lines.meta_line`), whose
    byline and outlet are read too.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = Cleaned(text="")
    body: list[str] = []
    skip_next_url = False
    nonblank = [i for i, raw in enumerate(lines) if raw.strip()]
    last = nonblank[-1] if nonblank else -1
    for i, raw in enumerate(lines):
        plain = re.sub(r"[ \t\u00a0]+", " ", strip_markdown(raw) if markdown else raw).strip()
        if not plain:
            if body and body[-1] != "":
                body.append("")
            continue
        if skip_next_url and _URL.search(raw):
            skip_next_url = False
            continue
        skip_next_url = False
        m = _URL_FOOTER.match(plain)
        if m:
            out.url = out.url or _footer_url(lines, i)
            skip_next_url = not _URL.search(m.group("rest") or "")
            continue
        if _FURNITURE.match(plain) or _TEASER.match(plain) or _RULE.match(raw):
            continue
        m = _COPYRIGHT.match(plain)
        if m and i >= len(lines) // 2:
            out.outlet = out.outlet or m.group("name").strip()
            continue
        if is_caption(raw, plain):
            out.captions.append(plain)
            continue
        credited = credit_line(plain, last=(i == last))
        if credited is not None:
            out.credits += [c for c in credited if c not in out.credits]
            continue
        shown = date_line(plain) if not any(body) else None
        if shown:
            out.top_lines.append(shown)      # a page's visible date above the story ("5 March 2026")
            continue
        top = meta_line(plain) if not any(body) else None
        if top:                              # "Published: 5 March 2026 · The Weekly · by Jane Doe"
            out.top_lines += top.dates
            out.byline += [name for name in top.byline if name not in out.byline]
            out.outlet = out.outlet or top.outlet
            continue
        if not any(body) and updated_line([plain]):
            out.top_lines.append(plain)      # "Updated: 6 February 2026, 10:30 a.m. — adds the seat count."
            continue
        if head and not any(body):
            # above the body: headline, byline and dateline lines
            names = byline_line(plain)
            if names is not None:
                out.byline += [name for name in names if name not in out.byline]
                out.outlet = out.outlet or byline_outlet(plain)
                continue
            if len(plain.split()) <= 8 and not re.search(r"[.!?\"\u201d]$", plain) and out.title is not None:
                out.top_lines.append(plain)      # a dateline on a line of its own credits its agency too
                out.credits += [c for c in dateline_credit(plain) if c not in out.credits]
                continue
            if out.title is None and _is_title(plain) and i != last:
                out.title = plain
                continue
        out.credits += [c for c in dateline_credit(plain) if c not in out.credits]
        block = markdown and (_LIST_ITEM.match(raw) or _HEADING.match(raw))
        if block and body and body[-1] != "":
            body.append("")                  # a list item or a heading starts a paragraph of its own
        body.append(re.sub(r"^[*+]\s+", "- ", plain) if block else plain)
        if block and _HEADING.match(raw):
            body.append("")
    paragraphs = _paragraphs(body) if markdown else [p for p in "\n".join(body).split("\n") if p]
    while len(paragraphs) > 1 and _is_appeal(paragraphs[-1]):
        paragraphs.pop()
    out.text = "\n\n".join(paragraphs).strip()
    return out


def _is_appeal(paragraph: str) -> bool:
    """The outlet speaking about itself at the end of an article, no story text: an appeal for support ('Support
    our work: donate.', 'Become a member today') or an about-us note ('The Texas Tribune is a nonprofit,
    nonpartisan media organization that ...'). Short, and no quotation: '"Support us," the director said' is."""
    return len(paragraph) <= APPEAL_MAX and not re.search(r"[\"\u201c\u201d]", paragraph) and bool(
        _APPEAL.search(paragraph) or _ABOUT_US.match(paragraph))


def _paragraphs(lines: list[str]) -> list[str]:
    """Markdown paragraphs: consecutive lines joined by a space, blank lines separate. Each list item and heading
    is a paragraph of its own (clean_lines puts blank lines around them), as the HTML path makes each <li> and
    <h2> a block: joined to the next, an item that ends without a stop would run into it as one sentence."""
    paras, current = [], []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paras.append(" ".join(current))
            current = []
    return paras
