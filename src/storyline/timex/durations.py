"""Handlers for durations, sets and deictic words (now, recently, the future).

Separate from the calendar handlers because these never need the anchor to
compute a value: a duration is a length ("P3M"), a set a recurrence ("P1D"),
and a deictic word maps to PRESENT_REF / PAST_REF / FUTURE_REF. What they do
need is care about what TimeBank leaves untagged (ages like "44-year-old",
"a quarter of the vote", "now" as a discourse marker in some positions).
"""
from __future__ import annotations

import re
from datetime import timedelta

from storyline.timex.patterns import MONTHS, WEEKDAYS
from storyline.timex.resolve import iso_week
from storyline.timex.tense import tense_cue, tense_of
from storyline.timex.rules import Reading, duration_value, hedge_mod, number, unit_of

_SET_BEFORE = re.compile(
    r"(?:[0-9]|percent|%|times|twice|once|dollars|cents|million|billion|a\s+head|each|apiece)[\s,]*$", re.I)


def h_duration(m, ctx):
    n_text = m["n"]
    u = m["u"].lower()
    mod = hedge_mod(m["hedge"])
    after = ctx.text[m.end():m.end() + 15]
    if m["long"] and m["long"].lower() == "-old":
        return None if "month" not in u else Reading("DURATION", duration_value(number(n_text), u))
    if re.match(r"-old\b|\s+old\b", after):
        return None
    if n_text is None:
        v = (m["vague"] or "").lower()
        if v in ("some", "many") and u in ("second", "seconds"):
            return None
        return Reading("DURATION", duration_value(None, u), mod)
    if m["u"][0].isupper() and m.start("u") > 0:
        return None          # "60 Minutes", a title
    n = number(n_text)
    if n is None or (n >= 1000 and not u.startswith("year")):
        return None
    if m["half"]:
        n += 0.5
    nt = n_text.lower()
    if nt in ("a", "an"):
        if u in ("second", "quarter", "night"):
            return None
        before = ctx.text[max(0, m.start() - 30):m.start()]
        if _SET_BEFORE.search(before):
            letter, is_time = unit_of(u)
            return Reading("SET", ("PT1" if is_time else "P1") + letter, start=m.start("n"))
    if u.startswith("quarter") and n >= 1 and re.match(r"\s+of\b", after):
        return None
    if u in ("second", "seconds") and nt in ("a",):
        return None
    start = m.start() if m["hedge"] and mod else m.start("n")
    return Reading("DURATION", duration_value(n, u), mod, start=start)


def h_past_n(m, ctx):
    u = m["u"].lower()
    rel = m["rel"].lower()
    n = number(m["n"]) if m["n"] else None
    if m["n"] and n is None:
        return None
    mod = hedge_mod(m["hedge"])
    if m["hedge"] and m["hedge"].lower() in ("over", "under"):
        mod = None           # "over the past 20 years": a preposition, not a hedge
    start = m.start() if mod else (m.start("the") if m["the"] else m.start("rel"))
    if rel == "recent" and n is None:
        return Reading("DATE", "PAST_REF", start=start)
    return Reading("DURATION", duration_value(n, u), mod, start=start)


def h_past_unit(m, ctx):
    u = m["u"].lower()
    if not m["the"] and m["rel"].lower() == "last":
        return None      # "last week" is a date: the rel_unit rule takes it
    if u in ("weekend", "quarter"):
        return None
    return Reading("DURATION", duration_value(1, u))


def h_bare_units(m, ctx):
    u = m["u"].lower()
    start = m.start("u")
    before = ctx.text[max(0, start - 20):start].lower()
    if re.search(r"\b(?:the|these|those|its|their|his|her|our|of|recent|coming|past|last|next|early|later|many|few|several|some|[0-9]+|light)\s*$", before):
        return None
    return Reading("DURATION", duration_value(None, u), start=start)


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q",
              "hour": "PT1H", "morning": "XXXX-XX-XXTMO", "night": "XXXX-XX-XXTNI",
              "evening": "XXXX-XX-XXTEV", "summer": "XXXX-SU", "spring": "XXXX-SP",
              "fall": "XXXX-FA", "winter": "XXXX-WI"}
_SET_ADV = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
            "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W",
            "semiannually": "P6M"}


