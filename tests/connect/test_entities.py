"""Cross-article entity resolution: tables of per-article entities and the merges they must give."""
from __future__ import annotations

import pytest

from storyline.connect.descriptions import parse_office
from storyline.connect.entities import CorpusEntity, is_name, resolve, slug
from storyline.records import AnalysedArticle, Entity, Event, Fact, Mention


def P(eid, name, aliases=(), roles=(), typ="PERSON", mentions=()):
    return Entity(id=eid, name=name, type=typ, aliases=tuple(aliases), roles=tuple(roles),
                  mentions=tuple(Mention(0, len(m), m) for m in mentions))


def A(aid, entities, events=(), facts=()):
    return AnalysedArticle(aid, entities=tuple(entities), events=tuple(events), facts=tuple(facts))


def analyses(articles) -> list[AnalysedArticle]:
    return [a if isinstance(a, AnalysedArticle) else A(*a) for a in articles]


def groups(out: list[CorpusEntity]) -> set[frozenset]:
    return {frozenset(c.members) for c in out}


def check(out, articles, together, apart):
    got = groups(out)
    members = {m for g in got for m in g}
    assert members == {(an.article_id, e.id) for an in analyses(articles) for e in an.entities}
    for g in together:
        assert any(g <= x for x in got), got
    for x, y in apart:
        assert not any(x in g and y in g for g in got), got


