"""Titles and roles of people: what a news text says someone is.

News copy attaches a role to a name in two places: glued before it
("Russian Deputy Foreign Minister Ann Example", "former US Marine Jo Doe") or
in an apposition after it ("Jo Doe, a notorious arms dealer, ..."). Both are
read off the parse and split into a `Role`: the title proper, the
organisation or country it hangs from, and whether it is a former one.

The word lists here are the vocabulary of titles and occupations that news
uses for people; `entities.py` uses the same lists to recognise a person
described without a name ("the spokeswoman", "Russia's top diplomat").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from storyline.read.entities import places

# Head nouns that denote a person by office or occupation.
TITLE_HEADS = frozenset("""
president vice-president premier chancellor minister secretary secretary-general spokesman spokeswoman
spokesperson governor mayor senator congressman congresswoman lawmaker legislator representative
ambassador diplomat envoy official officer general colonel commander admiral marine soldier pilot
businessman businesswoman tycoon oligarch billionaire entrepreneur investor executive ceo founder
chairman chairwoman chair director chief head leader dealer smuggler trafficker player star champion
coach striker center centre guard forward goalkeeper athlete gymnast swimmer boxer cyclist runner
medalist medallist winner lawyer attorney prosecutor judge magistrate journalist reporter correspondent
editor columnist activist dissident campaigner economist analyst expert professor scientist researcher
doctor nurse author novelist writer poet artist singer actor actress musician rapper producer priest
bishop archbishop pope cardinal imam rabbi king queen prince princess monarch emperor sheikh dictator
candidate nominee negotiator mediator adviser advisor aide counsel commissioner inspector detective
sheriff constable superintendent captain sergeant lieutenant spy agent veteran prisoner detainee inmate hostage suspect defendant
convict teacher student ruler strongman speaker whip deputy councilman councilwoman councilmember councillor
councilor alderman alderwoman treasurer comptroller
""".split())

# Heads that describe a person without an office ("the 31-year-old", "a Michigan man").
PERSON_NOUNS = TITLE_HEADS | frozenset("""
man woman boy girl mother father son daughter wife husband teenager teen citizen national resident
native
""".split())

# Words that belong inside a title rather than describing its holder.
TITLE_MODIFIERS = frozenset("""
deputy vice prime foreign interior home defense defence finance justice health press chief first
general attorney assistant acting senior top state national security secretary foreign-affairs
supreme high special federal
""".split())

FORMER = frozenset({"former", "ex", "ex-", "onetime", "one-time", "erstwhile", "then", "then-"})
# Abbreviated ranks and offices written before a name ("Sgt. Jo Doe"): the title each stands for.
# `nlp` keeps every key one token, so that its full stop ends no sentence.
RANKS = {"Sgt.": "Sergeant", "Lt.": "Lieutenant", "Col.": "Colonel", "Capt.": "Captain", "Maj.": "Major",
         "Cpl.": "Corporal", "Pvt.": "Private", "Pte.": "Private", "Spc.": "Specialist", "Brig.": "Brigadier",
         "Gen.": "General", "Adm.": "Admiral", "Cmdr.": "Commander", "Cdr.": "Commander", "Det.": "Detective",
         "Insp.": "Inspector", "Supt.": "Superintendent", "Sen.": "Senator", "Rep.": "Representative",
         "Gov.": "Governor", "Pres.": "President", "Prof.": "Professor", "Amb.": "Ambassador"}
RANK_TITLE = {k.lower(): v for a, v in RANKS.items() for k in (a, a.rstrip("."))}
# Forms of address that are part of how a person is named, not a role.
COURTESY = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "sir", "dame"})
HONORIFICS = COURTESY | frozenset({"st", "st."}) | frozenset(RANK_TITLE)

FEMALE = frozenset({"spokeswoman", "businesswoman", "chairwoman", "congresswoman", "actress", "queen",
                    "princess", "woman", "girl", "mother", "daughter", "wife", "mrs", "mrs.", "ms", "ms.",
                    "miss", "dame", "sister", "grandmother", "she", "her", "hers", "herself"})
MALE = frozenset({"spokesman", "businessman", "chairman", "congressman", "king", "prince", "man", "boy",
                  "father", "son", "husband", "mr", "mr.", "sir", "brother", "grandfather", "he", "him",
                  "his", "himself"})

# Occupational families: a description of one family never picks a person known by another.
FAMILIES = {
    "politics": "president premier chancellor minister secretary spokesman spokeswoman spokesperson governor "
                "mayor senator congressman congresswoman lawmaker legislator ambassador diplomat envoy official "
                "leader ruler king queen prince princess monarch dictator candidate nominee",
    "sport": "player star champion coach striker center centre guard forward goalkeeper athlete gymnast "
             "swimmer boxer cyclist runner medalist medallist winner",
    "law": "lawyer attorney prosecutor judge magistrate counsel",
    "military": "marine soldier general colonel commander admiral captain sergeant lieutenant officer pilot",
    "business": "businessman businesswoman tycoon oligarch billionaire entrepreneur investor executive ceo "
                "founder chairman chairwoman dealer",
    "media": "journalist reporter correspondent editor columnist",
}
FAMILY = {w: f for f, words in FAMILIES.items() for w in words.split()}

# Titles news writes in several ways; a key per office so that they compare equal.
_SYNONYMS = [
    (re.compile(r"\bfm\b"), "foreign minister"),
    (re.compile(r"\bforeign secretary\b|\bsecretary of state\b|\bminister of foreign affairs\b|\btop diplomat\b"),
     "foreign minister"),
    (re.compile(r"\bspokes(?:man|woman|person)\b|\bpress secretary\b"), "spokesperson"),
    (re.compile(r"\bdefen[cs]e secretary\b|\bsecretary of defen[cs]e\b|\bdefen[cs]e minister\b"),
     "defence minister"),
    (re.compile(r"\bcentre\b"), "center"),
    (re.compile(r"\badvisor\b"), "adviser"),
    (re.compile(r"\bmedallist\b"), "medalist"),
]

# Countries and the words that point at them: the names a GPE entity is canonicalised to. These are
# the forms news writes that GeoNames lacks; `_with_gazetteer` adds every other country below.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("U.S.", "US", "U.S", "USA", "U.S.A.", "United States of America", "America",
                      "the United States", "the US", "the U.S."),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain", "the UK", "the U.K.", "the United Kingdom"),
    "Russia": ("Russian Federation", "the Russian Federation"),
    "China": ("People's Republic of China", "PRC", "the People's Republic of China"),
    "United Arab Emirates": ("UAE", "U.A.E.", "the UAE", "the United Arab Emirates"),
    "European Union": ("EU", "E.U.", "the EU", "the European Union"),
    "South Korea": ("Republic of Korea", "the Republic of Korea", "ROK"),
    "North Korea": ("DPRK", "Democratic People's Republic of Korea"),
    "Netherlands": ("the Netherlands", "Holland"),
    "Czech Republic": ("Czechia", "the Czech Republic"),
    "Ivory Coast": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "Turkey": ("Türkiye", "Turkiye"),
}
DEMONYMS = {
    "american": "United States", "us": "United States", "u.s.": "United States", "british": "United Kingdom",
    "uk": "United Kingdom", "english": "United Kingdom", "russian": "Russia", "chinese": "China",
    "french": "France", "german": "Germany", "italian": "Italy", "spanish": "Spain", "ukrainian": "Ukraine",
    "japanese": "Japan", "indian": "India", "iranian": "Iran", "israeli": "Israel", "turkish": "Turkey",
    "polish": "Poland", "canadian": "Canada", "australian": "Australia", "mexican": "Mexico",
    "brazilian": "Brazil", "saudi": "Saudi Arabia", "syrian": "Syria", "iraqi": "Iraq", "afghan": "Afghanistan",
    "pakistani": "Pakistan", "egyptian": "Egypt", "greek": "Greece", "dutch": "Netherlands", "swedish": "Sweden",
    "belarusian": "Belarus", "georgian": "Georgia", "korean": "Korea", "venezuelan": "Venezuela",
    "palestinian": "Palestine", "lebanese": "Lebanon", "nigerian": "Nigeria", "kenyan": "Kenya",
    "south african": "South Africa", "irish": "Ireland", "swiss": "Switzerland", "austrian": "Austria",
    "hungarian": "Hungary", "czech": "Czech Republic", "romanian": "Romania", "finnish": "Finland",
    "norwegian": "Norway", "danish": "Denmark", "belgian": "Belgium", "portuguese": "Portugal",
    "cuban": "Cuba", "colombian": "Colombia", "argentine": "Argentina", "thai": "Thailand",
    "vietnamese": "Vietnam", "indonesian": "Indonesia", "filipino": "Philippines", "taiwanese": "Taiwan",
}
# The hand-written aliases above, alone: what `ner_fixes` reads as a nationality glued before a name.
HAND_COUNTRY_KEY = {re.sub(r"^the ", "", a.lower()): c for c, al in COUNTRIES.items() for a in al + (c,)}


def _with_gazetteer() -> dict[str, str]:
    """Every other country of the GeoNames list joins the table, its short forms as aliases.

    The hand-written aliases win a clash ("Czechia" stays "Czech Republic"), so
    every name the table answered before gets the same answer; what changes is
    that "Mali", "Togo" or "Burma" are countries too.
    """
    for alias, name in places.countries().items():
        if alias.lower() not in HAND_COUNTRY_KEY and name.lower() not in HAND_COUNTRY_KEY:
            COUNTRIES.setdefault(name, ())
            if alias != name:
                COUNTRIES[name] += (alias,)
    return {re.sub(r"^the ", "", a.lower()): c for c, al in COUNTRIES.items() for a in al + (c,)}


_COUNTRY_KEY = _with_gazetteer()


def country_of(text: str) -> str | None:
    """The country a name, abbreviation or demonym points at ("U.S." -> "United States")."""
    t = re.sub(r"['’]s$", "", text.strip()).strip()
    low = re.sub(r"^the ", "", t.lower())
    return _COUNTRY_KEY.get(low) or DEMONYMS.get(low)


def canonical_place(text: str) -> str:
    """A GPE's canonical name: the country for any of its aliases, else the text itself."""
    t = re.sub(r"^the\s+", "", re.sub(r"['’]s$", "", text.strip()), flags=re.I)
    return _COUNTRY_KEY.get(t.lower(), t)


