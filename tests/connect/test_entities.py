"""Cross-article entity resolution: tables of per-article entities and the merges they must give."""
from __future__ import annotations

import pytest

from storyline.connect.entities import CorpusEntity, is_name, resolve
from storyline.records import Entity


def P(eid, name, aliases=(), roles=(), typ="PERSON"):
    return Entity(id=eid, name=name, type=typ, aliases=tuple(aliases), roles=tuple(roles))


def groups(out: list[CorpusEntity]) -> set[frozenset]:
    return {frozenset(c.members) for c in out}


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
    # an unnamed person joins the one named person sharing a distinctive role word
    ([("a", [P("e2", "Phoenix Mercury center", ["basketball player", "31-year-old"], ["center", "basketball player"])]),
      ("b", [P("e5", "Jasmine Ford", ["Ford"], ["basketball star"])])],
     [{("a", "e2"), ("b", "e5")}], []),
    # ... but not on a shared office word
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
    # the Arabic article does not split a surname: "al-Assad", "Al Assad"
    ([("a", [P("e1", "Bashar al-Assad")]), ("b", [P("e1", "Bashar Al Assad", ["Assad"])])],
     [{("a", "e1"), ("b", "e1")}], []),
]


@pytest.mark.parametrize("articles,together,apart", CASES)
def test_resolve(articles, together, apart):
    out = resolve(articles)
    got = groups(out)
    members = {m for g in got for m in g}
    assert members == {(aid, e.id) for aid, ents in articles for e in ents}
    for g in together:
        assert any(g <= x for x in got), got
    for x, y in apart:
        assert not any(x in g and y in g for g in got), got


def test_canonical_name_type_aliases_and_roles():
    out = resolve([("a", [P("e1", "Holt", roles=["businessman"])]),
                   ("b", [P("e1", "Mark Holt", ["Holt"], ["Canadian businessman"])])])
    (c,) = out
    assert (c.name, c.type) == ("Mark Holt", "PERSON")
    assert "Holt" in c.aliases and "Mark Holt" not in c.aliases
    assert set(c.roles) == {"businessman", "Canadian businessman"}


def test_a_club_called_a_person_once_is_typed_as_the_club():
    out = resolve([("a", [P("e1", "Chelsea")]), ("b", [P("e2", "Chelsea", typ="ORG")]),
                   ("c", [P("e3", "Chelsea", typ="ORG")])])
    assert [c.type for c in out] == ["ORG"]


def test_ids_are_deterministic_and_unique():
    articles = [("a", [P("e1", "Anna Berg"), P("e2", "Berlin", typ="GPE")]), ("b", [P("e1", "Anna Berg")])]
    one, two = resolve(articles), resolve(list(reversed(articles)))
    assert sorted(c.id for c in one) == sorted(c.id for c in two)
    assert len({c.id for c in one}) == len(one)


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

    articles = [(f"a{i}", [P("e1", f"Ann {word(i)}"), P("e2", word(i))]) for i in range(3000)]
    t = time.perf_counter()
    out = resolve(articles)
    assert time.perf_counter() - t < 5
    assert len(out) == 3000