# (articles, groups of (article, local id) that must come out together, pairs that must stay apart)
CASES = [
    # same full name
    ([("a", [P("e1", "Anna Berg")]), ("b", [P("e1", "Anna Berg", ["Berg"])])],
     [{("a", "e1"), ("b", "e1")}], []),
    # transliteration variants when the surname agrees
    ([("a", [P("e1", "Sergey Lavin", ["Lavin"])]), ("b", [P("e2", "Sergei Lavin")])],
     [{("a", "e1"), ("b", "e2")}], []),
    # same first name, different people
    ([("a", [P("e1", "Sergey Lavin")]), ("b", [P("e1", "Sergey Orlov")])],
     [], [(("a", "e1"), ("b", "e1"))]),
    # a surname alone joins the only full name with it ...
    ([("a", [P("e1", "Mark Holt")]), ("b", [P("e3", "Holt")])],
     [{("a", "e1"), ("b", "e3")}], []),
    # ... and stays apart when two people share it
    ([("a", [P("e1", "Mark Holt"), P("e2", "Jane Holt")]), ("b", [P("e3", "Holt")])],
     [], [(("a", "e1"), ("b", "e3")), (("a", "e2"), ("b", "e3")), (("a", "e1"), ("a", "e2"))]),
    # a surname the model called ORG is that person
    ([("a", [P("e1", "Viktor Drago")]), ("b", [P("e4", "Drago", typ="ORG")])],
     [{("a", "e1"), ("b", "e4")}], []),
    # but an acronym organisation is not
    ([("a", [P("e1", "Mary Nato")]), ("b", [P("e4", "NATO", typ="ORG")])],
     [], [(("a", "e1"), ("b", "e4"))]),
    # places by canonical name, demonyms apart
    ([("a", [P("e1", "United States", ["US"], typ="GPE")]), ("b", [P("e2", "United States", ["U.S."], typ="GPE"),
                                                                  P("e3", "Americans", typ="NORP")])],
     [{("a", "e1"), ("b", "e2")}], [(("a", "e1"), ("b", "e3"))]),
    # a description alone never leaves its article without stories
    ([("a", [P("e2", "Phoenix Mercury center", ["basketball player"], ["center", "basketball player"])]),
      ("b", [P("e5", "Jasmine Ford", ["Ford"], ["basketball star"])])],
     [], [(("a", "e2"), ("b", "e5"))]),
    # ... nor on a shared office word
    ([("a", [P("e2", "Russian Foreign Minister", ["Russia's top diplomat"], ["Foreign Minister"])]),
      ("b", [P("e5", "Anton Belov", ["Belov"], ["Deputy Foreign Minister"])])],
     [], [(("a", "e2"), ("b", "e5"))]),
    # different types with the same text stay apart (a person is not a place)
    ([("a", [P("e1", "Georgia Lane")]), ("b", [P("e1", "Georgia", typ="GPE")])],
     [], [(("a", "e1"), ("b", "e1"))]),
    # a name most articles read as a club is the club, even where one article calls it a person
    ([("a", [P("e1", "Chelsea")]), ("b", [P("e2", "Chelsea", typ="ORG")]), ("c", [P("e3", "Chelsea", typ="ORG")])],
     [{("a", "e1"), ("b", "e2"), ("c", "e3")}], []),
    # ... but a person's full name is never moved to the place that shares a word
    ([("a", [P("e1", "Georgia Lane")]), ("b", [P("e1", "Georgia", typ="GPE")]), ("c", [P("e1", "Georgia", typ="GPE")])],
     [], [(("a", "e1"), ("b", "e1"))]),
    # a company with and without its legal form: "Boeing Co." is Boeing, "Walt Disney Company" Walt Disney Co
    ([("a", [P("e1", "Boeing Co.", typ="ORG"), P("e2", "Walt Disney Company", typ="ORG")]),
      ("b", [P("e1", "Boeing", typ="ORG"), P("e2", "Walt Disney Co", typ="ORG"), P("e3", "Company", typ="ORG")])],
     [{("a", "e1"), ("b", "e1")}, {("a", "e2"), ("b", "e2")}], [(("a", "e2"), ("b", "e3"))]),
    # European legal forms: "Velmar Chemie AG" and "Norrland Telecom AB" are the Velmar Chemie and Norrland
    # Telecom of other articles, and a person named exactly as such a company is that company ...
    ([("a", [P("e1", "Velmar Chemie AG", typ="ORG"), P("e2", "Norrland Telecom AB", typ="ORG")]),
      ("b", [P("e1", "Velmar Chemie", ["Velmar"]), P("e2", "Norrland Telecom", typ="ORG")]),
      ("c", [P("e1", "Velmar Chemie")])],
     [{("a", "e1"), ("b", "e1"), ("c", "e1")}, {("a", "e2"), ("b", "e2")}], []),
    # ... but a person is not a company without a legal form, nor where the form follows a place ("Texas AG")
    ([("a", [P("e1", "Texas AG", typ="ORG")]), ("b", [P("e1", "Texas", typ="GPE")])],
     [], [(("a", "e1"), ("b", "e1"))]),
    # a person's full name read as an organisation in one article is that person, where more read it so ...
    ([("a", [P("e1", "Claudia Neumann")]), ("b", [P("e1", "Claudia Neumann", ["Neumann"])]),
      ("c", [P("e1", "Claudia Neumann", typ="ORG")])],
     [{("a", "e1"), ("b", "e1"), ("c", "e1")}], []),
    # ... the surname alone counting as the person's ("Ingrid Dahl" an ORG twice, "Dahl" a person beside it)
    ([("a", [P("e1", "Ingrid Dahl", typ="ORG"), P("e2", "Dahl")]), ("b", [P("e1", "Ingrid Dahl", typ="ORG"),
                                                                          P("e2", "Dahl")]),
      ("c", [P("e1", "Ingrid Dahl")])],
     [{("a", "e1"), ("a", "e2"), ("b", "e1"), ("b", "e2"), ("c", "e1")}], []),
    # ... and a company most articles name stays a company where one reads it as a person
    ([("a", [P("e1", "Goldman Sachs", typ="ORG")]), ("b", [P("e1", "Goldman Sachs", typ="ORG")]),
      ("c", [P("e1", "Goldman Sachs")])],
     [{("a", "e1"), ("b", "e1")}], [(("a", "e1"), ("c", "e1"))]),
    # a company's short name is the one company of the story whose name begins with it ...
    ([("a", [P("e1", "Kestrel Logistics", typ="ORG")]), ("b", [P("e1", "Kestrel", typ="ORG")])],
     [{("a", "e1"), ("b", "e1")}], []),
    ([("a", [P("e1", "Kestrel Logistics", typ="ORG")]), ("b", [P("e1", "Kestrel")]),
      ("c", [P("e1", "Kestrel", typ="ORG")])],
     [{("a", "e1"), ("b", "e1"), ("c", "e1")}], []),
    # ... not where two companies' names begin with it, nor where it is a person's surname
    ([("a", [P("e1", "Halvorsen Maritime", typ="ORG"), P("e2", "Halvorsen Group", typ="ORG")]),
      ("b", [P("e1", "Halvorsen", typ="ORG")])],
     [], [(("a", "e1"), ("b", "e1")), (("a", "e2"), ("b", "e1"))]),
    ([("a", [P("e1", "Ford Motor", typ="ORG"), P("e2", "Bill Ford")]), ("b", [P("e1", "Ford", typ="ORG")])],
     [], [(("a", "e1"), ("b", "e1"))]),
    # a one-word name inside one person's longer name is that person: "Lula", "Rodham", "García" ...
    ([("a", [P("e1", "Luiz Inácio Lula da Silva", ["Silva"])]), ("b", [P("e1", "Lula")]),
      ("c", [P("e1", "Hillary Rodham Clinton"), P("e2", "Rodham")]),
      ("d", [P("e1", "Gabriel García Márquez"), P("e2", "García")])],
     [{("a", "e1"), ("b", "e1")}, {("c", "e1"), ("c", "e2")}, {("d", "e1"), ("d", "e2")}], []),
    # ... not where another person has it as a first name or inside too, nor a first name alone
    ([("a", [P("e1", "Luiz Inácio Lula da Silva"), P("e2", "Lula Moreira")]), ("b", [P("e1", "Lula")]),
      ("c", [P("e1", "Ana Paula Ferreira"), P("e2", "Maria Paula Santos"), P("e3", "Paula")]),
      ("d", [P("e1", "Ana Paula Ferreira"), P("e2", "Ana")])],
     [], [(("a", "e1"), ("b", "e1")), (("a", "e2"), ("b", "e1")), (("c", "e1"), ("c", "e3")),
          (("c", "e2"), ("c", "e3")), (("d", "e1"), ("d", "e2"))]),
    # the Arabic article does not split a surname: "al-Assad", "Al Assad"
    ([("a", [P("e1", "Bashar al-Assad")]), ("b", [P("e1", "Bashar Al Assad", ["Assad"])])],
     [{("a", "e1"), ("b", "e1")}], []),
]


