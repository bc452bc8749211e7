"""The tense of the clause a time expression belongs to, without a parser.

A bare weekday or month is valued forwards or backwards from the DCT by the
tense of the verb that governs it, as TimeBank's annotators did and as
HeidelTime does with the tense of the sentence (Strotgen and Gertz 2013):
"laws take effect on Wednesday" is the coming Wednesday, "..., the ministry
said on Monday" the past Monday even after a future clause. So the cue must
come from the expression's own clause, not from any verb nearby.

The clause is found by a light segmentation, in the spirit of rule-based
clause splitters (Ejerhed 1988; Orasan 2000): a sentence is cut at
punctuation (, ; : brackets, dashes, quotation marks) and before
conjunctions and subordinators (and, but, while, because, that, which ...).
A segment without any verb (a fronted adjunct "On Friday,", a coordinated
"and Saturday", a prepositional "since March") is joined to its neighbour: a
sentence-initial one to the next segment, any other to the previous one,
except a noun phrase of its own (an apposition "..., a premium of 34% to the
closing price on Friday", a comparison "..., up from 886 million Thursday"):
no verb governs a time inside it, which is then read as news reads an
untensed time, in the past.
Within the clause, the verb cue nearest before the expression governs it;
when there is none before, the nearest after ("Friday, police said ...").

Cues are word lists: modal and periphrastic futures ("will", "may", "is
to", "plans to"), past forms (lower-case "-ed" words, irregular pasts and
participles, "was", "had"), present perfects (past), and present-tense event
verbs ("take effect", "begins", "meet"), which news uses for scheduled
events: future. A participle after "to be" / "will be" / "to stay" is no
past ("expected to be completed in March"), nor a base form after "to" or
a determiner a present ("due to expire", "at the start of").
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# Sentence ends: . ! ? (not after an abbreviation or an initial), new lines, ";".
_ABBREV = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun"
    r"|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Prof|Rev|Jr|Sr|Inc|Corp|Co|Ltd"
    r"|No|Nos|vs|etc|Ave|Mt|Ft|U\.S|U\.N|U\.K|[ap]\.m)|\b[A-Z])$")
_SENT_END = re.compile(r"[.!?]+[\"'\u2019\u201d)]*(?=\s)|\n|;")

# Segment boundaries inside a sentence: punctuation, and the position before a
# conjunction or subordinator.
_SPLIT = re.compile(
    r"[,:()\[\]\"\u201c\u201d]|``|''|\s[-\u2013\u2014]+\s|\u2014|--"
    r"|(?<=\s)(?=(?:and|but|or|while|whereas|because|although|though|when|whenever|after|before"
    r"|until|since|if|unless|that|which|who|whom|where|as\s+soon\s+as)\b)", _I)

# A verb of planning with its object before the infinitive: the infinitive's event is the one planned ("the
# judge set jury selection to begin Sept. 8", "scheduled the vote to take place in March", "expected the
# trial to last"). The word after "to" must not open a noun phrase ("set fire to the house", "to Paris").
_PLANNED_FOR = (
    r"(?:set|sets|setting|scheduled|schedules|scheduling|slated|timed|planned|plans|planning|expected|expects)"
    r"\s+(?:(?!(?:and|but|or|that|which|who|to)\b)[\w'.-]+\s+){1,5}?to\s+(?:be\s+)?"
    r"(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|him|them|us|me|it)\b)(?-i:[a-z]+)")
# Phrases that look ahead to what they name ("..., clearing the way for a jury trial in September").
_PROSPECTIVE = (r"(?:clear(?:s|ed|ing)?|pav(?:e|es|ed|ing)|smooth(?:s|ed|ing)?)\s+the\s+way\s+(?:for|to)"
                r"|set(?:s|ting)?\s+the\s+stage\s+for")
_FUTURE = (
    r"will|won't|wo\s+n't|'ll|shall|going\s+to|(?:is|are|am|'s|'re)\s+(?:not\s+)?(?:to|due|set|scheduled"
    r"|slated|expected|likely|planned|poised|about)\b|plans?\s+to|planning|planned(?=\s+(?:a|an|to|for|on|in)\b)"
    r"|(?:set|expected|scheduled|slated|due|poised|likely)\s+to|intends?\s+to"
    r"|hopes?\s+to|expects?\s+to|aims?\s+to|would|could|might|may|(?<!was\s)(?<!were\s)(?:scheduled"
    r"|slated|due)(?=\s+(?:on|in|by|at|for|around|before|early|late|this|next|to)\b)"
    r"|as\s+soon\s+as|as\s+early\s+as|postponed\s+(?:until|to)|delayed\s+(?:until|to)"
    r"|upcoming|next(?!\s+to\b)|coming|tomorrow"
    rf"|{_PLANNED_FOR}|{_PROSPECTIVE}")
_IRREGULAR_PAST = (
    "began|became|came|went|made|took|gave|met|left|held|fell|rose|sold|won|lost|got|saw|led|ran|paid"
    "|sent|spent|struck|fought|brought|bought|thought|caught|taught|sought|built|felt|kept|found|stood"
    "|spoke|broke|chose|wrote|drove|flew|threw|grew|knew|drew|shot|fled|tore|wore|swore|hung|slid|hid"
    "|rode|rang|sang|sank|swam|woke|froze|stole|forgot|forgave|dealt|meant|lent|slept|swept|wept|fed"
    "|bled|shook|understood|withdrew|overthrew|arose|awoke|dug|flung|sprang|stuck|swung|spun|sat"
    "|heard|laid|told|said|did|had|was|were|didn't|wasn't|weren't|hadn't|(?<!to )hit")
# Past participles: a perfect, or a passive reduced relative ("confidence shaken by the crisis").
_PARTICIPLE = (
    "taken|given|broken|spoken|chosen|driven|written|stolen|forgotten|beaten|fallen|risen|hidden|shaken"
    "|woken|frozen|sworn|torn|worn|drawn|grown|known|shown|thrown|flown|seen|done|gone|begun|sunk|killed")
_PAST = (
    rf"{_IRREGULAR_PAST}|{_PARTICIPLE}|(?!(?:hundred|indeed|need|speed|feed|seed|shed|embed)\b)(?-i:[a-z]{{2,}}ed)"
    r"|ago|last|yesterday|earlier|previously"
    r"|(?:has|have|'ve)\s+(?:not\s+|already\s+|also\s+|just\s+)?(?:been|(?-i:[a-z]+(?:ed|en|wn|ught|lt|t)))")
# Present tense of verbs news uses for scheduled events: "laws take effect on Wednesday".
_PRESENT_EVENT = (
    r"(?:takes?)\s+(?:effect|office)|(?:comes?|goes?)\s+into\s+(?:effect|force)"
    r"|kicks?\s+off|(?:begin|start|open|expire|meet|arrive|visit|resume|reopen|convene|adjourn"
    r"|debut|premiere)(?:s|es)?")
_CUE = re.compile(
    rf"\b(?:(?P<fut>{_FUTURE})|(?P<past>{_PAST})|(?P<pres>{_PRESENT_EVENT}))\b", _I)
# A base form after "to", a modal or a determiner is no finite present: "due to
# expire", "at the start of".
_NOT_FINITE = re.compile(
    r"\b(?:to|will|would|could|can|may|might|must|should|shall|did|does|do|n't|not|the|a|an|its"
    r"|their|his|her|our|this|that|of|at|in|on|for|by|with|from)\s+$", _I)
_PASSIVE_INF = re.compile(r"\b(?:(?:to|will|would|can|may|might|must|should|shall)\s+(?:not\s+)?"
                          r"(?:have\s+)?(?:be(?:en)?|stay|remain|get|become)|could\s+be)"
                          r"\s+(?:\w+ly\s+)?$", _I)
# A future cue in the pluperfect ("had been scheduled to", "had been due to") is a
# plan that was already due when the article was written: a past cue.
_PAST_AUX = re.compile(r"\bhad(?:\s+been)?\s+(?:\w+\s+)?$", _I)
# Futures that govern past the participle after them ("will be held on Friday").
_STRONG_FUTURE = re.compile(r"will|won't|wo\s+n't|'ll|shall|going\s+to", _I)
# A fronted adjunct is not joined to a clause that opens with one of these.
_SUBORDINATE = re.compile(r"\s*(?:that|which|who|whom|where|when|whenever|because|although|though|if|unless"
                          r"|while|whereas)\b", _I)
# A reporting verb alone says when the report was made, not when what it reports happens.
_REPORTING = re.compile(r"said|told|announced|reported|added", _I)
# "since" right before the expression ("since early March"), and a deadline ("until July 30", "by Friday",
# "no later than March 1").
_BEFORE_IT = r"\s+(?:early\s+|late\s+|mid-?)?$"
_SINCE = re.compile(r"\bsince" + _BEFORE_IT, _I)
_DEADLINE = re.compile(r"\b(?:until|till|by|no\s+later\s+than)" + _BEFORE_IT, _I)
# How far after the expression a cue may govern it, unless it is a fronted adjunct.
_AFTER = 40
# A verbless segment after its clause that is a noun phrase of its own: an apposition ("..., a premium of 34% to
# Halvorsen's closing price on Friday") or a comparison with a figure already known ("..., up from 443.6 million
# Thursday"). The clause's verb does not govern a time inside it. Not an elliptical clause, whose verb is the
# clause's ("will vote in two rounds, the first on Sunday"), nor a time of its own ("the day before the vote").
_APPOSITION = re.compile(
    r"\s*(?:(?:a|an|the|its|his|her|their|our|(?-i:[A-Z])[\w.&-]*['\u2019]s)\s+"
    r"(?!(?:first|second|third|fourth|fifth|last|next|final|other|same|latest|following|previous|one|two|three)\b)"
    r"(?=\w)|(?:up|down)\s+from\b|compared\s+(?:with|to)\b|versus\b|vs\.)", _I)
_TIME_HEAD = re.compile(r"\b(?:day|eve|night|morning|afternoon|evening|week|weekend|month|year|hours?|days?|weeks?"
                        r"|months?|years?|deadline|date|time)\b", _I)
# A deadline's own verb: the last cue before it in its clause, but not a reporting verb with its complement
# between ("said the company would ..."), nor a past participle with no auxiliary (a reduced relative: "would
# write to everyone affected by Friday") after a future cue; a participle with its auxiliary governs
# ("had been fixed by Friday").
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|am|be|been|being|has|have|had|'s|'re|'ve|'d|gets?|got"
                        r"|I|you|he|she|it|we|they)\s+(?:\w+ly\s+|not\s+)?$", _I)
_FINITE_PAST = re.compile(r"was|were|had|did|didn't|wasn't|weren't|hadn't", _I)
# A deadline followed by what is to be done by then ("until Friday to respond").
_TIME_ALLOWED = re.compile(r",?\s+to\s+(?!(?:the|a|an|his|her|its|their|this|that|them|him|me|us)\b)(?-i:[a-z]+)\b", _I)
# An obligation looks ahead to its deadline ("customers must respond by Friday"); elsewhere in a report it is
# often the reported past's own ("ruled that he must be returned"), so it is a cue for deadlines only.
_OBLIGATION = re.compile(r"\b(?:must|should|ought\s+to|needs?\s+to|(?:has|have)\s+to)\b(?!\s+(?:not\s+)?have\b)", _I)


def _is_boundary(text: str, m: re.Match) -> bool:
    return m.group(0) in "\n;" or not _ABBREV.search(text[max(0, m.start() - 6):m.start()])


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[lo, hi) of the sentence holding text[start:end] (offsets into text)."""
    lo = max(0, start - 400)
    for m in _SENT_END.finditer(text, lo, start):
        if _is_boundary(text, m):
            lo = m.end()
    hi = min(len(text), end + 400)
    for m in _SENT_END.finditer(text, end, hi):
        if _is_boundary(text, m):
            hi = m.start()
            break
    return lo, hi


