"""The runner: one article that cannot be read never stops the others."""
import pytest

from storyline.records import Article, Refusal
from storyline.run import local
from storyline.store import open_store


def _article(i: int, text: str) -> Article:
    return Article(id=f"a{i}", source=f"in/{i}.txt", text=text, content_hash=f"h{i}")


def test_a_failing_article_is_recorded_and_the_rest_are_read(tmp_path, monkeypatch):
    import storyline.read as read

    real = read.read_parsed

    def flaky(article, doc):
        if article.id == "a2":
            raise RuntimeError("parser exploded\nwith a second line")
        return real(article, doc)

    monkeypatch.setattr(read, "read_parsed", flaky)
    with open_store(tmp_path / "s.sqlite") as store:
        for i in range(3):
            store.add_article(_article(i, f"Mayor Ann Lee said on Monday that road {i} would reopen."))
        seen = []
        assert local.analyse_all(store, workers=1, on_refusal=seen.append) == 2
        assert seen == [Refusal("in/2.txt", "could not be read (RuntimeError: parser exploded)")]
        assert store.counts()["analysed"] == 2 and store.counts()["refused"] == 1


def test_an_id_already_used_is_renamed_once_per_input_and_said_so(tmp_path):
    """Ids are unique in the export: a second (third ...) input with an id is stored as ID~HASH (-2 when even
    that is taken), with a warning; running again stores and warns nothing twice."""
    import json
    path = tmp_path / "c.jsonl"
    same = "Police said on Tuesday that two men were arrested after the fire at the harbour warehouse."
    path.write_text("".join(json.dumps({"id": "x", "text": text}) + "\n" for text in (
        "The harbour authority said on Monday that the port would reopen next week after repairs.", same, same)))
    with open_store(tmp_path / "s.sqlite") as store:
        seen = []
        summary = local.ingest(store, [str(path)], on_warning=lambda *w: seen.append(w))
        ids = [a.id for a in store.articles()]
        assert summary.warnings == 2 and len(ids) == 3 and ids[0] == "x"
        assert ids[2] == ids[1] + "-2" and ids[1].startswith("x~")
        assert seen == [(f"{path}#L2", f'id "x" is already used by {path}#L1; stored as "{ids[1]}"'),
                        (f"{path}#L3", f'id "x" is already used by {path}#L1; stored as "{ids[2]}"')]
        assert list(store.warnings()) == [(source, aid, message) for (source, message), aid in zip(seen, ids[1:])]
        again = local.ingest(store, [str(path)], on_warning=lambda *w: seen.append(w))
        assert again.already == 3 and again.warnings == 0 and len(seen) == 2
        store.remove_article(ids[1])
        assert [w[1] for w in store.warnings()] == [ids[2]]


def test_an_overlong_text_is_refused_with_its_size(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        store.add_article(_article(1, "word " * 250_000))
        assert local.analyse_all(store, workers=1) == 0
        [refusal] = list(store.refusals())
        assert refusal.reason.startswith("not read: text of 1,250,000 characters")


def test_reading_in_batches_and_processes_gives_what_one_article_at_a_time_gives(tmp_path, monkeypatch):
    from storyline.read import VERSION, analyse
    texts = ["Mayor Ann Lee said on Monday that the bridge would reopen in May.",
             "\"We will not resign,\" the finance minister, Jo Park, told reporters in Seoul on Tuesday.",
             "Police arrested two men after a fire destroyed a warehouse in Leeds last week.",
             "word " * 250_000]
    monkeypatch.setattr(local, "READ_BATCH", 2)       # several batches in flight at once
    with open_store(tmp_path / "s.sqlite") as store:
        for i in range(3 * len(texts)):
            store.add_article(_article(i, texts[i % len(texts)]))
        assert local.analyse_all(store, workers=2) == 9
        assert store.count_unread(VERSION) == 3          # the overlong ones, refused
        got = {an.article_id: an for an in store.analyses()}
    for i in range(3 * len(texts)):
        if i % len(texts) != 3:
            assert got[f"a{i}"] == analyse(_article(i, texts[i % len(texts)]))


@pytest.mark.parametrize("articles, asked, expected", [
    (4, 100, 1),          # one batch: one process, whatever is asked
    (1000, 100, 8),       # no more processes than cores: each holds its own models
    (1000, 3, 3),
    (1000, None, 8),      # the default: every core
    (10, None, 1),        # a small run is read in this process
])
def test_reading_processes_are_kept_to_the_cores_and_the_batches(monkeypatch, articles, asked, expected):
    monkeypatch.setattr(local, "cores", lambda: 8)
    assert local.reading_workers(articles, asked) == expected
