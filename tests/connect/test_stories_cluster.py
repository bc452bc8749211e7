"""Single-pass assignment and merges with hand-made profiles and a hand-set join model (no embeddings)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from storyline.connect.stories import FEATURES, JoinModel, Profile, StoryIndex, StoryState, assign, row, story_id
from storyline.connect.stories.model import default, from_json
from storyline.connect.stories.signals import names_clash
from storyline.connect.stories.state import namesakes, new
from storyline.connect.stories.terms import name_keys
from storyline.connect.stories.vectors import key, sparse

# joins on shared organisation names alone: P = sigmoid(40 * names_cosine - 15), above 1/2 from cosine 0.375
BY_NAMES = JoinModel(tuple(40.0 if f == "names" else 0.0 for f in FEATURES), -15.0)


def profile(seq: int, *names: str, day: int | None = None) -> Profile:
    weights = {key("n", n): 1.0 for n in names}
    return Profile(id=f"a{seq}", seq=seq, headline=f"headline {seq}", day=day,
                   names={"people": sparse({}), "places": sparse({}), "names": sparse(weights)},
                   all_names=sparse(weights), lookup=[(k, 1.0) for k in weights])


def groups(index: StoryIndex) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for aid, sid in index.story_of.items():
        out.setdefault(index.resolve(sid).id, set()).add(aid)
    return {frozenset(g) for g in out.values()}


def test_articles_sharing_names_join_and_others_start_stories():
    index = StoryIndex()
    assign([profile(1, "Acme"), profile(2, "Globex"), profile(3, "Acme"), profile(4, "Initech")], index, BY_NAMES)
    assert groups(index) == {frozenset({"a1", "a3"}), frozenset({"a2"}), frozenset({"a4"})}


def test_a_story_that_grows_into_another_is_merged_and_its_id_resolves():
    index = StoryIndex()
    # a2 shares too little with a1 to join it; a3 joins a1's story, which at two articles then names
    # enough of a2's to continue it: a2's smaller story is merged into a1's
    assign([profile(1, "Acme", "Zeta", "Kappa"), profile(2, "Globex", "Zeta", "Omega"),
            profile(3, "Acme", "Globex", "Zeta")], index, BY_NAMES)
    assert groups(index) == {frozenset({"a1", "a2", "a3"})}
    first, second = story_id("a1"), story_id("a2")       # each story is named after its first article
    assert index.story_of["a2"] == first and index.stories[second].merged_into == first
    assert index.resolve(second).id == first


# joins on names, and merges a story whose names another story holds (names_cover: the share of the
# first side's name weight that the second side holds): P = sigmoid(20 * cosine + 20 * cover - 15)
BY_NAMES_AND_COVER = JoinModel(tuple(20.0 if f in ("names", "names_cover") else 0.0 for f in FEATURES), -15.0)


def test_stories_that_meet_between_doubling_checks_merge_at_the_end_of_the_batch():
    # a1-a5 are a story about Acme (checked at 2 and 4 articles), a6-a7 one about Globex (checked at 2,
    # when no story named Globex yet); a8 names both and joins Acme's story at its sixth article, when
    # no doubling check falls due; the batch's last check sees that Globex's story lies inside Acme's
    batch = [profile(i, "Acme") for i in range(1, 6)] + [profile(6, "Globex"), profile(7, "Globex"),
                                                          profile(8, "Acme", "Globex")]
    index = StoryIndex()
    assign(batch, index, BY_NAMES_AND_COVER, merge=True)
    assert groups(index) == {frozenset(f"a{i}" for i in range(1, 9))}
    assert index.resolve(story_id("a6")).id == story_id("a1")       # the smaller went into the larger
    alone = StoryIndex()
    assign(batch, alone, BY_NAMES_AND_COVER, merge=False)
    assert len(groups(alone)) == 2


def test_stories_outside_the_time_window_are_no_candidates():
    index = StoryIndex(window_days=30)
    assign([profile(1, "Acme", day=1000), profile(2, "Acme", day=1020), profile(3, "Acme", day=1400)], index,
           BY_NAMES)
    assert groups(index) == {frozenset({"a1", "a2"}), frozenset({"a3"})}


def test_state_survives_bytes():
    p = profile(1, "Acme")
    p.dense, p.head = np.ones(4, np.float32) / 2, np.ones(4, np.float32) / 2
    s = StoryState(id="s1", created=1, active=1)
    s.add(p)
    back = StoryState.from_bytes(s.to_bytes())
    assert back.story() == replace(s.story(), article_ids=())     # members are the store's, not the blob's
    assert np.array_equal(back.names["names"][0], s.names["names"][0]) and np.allclose(back.dense, s.dense)
    assert len(back.near) == 1 and back.lookup_keys() == s.lookup_keys()


def test_the_model_keeps_its_cut_offs_through_json():
    model = JoinModel(tuple(0.5 for _ in FEATURES), -1.0, join=0.2, merge=0.7)
    back = from_json(model.to_json(fitted_on="a test"))
    assert back == model
    shipped = default()
    assert 0.0 < shipped.join < 1.0 and 0.0 < shipped.merge < 1.0


def test_trees_add_their_leaves_to_the_log_odds_and_survive_json():
    # one stump on "words" (<= 0.5: -2, else +2) over a zero linear part
    stump = ((FEATURES.index("words"), -2, -2), (0.5, -2.0, -2.0), (1, -1, -1), (2, -1, -1), (0.0, -2.0, 2.0))
    model = JoinModel(tuple(0.0 for _ in FEATURES), 0.0, trees=(stump,))
    low, high = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    high[FEATURES.index("words")] = 0.9
    assert model.probability(low) == pytest.approx(1 / (1 + np.exp(2)))
    assert model.probability(high) == pytest.approx(1 / (1 + np.exp(-2)))
    high[FEATURES.index("names_clash")] = 1.0
    assert model.probability(high) == 0.0                      # the gate closes before any tree
    assert from_json(model.to_json()) == model


def _person(seq: int, person: str, dense: np.ndarray) -> Profile:
    people = sparse({key("n", person): 1.0})
    return Profile(id=f"a{seq}", seq=seq, headline=f"headline {seq}", names={"people": people,
                   "places": sparse({}), "names": sparse({})}, all_names=people, dense=dense, head=dense)


@pytest.mark.parametrize("story_person, article_person, clash", [
    ("Ana Morales", "Ana Morales", 0.0),      # the same person: the text cosine does not count as a clash
    ("Ana Morales", "Taro Hayashi", 1.0),     # another person in the same words: a story of the same kind
])
def test_alike_text_about_other_people_is_its_own_signal(story_person, article_person, clash):
    vec = np.ones(4, np.float32) / 2
    s = StoryState(id="s1", created=1, active=1)
    s.add(_person(1, story_person, vec))
    x = dict(zip(FEATURES, row(_person(2, article_person, vec), s)))
    assert x["dense"] == pytest.approx(1.0) and x["headline_near"] == pytest.approx(1.0)
    assert x["people_clash"] == clash and x["dense_people_clash"] == pytest.approx(clash)
    assert x["words_names_missing"] == 0.0        # no words: nothing to discount


@pytest.mark.parametrize("a, b, expected", [
    ({1: 1.0, 5: 2.0, 9: 3.0}, {5: 1.0, 9: 1.0, 12: 1.0}, ([1, 2], [0, 1])),
    ({1: 1.0, 2: 1.0}, {3: 1.0, 4: 1.0}, ([], [])),             # disjoint
    ({20: 1.0}, {3: 1.0, 4: 1.0}, ([], [])),                    # past the last key of b
    ({}, {3: 1.0}, ([], [])),                                   # empty
    ({-7: 1.0, 3: 1.0}, {-7: 2.0, 3: 2.0}, ([0, 1], [0, 1])),   # negative keys (signed hashes)
])
def test_shared_keys_and_cosine_of_sparse_vectors(a, b, expected):
    from storyline.connect.stories.vectors import cosine, shared
    va, vb = sparse(a), sparse(b)
    ia, ib = shared(va, vb)
    assert (ia.tolist(), ib.tolist()) == expected
    dot = sum(a[k] * b[k] for k in set(a) & set(b))
    want = dot / (np.linalg.norm(list(a.values())) * np.linalg.norm(list(b.values()))) if a else 0.0
    assert cosine(va, vb) == pytest.approx(want, rel=1e-6)


def test_changes_leave_out_stories_started_and_merged_and_point_stored_ones_at_the_live_story():
    index = StoryIndex()
    index.load([new(profile(1, "Acme"), story_id("a1")), new(profile(2, "Globex"), story_id("a2"))])  # stored
    first, second = index.stories[story_id("a1")], index.stories[story_id("a2")]
    started = index.start(profile(3, "Acme", "Globex"))
    index.merge(started, first)         # a stored story goes into one started since the last save,
    index.merge(second, started)        # which then goes into another stored one
    assert {s.id: into for s, into in index.changes()} == {first.id: second.id, second.id: None}
    index.clear()
    assert index.changes() == [] and index.resolve(first.id) is second


def _article(seq: int, rng, people: list[str], words: list[str]) -> Profile:
    dense, head = (v / np.linalg.norm(v) for v in rng.standard_normal((2, 8)).astype(np.float32))
    ppl = sparse({key("n", n): float(rng.integers(1, 4)) for n in people})
    text = sparse({key("t", w): float(rng.integers(1, 4)) for w in words})
    return Profile(id=f"a{seq}", seq=seq, headline=f"headline {seq}", words=text,
                   names={"people": ppl, "places": sparse({}), "names": sparse({})}, all_names=ppl,
                   years=sparse({2020: 1.0}) if seq % 2 else sparse({}), dense=dense, head=head)


def test_scoring_all_candidates_at_once_equals_the_model_on_each_full_row():
    # the gate (names_clash) is looked at before the other signals: a closed pair scores 0 without them
    rng = np.random.default_rng(7)
    people = ["Ana Morales", "Taro Hayashi", "Lena Berg", "Omar Haddad"]
    stories = []
    for i in range(6):
        s = new(_article(i, rng, people[i % 4:i % 4 + 2], ["quake", "rescue", f"w{i}"]), f"s{i}")
        s.add(_article(10 + i, rng, people[i % 4:i % 4 + 1], ["quake", f"v{i}"]))
        stories.append(s)
    model = default()
    for j in range(4):
        p = _article(20 + j, rng, people[j:j + 2], ["quake", "rescue", f"w{j}"])
        rows = [row(p, s) for s in stories]
        assert model.probabilities(p, stories) == [model.probability(x) for x in rows]
        gated = [x[FEATURES.index("names_clash")] == 1.0 for x in rows]
        assert any(gated) and not all(gated)


def test_adding_sparse_vectors_keeps_the_heaviest_keys_with_ties_to_the_lowest_keys():
    from storyline.connect.stories.vectors import add
    rng = np.random.default_rng(3)
    for _ in range(300):
        a, b = ({int(k): float(rng.choice([0.5, 1.0, 2.0])) for k in rng.integers(-20, 20, rng.integers(0, 12))}
                for _ in range(2))
        cap = int(rng.integers(1, 20))
        total = {k: float(np.float32(a.get(k, 0.0)) + np.float32(b.get(k, 0.0))) for k in a.keys() | b.keys()}
        kept = sorted(sorted(total, key=lambda k: (-total[k], k))[:cap])
        keys, weights = add(sparse(a), sparse(b), cap)
        assert keys.tolist() == kept and weights.tolist() == [total[k] for k in kept]


def test_compiled_trees_add_the_same_leaves_as_walking_the_node_lists():
    from storyline.connect.stories.model import compiled, walk
    shipped = default()
    rng = np.random.default_rng(3)
    for _ in range(2000):
        x = [float(v) for v in rng.choice([0.0, 1.0, 0.5, rng.random()], size=len(FEATURES))]
        z = float(rng.normal())
        assert shipped._leaves(z, x) == walk(shipped.trees, z, x)       # bit for bit, not approximately
    import pickle
    back = pickle.loads(pickle.dumps(shipped))
    assert back == shipped and back.probability(x) == shipped.probability(x)
    deep = ((0,) * 2001, (0.5,) * 2001, tuple(range(1, 1001)) + (-1,) * 1001, (-1,) * 2001, (1.0,) * 2001)
    assert compiled((deep,))(0.0, [0.0] * len(FEATURES)) == 1.0        # too deep to write out: walked


def test_candidates_are_the_heaviest_live_stories_in_the_window_as_ranking_every_one_gives():
    rng = np.random.default_rng(5)
    names = [f"Name{i}" for i in range(12)]
    index = StoryIndex(candidates=3, window_days=30)
    for seq in range(60):
        p = profile(seq, *rng.choice(names, size=3, replace=False), day=int(rng.integers(0, 120)))
        s = index.start(p)
        if seq % 4 == 3:                                   # some stories merged: their weight counts for the live one
            index.merge(index.resolve(index.story_of[f"a{seq - 1}"]), s)
    for seq in range(60, 100):
        p = profile(seq, *rng.choice(names, size=4, replace=False), day=int(rng.integers(0, 120)))
        p = replace(p, lookup=[(k, float(w)) for (k, _), w in zip(p.lookup, rng.choice([1.0, 2.0, 3.5], size=4))])
        score: dict[str, float] = {}
        for k, w in p.lookup:
            for sid in set(index.postings.get(k, ())[-index.per_key:]):
                score[sid] = score.get(sid, 0.0) + w
        best: dict[str, float] = {}
        for sid, value in score.items():
            s = index.resolve(sid)
            if s is not None and (s.first is None or s.first - 30 <= p.day <= s.last + 30):
                best[s.id] = max(best.get(s.id, 0.0), value)
        expected = [sid for _, sid in sorted((-v, sid) for sid, v in best.items())[:3]]
        assert [s.id for s in index.candidates(p)] == expected


def _people(*names: str) -> Profile:
    keys = {k: (shown, 1.0) for n in names for k, shown in name_keys("people", n)}
    people = sparse({k: w for k, (_, w) in keys.items()})
    return Profile(id="p", seq=1, headline="", names={"people": people, "places": sparse({}), "names": sparse({})},
                   all_names=people, display={k: shown for k, (shown, _) in keys.items()})


@pytest.mark.parametrize("a, b, namesake", [
    (["Thomas Whitfield"], ["Paul Whitfield"], True),                    # one surname, two people
    (["Thomas Whitfield", "Paul Whitfield"], ["Paul Whitfield"], False),  # one of them on both sides
    (["Tom Whitfield"], ["Thomas Whitfield"], False),                    # a short form of the first name
    (["Sergei Lavrov"], ["Sergey Lavrov"], False),                       # a transliteration
    (["Whitfield"], ["Paul Whitfield"], False),                          # the surname alone may be anyone's
    (["Judge Paul Whitfield"], ["Paul Whitfield"], False),               # a title before the name
    (["Datuk Seri Paul Whitfield"], ["Paul Whitfield"], False),          # titles the list does not know
])
def test_a_surname_two_sides_hold_for_different_people_is_no_shared_name(a, b, namesake):
    surname = name_keys("people", "Whitfield")[0][0] if "Whitfield" in a[0] else name_keys("people", "Lavrov")[0][0]
    pa, pb = _people(*a), _people(*b)
    assert (surname in namesakes(pa.views(), pb.views())) is namesake
    s = new(pb, "s1")
    assert names_clash(pa, s) == float(namesake)                        # the gate closes on namesakes alone


@pytest.mark.parametrize("full, short, shares", [
    ("Inés Martínez Quiroga", "Inés Martínez", True),       # Spanish: given name, first and second surname
    ("Inés Martínez Quiroga", "Martínez", True),
    ("João Conceição Araújo", "João Conceição", True),      # Portuguese news shortens the same way
    ("Luiz da Silva", "Luiz da", False),                     # a particle is no surname
    ("Ana M. Ortiz", "M.", False),                           # nor is an initial
    ("Inés Martínez Quiroga", "Ana Martínez", False),         # another given name: only the surname key in common
])
def test_a_name_with_two_surnames_has_the_keys_of_its_short_form(full, short, shares):
    long_keys = {k for k, _ in name_keys("people", full)}
    short_keys = {k for k, _ in name_keys("people", short)}
    if short == "Ana Martínez":
        assert long_keys & short_keys == {name_keys("people", "Martínez")[0][0]}
    else:
        assert (short_keys <= long_keys) is shares


def test_an_organisation_named_for_its_country_names_the_country():
    from storyline.connect.stories.terms import count
    from storyline.records import AnalysedArticle, Article, Entity, Mention
    text = "The Central Bank of Chile cut its rate. Banks in Santiago followed."
    article = Article(id="a1", source="a1.txt", text=text, content_hash="h")
    org = Entity("e1", "Central Bank of Chile", "ORG", (Mention(4, 25, "Central Bank of Chile"),))
    counts = count(article, AnalysedArticle("a1", entities=(org,)))
    assert set(counts.names["places"]) == {k for k, _ in name_keys("places", "Chile")}
    plain = Entity("e1", "Bank of Tokyo-Mitsubishi", "ORG", (Mention(4, 25, "Bank of Tokyo-Mitsubishi"),))
    assert not count(article, AnalysedArticle("a1", entities=(plain,))).names["places"]


def _named(people: dict[str, float], others: dict[str, float]) -> Profile:
    pk = {k: (shown, w) for n, w in people.items() for k, shown in name_keys("people", n)}
    ok = {key("n", n): (n, w) for n, w in others.items()}
    ppl, org = sparse({k: w for k, (_, w) in pk.items()}), sparse({k: w for k, (_, w) in ok.items()})
    return Profile(id="p", seq=1, headline="", names={"people": ppl, "places": sparse({}), "names": org},
                   all_names=sparse({k: w for k, (_, w) in (pk | ok).items()}),
                   display={k: shown for k, (shown, _) in (pk | ok).items()})


def test_a_person_under_two_keys_is_one_of_the_three_main_names():
    p = _named({"Andrea Pizarro": 5.0}, {"BCI": 4.0, "Bloomberg": 3.0, "Reuters": 1.0})
    shown = {p.display[k] for k in p.views().main_names}
    assert shown == {"Pizarro", "Andrea Pizarro", "BCI", "Bloomberg"}


def test_a_person_both_sides_name_keeps_the_names_gate_open():
    """A market follow-up led by an analyst and her bank still names the governor the story is about: no
    clash of two same-kind stories, though neither side's three main names appear on the other."""
    article = _named({"Andrea Pizarro": 5.0, "Inés Martínez": 1.0}, {"BCI": 4.0, "Bloomberg": 3.0})
    story = new(_named({"Felipe Echeverría": 5.0, "Inés Martínez Quiroga": 1.0}, {"Reuters": 4.0, "Chile": 4.0}),
                "s1")
    assert names_clash(article, story) == 0.0
    other = new(_named({"Felipe Echeverría": 5.0, "Tomás Reyes": 1.0}, {"Reuters": 4.0, "Chile": 4.0}), "s2")
    assert names_clash(article, other) == 1.0
