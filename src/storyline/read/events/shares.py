"""Share price moves: "Norrland shares fell 4.2 percent on Monday", "The shares fell 4.2% in early trading",
"Shares closed up 3.4%", "Norrland shares ended 2.1% lower".

A move is a fact of the company whose shares moved, under the attribute "share price change on <day>",
with the direction in the value ("4.2% lower"), so that two outlets reporting the same day's move are
compared and moves of different days never are. The day is the one the sentence names (a time expression
of one day), else the article's publication day; a move over a longer span ("have fallen about 9% since the
blast", "has lost a third of its value this year") or on top of another ("fell another 6%") is not one day's
move and is left out; a remark after a comma ("..., their first gain since the breach") is no such span.
The company is the one the shares are of ("Norrland shares", "Shares of Brightwater", "Velmar's shares"),
else, for "the shares" or "its shares", the last organisation named before that is no news agency and no
body that has no shares: a regulator, a commission, a court, a ministry, a union, an exchange ("the
Information Commissioner's Office fined Corvane ... Shares rose 3%" are Corvane's; `arguments.org_before`).
"""
from __future__ import annotations

from datetime import date
from typing import Callable, Sequence

from storyline.read.events.arguments import EntityIndex, org_before
from storyline.records import DateRange, TimeExpression

_DOWN = {"fall", "drop", "slip", "slide", "tumble", "plunge", "sink", "decline", "dip", "lose", "shed", "sag",
         "plummet", "crash", "retreat", "ease"}
_UP = {"rise", "gain", "climb", "jump", "soar", "surge", "rally", "add", "advance", "rebound", "spike"}
_SHARES = {"share", "stock"}
_CLOSE = {"close", "end", "finish", "open", "trade", "settle"}
_SIDES = {"up": "rise", "higher": "rise", "down": "fall", "lower": "fall"}
_PERCENT = {"%", "percent", "pct"}
_SPAN_WORDS = {"since", "another", "further", "year", "week", "month", "far", "cumulatively", "total"}


def _percent(verb, number: Callable) -> str | None:
    """The percentage under the move verb: "4.2%", "4.2 percent", "by 4.2 per cent"."""
    for t in verb.subtree:
        if t.lower_ in _PERCENT or t.lower_ == "cent" and t.i > 0 and t.doc[t.i - 1].lower_ == "per":
            i = t.i - 2 if t.lower_ == "cent" else t.i - 1
            num = t.doc[i] if i >= 0 else None
            if num is None or not num.like_num:
                return None
            try:
                value = float(num.text.replace(",", ""))
            except ValueError:
                value = number(num)
            if value is None or not 0 < value < 1000:
                return None
            return f"{value:g}%"
    return None


class Shares:
    """Reads share price moves of one parsed article; `add(subjects, attribute, value, tok)` keeps each."""

    def __init__(self, doc, index: EntityIndex, number: Callable, add: Callable,
                 times: Sequence[TimeExpression] = (), published: DateRange | None = None):
        self.doc, self.index, self.number, self.add = doc, index, number, add
        self.times = [t for t in times if t.type == "DATE" and t.earliest and t.earliest == t.latest]
        self.published = published.earliest if published and published.earliest == published.latest else None

    def read(self, tok) -> None:
        if tok.pos_ != "VERB":
            return
        lemma = tok.lemma_.lower()
        if lemma in _CLOSE:         # "closed up 3.4%", "ended 2.1% lower": the direction is the adverb's
            lemma = next((_SIDES[c.lower_] for c in tok.children if c.dep_ in {"advmod", "prt", "acomp"}
                          and c.lower_ in _SIDES), "")
        if lemma not in _DOWN | _UP:
            return
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() not in _SHARES:
            return
        if any(w.lower_ in _SPAN_WORDS for c in tok.children if c.dep_ in {"prep", "npadvmod", "advmod", "dobj"}
               and not _remark(c) for w in c.subtree):
            return
        pct = _percent(tok, self.number)
        day = self._day(tok)
        company = self._company(subj)
        if pct and day and company:
            self.add([company], f"share price change on {day.isoformat()}",
                     f"{pct} {'lower' if lemma in _DOWN else 'higher'}", tok)

    def _day(self, tok) -> date | None:
        sent = tok.sent
        for t in self.times:
            if sent.start_char <= t.start < sent.end_char:
                return t.earliest
        return self.published

    def _company(self, subj) -> str | None:
        for c in subj.children:
            if c.dep_ in {"compound", "poss", "nmod"}:
                eid = self.index.direct(c)
                if eid and self.index.type_of(eid) == "ORG":
                    return eid
                if c.dep_ == "poss" and c.lower_ in {"its", "their"}:
                    return org_before(self.index, subj)
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    eid = self.index.direct(o)
                    if o.dep_ == "pobj" and eid and self.index.type_of(eid) == "ORG":
                        return eid
        if any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) or subj.lower_ == "shares":
            if not any(c.dep_ in {"compound", "poss", "prep", "amod"} for c in subj.children):
                return org_before(self.index, subj)
        return None


def _remark(tok) -> bool:
    """A noun phrase set off by a comma that says what the move was ("..., their first gain since the breach",
    "..., its biggest fall since 2008"), not over how long it went."""
    first = tok.left_edge.i
    return tok.dep_ == "npadvmod" and first > 0 and tok.doc[first - 1].text == "," and \
        tok.doc[first].lower_ in {"its", "their", "the"}