def _cues(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, 'future'|'past'|'present') of every tense cue in text[lo:hi]."""
    out = []
    seg = text[lo:hi]
    for m in _CUE.finditer(seg):
        kind = "future" if m["fut"] else "past" if m["past"] else "present"
        if kind == "future" and _PAST_AUX.search(seg[:m.start()]) and not re.match(r"would|could|might", m[0], _I):
            kind = "past"
        if kind == "present" and _NOT_FINITE.search(seg[max(0, m.start() - 12):m.start()]):
            continue
        if kind == "past" and _PASSIVE_INF.search(seg[max(0, m.start() - 30):m.start()]):
            continue     # "expected to be completed in March", "to stay closed until": not a past
        out.append((lo + m.start(), lo + m.end(), kind))
    return out


def _clause(text: str, start: int, end: int) -> tuple[int, int, bool, list[tuple[int, int, str]]]:
    """(lo, hi, fronted, cues) of the clause text[start:end] belongs to.

    `fronted` is true when the expression sits in a verbless segment that
    opens its sentence and was joined to the clause after it. An apposition
    or comparison after its clause (`_APPOSITION`) is a clause of its own,
    with no cues.
    """
    s_lo, s_hi = sentence_bounds(text, start, end)
    cues = [c for c in _cues(text, s_lo, s_hi) if not (start <= c[0] < end)]
    cuts = [s_lo] + [m.start() if m.group(0).strip() == "" else m.end()
                     for m in _SPLIT.finditer(text, s_lo, s_hi)] + [s_hi]
    segs = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    i = next((k for k, (a, b) in enumerate(segs) if a <= start < b), 0)
    j = next((k for k, (a, b) in enumerate(segs) if a < end <= b), i)
    j = max(i, j)

    def verbs(a: int, b: int) -> bool:
        return any(a <= c < b for c, _, _ in cues)

    lo, hi = segs[i][0], segs[j][1]
    fronted = False
    if not verbs(lo, hi):
        if not verbs(s_lo, lo):
            fronted = True       # "On Friday, police said ...": the clause after
            while not verbs(lo, hi) and j + 1 < len(segs):
                a, b = segs[j + 1]
                if _SUBORDINATE.match(text, a):
                    break        # "On Sunday, reports emerge that ...": not the clause inside
                j += 1
                hi = b
                own = [c for c in cues if a <= c[0] < b]
                if own and j + 1 < len(segs) and len(text[a:b].split()) <= 4 \
                        and all(_REPORTING.fullmatch(text[c:d]) for c, d, _ in own):
                    cues = [c for c in cues if c not in own]   # "Friday night, he said, would ..."
        elif (app := _APPOSITION.match(text, lo)) and app.end() <= start and not _TIME_HEAD.search(text, lo, start):
            return lo, hi, False, []     # "..., a premium of 34% to the closing price on Friday": a noun's time
        else:
            while not verbs(lo, hi) and i > 0:
                i -= 1
                lo = segs[i][0]
    return lo, hi, fronted, [c for c in cues if lo <= c[0] < hi]


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[lo, hi) of the clause text[start:end] belongs to (see the module docstring)."""
    lo, hi, _, _ = _clause(text, start, end)
    return lo, hi


