"""Words and token tests shared by the readers of election results (`elections`, `turnout`).

A percent is a number and a percent sign or word ("41.2 %", "41.2 percent", "41.2 per cent"), its value
written one way ("41.2%") so that stage 4 compares values of different outlets; an election result stated
of an earlier election ("up from 52% in 2022", "in the last election") is told by `past_marked`.
"""
from __future__ import annotations

import re

PERCENT_WORDS = {"%", "percent", "pct"}
YEAR = re.compile(r"(19|20)[0-9]{2}")
# nouns of an election, with the place it is in ("Costa Rica's election") or a mark of an earlier one
ELECTION_NOUNS = {"election", "vote", "referendum", "runoff", "ballot", "presidency", "race", "poll", "count",
                  "elections", "primary", "contest"}
_PAST_AMODS = {"last", "previous", "prior", "preceding", "past", "earlier"}


def percent_value(num) -> str | None:
    """ "41.2%" for the number token before a percent sign or word; None when it is no number in (0, 100]."""
    try:
        v = float(num.text.replace(",", "."))
    except ValueError:
        return None
    return f"{v:g}%" if 0 < v <= 100 else None


def percent_at(tok):
    """(number token, phrase tokens) when `tok` ends a percent ("41.2 %", "41.2 percent", "41.2 per cent")."""
    low = tok.lower_
    if low in PERCENT_WORDS:
        first = tok.i - 1
    elif low == "cent" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "per":
        first = tok.i - 2
    else:
        return None
    if first < 0 or not tok.doc[first].like_num:
        return None
    return tok.doc[first], list(tok.doc[first:tok.i + 1])


def phrase_head(tokens):
    """The token of a phrase whose head lies outside it."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])


def phrase_children(tokens):
    """The words hanging on a phrase from outside it."""
    ids = {t.i for t in tokens}
    return [c for t in tokens for c in t.children if c.i not in ids]


def past_marked(tok, year: int | None) -> bool:
    """Whether `tok` carries a mark of an earlier election than the one of `year` (the article's): "in 2022",
    "in the last election", "four years ago", "had won" (in a main clause: "showed Clinton had received 49.8%"
    is reported, not earlier)."""
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in {"had", "'d"} and tok.tag_ == "VBN" and tok.dep_ in {"ROOT", "conj"}:
            return True
        if c.dep_ == "npadvmod" and any(w.lower_ == "ago" for w in c.subtree):
            return True
        if c.dep_ == "prep" and c.lower_ in {"in", "during", "at", "of"}:
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                if YEAR.fullmatch(o.text) and year and int(o.text) < year:
                    return True
                if o.lemma_.lower() in ELECTION_NOUNS and any(
                        w.lower_ in _PAST_AMODS or YEAR.fullmatch(w.text) and year and int(w.text) < year
                        for w in o.children if w.dep_ in {"amod", "nummod", "compound"}):
                    return True
    return False
