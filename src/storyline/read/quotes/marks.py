"""Where quotation marks open and close, before any parsing.

The parser does not know that a quotation runs over three sentences, or over
two paragraphs; the quotation marks do. So direct speech is first located as
character regions here, and the parse is only asked who said it.

News text mixes conventions: curly marks (“ ”), straight ones (" that open
and close alike), the doubled apostrophes of some wire archives (''I think,''
he said), and single marks (‘ ’) for headlines and nested quotes, where ’ is
also the apostrophe. Regions are found per paragraph because an unbalanced
mark must not swallow the rest of an article; a paragraph that ends inside a
quotation is continued by the next one only when that one opens with a mark
(the English convention for multi-paragraph quotations).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MARK = re.compile(r"“|”|''|``|\"|‘|’|„")
PARAGRAPH = re.compile(r"[^\n]+")
WORD = re.compile(r"\w+")


@dataclass
class Region:
    """One quoted stretch: [start, end) includes its marks."""

    start: int
    end: int
    closed: bool = True          # False when the paragraph ended before a closing mark
    continues: bool = False      # True when it carries on an unclosed region of the previous paragraph

    def words(self, text: str) -> int:
        return len(WORD.findall(text[self.start:self.end]))

    def is_speech(self, text: str) -> bool:
        """Whether the region reads like someone's words rather than a scare quote or a title.

        A scare quote ("hostages") or a title ("Saturday Night Live") is a
        short phrase with no punctuation of its own; speech is longer or ends
        with the comma/stop that news style puts inside the closing mark
        ("Absolutely," he said).
        """
        inner = text[self.start:self.end].strip("“”‘’\"'`„ ")
        n = len(WORD.findall(inner))
        if n >= 5:
            return True
        return n >= 1 and inner[-1:] in ",.?!…" and (n >= 2 or inner[-1:] != ".")


def _is_opening(text: str, i: int, mark: str) -> bool:
    """Decide the direction of a mark that looks the same both ways, from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before.isspace() or before in "([{—–-/:;,":
        return not after.isspace()
    return False


def _single_closes(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def find_regions(text: str) -> list[Region]:
    """All quoted regions of `text`, in order, outermost only."""
    regions: list[Region] = []
    carry = False                      # previous paragraph ended inside a quotation
    for para in PARAGRAPH.finditer(text):
        p0, p1 = para.span()
        if not text[p0:p1].strip():
            continue
        open_at: int | None = None
        single_at: int | None = None
        first = True
        cont = False
        para_regions: list[Region] = []
        for m in MARK.finditer(text, p0, p1):
            mark, i = m.group(), m.start()
            lead = first and not text[p0:i].strip()
            first = False
            if mark in "‘’":
                if open_at is not None:
                    continue           # nested single quotes live inside the double region
                if mark == "‘" and single_at is None and (i == p0 or not text[i - 1].isalnum()):
                    single_at = i
                elif mark == "’" and single_at is not None and _single_closes(text, i):
                    para_regions.append(Region(single_at, i + 1))
                    single_at = None
                continue
            if open_at is None:
                opening = mark in "“``„" or (mark in ("\"", "''") and _is_opening(text, i, mark))
                if mark == "”" and i + 1 < p1 and text[i + 1].isalnum():
                    opening = True     # a closing glyph typed where an opening one was meant
                if opening:
                    open_at = i
                    single_at = None
                    cont = lead and carry
            else:
                if mark in "“``„":
                    # a second opening mark: the previous one was never closed
                    para_regions.append(Region(open_at, i, False, cont))
                    open_at, cont = i, False
                    continue
                para_regions.append(Region(open_at, i + len(mark), True, cont))
                open_at = None
        if open_at is not None:
            end = p1
            while end > open_at and text[end - 1].isspace():
                end -= 1
            para_regions.append(Region(open_at, end, False, cont))
        carry = bool(para_regions) and not para_regions[-1].closed
        regions.extend(r for r in para_regions if r.end > r.start)
    return regions

