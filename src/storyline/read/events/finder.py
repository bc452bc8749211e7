"""Events in one article: who did what to whom, where, when, and how sure.

Triggers come from the schema in types.py (verbs and nouns by lemma);
the arguments from the dependency parse (passive subjects are patients, "by"
phrases agents, a noun trigger takes its possessor, its "of"/"between"/
"involving" complements and the subject of the verb that carries it:
"Moscow and Washington completed a swap"). One happening gives one event:
triggers in a sentence that name the same kind of thing with overlapping
participants are merged, "freed X in exchange for Y" is one exchange, and a
definite noun naming again an event told earlier ("the Griner-Bout
exchange") is that event, not a second one.

Events are kept only when they say something checkable: a named participant,
or a place or date for kinds that often have none (protests, attacks).
"""
from __future__ import annotations

from typing import Sequence

from storyline.read.events import timing as event_time
from storyline.read.events.arguments import (PLACE_TYPES, SUBJECTS, EntityIndex, find_place, prep_objects,
                                             sentence_mention, with_conjuncts)
from storyline.read.events.complements import (legal_appeal, object_owners, object_type, rate_compound,
                                               ruled_objects, walkout, walkout_noun)
from storyline.read.events.types import (APPOINT_VERBS, BY_NAME, CAPITALS, LIGHT_VERBS, NOT_POSTS, NOUN_TYPES,
                                        PERSON_STAND_INS, POST_INFINITIVES, POST_RANKS, POST_VERBS, POSTS, SAY_VERBS,
                                        VERB_TYPES, EventType)
from storyline.read.events.modality import modality_of, own_modality
from storyline.records import DateRange, Entity, Event, Mention, TimeExpression

_PATIENT_SUBJECT = {"die"}                  # "X died": the subject undergoes it
_NOUN_PREP_ROLES = {"of": None, "between": "participant", "with": "with", "involving": "participant",
                    "for": "participant", "against": "patient", "on": "patient", "including": "participant",
                    "by": "agent"}
_PHONE = {"phone", "telephone", "video"}
_NAMED_DOCUMENTS = {"LAW", "EVENT"}          # "the Paris Agreement", "the Treaty of Rome": a name that is the event
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_QUOTES = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb"}


class _Draft:
    """An event under construction: tokens and entity ids, turned into an Event at the end."""

    def __init__(self, etype: EventType, trigger, text: str, anchors=()):
        self.type = etype
        self.trigger = trigger
        self.anchors = [trigger, *anchors]
        self.parts: list[tuple[str, str]] = []
        self.has_stand_in = False
        self.time: DateRange | None = None
        self.time_from_text = False
        self.place: str | None = None
        self.open_subject = False            # no word fills the subject slot: it may come from context
        self.cause: _Draft | None = None     # the incident a death came of (`_caused_by_incidents`)
        end = text.find("\n", trigger.idx)
        self.line = (text.rfind("\n", 0, trigger.idx) + 1, len(text) if end < 0 else end)

    def arg(self, role: str, tok, index: EntityIndex) -> None:
        """Add the entity of `tok`, if it sits on the trigger's line (a parse can run across lines)."""
        if self.line[0] <= tok.idx < self.line[1]:
            self.add(role, index.of_token(tok))

    def add(self, role: str, eid: str | None) -> None:
        if eid and all(eid != e for _, e in self.parts):
            self.parts.append((role, eid))

    @property
    def ids(self) -> set[str]:
        return {e for _, e in self.parts}


def _subject(tok):
    """(The subject of a verb, whether it undergoes the verb), the subject borrowed from the verb it is
    coordinated with or controlled by. A controlling verb's passive says nothing of the controlled one's:
    in "the bank is expected to cut rates" the bank cuts."""
    controlled = False
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in SUBJECTS:
                return c, c.dep_ == "nsubjpass" and not controlled
        if tok.dep_ in {"conj", "xcomp"} and tok.head.i != tok.i:
            controlled = controlled or tok.dep_ == "xcomp"
            tok = tok.head
            continue
        return None, False
    return None, False


