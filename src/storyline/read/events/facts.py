"""Checkable facts in one article: the numbers outlets can agree or disagree on.

A fact is (subject entity, attribute, value) with its evidence sentence.
Only values that another outlet could state differently are kept: prison
terms, ages, counts of people, the dates of events, and (in modules of
their own) sums of money (`money`), casualty counts of an incident
(`casualties`), time in office (`tenure`), share price moves (`shares`),
ownership stakes (`stakes`), counts of strikers and protesters (`strikes`),
bans (`bans`), policy interest rates (`rates`), vote tallies (`tallies`),
counts of ships waiting (`queues`) and election results: shares of the
vote, seats and turnout (`elections`). Values are normalised (number
words to digits, "nine-year" to "9 years") so that stage 4 can compare
them across articles; `status` stays "single" here, because agreement is
a property of the corpus, not of one article.

A maximum someone "could face" is not a sentence: it is kept apart under
"possible sentence" so that it never conflicts with the term imposed; bans in
sport and the professions (`bans`) are kept apart the same way ("ban",
"possible ban", "sought ban").
"""
from __future__ import annotations

import re
from typing import Sequence

from storyline.lexicon import CURRENCY_WORDS, NUMBER_WORDS
from storyline.read.events.arguments import EntityIndex, sentence_mention, subject_token, with_conjuncts
from storyline.read.events.bans import Bans
from storyline.read.events.casualties import Casualties
from storyline.read.events.elections import Elections
from storyline.read.events.shares import Shares
from storyline.read.events.stakes import Stakes
from storyline.read.events.strikes import Strikes
from storyline.read.events.tallies import Tallies
from storyline.read.events.tenure import read_tenure
from storyline.read.events.modality import modality_of
from storyline.read.events.money import Money
from storyline.read.events.queues import Queues
from storyline.read.events.rates import Rates
from storyline.records import DateRange, Entity, Event, Fact, TimeExpression

_NUMBERS = NUMBER_WORDS
_DIGITS = re.compile(r"[0-9]+")
_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days"}
_PRISON = {"prison", "jail", "custody", "detention", "penitentiary", "colony", "camp"}
_TERM_NOUNS = {"sentence", "term"}
_JAIL_VERBS = {"jail", "imprison", "incarcerate"}          # "was jailed for six years": the term imposed
_POSSIBLE_VERBS = {"face", "risk", "carry", "seek", "request", "demand"}
_SUBJECT_VERBS = {"serve", "receive", "get", "begin", "complete", "start", "finish", "appeal"}
_GIVER_VERBS = {"hand", "give", "impose", "award"}
_QUANT = {"more than", "over", "at least", "about", "around", "nearly", "almost", "up to", "some",
          "fewer than", "less than", "roughly", "approximately", "dozens of", "hundreds of", "thousands of"}
_PEOPLE = {"people", "citizens", "nationals", "prisoners", "detainees", "hostages", "civilians", "soldiers",
           "troops", "protesters", "demonstrators", "migrants", "refugees", "children", "journalists",
           "victims", "workers", "students", "police", "officers", "fighters", "militants", "passengers",
           "residents", "members", "patients", "deaths", "casualties", "inmates", "diplomats", "activists",
           "officials", "doctors", "nurses", "teachers", "employees", "staff", "suspects", "rebels", "voters",
           "intellectuals", "mourners", "supporters", "opponents", "delegates", "lawmakers", "tourists"}
_IRREGULAR = {"hold": "held", "take": "taken", "keep": "kept", "send": "sent", "bring": "brought",
              "catch": "caught", "seize": "seized", "find": "found", "lose": "lost", "leave": "left",
              "pay": "paid", "give": "given", "steal": "stolen", "spend": "spent", "raise": "raised",
              "win": "won", "owe": "owed", "bid": "bid", "sell": "sold", "buy": "bought", "free": "freed",
              "make": "made", "have": "had", "get": "got", "lend": "lent", "cost": "cost", "put": "put",
              "cut": "cut", "set": "set", "bet": "bet", "build": "built", "seek": "sought", "draw": "drawn",
              "grow": "grown", "rise": "risen", "fall": "fallen", "shed": "shed", "sink": "sunk", "deal": "dealt",
              "forgive": "forgiven", "withdraw": "withdrawn", "see": "seen", "do": "done",
              "beat": "beaten", "strike": "struck", "split": "split", "stand": "stood", "hit": "hit", "run": "run"}
