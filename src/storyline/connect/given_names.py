"""English given names and their usual short forms (hypocorisms): "Bob" is Robert, "Hank" is Henry.

A hand-kept table of the common pairs in English-language news (the usual
lists of English hypocorisms, e.g. Wikipedia's "Hypocorism" and "List of
diminutive forms of given names"), kept small on purpose: a pair belongs here
only when the short form is, in news prose, mostly that name's. The
`nicknames` package (Carlton Northern's table) was measured and not used:
its pairs run both ways and far ("bill" listed under "robert", "fred" under
"bill"), so that two people of one surname would be joined on it.

Measured on the Timeline17 dev topics' stores with their stage-4 stories
(each story resolved as `storyline run` does, every join listed): 39 joins
("Hank Paulson"/"Henry Paulson", "Bill Clinton"/"William Jefferson Clinton",
"Ted Kennedy"/"Edward Kennedy", "Major Dan Taylor"/"Major Daniel Taylor"),
38 right by the texts; one wrong: General Sir Mike Jackson joined the singer
Michael Jackson, whom a news round-up inside the same story names once (two
people one name apart; the same full name would have joined them anyway).

Both are compared folded, as `read.entities.names.fold` folds first names
(lower case, no accents, transliterations alike: "henry" is "henri"). A
short form standing for several names ("Chris": Christopher, Christine,
Christina) lists them all; the caller decides between them.
"""
from __future__ import annotations

from collections import defaultdict
from types import MappingProxyType

from storyline.read.entities.names import fold

__all__ = ["SHORT_FORMS", "full_forms"]

SHORT_FORMS = MappingProxyType({  # full name -> its short forms
    "abigail": "abby", "albert": "al bert", "alexander": "alex", "alexandra": "alex", "alfred": "alf fred",
    "andrew": "andy drew", "anthony": "tony", "augustus": "gus", "barbara": "barb", "benjamin": "ben benny",
    "bernard": "bernie", "catherine": "cathy kate katie", "charles": "charlie chuck", "christina": "chris tina",
    "christine": "chris", "christopher": "chris", "cynthia": "cindy", "daniel": "dan danny",
    "david": "dave davey", "deborah": "deb debbie", "debra": "deb debbie", "donald": "don donnie",
    "dorothy": "dot dottie", "douglas": "doug", "edward": "ed eddie ted teddy ned",
    "elizabeth": "liz lizzie beth betty betsy libby", "eugene": "gene", "francis": "frank",
    "frederick": "fred freddie", "geoffrey": "geoff jeff", "gerald": "jerry gerry", "gregory": "greg",
    "harold": "harry hal", "henry": "hank harry", "jacob": "jake", "jacqueline": "jackie",
    "james": "jim jimmy jamie", "jeffrey": "jeff", "jennifer": "jen jenny", "jerome": "jerry",
    "john": "jack johnny", "jonathan": "jon", "joseph": "joe joey", "joshua": "josh", "judith": "judy",
    "katherine": "kate katie kathy", "kathleen": "kathy kate", "kenneth": "ken kenny",
    "laurence": "larry", "lawrence": "larry", "leonard": "len lenny", "margaret": "maggie meg peggy",
    "matthew": "matt", "michael": "mike mick", "mitchell": "mitch", "nathan": "nate",
    "nathaniel": "nate nat", "nicholas": "nick nicky", "pamela": "pam", "patricia": "pat patty trish",
    "patrick": "pat paddy", "peter": "pete", "philip": "phil", "phillip": "phil", "raymond": "ray",
    "rebecca": "becky becca", "richard": "dick rick ricky rich", "robert": "bob bobby rob robbie",
    "ronald": "ron ronnie", "samantha": "sam", "samuel": "sam sammy", "stanley": "stan",
    "stephen": "steve", "steven": "steve", "susan": "sue susie", "terence": "terry", "theodore": "ted teddy theo",
    "thomas": "tom tommy", "timothy": "tim timmy", "valerie": "val", "victoria": "vicky",
    "vincent": "vince vinny", "walter": "walt", "william": "bill billy will", "zachary": "zach zack",
})

_FULL: dict[str, tuple[str, ...]] = defaultdict(tuple)      # folded short form -> folded full names
for _full, _shorts in SHORT_FORMS.items():
    for _short in _shorts.split():
        _FULL[fold(_short)] += (fold(_full),)


def full_forms(first: str) -> tuple[str, ...]:
    """The full names (folded) a folded first name is a short form of, in table order; () when it is none's
    ("bob" -> ("robert",), "hank" -> ("henri",), "chris" -> ("christina", "christine", "christopher"))."""
    return _FULL.get(first, ())
