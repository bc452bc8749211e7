"""One type for a name the article itself shows to be an organisation, a place or part of a product's name.

The small model types a name by its sentence alone, so one article can call
"Qualcomm" ORG in one sentence and PERSON in the next ("Analyst Mary Jones
said Qualcomm would benefit"), or a city ORG ("delegates met in Marrakech").
The reader already gives a name the type of the majority of its mentions
(`reader`); this component adds the evidence that outweighs any count, read
from the whole article:

- a legal form makes an organisation: a name written anywhere with "Inc.",
  "Corp.", "Co.", "Ltd", "plc", "LLC", "AG", "SA", "N.V." ... after it
  ("Qualcomm Inc.", "Apple, Inc.") is an ORG in every mention, and so is the
  first word of such a name used alone ("Micron" of "Micron Technology
  Inc."), unless it is also a word of a person's name in the article (the
  "Ford" of "Harrison Ford"); a gazetteer place keeps its type;
- shares make an organisation: a name that owns shares or stock ("Qualcomm
  shares rose", "Salesforce's stock", "shares of Nvidia") is an ORG in every
  mention, unless it is a place or a nationality ("Hong Kong shares" and
  "European shares" are markets, not companies) or a word of a person's name
  in the article;
- a place typed ORG right after a preposition of place ("in Sendai", "from
  Cyprus'") is a GPE there, when it is a place of the gazetteer
  (`places.listed_spelling`: countries, US states, cities of 50,000 people or
  more, as listed or in another spelling: "in Marrakech" for GeoNames'
  "Marrakesh", "in Bogota" for "Bogotá")
  or the model typed the same name GPE or LOC elsewhere in the article (a
  place the gazetteer lacks: "met in Normandy ... the talks in Normandy
  ended"), unless a name goes on after
  it ("at Massachusetts General Hospital") or it is a word of a person's name
  in the article; elsewhere it may be a team or a government ("Chelsea won",
  "Ohio sued"), and "to" is no such preposition ("lost to Chelsea"). On 400
  dev articles (quotes and clustering sets, shuffled with seed 1) this
  retyped 14 mentions, 13 of them rightly ("in Sendai", "in Chelsea" of
  Massachusetts, "from Cyprus'"; the other: "at Oxford", the university)
  with the gazetteer alone; the names typed GPE elsewhere in the article
  retyped 4 more, 3 rightly ("in Ferguson", "from Leros", "in Normandy"; the
  other: "from La Raza group"). Other spellings of gazetteer places retyped
  no mention of those 400 articles.
  The two organisation rules changed nothing there: the model already typed
  those names ORG.

- a name of two or more words typed PERSON whose last word names a kind of
  organisation ("Hemberg Capital", "Asawitri Media"; `_ORG_HEADS`) is one;
- a noun for a kind of company right before a name makes an organisation
  ("Danish carrier Kvant", "chipmaker Nvidia"; `_COMPANY_NOUNS`), on the same
  terms as shares, unless the model typed the name a place in the article
  ("the campaign group America's Renewable Future" ... "rural America");
- so does a noun for a kind of body ("the small-business federation Conapyme"; `_BODY_NOUNS`), and the
  agent of a news source's verb that is no gazetteer place ("economists surveyed by Bloomberg"; `_SOURCING`);
- a name ending in a family suffix ("Sílvio Costa Filho", "Neto", "Júnior") is a PERSON, and one ending in
  a word for a sporting event ("European Championships", "Boston Marathon") an EVENT;
- a name of two or three capitalised words typed ORG that says something of
  "he" or "she" ("Ingrid Dahl said she would step down") is a PERSON in every
  mention, unless a rule above makes it an organisation; so is a name typed a
  place or an organisation that a comma and a noun for a person's occupation
  follow ("Per Ström, a partner at Hemberg Capital"; `_OCCUPATIONS`). On the
  same 400 dev articles these four rules retyped 23 mentions, all rightly
  ("the law firm Sidley Austin", "computer maker Dell", "Maryam Violet ...
  told", "Françoise Schepmans, mayor of Molenbeek"); nouns that a person can
  be too ("developer", "co-producer") and commas that end an opening phrase
  had retyped people and newspapers, and are left out;

- capitalised words right before a country, after a noun for a kind of body
  or company or before ", the industry body", are one organisation ("industry
  body Mobile UK", not the city Mobile and the UK; `ner_bodies`).

"X said in a statement" is no sign: people say things in statements too.

A name is also shown to be no organisation: an all-caps word right after a
model number is the rest of a product's name ("Boeing's 737 MAX jets", "the
737 MAX 9", "A321 XLR"), not a company or a person the model read in it
("MAX"); one word only, never a place ("Page D01 NEW YORK, Feb. 19" is a page
and a dateline). The number is a model's when it mixes letters and digits
("A321", "777X"; not an ordinal: "1st"), or,
a bare number (not a year), when a name stands before it ("Boeing 737",
"Boeing's 737"), a number after the word ("737 MAX 9"), or the word ends its
noun phrase ("the 737 MAX was grounded"): "300 UN peacekeepers" and "12 FBI
agents" count people of an organisation. The span from the number is typed
PRODUCT (which the entity reader does not keep), and so is the same model
written again in the article ("737 MAX planes") and the word alone ("the
MAX"), as a legal form types every mention of its name.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.read.entities import places
from storyline.read.entities.ner_bodies import bodies_named_for_a_country
from storyline.read.entities.ner_names import set_ents

LEGAL_FORMS = {"inc", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "l.l.c", "llp", "lp", "l.p",
               "ag", "sa", "s.a", "nv", "n.v", "bv", "b.v", "gmbh", "se", "spa", "s.p.a", "ab", "asa", "oyj", "kk"}
_SHARES = {"share", "stock"}
_TO_PERSON = {"GPE", "LOC", "ORG", "NORP", "FAC"}
# nouns for what only a person is (not "leader", "player", "investor", "adviser", which a company can be too)
_OCCUPATIONS = frozenset("""
spokesman spokeswoman spokesperson executive founder co-founder chairman chairwoman director lawyer attorney
prosecutor judge journalist reporter correspondent editor columnist activist economist analyst professor
scientist researcher doctor nurse author novelist writer poet artist singer actor actress musician minister
senator mayor governor ambassador diplomat official businessman businesswoman entrepreneur partner secretary
""".split())
_PHRASE_ENDS = {"at", "of", "for", "with", "in", "on", "from", "and"}
_SAYING = {"say", "tell", "add", "announce", "confirm", "insist", "write", "state", "warn", "explain"}
# nouns for a kind of company, written before its name ("carrier Kvant"); not those a person can be too
# ("rival", "partner", "developer", "producer", "publisher", "broadcaster", "builder", "miner": "the developer
# Arthur G. Cohen", "co-producer Ben Affleck")
_COMPANY_NOUNS = frozenset("""
company firm group carrier operator airline lender bank insurer reinsurer retailer wholesaler maker automaker
carmaker chipmaker drugmaker manufacturer supplier startup conglomerate brewer utility distributor subsidiary
shipper railway
""".split())
# last words of organisations' names, never of a person's
_ORG_HEADS = frozenset("""
Capital Partners Holdings Group Bank Fund Ventures Investments Associates Industries Technologies Systems
Airlines Airways Motors Pharmaceuticals Energy Telecom Telecommunications Media Foods Chemicals Chemie
Insurance Securities Financial Bancorp Corporation Company Foundation Institute University Hospital
""".split())
# nouns for a kind of body, written before its name ("the small-business federation Conapyme", "news agency
# Reuters"); a person is none of them
_BODY_NOUNS = frozenset("""
federation confederation association council agency committee regulator watchdog chamber union newspaper daily
""".split())
# last words of a person's name, never of an organisation's: family suffixes ("Sílvio Costa Filho", "Neto")
_NAME_SUFFIXES = frozenset({"filho", "filha", "neto", "neta", "sobrinho", "júnior", "junior", "jr", "hijo"})
# verbs whose agent after "by" is a source of news ("economists surveyed by Bloomberg", "data compiled by
# LSEG"): an organisation, where the model typed it a place the gazetteer does not know
_SOURCING = {"survey", "poll", "compile", "report", "cite", "obtain", "review", "publish", "interview",
             "calculate", "conduct", "commission", "see"}
# last words of an event's name ("European Championships", "Tokyo Olympics", "Boston Marathon", "World Cup")
_EVENT_HEADS = frozenset({"championships", "championship", "games", "olympics", "paralympics", "cup", "marathon",
                          "tournament"})
_TO_ORG = {"PERSON", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "GPE", "LOC"}
_AT_PLACE = {"in", "at", "from", "near", "outside", "inside", "across", "around"}   # not "to": "lost to Chelsea"
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


def is_legal_form(word: str) -> bool:
    """ "Inc.", "Corp", "N.V.", "plc": capitalised (but "plc"), a final full stop ignored; not "CO" (Colorado)."""
    bare = word.rstrip(".")
    return bare.lower() in LEGAL_FORMS and (bare[:1].isupper() or bare == "plc") and bare != "CO"


def without_legal_form(name: str) -> str:
    """ "Qualcomm Inc." -> "Qualcomm", "Deere & Co." -> "Deere", "Apple, Inc." -> "Apple"; other names unchanged,
    and so is a place before the form ("Texas AG" is the state's attorney general)."""
    words = name.split()
    if len(words) < 2 or not is_legal_form(words[-1]):
        return name
    bare = re.sub(r"(?:\s*,)?(?:\s+(?:&|and))?$", "", " ".join(words[:-1]))
    return bare if bare and not places.is_place(bare) else name


def _name(span: Span) -> str:
    return _POSSESSIVE.sub("", span.text).strip()


def _legal_names(doc: Doc) -> set[str]:
    """Names the article writes with a legal form after them, without it: {"Qualcomm", "Micron Technology"}."""
    out = set()
    for ent in doc.ents:
        words = list(ent)
        end = ent.end
        if len(words) > 1 and is_legal_form(words[-1].text):
            words = words[:-1]
        elif end < len(doc) and is_legal_form(doc[end].text) or \
                end + 1 < len(doc) and doc[end].text == "," and is_legal_form(doc[end + 1].text):
            pass
        else:
            continue
        while words and (words[-1].is_punct or words[-1].text in {"&", "and"}):
            words = words[:-1]
        if words and words[0].lower_ == "the":
            words = words[1:]
        if words:
            out.add(doc[words[0].i:words[-1].i + 1].text)
    return out


def _traded_names(doc: Doc) -> set[str]:
    """Names that own shares or stock in the article, whatever the model typed them (or if it found no name
    there): the proper nouns before "shares"/"stock" ("Qualcomm shares", "Salesforce's stock") or after
    "shares of"; not a place ("Tokyo shares") nor a nationality ("European shares")."""
    out = set()
    nationalities = {e.text for e in doc.ents if e.label_ == "NORP"}
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _SHARES:
            continue
        end = tok.i - 1 if tok.i and doc[tok.i - 1].text not in {"'s", "\u2019s"} else tok.i - 2
        start = end
        while start >= 0 and end - start < 4 and doc[start].pos_ == "PROPN" and doc[start].text[:1].isupper():
            start -= 1
        names = [doc[start + 1:end + 1].text] if start < end else []
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of":
            stop = tok.i + 2
            while stop < len(doc) and stop - tok.i < 6 and doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper():
                stop += 1
            names += [doc[tok.i + 2:stop].text] if stop > tok.i + 2 else []
        out.update(n for n in names if n not in nationalities and not places.is_place(n))
    return out


_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")
_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_NAMES = {"ORG", "PERSON"}                                  # what the model makes of "MAX", "XLR"; not a place
_ORDINAL = re.compile(r"[0-9]+(?:st|nd|rd|th)", re.I)
_CLAUSE_GOES_ON = {"VERB", "AUX", "ADP", "PART", "SCONJ"}     # after a noun phrase that ends: "737 MAX was", "after"


def _caps_word(tok) -> bool:
    return tok.is_alpha and tok.is_upper and len(tok) > 1


def _model_number(doc: Doc, ent: Span) -> int | None:
    """The index of the model number right before an all-caps name ("737" of "737 MAX"), or None (module
    docstring: what makes a number a model's rather than a count)."""
    if ent.start == 0 or len(ent) != 1 or not _caps_word(ent[0]):
        return None                                 # one word: "Page D01 NEW YORK" is a page and a dateline
    num = doc[ent.start - 1]
    text = num.text
    if not any(ch.isdigit() for ch in text) or num.whitespace_ != " " or _ORDINAL.fullmatch(text):
        return None
    if any(ch.isalpha() for ch in text):
        return num.i                                # "A321", "777X", "F-35"
    if not text.isdigit() or _YEAR.fullmatch(text) or num.ent_type_ in _COUNTS:
        return None
    before = doc[num.i - 1] if num.i else None
    if before is not None and before.text in {"'s", "\u2019s"} and before.i:
        before = doc[before.i - 1]
    if before is not None and before.pos_ == "PROPN" and before.ent_type_ not in _COUNTS:
        return num.i                                # "Boeing 737 MAX", "Boeing's 737 MAX"
    end = ent.end
    while end < len(doc) and _caps_word(doc[end]):
        end += 1
    after = doc[end] if end < len(doc) else None
    if after is None or after.like_num or after.is_punct and after.text not in {"-", "/", "&"} or \
            after.pos_ in _CLAUSE_GOES_ON:
        return num.i                                # "737 MAX 9", "the 737 MAX was grounded", "the 737 MAX."
    return None                                     # "22 EU and four non-EU countries", "300 UN peacekeepers"


def _products(doc: Doc, ents: list[Span]) -> tuple[list[Span], set[tuple[int, int]]]:
    """`ents` with the all-caps names that go on a model number typed PRODUCT, from the number on, also where
    the article writes the same model again ("737 MAX planes" after "the 737 MAX was grounded") or the word
    alone ("the MAX"); and the (start, end) of the spans so typed."""
    def model(ent: Span) -> tuple[str, str] | None:
        if ent.label_ not in _NAMES or ent.start == 0 or not _caps_word(ent[0]):
            return None
        return doc[ent.start - 1].text, ent.text

    found = {model(e) for e in ents if e.label_ in _NAMES and _model_number(doc, e) is not None}
    if not found:
        return ents, set()
    words = {w for _, w in found}
    out, made = [], set()
    for ent in ents:
        if model(ent) in found:
            end = ent.end
            while end < len(doc) and doc[end].text.isdigit() and doc[end - 1].whitespace_:
                end += 1                            # "737 MAX 9"
            ent = Span(doc, ent.start - 1, end, label="PRODUCT")
            made.add((ent.start, ent.end))
        elif ent.label_ in _NAMES and ent.text in words:
            ent = Span(doc, ent.start, ent.end, label="PRODUCT")
            made.add((ent.start, ent.end))
        out.append(ent)
    return out, made


def _described_companies(doc: Doc) -> set[str]:
    """Names written right after a noun for a kind of company ("Danish carrier Kvant", "chipmaker Nvidia",
    "the insurer Allianz")."""
    return {_name(e) for e in doc.ents if e.start and doc[e.start - 1].pos_ == "NOUN"
            and doc[e.start - 1].lemma_.lower() in _COMPANY_NOUNS | _BODY_NOUNS}


def _suffixed_people(doc: Doc) -> set[str]:
    """Names of two to five capitalised words the model typed an organisation or a place whose last word is a
    family suffix of a person's name ("Sílvio Costa Filho", "Ronaldo Nazário Júnior")."""
    out = set()
    for e in doc.ents:
        words = [t for t in e if not t.is_punct and t.lower_ not in ("the", "da", "de", "do", "dos", "das")]
        if e.label_ in _TO_PERSON and 2 <= len(words) <= 5 and words[-1].lower_.rstrip(".") in _NAME_SUFFIXES \
                and all(t.is_title for t in words):
            out.add(_name(e))
    return out


def _sources(doc: Doc) -> set[str]:
    """Names the model typed a place that are the agent of a news source's verb ("surveyed by Bloomberg",
    "data compiled by LSEG") and no place of the gazetteer: a news organisation."""
    return {_name(e) for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC", "NORP"} and e.root.dep_ == "pobj"
            and e.root.head.lower_ == "by" and e.root.head.head.lemma_.lower() in _SOURCING
            and not places.is_place(_name(e))}


def _events(doc: Doc) -> set[str]:
    """Names of two words or more whose last word names a kind of sporting event ("European Championships",
    "Boston Marathon"), typed an organisation or a place: an EVENT."""
    return {_name(e) for e in doc.ents if e.label_ in {"ORG", "FAC", "GPE", "LOC", "PERSON"} and len(e) > 1
            and e[-1].lower_ in _EVENT_HEADS and e[-1].is_title}


def _org_headed(doc: Doc) -> set[str]:
    """Names of two or more words typed PERSON whose last word names a kind of organisation ("Hemberg Capital",
    "Blackstone Group", "Norrland Telecom"): no person is called so."""
    return {_name(e) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].text in _ORG_HEADS}


