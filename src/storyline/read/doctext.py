"""The text of a parsed Doc, read once."""
from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy rebuilds `Doc.text` from every token on each access, so a
    reader calling it per quote or per event turns a long article quadratic (a 160k-character page took
    minutes)."""
    text = doc.user_data.get("storyline_text")
    if text is None:
        text = doc.user_data["storyline_text"] = doc.text
    return text