def tense_cue(text: str, start: int, end: int) -> str | None:
    """'future', 'past', or None when the expression's clause has no cue.

    The cue nearest before the expression in its clause governs it, else the
    nearest after (within 40 characters, or anywhere in the clause for a
    fronted adjunct, which skips a parenthetical "he said"). A modal future
    before it wins over a participle between ("will be held on Friday",
    "will have it settled by the weekend"); a present-tense event verb
    is a future cue, unless the expression is a possessive ("Sunday's crash"); a
    reporting verb is a past cue only right before the expression ("said on
    Monday"), no cue across a complement ("said the vote is on Friday").
    "since" right before the expression is always past. A deadline ("until", "by") right before it takes
    the direction of its own verb (`_deadline`): "would write to everyone affected by Friday" and "said
    customers must respond by Friday" are the coming Friday, "had been fixed by Friday" and "stayed until
    July 30" the past one; a deadline followed by what is to be done by then ("until Friday to respond") is
    ahead; with no verb of its own, it is ahead unless its sentence has a past cue before it. A time in an
    apposition after its clause ("..., a premium of 34% to the closing price on Friday") has no cue (`_clause`).
    """
    lo, hi, fronted, cues = _clause(text, start, end)
    if _SINCE.search(text[lo:start]):
        return "past"
    before = [c for c in cues if c[1] <= start]
    possessive = re.match(r"['\u2019]s?\b", text[end:end + 2])
    if _DEADLINE.search(text[lo:start]) and not possessive:
        if _TIME_ALLOWED.match(text, end):
            return "future"  # "gave the company until Friday to respond": the time left for what is still to come
        if kind := _deadline(text, start, lo, before):
            return kind
        if not any(kind == "past" for *_, kind in _cues(text, sentence_bounds(text, start, end)[0], start)):
            return "future"  # "The Commission has 90 working days, until July 30": a deadline ahead, in no past
    after = [c for c in cues if c[0] >= end and (fronted or c[0] < end + _AFTER)]
    if any(_STRONG_FUTURE.fullmatch(text[a:b]) for a, b, kind in before if kind == "future"):
        return "future"
    if possessive and fronted:
        return None      # "Expressing surprise at Saturday's announcement, ...": the noun's time
    for group in (reversed(before), after):
        for c_lo, c_hi, kind in group:
            if kind == "past" and _REPORTING.fullmatch(text[c_lo:c_hi]) and c_hi <= start:
                # a reporting verb right before ("said on Monday") is the expression's own
                # verb; one with a complement between ("said the vote is Friday") is no cue
                return "past" if len(text[c_hi:start].split()) <= 2 else None
            if kind == "present":
                if possessive:
                    continue     # "the ruling on Sunday's vote": the noun's time, not the verb's
                return "future"
            return kind
    return None


