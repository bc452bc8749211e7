"""One sentence for each chosen date: the most central of the sentences about it.

Method (news-tls `PM_Mean_SentenceCollector` + `CentroidOpt`, Gholipour
Ghalandari and Ifrim 2020, section 4): the sentences about a date are those
mentioning it and, for a day, the first `LEAD` sentences (that mention no date)
of the articles published on it or on the day after. When both groups exist
the date's centroid keeps only the terms both share, each group weighted by
the inverse of its size, so that neither a flood of mentions nor of same-day
reports decides alone; the sentences above the knee of the similarity curve
are kept and the one closest to their own centroid, plus `STORY_WEIGHT`
times its closeness to the whole story's centroid, is the summary; it is
chosen among the sentences naming the date whenever one of them is readable,
so that an entry quotes a sentence about its date (news-tls would let a lead
sentence that names none stand for it: "Many of the dead had worked at the
plant for years" for the Thursday of a vigil the same article reports). The
leads still shape the centroid, and they are the summary of a day no readable
sentence names. On the Timeline17 dev topics (bench/timelines.py --times-only)
dates are unchanged, date-aligned ROUGE-1 rises 0.0849 -> 0.0861 and concat
ROUGE-1 / ROUGE-2 fall 0.4058 -> 0.4004 / 0.1262 -> 0.1238. The
story term stands in for news-tls's topic keyword filter (our stories come
with no query): among the sentences about a day it prefers one about the
story over an aside (bench/timelines.py on the Timeline17 dev topics, store
readings: mean concat ROUGE-1 F1 0.389 -> 0.404, ROUGE-2 0.120 -> 0.122 with
weight 1; date-aligned ROUGE-1 0.077 -> 0.076; dates unchanged). A sentence
that names the date only as a noun's ("restarted the units shut after the
March 4 explosion", `sentences.attributive`) sums it up only when no sentence
naming it tells of the day itself: the restart is news of its own day. On the
Timeline17 dev topics (--times-only) this costs concat ROUGE-1 0.4052 ->
0.4016, ROUGE-2 0.1230 -> 0.1228, date-aligned ROUGE-1 0.0844 -> 0.0841
(dates unchanged): a sentence recalling the day's event shares its words with
the journalist's entry even where it reports later news. A sentence that
opens with a personal pronoun ("He said investigators had seized documents")
sums a day up only when no other candidate does: quoted alone, it does not
say who. On the Timeline17 dev topics (--times-only) dates are unchanged,
concat ROUGE-1 0.4003 -> 0.3961, ROUGE-2 0.1224 -> 0.1232, date-aligned
ROUGE-1 0.0837 -> 0.0840: kept for the reader. Two more preferences keep an
entry true to its day: a sentence naming the day written on or after it (a
report) sums it up before one written earlier (a forecast: "is expected to
cut rates on Wednesday"); and the leads of an article that dates its news to
its own publication day ("cut rates on Wednesday", published that Wednesday)
are no report of the day before, unless nothing else is about that day.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Collection, Mapping, Sequence

from storyline.connect.timeline.centroid import Tfidf, Vector, cosine, knee, total, unit
from storyline.connect.timeline.sentences import Sentence, bounds, level

LEAD = 5                     # leading sentences of an article that report its news
MIN_WORDS, MAX_WORDS = 6, 60 # a summary sentence is a sentence, not a dateline or a paragraph
STORY_WEIGHT = 1.0


class Pool:
    """The story's sentences grouped by the granule they are about, with their vectors."""

    def __init__(self, sentences: Mapping[str, Sequence[Sentence]], published: Mapping[str, date | None]):
        texts = [s.text for sents in sentences.values() for s in sents]
        self.tfidf = Tfidf(texts)
        self.published = published
        self.mentioning: dict[str, list[Sentence]] = {}
        self.reporting: dict[str, list[Sentence]] = {}
        self.late: dict[str, list[Sentence]] = {}       # leads of a next-day article that dates its news itself
        for aid, sents in sentences.items():
            pub = published.get(aid)
            own_day = pub is not None and any(pub.isoformat() in s.dates for s in sents if s.index < LEAD)
            for s in sents:
                for g in s.dates:        # not a state's bound: "who had led the company since 2019"
                    self.mentioning.setdefault(g, []).append(s)
                if pub is not None and not s.dates and s.index < LEAD:
                    self.reporting.setdefault(pub.isoformat(), []).append(s)
                    before = (pub - timedelta(days=1)).isoformat()
                    (self.late if own_day else self.reporting).setdefault(before, []).append(s)
        self._vectors: dict[tuple[str, int], Vector] = {}
        self.story = unit(total(self.tfidf.vector(s.text) for sents in sentences.values() for s in sents))

    def vector(self, s: Sentence) -> Vector:
        key = (s.article_id, s.index)
        if key not in self._vectors:
            self._vectors[key] = self.tfidf.vector(s.text)
        return self._vectors[key]

    def summary(self, g: str, used: Collection[tuple[str, int]] = ()) -> Sentence | None:
        """The sentence that best sums up granule `g`, or None when no readable sentence is about it.

        `used`: (article id, index) of sentences already summing up other dates, chosen again only
        when every readable sentence about `g` is among them ("between November 15 and January 3"
        is the one sentence about both days): which dates a timeline keeps is the date ranker's
        choice, never lost for want of a fresh sentence. A `stamped` sentence (a reader comment run into
        the text) is chosen only when no other readable sentence is about `g`.
        """
        return (self._best(g, used) or (self._best(g, ()) if used else None)
                or self._best(g, (), stamped=True))

    def _best(self, g: str, used: Collection[tuple[str, int]], stamped: bool = False) -> Sentence | None:
        ok = lambda s: _readable(s) and (stamped or not s.stamped) and (s.article_id, s.index) not in used  # noqa: E731
        ment = [s for s in self.mentioning.get(g, []) if ok(s)]
        pub = [s for s in self.reporting.get(g, []) if ok(s)] if level(g) == "day" else []
        if not ment and not pub:
            pub = [s for s in self.late.get(g, []) if ok(s)]
            if not pub:
                return None
        chosen = ment + pub
        if ment and pub:
            cm = total(map(self.vector, ment), 1 / len(ment))
            cp = total(map(self.vector, pub), 1 / len(pub))
            centre = {t: x + cp[t] for t, x in cm.items() if t in cp}
            if centre:
                sims = [cosine(self.vector(s), centre) for s in chosen]
                ordered = sorted(sims, reverse=True)
                cut = ordered[knee(ordered)]
                kept = [s for s, sim in zip(chosen, sims) if sim > 0 and sim > cut]
                chosen = kept or chosen
        centre = unit(total(map(self.vector, chosen)))
        closeness = lambda s: cosine(self.vector(s), centre) + STORY_WEIGHT * cosine(self.vector(s), self.story)  # noqa: E731
        told = [s for s in ment if g not in s.attributive]    # its time, not a noun's ("the March 4 blast")
        first = bounds(g)[0]
        reports = [s for s in told if (day := self.published.get(s.article_id)) is None or day >= first]
        candidates = reports or told or ment or chosen
        named = [s for s in candidates if not _opens_with_pronoun(s)]   # "He said ...": whose words, out of context?
        return max(named or candidates, key=lambda s: (closeness(s), -s.index))


_PRONOUNS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their", "we", "i"})


def _opens_with_pronoun(s: Sentence) -> bool:
    """Whether the sentence's first word is a personal pronoun, whose referent an entry quoted alone lacks."""
    first = s.text.lstrip("\"'\u201c\u2018 ").split(maxsplit=1)
    return bool(first) and first[0].lower().strip(",") in _PRONOUNS


def _readable(s: Sentence) -> bool:
    words = len(s.text.split())
    return MIN_WORDS <= words <= MAX_WORDS and not s.text.rstrip().endswith("?")
