"""An attribution being assembled, and the Quote record it becomes.

`finder` builds `Draft`s (a cue token, content token indices, quotation
regions, a speaker token span) from the parse and the quotation marks;
`to_quote` turns one into character offsets: the content pieces, its kind,
the speaker and cue mentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from string import digits as DIGITS          # ASCII only: str.isdigit is true for '¹'

from spacy.tokens import Doc, Token

from storyline.read.quotes.marks import Region
from storyline.records import Mention, Quote
from storyline.read.doctext import doc_text


@dataclass
class Draft:
    cue: Token
    content: set[int] = field(default_factory=set)      # token indices
    regions: list[int] = field(default_factory=list)     # indices into the region list
    speaker: tuple[int, int] | None = None               # token span [start, end)
    cue_end: int | None = None                           # token index after the cue phrase
    key: str = ""


def span_chars(doc: Doc, d: Draft, regions: list[Region]) -> list[tuple[int, int]]:
    """The content as character pieces [start, end): parse tokens and quotation regions merged, pieces
    parted only by spaces or commas joined unless the cue lies between them, outer punctuation trimmed."""
    marks = []
    for i in sorted(d.content):
        t = doc[i]
        if t.is_space:
            continue
        marks.append((t.idx, t.idx + len(t.text)))
    for ri in d.regions:
        marks.append((regions[ri].start, regions[ri].end))
    marks.sort()
    pieces: list[list[int]] = []
    text = doc_text(doc)
    cue_lo = d.cue.idx
    cue_hi = d.cue.idx + len(d.cue.text)
    for a, b in marks:
        if pieces and (text[pieces[-1][1]:a].strip(" ,") == "" or b <= pieces[-1][1]) and not (
                pieces[-1][1] <= cue_lo and cue_hi <= a):
            pieces[-1][1] = max(pieces[-1][1], b)
        else:
            pieces.append([a, b])
    out = []
    for a, b in pieces:
        while b > a and (text[b - 1] in " ,;:—–-\n" or (
                text[b - 1] == "." and b - a > 1 and text[a] not in "“\"'‘`" and (text[b - 2].islower() or text[b - 2] in DIGITS))):
            b -= 1
        while a < b and text[a] in " ,;:—–-\n":
            a += 1
        if b > a and any(ch.isalnum() for ch in text[a:b]):
            out.append((a, b))
    return out


def to_quote(doc: Doc, d: Draft, regions: list[Region]) -> Quote:
    """The record of a draft: its pieces, kind (direct when quotation regions make all of it, mixed when
    they make part), speaker and cue as Mentions of the text; the speaker's entity is resolved later."""
    text = doc_text(doc)
    pieces = span_chars(doc, d, regions)
    body = " ".join(text[a:b] for a, b in pieces)
    region_chars = sum(regions[ri].end - regions[ri].start for ri in d.regions)
    inside = sum(b - a for a, b in pieces)
    if d.regions and region_chars >= inside - 3:
        kind = "direct"
    elif d.regions or any(c in body for c in "“”\""):
        kind = "mixed"
    else:
        kind = "indirect"
    speaker = None
    if d.speaker is not None:
        s = doc[d.speaker[0]:d.speaker[1]]
        speaker = Mention(s.start_char, s.end_char, s.text)
    cue_tokens = [d.cue] + [c for c in d.cue.children if c.dep_ == "prt"]
    lo = min(t.idx for t in cue_tokens)
    hi = max(t.idx + len(t.text) for t in cue_tokens)
    if d.cue_end is not None:
        hi = max(hi, doc[d.cue_end - 1].idx + len(doc[d.cue_end - 1].text))
    cue = Mention(lo, hi, text[lo:hi])
    return Quote(start=pieces[0][0], end=pieces[-1][1], text=body, kind=kind,
                 content_spans=tuple(pieces), speaker=speaker, speaker_entity=None, cue=cue)
