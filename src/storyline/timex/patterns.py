"""The English lexicon and surface patterns of the TIMEX3 tagger.

Kept apart from the code that values expressions so the vocabulary can grow
(a new month abbreviation, a new hedge word) without touching the calendar
arithmetic. The patterns follow the TimeML annotation guidelines on what
belongs inside a TIMEX3 span: pre-modifiers such as "early", "about", "the
past" are part of it, prepositions ("on", "in", "since") are not.

Every pattern is compiled once at import; ambiguous words that are also
ordinary English ("May", "March", "fall", "spring", "second") are only taken
in contexts that make them temporal, which is where precision is won.
"""
from __future__ import annotations

import re

from storyline.lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS  # noqa: F401  (re-exported to the handlers)

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "mid afternoon": "AF",
    "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI",
    "midday": "12:00", "noon": "12:00", "midnight": "24:00",
}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6,
    "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12,
    "last": -1, "final": -1,
}
NUMBERS = {
    **NUMBER_WORDS, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "a": 1, "an": 1, "a single": 1,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "a half": 0.5, "one and a half": 1.5,
}
# Quantities that TimeML values with X: "a few years" -> PXY.
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "dozens of", "hundreds of",
                 "thousands of", "a number of", "a couple more", "the next few",
                 "countless", "numerous")
# TimeML unit letters; decades, centuries and millennia are E, C, L as TimeBank writes them.
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "weekend": ("WE", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("E", False),
    "century": ("C", False), "centurie": ("C", False), "millennium": ("L", False),
    "millennia": ("L", False), "season": ("M", False),
}
MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at least": "EQUAL_OR_MORE", "early": "START", "the beginning of": "START",
    "the start of": "START", "beginning of": "START", "the early part of": "START",
    "late": "END", "the end of": "END", "end of": "END", "the close of": "END",
    "the latter part of": "END", "the late part of": "END",
    "mid": "MID", "the middle of": "MID", "middle of": "MID", "the mid": "MID",
}


def _alt(words) -> str:
    """Longest first, so the regex engine prefers "a couple of" to "a"."""
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words),
                           key=len, reverse=True))


_NUM_WORD = _alt(w for w in NUMBERS if w not in ("a", "an"))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUM = (rf"(?:[0-9]+(?:[.,][0-9]+)?(?:\s+1/2)?|(?:{_ONES}|an?)\s+and\s+a\s+half|(?:{_TENS})(?:[\s-]+(?:{_ONES}))?"
       rf"|(?:{_NUM_WORD})(?:\s+(?:hundred|thousand))?|an?)")
VAGUE = _alt(VAGUE_NUMBERS)
UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?"
        r"|quarters?|years?|decades?|century|centuries|millennium|millennia)")
UNIT_SG = (r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year"
           r"|decade|century|millennium)")
# Months are matched case-sensitively: "may" and "march" are common words.
MONTH = (r"(?-i:(?:January|February|March|April|May|June|July|August|September|October"
         r"|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b))")
WEEKDAY = (r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
           r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)")
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:mornings?|afternoons?|mid-?\s?afternoon|evenings?|nights?|overnight)"
HEDGE = (r"(?:about|around|roughly|approximately|some|nearly|almost|close\s+to|more\s+than"
         r"|over|longer\s+than|less\s+than|under|fewer\s+than|up\s+to|at\s+most"
         r"|no\s+more\s+than|at\s+least|only|just|barely|a\s+full|the\s+full|another|an\s+additional)")
POSMOD = (r"(?:early|late|mid|the\s+beginning\s+of|the\s+start\s+of|the\s+end\s+of|end\s+of"
          r"|the\s+middle\s+of|the\s+close\s+of|the\s+latter\s+part\s+of|the\s+early\s+part\s+of)")
