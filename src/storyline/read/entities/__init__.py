"""Stage 3, entities: who and what an article talks about.

`find_entities(doc, quotes) -> (entities, quotes)` takes a spaCy `Doc` made by
`storyline.read.nlp.load_nlp()` and the article's quotes; it returns one
`Entity` per referent with every mention (names, titles, descriptions,
pronouns; character offsets into the article text) and roles, and the quotes
with `speaker_entity` set where the speaker resolves to one. Modules:
`ner_fixes` / `ner_names` / `places` (spaCy components repairing the small
model's names), `names` (given names and surname, particles, spelling keys),
`roles` (titles, organisations, countries), `mentions` (the left-to-right
reading of descriptions and pronouns), `reader` (name clusters and the
entities written out; `trace_entities` also says which rule linked each
description).
"""
from storyline.read.entities.names import clean_name, fold
from storyline.read.entities.reader import find_entities, trace_entities

__all__ = ["clean_name", "find_entities", "fold", "trace_entities"]
