"""The story text and metadata of one news page.

Main text comes from an ordered list of strategies; each step runs only when
the ones before it gave nothing usable, in the manner of trafilatura's own
fallback chain:

1. trafilatura in precision mode, comments off. On news pages the precision
   mode drops the teaser grids, "most read" boxes and comment threads that the
   default mode keeps; on the benchmark it loses almost no story text.
2. trafilatura in its balanced mode, for the pages where the precision mode
   found nothing (short pages, unusual markup).
3. The JSON-LD `articleBody`, but only when it is longer than what steps 1-2
   found and contains nearly all of it: publishers often truncate it or fill
   it with HTML and captions, so it is trusted only as a more complete copy
   of a text we already believe.
4. A paragraph-density pass of our own (the element whose <p> children hold
   the most non-link text), then trafilatura's `baseline`, for pages where
   trafilatura returned nothing at all.

Before step 1, paywall, subscription and log-in boxes are cut out of the page
by their class or id (`paywall_boxes`): trafilatura keeps them when they sit
inside the <article>.

The text is then cleaned block by block with news-specific rules (see
`_DROP_LINE`): headline repeated as first block, bylines, datelines, photo
credits, "Read more"/"Related" runs, subscription offers and log-in prompts
with the benefits listed under them, follow boxes, copyright lines. Each rule
is anchored to the whole block and limited to short blocks, so that a story
sentence that happens to mention a subscription is kept. Each rule is kept
only if switching it off lowers F1, or leaves it unchanged, on the half of
the dev pages no rule was written from (bench/extraction.py --ablate).
"""
from __future__ import annotations

import html as html_lib
import re
from copy import deepcopy
from dataclasses import dataclass

from storyline.clean.bylines import byline_line, split_byline
from storyline.clean.html_meta import PageMeta, extract_meta, load_tree, saved_from_url
from storyline.clean.page_dates import date_line

__all__ = ["HtmlPage", "extract_html", "clean_blocks"]


@dataclass(frozen=True)
class HtmlPage:
    """What one HTML page says about itself, before stage 2 decides what to trust.

    Dates stay ISO strings with the name of their source, because how far a
    date is believed depends on where it came from (a JSON-LD datePublished
    versus an htmldate guess), and that call belongs to the stage that builds
    the Article's DateRange."""

    text: str
    title: str | None
    url: str | None
    site_name: str | None
    byline: tuple[str, ...]
    published: str | None
    published_source: str | None
    description: str | None
    updated: str | None = None  # the page's last update: publication is not later
    shown_dates: tuple[str, ...] = ()  # dates the text shows on top ("5 March 2026"): `top_dates`


# --------------------------------------------------------------------------- strategies

def _trafilatura(html, url: str | None, **options) -> list[str]:
    """trafilatura's text of `html` (a string or an lxml tree) as blocks; [] when it fails."""
    try:
        import trafilatura

        text = trafilatura.extract(html, url=url, include_comments=False, **options)
    except Exception:  # noqa: BLE001 - a failed strategy hands over to the next one
        return []
    return _blocks(text or "")


def _blocks(text: str) -> list[str]:
    return [b for b in (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")) if b]


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 4]) for i in range(max(len(words) - 3, 1))} if words else set()


def _jsonld_body(bodies: tuple[str, ...], current: list[str]) -> list[str] | None:
    """Step 3: a JSON-LD body that holds >= 90% of the current text and adds to it."""
    have = _shingles(" ".join(current))
    for raw in sorted(bodies, key=len, reverse=True):
        raw = html_lib.unescape(raw)
        if "<" in raw and re.search(r"</?(p|br|div|span|a)\b", raw, re.I):
            tree = load_tree(f"<html><body>{raw}</body></html>")
            if tree is None:
                continue
            for el in tree.xpath("//figure|//figcaption|//script|//style"):
                el.drop_tree()
            paras = [el.text_content() for el in tree.xpath("//p|//li|//h2|//h3")]
            raw = "\n".join(paras) if paras else tree.text_content()
        blocks = _blocks(raw)
        theirs = _shingles(" ".join(blocks))
        if not have or not theirs:
            continue
        if len(theirs) > 1.1 * len(have) and len(have & theirs) >= 0.9 * len(have):
            return blocks
    return None