def _is_passive(tok) -> bool:
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return True
    if tok.tag_ == "VBN" and tok.dep_ in {"acl", "relcl"} and not any(c.dep_ == "nsubj" for c in tok.children):
        return True
    if tok.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in tok.children):
        return _is_passive(tok.head)
    return False


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """True when [start, end) lies inside a quotation in its paragraph."""
    para_start = text.rfind("\n", 0, start) + 1
    depth_open = None
    for ch in text[para_start:start]:
        if depth_open is None and ch in _QUOTES:
            depth_open = _QUOTES[ch]
        elif depth_open is not None and ch == depth_open:
            depth_open = None
    return depth_open is not None


def _is_post(tok) -> bool:
    """Whether a noun names an office: "chief executive", "CEO", "the board", also a noun a rank makes one
    ("chief economist", "head scientist", `POST_RANKS`); not "the officer who fired", not "the chief suspect"."""
    if any(c.dep_ == "relcl" for c in tok.children):
        return False
    if tok.lemma_.lower() in POSTS or tok.lower_ in POSTS:
        return True
    return tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() not in NOT_POSTS and any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in POST_RANKS for c in tok.children)


# the prepositions that put a post after a verb of each kind: "named as", "promoted to"; "fired as", "removed from"
_POST_PREPS = {"appointment": frozenset({"as", "to"}), "resignation": frozenset({"as", "from"})}


def post_of(verb, preps: frozenset[str] = frozenset({"as", "to", "from"})):
    """The post a verb of appointing or removing puts someone in or out of, or None.

    Read off the verb's complements: a predicate ("was named CEO"), a
    phrase of one of `preps` ("named X as chief executive", also when the
    parser hung "as" on the object; "promoted to chief operating officer",
    "removed from office"), or an infinitive that says the post by its work
    ("named X to lead the company"). Returns the token of the post (the verb
    of the infinitive). A verb with a particle is another verb ("picked up
    X from his office"): None.
    """
    if any(c.dep_ == "prt" for c in verb.children):
        return None
    holders = [tok for tok in verb.children if tok.dep_ in {"dobj", "nsubjpass", "oprd"}]
    for c in verb.children:
        if c.dep_ == "oprd" and _is_post(c):
            return c
        if c.dep_ == "xcomp" and c.lemma_.lower() in POST_INFINITIVES and any(
                a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
            return c
    for c in [*verb.children, *(g for h in holders for g in h.children)]:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and any(_is_post(t) for t in with_conjuncts(p)):
                    return p
    return None


def _post_kind(tok) -> bool:
    """Whether `tok` is a verb of appointing or removing: "appointed", "ousted", or one of `POST_VERBS` with a
    post ("named X as chief executive")."""
    lemma = tok.lemma_.lower()
    if lemma in APPOINT_VERBS:
        return True
    return lemma in POST_VERBS and post_of(tok, _POST_PREPS[POST_VERBS[lemma].name]) is not None


def _holders(verb) -> list:
    """The words that name whom a verb of appointing or removing puts in or out of a post.

    Its object ("named Jane Roe as chief executive"); a predicate that is no
    post, which is how the small model often reads the person named before
    an "as" phrase ("named Robert Iger as chief executive": Iger an oprd);
    and, when the predicate is the post, the names the model hung on it
    ("named William Dudley chief economist": Dudley a modifier of
    "economist"), when they are a person's ("named Acme Corp chief
    executive" names a post of Acme's).
    """
    out = []
    for c in verb.children:
        if c.dep_ == "dobj" or c.dep_ == "oprd" and not _is_post(c):
            out.extend(with_conjuncts(c))
        elif c.dep_ == "oprd":
            out.extend(g for g in c.children if g.dep_ in {"compound", "nmod"} and g.ent_type_ == "PERSON")
    return out


def _verb_type(tok) -> EventType | None:
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ == "amod":
        return None
    lemma = tok.lemma_.lower()
    if lemma in POST_VERBS:                   # "named X as chief executive", "fired as coach"
        etype = POST_VERBS[lemma]
        return etype if post_of(tok, _POST_PREPS[etype.name]) is not None else object_type(tok)
    if lemma in {"speak", "talk"} and any(o.lemma_.lower() in _PHONE for o in prep_objects(tok, {"by", "on", "over"})):
        return BY_NAME["call"]
    if lemma == "find" and any(c.dep_ in {"oprd", "acomp", "ccomp"} and c.lower_ == "guilty" for c in tok.children):
        return BY_NAME["conviction"]
    if lemma in {"step", "stand"} and any(
            c.dep_ in {"prt", "advmod"} and c.lower_ in {"down", "aside"} for c in tok.children):
        return BY_NAME["resignation"]         # "stepped down", "stood down as", "stepped aside"
    if lemma == "plead" and not any(c.lower_ == "guilty" for c in tok.children):
        return None
    if lemma == "concede" and any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
        return None                           # "conceded that mistakes were made" is a statement
    if lemma == "appeal" and not legal_appeal(tok):
        return None                           # "appealed for calm"
    if walkout(tok):
        return BY_NAME["strike"]              # "walked out", "walked off the job"
    return VERB_TYPES.get(lemma) or object_type(tok)     # "dismissed both appeals", "cut interest rates"


def _capitalised_by_place(tok) -> bool:
    """Whether `tok` may be capitalised for where it stands rather than for being a name: the first word
    of its sentence, or a word of a headline written in title case."""
    sent = tok.sent
    first = next((t for t in sent if t.is_alpha), None)
    if first is not None and first.i == tok.i:
        return True
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)


