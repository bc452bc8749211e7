"""Word lists shared by several stages: one copy each, so a fix reaches every reader at once.

Calendar names (TIMEX3 tagging, name repair), number words (time expressions,
facts, fact comparison) and news agencies (credits, bylines, photo captions).
Lists that belong to one reader alone stay with it (quote cues, tense cues).
"""
from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {                 # ISO numbering: Monday 1 ... Sunday 7
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3,
    "wed": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5,
    "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000,
}

# news agencies: canonical short name -> the forms a text uses
NEWS_AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press", "The AP", "AP News"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "Thomson Reuters", "Reuters Staff"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "UPI": ("UPI", "United Press International"),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS", "Tass"),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "PA": ("PA", "PA Media", "Press Association"),
    "CNN": ("CNN", "CNN Wire"),
    "ANI": ("ANI",),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "AAP": ("AAP", "Australian Associated Press"),
    "CP": ("The Canadian Press", "Canadian Press"),
}
# picture agencies and pools, which credit photos, never reporting
PHOTO_AGENCIES: frozenset[str] = frozenset({
    "getty", "getty images", "epa", "epa-efe", "sputnik", "anadolu", "pa images", "shutterstock", "alamy", "zuma",
    "zuma press", "sipa", "abaca", "pool", "nurphoto", "imago"})
# every agency form in lower case
AGENCY_NAMES: frozenset[str] = frozenset(f.lower() for forms in NEWS_AGENCIES.values() for f in forms)

# money: the unit a sum is written in, as stage 3 writes it and stage 4 compares it
# (read.events.money, connect.facts): a symbol or an ISO 4217 code before the number ("$4.2 billion",
# "NOK 41 billion"), else a currency word after it when the word alone does not say whose ("310 crowns")
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "$", "US$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₪": "ILS", "₦": "NGN", "₱": "PHP", "C$": "CAD", "A$": "AUD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
    "R$": "BRL",
}
CURRENCY_CODES: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", **{c: c for c in (
    "AUD BRL CAD CHF CNY CZK DKK HKD HUF IDR ILS INR KRW MXN MYR NGN NOK NZD PHP PKR PLN RUB SAR SEK SGD THB TRY "
    "TWD UAH ZAR AED EGP KES").split()}}
CURRENCY_WORDS: dict[str, str] = {          # singular lemma -> unit; "crown" etc. take a nationality below
    "dollar": "$", "euro": "€", "pound": "£", "sterling": "£", "yen": "¥", "yuan": "CNY", "renminbi": "CNY",
    "ruble": "RUB", "rouble": "RUB", "rupee": "rupees", "crown": "crowns", "krone": "crowns", "kroner": "crowns",
    "krona": "crowns", "kronor": "crowns", "franc": "francs", "peso": "pesos", "rand": "ZAR", "lira": "TRY",
    "ringgit": "MYR", "rupiah": "IDR", "baht": "THB", "dirham": "dirhams", "riyal": "riyals", "shekel": "ILS",
    "naira": "NGN", "zloty": "PLN", "forint": "HUF", "hryvnia": "UAH", "real": "BRL", "reais": "BRL",
}
CURRENCY_NATIONS: dict[tuple[str, str], str] = {   # (nationality, unit word) -> code: "Norwegian crowns"
    ("norwegian", "crowns"): "NOK", ("swedish", "crowns"): "SEK", ("danish", "crowns"): "DKK",
    ("czech", "crowns"): "CZK", ("swiss", "francs"): "CHF", ("mexican", "pesos"): "MXN",
    ("philippine", "pesos"): "PHP", ("indian", "rupees"): "INR", ("pakistani", "rupees"): "PKR",
    ("canadian", "$"): "CAD", ("australian", "$"): "AUD", ("hong kong", "$"): "HKD",
    ("singapore", "$"): "SGD", ("new zealand", "$"): "NZD", ("egyptian", "£"): "EGP",
}
MONEY_SCALES: dict[str, str] = {             # written scale -> the word stage 3 writes
    "thousand": "thousand", "k": "thousand", "million": "million", "m": "million", "mn": "million",
    "mln": "million", "billion": "billion", "bn": "billion", "bln": "billion", "trillion": "trillion",
    "tn": "trillion", "trn": "trillion",
}
SCALE_FACTORS: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
