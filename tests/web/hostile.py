"""Hostile inputs: markup, script and URL payloads arriving in RSS items and JSON Lines records.

The payloads follow the cases of feed sanitizer test suites (feedparser's
`tests/illformed` and html5lib's sanitizer tests, OWASP's XSS filter evasion
list): script elements, event handler attributes, `javascript:` and `data:`
URLs in any case or spacing, SVG and MathML vectors, attribute and element
break-outs, and the same markup entity-encoded once or twice (a feed's title
or text often arrives escaped, and cleaning undoes escaping level by level).
Every payload, if it ever ran, would set `window.__pwned` or the page title.
"""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

CANARY = "window.__pwned=1"
MARKUP = [
    f"<script>{CANARY}</script>",
    f'<img src=x onerror="{CANARY}">',
    f'<svg onload="{CANARY}"><circle r="5"/></svg>',
    f"<svg><script>{CANARY}</script></svg>",
    f'<a href="javascript:{CANARY}">click here</a>',
    f'<iframe src="javascript:{CANARY}"></iframe>',
    f'<body onload="{CANARY}">',
    f'<details open ontoggle="{CANARY}"><summary>x</summary></details>',
    f'<div style="background:url(javascript:{CANARY})">styled</div>',
    f'"><script>{CANARY}</script>',
    f"'><img src=x onerror={CANARY}>",
    "</title><script>document.title='pwned'</script>",
    f"</textarea></style><script>{CANARY}</script>",
    f'<object data="data:text/html,<script>{CANARY}</script>"></object>',
    f'<meta http-equiv="refresh" content="0;url=javascript:{CANARY}">',
    f'<math><mi xlink:href="javascript:{CANARY}">m</mi></math>',
    '<base href="javascript:/">',
    f"<ScRiPt>{CANARY}</sCrIpT>",
    f"<scr<script>ipt>{CANARY}</script>",
    "{{ 7*7 }} {% raw %} ${7*7}",
]
ENCODED = [escape(p) for p in MARKUP[:4]] + [escape(escape(p)) for p in MARKUP[:2]] + [
    f"&#60;script&#62;{CANARY}&#60;/script&#62;", f"&#x3C;img src=x onerror={CANARY}&#x3E;"]
URLS = [f"javascript:{CANARY}", f"JaVaScRiPt:{CANARY}", f" javascript:{CANARY}", f"java\tscript:{CANARY}",
        "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+", "vbscript:msgbox(1)",
        f"&#106;avascript:{CANARY}", "https://example.org/ok?a=1&b=<2>"]

STORY = ("Mayor Elena Brandt said on Tuesday that the harbour bridge in Port Alden would close for repairs in "
         "March. The city council approved the plan after engineers from Halvorsen Consulting found cracks in two "
         "supports. \"We will not take risks with people's lives,\" Brandt told reporters. ")


def jsonl_records() -> list[dict]:
    """One record per payload: the payload in the id, title, text, url and outlet by turns."""
    records = []
    for n, payload in enumerate(MARKUP + ENCODED):
        records.append({"id": payload if n % 5 == 0 else f"hostile-{n}", "title": f"Bridge {n} {payload}",
                        "text": f"{STORY}{payload} The work costs {n + 2} million euros. {payload}",
                        "published": f"2023-02-{n % 27 + 1:02d}", "url": URLS[n % len(URLS)],
                        "outlet": payload if n % 4 == 0 else f"Harbour News {n % 3}"})
    # an id used twice and a date that is no date: warnings quoting payloads (the /refused page, the dossier)
    records.append({"id": MARKUP[0], "text": f"{STORY} A second report on the bridge.", "published": {"at": MARKUP[0]}})
    return records


def rss(records: int = 8) -> str:
    """An RSS feed whose titles, links, descriptions and content carry the payloads, raw and escaped."""
    items = []
    for n, payload in enumerate((MARKUP + ENCODED)[:records]):
        items.append(f"""<item>
  <title>{escape(f"Port report {n} {payload}")}</title>
  <link>{escape(URLS[n % len(URLS)])}</link>
  <pubDate>Wed, {n + 1:02d} Mar 2023 10:00:00 GMT</pubDate>
  <description>{escape(STORY + payload)}</description>
  <content:encoded><![CDATA[<p>{STORY}</p><p>{payload}</p><p>{escape(payload)}</p>]]></content:encoded>
</item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{escape(MARKUP[0])} Harbour Feed</title><link>https://example.org/</link>
<description>payloads</description>
{chr(10).join(items)}
</channel></rss>
"""


def write_inputs(folder: Path) -> Path:
    """hostile.jsonl and hostile.rss in `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.jsonl").write_text("\n".join(json.dumps(r) for r in jsonl_records()) + "\n", encoding="utf-8")
    (folder / "hostile.rss").write_text(rss(), encoding="utf-8")
    return folder