_NOISE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
               "figure", "figcaption", "iframe", "svg", "button", "select")


def _density(tree) -> list[str]:
    """Step 4: the parent whose <p> children carry the most non-link text."""
    if tree is None:
        return []
    try:
        tree = deepcopy(tree)  # the caller's tree still serves metadata
        for el in tree.xpath("|".join(f"//{t}" for t in _NOISE_TAGS)):
            el.drop_tree()
        scores: dict = {}
        for p in tree.iter("p"):
            text = re.sub(r"\s+", " ", p.text_content()).strip()
            links = sum(len(a.text_content()) for a in p.iter("a"))
            value = len(text) - links
            parent = p.getparent()
            if parent is not None and value > 0:
                scores[parent] = scores.get(parent, 0) + value
        if not scores:
            return []
        best = max(scores, key=scores.get)
        return _blocks("\n".join(p.text_content() for p in best.iter("p")))
    except Exception:  # noqa: BLE001
        return []


def _baseline(html: str) -> list[str]:
    try:
        import trafilatura

        return _blocks(trafilatura.baseline(html)[1] or "")
    except Exception:  # noqa: BLE001
        return []


def _fragment(html: str) -> list[str]:
    """Step 0: an HTML fragment (a feed entry's content) is all story; there is no page to strip."""
    if re.search(r"<(?:html|body|head)\b", html[:5000], re.I):
        return []
    try:
        import lxml.html

        root = lxml.html.fragment_fromstring(html, create_parent="div")
        for el in root.xpath("|".join(f".//{t}" for t in _NOISE_TAGS)):
            el.drop_tree()
        parts = [el.text_content() for el in root.iter("p", "li", "h2", "h3", "blockquote")]
        return _blocks("\n".join(parts) if parts else root.text_content())
    except Exception:  # noqa: BLE001
        return []


# Class or id words of the boxes that sell the page instead of telling the
# story: paywalls, metering, subscription offers, log-in prompts. A word must
# stand on its own ("signings" and "unsubscribed" are not log-in boxes).
_PAYWALL_CLASS = re.compile(r"(?<![a-z])(pay-?wall|reg-?wall|pay-?gate|piano|subscri(be|bers?|ptions?)"
                            r"|log-?in|sign-?in|meter(ed)?)(?![a-z])")
# ... unless the same element also calls itself content: "subscriber-content"
# is the story shown to subscribers.
_CONTENT_CLASS = re.compile(r"content|body|text|article|story|entry|post", re.I)
_BOX_MAX_CHARS = 1000


def paywall_boxes(tree) -> list:
    """The outermost elements of `tree` that are paywall, subscription or log-in boxes.

    A box is named so by its class or id (`_PAYWALL_CLASS`), holds less than
    1,000 characters of text (a page frame with a "logged-out" class holds the
    whole page) and is not the page's <body>, <article> or <main>."""
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main"):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if (_PAYWALL_CLASS.search(names) and not _CONTENT_CLASS.search(names)
                and len(el.text_content()) < _BOX_MAX_CHARS
                and not any(box in el.iterancestors() for box in found)):
            found.append(el)
    return found


def _without_paywall(html: str, tree, disabled: frozenset[str]):
    """The page for trafilatura: `html` itself, or a copy of `tree` without its paywall boxes."""
    if "paywall box" in disabled or tree is None or not paywall_boxes(tree):
        return lambda: html
    pruned = deepcopy(tree)  # the caller's tree still serves metadata
    for box in paywall_boxes(pruned):
        box.drop_tree()
    return lambda: deepcopy(pruned)  # trafilatura edits the tree it is given