@pytest.mark.parametrize("articles,together,apart", CASES)
def test_resolve(articles, together, apart):
    check(resolve(analyses(articles)), articles, together, apart)


def test_canonical_name_type_aliases_and_roles():
    out = resolve(analyses([("a", [P("e1", "Holt", roles=["businessman"])]),
                            ("b", [P("e1", "Mark Holt", ["Holt"], ["Canadian businessman"])])]))
    (c,) = out
    assert (c.name, c.type) == ("Mark Holt", "PERSON")
    assert "Holt" in c.aliases and "Mark Holt" not in c.aliases
    assert set(c.roles) == {"businessman", "Canadian businessman"}


def test_a_name_in_capitals_is_shown_as_the_text_writes_it_elsewhere():
    """A dateline's "MOSCOW" is named "Moscow" where the article also writes it so; an acronym stays."""
    out = resolve(analyses([("a", [P("e1", "MOSCOW", typ="GPE", mentions=["MOSCOW", "Moscow"]),
                                   P("e2", "NATO", typ="ORG", mentions=["NATO", "NATO"])])]))
    assert sorted(c.name for c in out) == ["Moscow", "NATO"]


def test_a_club_called_a_person_once_is_typed_as_the_club():
    out = resolve(analyses([("a", [P("e1", "Chelsea")]), ("b", [P("e2", "Chelsea", typ="ORG")]),
                            ("c", [P("e3", "Chelsea", typ="ORG")])]))
    assert [c.type for c in out] == ["ORG"]


def test_ids_are_deterministic_and_unique():
    articles = analyses([("a", [P("e1", "Anna Berg"), P("e2", "Berlin", typ="GPE")]), ("b", [P("e1", "Anna Berg")])])
    one, two = resolve(articles), resolve(list(reversed(articles)))
    assert sorted(c.id for c in one) == sorted(c.id for c in two)
    assert len({c.id for c in one}) == len(one)


