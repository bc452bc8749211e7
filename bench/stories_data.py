"""Shared by the stories benches: the analysed dev set, cached embeddings, in-memory clustering, B-cubed.

Not a benchmark itself. The clustering dev set (../shared/data/clustering) is
read from an analysed store (stages 1-3): bench/.cache/clustering/storyline.sqlite
(gitignored), made once with `storyline run` when missing or when its analyses
are of another stage-3 version (`storyline.read.VERSION`); each bench works on
a copy with its stories removed. Embeddings are cached in
bench/.cache/stories-embeddings.npz by text hash, so a second bench run
encodes nothing.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.connect import stories
from storyline.connect.stories import embed
from storyline.read import VERSION
from storyline.records import AnalysedArticle, Article
from storyline.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clustering"
CACHE = ROOT / "bench" / ".cache"
CACHED_STORE = CACHE / "clustering" / "storyline.sqlite"
EMBED_CACHE = CACHE / "stories-embeddings.npz"
STAGE4_TABLES = ("stories", "story_members", "story_keys", "term_frequencies", "timelines")


@dataclass
class Doc:
    """One dev article: its records and its gold label (the event; a twin's label is its own)."""

    article: Article
    analysis: AnalysedArticle | None
    label: str


def _current(db: Path) -> bool:
    """Whether the cached store holds an analysis at the current stage-3 version for every article."""
    import sqlite3
    with sqlite3.connect(db) as con:
        articles = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        analysed = con.execute("SELECT COUNT(*) FROM analyses WHERE version = ?", (VERSION,)).fetchone()[0]
    return articles > 0 and analysed == articles


def analysed_store(work: Path) -> Path:
    """A private copy, without stories, of the analysed store of the dev set (made when not cached)."""
    import sqlite3
    work.mkdir(parents=True, exist_ok=True)
    if not CACHED_STORE.exists() or not _current(CACHED_STORE):
        shutil.rmtree(CACHED_STORE.parent, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "storyline.cli", "run", str(DATA / "input.jsonl"), "--out",
                        str(CACHED_STORE.parent), "--quiet"], check=True)
    target = work / "storyline.sqlite"
    with sqlite3.connect(CACHED_STORE) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    with sqlite3.connect(target) as con:
        for table in STAGE4_TABLES:
            con.execute(f"DELETE FROM {table}")
        con.execute("DELETE FROM meta WHERE key = 'term_docs'")     # the articles the term counts cover
    return target


def load_dev(work: Path | None = None) -> list[Doc]:
    """The 220 dev articles with their stage-3 analyses and gold events, in input order."""
    import json
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    work = work or Path(tempfile.mkdtemp(prefix="stories-dev-"))
    with open_store(analysed_store(work)) as store:
        docs = [Doc(a, store.analysis(a.id, VERSION), gold[a.id]["event"]) for a in store.articles()]
    order = [json.loads(line)["id"] for line in (DATA / "input.jsonl").open(encoding="utf-8")]
    rank = {aid: i for i, aid in enumerate(order)}
    return sorted(docs, key=lambda d: rank.get(d.article.id, len(rank)))


class Embeddings:
    """(body, headline) unit vectors per article text, cached on disk by the hash of what is encoded."""

    def __init__(self, path: Path = EMBED_CACHE):
        self.path = path
        self.cache: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as z:
                self.cache = {k: z[k] for k in z.files}

    def vectors(self, articles: list[Article]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        texts = {a.id: embed.article_texts(a) for a in articles}
        digest = lambda t: hashlib.sha1(t.encode("utf-8")).hexdigest()  # noqa: E731
        todo = sorted({t for pair in texts.values() for t in pair if digest(t) not in self.cache})
        if todo:
            for t, v in zip(todo, embed.encode(todo)):
                self.cache[digest(t)] = v
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, **self.cache)
        return {aid: (self.cache[digest(b)], self.cache[digest(h)]) for aid, (b, h) in texts.items()}


def profiles(docs: list[Doc], vectors: dict[str, tuple[np.ndarray, np.ndarray]]) -> list[stories.Profile]:
    """Profiles with document frequencies over `docs` (as one run over them would count them)."""
    counts = [stories.count(d.article, d.analysis) for d in docs]
    df = Counter(k for c in counts for k in c.keys())
    return [stories.build(d.article, i, c, df, len(docs), *vectors[d.article.id])
            for i, (d, c) in enumerate(zip(docs, counts))]


def cluster(profs: list[stories.Profile], model=None, merge: bool = True) -> dict[str, str]:
    """Article id -> live story id after one in-memory run of stage 4 over `profs`."""
    index = stories.StoryIndex()
    stories.assign(profs, index, model, merge=merge)
    return {aid: index.resolve(sid).id for aid, sid in index.story_of.items()}


def bcubed(assigned: dict[str, str], label: dict[str, str], subset=None) -> tuple[float, float, float]:
    """Plain B-cubed P, R, F1 (Bagga and Baldwin 1998) over the articles of `subset` (default all),
    each measured against every article of `assigned`."""
    by_story, by_label = defaultdict(set), defaultdict(set)
    for aid, sid in assigned.items():
        by_story[sid].add(aid)
        by_label[label[aid]].add(aid)
    ids = list(subset if subset is not None else assigned)
    p = sum(len(by_story[assigned[a]] & by_label[label[a]]) / len(by_story[assigned[a]]) for a in ids) / len(ids)
    r = sum(len(by_story[assigned[a]] & by_label[label[a]]) / len(by_label[label[a]]) for a in ids) / len(ids)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def baseline(docs: list[Doc], threshold: float = 0.95) -> dict[str, str]:
    """The reference: TF-IDF (English stop words, sublinear tf, title + text) with average-link cosine
    agglomerative clustering cut at distance 0.95 (../shared/data/README.md; 0.9221 on dev)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    texts = [f"{d.article.title or ''}\n{d.article.text}" for d in docs]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=threshold).fit_predict(x)
    return {d.article.id: f"b{k}" for d, k in zip(docs, labels)}