def main_text_blocks(html: str, url: str | None, meta: PageMeta, tree,
                     disabled: frozenset[str] = frozenset()) -> tuple[list[str], str]:
    """Blocks of story text and the name of the strategy that gave them (after step 0, `_fragment`)."""
    source = _without_paywall(html, tree, disabled)
    blocks, how = [], ""
    if "precision mode" not in disabled:
        blocks, how = _trafilatura(source(), url, favor_precision=True), "trafilatura precision"
    if not blocks:
        blocks, how = _trafilatura(source(), url), "trafilatura balanced"
    if blocks and "json-ld body" not in disabled and (longer := _jsonld_body(meta.article_bodies, blocks)):
        blocks, how = longer, "json-ld articleBody"
    if not blocks:
        blocks, how = _density(tree), "paragraph density"
    if not blocks:
        blocks, how = _baseline(html), "trafilatura baseline"
    return blocks, how


# --------------------------------------------------------------------------- news cleaning

def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


# A price per period in any common currency form: "2.95 euros a week", "$1/month", "£4 per month".
_PRICE = (r"(?:(?:[$€£¥]|(?:us|a|c)\$|rs\.?|eur|usd|gbp|chf)\s?[0-9]+(?:[.,][0-9]{1,2})?"
          r"|[0-9]+(?:[.,][0-9]{1,2})?\s?(?:euros?|dollars?|pounds?|cents?|eur|usd|gbp|chf|[€$£]))"
          r"\s*(?:a|an|per|/|each)\s*(?:week|month|year|day|wk|mo)\b")
# A page speaking to its reader about paying or logging in: a story that
# reports on a paywall says "subscribers", not "Already a subscriber?".
_PAYWALL = _rx(
    r"(?:log ?in|sign ?in|register)(?: now| here)?(?: to (?:comment|read|continue|view)\b.{0,40})?\W*$"
    r"|.{0,250}?(?:\balready (?:a |an )?(?:subscriber|member|registered)\b|\bread on with\b"
    r"|\b(?:subscribe|log ?in|sign ?in|register|sign up)\b.{0,40}\bto (?:continue|keep) reading"
    r"|\bto (?:continue|keep) reading\b.{0,60}\b(?:subscri|log ?in|sign ?in|register)"
    r"|\bcancel (?:at )?any ?time\b|\b(?:subscribers?|premium)[- ]only\b"
    r"|\b(?:only|exclusively) (?:available )?(?:to|for) (?:subscribers|premium members)"
    r"|\b(?:available|reserved|exclusive) (?:only )?(?:to|for) (?:subscribers|premium)"
    r"|\bsubscribe (?:now|today)\b|\bbecome a (?:paid |paying |premium )?subscriber\b"
    r"|\bbecome a (?:paid|paying|premium) member\b|\bbecome a member (?:now|today)\b"
    rf"|\b(?:get|gain|enjoy|with) (?:unlimited |full |digital |premium )?access to (?:all|our|every|unlimited)\b"
    rf"|\b(?:just|only|as little as) {_PRICE})")

