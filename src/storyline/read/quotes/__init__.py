"""Stage 3, quotes: who said what.

`find_quotes(doc) -> list[Quote]` takes a spaCy `Doc` and returns direct,
indirect and mixed quotes with their content spans (several when the cue
splits the quote: "A," she said, "B."), cue and speaker mention, as character
offsets into the article text; speakers are linked to entities later by
`storyline.read.entities.find_entities`. Modules: `marks` (quotation-mark
regions), `cues` (the speech-cue lexicon, `quote_cues.json` learned by
`bench/quote_cues.py`), `links` (a quotation's cue, a content's extent),
`frames` (the frames in which a cue reports nothing),
`sources` (a cue's speaker), `drafts` (a quote being assembled, and its
record), `finder` (drafts from the parse and the marks, outermost
attribution).
"""
from storyline.read.quotes.finder import find_quotes

__all__ = ["find_quotes"]