@dataclass(frozen=True)
class Role:
    title: str                 # "Deputy Foreign Minister", "arms dealer"
    org: str | None = None     # "Russia", "White House", "WNBA"
    former: bool = False
    # the organisation and title as written ("Russian Deputy Foreign Minister"), when an organisation is given
    written: str = field(default="", compare=False)


def title_key(title: str) -> str:
    """An office's comparison key: case, synonyms and spelling variants folded."""
    t = " ".join(title.lower().replace("’", "'").split())
    for pat, rep in _SYNONYMS:
        t = pat.sub(rep, t)
    return t


def head_word(title: str) -> str:
    words = re.findall(r"[\w-]+", title.lower())
    if "of" in words:                       # "secretary of state": the head comes before "of"
        words = words[: words.index("of")]
    return words[-1] if words else ""


def gender_of_title(title: str) -> str | None:
    words = set(re.findall(r"[\w.]+", title.lower()))
    if words & FEMALE:
        return "F"
    if words & MALE:
        return "M"
    return None


def is_title_token(tok: Token) -> bool:
    low = tok.lower_
    return low in TITLE_HEADS or low in HONORIFICS or (low in TITLE_MODIFIERS and tok.is_title)


_ORG_TYPES = {"ORG", "GPE", "NORP", "LOC", "FAC"}
_STOP_DEPS = {"det", "case", "cc", "punct", "mark", "aux", "auxpass", "nsubj", "dobj", "prep"}