def _deadline(text: str, start: int, lo: int, before: list[tuple[int, int, str]]) -> str | None:
    """'future' / 'past' by the verb governing a deadline ("by Friday", "until July 30") at `start`, from
    the cues `before` it in its clause (starting at `lo`), or None when none of them governs it."""
    before = sorted(before + [(m.start(), m.end(), "future") for m in _OBLIGATION.finditer(text, lo, start)])
    for k in range(len(before) - 1, -1, -1):
        a, b, kind = before[k]
        word = text[a:b]
        if kind == "past" and _REPORTING.fullmatch(word) and len(text[b:start].split()) > 2:
            continue     # "said customers must respond by Friday": the report, not the deadline's verb
        if (kind == "past" and " " not in word and not _FINITE_PAST.fullmatch(word)
                and not _AUXILIARY.search(text, max(lo, a - 25), a)
                and any(kd == "future" for *_, kd in before[:k])):
            continue     # "would write to everyone affected by Friday": the participle describes "everyone"
        return "past" if kind == "past" else "future"
    return None


_FIRM_PAST = re.compile(r"\b(?:was|were|had(?:\s+been)?)\s+(?:\w+ly\s+)?(?!(?:been|due|set|expected|scheduled|planned|extended|postponed|delayed|moved|pushed|slated)\b)"
                        r"[a-z]+(?:ed|en|wn|ught|lt)\b[^,;:.\n()]*$")


def firm_past(text: str, start: int) -> str | None:
    """'past!' when a past passive or perfect governs the expression in its own clause.

    "She was detained at a Moscow airport in February": read in December,
    that February is the past one, not the one two months ahead.
    """
    lo, _ = clause_bounds(text, start, start + 1)
    before = text[max(lo, start - 70):start]
    if re.search(r"\b(?:by|until|till|through|before|to\s+be|will|would)\s+(?:\w+\s+)?$|\bto\s+be\b", before, re.I):
        return None     # deadlines and plans: "ordered to be returned by Jan. 14"
    return "past!" if _FIRM_PAST.search(before) else None


def tense_of(text: str, start: int, end: int) -> str:
    """'future' or 'past' for the clause around an expression.

    News is mostly past, so a clause counts as future only on a future cue
    (or a present-tense event verb) in the expression's own clause.
    """
    return tense_cue(text, start, end) or "past"