# (name, its slug in ids): Latin letters in ASCII, an ASCII name as before
SLUGS = [
    ("Nadia Calviño", "nadia-calvino"), ("Thomas Müller", "thomas-muller"),
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"), ("Đoàn Văn Hậu", "doan-van-hau"), ("İstanbul", "istanbul"),
    # letters NFKD keeps whole: as English news writes them
    ("Alaksandr Łukašenka", "alaksandr-lukasenka"), ("Søren Kierkegaard", "soren-kierkegaard"),
    ("Franz Weiß", "franz-weiss"), ("Jón Þór Ólafsson", "jon-thor-olafsson"), ("Ærø", "aero"),
    # ASCII names keep their slugs
    ("Vladimir Putin", "vladimir-putin"), ("Bashar al-Assad", "bashar-al-assad"), ("AT&T Inc.", "at-t-inc"),
    # another script: nothing left (the id's hash or story keeps it apart)
    ("Владимир Путин", "x"),
]


@pytest.mark.parametrize("name, expected", SLUGS)
def test_slug(name, expected):
    assert slug(name) == expected


def test_an_id_spells_a_name_in_ascii():
    articles = analyses([("a", [P("e1", "Nadia Calviño")]), ("b", [P("e1", "Nadia Calviño")])])
    ids = {c.name: c.id for c in resolve(articles)}
    assert ids["Nadia Calviño"].startswith("person:nadia-calvino~")


@pytest.mark.parametrize("text,expected", [
    ("Anna Berg", True), ("Ludwig van Beethoven", True), ("basketball player", False),
    ("Russian Foreign Minister", False), ("31-year-old", False), ("Phoenix Mercury center", False),
    ("Bashar al-Assad", True),
])
def test_is_name(text, expected):
    assert is_name(text) is expected


def test_blocking_scales():
    """Thousands of distinct people resolve quickly: no all-pairs comparison."""
    import time
    def word(i: int) -> str:
        syllables = ["ka", "lo", "mi", "nu", "pe", "ro", "sa", "ti", "vo", "ze"]
        return "".join(syllables[int(d)] for d in str(i)).capitalize()

    articles = analyses([(f"a{i}", [P("e1", f"Ann {word(i)}"), P("e2", word(i))]) for i in range(3000)])
    t = time.perf_counter()
    out = resolve(articles)
    assert time.perf_counter() - t < 5
    assert len(out) == 3000


def sentence(text: str) -> Mention:
    return Mention(0, len(text), text)


def E(kind, trigger, text, *participants):
    return Event(kind, sentence(trigger), sentence(text), tuple(participants))


# Names across articles without stories: particles, hyphens and the people who only share a name part
NAME_CASES = [
    # a surname with its particles, capitalised at the start of a sentence
    ([("a", [P("e1", "Pieter van der Berg")]), ("b", [P("e1", "Van der Berg")])],
     [{("a", "e1"), ("b", "e1")}], []),
    ([("a", [P("e1", "Leila al-Khatib")]), ("b", [P("e2", "Al-Khatib")])],
     [{("a", "e1"), ("b", "e2")}], []),
    ([("a", [P("e1", "Marine Le Pen")]), ("b", [P("e1", "Le Pen")])],
     [{("a", "e1"), ("b", "e1")}], []),
    ([("a", [P("e1", "Omar bin Rashid")]), ("b", [P("e3", "Bin Rashid")])],
     [{("a", "e1"), ("b", "e3")}], []),
    ([("a", [P("e1", "Sofie Holm-Jensen")]), ("b", [P("e1", "Holm-Jensen")])],
     [{("a", "e1"), ("b", "e1")}], []),
    # "Al" before one word is a first name unless a longer name ends with the pair
    ([("a", [P("e1", "Al Gore")]), ("b", [P("e1", "Tipper Gore")])],
     [], [(("a", "e1"), ("b", "e1"))]),
    # two people sharing a surname, or a first name, are two
    ([("a", [P("e1", "Anna Berg")]), ("b", [P("e1", "Erik Berg")]), ("c", [P("e1", "Anna Lind")])],
     [], [(("a", "e1"), ("b", "e1")), (("a", "e1"), ("c", "e1"))]),
    ([("a", [P("e1", "Pieter van der Berg")]), ("b", [P("e1", "Anna Berg")])],
     [], [(("a", "e1"), ("b", "e1"))]),
    # a spelling variant or a short form is no reason without a story
    ([("a", [P("e1", "Bob Iger")]), ("b", [P("e1", "Robert Iger")])],
     [], [(("a", "e1"), ("b", "e1"))]),
    ([("a", [P("e1", "Muammar Gaddafi")]), ("b", [P("e1", "Moammar Qaddafi")])],
     [], [(("a", "e1"), ("b", "e1"))]),
]