def name_kind(tok, index: EntityIndex) -> str | None:
    """The kind of name `tok` is written in, or None when it is an ordinary word.

    The entity type of the mention it lies in ("Stan Deal": PERSON), or
    "PROPN" for a capitalised proper noun the entity reader took for no
    name: written so inside a sentence (not its first word, not in a
    title-case headline) and without the article a named document or
    meeting takes ("the Paris Agreement", "the G20 Summit").
    """
    eid = index.direct(tok)
    if eid is not None:
        return index.type_of(eid) or "NAME"
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or _capitalised_by_place(tok):
        return None
    if any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in tok.children):
        return None
    return "PROPN"


def _said_with(tok, words: frozenset[str]) -> bool:
    """Whether the noun `tok` is said with one of `words`: among its modifiers ("a bail hearing"), in its
    in/at/before phrases ("a hearing in federal court", "before Judge X"), or with the verb that carries
    it ("the judge set a hearing", "the judge said at a hearing", "appeared in court for a hearing")."""
    def near(t) -> list:
        out = []
        for c in t.children:
            if c.dep_ in {"compound", "amod", "nmod", "poss"} and t is tok:
                out.extend(c.subtree)
            elif c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "at", "before", "by"} and c.i != tok.head.i:
                out.extend(c.subtree)
            elif c.dep_ in {"nsubj", "nsubjpass"} and t is not tok:
                out.extend(c.subtree)
        return out
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    found = near(tok) + (near(head) if head.pos_ in {"VERB", "AUX"} and head.i != tok.i else [])
    return any(t.lemma_.lower() in words or t.lower_ in words for t in found)


def _names_a_document(tok, name: str) -> bool:
    """Whether a name is a document's: a LAW or EVENT entity, or an ORG one with "the" on `tok`."""
    return name in _NAMED_DOCUMENTS or name == "ORG" and any(c.dep_ == "det" and c.lower_ == "the"
                                                             for c in tok.children)


