"""The local runner: feeds stages one article at a time and hands records to the store.

It owns everything stages must not: the store, progress, resuming, and the
process pool. Resuming needs no bookkeeping of its own: an input whose
(source, content hash) is stored is skipped, an article whose analysis is
stored at the current version is not read again, and each article is written
in one transaction, so an interrupted run restarted later loses and duplicates
nothing.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from typing import Iterable, Iterator, Sequence

from tqdm import tqdm

from storyline.clean import stage as clean_stage
from storyline.clean.dedup import signature, text_hash
from storyline.ingest import iter_inputs
from storyline.records import AnalysedArticle, Article, RawDoc, Refusal
from storyline.run.memory import release
from storyline.settings import Settings
from storyline.store import SQLiteStore


@dataclass
class Summary:
    read: int = 0            # articles found in the inputs
    stored: int = 0          # newly stored
    already: int = 0         # stored by an earlier run
    duplicates: int = 0      # newly stored copies of another article
    refused: Counter = field(default_factory=Counter)   # reason -> count
    analysed: int = 0
    warnings: int = 0        # warnings about newly stored articles (Article.warnings)

    def line(self) -> str:
        refused = sum(self.refused.values())
        text = (f"{_count(self.read, 'article')} read, {self.stored} stored, {self.already} already stored, "
                f"{_count(self.duplicates, 'duplicate')}, {refused} refused")
        if refused:
            top = "; ".join(f"{n} x {reason}" for reason, n in self.refused.most_common(3))
            text += f" ({top}{'; ...' if len(self.refused) > 3 else ''})"
        if self.warnings:
            text += f", {_count(self.warnings, 'warning')}"
        return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _one_line(err: Exception) -> str:
    first = (str(err).strip().splitlines() or [""])[0][:200]
    return f"{type(err).__name__}: {first}" if first else type(err).__name__


def _reason_kind(reason: str) -> str:
    """Group refusal reasons for the summary: "file is 52.4 MB, over ..." -> "file is N MB, over ..."."""
    return re.sub(r"\d+(?:\.\d+)?", "N", reason)


def ingest(store: SQLiteStore, inputs: Iterable[str], settings: Settings = Settings(), progress: bool = False,
           on_refusal=None, on_warning=None) -> Summary:
    """Stages 1 and 2 into the store, with duplicate detection. `on_refusal(Refusal)` is called for each
    input refused, `on_warning(source, message)` for each warning about an article stored (`_store_article`)."""
    summary = Summary()
    bar = tqdm(desc="ingest", unit=" doc", disable=not progress, leave=False)
    for item in iter_inputs(inputs, settings.max_bytes):
        bar.update()
        if isinstance(item, Refusal):
            _refuse(store, summary, item, None, on_refusal)
            continue
        summary.read += 1
        digest = clean_stage.content_hash(item)
        stored = store.stored_input(item.source, digest)
        if stored and stored[1] == clean_stage.VERSION:
            summary.already += 1
            continue
        if stored:                                 # made by an older clean stage: clean it again
            store.remove_article(stored[0])
        try:
            result = clean_stage.clean(item)
        except Exception as err:  # a bug on one article must not stop the run; it is recorded instead
            result = Refusal(item.source, f"could not be cleaned ({_one_line(err)})")
        if isinstance(result, Refusal):
            summary.read -= 1
            _refuse(store, summary, result, digest, on_refusal)
            continue
        _store_article(store, summary, result, settings.near_duplicate, on_warning)
    bar.close()
    return summary


def _refuse(store, summary: Summary, refusal: Refusal, digest, on_refusal) -> None:
    store.add_refusal(refusal, digest)
    summary.refused[_reason_kind(refusal.reason)] += 1
    if on_refusal:
        on_refusal(refusal)


def _store_article(store: SQLiteStore, summary: Summary, article: Article, threshold: float,
                   on_warning=None) -> None:
    """Store one cleaned article with its duplicate keys, under an id no other input holds (`store.unclash`:
    renamed, with a warning, when taken); its warnings (Article.warnings) go with it and to
    `on_warning(source, message)`."""
    article = store.unclash(article)
    digest, sig = text_hash(article.text), signature(article.text)
    original = store.find_duplicate(digest, sig, threshold, article)
    if original:
        article = replace(article, duplicate_of=original)
        summary.duplicates += 1
    stored = store.add_article(article, sig, digest, clean_stage.VERSION) or article
    summary.stored += 1
    summary.warnings += len(stored.warnings)
    for message in stored.warnings if on_warning else ():
        on_warning(stored.source, message)


# ---------------------------------------------------------------- stage 3

MAX_READ_CHARS = 1_000_000     # a longer "article" is a dump, not news (spaCy's default limit for one Doc)
READ_BATCH = 16                # articles handed to a reading process at a time
SMALL_RUN = 40                 # fewer articles than this are read in this process
TIMELINE_PARTS = ("time_expressions", "events")    # what a timeline reads of an analysis


def _analyse(article: Article) -> AnalysedArticle | Refusal:
    """Stage 3 on one article; a failure becomes a Refusal so that the other articles are still read."""
    from storyline.read import analyse
    if len(article.text) > MAX_READ_CHARS:
        return Refusal(article.source, f"not read: text of {len(article.text):,} characters, over the "
                                       f"{MAX_READ_CHARS:,} a reading allows")
    try:
        return analyse(article)
    except Exception as err:  # noqa: BLE001 - recorded with its reason; the article stays stored
        return Refusal(article.source, f"could not be read ({_one_line(err)})")


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:                      # not on Linux
        return os.cpu_count() or 1


def reading_workers(articles: int, asked: int | None = None) -> int:
    """Processes stage 3 reads `articles` articles with: by default every core, or one for fewer than
    `SMALL_RUN` articles (starting a process and loading its model costs seconds); `asked` (the `workers`
    setting) is kept to at most one per core and one per batch of `READ_BATCH` articles, since each process
    holds its own models (about 250 MB) and more than that only waits."""
    if not asked:
        return 1 if articles < SMALL_RUN else cores()
    return max(1, min(asked, cores(), -(-articles // READ_BATCH)))


def _read_batch(articles: list[Article]) -> list[AnalysedArticle | Refusal]:
    """Stage 3 on a batch of articles, parsed together (read.analyse_many); an article a reader fails on,
    or too long to read, becomes a Refusal so that the others are still read."""
    from storyline.read import analyse_many
    readable = [a for a in articles if len(a.text) <= MAX_READ_CHARS]
    results = iter(analyse_many(readable))
    out: list[AnalysedArticle | Refusal] = []
    for article in articles:
        if len(article.text) > MAX_READ_CHARS:
            out.append(Refusal(article.source, f"not read: text of {len(article.text):,} characters, over the "
                                               f"{MAX_READ_CHARS:,} a reading allows"))
            continue
        result = next(results)
        out.append(Refusal(article.source, f"could not be read ({_one_line(result)})")
                   if isinstance(result, Exception) else result)
    release()       # a long text's parse leaves large freed blocks; give them back before the next batch
    return out


def _load_reader() -> None:
    """Load the spaCy pipeline once, when a reading process starts."""
    from storyline.read.nlp import load_nlp
    load_nlp()


def _batches(store: SQLiteStore, version: str, size: int) -> Iterator[list[Article]]:
    """The store's unread articles, `size` at a time, paged by arrival number: never all in memory."""
    after = 0
    while page := store.unread(version, after, size):
        after = page[-1][0]
        yield [a for _, a in page]