@pytest.mark.parametrize("articles,together,apart", NAME_CASES)
def test_names_across_articles(articles, together, apart):
    check(resolve(analyses(articles)), articles, together, apart)


MAN = P("e2", "Michigan man", mentions=["Michigan man", "He", "he"])
WHELAN = P("e5", "Paul Whelan", roles=["former Marine"], mentions=["Paul Whelan"])
SENTENCED = E("sentence", "sentenced", "A Michigan man was sentenced to 16 years in prison for espionage.",
              ("patient", "e2"))
CONVICTED = E("conviction", "convicted", "Paul Whelan was convicted in Russia on espionage charges.",
              ("patient", "e5"))

# (articles, story of each article, together, apart): stories let transliterations, surnames and descriptions join
STORY_CASES = [
    # the justice events of both tell one detail that no one else's do
    ([A("a", [MAN], [SENTENCED]), A("b", [WHELAN], [CONVICTED])], {"a": "s", "b": "s"},
     [{("a", "e2"), ("b", "e5")}], []),
    # ... but not across stories
    ([A("a", [MAN], [SENTENCED]), A("b", [WHELAN], [CONVICTED])], {"a": "s", "b": "t"},
     [], [(("a", "e2"), ("b", "e5"))]),
    # ... nor to a woman, however alike the events
    ([A("a", [MAN], [SENTENCED]),
      A("b", [P("e5", "Jo Doe", mentions=["Jo Doe", "she", "her"])],
        [E("conviction", "convicted", "Jo Doe was convicted of espionage.", ("patient", "e5"))])],
     {"a": "s", "b": "s"}, [], [(("a", "e2"), ("b", "e5"))]),
    # ... nor when the detail is everybody's
    ([A("a", [MAN], [SENTENCED]),
      A("b", [WHELAN, P("e6", "Trevor Reed", mentions=["Trevor Reed"])],
        [CONVICTED, E("sentence", "sentenced", "Trevor Reed was sentenced for espionage.", ("patient", "e6"))])],
     {"a": "s", "b": "s"}, [], [(("a", "e2"), ("b", "e5")), (("a", "e2"), ("b", "e6"))]),
    # one office: "Russia's top diplomat" is the foreign minister the story names
    ([A("a", [P("e1", "Russian Foreign Minister", ["Russia's top diplomat"], ["Foreign Minister"])]),
      A("b", [P("e3", "Sergei Lavrov", ["Lavrov"], ["Russian Foreign Minister"])])], {"a": "s", "b": "s"},
     [{("a", "e1"), ("b", "e3")}], []),
    # ... when both texts say whose: a defence minister of no stated country may be anyone's
    ([A("a", [P("e1", "Britain's defence secretary", roles=["Britain's defence secretary"])]),
      A("b", [P("e3", "Jean-Yves Le Drian", roles=["Defense Minister"])])], {"a": "s", "b": "s"},
     [], [(("a", "e1"), ("b", "e3"))]),
    # ... but a deputy holds no office alone, and two holders of it leave it open
    ([A("a", [P("e1", "senior Russian diplomat", roles=["Deputy Foreign Minister"])]),
      A("b", [P("e3", "Sergei Ryabkov", roles=["Deputy Foreign Minister"])])], {"a": "s", "b": "s"},
     [], [(("a", "e1"), ("b", "e3"))]),
    ([A("a", [P("e1", "top diplomat", roles=["top diplomat"])]),
      A("b", [P("e3", "Sergei Lavrov", roles=["Foreign Minister"]), P("e4", "Antony Blinken", roles=["Secretary of State"])])],
     {"a": "s", "b": "s"}, [], [(("a", "e1"), ("b", "e3")), (("a", "e1"), ("b", "e4"))]),
    # a city's prosecutor is the prosecutor, not the city's mayor
    ([A("a", [P("e1", "Paris prosecutor", roles=["prosecutor"])]),
      A("b", [P("e2", "Anne Hidalgo", roles=["mayor of Paris"])]),
      A("c", [P("e3", "Francois Molins", roles=["Paris prosecutor"])])], {"a": "s", "b": "s", "c": "s"},
     [{("a", "e1"), ("c", "e3")}], [(("a", "e1"), ("b", "e2"))]),
    ([A("a", [P("e1", "Paris prosecutor", roles=["prosecutor"])]),
      A("b", [P("e2", "Anne Hidalgo", roles=["mayor of Paris"])])], {"a": "s", "b": "s"},
     [], [(("a", "e1"), ("b", "e2"))]),
    # two unnamed holders of one office of one country are one
    ([A("a", [P("e1", "Malaysian prime minister", roles=["prime minister"])]),
      A("b", [P("e1", "Malaysia's prime minister", roles=["prime minister"])])], {"a": "s", "b": "s"},
     [{("a", "e1"), ("b", "e1")}], []),
    # a fact no one else has
    ([A("a", [P("e1", "31-year-old", mentions=["31-year-old", "she"])], facts=[
        Fact("e1", "age", "31", sentence("The 31-year-old pleaded guilty."))]),
      A("b", [P("e4", "Brittney Griner", mentions=["Brittney Griner", "she"])], facts=[
          Fact("e4", "age", "31", sentence("Griner, 31, was detained."))])], {"a": "s", "b": "s"},
     [{("a", "e1"), ("b", "e4")}], []),
    # spellings of one name in one story
    ([A("a", [P("e1", "Muammar Gaddafi")]), A("b", [P("e1", "Moammar Qaddafi")]),
      A("c", [P("e1", "Ann Chen")]), A("d", [P("e1", "Ann Chan")])],
     {"a": "s", "b": "s", "c": "s", "d": "s"}, [{("a", "e1"), ("b", "e1")}], [(("c", "e1"), ("d", "e1"))]),
    # a first name's usual short form in one story: the one full name it stands for
    ([A("a", [P("e1", "Robert A. Iger")]), A("b", [P("e1", "Bob Iger")]),
      A("c", [P("e1", "Henry Paulson")]), A("d", [P("e1", "Hank Paulson")]),
      A("e", [P("e1", "Chris Evans")]), A("f", [P("e1", "Christopher Evans")]), A("g", [P("e1", "Christine Evans")]),
      A("h", [P("e1", "Bill Smith")]), A("i", [P("e1", "Robert Smith")]),
      A("j", [P("e1", "Rob Stone")]), A("k", [P("e1", "Bob Stone")])],
     {k: "s" for k in "abcdefghijk"}, [{("a", "e1"), ("b", "e1")}, {("c", "e1"), ("d", "e1")}],
     [(("e", "e1"), ("f", "e1")), (("e", "e1"), ("g", "e1")), (("f", "e1"), ("g", "e1")),
      (("h", "e1"), ("i", "e1")), (("j", "e1"), ("k", "e1"))]),
    # what someone said tells nothing of who they are
    ([A("a", [P("e1", "police official", roles=["police official"])],
        [E("statement", "said", "A police official said the attacker aimed to provoke a stampede.", ("agent", "e1"))]),
      A("b", [P("e2", "Louis Hamel")],
        [E("statement", "said", "Louis Hamel said the attacker aimed at the crowd.", ("agent", "e2"))])],
     {"a": "s", "b": "s"}, [], [(("a", "e1"), ("b", "e2"))]),
    # one office of two countries is two people; an office of no place is anybody's
    ([A("a", [P("e1", "France's prime minister", roles=["prime minister"])]),
      A("b", [P("e2", "David Cameron", roles=["British Prime Minister"])])], {"a": "s", "b": "s"},
     [], [(("a", "e1"), ("b", "e2"))]),
    ([A("a", [P("e1", "mayor", roles=["mayor"])]), A("b", [P("e2", "Anne Hidalgo", roles=["mayor of Paris"])])],
     {"a": "s", "b": "s"}, [], [(("a", "e1"), ("b", "e2"))]),
    # the same words for a person many people of a story are stay apart; specific ones join
    ([A("a", [P("e1", "French police official")]), A("b", [P("e1", "French police official")]),
      A("c", [P("e1", "brother's wife", mentions=["brother's wife", "she"])]),
      A("d", [P("e1", "brother's wife", mentions=["brother's wife"])])], {k: "s" for k in "abcd"},
     [{("c", "e1"), ("d", "e1")}], [(("a", "e1"), ("b", "e1"))]),
    ([A("a", [P("e1", "prime minister", roles=["prime minister"])]),
      A("b", [P("e1", "prime minister", roles=["Prime Minister"])])], {"a": "s", "b": "s"},
     [], [(("a", "e1"), ("b", "e1"))]),
    # a surname alone is the person of its own story who has it, even where another story has another
    ([A("a", [P("e1", "Mark Holt")]), A("b", [P("e1", "Jane Holt")]), A("c", [P("e1", "Holt")])],
     {"a": "s", "b": "t", "c": "s"}, [{("a", "e1"), ("c", "e1")}], [(("b", "e1"), ("c", "e1"))]),
    # an acronym alone is the organisation of its story it stands for: an alias elsewhere, or the name's initials;
    # never one of another story, nor one of two it could stand for
    ([A("a", [P("e1", "Brazilian Association of Port Terminals", ["ABTP"], typ="ORG")]),
      A("b", [P("e1", "ABTP", typ="ORG")]), A("c", [P("e1", "Santos Port Authority", typ="ORG")]),
      A("d", [P("e1", "SPA", typ="ORG")])], {"a": "s", "b": "s", "c": "t", "d": "u"},
     [{("a", "e1"), ("b", "e1")}], [(("c", "e1"), ("d", "e1"))]),
    ([A("a", [P("e1", "Athletics Integrity Unit", typ="ORG")]), A("b", [P("e1", "AIU", typ="ORG")]),
      A("c", [P("e1", "Court of Arbitration for Sport", typ="ORG"), P("e2", "Central Asian Senate", typ="ORG")]),
      A("d", [P("e1", "CAS", typ="ORG")])], {k: "s" for k in "abcd"},
     [{("a", "e1"), ("b", "e1")}], [(("c", "e1"), ("d", "e1")), (("c", "e2"), ("d", "e1"))]),
]