# (name, pattern, max block length). A block is dropped when the pattern
# matches from its start (re.match) and the block is no longer than the limit.
_DROP_LINE: tuple[tuple[str, re.Pattern, int], ...] = (
    ("advertisement", _rx(r"(advertisement|advertising|sponsored content|ad)\W*$"), 40),
    ("continue", _rx(r"(story|article) continues (below|after)|continue reading\b"), 80),
    ("share", _rx(r"(share|tweet|email|print)( this| on| via| the)?( article| story| page| \w+)?\W*$"), 40),
    ("read more", _rx(r"(read|see|watch) (more|also|next)\b|(also|more) (read|see|on)\W"), 200),
    ("related", _rx(r"(related|more|also|see also|recommended|trending|don.?t miss|most (read|popular|viewed|shared)"
                    r"|you (may|might) (also )?like|more (from|stories|coverage)|read next|up next)\b[^.!?]*(\.\.\.|…|:)?\s*$"), 80),
    ("subscribe", _rx(r"(sign up|subscribe|join)\b.{0,120}\b(newsletter|free|today|now|here|access|members?|plus|pro)\b"), 300),
    ("paywall", _PAYWALL, 300),
    ("follow", _rx(r".*\bfollow (us|him|her|them|me|@?\w+) on (twitter|facebook|instagram|linkedin|youtube)"
                   r"|follow .{0,60}\b(coverage|live updates)\b"), 400),
    ("pitch", _rx(r"if you (enjoyed|liked|value|appreciate) (this|our|reading)"), 400),
    ("shortcode", _rx(r"\[(\w+)\b[^\]]*\].*\[/\1\]\W*$"), 400),
    ("copyright", _rx(r"(©|\(c\) |copyright\b)|.{0,150}all rights reserved"), 250),
    ("photo credit", _rx(r"\(?(photo|image|picture|photograph|illustration|video|graphic)s?( credit| by)?\s*[:©/]"
                         r"|.{0,200}(\([^()]{0,40}\b(photo|images?|pictures?|credit)\b[^()]{0,60}\)|©.{0,60})\W*$"), 250),
    ("filed under", _rx(r"(filed under|tags?|topics?|categories|posted in)\s*:"), 300),
    ("comments", _rx(r"(\d+\s+)?comments?\W*$|(leave|post|add) a (comment|reply)|comments are closed"
                     r"|tell us what you think|user comments|join the (conversation|discussion)|\d+ thoughts? on\b"), 120),
    ("timestamp", _rx(r"(updated|published|posted|last (updated|modified)|first published)( on| at)?:?\s.{0,50}$"
                      r"|.{0,30}\b(min(ute)?s? read|reading time|tempo de leitura|lesezeit)\b"), 80),
    ("contact", _rx(r"have a (news )?tip\b|.{0,150}\b(may|can) be reached at\b|contact the (author|reporter)"), 250),
    ("credit line", _rx(r"(source|sources|additional reporting|reporting by|editing by|compiled by|written by)\b\s*:?\s"), 150),
    ("teaser tag", _rx(r".{0,150}\[(video|insight|reaction|pictures|pics|latest|poll|revealed|analysis|report|live)\]\W*$"), 170),
)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _is_byline_block(block: str, byline: tuple[str, ...]) -> bool:
    """'By Jane Doe', 'By Theo Leggett, Business correspondent', 'Jane Doe, Reuters', '5:45 AM PST 11/19/2019
    by Jane Doe'."""
    if byline_line(block) is not None:
        return True
    if len(block) > 120:
        return False
    names = split_byline(block)
    rest = block
    for name in set(names) | set(byline):
        rest = rest.replace(name, " ")
    rest = re.sub(r"\b(by|and|updated|published|posted|on|at|[ap]\.?m\.?|[A-Z]{2,4})\b|[\d:/,.|•·–—-]", " ", rest)
    return bool(names) and any(n in block for n in byline) and not rest.strip()


BYLINE_BLOCKS = 4      # a byline stands among the first blocks of the text (or the last three)


def top_byline(blocks: list[str], site_name: str | None = None) -> tuple[str, ...]:
    """The people of the first "By ..." line among the text's first blocks, where a byline the page does not
    mark up stands ('By Theo Leggett, Business correspondent' -> ('Theo Leggett',)); () when there is none."""
    for block in blocks[:BYLINE_BLOCKS]:
        if names := byline_line(block, (site_name,) if site_name else ()):
            return tuple(names)
    return ()


def top_dates(blocks: list[str]) -> tuple[str, ...]:
    """The dates that blocks among the text's first ones show alone ('5 March 2026', 'Published: 5 March
    2026' -> '5 March 2026': `page_dates.date_line`), read before `clean_blocks` drops them as a standfirst or
    a time stamp; a page that marks no date up for machines still shows one."""
    return tuple(d for block in blocks[:BYLINE_BLOCKS + 1] if (d := date_line(block)))


def _title_variants(meta: PageMeta, headings: tuple[str, ...] = ()) -> set[str]:
    """The headline as the page states it in <title>/og:title (maybe with an
    outlet suffix) and in its <h1> elements."""
    out = {_norm(h) for h in headings}
    if meta.title:
        out.add(_norm(meta.title))
        out.update(_norm(part) for part in re.split(r"\s[|–—-]\s", meta.title) if len(part.split()) >= 3)
    return {t for t in out if len(t.split()) >= 3}