def _noun_type(tok, name: str | None = None) -> EventType | None:
    """The event type a noun names, or None.

    `name`: what `name_kind` says of it. In a name only a treaty's or an
    agreement's is the event: a LAW or EVENT entity ("the Paris Agreement"),
    or an organisation with the article a document takes (the small model
    tags "the Treaty on Mutual Legal Assistance" ORG); never a person's,
    a place's or a company's ("Boeing's Stan Deal").
    """
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ == "compound":
        return None
    etype = NOUN_TYPES.get(tok.lemma_.lower()) or NOUN_TYPES.get(tok.lower_)
    if etype is None:
        return None
    if name is not None and not (etype.name in {"treaty", "agreement"} and _names_a_document(tok, name)):
        return None                           # "the New York Stock Exchange" is a name, not a swap
    if tok.lemma_.lower() in etype.context_nouns and not _said_with(tok, etype.context):
        return None                           # "a Senate hearing" is no trial
    if any(c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in etype.other_kinds for c in tok.children):
        return None                           # "a clinical trial", "a travel ban", "a drone strike"
    if etype.compound_nouns and not rate_compound(tok, etype):
        return None                           # "a rate cut", never "a tax cut"
    if etype.name == "appeal" and not legal_appeal(tok) or etype.name == "strike" and not walkout_noun(tok):
        return None                           # "an appeal for calm", "Messi's strike", "strikes on Kyiv"
    if etype.name == "call":
        kids = {c.lemma_.lower() for c in tok.children}
        if not (kids & _PHONE or any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children)):
            return None
    if etype.name == "exchange" and tok.lower_ == "trade" and not any(
            c.lemma_.lower() in PERSON_STAND_INS for c in tok.children):
        return None
    if etype.noun_heads is not None:
        head = tok.head
        while head.dep_ == "conj" or tok.dep_ == "conj" and head.i == tok.head.i and head.pos_ == "NOUN":
            if head.head.i == head.i:
                break
            head = head.head
            if head.pos_ != "NOUN":
                break
        if head.lemma_.lower() not in etype.noun_heads and tok.dep_ not in {"ROOT"}:
            return None
    return etype


def _verb_args(d: _Draft, index: EntityIndex, tok) -> None:
    subj, subj_passive = _subject(tok)
    passive = _is_passive(tok) or subj_passive
    holders = _holders(tok) if _post_kind(tok) else []
    if tok.dep_ in {"acl", "relcl"} and tok.tag_ == "VBN" and subj is None:
        # "Jane Roe, named as chief executive": the noun is the one named; "The board named Jane Roe as
        # chief executive", which the small model reads as a board called Jane Roe, names someone of its
        # own: the noun is who named them
        passive = passive and not holders
        for t in with_conjuncts(tok.head):
            d.arg("agent" if holders else "patient", t, index)
    d.open_subject = subj is None and tok.dep_ not in {"acl", "relcl", "amod"}
    if subj is not None:
        role = "patient" if passive or tok.lemma_.lower() in _PATIENT_SUBJECT else "agent"
        # the parser may give a verb two subjects ("The Spanish runner Monica Ibanez was banned": runner, Ibanez)
        for s in [c for c in subj.head.children if c.dep_ == subj.dep_] or [subj]:
            for t in with_conjuncts(s):
                d.arg(role, t, index)
    for t in holders:                         # "named Robert Iger as chief executive", "named X chief economist"
        d.arg("patient", t, index)
    for c in tok.children:
        if c.dep_ in {"dobj", "attr"} and d.type.name != "statement":
            for t in with_conjuncts(c):
                d.arg("patient" if d.type.name != "meeting" else "with", t, index)
        elif c.dep_ == "dative" or (c.dep_ == "dobj" and d.type.name == "statement"):
            for t in with_conjuncts(c):
                d.arg("recipient", t, index)
    for c in tok.children:                    # "found Ellen Wu guilty": a small clause
        if c.lower_ == "guilty" and c.dep_ == "ccomp":
            for t in (g for g in c.children if g.dep_ == "nsubj"):
                d.arg("patient", t, index)
    for t in prep_objects(tok, {"by"}):
        if passive:
            d.arg("agent", t, index)
    for t in prep_objects(tok, {"with"}):
        if d.type.name in {"meeting", "call", "agreement", "exchange", "treaty"}:
            d.arg("with", t, index)
    for t in prep_objects(tok, {"for"}):
        if d.type.name == "exchange":
            d.arg("patient", t, index)
    for t in prep_objects(tok, {"to"}):
        if d.type.name in {"extradition", "statement"}:
            d.arg("destination" if d.type.name != "statement" else "recipient", t, index)


