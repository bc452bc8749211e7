"""How many took part in a strike, walkout or protest, and by whose count.

"About 1,900 dockers took part in the stoppage", "6,000 workers walked out", "the union said 6,200 members
joined the strike", "fewer than 1,500 had walked out", "6,200 workers were on strike", "had stopped work",
"some 5,000 workers staying away", "some 5,000 strikers", "20,000 people marched" each give one count,
under "number of strikers" (a strike, walkout or stoppage) or "number of protesters" (a protest, march,
rally or demonstration), so that outlets wording it differently are compared. An estimate that refers back
to the count just read ("ABTP put the figure at 3,500") is another count of the same. Each keeps whom the
article credits it to (`credit.credited`: "according to Unite", "the port said"), so that a union's count
and an employer's in one article stand as two sources' claims, not as a change.

Not a count of participants: one only planned or possible ("could join the strike", "are expected to walk
out"), one denied, people acted upon ("police arrested 50 protesters", "50 protesters were injured"), a
walk out of somewhere ("walked out of the meeting"), a membership ("the union has 6,000 members").

The subject is the strike's place or organisation, the same across the articles of one story: the place
(GPE, LOC, FAC) or organisation named nearest in the count's phrase ("workers at Felixstowe", "Felixstowe
dockers") or its strike's ("joined the strike at the Port of Santos"), else that of the article's first
strike or protest that names one ("The strike by dockworkers at the Port of Santos", "Dockworkers at the
Port of Santos walked off the job"), else the place named nearest the root of the sentence of its first
strike word. The dateline is not where it happened, and a news agency is no organisation of a strike.
"""
from __future__ import annotations

from collections import deque
from typing import Callable

from storyline.lexicon import AGENCY_NAMES
from storyline.read.events.arguments import EntityIndex, opening_dateline_end
from storyline.read.events.casualties import count_phrase
from storyline.read.events.complements import walkout
from storyline.read.events.credit import ESTIMATING, credited
from storyline.read.events.modality import ACTUAL, modality_of

STRIKERS, PROTESTERS = "number of strikers", "number of protesters"
_STRIKE_NOUNS = {"strike": STRIKERS, "walkout": STRIKERS, "stoppage": STRIKERS, "protest": PROTESTERS,
                 "demonstration": PROTESTERS, "rally": PROTESTERS, "march": PROTESTERS, "sit-in": PROTESTERS}
_PARTICIPANTS = {"striker": STRIKERS, "picket": STRIKERS, "protester": PROTESTERS, "protestor": PROTESTERS,
                 "demonstrator": PROTESTERS, "marcher": PROTESTERS}
_PROTEST_VERBS = {"protest", "demonstrate", "rally", "march"}
_JOIN_VERBS = {"join", "begin", "start", "stage", "launch", "hold", "mount", "continue"}
_WORK_NOUNS = {"work", "tool", "tools"}
_ON_VERBS = {"be", "go", "come", "remain", "stay"}              # "were on strike", "went on strike"
_REFERRING = {"figure", "number", "total", "estimate", "turnout", "crowd", "count"}   # "put the figure at 3,500"
_ACTED_ON = {"dobj", "nsubjpass", "dative"}
_PLACES = {"GPE", "LOC", "FAC", "ORG"}
_AT = {"at", "in", "outside", "across", "throughout", "through"}
_SKIP_IN_PHRASE = {"relcl", "acl", "advcl", "ccomp", "appos"}


