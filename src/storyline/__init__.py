"""storyline: from a pile of news articles to the stories they tell, every statement sourced."""
from storyline.pipeline import export, ingest, run, stats

__version__ = "0.1.0"
__all__ = ["run", "ingest", "export", "stats", "__version__"]