_HANDED = {"hand", "give", "impose", "issue", "deliver", "grant"}      # "the two-year ban handed to X"
_ON_VERBS = {"go", "be", "remain", "stay", "walk", "come"}             # "went on strike", "went on trial"


def _noun_args(d: _Draft, index: EntityIndex, tok) -> None:
    owner = d.type.noun_owner_role
    if prep_objects(tok, set(d.type.owner_is_agent_with)):
        owner = "agent"                       # "the EU's ban on Russian oil" is the EU's doing
    d.open_subject = not any(c.dep_ in {"poss", "acl"} or c.dep_ == "prep" and c.lower_ in {"of", "for", "against"}
                             for c in tok.children)
    for c in tok.children:
        if c.dep_ in {"poss", "compound", "nmod"}:
            if c.lemma_.lower() in PERSON_STAND_INS:
                d.has_stand_in = True
            for t in [c, *[g for g in c.children if g.dep_ in {"compound", "conj"}]]:
                if index.direct(t) and not index.place(t) or c.dep_ == "poss":
                    d.arg(owner if c.dep_ == "poss" else "participant", t, index)
    for prep, role in _NOUN_PREP_ROLES.items():
        for t in prep_objects(tok, {prep}):
            d.arg(role or owner, t, index)
    for c in tok.children:                     # "a swap involving A, who ..., and B", "a treaty signed by X"
        if c.dep_ == "acl" and c.pos_ == "VERB":
            d.anchors.append(c)
            for t in prep_objects(c, {"by"}):
                d.arg("agent", t, index)
            if owner == "patient" and c.lemma_.lower() in _HANDED:
                for t in prep_objects(c, {"to", "on"}):
                    d.arg("patient", t, index)
            for obj in (o for o in c.children if o.dep_ == "dobj"):
                for t in obj.subtree:
                    if index.type_of(index.direct(t)) == "PERSON" and t.dep_ not in {"pobj"} or t.i == obj.i:
                        d.arg("participant", t, index)
    gov = tok
    while gov.dep_ == "conj" and gov.head.i != gov.i:   # "a verdict and sentence are expected"
        gov = gov.head
    head = tok.head if gov is tok else gov.head
    if gov.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        d.anchors.append(head)                # "the verdict is expected on August 5": its time
        if gov.dep_ == "nsubjpass" and head.lemma_.lower() in LIGHT_VERBS:
            for t in prep_objects(head, {"by"}):  # "The agreement was signed on Thursday by the union and the ABTP"
                d.arg("agent", t, index)
    elif gov.dep_ in {"dobj", "nsubjpass", "attr"} and head.lemma_.lower() in LIGHT_VERBS:
        d.anchors.append(head)
        subj, passive = _subject(head)
        if subj is not None and not passive:
            for t in with_conjuncts(subj):
                d.arg("agent", t, index)
        for t in prep_objects(head, {"with", "between"}):
            d.arg("with", t, index)
    elif gov.dep_ == "dobj" and head.lemma_.lower() in d.type.borne_by:
        d.anchors.append(head)                # "she faces a ban of up to four years"
        subj, passive = _subject(head)
        if subj is not None and not passive:
            for t in with_conjuncts(subj):
                d.arg("patient", t, index)
    elif gov.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in _ON_VERBS:
        d.anchors.append(head.head)           # "dockers went on strike on Monday"
        subj, passive = _subject(head.head)
        if subj is not None and not passive:
            for t in with_conjuncts(subj):
                d.arg(owner if owner != "participant" else "agent", t, index)


