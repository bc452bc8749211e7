"""The Timeline17 dev topics for bench/timelines.py and bench/timeline_model.py: inputs, gold, readings.

Three ways to get each topic's articles and stage-3 readings, slowest first:
  pipeline     `storyline run` on the topic's input.jsonl into a temporary folder (stages 1-3, hours on 2 cores);
  store        an analysed store of an earlier run (copied first, so the original is never written);
  times-only   stages 1-2 and the TIMEX3 tagger alone (seconds): the same dates and sentences the
               timeline reads in a full reading, without events (so entries carry no event references).
The three topics are dev data (../shared/data/README.md); the other six Timeline17 topics are held out
and never read here.
"""
from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "timelines"
SCORER = REPO.parent / "shared" / "eval" / "timelines.py"
TOPICS = ("finan", "iraq", "syria")


def inputs(topic: str) -> Path:
    return DATA / topic / "input.jsonl"


def gold(topic: str) -> dict:
    return json.loads((DATA / topic / "gold.json").read_text(encoding="utf-8"))


def documents(topic: str) -> list[dict]:
    return [json.loads(line) for line in inputs(topic).open(encoding="utf-8") if line.strip()]


@contextlib.contextmanager
def _copy(path: str | Path):
    """A store opened on a temporary copy of the SQLite file at `path` (the original is never written)."""
    from storyline.store import open_store
    path = Path(path)
    if not path.is_file():
        raise SystemExit(f"no store at {path}")
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{path}{suffix}").is_file():
                shutil.copy(f"{path}{suffix}", Path(tmp) / f"copy.sqlite{suffix}")
        with open_store(Path(tmp) / "copy.sqlite") as store:
            yield store


def from_store(path: str | Path) -> tuple[list, list]:
    """(articles, analyses at the current reader version) of a store, read from a copy of it."""
    from storyline.read import VERSION
    with _copy(path) as store:
        articles = list(store.articles())
        analyses = [x for a in articles if (x := store.analysis(a.id, VERSION))]
    if len(analyses) < len(articles):
        print(f"warning: {path}: {len(articles) - len(analyses)} of {len(articles)} articles not analysed "
              f"at {VERSION}")
    return articles, analyses


def largest_story(path: str | Path) -> tuple[list[str], int]:
    """(article ids of the store's largest live story, number of live stories): the story the scorer takes."""
    from storyline.run.local import stored_stories
    with _copy(path) as store:
        stories = stored_stories(store)
    if not stories:
        return [], 0
    return list(min(stories, key=lambda s: (-len(set(s[1])), s[0]))[1]), len(stories)


def times_only(topic: str) -> tuple[list, list]:
    """Stages 1-2 (with corpus dating) into a store in memory, then time expressions only."""
    from storyline.read import anchor
    from storyline.timex import tag
    from storyline.records import AnalysedArticle
    from storyline.run import local
    from storyline.store import open_store
    with open_store(":memory:") as store:
        local.ingest(store, [str(inputs(topic))])
        local.connect(store)
        articles = list(store.articles())
    return articles, [AnalysedArticle(a.id, time_expressions=tuple(tag(a.text, anchor(a)))) for a in articles]


def pipeline(topic: str, workdir: Path) -> tuple[list, list]:
    """The whole pipeline (`storyline run`) on the topic, then its store."""
    from storyline import pipeline as run
    out = workdir / topic
    run.run([str(inputs(topic))], out)
    return from_store(run.default_store(out))


def load(topic: str, store: str | None, fast: bool, workdir: Path) -> tuple[list, list]:
    """The topic's (articles, analyses): from `store` (a path, '{topic}' filled in), times-only, or a full run."""
    if store:
        return from_store(store.format(topic=topic))
    return times_only(topic) if fast else pipeline(topic, workdir)


def store_of(topic: str, store: str | None, workdir: Path) -> Path | None:
    """The analysed store `load` read the topic from (None for times-only readings, which have no stories)."""
    if store:
        return Path(store.format(topic=topic))
    from storyline import pipeline as run
    path = run.default_store(workdir / topic)
    return path if path.is_file() else None
