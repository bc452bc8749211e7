"""Election results: vote shares, seats and turnout, as facts outlets can agree or disagree on.

Four attributes, values written one way so that stage 4 compares them as numbers:

- "share of vote" ("41.2%", "more than 50%"), of a candidate or party: "won 42.1 percent of the vote", "led
  with 38.4% of the vote", "was second with 31.2%", "Mariela Ortiz, who had 30.6%", "against 30.3 per cent
  for Ortiz", "to Wells' 33 percent", "Ortiz (30.3%)", "Ortiz's share of the vote was 30.3%", "Rubio trails
  with 15 percent, and Carson with 11 percent" (Carson's: the candidate named between two percents when
  the verb is left out). A percent with "of" is a share only of the vote or ballots ("61% of polling
  stations counted", "95% of the vote counted" tell how far the count has gone; "43 percent of the Hispanic
  vote" is a group's); a bare one only where its sentence or the one before names a vote held or counted
  (the noun: vote, ballot, election, runoff, count, result ...) and none from two sentences before it to
  the one after it names a poll. A joint share ("took a combined 61 percent") is no one's.
- "seats" (the number won: "30"; "30 of the 57 seats" is "30", the size of the chamber being no result),
  of a party (or candidate): "won 30 of the 57 seats", "took 17" after a clause on seats, "ends with 16
  seats". Seats only projected or expected ("projected to win 29", "on course to win 24 seats", "could
  win", "projections gave the party 24 seats", or any seat figure of a sentence on a count still running:
  "preliminary results", "with 90% of ballots counted") are "projected seats", so that they never
  conflict with the seats won. A superseded projection ("Earlier projections had given the party 24
  seats") is left out: it is the earlier report's value, not this one's.
- "turnout" ("58%"), of the place the election is in: read by `turnout`.

Not results, so never read: thresholds and targets ("needs at least 40% to avoid a runoff", "needs to
garner 52 percent", "the 40% threshold"), projected shares ("on course to win 45%"), polls ("polls put him
at 35%", "an exit poll gave her 41%", "64 percent who say": a poll is another measurement than the count,
so it is left out rather than kept as a share of its own), values of an earlier election ("up from 52% in
2022", "won 30 seats in 2018", "in the last election", "had won") and gains or losses ("gained 5 seats",
"one more seat").
An article giving one subject several values of one attribute (two referendums' turnouts, a share on
Sunday and another on Monday) gives none of them (`Elections.finish`): which is its own is not told. A share
of a first round and one of a runoff are not told apart, nor a share in one district from a national one.
"""
from __future__ import annotations

from typing import Callable

from storyline.read.events.arguments import PLACE_TYPES, EntityIndex, subject_token
from storyline.read.events.modality import ACTUAL, NEGATED, modality_of
from storyline.read.events.turnout import Turnout
from storyline.read.events.votes import (YEAR, past_marked, percent_at, percent_value, phrase_children,
                                         phrase_head)
from storyline.records import DateRange

SHARE, SEATS, PROJECTED = "share of vote", "seats", "projected seats"

_VOTE_NOUNS = {"vote", "ballot"}
_COUNTING = {"count", "tally", "process", "report", "tabulate", "in", "counted", "tallied", "processed",
             "reported", "reporting", "tabulated"}
_SHARE_VERBS = {"win", "have", "get", "take", "receive", "secure", "garner", "obtain", "poll", "capture",
                "score", "collect", "muster", "land", "claim", "draw"}
_SEAT_VERBS = {"win", "take", "secure", "get", "obtain", "capture", "claim", "retain", "keep", "land", "grab",
               "clinch", "bag"}
_GIVE_VERBS = {"give", "hand", "award", "grant", "allot", "allocate"}
_NOT_YET = {"need", "require", "aim", "target", "seek", "want", "hope", "try", "must"}
_PROJECTING = {"project", "forecast", "predict", "expect", "poise", "tip", "set", "likely", "course", "track",
               "estimate", "due", "projection", "prediction", "poll", "survey", "simulation"}