def _statement(index: EntityIndex, tok, text: str) -> _Draft | None:
    """A named speaker saying something: "X said", "X told Y", "according to X", "X's comments".

    The speaker (agent) is the subject; whom they told is the recipient ("he told Reuters"), never the
    speaker: with no speaker named (a pronoun nothing resolves), there is no statement event.
    """
    lemma = tok.lemma_.lower()
    if lemma not in SAY_VERBS and lemma != "accord" and tok.pos_ != "NOUN":
        return None
    d = _Draft(BY_NAME["statement"], tok, text)
    if lemma == "accord" and tok.dep_ == "prep":
        for t in prep_objects(tok, {"to"}) or [p for c in tok.children for p in c.children if p.dep_ == "pobj"]:
            d.arg("agent", t, index)
    elif lemma in SAY_VERBS and tok.pos_ == "VERB" and tok.dep_ not in {"amod", "xcomp", "pcomp", "acl"}:
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None and tok.dep_ == "conj":
            subj, passive = _subject(tok)
            if passive:
                subj = None
        if subj is None:
            return None
        for t in with_conjuncts(subj):
            d.arg("agent", t, index)
        for c in tok.children:
            if c.dep_ in {"dobj", "dative"} and lemma in {"tell", "inform", "brief"}:
                d.arg("recipient", c, index)
    else:
        return None
    if not any(role == "agent" for role, _ in d.parts) or _inside_quotes(text, tok.idx, tok.idx + len(tok)):
        return None                           # "..., he told Reuters" with "he" unresolved: only the hearer is named
    return d


def _find_drafts(doc, index: EntityIndex) -> list[_Draft]:
    doc_text = index.text
    drafts: list[_Draft] = []
    # "CAS dismissed both appeals", "upheld the ban": the ruling is the event told, not another appeal or ban
    ruled = {o.i for tok in doc if tok.pos_ in {"VERB", "AUX"} for o in ruled_objects(tok)}
    for tok in doc:
        name = name_kind(tok, index)
        # a verb is read inside a mention unless written as part of the name ("Free" of an army's name)
        etype = _verb_type(tok) if name is None or not tok.text[:1].isupper() else None
        if etype is not None:
            d = _Draft(etype, tok, doc_text)
            _verb_args(d, index, tok)
            for t in object_owners(tok):      # "dismissed WADA's appeal", "... in the doping case of X"
                d.arg("patient", t, index)
            for pobj in prep_objects(tok, {"in"}):   # "freed X in exchange for Y": one exchange
                if pobj.lemma_.lower() in {"exchange", "return", "swap"}:
                    d.type = BY_NAME["exchange"]
                    d.anchors.append(pobj)
                    for t in prep_objects(pobj, {"for"}):
                        d.arg("patient", t, index)
            drafts.append(d)
            continue
        etype = _noun_type(tok, name) if tok.i not in ruled else None
        if etype is not None and etype.name == "statement":
            d = _statement(index, tok, doc_text) if any(c.dep_ == "poss" for c in tok.children) else None
            if d is None:
                d = _Draft(etype, tok, doc_text)
                _noun_args(d, index, tok)
                if not any(r == "agent" for r, _ in d.parts):
                    continue
            drafts.append(d)
            continue
        if etype is not None:
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and _verb_type(tok.head.head):
                continue                              # already read with its verb ("in exchange for")
            d = _Draft(etype, tok, doc_text)
            _noun_args(d, index, tok)
            drafts.append(d)
            continue
        d = _statement(index, tok, doc_text)
        if d is not None:
            drafts.append(d)
    return drafts


# Offices of the court: a judge, prosecutor or lawyer named near a legal event runs it or argues it, and is
# not whom it concerns ("Judge Ortiz set sentencing for Nov. 14").
COURT_OFFICES = frozenset("""
judge justice magistrate prosecutor attorney lawyer counsel defender solicitor barrister
""".split())


