"""The candidate look-up: which stories an article is compared with at all.

An inverted index from look-up keys (an article's heaviest terms and most
salient names; a story's heaviest centroid terms and names) to the stories
filed under them. Each key keeps only its PER_KEY most recently active
stories, and a story whose dated articles lie more than WINDOW_DAYS from the
article's publication day is not a candidate, so the work for one article is
bounded by PER_KEY x its keys whatever the size of the corpus (blocking, as
in Miranda et al. 2018 and every streaming news clusterer since).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from operator import itemgetter
from typing import Iterable

from .profile import Profile
from .state import StoryState, new

PER_KEY = 64            # most recently active stories kept per look-up key
CANDIDATES = 8          # stories compared with one article
WINDOW_DAYS = 180       # a dated story more than this many days from a dated article is not a candidate


def story_id(first_article_id: str) -> str:
    """A story's id, from its first article's id: the same inputs in the same order give the same ids."""
    return "s" + hashlib.blake2b(first_article_id.encode("utf-8"), digest_size=6).hexdigest()


class StoryIndex:
    """Stories in memory for one run: those loaded from the store as candidates, and those this run made."""

    def __init__(self, per_key: int = PER_KEY, candidates: int = CANDIDATES, window_days: int = WINDOW_DAYS):
        self.per_key, self.n_candidates, self.window = per_key, candidates, window_days
        self.stories: dict[str, StoryState] = {}
        self.postings: dict[int, list[str]] = defaultdict(list)
        self.story_of: dict[str, str] = {}      # article id -> story id, for articles seen by this index
        self.changed: set[str] = set()
        self.born: set[str] = set()             # stories started since the changes were last cleared

    def load(self, states: Iterable[StoryState], members: dict[str, str] | None = None) -> None:
        """Add stories read from the store (oldest activity first), and known article -> story ids."""
        for s in sorted(states, key=lambda s: s.active):
            if s.id not in self.stories:
                self.stories[s.id] = s
                self._file(s)
        self.story_of.update(members or {})

    def resolve(self, sid: str) -> StoryState | None:
        """The live story an id stands for, following merges."""
        s = self.stories.get(sid)
        while s is not None and s.merged_into:
            s = self.stories.get(s.merged_into)
        return s

    def _file(self, s: StoryState) -> None:
        for k in s.lookup_keys():
            posting = self.postings[k]
            posting.append(s.id)
            if len(posting) > 2 * self.per_key:
                kept = list(dict.fromkeys(reversed(posting)))[: self.per_key]
                posting[:] = kept[::-1]

    def candidates(self, p: Profile) -> list[StoryState]:
        """At most CANDIDATES live stories sharing the most look-up weight with `p`, inside the time window.

        A story's weight is the sum of the weights of `p`'s keys it is filed under, a live story's the most
        of its own and of the stories merged into it. The stories are taken heaviest first and the look-up
        stops at the first one lighter than CANDIDATES live stories found before it (the ones after it can
        neither enter nor reorder the first CANDIDATES), so most of them are neither resolved nor dated."""
        score: dict[str, float] = defaultdict(float)
        postings, per_key = self.postings, self.per_key
        for k, weight in p.lookup:
            if posting := postings.get(k):
                for sid in set(posting[-per_key:]):
                    score[sid] += weight
        best: dict[str, float] = {}
        stories, day, window, n, last = self.stories, p.day, self.window, self.n_candidates, None
        for sid, value in sorted(score.items(), key=itemgetter(1), reverse=True):
            value = max(0.0, value)
            if last is not None and value < last:
                break
            s = stories[sid]
            if s.merged_into and (s := self.resolve(sid)) is None:
                continue
            if s.id not in best and (day is None or s.first is None or s.first - window <= day <= s.last + window):
                best[s.id] = value
                if len(best) == n:
                    last = value
        ranked = sorted((-value, sid) for sid, value in best.items())[:n]
        return [stories[sid] for _, sid in ranked]

    # ------------------------------------------------------------ changes
    def changes(self) -> list[tuple[StoryState, str | None]]:
        """The stories to save since the last `clear`, in id order, each with the live story it went into
        (None for a live one): every live story changed, and every merged one stored before. A story
        started and merged since the last `clear` was never given out and is left out, so a merged one
        points straight at its live story, not at a story between them that may be left out."""
        out = []
        for sid in sorted(self.changed):
            s = self.stories[sid]
            if s.merged_into is None:
                out.append((s, None))
            elif sid not in self.born:
                out.append((s, self.resolve(sid).id))
        return out

    def clear(self) -> None:
        """Forget what changed, and the changed stories' new members: they are saved."""
        for sid in self.changed:
            self.stories[sid].members = []
        self.changed.clear()
        self.born.clear()

    def start(self, p: Profile) -> StoryState:
        s = new(p, story_id(p.id))
        self.stories[s.id] = s
        self.born.add(s.id)
        self._note(s, p.id)
        return s

    def join(self, s: StoryState, p: Profile) -> None:
        s.add(p)
        self._note(s, p.id)

    def merge(self, keep: StoryState, gone: StoryState) -> None:
        """Merge `gone` into `keep`; `gone`'s id stays resolvable."""
        moved = list(gone.members)
        keep.absorb(gone)
        self.story_of.update({aid: keep.id for aid in moved})
        self.changed.update((keep.id, gone.id))
        self._file(keep)

    def _note(self, s: StoryState, article_id: str) -> None:
        self.story_of[article_id] = s.id
        self.changed.add(s.id)
        self._file(s)
