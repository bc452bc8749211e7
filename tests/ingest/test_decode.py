"""decode(): every strategy in its order, as a table of (bytes, declared, expected text)."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings, strategies as st

from storyline.ingest import decode
from storyline.ingest.decode import normalize_label

CASES = [
    # (body, declared, expected, why)
    (b"", None, "", "empty"),
    (b"plain ascii", None, "plain ascii", "ascii"),
    ("caf\u00e9".encode("utf-8"), None, "caf\u00e9", "utf-8 strict"),
    (codecs.BOM_UTF8 + "na\u00efve".encode("utf-8"), None, "na\u00efve", "utf-8 BOM stripped"),
    (codecs.BOM_UTF8 + b"x", "latin-1", "x", "BOM beats the declaration"),
    ("\ufeffZ\u00fcrich".encode("utf-16-le"), None, "Z\u00fcrich", "utf-16 LE BOM"),
    ("\ufeffZ\u00fcrich".encode("utf-16-be"), None, "Z\u00fcrich", "utf-16 BE BOM"),
    ("\ufeffZ\u00fcrich".encode("utf-32-le"), None, "Z\u00fcrich", "utf-32 BOM, not utf-16"),
    ("Hello from UTF-16 without a byte order mark".encode("utf-16-le"), None,
     "Hello from UTF-16 without a byte order mark", "utf-16 without BOM"),
    ("\u041f\u0440\u0438\u0432\u0435\u0442".encode("cp1251"), "windows-1251",
     "\u041f\u0440\u0438\u0432\u0435\u0442", "declared header charset"),
    ("caf\u00e9 \u20ac5".encode("cp1252"), "iso-8859-1", "caf\u00e9 \u20ac5",
     "ISO-8859-1 read as windows-1252 like browsers (0x80 is the euro sign)"),
    ("caf\u00e9".encode("utf-8"), "iso-8859-1", "caf\u00e9",
     "valid multi-byte UTF-8 beats a single-byte declaration"),
    (b'<meta charset="windows-1251"><p>' + "\u0414\u0430".encode("cp1251"), None,
     '<meta charset="windows-1251"><p>\u0414\u0430', "meta charset"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
     + "\u0414\u0430".encode("koi8-r"), None,
     '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">\u0414\u0430', "http-equiv meta"),
    (b'<?xml version="1.0" encoding="iso-8859-15"?><a>\xa4</a>', None,
     '<?xml version="1.0" encoding="iso-8859-15"?><a>\u20ac</a>', "XML declaration"),
    (b'<meta charset="utf-16"><p>plain</p>', None, '<meta charset="utf-16"><p>plain</p>',
     "utf-16 named inside an ASCII document is a lie"),
    (b"caf\xe9", "utf-8", "caf\u00e9", "declared utf-8 that is not falls through to detection"),
    (b"caf\xe9", "no-such-charset", "caf\u00e9", "unknown label ignored"),
    (b"caf\xe9", "base64", "caf\u00e9", "non-text codec label ignored"),
    (b"The mayor\x92s office said \x93no comment\x94.", None,
     "The mayor\u2019s office said \u201cno comment\u201d.", "windows-1252 smart quotes"),
    (b"caf\xe9 cr\xe8me br\xfbl\xe9e", None, "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e",
     "short Western text stays windows-1252 (detection would say cp1250)"),
    ("\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? "
     "\u042d\u0442\u043e \u0442\u0435\u0441\u0442.".encode("cp1251"), None,
     "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? "
     "\u042d\u0442\u043e \u0442\u0435\u0441\u0442.", "undeclared Cyrillic detected"),
]


@pytest.mark.parametrize("body, declared, expected, why", CASES, ids=[c[3] for c in CASES])
def test_decode(body, declared, expected, why):
    assert decode(body, declared) == expected


@pytest.mark.parametrize("label, expected", [
    ("UTF-8", "utf-8"), ("latin1", "cp1252"), ("us-ascii", "cp1252"), ("gb2312", "gb18030"),
    ("shift_jis", "cp932"), ('"koi8-r"', "koi8-r"), ("bogus", None), ("rot13", None), (None, None),
])
def test_normalize_label(label, expected):
    assert normalize_label(label) == expected


@settings(max_examples=300, deadline=None)
@given(body=st.binary(max_size=512), declared=st.sampled_from([None, "utf-8", "latin-1", "utf-16", "bogus"]))
def test_decode_always_returns_text(body, declared):
    assert isinstance(decode(body, declared), str)