def _strike_noun(tok) -> str | None:
    """The attribute a strike or protest noun counts: "the strike", "industrial action" -> strikers."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    lemma = tok.lemma_.lower()
    if lemma == "action" and any(c.lower_ == "industrial" for c in tok.children):
        return STRIKERS
    return _STRIKE_NOUNS.get(lemma)


def _objects(verb, preps: set[str]) -> list:
    return [o for p in verb.children if p.dep_ in {"prep", "prt"} and p.lower_ in preps for o in p.children
            if o.dep_ == "pobj"]


class Strikes:
    """Reads counts of strikers and protesters of one parsed article; `add(subjects, attribute, value, tok,
    source)` keeps each."""

    def __init__(self, doc, index: EntityIndex, number: Callable, add: Callable):
        self.doc, self.index, self.number, self.add = doc, index, number, add
        self._body = opening_dateline_end(doc)
        self._article: str | None | bool = False       # False: not looked for yet
        self._last: tuple[int, str, str] | None = None   # (sentence start, attribute, subject) of the last count

    def read(self, tok) -> None:
        if tok.i < self._body:
            return
        if tok.pos_ in {"VERB", "AUX"}:
            self._verb(tok)
        elif tok.lemma_.lower() in _PARTICIPANTS and tok.dep_ not in _ACTED_ON and not (
                tok.dep_ == "pobj" and tok.head.lower_ in {"by", "of", "against", "on"}):
            self._keep(tok, _PARTICIPANTS[tok.lemma_.lower()], tok, _objects(tok.head, _AT))

    def _verb(self, verb) -> None:
        if any(c.dep_ == "neg" for c in verb.children) or modality_of(verb) != ACTUAL:
            return
        if verb.lemma_.lower() in ESTIMATING:
            self._estimate(verb)
            return
        found = self._joined(verb)
        if found is None:
            return
        attribute, strike = found
        holders = [c for c in verb.children if c.dep_ == "nsubj"]
        if not holders and verb.dep_ == "relcl":                    # "the 6,000 workers who walked out"
            holders = [verb.head]
        for h in holders:
            self._keep(h, attribute, verb, [strike, *_objects(verb, _AT)])

    def _joined(self, verb) -> tuple[str, object] | None:
        """(attribute, the strike noun or None) where `verb` says its subject took part in a strike or protest."""
        lemma = verb.lemma_.lower()
        parts = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if walkout(verb):
            return STRIKERS, None                                 # "walked out", "walked off the job"
        if lemma == "strike" and not objs:
            return STRIKERS, None
        if lemma in {"stop", "down", "lay"} and any(o.lemma_.lower() in _WORK_NOUNS for o in objs):
            return STRIKERS, None                                 # "stopped work", "downed tools"
        if lemma == "stay" and parts & {"away", "out"} and self.article_subject() is not None:
            return STRIKERS, None                                 # "staying away from the terminals"
        if lemma in _PROTEST_VERBS or lemma == "take" and any(
                o.lemma_.lower() == "street" for o in _objects(verb, {"to"})):
            return PROTESTERS, None                               # "marched", "took to the streets"
        nouns = []
        if lemma in _JOIN_VERBS:
            nouns = objs
        elif lemma == "take" and any(o.lemma_.lower() == "part" for o in objs) or lemma == "participate":
            nouns = _objects(verb, {"in"})
        elif lemma in _ON_VERBS:
            nouns = [o for o in _objects(verb, {"on"}) if o.lemma_.lower() == "strike"]
        for n in nouns:
            if attribute := _strike_noun(n):
                return attribute, n
        return None

    def _estimate(self, verb) -> None:
        """ "ABTP put the figure at 3,500": a count of the same as the last one read, in this sentence or the
        two before, credited to the verb's subject."""
        if self._last is None or not any(o.dep_ == "dobj" and o.lemma_.lower() in _REFERRING for o in verb.children):
            return
        start, attribute, subject = self._last
        sents = [s.start for s in self.doc[start:verb.i + 1].sents]
        if len(sents) > 3:
            return
        for n in _objects(verb, {"at"}):
            got = count_phrase(n, self.number)
            if got is not None:
                self.add([subject], attribute, got[0], verb, credited(n, self.index))

    def _keep(self, noun, attribute: str, tok, strikes: list) -> None:
        got = count_phrase(noun, self.number)
        if got is None or got[1] < 2:
            return
        subject = self._where(noun, *[s for s in strikes if s is not None]) or self.article_subject()
        if subject:
            self._last = (tok.sent.start, attribute, subject)
            self.add([subject], attribute, got[0], tok, credited(noun, self.index))

    def _where(self, *phrases, wide: bool = False) -> str | None:
        """The place or organisation named nearest the head of the first of `phrases` that names one (`wide`:
        its clauses too)."""
        for p in phrases:
            todo = deque([p])
            while todo:
                t = todo.popleft()
                if (eid := self._named(t)) is not None:
                    return eid
                todo.extend(c for c in t.children if wide or c.dep_ not in _SKIP_IN_PHRASE)
        return None

    def _named(self, t) -> str | None:
        eid = self.index.direct(t)
        if eid is None or t.i < self._body or self.index.type_of(eid) not in _PLACES:
            return None
        if t.lower_ in AGENCY_NAMES or self.index.by_id[eid].name.lower() in AGENCY_NAMES:
            return None
        return eid

    def article_subject(self) -> str | None:
        """The place or organisation of the article's first strike or protest that names one, else the place
        nearest the root of the sentence of its first strike word; None without a strike or protest."""
        if self._article is False:
            self._article = None
            first = None
            for t in self.doc[self._body:]:
                phrases = []
                if _strike_noun(t) or t.lemma_.lower() in _PARTICIPANTS:
                    phrases = [t, *_objects(t.head, _AT)]
                elif t.pos_ == "VERB" and t.lemma_.lower() != "stay" and (found := self._joined(t)):
                    phrases = [c for c in t.children if c.dep_ == "nsubj"] + ([found[1]] if found[1] else [])
                if not phrases:
                    continue
                first = first or t
                if (eid := self._where(*phrases)) is not None:
                    self._article = eid
                    break
            if self._article is None and first is not None:
                self._article = self._where(first.sent.root, wide=True)
        return self._article