def h_set(m, ctx):
    if m["adv"]:
        adv = m["adv"]
        if adv[0].isupper() and re.search(r"[A-Z][\w.]*\s+$", ctx.text[max(0, m.start() - 20):m.start()]):
            return None
        if re.match(r"\s+(?:News|Mail|Telegraph|Star|Express|Journal|Post|Yomiuri)\b", ctx.text[m.end():]):
            return None
        if adv.lower() not in _SET_ADV:
            return None      # "quarterly dividend": TimeBank does not tag it
        return Reading("SET", _SET_ADV[adv.lower()])
    if m["wd"]:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower().rstrip('.').rstrip('s') if m['wd'].lower().rstrip('.') not in WEEKDAYS else m['wd'].lower().rstrip('.')]}")
    if m["mon"]:
        return Reading("SET", f"XXXX-{MONTHS[m['mon'].lower().rstrip('.')]:02d}")
    u = m["u"].lower()
    if m["every"].lower() == "a" and u not in ("day", "week", "month", "year"):
        return None
    return Reading("SET", _SET_UNITS[u])


_DEICTIC = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF", "previously": "PAST_REF",
    "lately": "PAST_REF", "more recently": "PAST_REF", "until recently": "PAST_REF",
    "formerly": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF", "in the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
}


# "overnight" naming a kind of loan or rate, not a night: "the overnight (lending) rate", "overnight index swaps"
_OVERNIGHT_TERM = re.compile(r"[\s-]+(?:(?:interest|lending|borrowing|deposit|repo|interbank|policy)\s+)?"
                             r"(?:rates?|index|indexed|swaps?|repos?|lending|loans?|deposits?|borrowing|funding"
                             r"|interbank|money)\b", re.I)


def h_deictic(m, ctx):
    w = re.sub(r"\s+", " ", m["w"].lower())
    text, s, e = ctx.text, m.start(), m.end()
    after = text[e:e + 25]
    before = text[max(0, s - 25):s]
    if w in ("today", "yesterday", "tomorrow", "tonight"):
        return None          # the part_rel_day rule handles them
    if w == "overnight":
        if _OVERNIGHT_TERM.match(after):
            return None      # a term of money markets ("the overnight rate"), not last night
        a = ctx.anchor
        if not a:
            return Reading("TIME", "XXXX-XX-XXTNI")
        k = -1 if tense_of(text, s, e) == "past" else 0
        return Reading("TIME", (a + timedelta(days=k)).isoformat() + "TNI")
    if w == "the weekend":
        a = ctx.anchor
        if not a:
            return Reading("DATE", "XXXX-WXX-WE")
        if tense_of(text, s, e) == "future":
            sat = a + timedelta(days=(6 - a.isoweekday()) % 7)
        else:
            sat = a - timedelta(days=(a.isoweekday() - 6) % 7)
        return Reading("DATE", iso_week(sat) + "-WE")
    if w == "the week":
        if re.match(r"\s+(?:of|before|after|in\s+which|when|that)\b", after):
            return None
        return Reading("DATE", f"{ctx.anchor.isocalendar()[0]}-WXX" if ctx.anchor else "XXXX-WXX")
    if w.startswith(("recent ", "the coming ", "coming ")) or w.endswith((" ahead", " to come")):
        # "the weeks ahead", "the years to come": an open-ended span, like "the coming weeks"
        unit = re.sub(r"\s+(?:ahead|to come)$", "", w).split()[-1]
        if w == "recent years":
            return Reading("DATE", "PAST_REF")
        if unit == "quarters":
            return Reading("DATE", "FUTURE_REF")
        return Reading("DURATION", duration_value(None, unit))
    if w == "current":
        if re.match(r"[\s-]+(?:account|accounts|affairs|events|law|laws|rules|policy|policies|system|price|prices|members?|version|owners?|management|leaders?|leadership|government|president|chairman|chief)\b", after, re.I):
            return None
        if re.match(r"\s+(?:quarter|year|fiscal|month|week|period|session)\b", after, re.I):
            return None
    if w == "recent":
        if re.match(r"\s+(?:years|months|weeks|days|quarter|period)\b", after, re.I):
            return None
    if w == "future":
        if not re.search(r"\b(?:the|in|near)\s*$", before, re.I) and not re.match(
                r"\s+(?:plans?|years?|growth|generations?|earnings|sales|demand|talks|negotiations|use|operations|results|prospects)\b", after, re.I):
            return None
    if w == "now":
        # "now that ...", "until now", "for now", "right now" all name the present
        # in TimeBank; only "from now to/until X" is the start of a range it leaves out
        if re.search(r"\bfrom\s*$", before, re.I) and re.match(r"\s+(?:to|until|till|through)\b", after, re.I):
            return None
    if w in ("once", "formerly", "previously", "recent"):
        return None          # TimeBank leaves these mostly untagged
    if w == "soon" and (re.search(r"\bas\s*$", before) or re.match(r"\s+(?:after|before|as|thereafter)\b", after)
                        or tense_cue(text, s, e) == "past"):
        return None          # in a past narrative "soon" is "shortly after", not the future
    value = _DEICTIC.get(w)
    if value is None:
        return None
    start = m.start()
    if w == "in the near future":
        start = m.start() + 3
    return Reading("DATE", value, start=start)
