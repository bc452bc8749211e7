"""The news event schema: which words announce which kind of happening.

The schema is data, not code, so that a new kind of event (or a trigger word
found missing on a new corpus) is one line here and one row in the tests.
docs/events.md is the human-readable version of this table; keep them in step.

Type names are lowercase and start with the word a reader would use ("arrest",
"exchange", "statement") because downstream matching and the timeline text
read them as words.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    name: str
    verbs: frozenset[str] = frozenset()      # verb lemmas
    nouns: frozenset[str] = frozenset()      # noun lemmas
    # role of a possessor / "of" complement of a noun trigger ("Bout's arrest", "the release of X")
    noun_owner_role: str = "patient"
    # a noun trigger counts only when governed by one of these lemmas (None: always);
    # "a nine-year sentence" being served is a state, "a sentence expected on Friday" is a happening
    noun_heads: frozenset[str] | None = None
    # participants must include a person (or a "prisoner" modifier) for the event to stand
    needs_person: bool = False
    # legal-process events whose missing subject is the person the previous sentence was about
    inherits_subject: bool = False
    # nouns of this type that name it only where one of `context` is said with them ("a bail hearing",
    # "a hearing before Judge X"; "a Senate hearing" is a legislature's, not a court's)
    context_nouns: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    # modifiers that make a trigger noun another kind of thing ("a clinical trial" tests a drug)
    other_kinds: frozenset[str] = frozenset()
    # verbs of this type only with a post as their complement ("named X as chief executive", "was named
    # CEO", "promoted to chief operating officer", "hired X to lead"): see `POSTS` and `POST_VERBS`
    post_verbs: frozenset[str] = frozenset()
    # verbs of this type only with one of `objects` as their object (or passive subject), keyed "verb particle"
    # when they have one: a ruling told by what it does to an appeal ("dismissed both appeals", "upheld the ban",
    # "threw out the case"), a rate decision by the rate it moves ("cut interest rates"); see complements.py
    object_verbs: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    # the only words that may modify such an object (None: any): "its key interest rate", never "the tax rate"
    object_modifiers: frozenset[str] | None = None
    # nouns of this type only with one of `objects` as a compound: "a rate cut", "an interest rate hike"
    compound_nouns: frozenset[str] = frozenset()
    # the event stands only with a named patient who is no place: a ban is of someone ("Ibanez was banned"),
    # never "banned imports", "suspended talks"
    needs_patient: bool = False
    # prepositions that, with an object of their own, make a noun trigger's possessor its agent: "the EU's ban
    # on Russian oil" is the EU's doing, "her ban" is hers to serve
    owner_is_agent_with: frozenset[str] = frozenset()
    # verbs whose subject undergoes a noun trigger of this type they take as object: "she faces a ban"
    borne_by: frozenset[str] = frozenset()
    # kept with no named participant when dated, like an incident: "members voted on Thursday", "dockers walked
    # out on Monday"
    dated_alone: bool = False


def _t(name, verbs=(), nouns=(), **kw) -> EventType:
    kw = {k: frozenset(v) if isinstance(v, (set, tuple)) else v for k, v in kw.items()}
    return EventType(name, frozenset(verbs), frozenset(nouns), **kw)


# Words that put a hearing before a court: its kind ("bail hearing"), where it is held ("in federal
# court", "before Judge X") or who holds it ("the judge set a hearing"). Legislatures, regulators and
# boards hold hearings too ("a Senate hearing", "a confirmation hearing"), which are no trial.
COURT_WORDS = frozenset("""
court courtroom courthouse judge magistrate tribunal jury juror bail sentencing plea arraignment extradition
custody detention remand parole probation appeal appeals pretrial pre-trial preliminary evidentiary
competency suppression habeas deportation
""".split())

# Kinds of trial that test a thing rather than try a person.
TEST_TRIALS = frozenset("""
clinical drug vaccine medical human field pilot free randomized randomised placebo phase test treatment
""".split())

# Posts a person is appointed to or removed from (the head noun of "as chief executive", "to the
# board", "from office"). Offices only: "named X as a suspect" or "as the winner" names no post.
POSTS = frozenset("""
president vice-president premier chancellor minister secretary secretary-general spokesman spokeswoman
spokesperson governor mayor ambassador envoy commissioner commander chief head leader director chairman
chairwoman chair executive officer ceo cfo coo cto cio cmo vp svp evp manager treasurer trustee principal dean
provost adviser advisor counsel judge justice prosecutor coach captain editor correspondent deputy successor
replacement nominee board post position role job office seat cabinet bench
""".split())
# Ranks that make a post of the noun they modify ("chief economist", "head scientist", "deputy spokesman"),
# unless it names no office at all (`NOT_POSTS`: "the chief suspect", "its head start").
POST_RANKS = frozenset({"chief", "head", "deputy", "acting", "interim"})
NOT_POSTS = frozenset("""
suspect witness culprit target victim beneficiary reason cause concern worry obstacle threat priority rival
start aim goal problem issue complaint question
""".split())


# What a court rules on: "dismissed both appeals", "upheld the ban", "overturned his conviction"; the verbs of
# ruling alone say many other things ("dismissed the idea", "rejected the offer", "upheld tradition").
RULED_ON = frozenset("""
appeal case lawsuit suit petition challenge conviction sentence ban suspension ruling decision verdict judgment
judgement charge injunction
""".split())
RULING_VERBS = frozenset({
    "uphold", "overturn", "quash", "annul", "dismiss", "reject", "reverse", "overrule", "vacate", "throw out",
    "strike down", "set aside", "turn down",
})
# The rate a central bank sets, and the only words said of it ("its key interest rate", "the overnight rate",
# "rates"): "the unemployment rate", "the exchange rate" and "the tax rate" are no central bank's.
POLICY_RATE_WORDS = frozenset("""
interest policy benchmark key overnight base repo lending deposit discount funds federal cash official bank prime
reference monetary main refinancing
""".split())
# Bans of a thing rather than a sanction on someone: "Trump's travel ban", "an export ban".
PROHIBITIONS = frozenset("""
travel export import smoking entry visa flight arms weapon weapons fishing hunting oil gas trade advertising
abortion gun assault-weapon fracking plastic alcohol fireworks protest
""".split())
# Strikes that are no walkout: attacks ("a drone strike"), lightning, a football shot ("a low strike").
NO_WALKOUTS = frozenset("""
drone missile air rocket military nuclear preemptive pre-emptive retaliatory precision artillery surgical lightning
hunger low stunning long-range
""".split())

_SENTENCE_HEADS = frozenset({
    "impose", "hand", "give", "pass", "deliver", "announce", "expect", "schedule", "issue", "appeal",
    "uphold", "overturn", "reduce", "commute", "set", "due", "await", "read", "pronounce", "receive",
})

EVENT_TYPES: tuple[EventType, ...] = (
    _t("arrest", {"arrest", "detain", "apprehend", "nab", "capture"}, {"arrest", "detention", "capture"},
       needs_person=True),
    _t("charge", {"charge", "indict"}, {"indictment"}, needs_person=True),
    _t("trial", set(), {"trial", "hearing"}, needs_person=True, context_nouns={"hearing"}, context=COURT_WORDS,
       other_kinds=TEST_TRIALS, object_verbs={"hear"}, objects={"appeal", "case", "lawsuit", "petition", "challenge"}),
    # an appeal lodged against a ruling: "WADA has appealed against the ban", "lodged her own appeal"; never "appealed
    # for calm", "appealed to voters", "the appeal of the idea" (complements.legal_appeal)
    _t("appeal", {"appeal"}, {"appeal"}, noun_owner_role="agent",
       noun_heads={"lodge", "file", "launch", "submit", "hear", "lose", "win", "withdraw", "drop", "consider",
                   "review", "mount", "pursue", "await", "bring", "make", "allow", "grant", "decide"}),
    # a sanction on someone: "was banned for two years", "was provisionally suspended", "faces a ban"
    _t("ban", {"ban", "suspend", "bar"}, {"ban", "suspension"}, needs_patient=True, other_kinds=PROHIBITIONS,
       owner_is_agent_with={"on"}, borne_by={"face", "receive", "get", "serve", "accept", "escape", "avoid", "risk"}),
    _t("verdict", {"acquit"}, {"verdict", "acquittal", "ruling"}, inherits_subject=True, object_verbs=RULING_VERBS,
       objects=RULED_ON),
    _t("conviction", {"convict"}, {"conviction"}, needs_person=True),
    _t("plea", {"plead"}, {"plea"}, needs_person=True),
    _t("sentence", {"sentence"}, {"sentence", "sentencing"}, noun_heads=_SENTENCE_HEADS,
       inherits_subject=True),
    _t("release", {"release", "free", "pardon"}, {"release", "pardon"}, needs_person=True),
    _t("exchange", {"swap", "exchange", "trade"}, {"exchange", "swap", "trade"}, noun_owner_role="participant",
       needs_person=True),
    _t("extradition", {"extradite", "deport"}, {"extradition", "deportation"}, needs_person=True),
    _t("meeting", {"meet"}, {"meeting", "summit", "talks"}, noun_owner_role="agent"),
    _t("call", {"phone", "telephone"}, {"call", "phone call", "conversation"}, noun_owner_role="agent"),
    _t("statement", set(), {"statement", "comment", "remark", "announcement", "speech", "interview"},
       noun_owner_role="agent"),
    _t("treaty", set(), {"treaty", "pact", "accord", "convention"}, noun_owner_role="agent"),
    _t("agreement", {"agree"}, {"agreement", "deal", "ceasefire", "truce"}, noun_owner_role="agent"),
    _t("attack", {"attack", "bomb", "shell", "raid", "ambush", "invade"},
       {"attack", "bombing", "assault", "airstrike", "shelling", "raid", "invasion", "ambush"},
       noun_owner_role="agent"),
    _t("protest", {"protest", "rally", "demonstrate"}, {"protest", "demonstration", "rally"},
       noun_owner_role="agent"),
    _t("death", {"die", "kill", "assassinate"}, {"death", "killing", "assassination", "execution"}),
    # accidents and disasters: nouns that name nothing else in news ("a blast of criticism" is rare; "fire",
    # "crash", "flood", "storm", "landslide", "collapse", "leak" and "avalanche" also name gunfire, markets,
    # floods of letters, elections and talks, so they are left out)
    _t("incident", {"explode"}, {"explosion", "blast", "blaze", "wildfire", "bushfire", "earthquake", "quake",
                                 "tsunami", "eruption", "derailment", "mudslide", "stampede"}),
    _t("election", {"elect", "reelect", "re-elect"}, {"election", "referendum", "runoff"}),
    # "X conceded" (defeat, the race, the election), never "conceded that ..." (a statement: finder._verb_type)
    _t("concession", {"concede"}, set(), noun_owner_role="agent"),
    # a vote by a body: "shareholders voted to approve", "the Senate voted 52-48"; "the vote" as a noun is
    # mostly a share of it ("40% of the vote") and is left out
    _t("vote", {"vote"}, set(), noun_owner_role="agent", dated_alone=True),
    # workers stopping work: "went on strike", "dockers walked out", "ending a four-day strike" (complements.walkout)
    _t("strike", set(), {"strike", "walkout", "stoppage"}, noun_owner_role="agent", other_kinds=NO_WALKOUTS,
       object_verbs={"stop", "down"}, objects={"work", "tool"}, dated_alone=True),
    # a central bank's decision on its rate: "cut its key interest rate by half a point", "held rates", "a rate hike"
    _t("rate decision", set(), {"cut", "hike", "increase", "rise", "reduction", "decision"}, noun_owner_role="agent",
       object_verbs={"cut", "lower", "reduce", "trim", "slash", "raise", "hike", "lift", "increase", "hold", "keep",
                     "leave", "maintain"},
       objects={"rate"}, object_modifiers=POLICY_RATE_WORDS, compound_nouns={"rate"}),
    # one company buying another: "Kestrel's takeover of Halvorsen", "Acme acquired Velmar"
    _t("takeover", {"acquire"}, {"takeover", "acquisition", "merger", "buyout"}, noun_owner_role="participant"),
    _t("resignation", {"resign", "quit", "oust"}, {"resignation"}, noun_owner_role="agent",
       post_verbs={"fire", "sack", "dismiss", "remove", "retire"}),
    _t("appointment", {"appoint", "nominate"}, {"appointment", "nomination"},
       post_verbs={"name", "hire", "promote", "tap", "pick", "choose", "select", "install", "designate",
                   "recruit"}),
)

BY_NAME = {t.name: t for t in EVENT_TYPES}
VERB_TYPES = {v: t for t in EVENT_TYPES for v in t.verbs}
POST_VERBS = {v: t for t in EVENT_TYPES for v in t.post_verbs}
# the verbs of appointing and removing that need no post ("appointed X", "ousted X"): like `POST_VERBS`, their
# object or object predicate is the person put in or out ("appointed Jane Roe as chief executive")
APPOINT_VERBS = BY_NAME["appointment"].verbs | BY_NAME["resignation"].verbs
# "named Ortberg to lead Boeing": infinitives that say the post by its work
POST_INFINITIVES = frozenset({"lead", "head", "run", "succeed", "replace", "chair", "oversee", "manage", "serve",
                              "become", "direct", "helm", "coach", "captain"})
NOUN_TYPES = {n: t for t in EVENT_TYPES for n in t.nouns}
# verbs that name an event only with a given object ("dismissed the appeal", "cut rates"): see `EventType.objects`
OBJECT_VERBS = {v: t for t in EVENT_TYPES for v in t.object_verbs}

# Reporting verbs: a named subject of one of these makes a "statement" event.
SAY_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "claim", "declare", "stress", "insist", "deny", "accuse",
    "warn", "comment", "indicate", "report", "express", "note", "confirm", "argue", "assert", "allege",
    "explain", "reiterate", "acknowledge", "admit", "emphasize", "emphasise", "suggest", "write", "tweet",
    "testify", "reply", "respond", "urge", "vow", "pledge", "promise", "threaten", "maintain", "describe",
})

# Verbs whose object noun is the event itself: "completed a swap", "signed a treaty", "held talks".
LIGHT_VERBS = frozenset({
    "complete", "carry", "conduct", "hold", "sign", "reach", "make", "strike", "agree", "conclude",
    "finalize", "finalise", "seal", "broker", "negotiate", "launch", "stage", "mount", "organize",
    "organise", "host", "have", "attend", "impose", "hand", "deliver", "announce", "order", "approve",
    "secure", "win", "lose", "call", "request", "propose", "offer", "seek", "want", "push", "demand",
    "arrange", "discuss", "plan", "agree", "accept", "reject", "ratify", "enter", "join", "lodge", "file",
    "begin", "start", "resume",
})

# Nouns that stand for a prisoner-like participant when no name is given ("a prisoner swap").
PERSON_STAND_INS = frozenset({"prisoner", "detainee", "hostage", "captive", "inmate"})

# Words after a time expression that make the event lie before/after the clause it modifies.
SEQUENCE_ADVERBS = frozenset({"subsequently", "later", "then", "afterwards", "afterward", "eventually"})

# A capital city as the agent of a diplomatic act stands for its state ("signed by Washington and
# Moscow"): general knowledge of news metonymy, not a list of one story's places.
CAPITALS = {
    "washington": ("United States", "U.S.", "US", "USA", "America"), "moscow": ("Russia",),
    "kremlin": ("Russia",), "beijing": ("China",), "london": ("United Kingdom", "Britain", "UK", "U.K."),
    "paris": ("France",), "berlin": ("Germany",), "tokyo": ("Japan",), "kyiv": ("Ukraine",),
    "kiev": ("Ukraine",), "tehran": ("Iran",), "ankara": ("Turkey", "Türkiye"), "seoul": ("South Korea",),
    "pyongyang": ("North Korea",), "delhi": ("India",), "new delhi": ("India",), "islamabad": ("Pakistan",),
    "kabul": ("Afghanistan",), "baghdad": ("Iraq",), "damascus": ("Syria",), "jerusalem": ("Israel",),
    "cairo": ("Egypt",), "riyadh": ("Saudi Arabia",), "ottawa": ("Canada",), "canberra": ("Australia",),
    "brussels": ("Belgium", "European Union", "EU"), "rome": ("Italy",), "madrid": ("Spain",),
    "warsaw": ("Poland",), "minsk": ("Belarus",), "caracas": ("Venezuela",), "havana": ("Cuba",),
    "mexico city": ("Mexico",), "brasilia": ("Brazil",), "buenos aires": ("Argentina",),
    "pretoria": ("South Africa",), "nairobi": ("Kenya",), "abuja": ("Nigeria",), "doha": ("Qatar",),
    "abu dhabi": ("United Arab Emirates", "UAE"), "taipei": ("Taiwan",), "manila": ("Philippines",),
    "jakarta": ("Indonesia",), "hanoi": ("Vietnam",), "bangkok": ("Thailand",), "tbilisi": ("Georgia",),
    "yerevan": ("Armenia",), "baku": ("Azerbaijan",), "athens": ("Greece",), "stockholm": ("Sweden",),
    "oslo": ("Norway",), "helsinki": ("Finland",), "copenhagen": ("Denmark",), "vienna": ("Austria",),
    "bern": ("Switzerland",), "the hague": ("Netherlands",), "amsterdam": ("Netherlands",),
    "budapest": ("Hungary",), "prague": ("Czech Republic", "Czechia"), "bucharest": ("Romania",),
    "sofia": ("Bulgaria",), "belgrade": ("Serbia",), "tripoli": ("Libya",), "khartoum": ("Sudan",),
    "beirut": ("Lebanon",), "amman": ("Jordan",), "sanaa": ("Yemen",), "dublin": ("Ireland",),
    "lisbon": ("Portugal",),
}
