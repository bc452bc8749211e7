"""Dates for events: from the event's own sentence, never by default.

An event is dated only by what its own sentence says: a time expression of
another sentence never dates it, whatever that sentence is about ("Boeing
said it would cut jobs. It first announced the plan in March." leaves the
saying undated by March). Within the sentence, a time expression belongs to
the nearest event above it in the dependency tree ("was arrested ... in 2008"
dates the arrest, not the sentence's other events). A duration with "after"
or "before" ("nearly two weeks after Russia freed X") is counted back or
forward from the clause it modifies. Where a time is inherited, it is from a
clause of the same sentence linked to the event: a coordinated verb ("was
extradited and sentenced in 2012"), an earlier event the sentence says it
followed ("arrested in 2008 and subsequently extradited"), the event a
participle set off by a comma goes with ("named X on Tuesday, ousting Y"),
or the speaker's dated words. The publication date is used only for what the article itself
reports as news (a statement made to the outlet); background events without
a time stay undated, because dating them to the article would put a 2008
arrest on a 2022 timeline.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Sequence

from storyline.lexicon import MONTHS
from storyline.read.events.types import SEQUENCE_ADVERBS
from storyline.records import DateRange, TimeExpression
from storyline.read.doctext import doc_text

# the reason given to words dated by the article's publication interval (stage 4 re-dates them with it)
NEWS_OF_THE_ARTICLE = "reported as news of the article"
_DURATION = re.compile(r"^P([0-9]+(?:\.[0-9]+)?)([DWMY])$")
_DAYS = {"D": 1, "W": 7, "M": 30.44, "Y": 365.25}
_NEARLY = {"nearly", "almost", "just under", "less than", "under", "fewer than"}
_ABOUT = {"about", "around", "roughly", "some", "approximately", "circa", "or so"}
_OVER = {"more than", "over", "at least", "upwards of"}


def _month_end(y: int, m: int) -> date:
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def range_of(tx: TimeExpression, published: DateRange | None) -> DateRange | None:
    """The calendar interval a DATE/TIME expression names, or None.

    Uses the tagger's interval when it gave one; otherwise reads the TIMEX3
    value, taking a missing year ("XXXX-08-05") from the publication date
    when that date's year is known; a weekday or week the tagger could not
    place ("XXXX-WXX-5") lies within a week of the publication interval.
    """
    if tx.type not in {"DATE", "TIME"}:
        return None
    if tx.earliest or tx.latest:
        lo, hi = tx.earliest, tx.latest
        if tx.mod == "BEFORE":
            lo = None
        elif tx.mod in {"AFTER", "ON_OR_AFTER"}:
            hi = None
        return DateRange(lo, hi, f"time expression {tx.text!r}")
    value = tx.value or ""
    if value == "PRESENT_REF" and published:
        return published
    if re.fullmatch(r"XXXX-WXX(?:-[1-7])?", value):
        # "on Friday", "this week" where the publication is not known to the day (else the tagger placed it):
        # within a week of the publication interval, not the whole of its year
        if published is None or published.earliest is None and published.latest is None:
            return None
        lo = published.earliest and published.earliest - timedelta(days=6)
        hi = published.latest and published.latest + timedelta(days=6)
        return DateRange(lo, hi, f"time expression {tx.text!r}, within a week of the publication")
    year = None
    if published:
        years = {d.year for d in (published.earliest, published.latest) if d}
        year = years.pop() if len(years) == 1 else None
    m = re.match(r"^([0-9]{4}|XXXX)(?:-([0-9]{2}))?(?:-([0-9]{2}))?", value)
    if not m:
        return None
    y = int(m.group(1)) if m.group(1) != "XXXX" else year
    if y is None:
        return None
    try:
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return DateRange(d, d, f"time expression {tx.text!r}")
        if m.group(2):
            mo = int(m.group(2))
            return DateRange(date(y, mo, 1), _month_end(y, mo), f"time expression {tx.text!r}")
        return DateRange(date(y, 1, 1), date(y, 12, 31), f"time expression {tx.text!r}")
    except ValueError:
        return None


def duration_days(tx: TimeExpression) -> float | None:
    m = _DURATION.match(tx.value or "")
    if not m or tx.type != "DURATION":
        return None
    return float(m.group(1)) * _DAYS[m.group(2)]


def shifted(ref: DateRange | None, tx: TimeExpression, before_text: str, sign: int) -> DateRange | None:
    """`ref` moved by the duration `tx` (sign -1: the event came that long before ref).

    The hedge words in front of the duration ("nearly two weeks") widen the
    interval on the side they point to, rather than giving a false exact day.
    """
    days = duration_days(tx)
    if ref is None or days is None or ref.earliest is None and ref.latest is None:
        return None
    hedge = (before_text + " " + tx.text).lower()
    if tx.mod in {"LESS_THAN", "EQUAL_OR_LESS"} or any(w in hedge for w in _NEARLY):
        lo, hi = days * 0.75, days
    elif tx.mod == "APPROX" or any(w in hedge for w in _ABOUT):
        lo, hi = days * 0.75, days * 1.25
    elif tx.mod in {"MORE_THAN", "EQUAL_OR_MORE"} or any(w in hedge for w in _OVER):
        lo, hi = days, days * 2
    else:
        lo, hi = days - max(1.0, days / 7), days + max(1.0, days / 7)
    first = ref.earliest or ref.latest
    last = ref.latest or ref.earliest
    if sign < 0:
        start, end = first - timedelta(days=round(hi)), last - timedelta(days=round(lo))
    else:
        start, end = first + timedelta(days=round(lo)), last + timedelta(days=round(hi))
    return DateRange(start, end, f"{tx.text!r} {'before' if sign < 0 else 'after'} its reference")


def in_sentence(times: Sequence[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    return [t for t in times if t.start >= start and t.end <= end]


_SEQUENCE = SEQUENCE_ADVERBS
_PAST_TAGS = {"VBD", "VBN"}


def _line_of(text: str, pos: int) -> tuple[int, int]:
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


# A month named without a year ("in February", "Sept. 8"), whose year the tagger guessed; a deictic one ("next
# month", "last March") is counted from the publication day and is never moved.
_MONTH_NAMED = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
_DEICTIC = re.compile(r"\b(?:next|last|this|coming|following|past|previous|current)\b", re.I)
_PRESENT_BE = {"is", "are", "am", "'s", "'re", "be", "being"}
_PAST_AUX = {"was", "were", "had", "has", "have", "'ve", "'d", "been"}


def past_form(verb) -> bool:
    """Whether an event's verb tells a past: a finite past ("indicted", "was arrested") or a perfect.

    No past: a participle in a passive infinitive, the infinitive of a plan ("is scheduled to be sentenced",
    "is to be sentenced"), one after "will" or a modal, or after a present "be" ("is sentenced", "are
    scheduled"). `verb`: a spaCy Token.
    """
    if verb.tag_ not in _PAST_TAGS:
        return False
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {c.lower_ for c in aux}
    if any(c.tag_ == "MD" for c in aux) or words & {"to", "will", "'ll"}:
        return False
    if verb.tag_ == "VBN" and words & _PRESENT_BE and not words & _PAST_AUX:
        return False
    return True


def _past_year_fix(rng: DateRange, tx: TimeExpression, verb, published: DateRange | None) -> DateRange:
    """A month named without a year ("in February") in a past-tense clause lies before publication.

    Only a month whose year the tagger guessed, and only under a past form (`past_form`): "is scheduled
    to be sentenced in January" stays in the coming January, and "next month" is the month after
    publication whatever the verb.
    """
    if published is None or published.latest is None or rng.earliest is None or re.search(r"[0-9]{4}", tx.text):
        return rng
    if not _MONTH_NAMED.search(tx.text) or _DEICTIC.search(tx.text):
        return rng
    if not past_form(verb) or rng.earliest <= published.latest:
        return rng
    try:
        lo = rng.earliest.replace(year=rng.earliest.year - 1)
        hi = rng.latest.replace(year=rng.latest.year - 1) if rng.latest else None
    except ValueError:
        return rng
    return DateRange(lo, hi, rng.reason + ", the past year (past tense)")


def same_sentence(d, o) -> bool:
    """Whether two drafts' triggers stand in one sentence: the only place a time may pass between them."""
    return d.trigger.sent.start == o.trigger.sent.start and d.line == o.line


def _sentence_before(d, o) -> bool:
    """Whether `o`'s trigger stands in the sentence just before `d`'s, on the same line (paragraph)."""
    start = d.trigger.sent.start
    return start > 0 and d.trigger.doc[start - 1].sent.start == o.trigger.sent.start and d.line == o.line


def _attach(drafts, times: Sequence[TimeExpression], published: DateRange | None) -> None:
    """Give each time expression to the nearest event above it in the parse, in its sentence and line."""
    owner = {d.trigger.i: d for d in drafts}     # a trigger dates its own event first
    for d in drafts:
        for a in d.anchors:
            owner.setdefault(a.i, d)
    if not drafts:
        return
    doc = drafts[0].trigger.doc
    text = doc_text(doc)
    for tx in times:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        tok, d = span.root, None
        while True:
            if tok.i in owner and not span.start <= tok.i < span.end:
                d = owner[tok.i]
                break
            if tok.head.i == tok.i or tok.dep_ in {"acl", "relcl"} and tok.head.i not in owner:
                break                        # a clause describing a noun keeps its time ("the treaty signed in 1999")
            if tok.dep_ == "ccomp" and tok.head.i in owner and owner[tok.head.i].type.name == "statement":
                break                        # what is said keeps its time ("said a cut was possible in May")
            tok = tok.head
        sent = d.trigger.sent if d is not None else None
        if d is None or d.time is not None or not d.line[0] <= tx.start < d.line[1] \
                or not sent.start_char <= tx.start < sent.end_char or _compared_since(span.root, d.trigger):
            continue
        if tx.type == "DURATION":
            if span.root.dep_ == "pobj":
                continue                     # a length, not a lapse: "a ban of up to four years ... after testing"
            verb = d.anchors[0] if d.anchors[0].pos_ in {"VERB", "AUX"} else tok
            mark = next((c.lower_ for c in verb.children if c.dep_ in {"mark", "prep"}
                         and c.lower_ in {"after", "before"}), None)
            if mark is None or verb.head.i == verb.i:
                continue
            ref_d = owner.get(verb.head.i)
            ref = ref_d.time if ref_d and ref_d.time else (
                published if verb.head.tag_ in {"VBP", "VBZ"} else None)
            before = text[max(0, tx.start - 15):tx.start]
            d.time = shifted(ref, tx, before, -1 if mark == "after" else 1)
        else:
            rng = range_of(tx, published)
            d.time = rng and _past_year_fix(rng, tx, d.anchors[0], published)
        d.time_from_text = d.time is not None


_RANKS = {"first", "last", "only"}


def _compared_since(tok, trigger) -> bool:
    """Whether the time `tok` is "since X" said of a noun ranked against its kind ("the first strike at the port
    since 1989", "the biggest protest since 2009"): X dates an earlier one, not this one."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "since" and trigger.pos_ == "NOUN" and any(
        c.dep_ == "amod" and (c.lower_ in _RANKS or c.tag_ == "JJS") for c in trigger.children)


def date_drafts(drafts, times: Sequence[TimeExpression], published: DateRange | None) -> None:
    """Date events in place: their own time expressions, then what their own sentence implies.

    `drafts` in document order (finder's `_Draft`: trigger token, anchors,
    type, ids, line; `time` is set here, a `DateRange` or None). No step
    takes a time from another sentence (`same_sentence`), except the lower
    bound a sequence adverb of the event's own clause sets ("Bout was arrested
    in 2008. He was subsequently extradited ...": after the event told in the
    sentence just before, in the same paragraph).
    """
    _attach(drafts, times, published)
    last = None                              # the last dated event told just before, for "subsequently"
    for d in drafts:                         # document order
        if last is not None and not (same_sentence(d, last) or _sentence_before(d, last)):
            last = None
        if d.time is None and d.type.name != "statement":
            d.time = _from_coordinated(d, drafts, last and last.time) or _from_participle(d, drafts)
        if d.time is not None and d.type.name != "statement":
            last = d
    for d in drafts:
        if d.time is None and d.type.name == "statement":
            d.time = _statement_date(d, drafts, published)


def _from_coordinated(d, drafts, last: DateRange | None) -> DateRange | None:
    """Bounds from the dated events the event's verb is coordinated with in its sentence, or None.

    Coordinated verbs tell events in the order they happened: one told
    before a dated verb came no later ("was extradited and sentenced in
    2012": 2012 at the latest), one told after it no earlier ("was arrested
    in 2008 and extradited": 2008 at the earliest). With "subsequently" and
    no dated verb before it, `last` (the last dated event of its sentence or
    of the sentence just before) bounds it from below: "subsequently" says the event came after the one told
    just before it. Coordinated nouns share one date ("a verdict and
    sentence are expected on ...").
    """
    verb = d.anchors[0]
    lo = hi = None
    for o in drafts:
        if o is d or not o.time or not same_sentence(d, o) or "conj" not in {o.trigger.dep_, verb.dep_}:
            continue
        if o.trigger.head.i != verb.i and verb.head.i != o.trigger.i:
            continue
        if verb.pos_ in {"NOUN", "PROPN"}:
            return o.time                    # "a verdict and sentence are expected on ...": one date
        if o.trigger.i > verb.i and o.time.latest:
            hi = o.time.latest if hi is None else min(hi, o.time.latest)
        elif o.trigger.i < verb.i and o.time.earliest:
            lo = o.time.earliest if lo is None else max(lo, o.time.earliest)
    if lo is None and hi is None:
        return None
    if lo is None and last is not None and any(c.lower_ in _SEQUENCE for c in verb.children):
        lo = last.earliest
    if lo is not None and hi is not None and lo > hi:
        return None                          # the parse joined verbs the text does not tell in order
    side = "between the events" if lo and hi else "no later than the event" if hi else "no earlier than the event"
    return DateRange(lo, hi, f"{side} it is coordinated with")


def _from_participle(d, drafts) -> DateRange | None:
    """The time of the event a participle set off by a comma goes with, or None.

    "The board named Jane Roe as chief executive on Tuesday, ousting John
    Doe": a present participle after a comma, with no subject or
    conjunction of its own, tells what the event before it did in the same
    act, so the ousting is dated Tuesday with the naming. The event is a
    dated one told before it in its sentence whose trigger governs the
    participle, or whose trigger hangs on the same word (the small model
    may hang both on the subject: "The board named ..., ousting"). A
    participle after "after", "before", "while" ... is a pcomp or has a
    marker and is not read here.
    """
    verb = d.anchors[0]
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "acl"} or verb.head.i == verb.i:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "mark", "aux", "auxpass"} for c in verb.children):
        return None
    edge = verb.left_edge.i
    if edge == 0 or verb.doc[edge - 1].text != ",":
        return None
    for o in sorted(drafts, key=lambda o: -o.trigger.i):
        if o is d or o.trigger.i >= verb.i or not o.time or o.type.name == "statement" or not same_sentence(d, o):
            continue
        if o.trigger.head.i == verb.head.i or any(a.i == o.trigger.i for a in verb.ancestors):
            return DateRange(o.time.earliest, o.time.latest, "the time of the event the participle goes with")
    return None


def _statement_date(d, drafts, published: DateRange | None) -> DateRange | None:
    """A speaker's undated words: the date of their dated words in the same sentence ("said on Monday ...
    and added ..."), else the article's news date when told as news ("said", "says").

    Words told in the perfect ("has expressed", "had said") were said at some
    time up to the telling that the sentence does not give ("has long said"):
    they stay undated rather than take the article's date or a date another
    sentence gives to other words.
    """
    dated = {o.time for o in drafts if o.type.name == "statement" and o.time and o.ids & d.ids and
             o.time_from_text and same_sentence(d, o)}
    if len(dated) == 1:
        return next(iter(dated))
    if published is None or _perfect(d.trigger):
        return None
    return DateRange(published.earliest, published.latest, NEWS_OF_THE_ARTICLE)


def _perfect(verb) -> bool:
    """ "has expressed", "have said", "had told": a participle with the auxiliary "have"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