def _inherit_subjects(drafts: list[_Draft], index: EntityIndex) -> None:
    """A legal event with no participant (`inherits_subject`) concerns the person its own sentence is about
    ("Whitfield has been held since the September 18 verdict"), else the previous sentence's, unless that
    person is a source there (the subject of a speech verb: "Stein said ... . Sentencing was set for Nov. 14")
    or holds an office of the court (`COURT_OFFICES`)."""
    for d in drafts:
        if d.parts or not d.type.inherits_subject or not d.open_subject:
            continue
        prev = index.previous_sentence(d.trigger.sent)
        for sent in (d.trigger.sent, prev):
            if sent is None:
                continue
            subject = index.subject_of(sent)
            if subject is None or subject[1].lemma_.lower() in SAY_VERBS:
                continue
            eid = subject[0]
            roles = " ".join(index.by_id[eid].roles).lower().split() if eid in index.by_id else []
            if not COURT_OFFICES.intersection(roles):
                d.add("patient", eid)
                break


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per happening: same kind, same sentence, overlapping (or no) named participants."""
    out: list[_Draft] = []
    for d in drafts:
        twin = next((o for o in out if o.type.name == d.type.name and o.trigger.sent == d.trigger.sent
                     and (o.ids & d.ids or not d.ids or not o.ids)
                     and (d.type.name != "statement" or o.ids & d.ids)), None)
        if twin is None:
            out.append(d)
            continue
        for role, eid in d.parts:
            twin.add(role, eid)
        twin.anchors.extend(d.anchors)
        twin.has_stand_in = twin.has_stand_in or d.has_stand_in
    return out


_DEFINITE = {"the", "this", "that"}
# words that make a definite noun another happening of the kind ("the new agreement", "the next swap")
_ANOTHER = {"new", "another", "other", "second", "third", "next", "latest", "last", "previous", "earlier", "first",
            "further", "more", "future", "fresh", "later", "recent", "possible", "potential", "proposed"}


def _retold(d: _Draft, earlier: list[_Draft]) -> bool:
    """Whether `d` is a definite noun naming again an event the article told before ("Russia swapped
    Griner for Bout in December. ... the Griner-Bout exchange"): the same kind, its named participants
    among that event's, no word that makes it another one. Such a mention is that event, not a second
    one; it takes no date from the other sentence (timing dates each event by its own sentence only)."""
    tok = d.trigger
    if tok.pos_ not in {"NOUN", "PROPN"} or not d.ids or d.type.name == "statement":
        return False
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE or c.dep_ == "poss" for c in tok.children):
        return False
    if any(c.lower_ in _ANOTHER for c in tok.children) or tok.tag_ in {"NNS", "NNPS"}:
        return False
    return any(o.type.name == d.type.name and d.ids <= o.ids and o.trigger.sent.start != tok.sent.start
               for o in earlier)


def _keep(d: _Draft, index: EntityIndex) -> bool:
    if d.type.name in {"meeting", "agreement"} and d.trigger.pos_ == "VERB" and len(d.ids) < 2:
        return False                          # "failed to meet the needs", "agreed with her opponent"
    if d.type.needs_patient:                  # "was banned for two years", never "banned imports"
        return any(role == "patient" and index.type_of(e) not in PLACE_TYPES for role, e in d.parts)
    if d.type.dated_alone and not d.parts:
        return bool(d.time)                   # "members voted on Thursday", "dockers walked out on Monday"
    if d.type.needs_person:
        if d.has_stand_in and not d.ids:
            return bool(d.time or d.place)
        return any(index.type_of(e) not in {"GPE", "LOC", "FAC", ""} for e in d.ids) or any(
            index.type_of(e) == "" for e in d.ids)
    if d.type.name == "incident" or d.cause is not None:
        return bool(d.time)                   # "the March 13 blast", and the deaths it caused
    return bool(d.parts) or bool(d.place and d.time)


def _caused_by_incidents(drafts: list[_Draft]) -> None:
    """Link each death to the incident of its sentence that caused it, and give each the place and time the
    other has where it has none: "the March 13 explosion in Pasadena, which killed two workers", "The blast at
    the plant in Marl killed three workers on March 4", "An explosion tore through a plant in Marl on Tuesday,
    killing two workers", "died as a result of the March 13 blast". The cause is an incident whose noun the
    death's relative clause describes (the parser may hang the clause on a noun of its phrases: "the explosion
    at the plant in Pasadena, which"), that is the death's subject or the object of its prepositions, or whose
    clause the death's participle goes with. A death "from injuries suffered in Tuesday's explosion" came
    later and is not linked."""
    incidents = [d for d in drafts if d.type.name == "incident"]
    for d in drafts:
        if d.type.name != "death":
            continue
        trig = d.trigger
        cause = next((o for o in incidents if o.trigger.sent == trig.sent and (
            trig.dep_ in {"relcl", "acl"} and _phrase_of(trig.head, o.trigger, any_noun=True)
            or _phrase_of(o.trigger, trig, any_noun=False)
            or trig.tag_ == "VBG" and trig.dep_ in {"advcl", "acl"} and trig.head.i in {a.i for a in o.anchors})),
            None)
        if cause is not None:
            d.cause = cause
            d.time, cause.time = d.time or cause.time, cause.time or d.time
            d.place, cause.place = d.place or cause.place, cause.place or d.place


_CAUSE_NOUNS = frozenset({"result", "consequence"})       # "died as a result of the blast"


def _phrase_of(tok, target, any_noun: bool) -> bool:
    """Whether `target` is reached from `tok` up subject, preposition and prepositional-object arcs, through
    prepositions and (`any_noun`) any noun or (else) only `_CAUSE_NOUNS` on the way."""
    t = tok
    for _ in range(8):
        if t.i == target.i:
            return True
        if t.dep_ not in {"nsubj", "nsubjpass", "prep", "pobj"} or t.head.i == t.i:
            return False
        if t is not tok and t.pos_ != "ADP" and not any_noun and t.lemma_.lower() not in _CAUSE_NOUNS:
            return False
        t = t.head
    return False


def _add_capital_states(d: _Draft, index: EntityIndex, by_name: dict[str, str]) -> None:
    """ "signed by Washington and Moscow": the states act, so list them too."""
    if d.type.name not in {"treaty", "agreement", "exchange", "meeting", "call"}:
        return
    for role, eid in list(d.parts):
        entity = index.by_id.get(eid)
        if entity is None or entity.type not in {"GPE", "ORG", "LOC"}:
            continue
        for state in CAPITALS.get(entity.name.lower().removeprefix("the "), ()):
            if state.lower() in by_name:
                d.add(role, by_name[state.lower()])
                break


def find_events(doc, entities: Sequence[Entity], times: Sequence[TimeExpression],
                published: DateRange | None) -> list[Event]:
    index = EntityIndex(doc, entities)
    by_name: dict[str, str] = {}
    for e in entities:
        for n in (e.name, *e.aliases):
            by_name.setdefault(n.lower().removeprefix("the "), e.id)
    drafts = _find_drafts(doc, index)
    _inherit_subjects(drafts, index)
    drafts = _merge(drafts)
    drafts = [d for k, d in enumerate(drafts) if not _retold(d, drafts[:k])]
    for d in drafts:
        d.place = find_place(index, d.anchors)
        _add_capital_states(d, index, by_name)
    event_time.date_drafts(drafts, sorted(times, key=lambda t: t.start), published)
    _caused_by_incidents(drafts)
    events = []
    for d in drafts:
        if not _keep(d, index):
            continue
        trig = d.trigger
        anchors = [a for a in d.anchors[1:] if a.pos_ in {"VERB", "AUX"}]
        events.append(Event(
            type=d.type.name,
            trigger=Mention(trig.idx, trig.idx + len(trig), trig.text),
            sentence=sentence_mention(doc, trig, index.text),
            participants=tuple(d.parts),
            place=d.place,
            time=d.time,
            modality=modality_of(trig, anchors) if d.type.name != "statement" else own_modality(trig),
        ))
    return events