_DATE_NOUNS = {"sentence": "sentencing", "death": "death", "release": "release", "arrest": "arrest"}


def number(tok) -> int | None:
    """The integer a token states: "25", "nine", "1,200"; None otherwise."""
    text = tok.lower_.replace(",", "")
    if _DIGITS.fullmatch(text):          # not str.isdigit: "¹" and "٣" are digits that int() may refuse
        return int(text)
    return _NUMBERS.get(text)


def _quantity(tok) -> tuple[str, int] | None:
    """"more than 60" for a noun with a number on it: (words, the number)."""
    for c in tok.children:
        if c.dep_ == "nummod":
            n = number(c)
            if n is None:
                return None
            mods = " ".join(m.lower_ for m in tok.doc[c.left_edge.i:c.i] if not m.is_punct)
            return (f"{mods} {n}" if mods else str(n)), n
    return None


_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 365}


def _term(tok) -> str | None:
    """A prison term named by a duration noun: "25 years", "nine-year" -> "9 years", "life"; a compound term in
    years: "six and a half years" and "six years and six months" -> "6.5 years" (so that outlets writing it
    either way agree)."""
    lemma = tok.lemma_.lower()
    if lemma == "life":
        return "life"
    if lemma not in _UNITS:
        return None
    q = _quantity(tok)
    if not q:
        return None
    extra = 0.0
    for c in tok.children:                                  # "six years and six months"
        if c.dep_ == "conj" and c.lemma_.lower() in _PER_YEAR and lemma == "year" and (cq := _quantity(c)):
            extra += cq[1] / _PER_YEAR[c.lemma_.lower()]
    num = next(c for c in tok.children if c.dep_ == "nummod")
    if any(c.dep_ == "conj" and c.lower_ == "half" for c in num.children):   # "six and a half years"
        extra += 0.5
    if not extra:
        return f"{q[0]} {_UNITS[lemma]}"
    return f"{q[0].removesuffix(str(q[1]))}{q[1] + extra:g} {_UNITS[lemma]}"


def _term_modifier(noun) -> str | None:
    """The term on "a nine-year prison sentence", "a sentence of 25 years"."""
    for c in noun.subtree:
        if c.i >= noun.i and c.dep_ != "pobj":
            continue
        if c.lemma_.lower() in _UNITS and c.head.i != c.i:
            value = _term(c)
            if value:
                return value
    return None


def _subject_of(verb, index: EntityIndex) -> list[str]:
    """The entities of `verb`'s subject, its conjuncts included (`arguments.subject_token`)."""
    tok, modified = subject_token(verb)
    if tok is None:
        return []
    return [e for t in ([tok] if modified else with_conjuncts(tok)) if (e := index.of_token(t))]


def _participle(verb) -> str:
    lemma = verb.lemma_.lower()
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if verb.tag_ in {"VBN", "VBD"}:
        return verb.lower_
    return lemma + "d" if lemma.endswith("e") else lemma + "ed"