@pytest.mark.parametrize("articles,story_of,together,apart", STORY_CASES)
def test_resolve_within_stories(articles, story_of, together, apart):
    check(resolve(articles, story_of=story_of), articles, together, apart)


def test_an_organisation_is_named_in_full_rather_than_by_its_acronym():
    articles = analyses([("a", [P("e1", "Brazilian Association of Port Terminals", ["ABTP"], typ="ORG")]),
                         ("b", [P("e1", "ABTP", typ="ORG")]), ("c", [P("e1", "ABTP", typ="ORG")])])
    (org,) = resolve(articles, story_of={"a": "s", "b": "s", "c": "s"})
    assert org.name == "Brazilian Association of Port Terminals" and "ABTP" in org.aliases


def test_without_stories_a_shared_surname_is_left_open():
    articles = analyses([("a", [P("e1", "Mark Holt")]), ("b", [P("e1", "Jane Holt")]), ("c", [P("e1", "Holt")])])
    check(resolve(articles), articles, [], [(("a", "e1"), ("c", "e1")), (("b", "e1"), ("c", "e1"))])


def test_a_trace_names_each_description_join_and_its_reason():
    trace: list = []
    resolve([A("a", [MAN], [SENTENCED]), A("b", [WHELAN], [CONVICTED])], story_of={"a": "s", "b": "s"}, trace=trace)
    assert trace == [("description", "a", "e2", "b", "e5", "justice (patient): espionage")]