def _prefix_tokens(name: Span) -> list[Token]:
    """The run of words glued before a name that may hold its title."""
    doc, out = name.doc, []
    i = name.start - 1
    while i >= name.sent.start:
        tok = doc[i]
        low = tok.lower_
        if tok.ent_type_ == "PERSON" or tok.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT"}:
            break
        if low in ("'s", "’s") and i - 1 >= 0 and doc[i - 1].ent_type_ in _ORG_TYPES:
            out.append(tok)
        elif low == "of" and out and i - 1 >= 0 and is_title_token(doc[i - 1]) and out[-1].is_title:
            out.append(tok)
        elif low == "-" and out and i - 1 >= 0 and doc[i - 1].lower_ in {"ex", "then"}:
            out.append(tok)
        elif tok.pos_ in {"NOUN", "PROPN", "ADJ"} or (tok.tag_ == "VBN" and tok.dep_ == "amod") \
                or low in FORMER or tok.ent_type_ in _ORG_TYPES:
            out.append(tok)
        else:
            break
        i -= 1
    out.reverse()
    # an honorific-free prefix that holds no title word is not a title ("Moscow Vladimir")
    if not any(is_title_token(t) for t in out):
        return []
    return out


def parse_title(tokens: list[Token]) -> Role | None:
    """Split words such as "former US Marine" into Role("Marine", "United States", True)."""
    former = False
    org_toks: list[Token] = []
    title: list[Token] = []
    for tok in tokens:
        low = tok.lower_
        if low in FORMER or (low == "-" and not title):
            former = former or low in FORMER
            continue
        if low in ("'s", "’s"):
            continue
        place = tok.ent_type_ in _ORG_TYPES or ((tok.is_title or tok.is_upper) and country_of(tok.text)) \
            or (tok.is_upper and len(tok) > 1 and tok.is_alpha and not title)   # an acronym: "NBA star"
        if place and not is_title_token(tok) and (not title or tok.ent_type_ in {"NORP", "GPE"}) \
                and not (title and title[-1].lower_ == "of"):
            org_toks.append(tok)
            continue
        if not title and (tok.pos_ == "ADJ" or tok.tag_ == "VBN") and tok.is_lower \
                and low not in TITLE_MODIFIERS:
            continue                        # "notorious", "jailed": descriptions of the holder
        if low in HONORIFICS and tok.is_title and low not in RANK_TITLE:
            continue
        title.append(tok)
    if title and title[-1].lower_ == "of":
        title.pop()
    if not title or not any(t.lower_ in TITLE_HEADS or t.lower_ in TITLE_MODIFIERS or t.lower_ in RANK_TITLE
                            for t in title):
        return None
    doc = title[0].doc
    text = doc[title[0].i: title[-1].i + 1].text
    if any(t.lower_ in RANK_TITLE for t in title):     # "Lt. Col." -> "Lieutenant Colonel"
        text = " ".join(RANK_TITLE.get(t.lower_, t.text) for t in title)
    org, written = None, ""
    if org_toks:
        raw = doc[org_toks[0].i: org_toks[-1].i + 1].text
        org = country_of(raw) or canonical_place(raw)
        first, last = min(org_toks[0].i, title[0].i), max(org_toks[-1].i, title[-1].i)
        written = doc[first: last + 1].text
    return Role(title=text, org=org, former=former, written=written)