_PROVISIONAL = {"preliminary", "partial", "provisional", "early", "incomplete", "initial"}
_RESULT_NOUNS = {"result", "count", "tally", "return", "figure", "projection", "estimate", "forecast"}
_SUPERSEDED = {"early", "earlier", "previous", "initial", "first", "prior", "original", "old", "last"}
_POLL_NOUNS = {"poll", "survey", "pollster", "opinion", "approval", "rating", "favorability", "favourability",
               "matchup", "respondent"}
# nouns of a vote held and counted: a bare percent near none of them is no share of the vote
_RESULT_WORDS = {"vote", "ballot", "election", "runoff", "run-off", "referendum", "plebiscite", "count", "tally",
                 "result", "electoral", "recount"}
_JOINT = {"combined", "together", "collectively", "jointly", "between"}   # "took a combined 61 percent"
# who a vote is of when it is not all of it: "43 percent of the Hispanic vote"
_GROUPS = {"black", "white", "young", "youth", "women", "female", "male", "men", "evangelical", "rural", "urban",
           "hispanic", "latino", "latina", "asian", "catholic", "muslim", "jewish", "senior", "older", "student",
           "union", "suburban", "college", "independent", "minority", "ethnic", "postal", "overseas", "diaspora"}
_PARTY_NOUNS = {"party", "alliance", "coalition", "bloc", "movement", "front", "list", "camp", "union", "league",
                "group", "ticket", "slate", "opposition", "conservatives", "socialists", "democrats"}
_CHANGE = {"more", "fewer", "less", "additional", "extra", "other", "further", "another"}
_QUANT = ("more than", "at least", "about", "around", "nearly", "almost", "over", "fewer than", "up to",
          "roughly", "some")


