"""Stage outputs as files: the JSON export (the scorers' contract) and the Markdown report."""
from storyline.export import json as json_export
from storyline.export import report

__all__ = ["json_export", "report"]