class _Reader:
    def __init__(self, doc, entities: Sequence[Entity], events: Sequence[Event]):
        self.doc = doc
        self.index = EntityIndex(doc, entities)
        self.events = {e.trigger.start: e for e in events}
        self.facts: list[Fact] = []
        self.seen: set[tuple[str, str, str]] = set()

    def add(self, subjects, attribute: str, value: str, tok, source: str | None = None) -> None:
        """Keep (subject, attribute, value) for each of `subjects` once, its evidence the sentence of `tok`;
        `source`: the entity the article credits the value to (read.events.credit)."""
        for s in subjects:
            key = (s, attribute, value)
            if s and key not in self.seen:
                self.seen.add(key)
                mention = sentence_mention(self.doc, tok, self.index.text)
                self.facts.append(Fact(s, attribute, value, mention, source=source))

    def patients(self, verb) -> list[str]:
        ev = self.events.get(verb.idx)
        if ev is not None:
            got = [e for r, e in ev.participants if r == "patient"]
            if got:
                return got
        return _subject_of(verb, self.index)

    # ------------------------------------------------------------ prison terms
    def _imposed(self, verb, prep: str) -> None:
        """The term after `prep` of a verb imposing it ("sentenced to", "jailed for"), of whom it is imposed on;
        a possible one where the verb is not actual ("could be jailed for")."""
        attr = "sentence" if modality_of(verb) == "actual" else "possible sentence"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                for obj in c.children:
                    if obj.dep_ == "pobj" and (value := _term(obj)):
                        self.add(self.patients(verb), attr, value, verb)

    def sentences(self, tok) -> None:
        lemma = tok.lemma_.lower()
        if lemma == "sentence" and tok.pos_ == "VERB":
            self._imposed(tok, "to")                        # "was sentenced to nine years"
        elif lemma in _TERM_NOUNS and tok.pos_ == "NOUN":
            value = _term_modifier(tok)
            if not value or lemma == "term" and not any(
                    c.lemma_.lower() in _PRISON for c in tok.subtree):
                return
            head = tok.head
            hl = head.lemma_.lower()
            if hl in _POSSIBLE_VERBS or modality_of(tok) != "actual":
                self.add(_subject_of(head, self.index), "possible sentence", value, tok)
            elif hl in _SUBJECT_VERBS and tok.dep_ == "dobj":
                self.add(_subject_of(head, self.index), "sentence", value, tok)
            elif hl in _GIVER_VERBS:
                to = [p for c in head.children if c.dep_ in {"dative", "prep"} for p in [c, *c.children]
                      if p.dep_ in {"dative", "pobj"}]
                subj = [e for t in to if (e := self.index.of_token(t))] or (
                    _subject_of(head, self.index) if any(c.dep_ == "nsubjpass" for c in head.children) else [])
                self.add(subj, "sentence", value, tok)
        elif lemma in _JAIL_VERBS and tok.pos_ == "VERB":
            self._imposed(tok, "for")                       # "has been jailed for six years"
        elif lemma in _POSSIBLE_VERBS | {"spend", "serve"} and tok.pos_ == "VERB":
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                value = _term(obj)
                in_prison = any(p.lemma_.lower() in _PRISON for p in obj.subtree) or any(
                    p.lemma_.lower() in _PRISON for c in tok.children if c.dep_ == "prep" for p in c.subtree)
                if not value or not in_prison:
                    continue
                if lemma in _POSSIBLE_VERBS:
                    value = value if value.startswith(("up to", "a maximum")) else f"up to {value}"
                    self.add(_subject_of(tok, self.index), "possible sentence", value, tok)
                else:
                    self.add(_subject_of(tok, self.index), "time served", value, tok)

    # ------------------------------------------------------------ ages
    def ages(self, tok) -> None:
        if tok.lower_ != "old" or tok.i < 1:
            return
        unit = next((c for c in tok.children if c.lemma_.lower() == "year"), None)
        q = _quantity(unit) if unit is not None else None
        if not q or not 0 < q[1] < 125:
            return
        if tok.dep_ in {"amod", "compound"}:
            target = tok.head
        elif tok.dep_ == "acomp":            # "Smith is 45 years old"
            target = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        else:
            target = tok
        eid = self.index.of_token(target) if target is not None else None
        if eid is None and target is tok and tok.dep_ in {"nsubj", "nsubjpass"}:
            eid = self._person_in_focus(tok)    # "The 31-year-old pleaded guilty": the person just named
        if eid and self.index.type_of(eid) == "PERSON":
            self.add([eid], "age", str(q[1]), tok)

    def appositive_age(self, tok) -> None:
        """ "Smith, 45, said": a bare number between commas right after a person's name."""
        n = number(tok) if tok.like_num else None
        if n is None or not 0 < n < 125 or tok.i < 2 or tok.i + 1 >= len(self.doc):
            return
        before, after = self.doc[tok.i - 1], self.doc[tok.i + 1]
        if before.text == "," and after.text in {",", "."} and self.index.type_of(
                self.index.direct(self.doc[tok.i - 2])) == "PERSON":
            self.add([self.index.direct(self.doc[tok.i - 2])], "age", str(n), tok)

    def _person_in_focus(self, tok) -> str | None:
        prev = self.index.previous_sentence(tok.sent)
        return self.index.subject_person(prev, fallback=True) if prev is not None else None

    # ------------------------------------------------------------ counts
    def counts(self, tok) -> None:
        if tok.tag_ not in {"NNS", "NNPS"} or tok.lemma_.lower() in _UNITS or tok.lemma_.lower() in CURRENCY_WORDS:
            return
        q = _quantity(tok)
        if not q or (q[1] < 3 and q[0] == str(q[1])):
            return
        noun_words = [c.text for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i]
        is_people = tok.lower_ in _PEOPLE or self.index.type_of(self.index.direct(tok)) == "NORP"
        if not is_people:
            return
        attribute = "count of " + " ".join([*noun_words, tok.text])
        verb = tok.head if tok.head.pos_ == "VERB" and tok.dep_ in {"dobj", "nsubjpass"} else None
        subjects: list[str] = []
        if verb is not None:
            attribute += " " + _participle(verb)
            subjects = [e for e in self.agents(verb) if e]
        if not subjects:
            subjects = [e for c in tok.children if (e := self.index.direct(c)) and c.dep_ in {"amod", "compound"}]
        if not subjects and self.index.direct(tok):
            subjects = [self.index.direct(tok)]
        self.add(subjects, attribute, q[0], tok)

    def agents(self, verb) -> list[str]:
        """Who does it: the subject, the subject of the verb it completes ("agreed to pay"), or the object of a
        verb of accusing ("accused X of holding ...")."""
        if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and not any(c.dep_.startswith("nsubj")
                                                                          for c in verb.children):
            return self.agents(verb.head)
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return [self.index.of_token(t) for c in verb.children if c.dep_ == "agent" for t in c.children]
        for c in verb.children:
            if c.dep_ == "nsubj":
                return [self.index.of_token(t) for t in with_conjuncts(c)]
        up = verb.head
        if verb.dep_ == "pcomp" and up.dep_ == "prep" and up.head.pos_ == "VERB":
            return [self.index.of_token(c) for c in up.head.children if c.dep_ == "dobj"]
        return []


