"""Stage 4: what only many articles together tell.

`connect(articles, analyses) -> Connected` runs once after stage 3 over the
whole store's records: publication dates that only the corpus can complete
(`dating`), the same referent across articles (`entities`), and where the
outlets agree or conflict on a fact (`facts`). Typed records in, typed
records out: the runner stores the result and the exporter only writes it.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from storyline.connect.dating import date_undated
from storyline.connect.entities import resolve
from storyline.connect.facts import compare
from storyline.records import AnalysedArticle, Article, Connected


def connect(articles: Sequence[Article], analyses: Mapping[str, AnalysedArticle]) -> Connected:
    """Stage 4 over every stored article and its analysis (article id -> AnalysedArticle).

    Articles without an analysis (refused by stage 3) take part in dating only.
    """
    read = [analyses[a.id] for a in articles if a.id in analyses]
    entities = resolve([(an.article_id, an.entities) for an in read])
    to_corpus = {member: e.id for e in entities for member in e.members}
    facts = compare((an.article_id, to_corpus.get((an.article_id, f.subject)), f) for an in read for f in an.facts)
    return Connected(entities=tuple(entities), facts=tuple(facts), dated=tuple(date_undated(articles)))


__all__ = ["connect"]