def title_before(name: Span) -> Role | None:
    """The title glued before a name ("White House Press Secretary <name>")."""
    toks = _prefix_tokens(name)
    return parse_title(toks) if toks else None


def title_after(name: Span) -> Role | None:
    """The title in an apposition after a name ("<name>, a notorious arms dealer,")."""
    doc = name.doc
    i = name.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    toks: list[Token] = []
    if i < len(doc) and doc[i].lower_ == "who":
        i = _office_taken(doc, i + 1)               # "<name>, who took over as governor in 2024,"
        if i is None:
            return None
    if i < len(doc) and doc[i].lower_ in {"a", "an", "the"}:
        i += 1
    while i < len(doc) and i < name.sent.end + 1:
        tok = doc[i]
        if tok.pos_ in {"NOUN", "PROPN", "ADJ"} or tok.lower_ in FORMER or tok.ent_type_ in _ORG_TYPES \
                or (tok.lower_ in ("'s", "’s") and toks):
            if tok.ent_type_ == "PERSON":
                return None
            toks.append(tok)
            i += 1
            continue
        if tok.lower_ == "of" and toks and toks[-1].lower_ in TITLE_HEADS and i + 1 < len(doc) \
                and doc[i + 1].is_title:
            toks.append(tok)
            i += 1
            continue
        break
    if not toks or toks[-1].lower_ not in TITLE_HEADS:
        # trailing words after the head ("arms dealer imprisoned"): cut at the last head word
        heads = [k for k, t in enumerate(toks) if t.lower_ in TITLE_HEADS]
        if not heads:
            return None
        toks = toks[: heads[-1] + 1]
    return parse_title(toks)


