"""Casualty counts: how many were killed, injured, missing, arrested or driven from home in an incident.

"killing two workers and injuring 11 others", "Twelve people were injured", "at least 40 were killed",
"Two workers died", "three people are missing", "41 people were confirmed dead", "left at least nine dead"
each give one count, read under a common attribute ("count of dead", "count of injured", "count of
missing", "count of arrested") so that outlets wording it differently are compared. So does a running
total, a toll or number of the dead, injured or missing and the figure it rose to, stands at or reached:
"raising the death toll to two", "the death toll rose to more than 40", "the toll from the storm reached
43", "the number of people killed has risen to 43", "the death toll has topped 1,000" ("more than
1,000"); one only expected or possible ("could rise to 100") is none. A bare "toll" is one of the dead where
its sentence tells of deaths or an incident (", bringing the toll to 49"). The displaced ("count of displaced":
"1,800 people were forced from their homes", "3,000 are now homeless", "left 20,000 homeless", "fled their
homes", "displaced 5,000") are read too; people in shelters or rescued are not (another, smaller figure). An
increment is no total: "another 8 people", "12 more people", "the last eight people ... found dead".

The subject of a count is the incident, the same across articles of one story: the storm, quake or other
incident the count's own sentence names by a name of its own ("Typhoon Marites", "Tropical Storm Opong",
an EVENT entity), else the place named after its incident word ("a blast at a site in Leverkusen killed
seven people") or on the toll ("the death toll in Gaza"), else the article's incident with a name that
the sentence's refers back to ("the storm"), else a place elsewhere in the count's clause (not "toured the
town of Itabirito as the death toll ... climbed to 41", a place named for something else), else the
article's first incident with a place of its own, then with a place in its sentence ("Tuesday's explosion at
the Velmar Chemie plant in Marl"). A region the reader types as an organisation is a place where the words
make it one ("the state of Minas Gerais", "floods in Minas Gerais", "the Minas Gerais floods"), so that every
article's count of one story has the same subject. An incident with a name of its own that is no entity
is another one: its count takes a place of its sentence or none. A place that is only a landmark ("near Houston", "along the Houston Ship Channel") is not where
it happened, and a dateline ("PASADENA, Texas (AP) —") says where the copy was filed, not where it
happened. No incident named, no count.
"""
from __future__ import annotations

from typing import Callable

from storyline.read.events.arguments import EntityIndex, opening_dateline_end
from storyline.read.events.modality import ACTUAL, modality_of

# verb or adjective lemma -> the attribute its count is read under
_VERBS = {"kill": "dead", "die": "dead", "injure": "injured", "wound": "injured", "hurt": "injured",
          "arrest": "arrested", "detain": "arrested", "displace": "displaced"}
_ADJECTIVES = {"dead": "dead", "missing": "missing", "injured": "injured", "wounded": "injured",
               "homeless": "displaced", "displaced": "displaced"}
# verbs whose passive subject or object was driven from home ("1,800 people were forced from their homes",
# "forcing 500 families from their homes") and verbs whose subject left it ("3,000 fled their homes")
_DRIVEN = {"force", "drive", "chase"}
_LEAVING = {"flee", "abandon", "leave"}
_HOMES = {"home", "house"}
_DEATHS = {"dead", "death", "deaths", "killed", "died", "bodies", "victims", "fatalities"}
# words that make a count an increment, not a total: "another 8 people were killed", "the last eight ... dead"
_INCREMENT = {"another", "further", "additional", "more", "last", "other"}
# what a number is a running total of: "the number of dead", "of deaths", "of injuries"
_TOTAL_OF = {"dead": "dead", "death": "dead", "fatality": "dead", "injured": "injured", "wounded": "injured",
             "injury": "injured", "missing": "missing", "arrest": "arrested"}
