"""What one article says, as counts of hashed keys: words, names and the dates it names.

Three kinds of evidence decide whether an article continues a story
(Miranda et al. 2018, "Multilingual clustering of streaming news", EMNLP:
TF-IDF of the body and title, entities, time):

- words: lower-cased letter runs of three or more letters, stop words out,
  the headline counted twice;
- names: stage 3's entities, grouped as people (PERSON), places (GPE, LOC,
  FAC) and other names (ORG, EVENT, LAW, PRODUCT, WORK_OF_ART), under their
  name and aliases; a person gives a full-name key (first + last word) and a
  surname key, so "Lindsay Lohan" and a later "Lohan" share a key, spelled
  under `read.entities.fold` so that transliterations agree (Sergei/Sergey);
  a name of a given name and two surnames gives the keys of its shorter
  form as well, since Spanish and Portuguese news shorten a name to the
  first surname ("Inés Martínez Quiroga" is "Inés Martínez", "Martínez");
  an organisation named for its country ("Central Bank of Chile") also
  names that place;
  a person's descriptions ("Russian Foreign Minister", "Phoenix Mercury
  center": not `connect.entities.is_name`) and nationalities (NORP) are not
  names; nor is what only a wire dateline names ("TOKYO | Tue Mar 15, 2011
  11:40 pm GMT TOKYO (Reuters) -"): the agency and the stamp are where the
  copy came from, shared by every story it sends;
- dates: the months and years that time expressions name with an explicit
  year ("March 11, 2011", "in 2009"); relative ones ("last Friday") depend on a
  publication date that is often unknown, so they are left out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from math import log

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.clean.credits import dateline_end  # stays importable from here (stories.profile, timeline.sentences)
from storyline.connect.entities import is_name, written
from storyline.read.entities import clean_name, fold
from storyline.read.entities.names import PARTICLES
from storyline.read.entities.roles import canonical_place, country_of
from storyline.records import AnalysedArticle, Article

from .vectors import key

WORD = re.compile(r"[^\W\d_]{3,}")
YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
STOP = frozenset(STOP_WORDS) | {"said", "says", "told", "tells", "according", "reported", "reports", "year",
                                "years", "new", "like", "just", "also", "would", "could", "including",
                                "week", "day", "time", "people", "mr", "mrs", "ms", "dr"}
KINDS = ("people", "places", "names")
_KIND_OF = {"PERSON": "people", "GPE": "places", "LOC": "places", "FAC": "places", "ORG": "names",
            "EVENT": "names", "LAW": "names", "PRODUCT": "names", "WORK_OF_ART": "names"}
_HONORIFIC = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "prime",
              "minister", "gen", "general", "sen", "senator", "rep", "gov", "governor", "king", "queen",
              "prince", "princess", "pope", "judge", "chancellor", "first"}
_SUFFIX = {"inc", "corp", "corporation", "ltd", "plc", "co", "llc", "ag", "sa", "group", "company"}


@dataclass
class Counts:
    """One article's raw evidence: key -> count per kind, display names, dated mentions."""

    words: Counter = field(default_factory=Counter)
    names: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    display: dict[int, str] = field(default_factory=dict)      # name key -> how the article writes it
    months: Counter = field(default_factory=Counter)           # yyyymm -> mentions
    years: Counter = field(default_factory=Counter)            # yyyy -> mentions

    def keys(self) -> set[int]:
        """Every key whose document frequency the corpus counts."""
        return set(self.words) | {k for c in self.names.values() for k in c}


class Memo(dict):
    """A bounded memo of a one-argument function: `memo[x]` is `function(x)`, computed on first use (a
    plain dict look-up costs less than an lru_cache call, and count and profile.build look up every word of
    every article);
    emptied when it holds `size` entries."""

    def __init__(self, function, size: int):
        super().__init__()
        self.function, self.size = function, size

    def __missing__(self, x):
        if len(self) >= self.size:
            self.clear()
        out = self[x] = self.function(x)
        return out


_FOLD = Memo(fold, 1 << 18)          # a word of a name -> its spelling key (names recur in many forms)
_CLEAN = Memo(clean_name, 1 << 18)   # a name as written -> clean_name of it (name_keys cleans a name twice)
_IS_NAME = Memo(is_name, 1 << 18)
_NAME_SPLIT = re.compile(r"[\s.,]+")
_OF_COUNTRY = re.compile(r"\bof (?:the )?([A-Z][\w'’.]*(?: [A-Z][\w'’.]*)*)$")


def _name_words(name: str) -> list[str]:
    folded = _FOLD
    return [f for w in _NAME_SPLIT.split(_CLEAN[name]) if (f := folded[w])]