# what a relative clause says before the office a person took: "who became", "who took over as", "who was named"
_TAKES_OFFICE = {"as", "became", "becomes", "become", "named", "appointed", "elected", "sworn"}


def _office_taken(doc, i: int) -> int | None:
    """Where the office begins in a relative clause after a name ("who took over as governor" -> "governor"):
    after the first of `_TAKES_OFFICE` in the clause's next four words (an "in" after "sworn" too), else None."""
    for k in range(i, min(i + 4, len(doc))):
        if doc[k].is_punct:
            return None
        if doc[k].lower_ in _TAKES_OFFICE:
            k += 1
            while k < len(doc) and doc[k].lower_ in ("in", "as"):
                k += 1
            return k
    return None


def title_in_apposition_before(name: Span) -> Role | None:
    """The title of an apposition the name closes ("the port director, <name>, said").

    The title is the noun phrase right before the comma, ending in a title
    word; the name must close the apposition (a comma, a stop or a verb after
    it, not ", and" as in a list of people: "the mayor, <name>, and the
    governor").
    """
    doc = name.doc
    i = name.start - 1
    if i < 1 or doc[i].text != ",":
        return None
    after = doc[name.end] if name.end < len(doc) else None
    if after is not None and after.text == "," and name.end + 1 < len(doc) and doc[name.end + 1].dep_ == "cc":
        return None
    if after is not None and after.text not in (",", ".", ";", ":") and after.pos_ not in ("VERB", "AUX"):
        return None
    toks: list[Token] = []
    j = i - 1
    while j >= name.sent.start and (doc[j].pos_ in {"NOUN", "PROPN", "ADJ"} or doc[j].lower_ in FORMER
                                     or doc[j].lower_ in ("'s", "’s")):
        if doc[j].ent_type_ == "PERSON":
            return None
        toks.insert(0, doc[j])
        j -= 1
    if not toks or toks[-1].lower_ not in TITLE_HEADS:
        return None
    return parse_title(toks)


def roles_of(name: Span) -> list[Role]:
    """Every role the text glues to this mention of a person."""
    return [r for r in (title_before(name), title_after(name), title_in_apposition_before(name)) if r is not None]


def describe(role: Role) -> str:
    """The title string an `Entity.roles` entry carries: with its organisation or country as written
    ("former US Marine", "Paris prosecutor"), so that stage 4 can tell two countries' ministers apart."""
    return ("former " if role.former else "") + (role.written or role.title)