@pytest.mark.parametrize("text,expected", [
    ("Russia's top diplomat", ("foreign minister", False, frozenset({"Russia"}))),
    ("former US Marine", ("marine", True, frozenset({"United States"}))),
    ("Paris prosecutor", ("prosecutor", False, frozenset({"Paris"}))),
    ("mayor of Paris", ("mayor", False, frozenset({"Paris"}))),
    ("Malaysian prime minister", ("prime minister", False, frozenset({"Malaysia"}))),
    ("Michigan man", None),
    ("Paul Whelan", None),
])
def test_parse_office(text, expected):
    assert parse_office(text) == expected


# Small article sets read end to end (stage 3, then resolve with their stories): (article id, story, text)
CROSS_DOC = [
    ("a1", "lavrov", "Russian Foreign Minister Sergei Lavrov met Chinese envoys in Beijing on Monday. Lavrov said "
                     "the talks were useful."),
    ("a2", "lavrov", "Sergey Lavrov arrived in Ankara on Tuesday for talks on grain exports."),
    ("a3", "lavrov", "Russia's top diplomat said on Wednesday that the sanctions had failed."),
    ("b1", "economy", "Anna Berg, a Swedish economist, said prices would rise. Berg spoke in Stockholm."),
    ("b2", "skiing", "Norwegian skier Erik Berg won the race in Oslo on Sunday. Berg said he was tired."),
    ("b3", "skiing", "Berg, who won in Oslo, will race again in Lahti next week."),
    ("c1", "libya", "Muammar Gaddafi addressed supporters in Tripoli on Friday."),
    ("c2", "libya", "Moammar Qaddafi vowed to fight on, his spokesman said."),
]
# (mentions, as (article, text), that must be one entity), (pairs that must be two)
CROSS_DOC_TOGETHER = [
    {("a1", "Sergei Lavrov"), ("a1", "Lavrov"), ("a2", "Sergey Lavrov"), ("a3", "Russia's top diplomat")},
    {("b2", "Erik Berg"), ("b3", "Berg")},
    {("c1", "Muammar Gaddafi"), ("c2", "Moammar Qaddafi")},
]
CROSS_DOC_APART = [(("b1", "Anna Berg"), ("b2", "Erik Berg")), (("b1", "Berg"), ("b3", "Berg"))]