def _said_of_self(doc: Doc) -> set[str]:
    """Names of two or three capitalised words typed ORG that say something of "he" or "she" ("Ingrid Dahl said
    she would step down"): the one who speaks of herself is a person (a company says "it")."""
    out = set()
    for ent in doc.ents:
        words = [t for t in ent if not t.is_punct]
        if ent.label_ != "ORG" or not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words):
            continue
        verb = ent.root.head
        if ent.root.dep_ == "nsubj" and verb.lemma_.lower() in _SAYING and any(
                c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ in {"he", "she"}
                                          for g in c.children) for c in verb.children):
            out.add(_name(ent))
    return out


def _described_people(doc: Doc) -> set[str]:
    """Names the model typed a place or an organisation with a person's occupation in apposition: a comma, the
    noun phrase of an occupation and its end ("Per Ström, a partner at Hemberg Capital", "Françoise
    Schepmans, mayor of Molenbeek"); not a clause going on ("the Justice Department, a former official said"),
    nor a gazetteer place ("Lincoln, a lawyer"), nor an organisation after a preposition, whose comma may end
    an opening phrase ("In an interview with The Wall Street Journal, Samsung's co-chief executive ...")."""
    out = set()
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.root.dep_ == "pobj":
            continue
        if ent.label_ in _TO_PERSON and ent.end + 2 < len(doc) and doc[ent.end].text == "," \
                and _occupation_follows(doc, ent.end + 1) and not places.is_place(_name(ent)):
            out.add(_name(ent))
    return out


