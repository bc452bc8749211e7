"""The web app (`storyline serve`) and the HTML dossier: pages over a store, rendered by Jinja2 with autoescape.

`render` (templates, links, highlighting, the timeline chart) needs only Jinja2
and is what the dossier uses; `app` (FastAPI) is imported on first use.
"""
from __future__ import annotations


def serve(db, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store file `db` read-only at http://host:port/ until interrupted (see storyline.web.app)."""
    from storyline.web.app import serve as run
    run(db, host, port)


__all__ = ["serve"]