@pytest.fixture(scope="module")
def cross_doc():
    from storyline.read import analyse
    from storyline.records import Article
    analysed = [analyse(Article(id=aid, source=aid, text=text, content_hash=aid)) for aid, _, text in CROSS_DOC]
    out = resolve(analysed, story_of={aid: story for aid, story, _ in CROSS_DOC})
    local = {(an.article_id, e.id): e for an in analysed for e in an.entities}
    where = {}
    for c in out:
        for aid, lid in c.members:
            for m in local[(aid, lid)].mentions:
                where[(aid, m.text)] = c.id
    return where


@pytest.mark.parametrize("chain", CROSS_DOC_TOGETHER)
def test_cross_document_chains(cross_doc, chain):
    assert len({cross_doc.get(m) for m in chain}) == 1 and None not in {cross_doc.get(m) for m in chain}, \
        {m: cross_doc.get(m) for m in chain}


@pytest.mark.parametrize("a,b", CROSS_DOC_APART)
def test_cross_document_people_sharing_a_surname(cross_doc, a, b):
    assert cross_doc[a] != cross_doc[b]


def test_descriptions_in_one_large_story_resolve_quickly():
    """Unnamed and named people of a 2,000-article story: no comparison of every pair."""
    import time
    articles = [A(f"a{i}", [P("e1", f"Ann Person{i}", roles=[f"Ruritanian minister of thing{i}"]),
                            P("e2", "police official", roles=["police official"], mentions=["police official", "he"])],
                  [E("arrest", "arrested", f"Ann Person{i} was arrested in town{i}.", ("patient", "e1"))])
                for i in range(2000)]
    t = time.perf_counter()
    out = resolve(articles, story_of={f"a{i}": "s" for i in range(2000)})
    assert time.perf_counter() - t < 10
    assert len(out) == 4000