def _event_dates(reader: _Reader, events: Sequence[Event]) -> None:
    """When something happened to someone: "date of arrest" of each person it happened to."""
    for ev in events:
        t = ev.time
        if ev.type == "statement" or ev.modality != "actual" or t is None or not (t.earliest and t.latest):
            continue
        span = (t.latest - t.earliest).days
        if span > 366:
            continue
        if t.earliest == t.latest:
            value = t.earliest.isoformat()
        elif t.earliest.day == 1 and (t.latest.month != t.earliest.month or span < 31) and span <= 31:
            value = t.earliest.isoformat()[:7]
        elif (t.earliest.month, t.earliest.day, t.latest.month, t.latest.day) == (1, 1, 12, 31):
            value = str(t.earliest.year)
        else:
            value = f"{t.earliest.isoformat()}/{t.latest.isoformat()}"
        people = [e for r, e in ev.participants if reader.index.type_of(e) == "PERSON"]
        tok = reader.doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if tok is not None:
            reader.add(people, f"date of {_DATE_NOUNS.get(ev.type, ev.type)}", value, tok.root)


def find_facts(doc, entities: Sequence[Entity], events: Sequence[Event], times: Sequence[TimeExpression] = (),
               published: DateRange | None = None) -> list[Fact]:
    """The facts of one parsed article (`doc`, its `entities` and `events`), in reading order.

    `times` (its time expressions) and `published` (its publication interval) date share price moves;
    without them a move is kept only where the article's day is known from neither, that is never.
    """
    reader = _Reader(doc, entities, events)
    casualties = Casualties(doc, reader.index, number, reader.add)
    shares = Shares(doc, reader.index, number, reader.add, times, published)
    money = Money(doc, reader.index, reader.add, reader.agents, _participle)
    elections = Elections(doc, reader.index, number, reader.add, published)
    stakes = Stakes(doc, reader.index, reader.add, reader.agents)
    strikes = Strikes(doc, reader.index, number, reader.add)
    rates = Rates(doc, reader.index, reader.add)
    tallies = Tallies(doc, reader.index, reader.add)
    queues = Queues(doc, reader.index, number, reader.add, strikes.article_subject)
    bans = Bans(doc, reader.index, reader.add, _term, _term_modifier, _quantity)
    for tok in doc:
        casualties.read(tok)
        read_tenure(tok, reader.index, number, reader.add)
        shares.read(tok)
        elections.read(tok)
        reader.sentences(tok)
        reader.ages(tok)
        reader.appositive_age(tok)
        reader.counts(tok)
        money.read(tok)
        stakes.read(tok)
        strikes.read(tok)
        bans.read(tok)
        rates.read(tok)
        tallies.read(tok)
        queues.read(tok)
    elections.finish()
    _event_dates(reader, events)
    return reader.facts