def _aged_people(doc: Doc) -> set[str]:
    """Names the model typed a place or an organisation with an age in apposition ("Whitfield, 58, who
    resigned"): a comma, a number from 1 to 110 and a comma or a stop; not a gazetteer place ("Paris, 2015,")."""
    out = set()
    for ent in doc.ents:
        if ent.label_ in _TO_PERSON and ent.end + 2 < len(doc) and doc[ent.end].text == "," and \
                doc[ent.end + 1].like_num and doc[ent.end + 1].text.isdigit() and \
                1 <= int(doc[ent.end + 1].text) <= 110 and doc[ent.end + 2].text in {",", "."} and \
                not places.is_place(_name(ent)):
            out.add(_name(ent))
    return out


_STORMS = {"typhoon", "hurricane", "cyclone"}                # a named storm's word, alone or after these:
_STORM_MODIFIERS = {"super", "tropical", "subtropical", "severe", "winter", "post-tropical"}


def _named_storms(doc: Doc) -> list[Span]:
    """EVENT spans for named storms ("Typhoon Marites", "Super Typhoon Haiyan", "Tropical Storm Opong",
    "Hurricane Katrina"), which the model types as an organisation, a product, a person or nothing: a storm
    word with a capital (or "Storm" after a modifier such as "Tropical") before one or two capitalised
    names; "Storm" alone only when no noun follows the name ("Storm Ciarán hit", not "Storm Shadow
    missiles")."""
    out, i = [], 0
    while i < len(doc):
        start = i
        while i < len(doc) and doc[i].is_title and doc[i].lower_ in _STORM_MODIFIERS:
            i += 1
        head = doc[i] if i < len(doc) else None
        if head is None or not head.is_title or not (head.lower_ in _STORMS or head.lower_ == "storm"):
            i = start + 1
            continue
        end = i + 1
        while end < len(doc) and end - i <= 2 and doc[end].is_title and doc[end].pos_ == "PROPN" \
                and doc[end].lower_ not in _STORMS:
            end += 1
        plain_storm = head.lower_ == "storm" and start == i
        if end > i + 1 and not (plain_storm and end < len(doc) and doc[end].pos_ == "NOUN"):
            out.append(Span(doc, start, end, label="EVENT"))
        i = max(end, start + 1)
    return out


