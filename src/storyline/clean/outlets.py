"""The outlet that published an article, from its address.

A page's own site name (og:site_name) is the best source; when there is none,
the host is. Hosts of well-known outlets map to the name readers use ("The
Moscow Times", not "themoscowtimes"); any other host gives its registered
name, which is at least stable and recognisable.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

KNOWN: dict[str, str] = {
    "apnews.com": "AP", "reuters.com": "Reuters", "afp.com": "AFP", "bloomberg.com": "Bloomberg",
    "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post", "wsj.com": "The Wall Street Journal",
    "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times", "chicagotribune.com": "Chicago Tribune",
    "bostonglobe.com": "The Boston Globe", "politico.com": "Politico", "politico.eu": "Politico Europe",
    "thehill.com": "The Hill", "axios.com": "Axios", "npr.org": "NPR", "pbs.org": "PBS", "cnn.com": "CNN",
    "foxnews.com": "Fox News", "nbcnews.com": "NBC News", "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News",
    "msnbc.com": "MSNBC", "cnbc.com": "CNBC", "huffpost.com": "HuffPost", "huffingtonpost.com": "HuffPost",
    "breitbart.com": "Breitbart", "newsweek.com": "Newsweek", "time.com": "Time", "theatlantic.com": "The Atlantic",
    "newyorker.com": "The New Yorker", "vox.com": "Vox", "slate.com": "Slate", "salon.com": "Salon",
    "nypost.com": "New York Post", "dailybeast.com": "The Daily Beast", "thedailybeast.com": "The Daily Beast",
    "bbc.co.uk": "BBC", "bbc.com": "BBC", "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian",
    "telegraph.co.uk": "The Telegraph", "independent.co.uk": "The Independent", "thetimes.co.uk": "The Times",
    "ft.com": "Financial Times", "economist.com": "The Economist", "dailymail.co.uk": "Daily Mail",
    "mirror.co.uk": "The Mirror", "thesun.co.uk": "The Sun", "sky.com": "Sky News", "news.sky.com": "Sky News",
    "aljazeera.com": "Al Jazeera", "dw.com": "DW", "france24.com": "France 24", "euronews.com": "Euronews",
    "lemonde.fr": "Le Monde", "spiegel.de": "Der Spiegel", "rt.com": "RT", "tass.com": "TASS", "tass.ru": "TASS",
    "themoscowtimes.com": "The Moscow Times", "meduza.io": "Meduza", "ria.ru": "RIA Novosti",
    "interfax.com": "Interfax", "kyivindependent.com": "The Kyiv Independent", "pravda.com.ua": "Ukrainska Pravda",
    "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "globaltimes.cn": "Global Times", "scmp.com": "South China Morning Post",
    "japantimes.co.jp": "The Japan Times", "straitstimes.com": "The Straits Times", "timesofindia.indiatimes.com":
    "The Times of India", "hindustantimes.com": "Hindustan Times", "thehindu.com": "The Hindu", "abc.net.au": "ABC News (Australia)",
    "smh.com.au": "The Sydney Morning Herald", "cbc.ca": "CBC", "theglobeandmail.com": "The Globe and Mail",
    "haaretz.com": "Haaretz", "timesofisrael.com": "The Times of Israel", "jpost.com": "The Jerusalem Post",
    "arabnews.com": "Arab News", "voanews.com": "Voice of America", "rferl.org": "Radio Free Europe/Radio Liberty",
    "upi.com": "UPI", "yahoo.com": "Yahoo News", "news.yahoo.com": "Yahoo News", "forbes.com": "Forbes",
    "businessinsider.com": "Business Insider", "insider.com": "Insider", "techcrunch.com": "TechCrunch",
    "theverge.com": "The Verge", "wired.com": "Wired", "arstechnica.com": "Ars Technica", "espn.com": "ESPN",
}
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "go", "ne", "or"}


def host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        netloc = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    netloc = re.sub(r"^(www\d?|m|amp|mobile|edition|eu|uk|us|en)\.", "", netloc.lower())
    return netloc or None


def host_core(url: str | None) -> str | None:
    """The registered name of a URL's host: 'https://www.bbc.co.uk/news' -> 'bbc'."""
    name = host(url)
    if not name or "." not in name:
        return None
    parts = name.split(".")
    return parts[-3] if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else parts[-2]


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's name as readers know it for well-known hosts, else the host's registered name."""
    name = host(url)
    if not name or "." not in name:
        return None
    parts = name.split(".")
    for i in range(len(parts) - 1):          # longest known suffix first: news.sky.com before sky.com
        if ".".join(parts[i:]) in KNOWN:
            return KNOWN[".".join(parts[i:])]
    core = host_core(url) or ""
    return core.capitalize() if len(core) > 3 else core.upper()


def _key(name: str) -> str:
    key = re.sub(r"[^\w]", "", name.lower())
    return re.sub(r"(com|net|org|couk|news)$", "", key) or key


def _words(text: str) -> list[str]:
    found = re.findall(r"\w+", text.lower())
    return found[1:] if found[:1] == ["the"] else found


def is_outlet_name(name: str, outlets: tuple[str, ...]) -> bool:
    """Whether `name` is one of `outlets` (the names a page uses for itself).

    'Cleveland.com', 'CNN Business', 'Business Insider' on a page whose outlet
    is cleveland / CNN / Business Insider Deutschland: the outlet, not a person.
    Words are compared, not characters, so outlet 'NJ' leaves 'Njeri Smith' alone."""
    key, words = _key(name), _words(name)
    for outlet in outlets:
        o_words = _words(outlet)
        n = min(len(words), len(o_words))
        if key == _key(outlet) or (n and words[:n] == o_words[:n]):
            return True
    return False


# What sites put between a headline and their name: " | ", " - ", " – ", " — ", " :: ", " • ", " » ".
_TITLE_SEP = re.compile(r"\s+(?:[|–—•·»]|--?|::)\s+|\s*\|\s*")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _outlet_key(name: str) -> str:
    """A name as words, without a leading 'the' or a trailing 'news': 'BBC News', 'BBC' -> 'bbc'."""
    words = _words(name)
    return " ".join(words[:-1] if len(words) > 1 and words[-1] == "news" else words)


def same_outlet(name: str | None, other: str | None) -> bool:
    """Whether two outlet names name one outlet: 'BBC News' and 'BBC', 'The Guardian' and 'Guardian';
    False when either is unknown (None or blank)."""
    return bool(name and other and _outlet_key(name) and _outlet_key(name) == _outlet_key(other))


_KNOWN_KEYS = frozenset(_outlet_key(name) for name in KNOWN.values())


def is_known_outlet(name: str) -> bool:
    """Whether `name` is, word for word, the name of a well-known outlet (KNOWN): 'BBC News', 'Reuters',
    'The Guardian', 'Guardian'; not 'Time to act' nor 'Hill residents'."""
    return bool(name.strip()) and _outlet_key(name) in _KNOWN_KEYS


_NUMERIC_DATE = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{2,4}(?:,?\s+\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?)?", re.I)


def _is_date(piece: str) -> bool:
    """A title piece that is a date and nothing else ('05.03.2025', '2025-03-05', 'March 5, 2025')."""
    from storyline.clean.page_dates import date_line    # page_dates needs the timex tagger: only titles with pieces
    piece = piece.strip()
    return bool(_NUMERIC_DATE.fullmatch(piece) or date_line(piece) == piece)


def strip_site_name(title: str, outlets: tuple[str, ...] = (), headlines: tuple[str, ...] = ()) -> str:
    """A page title without the site's own name before or after it.

    'Bridge closes - Harbour Times' -> 'Bridge closes'. The piece cut off
    must be a date ('Bridge closes | Harbour Times | 05.03.2025') or the
    page's own name: one of `outlets` (og:site_name,
    application-name, the JSON-LD publisher, the host name), the whole name
    of a well-known outlet (`is_known_outlet`: 'Bridge closes - BBC News' from
    a page saved without its address), or a piece of at
    most six words whose removal leaves exactly one of `headlines` (the
    page's <h1> and og:title/headline texts), i.e. a suffix the <title>
    carries and the headline does not. A title whose separator is part of the
    headline ('Brexit - what happens next') keeps it, since neither holds.
    Repeated, so 'Bridge closes | Local | Harbour Times' loses both pieces
    when 'Bridge closes' is the <h1>."""
    heads = {_norm(h) for h in headlines if len(_norm(h).split()) >= 3}
    heads.discard(_norm(title))

    def is_site(piece: str, rest: str) -> bool:
        if len(rest.split()) < 2 or not piece.strip():
            return False
        if is_outlet_name(piece, outlets) or is_known_outlet(piece) or _is_date(piece):
            return True
        return len(piece.split()) <= 6 and _norm(rest) in heads

    while seps := list(_TITLE_SEP.finditer(title)):
        last, first = seps[-1], seps[0]
        if is_site(title[last.end():], title[:last.start()]):
            title = title[:last.start()].strip()
        elif is_site(title[:first.start()], title[first.end():]):
            title = title[first.end():].strip()
        else:
            break
    return title
