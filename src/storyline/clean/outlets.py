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


def outlet_from_url(url: str | None) -> str | None:
    name = host(url)
    if not name or "." not in name:
        return None
    parts = name.split(".")
    for i in range(len(parts) - 1):          # longest known suffix first: news.sky.com before sky.com
        if ".".join(parts[i:]) in KNOWN:
            return KNOWN[".".join(parts[i:])]
    core = parts[-3] if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else parts[-2]
    return core.capitalize() if len(core) > 3 else core.upper()