def analyse_all(store: SQLiteStore, workers: int | None = None, progress: bool = False,
                on_refusal=None) -> int:
    """Stage 3 for every stored article lacking an analysis at the current version; returns how many were read.

    Articles are read `READ_BATCH` at a time (parsed together through spaCy's `nlp.pipe`), by the processes
    `reading_workers` gives for `workers`, each loading the models once; at most two batches per process are
    in flight, so memory does not grow with the store.
    """
    from storyline.read import VERSION
    todo = store.count_unread(VERSION)
    if not todo:
        return 0
    workers = reading_workers(todo, workers)
    bar = tqdm(total=todo, desc="read", unit=" article", disable=not progress, leave=False)
    done = 0
    for results in _map(_read_batch, _batches(store, VERSION, READ_BATCH), workers):
        for result in results:
            bar.update()
            if isinstance(result, Refusal):
                store.add_refusal(result)
                if on_refusal:
                    on_refusal(result)
                continue
            store.add_analysis(result, VERSION)
            done += 1
    bar.close()
    return done


def _map(fn, batches: Iterator[list], workers: int) -> Iterator:
    """fn over the batches, in order; with several workers, at most 2 x workers batches handed out at once."""
    if workers <= 1:
        yield from map(fn, batches)
        return
    with get_context("spawn").Pool(workers, initializer=_load_reader) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.apply_async(fn, (batch,)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


# ---------------------------------------------------------------- stage 4

def cluster_stories(store: SQLiteStore, progress: bool = False) -> int:
    """Stage 4 stories for every stored article in none yet (run/stories.py); returns how many were placed."""
    from storyline.run.stories import cluster_new
    return cluster_new(store, progress)


def connect(store: SQLiteStore) -> None:
    """Stage 4 over the whole store (people, merged events, facts within stories), stored in one transaction;
    only the stories whose articles changed are read again (run/connecting.py)."""
    from storyline.run.connecting import connect as connect_store
    connect_store(store)


def stored_stories(store: SQLiteStore) -> list[tuple[str, tuple[str, ...]]]:
    """(id, article ids) of the store's live stories that hold articles."""
    return [(s.id, tuple(s.article_ids)) for s in store.stories() if s.article_ids and not s.merged_into]


def attach_timelines(store: SQLiteStore, stories: Iterable[tuple[str, Sequence[str]]], length: int = 0) -> int:
    """Compute and store the timeline of each (story id, its article ids); returns how many were computed.

    An article stage 4 dated (`store.dates_in`) counts with that interval and its readings as stage 4 left
    them (`connect.dating.redated`: time expressions and events dated with it).
    A story whose articles (ids, content, publication dates, stage-4 dates, whether read),
    reader and timeline versions and `length` (0: by story size) are those of
    its stored timeline is skipped; the timelines of stories not given (merged away) are dropped.
    One story's articles and the `TIMELINE_PARTS` of their analyses are in memory at a time.
    """
    from storyline.connect.dating import redated
    from storyline.connect.timeline import VERSION as TIMELINE, timeline
    from storyline.read import VERSION
    from storyline.store import codec
    stories = [(sid, tuple(ids)) for sid, ids in stories if ids]
    known = store.timeline_keys()
    store.drop_timelines(set(known) - {sid for sid, _ in stories})
    read = store.analysed_ids(VERSION) if stories else set()
    done = 0
    for sid, ids in stories:
        members = sorted(store.articles_in(sorted(set(ids))), key=lambda a: a.id)   # one story in memory at a time
        dates = {d.article_id: d for d in store.dates_in([a.id for a in members])}
        members = [replace(a, published=dates[a.id].published) if a.id in dates else a for a in members]
        facts = [TIMELINE, VERSION, str(length)] + [f"{a.id} {a.content_hash} {a.published} {a.id in read}"
                                                    + (f" {codec.dumps(dates[a.id])}" if a.id in dates else "")
                                                    for a in members]
        key = hashlib.sha1("\n".join(facts).encode()).hexdigest()
        if known.get(sid) != key:
            readings = redated([an for an in store.analyses_in([a.id for a in members], TIMELINE_PARTS)
                                if an.article_id in read], dates.values())
            store.save_timeline(sid, key, timeline(members, readings, length))
            done += 1
            del members, readings
            release()       # a large story's sentences leave the heap fragmented for the next one
    return done
