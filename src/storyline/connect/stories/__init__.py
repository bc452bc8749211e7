"""Stage 4 stories: group articles into the real-world happenings they tell, online and incrementally.

Pipeline for a batch of new articles (the runner, run/stories.py, drives it):

1. `terms.count`: an article's words, names (stage 3 entities) and the dates it names, as hashed keys;
2. `profile.build`: TF-IDF and salience weights from the corpus's term frequencies, plus cached
   sentence embeddings (`embed`);
3. `index.StoryIndex.candidates`: the few stories sharing look-up keys with it inside a time window;
4. `model.JoinModel.probabilities`: the probability that it continues each candidate, from
   `signals.row` (the gate, `signals.names_clash`, first: a pair it closes needs no other signal);
5. `cluster.assign`: join the most probable story, start one, or merge two it bridges.

Ids are stable: an article never leaves its story except when two stories merge, and a merged id
stays resolvable.
"""
from .cluster import assign, order
from .index import PER_KEY, StoryIndex, story_id
from .model import JoinModel
from .profile import Profile, build, publication_day
from .signals import FEATURES, row
from .state import StoryState
from .terms import Counts, count

__all__ = ["Counts", "FEATURES", "JoinModel", "PER_KEY", "Profile", "StoryIndex", "StoryState", "assign",
           "build", "count", "order", "publication_day", "row", "story_id"]
