"""Event words read by what they take: the object, particle or phrase that makes a common verb an event.

Many verbs name an event only with a given complement: "dismissed both
appeals" is a ruling where "dismissed the idea" is nothing, "cut its key
interest rate" is a rate decision where "cut jobs" is another story,
"walked off the job" is a strike where "walked off the pitch" is not. The
verbs and objects are data in types.py (`EventType.object_verbs`,
`objects`, `object_modifiers`); this module reads them off the parse.

    object_type(verb) -> EventType | None     the type a verb names by its object
    ruled_objects(verb) -> list[Token]        the object words that make it so
    object_owners(verb) -> list[Token]        whose they are: "WADA's appeal", "the case of X"
    legal_appeal(tok) -> bool                 "appealed against the ban", never "appealed for calm"
    walkout(verb) -> bool                     "walked out", "walked off the job"
    walkout_noun(tok) -> bool                 "a four-day strike", never "a drone strike on Kyiv"
    rate_compound(tok, etype) -> bool         "a rate cut", "an interest rate hike"
"""
from __future__ import annotations

from storyline.read.events.arguments import prep_objects, with_conjuncts
from storyline.read.events.types import COURT_WORDS, OBJECT_VERBS, EventType

_MODIFIERS = {"compound", "amod", "nmod"}
_WORK = {"job", "work", "jobs"}                     # "walked off the job"
_TIME_ENTS = {"DATE", "TIME"}


def verb_key(verb) -> str:
    """The verb's lemma, with its particle when it has one: "turn down", "throw out", "walk out"."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def _objects(verb) -> list:
    """A verb's objects: its direct objects, or when passive its subject ("the appeal was dismissed")."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    deps = {"dobj", "nsubjpass"} if passive else {"dobj"}
    return [t for c in verb.children if c.dep_ in deps for t in with_conjuncts(c)]


def _fits(noun, etype: EventType) -> bool:
    """Whether `noun` is one of `etype.objects`, said only with `etype.object_modifiers` ("its key interest
    rate", never "the unemployment rate")."""
    if noun.lemma_.lower() not in etype.objects and noun.lower_ not in etype.objects:
        return False
    allowed = etype.object_modifiers
    return allowed is None or all(c.lower_ in allowed or c.lemma_.lower() in allowed
                                  for c in noun.children if c.dep_ in _MODIFIERS)


def ruled_objects(verb) -> list:
    """The objects of `verb` that make it an event of its `OBJECT_VERBS` type; [] when none does."""
    etype = OBJECT_VERBS.get(verb_key(verb))
    if etype is None:
        return []
    return [o for o in _objects(verb) if _fits(o, etype)]


def object_type(verb) -> EventType | None:
    """The event type `verb` names by its object ("dismissed both appeals": verdict; "cut its key interest
    rate": rate decision; "stopped work": strike), or None."""
    return OBJECT_VERBS[verb_key(verb)] if ruled_objects(verb) else None


def object_owners(verb) -> list:
    """The words naming whose the objects of `verb` are: their possessors and names ("WADA's appeal", "the
    WADA appeal", "her ban"), their of/for/against phrases ("the conviction of X", "the ban for X"), and a
    case the verb is said in ("dismissed both appeals in the doping case of X")."""
    out = []
    objs = ruled_objects(verb)
    if objs:
        objs += [p for p in prep_objects(verb, {"in"}) if p.lemma_.lower() == "case"]
    for obj in objs:
        for c in obj.children:
            if c.dep_ == "poss" or c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN":
                out.extend(with_conjuncts(c))
        out.extend(prep_objects(obj, {"of", "for", "against"}))
    return out


def legal_appeal(tok) -> bool:
    """Whether the verb or noun "appeal" is an appeal against a ruling ("WADA has appealed against the ban",
    "she would appeal to the Court of Arbitration for Sport", "lodged her own appeal"), not a plea: never
    with "for" ("appealed for calm"), an infinitive or clause ("appealed to residents to stay indoors"), or a
    "to" phrase naming no court ("appealed to voters")."""
    if prep_objects(tok, {"for"}) or any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children):
        return False
    return all(p.pos_ == "PROPN" or p.lemma_.lower() in COURT_WORDS for p in prep_objects(tok, {"to"}))


def walkout(verb) -> bool:
    """Whether `verb` is workers walking out: "walked out" (never "walked out of prison", leaving a place),
    "walked off the job"."""
    if verb.lemma_.lower() != "walk":
        return False
    if any(c.dep_ in {"prt", "advmod"} and c.lower_ == "out" for c in verb.children):
        return not prep_objects(verb, {"of"})
    return any(p.lemma_.lower() in _WORK for p in prep_objects(verb, {"off", "out"}))


def walkout_noun(tok) -> bool:
    """Whether the noun "strike" is a walkout: not a player's shot ("Messi's strike"), not an attack on a
    target ("strikes on Kyiv"); its kinds of attack ("a drone strike") are `EventType.other_kinds`."""
    if tok.lemma_.lower() != "strike":
        return True
    if any(c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in tok.children):
        return False
    return not any(p.ent_type_ not in _TIME_ENTS for p in prep_objects(tok, {"on"}))


def rate_compound(tok, etype: EventType) -> bool:
    """Whether a noun of a type with `compound_nouns` has one as its compound, itself said only with
    `object_modifiers`: "a rate cut", "an interest rate hike", never "a tax cut", "a mortgage rate cut"."""
    return any(c.dep_ == "compound" and c.lemma_.lower() in etype.compound_nouns and _fits(c, etype)
               for c in tok.children)