def _is_standfirst(block: str) -> bool:
    """The dek under a headline: a short line with no closing punctuation. The
    page description is no guide here: it is as often the lede itself. Only a
    block with story text after it is read so (`clean_blocks`): the last block
    of a page cut off mid-sentence is the story, not a dek."""
    return len(block) < 160 and len(block.split()) >= 4 and not re.search(r"[.!?\"”’')]\W*$", block)


# Steps and rules that `disabled` can switch off, for bench/extraction.py --ablate.
STRATEGIES = ("precision mode", "json-ld body")
RULES = ("paywall box", "title", "standfirst", "byline", "related run", "no words") + tuple(n for n, _, _ in _DROP_LINE)


def clean_blocks(blocks: list[str], meta: PageMeta | None = None, disabled: frozenset[str] = frozenset(),
                 headings: tuple[str, ...] = ()) -> list[str]:
    """Drop the news-page furniture that extractors let through.

    `headings` are the page's <h1> texts. `disabled` names rules to skip;
    bench/extraction.py --ablate uses it to measure what each rule is worth."""
    meta = meta or PageMeta()
    titles = _title_variants(meta, headings)
    out: list[str] = []
    in_related = after_title = False
    for i, block in enumerate(blocks):
        if "no words" not in disabled and not re.search(r"\w", block):
            continue  # table rules, separators, lone bullets
        if "title" not in disabled and i < 3 and titles and _norm(block) in titles:
            after_title = not out
            continue
        if after_title and "standfirst" not in disabled and i + 1 < len(blocks) and _is_standfirst(block):
            after_title = False
            continue
        after_title = False
        if "byline" not in disabled and (i < BYLINE_BLOCKS or i >= len(blocks) - 3) and \
                _is_byline_block(block, meta.byline):
            continue
        hit = next((name for name, rx, limit in _DROP_LINE
                    if name not in disabled and len(block) <= limit and rx.match(block)), None)
        if hit:
            in_related = hit in ("related", "read more", "paywall") and "related run" not in disabled
            continue
        # After a "Related"/"Read more" heading, the teaser headlines that follow
        # are short, unpunctuated lines, as are the benefits listed in a
        # subscription offer; the run ends at the first real sentence.
        if in_related and len(block) < 150 and not re.search(r"[.!?:\"”']\W*$", block):
            continue
        in_related = False
        out.append(block)
    return out


# --------------------------------------------------------------------------- entry point

_MAX_HTML = 10_000_000


def extract_html(html: str, url: str | None = None, disabled: frozenset[str] = frozenset()) -> HtmlPage:
    """Story text and metadata of one page; never raises, the worst is empty text. `url` is where the page
    was fetched; None: the address a browser noted in a saved page (`saved_from_url`), if any.

    `disabled` names strategies (`STRATEGIES`) and cleaning rules (`RULES`) to skip; bench/extraction.py
    --ablate uses it to measure what each rule is worth."""
    try:
        if not isinstance(html, str):
            html = str(html or "")
        html = html[:_MAX_HTML].replace("\x00", "")
        url = url or saved_from_url(html)
        tree = load_tree(html) if html.strip() else None
        try:
            meta = extract_meta(tree, url)
        except Exception:  # noqa: BLE001
            meta = PageMeta(url=url)
        blocks = _fragment(html)
        if not blocks and tree is not None:
            blocks, _how = main_text_blocks(html, url, meta, tree, disabled)
        headings = tuple(h.text_content() for h in tree.iter("h1")) if tree is not None else ()
        text = "\n\n".join(clean_blocks(blocks, meta, disabled, headings))
        byline = meta.byline or top_byline(blocks, meta.site_name)
        shown = top_dates(blocks)
    except Exception:  # noqa: BLE001 - last resort: the contract is "never raises"
        return HtmlPage("", None, url, None, (), None, None, None)
    return HtmlPage(
        text=text, title=meta.title, url=meta.url, site_name=meta.site_name, byline=byline,
        published=meta.published, published_source=meta.published_source, description=meta.description,
        updated=meta.updated, shown_dates=shown,
    )
