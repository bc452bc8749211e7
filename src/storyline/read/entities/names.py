"""Person names as news writes them: which words are the surname, and a key under which spellings agree.

A surname can start with a particle ("Pieter van der Berg", "Leila al-Khatib",
"Omar bin Rashid", "Marine Le Pen") and stands alone in later mentions with
the particle capitalised at the start of a sentence ("Van der Berg said",
"Al-Khatib said", "Le Pen said"). Splitting on the last word alone makes
"Van der Berg" a person whose first name is "Van" and keeps him apart from
Pieter van der Berg; `split_name` keeps the particles with the surname.

One capitalised particle before one word is ambiguous: "Le Pen" is a surname
but "Van Jones" and "Al Gore" are first name and surname. `split_name` takes
the tails of the longer names around (`tails`: of the article's names, or of
a corpus's) and reads it as a surname only when a longer name ends with it
("Marine Le Pen").
Two particles ("Van der", "De la") or a lowercase one always start a surname.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Container, Iterable

# Particles that start a surname (Dutch, German, Romance, Arabic); not "ben", which is mostly a first name.
PARTICLES = frozenset({"van", "von", "der", "den", "ter", "ten", "de", "del", "della", "di", "da", "das", "dos",
                       "du", "la", "le", "bin", "ibn", "bint", "al", "el", "abu"})
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|an|ar|az)[-‐]")


# Latin letters NFKD keeps whole (no base letter and mark), as English news writes them.
_WHOLE_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                                "þ": "th", "Þ": "Th", "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "Ae", "œ": "oe",
                                "Œ": "Oe", "ı": "i", "ħ": "h", "Ħ": "H"})


def latin_ascii(text: str) -> str:
    """`text` with Latin letters in ASCII: diacritics dropped (unicodedata NFKD: "Calviño" -> "Calvino",
    "Müller" -> "Muller", not "Mueller") and the letters NFKD keeps whole written as English news writes
    them ("Łukaszenka" -> "Lukaszenka", "Søren" -> "Soren", "Weiß" -> "Weiss", "Æsir" -> "Aesir"). Other
    scripts and characters are left as they are; ASCII text is returned unchanged."""
    if text.isascii():
        return text
    t = unicodedata.normalize("NFKD", text.translate(_WHOLE_LETTERS))
    return unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))


# Latin letters that Unicode does not decompose into a base letter and a mark ("Øyvind" is written "Oyvind")
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d",
                               "þ": "th", "ı": "i", "ħ": "h"})


def fold(word: str) -> str:
    """A spelling key under which transliterations agree (Sergey/Sergei, Zelensky/Zelenskyy, Øyvind/Oyvind).

    The Arabic article is dropped ("al-Assad", "Al Assad" and "Assad" are one
    surname), else one president becomes three people across a corpus.
    """
    w = unicodedata.normalize("NFKD", _ARABIC_ARTICLE.sub("", word.lower()).translate(_UNDECOMPOSED))
    w = "".join(c for c in w if c.isalnum() or c == "-")
    for a, b in (("ks", "x"), ("kh", "h"), ("ph", "f"), ("y", "i"), ("j", "i")):
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def clean_name(text: str) -> str:
    """A name as written without Markdown marks, a possessive, a leading article or extra spaces."""
    t = re.sub(r"[*_`\[\]]", "", text)
    t = re.sub(r"['’]s?$", "", t.strip()).strip()
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)
    return " ".join(t.split())


def tails(names: Iterable[str]) -> set[str]:
    """The lowercased endings of two words or more of names of three words or more ("le pen")."""
    out = set()
    for n in names:
        words = n.lower().split()
        out.update(" ".join(words[i:]) for i in range(1, len(words) - 1))
    return out


def split_name(name: str, tails: Container[str] = frozenset()) -> tuple[str, str]:
    """(given names, surname) of a cleaned person name; given is "" for a surname alone.

    >>> split_name("Pieter van der Berg"), split_name("Van der Berg"), split_name("Al-Khatib")
    (('Pieter', 'van der Berg'), ('', 'Van der Berg'), ('', 'Al-Khatib'))
    >>> split_name("Le Pen"), split_name("Le Pen", tails(["Marine Le Pen"]))
    (('Le', 'Pen'), ('', 'Le Pen'))

    `tails` (from `tails`): a one-particle form is a surname when a longer name ends with it.
    """
    words = name.split()
    if len(words) < 2:
        return "", name
    low = [w.lower() for w in words]
    if low[0] in PARTICLES and (words[0].islower() or low[1] in PARTICLES or name.lower() in tails):
        return "", name
    for i in range(1, len(words) - 1):
        if low[i] in PARTICLES:
            return " ".join(words[:i]), " ".join(words[i:])
    return " ".join(words[:-1]), words[-1]


def name_key(name: str, tails: Container[str] = frozenset()) -> tuple[str, str]:
    """(folded last word of the surname, folded first given name or "") of a cleaned person name."""
    given, surname = split_name(name, tails)
    return fold(surname.split()[-1]), fold(given.split()[0]) if given else ""