def person_words(name: str) -> list[str]:
    """A person's name as folded words (`read.entities.fold`), leading titles left out ("Judge Maria Ortiz":
    maria, ortiz)."""
    words = _name_words(name)
    while len(words) > 1 and words[0] in _HONORIFIC:
        words = words[1:]
    return words


@lru_cache(maxsize=1 << 18)
def name_keys(kind: str, name: str) -> tuple[tuple[int, str], ...]:
    """The keys of one name with the display form each stands for; () for a description."""
    name = _CLEAN[name]
    if not name or not name[0].isupper() or not any(c.isalpha() for c in name):
        return ()
    if kind == "places":
        name = canonical_place(name)          # "U.S." and "United States" are one place, one key
    if kind == "people":
        words = person_words(name)
        if not words:
            return ()
        written_words = name.split()
        keys = [(key("s", words[-1]), written_words[-1])]
        if len(words) > 1:
            keys.append((key("n", f"{words[0]} {words[-1]}"), name))
        if len(words) == 3 == len(written_words) and len(words[1]) > 1 and words[1] not in PARTICLES:
            keys += [(key("s", words[1]), written_words[1]), (key("n", f"{words[0]} {words[1]}"), name)]
        return tuple(keys)
    words = _name_words(name)
    while len(words) > 1 and words[-1] in _SUFFIX:
        words = words[:-1]
    return ((key("n", " ".join(words)), name),) if words else ()


def _country_named(name: str) -> str | None:
    """The country an organisation is named for ("Central Bank of Chile", "Bank of England"), else None."""
    m = _OF_COUNTRY.search(name)
    return country_of(m.group(1)) if m else None


def _salience(mentions: int, first: int, length: int) -> float:
    """More mentions count more, sub-linearly; a name in the first fifth of the text counts double."""
    return (1.0 + log(max(mentions, 1))) * (2.0 if first < max(length // 5, 200) else 1.0)


_TERM = Memo(lambda w: key.__wrapped__("t", w), 1 << 20)      # word -> its key (not cached twice)


def shown_form(old: str | None, new: str) -> str:
    """The form to show for a name key: the first met, unless it is all capitals and `new` is not (a
    dateline's "MOSCOW" gives way to "Moscow")."""
    return new if old is None or (old.isupper() and not new.isupper()) else old


def _entity_keys(kind_forms: tuple[str, str, tuple[str, ...]]) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
    """(the forms that count, their (key, display) pairs without repeated keys) of one entity's (kind, name,
    aliases): a person's descriptions are not names."""
    kind, name, aliases = kind_forms
    forms = tuple(f for f in (name, *aliases) if kind != "people" or _IS_NAME[f])
    return forms, tuple(dict(k for f in forms for k in name_keys(kind, f)).items())


_ENTITY = Memo(_entity_keys, 1 << 18)


def count(article: Article, analysis: AnalysedArticle | None) -> Counts:
    """The words, names and named dates of one article (the headline's words count twice).

    Words are counted first and each distinct one hashed once (memoised, as are an entity's keys by its
    kind, name and aliases); the counts and their order are those of counting the words one by one."""
    out = Counts()
    title = article.title or ""
    words = Counter(WORD.findall(title.lower()))
    for w in words:
        words[w] *= 2
    words.update(WORD.findall(article.text.lower()))
    for w in STOP.intersection(words):
        del words[w]
    out.words.update(dict(zip(map(_TERM.__getitem__, words), words.values())))
    length, body = len(article.text), dateline_end(article.text)
    for e in (analysis.entities if analysis else ()):
        kind = _KIND_OF.get(e.type)
        if kind is None:
            continue
        mentions = [m.start for m in e.mentions if m.start >= body]
        if e.mentions and not mentions:
            continue                                          # named by the dateline alone
        first = min(mentions) if mentions else length
        forms, keys = _ENTITY[kind, e.name, tuple(e.aliases)]
        weight = _salience(len(mentions), first, length) * (2.0 if any(f in title for f in forms) else 1.0)
        names = out.names[kind]
        for k, shown in keys:
            names[k] += weight
            out.display[k] = shown_form(out.display.get(k), written(shown, e.mentions))
        if kind == "names" and (country := _country_named(e.name)):
            for k, shown in name_keys("places", country):
                out.names["places"][k] += weight
                out.display.setdefault(k, shown)
    for t in (analysis.time_expressions if analysis else ()):
        m = YEAR.search(t.text)
        if t.type != "DATE" or not m or not t.value.startswith(m.group(1)):
            continue
        out.years[int(m.group(1))] += 1
        if re.match(r"\d{4}-\d\d", t.value):
            out.months[int(t.value[:4] + t.value[5:7])] += 1
    return out
