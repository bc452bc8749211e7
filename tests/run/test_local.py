"""The runner: one article that cannot be read never stops the others."""
from storyline.records import Article, Refusal
from storyline.run import local
from storyline.store import open_store


def _article(i: int, text: str) -> Article:
    return Article(id=f"a{i}", source=f"in/{i}.txt", text=text, content_hash=f"h{i}")


def test_a_failing_article_is_recorded_and_the_rest_are_read(tmp_path, monkeypatch):
    import storyline.read as read

    real = read.analyse

    def flaky(article):
        if article.id == "a2":
            raise RuntimeError("parser exploded\nwith a second line")
        return real(article)

    monkeypatch.setattr(read, "analyse", flaky)
    with open_store(tmp_path / "s.sqlite") as store:
        for i in range(3):
            store.add_article(_article(i, f"Mayor Ann Lee said on Monday that road {i} would reopen."))
        seen = []
        assert local.analyse_all(store, workers=1, on_refusal=seen.append) == 2
        assert seen == [Refusal("in/2.txt", "could not be read (RuntimeError: parser exploded)")]
        assert store.counts()["analysed"] == 2 and store.counts()["refused"] == 1


def test_an_overlong_text_is_refused_with_its_size(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        store.add_article(_article(1, "word " * 250_000))
        assert local.analyse_all(store, workers=1) == 0
        [refusal] = list(store.refusals())
        assert refusal.reason.startswith("not read: text of 1,250,000 characters")
