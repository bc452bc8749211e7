"""Stage 4 stories over the store: new articles in chunks, cached embeddings, term frequencies, saving.

Each chunk of articles in no story is clustered and saved in one transaction
(its stories, their members and look-up keys, and its articles' term
counts), so an interrupted run loses at most one chunk and counts nothing
twice. Stories of earlier runs are read only when an article's look-up keys
point to them, and once a run, so the cost of one new article does not grow
with the store; once every live story stored before the run is in memory (on a
first run, from the start) the look-up keys are not looked up in the store at all.
Each chunk is read from where the last one ended (every article before it is then
in a story: arrival numbers only grow), not by going through the placed ones again.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Callable

from tqdm import tqdm

from storyline.records import Article
from storyline.run.memory import collector_paused, release

CHUNK = 2000            # articles clustered and saved together
EMBED_BATCH = 256       # articles encoded and cached together


def _vectors(store, articles: list[Article]) -> dict[str, tuple]:
    """(body, headline) embeddings per article id, encoding and caching those not yet in the store."""
    from storyline.connect.stories import embed
    ids = [a.id for a in articles]
    body, head = store.embeddings(ids, embed.BODY_MODEL), store.embeddings(ids, embed.HEAD_MODEL)
    missing = [a for a in articles if a.id not in body or a.id not in head]
    for i in range(0, len(missing), EMBED_BATCH):
        batch = missing[i:i + EMBED_BATCH]
        pairs = embed.embed(batch)
        store.add_embeddings(embed.BODY_MODEL, [(a.id, b) for a, (b, _) in zip(batch, pairs)])
        store.add_embeddings(embed.HEAD_MODEL, [(a.id, h) for a, (_, h) in zip(batch, pairs)])
        body.update((a.id, b) for a, (b, _) in zip(batch, pairs))
        head.update((a.id, h) for a, (_, h) in zip(batch, pairs))
        release()                                  # each batch's tensors fragment the heap (run/memory.py)
    return {i: (embed.vector(body.get(i)), embed.vector(head.get(i))) for i in ids}


def cluster_new(store, progress: bool = False, chunk: int = CHUNK, vectors: Callable | None = None,
                model=None) -> int:
    """Put every stored article that is in no story into one; returns how many were placed.

    `vectors(store, articles)` gives {id: (body, headline)} embeddings (default: the
    cached all-MiniLM-L6-v2 vectors, encoding missing ones); `model` a JoinModel
    (default: the shipped one).
    """
    from storyline.connect import stories
    from storyline.read import VERSION
    vectors = vectors or _vectors
    index = stories.StoryIndex()
    placed = 0
    earlier: set[str] | None = None       # live stories stored before this run, not yet in the index
    after = 0                             # every article up to this arrival number is in a story
    bar = tqdm(desc="stories", unit=" article", disable=not progress, leave=False)
    while batch := store.unstoried(chunk, after):
        if earlier is None:               # read after unstoried: a PostgreSQL store holds the stage-4 lock from then
            earlier = store.story_ids_with_state()
        vecs = vectors(store, [a for _, a in batch])
        with collector_paused():      # not while encoding: torch's objects may hold cycles
            analyses = store.analyses_of([a.id for _, a in batch], VERSION)
            counts = [stories.count(a, analyses.get(a.id)) for _, a in batch]
            fresh = Counter()
            for c in counts:
                fresh.update(c.keys())
            df, docs = store.term_frequencies(fresh)
            df = {k: df.get(k, 0) + n for k, n in fresh.items()}
            docs += len(batch)
            profiles = [stories.build(a, seq, c, df, docs, *vecs[a.id]) for (seq, a), c in zip(batch, counts)]
            earlier.difference_update(index.stories)
            if earlier:                   # else every story the store could give is in the index already
                keys = {k for p in profiles for k, _ in p.lookup}
                index.load(stories.StoryState.from_bytes(b)
                           for b in store.story_states(keys, stories.PER_KEY, known=index.stories))
            for p in profiles:
                if p.duplicate_of and p.duplicate_of not in index.story_of:
                    if (sid := store.story_of(p.duplicate_of)) is not None:
                        index.story_of[p.duplicate_of] = sid
            stories.assign(profiles, index, model)
            rows = [(replace(s.story(), merged_into=into), None, [], s.active) if into else
                    (s.story(), s.to_bytes(), s.lookup_keys(), s.active) for s, into in index.changes()]
            store.save_stories(rows, fresh, len(batch))
            index.clear()
            del analyses, counts, fresh, df, vecs, profiles, rows     # not alive beside the next chunk's,
        placed += len(batch)                                          # nor for the collector to go through
        after = batch[-1][0]              # the batch held every article in no story up to its last
        bar.update(len(batch))
        release()
    bar.close()
    return placed