YEAR = r"(?:1[6-9][0-9][0-9]|20[0-9][0-9])"
DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
REL = r"(?:this|last|next|past|coming|previous|current|following|that|the\s+same)"
CLOCK = (r"(?:[0-9]{1,2}(?::[0-9][0-9])?\s*(?:a\.\s?m\.?|p\.\s?m\.?|[ap]m\b)(?:\s+(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC)\b"
         r"|\s+local\s+time)?|[0-9]{1,2}:[0-9][0-9](?:\s+(?:EST|EDT|GMT|local\s+time))?"
         r"|noon|midnight|midday)")

_F = re.IGNORECASE


def _c(pattern: str) -> re.Pattern:
    return re.compile(pattern, _F)


# (name, regex). The tagger keeps, at each position, the longest match; on a
# tie the earlier rule wins, so specific rules come first.
RULES: list[tuple[str, re.Pattern]] = [
    # explicit calendar dates
    ("week_of", _c(rf"\bthe\s+week\s+of\s+(?P<mon>{MONTH})\s*(?P<d>{DAYNUM})\b(?:,?\s*(?P<y>{YEAR})\b)?")),
    ("iso_date", _c(r"\b(?P<y>[0-9]{4})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])\b")),
    ("slash_date", _c(r"\b(?P<m>[01]?[0-9])/(?P<d>[0-3]?[0-9])/(?P<y>[0-9]{4}|[0-9][0-9])\b")),
    ("month_day_year", _c(
        rf"\b(?:(?P<pm>{POSMOD})[\s-]+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s*(?P<d>{DAYNUM})\b"
        rf"(?:,?\s*(?P<y>{YEAR})\b|(?P<noy>))")),
    ("day_month_year", _c(
        rf"\b(?:the\s+)?(?P<d>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?")),
    ("month_year", _c(
        rf"\b(?:(?P<pm>{POSMOD})[\s-]+)?(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR})\b")),
    ("month_rel_year", _c(rf"\b(?P<mon>{MONTH})\s+(?P<rel>this|last|next)\s+year\b")),
    ("spoken_year", _c(r"\b(?:the\s+year\s+)?(?P<c>nineteen|two\s+thousand(?:\s+and)?)(?:\s+(?P<t>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine))?\b")),
    ("spoken_decade", _c(r"\b(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?(?P<t>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")),
    ("rel_month", _c(rf"\b(?P<rel>{REL})\s+(?P<mon>{MONTH})")),
    ("month", _c(rf"\b(?:(?P<pm>{POSMOD})[\s-]+)?(?P<mon>{MONTH})")),
    # decades and centuries
    ("decade", _c(
        rf"\b(?:the\s+)?(?:(?P<pm>early|late|mid|the\s+early|the\s+late|the\s+mid)[\s-]+)?"
        r"(?:(?P<c>1[5-9]|20)(?P<dec>[0-9])0|'(?P<short>[0-9])0)'?s\b")),
    ("century", _c(r"\b(?:the\s+)?(?P<n>[0-9]{1,2})(?:st|nd|rd|th)[\s-]+century\b")),
    ("rel_century", _c(r"\b(?P<rel>this|last|next|the\s+last|the\s+past|the\s+next)\s+century\b")),
    # quarters, halves, fiscal years
    ("quarter", _c(
        rf"\b(?:(?P<the>the)\s+)?(?:(?P<y1>{YEAR})(?:'s)?\s+|fiscal\s+(?P<fy>{YEAR})(?:'s)?\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{YEAR}))?(?:\s+(?P<y3>{YEAR})\b)?")),
    ("half", _c(
        rf"\b(?:the\s+)?(?P<ord>first|second|latter)[\s-]+half(?:\s+of\s+(?P<rest>(?:the\s+)?(?:year|{YEAR})))?")),
    ("anaphoric_quarter", _c(
        r"\b(?:the|this|that)\s+(?:(?P<y>(?:1[6-9]|20)[0-9][0-9])\s+)?(?P<w>latest|most\s+recent|recent|current|same|just-ended"
        r"|just\s+ended|year-ago|year-earlier|comparable|previous|preceding|prior|latest\s+fiscal"
        r"|year-before)?[\s-]*(?P<u>quarter|period|fiscal\s+quarter)\b")),
    ("year_earlier", _c(r"\b(?:(?P<det>a|the|its|their)\s+)?(?:comparable\s+|corresponding\s+)?(?P<y>year[\s-](?:earlier|ago|before))(?:\s+(?P<u>quarter|period|(?:first|second|third|fourth)\s+quarter|nine\s+months|six\s+months))?\b")),
    ("fiscal_year", _c(rf"\b(?:the\s+)?fiscal(?:\s+year)?\s+(?P<y>{YEAR})\b")),
    ("nine_months", _c(r"\b(?:the\s+)?(?P<first>first\s+)?(?P<n>six|nine|three)\s+months\b(?=\s+(?:ended|ending|of|to|through))")),
    # anchored relatives
    ("ago", _c(
        rf"\b(?:(?P<hedge>{HEDGE})\s+)?(?P<num>(?:(?P<n>{NUM})|(?P<vague>{VAGUE}))[\s-]+(?P<u>{UNIT}))"
        r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b")),
    ("the_unit_after", _c(
        r"\bthe\s+(?P<dir>next|following|previous|preceding|prior|same)\s+(?P<u>day|week|month|year|morning|night|evening|afternoon)\b"
        r"|\b(?:(?:earlier|later)\s+)?(?P<that>that)\s+(?:same\s+)?(?P<u2>day|morning|afternoon|evening|night)\b")),
    ("part_rel_day", _c(
        rf"\b(?:(?P<pm>early|late|later|earlier)\s+)?(?:(?P<clock>{CLOCK})\s+)?(?P<part>{PART}|this\s+(?:morning|afternoon|evening))?\s*"
        r"(?P<rel>today|yesterday|tomorrow|tonight)(?:\s+(?P<part2>morning|afternoon|evening|night))?\b")),
    ("this_part", _c(r"\b(?:(?P<pm>early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night)\b")),
    ("rel_unit", _c(
        rf"\b(?:(?P<pm>{POSMOD}|earlier|later)[\s-]+)?(?P<rel>this|last|next|past|coming|previous|current|the\s+current|the\s+coming|the\s+previous|the\s+past|the\s+last|the\s+next|the\s+latest|the\s+following|later\s+this|earlier\s+this|late\s+this|early\s+this)"
        r"[\s-]+(?P<u>week|weekend|month|year|decade|summer|spring|fall|autumn|winter|season)\b")),
    ("that_unit", _c(r"\b(?:(?P<pm>later|earlier|early|late)\s+)?(?P<rel>that)\s+(?P<u>week|month|year)\b")),
    ("weekday", _c(
        rf"\b(?:(?P<pm>early|late|earlier|later)\s+)?(?:(?P<clock>{CLOCK}),?\s+)?(?:(?P<rel>this|last|next|this\s+coming|this\s+past|the\s+(?:previous|preceding|following|next)|(?:the\s+)?(?:day|night)\s+(?:before|after)(?:\s+last)?)\s+)?"
        rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?(?:,?\s+(?:at\s+)?(?P<clock2>{CLOCK}))?")),
    ("clock", _c(rf"\b(?:(?P<hedge>about|around|at\s+about|approximately|shortly\s+(?:after|before)|just\s+(?:after|before))\s+)?(?P<clock>{CLOCK})(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)))?(?:,?\s+(?:on\s+)?(?P<mon>{MONTH})\s*(?P<d>{DAYNUM})\b)?")),
    ("clock_part", _c(rf"\b(?P<n>{NUM})\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|o'clock)")),
    ("season", _c(
        rf"\b(?:(?P<pm>early|late|mid)[\s-]+)?(?:(?P<the>the|this|last|next|that|past)\s+)?(?:(?P<pm2>early|late)\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b")),
    ("year", _c(rf"(?<![$0-9.,/-])\b(?:(?P<pm>{POSMOD}|the\s+year)[\s-]+)?(?P<y>{YEAR})\b(?![.,][0-9]|-[0-9]|\s*%|\s+(?:percent|people|troops|tons|shares|miles|acres))")),
    ("the_year", _c(r"\b(?:the|this)\s+(?:current\s+|full\s+|latest\s+|same\s+)?(?:fiscal\s+)?(?P<u>year|week)\b(?!['\u2019]s|-)")),
    ("posmod_the_unit", _c(rf"\b(?P<pm>{POSMOD})\s+(?:the|this)\s+(?:current\s+)?(?P<u>year|month|week|decade|century)\b")),
    ("year_end", _c(r"\b(?:the\s+)?(?:year|year's|calendar\s+year)[\s-]end\b")),
    # durations
    ("past_n", _c(
        rf"\b(?:(?P<hedge>{HEDGE})\s+)?(?P<the>the\s+|its\s+|their\s+)?(?P<rel>past|last|next|first|previous|coming|final|remaining|preceding|recent)\s+"
        rf"(?:(?P<n>{NUM})|(?P<vague>{VAGUE}))[\s-]+(?P<u>{UNIT})\b")),
    ("past_unit", _c(rf"\b(?P<the>the\s+)?(?P<rel>past|last)\s+(?P<u>{UNIT_SG})\b(?!\s+of)")),
    ("duration", _c(
        rf"\b(?:(?P<hedge>{HEDGE})\s+)?(?:(?P<n>{NUM})|(?P<vague>{VAGUE}))[\s-]+(?:more\s+|full\s+|straight\s+|consecutive\s+|long\s+)?(?P<u>{UNIT})(?P<long>-long|-old)?\b(?P<half>\s+and\s+a\s+half\b)?")),
    ("bare_units", _c(r"\b(?:(?P<hedge>for|over|in|within)\s+)?(?P<u>years|months|weeks|decades|centuries|hours|minutes)\b(?!\s+(?:ago|of|earlier|later))")),
    ("set", _c(
        r"\b(?:(?P<every>every|each|per|a)\s+(?P<u>day|week|month|year|quarter|hour|morning|night|evening|summer|spring|fall|winter)"
        rf"|(?:every|each)\s+(?P<wd>{WEEKDAY})|(?:every|each)\s+(?P<mon>{MONTH})"
        r"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|semiannually))\b")),
    # deictic words
    ("deictic", _c(
        r"\b(?P<w>recent\s+(?:years|months|weeks|days)|the\s+coming\s+(?:days|weeks|months|years)|the\s+(?:days|weeks|months|years)\s+(?:ahead|to\s+come)|coming\s+(?:days|weeks|months|years|quarters)"
        r"|now|currently|current|recently|recent|the\s+past|the\s+future|future|soon|previously"
        r"|nowadays|these\s+days|today|yesterday|tomorrow|tonight|overnight|once|lately|formerly"
        r"|at\s+present|the\s+present|presently|immediately|more\s+recently|until\s+recently"
        r"|in\s+the\s+near\s+future|the\s+near\s+future|the\s+near\s+term|the\s+short\s+term|the\s+weekend|the\s+week)\b")),
    # valued from the previous mention: "April 24 and 25", "later in the day"
    ("second_day", _c(r"\b(?:and|or)\s+(?P<d>[12]?[0-9]|3[01])\b(?![.,:]?[0-9]|\s*(?:%|percent|[ap]\.?m\b|-|[a-z]))")),
    ("in_the_part", _c(r"\b(?P<adv>(?:later|earlier)\s+)?(?:in|during)\s+(?P<the>the)\s+(?P<part>morning|afternoon|evening)\b")),
    ("vague_span", _c(r"\b(?:for|after|in)\s+(?P<w>a\s+while|some\s+time)\b(?!\s+(?:ago|now|to|before|after))")),
    ("holiday", _c(
        r"\b(?:(?P<rel>last|this|next)\s+)?(?P<h>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?"
        r"|Independence\s+Day|Halloween|Valentine's\s+Day|Memorial\s+Day|Labor\s+Day|Easter|Veterans\s+Day|Election\s+Day)\b")),
]