def _occupation_follows(doc: Doc, i: int) -> bool:
    """Whether a noun phrase headed by an occupation (`_OCCUPATIONS`) starts at token i and ends there, before a
    preposition or punctuation: its words only determiners, possessives, adjectives and nouns."""
    for tok in doc[i:i + 7]:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _OCCUPATIONS:
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            return after is None or after.is_punct or after.lower_ in _PHRASE_ENDS
        if tok.pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "PART"} and tok.tag_ != "POS":
            return False
    return False


def _at_place(ent: Span) -> bool:
    """A preposition of place before the span ("in Sendai", "from Cyprus'") and no name going on after it
    ("at Massachusetts General Hospital")."""
    doc = ent.doc
    return ent.start > 0 and doc[ent.start - 1].lower_ in _AT_PLACE and \
        not (ent.end < len(doc) and doc[ent.end].pos_ == "PROPN" and doc[ent.end].is_title)


@Language.component("news_types", requires=["doc.ents"], assigns=["doc.ents"])
def news_types(doc: Doc) -> Doc:
    """`doc.ents` retyped by the article's own evidence (the module's rules): EVENT for a named storm, ORG for a
    body named for a country ("industry body Mobile UK": `ner_bodies`), PRODUCT for an all-caps name on a model
    number (its span then starts at the number), ORG for a name with a legal form, shares, a company noun before
    it or an organisation's last word, PERSON for one that speaks of "he" or "she" or has a person's occupation
    or age in apposition, GPE for a place typed ORG after a preposition of place; only a storm's, a body's or a
    product's span takes new bounds, other spans keep theirs."""
    ents, products = _products(doc, list(doc.ents))
    storms = _named_storms(doc) + bodies_named_for_a_country(doc, ents, _COMPANY_NOUNS)
    if storms:                  # a storm's or a body's name replaces what the model made of its words
        ents = storms + [e for e in ents if not any(s.start < e.end and e.start < s.end for s in storms)]
    changed = bool(products or storms)
    person_words = {w for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in e.text.split()}
    placed = {_name(e) for e in ents if e.label_ in {"GPE", "LOC"}}
    legal = _legal_names(doc)
    orgs = legal | ({n.split()[0] for n in legal if " " in n} | _traded_names(doc) |
                    (_described_companies(doc) - placed)) - person_words | _org_headed(doc)
    orgs |= _sources(doc)
    people = (_said_of_self(doc) | _described_people(doc) | _aged_people(doc) | _suffixed_people(doc)) - orgs
    events = _events(doc) - orgs - people
    out = []
    for ent in ents:
        name, label = _name(ent), ent.label_
        if (ent.start, ent.end) in products:
            pass                                    # a model's name stays one ("737 MAX shares" names no company)
        elif name in events:
            label = "EVENT"
        elif label in _TO_ORG and name in orgs and not places.is_place(name):
            label = "ORG"
        elif label in _TO_PERSON and name in people:
            label = "PERSON"
        elif label == "ORG" and name not in person_words and _at_place(ent) and \
                (name in placed or places.listed_spelling(name)):
            label = "GPE"
        if label != ent.label_:
            ent = Span(doc, ent.start, ent.end, label=label)
            changed = True
        out.append(ent)
    if changed:
        set_ents(doc, out)
    return doc