# verbs that state the count of their object or passive subject through a casualty adjective or participle:
# "were confirmed dead", "were reported killed", "left 12 people dead"; "feared" or "presumed dead" state none
_STATING = {"confirm", "report", "declare", "pronounce", "list", "find", "leave"}
_AT_VERBS = {"reach", "hit", "be", "remain"}                    # "the toll reached 43", "is now 43"
_ABOVE_VERBS = {"top", "pass", "exceed", "surpass", "cross"}    # "the toll topped 1,000": more than 1,000
_ABOVE_PREPS = {"past", "above", "beyond", "over"}              # "the toll climbed past 40"
_INCIDENTS = frozenset("""
explosion blast fire blaze attack bombing shooting crash collision derailment earthquake quake flood flooding
storm hurricane typhoon cyclone tornado landslide mudslide avalanche collapse stampede accident raid strike
airstrike clash clashes riot fighting ambush massacre eruption leak spill
""".split())
_NATURAL = frozenset("""
flood flooding storm hurricane typhoon cyclone tornado landslide mudslide avalanche earthquake quake eruption
""".split())                                # incidents no organisation causes: "the Minas Gerais floods" is a place
# nouns of an administrative place: the name in "the state of Minas Gerais" is a place whatever its entity type
_PLACE_NOUNS = {"state", "province", "region", "city", "town", "village", "county", "district", "municipality",
                "island", "department", "prefecture", "territory", "country", "governorate", "borough"}
_STORMS = {"typhoon", "hurricane", "cyclone", "storm", "depression"}     # titles of a storm's name
_GRADES = {"tropical", "super", "severe", "post", "-", "major"}         # "Severe Tropical Storm Opong"
_LANDMARK_PREPS = {"near", "outside", "along", "off", "from", "to", "toward", "towards", "beyond", "across"}
_PLACE_TYPES = {"GPE", "LOC"}
_CLAUSES = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"}     # dependencies that open a clause
_MAX = 1_000_000
_HEDGES = {"about", "around", "some", "nearly", "almost", "roughly", "approximately", "over"}


def count_phrase(tok, number) -> tuple[str, int] | None:
    """The count a casualty word's noun phrase states: "at least 12 people" -> ("at least 12", 12)."""
    n = number(tok) if tok.pos_ == "NUM" or tok.like_num else None
    num = tok if n is not None else None
    if num is None:
        for c in tok.children:      # a number word opening a sentence may be parsed as a modifier ("Eleven people")
            if (c.dep_ == "nummod" or c.dep_ in {"amod", "compound"} and c.is_alpha) and number(c) is not None:
                num, n = c, number(c)
                break
    if num is None or n is None or not 0 < n < _MAX:
        return None
    if num is not tok and tok.lemma_.lower() in {"year", "month", "week", "day", "hour", "percent", "%"}:
        return None
    if num.ent_type_ in {"MONEY", "PERCENT", "DATE", "TIME", "QUANTITY"} or any(
            c.lower_ in _INCREMENT and c.dep_ in {"det", "amod", "advmod"} and c.i < tok.i and c.nbor().lower_ != "than"
            for c in [*tok.children, *num.children]):
        return None                     # "$5 million", "in 2021", "another 8 people", "the last eight people"
    mods = [m.lower_ for m in tok.doc[num.left_edge.i:num.i] if not m.is_punct and m.dep_ != "det"]
    mods += [m.lower_ for m in num.children if m.dep_ in {"advmod", "quantmod"} and m.i < num.i
             and m.lower_ not in mods]
    if not mods and num.i > 0 and (m := tok.doc[num.i - 1]).head.i == tok.i and m.lower_ in _HEDGES:
        mods = [m.lower_]               # "Around 1,900 workers" parsed with "Around" on the noun
    words = " ".join(mods)
    return (f"{words} {n}" if words else str(n)), n


def _objects(tok, preps) -> list:
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children
            if o.dep_ == "pobj"]


