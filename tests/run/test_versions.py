"""Stored results carry the version of the code that made them; an older build's results are made again."""
from storyline.clean import stage as clean_stage
from storyline.records import AnalysedArticle
from storyline.run import local
from storyline.store import open_store
from storyline.versions import code_version


def test_a_stage_version_is_a_digest_of_its_code_and_what_it_inherits():
    v = code_version("read", ("read", "timex"))
    assert v.startswith("read-") and len(v) == len("read-") + 12
    assert v == code_version("read", ("read", "timex"))
    assert v != code_version("read", ("read", "timex"), ("spacy==9.9",))
    assert v != code_version("read", ("read",))


def test_articles_cleaned_by_an_older_build_are_cleaned_again(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Mayor Ann Lee said on Monday that the bridge would reopen in May.\n")
    with open_store(tmp_path / "s.sqlite") as store:
        assert local.ingest(store, [str(tmp_path / "in")]).stored == 1
        assert local.ingest(store, [str(tmp_path / "in")]).already == 1
        monkeypatch.setattr(clean_stage, "VERSION", "clean-newer")
        again = local.ingest(store, [str(tmp_path / "in")])
        assert (again.stored, again.already) == (1, 0)
        assert store.counts()["articles"] == 1


def test_readings_by_an_older_build_are_read_again(tmp_path, monkeypatch):
    import storyline.read as read
    monkeypatch.setattr(read, "analyse", lambda article: AnalysedArticle(article.id))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Mayor Ann Lee said on Monday that the bridge would reopen in May.\n")
    with open_store(tmp_path / "s.sqlite") as store:
        local.ingest(store, [str(tmp_path / "in")])
        assert local.analyse_all(store, workers=1) == 1
        assert local.analyse_all(store, workers=1) == 0
        monkeypatch.setattr(read, "VERSION", "read-newer")
        assert local.analyse_all(store, workers=1) == 1
