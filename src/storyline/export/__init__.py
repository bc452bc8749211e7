"""Stage outputs as files: the JSON export (the scorers' contract), the Markdown and HTML dossiers."""
from storyline.export import html as html_report
from storyline.export import json as json_export
from storyline.export import report, report_store

__all__ = ["html_report", "json_export", "report", "report_store"]