class Casualties:
    """Reads casualty counts of one parsed article; `add(subjects, attribute, value, tok)` keeps each."""

    def __init__(self, doc, index: EntityIndex, number: Callable, add: Callable):
        self.doc, self.index, self.number, self.add = doc, index, number, add
        self._body = opening_dateline_end(doc)                  # tokens before it are the dateline
        self._article_incident: str | None | bool = False      # False: not looked for yet
        self._article_name: tuple[str, str] | None | bool = False

    def read(self, tok) -> None:
        lemma = tok.lemma_.lower()
        if tok.lower_ in _ADJECTIVES and self._adjective(tok, _ADJECTIVES[tok.lower_]):
            return
        if tok.pos_ in {"VERB", "AUX"} or tok.tag_ in {"VBN", "VBD", "VBG", "VBZ", "VBP", "VB"}:
            attr = _VERBS.get(lemma) or ("displaced" if self._from_home(tok) else None)
            if attr is None or any(c.dep_ == "neg" for c in tok.children):
                return
            holder = tok
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
            if lemma == "die" or lemma in _LEAVING and not passive:
                deps = {"nsubj"}
            elif passive:
                deps = {"nsubjpass"}
            elif tok.dep_ in {"xcomp", "oprd"} and tok.head.lemma_.lower() in _STATING:
                holder, deps = tok.head, {"nsubjpass"}                       # "were reported killed"
            else:
                deps = {"dobj"}
            for c in holder.children:
                if c.dep_ in deps:
                    self._keep(c, attr, tok)
        elif lemma in {"toll", "number"} and tok.pos_ == "NOUN" and (attr := self._total_of(tok)):
            self._total(tok, attr)

    @staticmethod
    def _from_home(tok) -> bool:
        """Whether verb `tok` drives people from their homes ("were forced from their homes", "forced out of
        their homes") or says they left them ("fled their homes"), as it happened (not "could be forced")."""
        lemma = tok.lemma_.lower()
        if lemma in _DRIVEN:
            homes = [o for p in tok.children if p.dep_ in {"prep", "prt"} and p.lower_ in {"from", "out"}
                     for o in [*_objects(p, {"of"}), *p.children] if o.dep_ == "pobj"]
        elif lemma in _LEAVING:
            homes = [c for c in tok.children if c.dep_ == "dobj"]
        else:
            return False
        return any(h.lemma_.lower() in _HOMES for h in homes) and modality_of(tok) == ACTUAL

    def _adjective(self, tok, attr: str) -> bool:
        """ "Three people are missing", "41 people were confirmed dead", "left 12 people dead", "at least nine
        dead": whether `tok` (a casualty adjective) was read as one."""
        if any(c.dep_ == "nummod" for c in tok.children):
            self._keep(tok, attr, tok)
            return True
        if tok.dep_ == "acomp" or any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
            holder, deps = (tok.head if tok.dep_ == "acomp" else tok), {"nsubj"}
        elif tok.dep_ in {"oprd", "ccomp", "xcomp"} and tok.head.lemma_.lower() in _STATING:
            holder, deps = tok.head, {"nsubjpass", "dobj"}
        elif tok.dep_ == "amod" and tok.i > tok.head.i and tok.head.dep_ in {"nsubjpass", "dobj"} \
                and tok.head.head.lemma_.lower() in _STATING:                  # "left 20,000 people homeless"
            holder, deps = tok.head.head, {tok.head.dep_}
        else:
            return False
        if not any(c.dep_ == "neg" for c in holder.children):
            for c in holder.children:
                if c.dep_ in deps:
                    self._keep(c, attr, tok)
        return True

    def _total_of(self, tok) -> str | None:
        """What a toll or number (`tok`) is a running total of: "the death toll", "the toll from the storm",
        "the number of dead", "of people killed" -> "dead"; None for any other toll or number."""
        if tok.lemma_.lower() == "toll":
            if any(c.dep_ == "compound" and c.lemma_.lower() == "death" for c in tok.children) or any(
                    o.lemma_.lower() in _INCIDENTS or self._name_of(o) for o in _objects(tok, {"from", "of"})):
                return "dead"
            bare = all(c.dep_ in {"det", "punct"} for c in tok.children)
            deaths = any(t.lemma_.lower() in _INCIDENTS and t.pos_ in {"NOUN", "PROPN"} or t.lower_ in _DEATHS
                         for t in tok.sent)
            return "dead" if bare and deaths else None                     # "..., bringing the toll to 49"
        for o in _objects(tok, {"of"}):
            if got := _TOTAL_OF.get(o.lower_) or _TOTAL_OF.get(o.lemma_.lower()):
                return got
            for c in o.children:                                              # "the number of people killed"
                if c.dep_ in {"acl", "amod"} and (got := _VERBS.get(c.lemma_.lower()) or _ADJECTIVES.get(c.lower_)):
                    return got
        return None

    def _total(self, tok, attr: str) -> None:
        """The figure a running total (`tok`) stands at: its own "of" ("a death toll of 12"), its verb's "to",
        "at" or "past" ("rose to 43", "stands at 43", "climbed past 40": more than 40) or object ("reached 43",
        "raising the death toll to two", "has topped 1,000": more than 1,000), where the verb states it."""
        verb = tok.head if tok.head.pos_ in {"VERB", "AUX"} and tok.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
        found = [(o, False) for o in _objects(tok, {"of"})]
        if verb is not None:
            if modality_of(verb) != ACTUAL:
                return                                                         # "could rise to 100"
            lemma = verb.lemma_.lower()
            found += [(o, False) for o in _objects(verb, {"to"}) + _objects(verb, {"at"})]
            found += [(o, True) for o in _objects(verb, _ABOVE_PREPS)]
            if tok.dep_ == "nsubj" and lemma in _AT_VERBS | _ABOVE_VERBS:
                found += [(c, lemma in _ABOVE_VERBS) for c in verb.children if c.dep_ in {"dobj", "attr"}]
        for o, above in found:
            if self._keep(o, attr, tok, above):
                return

    def _keep(self, noun, attr: str, tok, above: bool = False) -> bool:
        """Keep the count `noun` states (`above`: a figure passed, "more than" it) for the incident of `tok`:
        the name or place of its sentence's incident word (`_word`, `_named`), else the place on its toll ("the
        death toll in Gaza", "Italy's death toll"), else the article's incident with a name that word refers back
        to ("the storm" after "Typhoon Marites"), else a place elsewhere in its sentence, else the article's first
        incident named. An incident whose name is no entity takes a place of its sentence or none ("Tropical
        Storm Opong left ..."). Returns whether `noun` states a count."""
        got = count_phrase(noun, self.number)
        if got is None:
            return False
        value = f"more than {got[1]}" if above and got[0] == str(got[1]) else got[0]
        sent = tok.sent
        word = self._word(sent, tok)
        name = self._name_of(word) if word is not None else None
        subject = self._named(word, sent, wide=False) if word is not None else None
        if subject is None and tok.lemma_.lower() in {"toll", "number"}:
            on = [c for c in tok.children if c.dep_ == "poss"] + _objects(tok, {"in", "at"})    # "Italy's death toll"
            subject = next((p for o in on if (p := self._place(o))), None)
        if subject is None and name is None and word is not None and (named := self._named_of_article()) \
                and (word.lemma_.lower() == named[0] or {word.lemma_.lower(), named[0]} <= _STORMS):
            subject = named[1]
        if subject is None and word is not None:
            subject = self._named(word, self._clause(tok), wide=True)
        if subject is None and name is None:
            subject = self._incident_of_article()
        if subject:
            self.add([subject], f"count of {attr}", value, tok)
        return True

    def _word(self, sent, tok=None):
        """The incident word of `sent` a count (`tok`) is of: the one that is its subject ("a blast ... killed
        seven"), else one with a name of its own (`_name_of`: "Typhoon Marites ..., triggering landslides that
        killed"), else the first in its phrase ("the death toll from the storm"), before it, or in `sent`."""
        subject = [s for c in (tok.children if tok is not None else ()) if c.dep_ == "nsubj" for s in c.subtree]
        own = [s for s in tok.subtree if s.i > tok.i] if tok is not None and tok.pos_ == "NOUN" else []
        before = [t for t in reversed(sent) if tok is not None and t.i < tok.i]
        found = [t for t in [*subject, *own, *before, *sent]
                 if t.lemma_.lower() in _INCIDENTS and t.pos_ in {"NOUN", "PROPN"}]
        if not found or found[0].i in {s.i for s in subject}:
            return found[0] if found else None
        return next((x for x in found if self._name_of(x) is not None), found[0])

    def _named(self, word, sent, wide: bool) -> str | None:
        """The entity incident `word` is: its name, else the place on it ("the Minas Gerais floods", "Turkey's
        earthquake") or named after it in its clause ("a blast at a site in Leverkusen"), else (`wide`) anywhere
        in `sent` (a sentence or a clause) but its dateline ("two died in Marl after the explosion"). An
        incident with a name of its own that is no entity (`_name_of`) is another than the article's: its
        count takes its place or nothing."""
        if name := self._name_of(word):
            return name
        scope = word.head if word.dep_ in {"nsubj", "nsubjpass"} else word
        on = [s for c in word.children if c.dep_ in {"compound", "poss"} for s in c.subtree]
        after = [s for s in scope.subtree if s.i > word.i]
        return next((p for s in [*on, *after, *(sent if wide else ())] if (p := self._place(s))), None)

    @staticmethod
    def _clause(tok) -> list:
        """The tokens of the clause a count (`tok`) is stated in, with the clauses coordinated with it and those
        it hangs on without a subject of its own ("a blast ..., killing two", "landslides that killed 12"): "two
        died in Marl", not the "toured the town of Itabirito" that "as the death toll ... climbed to 41" hangs
        on, which names a place for something else."""
        top = tok
        while top.head.i != top.i and not (top.dep_ in _CLAUSES and any(
                c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} and c.tag_ not in {"WDT", "WP"}
                for c in top.children)):
            top = top.head
        return list(top.subtree)

    def _name_of(self, t) -> str | None:
        """The entity that names incident word `t`: an EVENT it is part of ("the Camp Fire"), or the name a
        storm's title is on ("Typhoon Marites", "Tropical Storm Opong", not "Hurricane Center"); "" for such a
        name that is no entity; None when `t` names none ("the storm")."""
        eid = self.index.direct(t)
        if eid and self.index.type_of(eid) == "EVENT":
            return eid
        name = t.head
        if t.lemma_.lower() not in _STORMS or not t.text[:1].isupper() or t.dep_ != "compound" \
                or name.i != t.i + 1 or name.pos_ != "PROPN":
            return None
        eid = self.index.direct(name)
        if eid is None:
            return ""
        first = t.i
        while first > 0 and self.index.direct(self.doc[first - 1]) == eid:
            first -= 1
        last = name.i
        while last + 1 < len(self.doc) and self.index.direct(self.doc[last + 1]) == eid:
            last += 1
        grades = all(x.lower_ in _GRADES or x.lemma_.lower() in _STORMS for x in self.doc[first:t.i])
        return eid if last == name.i and grades else None

    def _place(self, tok) -> str | None:
        """The place `tok` names where it happened: not a landmark ("near Houston"), not the dateline. A name the
        reader did not type as a place is one where the words around it make it one (`_placed`)."""
        eid = self.index.direct(tok)
        if eid and (self.index.type_of(eid) in _PLACE_TYPES or self._placed(tok, eid)) \
                and not self._landmark(tok) and tok.i >= self._body:
            return eid
        return None

    def _placed(self, tok, eid: str) -> bool:
        """Whether name `tok` (of entity `eid`, an organisation or facility to the reader: small models type many
        a foreign region so) stands as a place: "the state of Minas Gerais", "floods in Minas Gerais", "the
        Minas Gerais floods" (a natural incident, which no organisation causes: not "the Hamas attack")."""
        if self.index.type_of(eid) not in {"ORG", "FAC"}:
            return False
        head = tok
        while head.dep_ in {"compound", "flat"} and self.index.direct(head.head) == eid:
            head = head.head
        up = head.head
        if head.dep_ == "pobj":
            return up.lower_ == "of" and up.head.lemma_.lower() in _PLACE_NOUNS and up.head.pos_ == "NOUN" \
                or up.lower_ == "in" and up.head.lemma_.lower() in _NATURAL and up.head.pos_ == "NOUN"
        return head.dep_ == "compound" and up.lemma_.lower() in _NATURAL | _PLACE_NOUNS and up.pos_ == "NOUN"

    def _landmark(self, tok) -> bool:
        """Whether the place phrase of `tok` hangs on a preposition of nearness ("near Houston")."""
        t = tok
        while t.head.i != t.i and t.dep_ in {"compound", "pobj", "appos", "amod", "nmod", "poss"}:
            if t.dep_ == "pobj":
                return t.head.lower_ in _LANDMARK_PREPS
            t = t.head
        return False

    def _incident_of_article(self) -> str | None:
        """The first incident of the article with a name or place of its own (`_named`: "floods in Minas Gerais",
        not the "flood-hit town of Itabirito" before it), else with a place in its sentence; never its
        dateline's place."""
        if self._article_incident is False:
            own = (p for s in self.doc.sents for w in s if w.lemma_.lower() in _INCIDENTS
                   and w.pos_ in {"NOUN", "PROPN"} and (p := self._named(w, s, wide=False)))
            wide = (p for s in self.doc.sents if (w := self._word(s)) is not None and (p := self._named(w, s, True)))
            self._article_incident = next(own, None) or next(wide, None)
        return self._article_incident or None

    def _named_of_article(self) -> tuple[str, str] | None:
        """(incident lemma, entity) of the article's first incident with a name that is an entity, or None."""
        if self._article_name is False:
            self._article_name = next(((t.lemma_.lower(), eid) for t in self.doc
                                       if t.lemma_.lower() in _INCIDENTS and (eid := self._name_of(t))), None)
        return self._article_name
