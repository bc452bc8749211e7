"""Bytes to text, for inputs that do not say reliably what encoding they use.

News pages lie about their encoding often enough that no single signal can be
trusted, so `decode` walks an ordered list of strategies, strongest evidence
first, and always returns a `str`: a wrong guess costs a few odd characters,
an exception would cost the whole article.

1. A byte order mark: written by the program that produced the bytes, so it
   beats any declaration.
2. A declared charset (the HTTP header passed as `declared`, then a
   `<meta charset>` or `<?xml encoding?>` inside the document), mapped to the
   superset browsers actually use (ISO-8859-1 means windows-1252, and so on).
   A declaration loses when the bytes are valid multi-byte UTF-8: legacy text
   is almost never valid UTF-8 by accident, while servers that label UTF-8 as
   ISO-8859-1 are common.
3. UTF-16 without a BOM: every other byte NUL. This comes before UTF-8
   because ASCII with NULs is valid UTF-8, yet never meant as such.
4. UTF-8, strictly.
5. windows-1252, when it decodes cleanly into mostly-ASCII Latin text: this
   comes before detection because charset-normalizer guesses cp1250 or cp852
   for short Western texts ("crčme" for "crème"), and English-language news
   in a legacy encoding is overwhelmingly windows-1252.
6. charset-normalizer's best guess (Cyrillic, Greek, CJK ...).
7. windows-1252 with replacement characters, which cannot fail.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# WHATWG Encoding Standard: browsers decode these labels as the superset on
# the right, so pages written against browsers contain the superset's bytes.
_BROWSER_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}

_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_PRESCAN_BYTES = 8192


def bom_encoding(body: bytes) -> str | None:
    """The codec named by a leading byte order mark, if any."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec
    return None


def normalize_label(label: str | None, in_document: bool = False) -> str | None:
    """A Python codec for a charset label, or None when it names no text codec.

    A UTF-16/32 label found *inside* the document is ignored: the prescan
    could only read it because the bytes are ASCII-compatible, so it is wrong.
    """
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, TypeError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib ...
        return None
    name = info.name
    if in_document and name.startswith(("utf-16", "utf-32")):
        return None
    return _BROWSER_SUPERSETS.get(name, name)


def declared_in_document(body: bytes) -> str | None:
    """The charset an XML declaration or an HTML `<meta>` names, unvalidated."""
    head = body[:_PRESCAN_BYTES]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def utf16_guess(body: bytes) -> str | None:
    """UTF-16 without a BOM: Latin text in it has a NUL in every other byte."""
    sample = body[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls, odd_nuls = sample[0:pairs * 2:2].count(0), sample[1:pairs * 2:2].count(0)
    if odd_nuls > 0.4 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls > 0.4 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


def decode(body: bytes, declared: str | None = None) -> str:
    """Decode `body` by the strategies in the module docstring; never raises."""
    if not body:
        return ""
    bom = bom_encoding(body)
    if bom:
        return body.decode(bom, "replace")
    for label, in_document in ((declared, False), (declared_in_document(body), True)):
        text = _try_declared(body, normalize_label(label, in_document))
        if text is not None:
            return text
    wide = utf16_guess(body)
    if wide:
        return body.decode(wide, "replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _try_strict(body, "cp1252")
    if western is not None and _mostly_ascii_letters(western):
        return western
    best = charset_normalizer.from_bytes(body).best()
    if best is not None:
        return str(best)
    return body.decode("cp1252", "replace")


def _try_declared(body: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    if codec != "utf-8" and not body.isascii():
        as_utf8 = _try_strict(body, "utf-8")
        if as_utf8 is not None:
            return as_utf8
    return _try_strict(body, codec)


def _try_strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeError, LookupError, ValueError):
        return None


def _mostly_ascii_letters(text: str, sample: int = 65536) -> bool:
    """True for Western text: accents are the exception, not the rule.

    Cyrillic or Greek bytes read as windows-1252 decode without error too, but
    into words made only of accented letters ("Ïðèâåò"); this tells them apart.
    """
    letters = [c for c in text[:sample] if c.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for c in letters if c > "\x7f")
    return non_ascii <= 0.3 * len(letters)