class Elections:
    """Reads election results of one parsed article; `add(subjects, attribute, value, tok)` keeps each."""

    def __init__(self, doc, index: EntityIndex, number: Callable, add: Callable,
                 published: DateRange | None = None):
        self.doc, self.index, self.number, self.add = doc, index, number, add
        years = [int(t.text) for t in doc if YEAR.fullmatch(t.text)]
        self.year = published.earliest.year if published and published.earliest else max(years, default=None)
        self.turnout = Turnout(doc, index, self._past, self._keep)
        self._seat_subjects: list[str] = []
        self._found: list[tuple[str, str, str, object]] = []

    def finish(self) -> None:
        """Keep, through `add`, what `read` found, once the whole article is read: but where the article
        gives one subject several values of one attribute (two referendums' turnouts, a share on Sunday and
        one on Monday, a projection and the result worded alike), none of them, as the reader cannot tell
        which one is the article's own."""
        values: dict[tuple[str, str], set[str]] = {}
        for subject, attribute, value, _ in self._found:
            values.setdefault((subject, attribute), set()).add(value)
        for subject, attribute, value, tok in self._found:
            if len(values[(subject, attribute)]) == 1:
                self.add([subject], attribute, value, tok)

    def _keep(self, subject: str, attribute: str, value: str, tok) -> None:
        self._found.append((subject, attribute, value, tok))

    def read(self, tok) -> None:
        if (found := percent_at(tok)) is not None:
            self._share(*found)
        elif tok.lower_ == "turnout":
            self.turnout.read(tok)
        elif tok.like_num:
            self._seats(tok)

    # ------------------------------------------------------------ shared tests
    def _past(self, tok) -> bool:
        return past_marked(tok, self.year)

    def _poll_sentence(self, sent) -> bool:
        return any(t.lemma_.lower() in _POLL_NOUNS and t.pos_ in {"NOUN", "PROPN"} for t in sent)

    def _about_a_vote(self, sent) -> bool:
        """Whether a bare percent of `sent` may be a share of the vote: it or the sentence before names a vote
        held or counted (a noun: "would vote for" is a poll's question), and no poll is named from two
        sentences before it to the one after it ("40 percent support", "in hypothetical matchups" too)."""
        prev = self.index.previous_sentence(sent)
        sents = [sent] if prev is None else [prev, sent]
        near = self.doc[max(0, (prev or sent).start - 1):min(len(self.doc), sent.end + 1)]
        window = {s.start: s for t in near for s in [t.sent]}.values()
        if any(self._poll_sentence(x) or any(t.lower_ in {"support", "hypothetical"} for t in x) for x in window):
            return False
        return any((t.lower_ in _RESULT_WORDS or t.lemma_.lower() in _RESULT_WORDS)
                   and t.pos_ in {"NOUN", "PROPN", "ADJ"} for x in sents for t in x)

    def _counting_sentence(self, sent) -> bool:
        """A sentence on a count still running: "preliminary results", "with 90% of ballots counted"."""
        for t in sent:
            if t.lemma_.lower() in _RESULT_NOUNS and any(c.lower_ in _PROVISIONAL for c in t.children):
                return True
            if (found := percent_at(t)) is not None and self._progress(*found):
                return True
        return False

    def _progress(self, num, tokens) -> bool:
        """Whether a percent says how far the count has gone ("61% of polling stations counted")."""
        head = phrase_head(tokens)
        if head.head.lemma_.lower() in _COUNTING or head.head.lower_ in _COUNTING:
            return True
        after = self.doc[tokens[-1].i + 1:tokens[-1].i + 7]
        if len(after) and after[0].lower_ == "of":
            noun = next((t for t in after[1:] if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound"), None)
            if noun is not None:
                nxt = self.doc[noun.i + 1] if noun.i + 1 < len(self.doc) else None
                if noun.lemma_.lower() not in _VOTE_NOUNS:
                    return noun.lemma_.lower() in {"station", "precinct", "district", "booth", "constituency",
                                                   "place", "centre", "center", "unit", "electorate"}
                if nxt is not None and nxt.lower_ == "in":      # "with 95% of the vote in," not "in the runoff"
                    return nxt.i + 1 >= len(self.doc) or self.doc[nxt.i + 1].is_punct
                return nxt is not None and (nxt.lower_ in _COUNTING or nxt.lemma_.lower() in _COUNTING)
        return False

    def _projected(self, verb) -> bool:
        """Whether the verb of a result is a projection's: "projected to win", "on course to win", "could win"."""
        if modality_of(verb) != ACTUAL or self._projecting(verb):
            return True
        sent = verb.sent
        for t in sent:       # "according to preliminary projections by the tribunal"
            if t.lower_ == "according" and any(w.lemma_.lower() in _PROJECTING for w in t.subtree):
                return True
        return self._counting_sentence(sent)

    def _projecting(self, verb) -> bool:
        """Whether `verb` or a verb it is the complement of projects: "projected to win", "was on course to
        win", "is set to take", "projections gave"."""
        tok = verb
        for _ in range(4):
            if tok.lemma_.lower() in _PROJECTING:
                return True
            for c in tok.children:
                if c.dep_ in {"attr", "acomp", "advmod", "nsubj", "oprd"} and c.lemma_.lower() in _PROJECTING:
                    return True
                if c.dep_ == "prep" and c.lower_ in {"on", "in"} and any(
                        o.dep_ == "pobj" and o.lemma_.lower() in _PROJECTING for o in c.children):
                    return True
            if tok.dep_ not in {"xcomp", "conj"} or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    # ------------------------------------------------------------ subjects
    def _party(self, tok) -> str | None:
        """The candidate or party a noun names: its entity; "Núñez's party" (no name of its own): Núñez;
        "the party": the last party given seats before."""
        eid = self.index.of_token(tok)
        if eid:
            return eid if self.index.type_of(eid) not in PLACE_TYPES else None
        if tok.lemma_.lower() not in _PARTY_NOUNS:
            return None
        for c in tok.children:
            if c.dep_ == "poss":
                owner = self.index.of_token(c)
                return owner if owner and self.index.type_of(owner) not in PLACE_TYPES else None
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and self._seat_subjects:
            return self._seat_subjects[-1]
        return None

    def _subject(self, verb) -> str | None:
        tok, _ = subject_token(verb)
        return self._party(tok) if tok is not None else None

    # ------------------------------------------------------------ shares of the vote
    def _share(self, num, tokens) -> None:
        value = percent_value(num)
        head = phrase_head(tokens)
        sent = head.sent
        if value is None or self._poll_sentence(sent) or self._progress(num, tokens) or self._past(head):
            return
        if any(c.dep_ == "relcl" or c.lower_ in _JOINT for c in phrase_children(tokens)):
            return                           # "64 percent who say ...", "a combined 61 percent"
        after = self.doc[tokens[-1].i + 1:tokens[-1].i + 7]
        if len(after) and after[0].lower_ == "of":
            noun = next((t for t in after[1:] if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound"), None)
            if noun is None or noun.lemma_.lower() not in _VOTE_NOUNS or self._of_a_group(noun):
                return
        elif not self._about_a_vote(sent):
            return
        subject, verb = self._share_subject(head, tokens)
        if subject is None:
            return
        if verb is not None and (self._not_yet(verb) or self._past(verb) or self._projected_share(verb)
                                 or any(c.lower_ in _JOINT for c in verb.children if c.dep_ == "advmod")):
            return
        mods = " ".join(t.lower_ for t in self.doc[num.left_edge.i:num.i] if not t.is_punct)
        mods = mods.replace("close to", "nearly")
        quant = next((q for q in _QUANT if mods.endswith(q)), None)
        self._keep(subject, SHARE, f"{quant} {value}" if quant else value, head)

    def _of_a_group(self, vote) -> bool:
        """ "the Hispanic vote", "the youth vote": a group's vote, not all of it."""
        return any(c.dep_ in {"amod", "compound", "nmod"} and (c.lower_ in _GROUPS or self.index.type_of(
            self.index.direct(c)) == "NORP") for c in vote.children)

    def _not_yet(self, verb) -> bool:
        """Whether `verb` states a target, not a result: "needs at least 40%", "needs to garner 52 percent"."""
        tok = verb
        for _ in range(3):
            if tok.lemma_.lower() in _NOT_YET:
                return True
            if tok.dep_ != "xcomp" or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _projected_share(self, verb) -> bool:
        """Whether a share is only projected: "on course to win 45%", "is expected to get 45%"."""
        return modality_of(verb) != ACTUAL or self._projecting(verb)

    def _share_subject(self, head, tokens):
        """(the candidate or party the percent is of, the verb that states it or None)."""
        verb = next((t for t in head.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        for c in phrase_children(tokens):
            if c.dep_ == "poss":             # "to Wells' 33 percent"
                return self._party(c), verb
            if c.dep_ == "prep" and c.lower_ == "for":     # "30.3 percent for Ortiz"
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                return (self._party(obj) if obj is not None else None), verb
        up = head.head
        if head.dep_ == "pobj" and up.lower_ == "with":
            owner = up.head
            if owner.pos_ in {"VERB", "AUX"}:
                return self._gapped(tokens, owner) or self._subject(owner), owner
            return self._party(owner), None
        if head.dep_ == "pobj":               # "against 30.3%", "up from 52%", "than 40%": no one's share here
            return None, None
        if head.dep_ == "dobj" and up.lemma_.lower() in _SHARE_VERBS | _NOT_YET:
            return self._gapped(tokens, up) or self._subject(up), up
        if head.dep_ in {"attr", "dobj"} and up.pos_ in {"VERB", "AUX"}:   # "Ortiz's share of the vote was 30.3%"
            subj = next((c for c in up.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() == "share" and any(
                    o.lemma_.lower() in _VOTE_NOUNS for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children):
                owner = next((c for c in subj.children if c.dep_ == "poss"), None)
                return (self._party(owner) if owner is not None else None), up
        first, last = tokens[0].i, tokens[-1].i       # "Ortiz (30.3%)"
        if first >= 2 and last + 1 < len(self.doc) and self.doc[first - 1].text == "(" \
                and self.doc[last + 1].text == ")":
            return self._party(self.doc[first - 2]), None
        return None, None

    def _gapped(self, tokens, verb) -> str | None:
        """The candidate named between an earlier percent of the sentence and this one, the verb left out:
        "Rubio lags behind with 15 percent, and Carson even further behind with 11 percent"."""
        sent = tokens[0].sent
        before = [t for t in self.doc[sent.start:tokens[0].i] if percent_at(t) is not None]
        if not before:
            return None
        subj, _ = subject_token(verb)
        if subj is not None and subj.i > before[-1].i:
            return None                      # "With 76 percent counted, Trump was leading with 34 percent"
        own = {t.i for t in subj.subtree} if subj is not None else set()
        for t in reversed(self.doc[before[-1].i + 1:tokens[0].i]):
            eid = self.index.direct(t)
            if eid and self.index.type_of(eid) in {"PERSON", "ORG", "NORP"} and t.i not in own:
                return eid
        return None

    # ------------------------------------------------------------ seats
    def _seats(self, tok) -> None:
        n = self.number(tok)
        if n is None or not 0 <= n < 5000 or YEAR.fullmatch(tok.text):
            return
        noun, phrase = None, None
        if tok.dep_ == "nummod" and tok.head.lemma_.lower() == "seat":
            noun = phrase = tok.head
            up = noun.head
            if noun.dep_ == "pobj" and up.lower_ == "of" and up.head.like_num:
                return                       # "30 of the 57 seats": 57 is the chamber's size
        elif any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() == "seat"
                                                                for o in c.children) for c in tok.children):
            noun, phrase = tok, tok
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in _SEAT_VERBS and not any(
                c.dep_ in {"prep", "compound", "amod"} for c in tok.children) and any(
                t.lemma_.lower() == "seat" and t.dep_ != "compound" for t in tok.sent):
            phrase = tok                     # "while Ortiz's party took 17": seats named earlier in the sentence
        if phrase is None:
            return
        if any(c.lower_ in _CHANGE for x in {tok, phrase} for c in x.children if c.dep_ in {"amod", "advmod"}):
            return                           # "one more seat", "another five seats"
        attribute, subject = self._seat_fact(phrase)
        if attribute is None or subject is None:
            return
        mods = " ".join(t.lower_ for t in self.doc[tok.left_edge.i:tok.i] if not t.is_punct)
        quant = next((q for q in _QUANT if mods.endswith(q)), None)
        self._seat_subjects.append(subject)
        self._keep(subject, attribute, f"{quant} {n}" if quant else str(n), tok)

    def _seat_fact(self, phrase) -> tuple[str | None, str | None]:
        """(attribute, subject) of a seat figure by the verb it hangs on."""
        up = phrase.head
        if phrase.dep_ == "dobj" and up.lemma_.lower() in _SEAT_VERBS:
            verb, subject = up, self._subject(up)
        elif phrase.dep_ == "pobj" and up.lower_ == "with" and up.head.pos_ in {"VERB", "AUX"}:
            verb = up.head                   # "ends with 16 seats"
            subject = self._subject(verb)
        elif phrase.dep_ == "dobj" and up.lemma_.lower() in _GIVE_VERBS:
            verb = up                        # "projections gave the party 24 seats"
            to = next((c for c in up.children if c.dep_ == "dative"), None)
            subject = self._party(to) if to is not None else None
            giver = next((c for c in up.children if c.dep_ == "nsubj"), None)
            if giver is not None and any(c.lower_ in _SUPERSEDED for c in giver.children if c.dep_ == "amod"):
                return None, None           # "Earlier projections had given the party 24 seats"
        else:
            return None, None
        if modality_of(verb) == NEGATED or self._not_yet(verb) or self._past(verb) or self._past(phrase):
            return None, None
        return (PROJECTED if self._projected(verb) else SEATS), subject

