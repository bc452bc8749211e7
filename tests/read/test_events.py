"""Events read from short news sentences, as a table.

Entities and time expressions are built by hand from the table (every
capitalised name listed is one entity; every time string one expression), so
these tests pin the event reader alone, not its neighbours.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from storyline.read.events.finder import find_events
from storyline.read.nlp import load_nlp
from storyline.records import DateRange, TimeExpression

from .fakes import entities_named

PUB = DateRange(date(2022, 12, 20), date(2022, 12, 20))
Y = lambda y: (date(y, 1, 1), date(y, 12, 31))  # noqa: E731


def _times(text: str, times: dict[str, tuple]) -> list[TimeExpression]:
    out = []
    for t, spec in times.items():
        k = text.find(t)
        kind, value, lo, hi = spec
        out.append(TimeExpression(k, k + len(t), t, kind, value, lo, hi))
    return out


def run(text, names, times=None, published=PUB):
    doc = load_nlp()(text)
    ents = entities_named(text, names)
    events = find_events(doc, ents, _times(text, times or {}), published)
    name_of = {e.id: e.name for e in ents}
    return [(e.type, e.modality, sorted(name_of[p] for _, p in e.participants), e.time, name_of.get(e.place), e)
            for e in events]


P, G = "PERSON", "GPE"
# (text, entities, times, expected type, modality, participants that must be listed, (earliest, latest) or None)
ROWS = [
    ("Bout was arrested in Thailand in 2008.", {"Bout": P, "Thailand": G},
     {"2008": ("DATE", "2008", *Y(2008))}, "arrest", "actual", ["Bout"], Y(2008)),
    ("Police detained Ana Lopez in Madrid on Monday.", {"Ana Lopez": P, "Madrid": G},
     {"Monday": ("DATE", "2022-12-19", date(2022, 12, 19), date(2022, 12, 19))}, "arrest", "actual",
     ["Ana Lopez"], (date(2022, 12, 19), date(2022, 12, 19))),
    ("She was charged with fraud, and Maria Silva denies it.", {"Maria Silva": P}, {}, "statement", "actual",
     ["Maria Silva"], (PUB.earliest, PUB.latest)),
    ("John Smith was charged with murder in 2019.", {"John Smith": P},
     {"2019": ("DATE", "2019", *Y(2019))}, "charge", "actual", ["John Smith"], Y(2019)),
    ("Prosecutors indicted Tom Reyes in March.", {"Tom Reyes": P},
     {"March": ("DATE", "2022-03", date(2022, 3, 1), date(2022, 3, 31))}, "charge", "actual", ["Tom Reyes"],
     (date(2022, 3, 1), date(2022, 3, 31))),
    ("The trial of Omar Haddad opened in Paris.", {"Omar Haddad": P, "Paris": G}, {}, "trial", "actual",
     ["Omar Haddad"], None),
    ("Lee Park was convicted of bribery in 2017.", {"Lee Park": P},
     {"2017": ("DATE", "2017", *Y(2017))}, "conviction", "actual", ["Lee Park"], Y(2017)),
    ("A jury found Ellen Wu guilty of theft.", {"Ellen Wu": P}, {}, "conviction", "actual", ["Ellen Wu"], None),
    ("Viktor Bout was sentenced to 25 years in prison in 2012.", {"Viktor Bout": P},
     {"2012": ("DATE", "2012", *Y(2012))}, "sentence", "actual", ["Viktor Bout"], Y(2012)),
    ("Russia freed Brittney Griner in exchange for Viktor Bout.", {"Russia": G, "Brittney Griner": P,
     "Viktor Bout": P}, {}, "exchange", "actual", ["Brittney Griner", "Viktor Bout"], None),
    ("In April, Moscow and Washington completed a prisoner swap involving Ivan Petrov, who had spent 12 years "
     "in jail, and Sam Cole, who was sentenced to nine years.", {"Moscow": G, "Washington": G,
     "Ivan Petrov": P, "Sam Cole": P}, {"April": ("DATE", "2022-04", date(2022, 4, 1), date(2022, 4, 30))},
     "exchange", "actual", ["Ivan Petrov", "Sam Cole"], (date(2022, 4, 1), date(2022, 4, 30))),
    ("Officials discussed a potential prisoner swap involving Ana Lopez.", {"Ana Lopez": P}, {}, "exchange",
     "possible", ["Ana Lopez"], None),
    ("Karl Mertens was extradited to Germany in 2015.", {"Karl Mertens": P, "Germany": G},
     {"2015": ("DATE", "2015", *Y(2015))}, "extradition", "actual", ["Karl Mertens"], Y(2015)),
    ("Hamid Karzai met Barack Obama in Kabul on Tuesday.", {"Hamid Karzai": P, "Barack Obama": P, "Kabul": G},
     {"Tuesday": ("DATE", "2022-12-20", PUB.earliest, PUB.latest)}, "meeting", "actual",
     ["Barack Obama", "Hamid Karzai"], (PUB.earliest, PUB.latest)),
    ("Emmanuel Macron will meet Olaf Scholz in Berlin next week.", {"Emmanuel Macron": P, "Olaf Scholz": P,
     "Berlin": G}, {}, "meeting", "expected", ["Emmanuel Macron", "Olaf Scholz"], None),
    ("Joe Biden spoke by phone with Volodymyr Zelensky.", {"Joe Biden": P, "Volodymyr Zelensky": P}, {},
     "call", "actual", ["Joe Biden", "Volodymyr Zelensky"], None),
    ("The U.S. requested a phone call with Sergei Lavrov.", {"U.S.": G, "Sergei Lavrov": P}, {}, "call",
     "possible", ["Sergei Lavrov"], None),
    ("Vladimir Putin said on Dec. 9 that more swaps were possible.", {"Vladimir Putin": P},
     {"Dec. 9": ("DATE", "2022-12-09", date(2022, 12, 9), date(2022, 12, 9))}, "statement", "actual",
     ["Vladimir Putin"], (date(2022, 12, 9), date(2022, 12, 9))),
    ("\"We are ready,\" Sergei Vershinin told RIA Novosti.", {"Sergei Vershinin": P, "RIA Novosti": "ORG"}, {},
     "statement", "actual", ["Sergei Vershinin"], (PUB.earliest, PUB.latest)),
    ("The swaps were negotiated in secret, according to the Kremlin.", {"Kremlin": "ORG"}, {}, "statement",
     "actual", ["Kremlin"], (PUB.earliest, PUB.latest)),
    ("The treaty signed by Washington and Moscow in 1999 is still in force.", {"Washington": G, "Moscow": G,
     "United States": G, "Russia": G}, {"1999": ("DATE", "1999", *Y(1999))}, "treaty", "actual",
     ["Moscow", "Washington"], Y(1999)),
    ("Israel and Hamas agreed to a ceasefire on Friday.", {"Israel": G, "Hamas": "ORG"},
     {"Friday": ("DATE", "2022-12-16", date(2022, 12, 16), date(2022, 12, 16))}, "agreement", "actual",
     ["Hamas", "Israel"], (date(2022, 12, 16), date(2022, 12, 16))),
    ("Gunmen attacked a police station in Kandahar in May.", {"Kandahar": G},
     {"May": ("DATE", "2022-05", date(2022, 5, 1), date(2022, 5, 31))}, "attack", "actual", [],
     (date(2022, 5, 1), date(2022, 5, 31))),
    ("Thousands protested in Tehran on Saturday.", {"Tehran": G},
     {"Saturday": ("DATE", "2022-12-17", date(2022, 12, 17), date(2022, 12, 17))}, "protest", "actual", [],
     (date(2022, 12, 17), date(2022, 12, 17))),
    ("Queen Elizabeth died at Balmoral in September.", {"Queen Elizabeth": P, "Balmoral": "FAC"},
     {"September": ("DATE", "2022-09", date(2022, 9, 1), date(2022, 9, 30))}, "death", "actual",
     ["Queen Elizabeth"], (date(2022, 9, 1), date(2022, 9, 30))),
    ("Luiz Lula was elected president in October.", {"Luiz Lula": P},
     {"October": ("DATE", "2022-10", date(2022, 10, 1), date(2022, 10, 31))}, "election", "actual",
     ["Luiz Lula"], (date(2022, 10, 1), date(2022, 10, 31))),
    ("Boris Johnson resigned in July.", {"Boris Johnson": P},
     {"July": ("DATE", "2022-07", date(2022, 7, 1), date(2022, 7, 31))}, "resignation", "actual",
     ["Boris Johnson"], (date(2022, 7, 1), date(2022, 7, 31))),
    ("Liz Truss was appointed foreign secretary in 2021.", {"Liz Truss": P},
     {"2021": ("DATE", "2021", *Y(2021))}, "appointment", "actual", ["Liz Truss"], Y(2021)),
    ("Ana Lopez could be released next month.", {"Ana Lopez": P}, {}, "release", "possible", ["Ana Lopez"],
     None),
    ("Ana Lopez was not arrested.", {"Ana Lopez": P}, {}, "arrest", "negated", ["Ana Lopez"], None),
    ("Tom Reyes did not meet Ana Lopez.", {"Tom Reyes": P, "Ana Lopez": P}, {}, "meeting", "negated",
     ["Ana Lopez", "Tom Reyes"], None),
    ("The verdict for Omar Haddad is expected on August 5.", {"Omar Haddad": P},
     {"August 5": ("DATE", "2022-08-05", date(2022, 8, 5), date(2022, 8, 5))}, "verdict", "expected",
     ["Omar Haddad"], (date(2022, 8, 5), date(2022, 8, 5))),
    ("Ana Lopez pleaded guilty to fraud.", {"Ana Lopez": P}, {}, "plea", "actual", ["Ana Lopez"], None),
]


@pytest.mark.parametrize("text,names,times,etype,modality,who,when", ROWS, ids=[r[0][:40] for r in ROWS])
def test_event_table(text, names, times, etype, modality, who, when):
    got = run(text, names, times)
    match = [g for g in got if g[0] == etype]
    assert match, f"no {etype} event in {[(g[0], g[2]) for g in got]}"
    typ, mod, parts, time, _, _ = match[0]
    assert mod == modality
    assert set(who) <= set(parts), parts
    if when is None:
        assert time is None
    else:
        assert time is not None and (time.earliest, time.latest) == when


def test_passive_subject_is_patient_and_by_phrase_agent():
    got = run("Ana Lopez was arrested by Spanish police officer Juan Ruiz.", {"Ana Lopez": P, "Juan Ruiz": P})
    ev = [g for g in got if g[0] == "arrest"][0][5]
    roles = dict((r, p) for r, p in ev.participants)
    assert roles == {"patient": "e1", "agent": "e2"}


def test_place_from_compound_and_nested_prepositions():
    got = run("Bout was arrested in a sting operation in Thailand.", {"Bout": P, "Thailand": G})
    assert got[0][4] == "Thailand"
    got = run("She was detained at a Moscow airport in February.\n", {"Moscow": G})
    assert got == [] or got[0][4] == "Moscow"
    got = run("Ana Lopez was detained at a Moscow airport.", {"Ana Lopez": P, "Moscow": G})
    assert got[0][4] == "Moscow"


def test_one_event_per_happening():
    got = run("Bout was arrested in a U.S. sting operation in Thailand in 2008.", {"Bout": P, "Thailand": G, "U.S.": G},
              {"2008": ("DATE", "2008", *Y(2008))})
    assert [g[0] for g in got] == ["arrest"]
    got = run("Russia freed Brittney Griner in exchange for Viktor Bout.", {"Russia": G, "Brittney Griner": P,
              "Viktor Bout": P})
    assert [g[0] for g in got] == ["exchange"]


def test_pronoun_falls_back_to_previous_subject():
    text = "Viktor Bout is a former arms dealer. He was sentenced to 25 years in prison."
    got = run(text, {"Viktor Bout": P})
    assert [(g[0], g[2]) for g in got] == [("sentence", ["Viktor Bout"])]


@pytest.mark.parametrize("text, names, roles, expected", [
    # the legal event's own sentence is about someone: that person, not the previous sentence's subject
    ("Stein said an appeal would be filed. Whitfield has been held in the county jail since the verdict.",
     {"Stein": P, "Whitfield": P}, {}, [("statement", ["Stein"]), ("verdict", ["Whitfield"])]),
    # the previous sentence's subject is a source there, not whom the sentencing concerns
    ("\u201cWe respect the jury's work,\u201d Stein said. Sentencing was set for Nov. 14.", {"Stein": P}, {},
     [("statement", ["Stein"])]),
    # ... nor is an office of the court
    ("Whitfield was convicted of theft. Judge Ortiz set sentencing for Nov. 14.", {"Whitfield": P, "Ortiz": P},
     {"Ortiz": ("Judge",)}, [("conviction", ["Whitfield"]), ("sentence", ["Whitfield"])]),
])
def test_a_legal_event_without_participants_concerns_whom_the_sentences_are_about(text, names, roles, expected):
    doc = load_nlp()(text)
    ents = [replace(e, roles=roles.get(e.name, ())) for e in entities_named(text, names)]
    name_of = {e.id: e.name for e in ents}
    got = find_events(doc, ents, [], PUB)
    assert [(e.type, sorted(name_of[p] for _, p in e.participants)) for e in got] == expected


def test_duration_after_counts_back_from_publication():
    text = "His comments come nearly two weeks after Russia freed Ana Lopez."
    got = run(text, {"Russia": G, "Ana Lopez": P}, {"nearly two weeks": ("DURATION", "P2W", None, None)})
    ev = [g for g in got if g[0] in {"release", "exchange"}][0]
    assert ev[3].earliest == date(2022, 12, 6) and date(2022, 12, 9) <= ev[3].latest <= date(2022, 12, 11)


def test_coordinated_verb_is_bounded_by_the_dated_one():
    text = "Bout was extradited to the U.S. and sentenced in 2012."
    got = run(text, {"Bout": P, "U.S.": G}, {"2012": ("DATE", "2012", *Y(2012))})
    ext = [g for g in got if g[0] == "extradition"][0]
    assert (ext[3].earliest, ext[3].latest) == (None, date(2012, 12, 31))


def test_coordinated_verb_told_after_a_dated_one_is_no_earlier():
    text = "Bout was arrested in Thailand in 2008 and extradited to the U.S."
    got = run(text, {"Bout": P, "Thailand": G, "U.S.": G}, {"2008": ("DATE", "2008", *Y(2008))})
    ext = [g for g in got if g[0] == "extradition"][0]
    assert (ext[3].earliest, ext[3].latest) == (date(2008, 1, 1), None)


def test_subsequently_is_bounded_by_the_event_told_just_before():
    # "subsequently" says the event came after the one told just before it, in its sentence or the one
    # before in the same paragraph; without the adverb, or in another paragraph, that date bounds nothing
    one = "Bout was arrested in 2008 and was subsequently extradited to the U.S. and sentenced in 2012."
    two = "Bout was arrested in 2008. He was subsequently extradited to the U.S. and sentenced in 2012."
    plain = "Bout was arrested in 2008. He was extradited to the U.S. and sentenced in 2012."
    apart = "Bout was arrested in 2008.\n\nHe was subsequently extradited to the U.S. and sentenced in 2012."
    times = {"2008": ("DATE", "2008", *Y(2008)), "2012": ("DATE", "2012", *Y(2012))}
    for text, lower in ((one, date(2008, 1, 1)), (two, date(2008, 1, 1)), (plain, None), (apart, None)):
        ext = [g for g in run(text, {"Bout": P, "U.S.": G}, times) if g[0] == "extradition"][0]
        assert (ext[3].earliest, ext[3].latest) == (lower, date(2012, 12, 31)), text


def test_background_event_without_time_is_undated():
    got = run("Ana Lopez was arrested after a protest.", {"Ana Lopez": P})
    assert got[0][0] == "arrest" and got[0][3] is None


def test_month_without_year_in_past_tense_is_before_publication():
    text = "Ana Lopez was detained in February."
    got = run(text, {"Ana Lopez": P}, {"February": ("DATE", "2023-02", date(2023, 2, 1), date(2023, 2, 28))})
    assert got[0][3].earliest == date(2022, 2, 1)


def test_serving_a_sentence_is_not_a_sentencing():
    got = run("Ana Lopez is serving a nine-year prison sentence.", {"Ana Lopez": P})
    assert "sentence" not in [g[0] for g in got]


def test_same_speaker_undated_statement_takes_the_dated_one_of_its_sentence():
    dec9 = {"Dec. 9": ("DATE", "2022-12-09", date(2022, 12, 9), date(2022, 12, 9))}
    text = "Vladimir Putin said on Dec. 9 that talks were going on and added that more swaps were possible."
    st = [g for g in run(text, {"Vladimir Putin": P}, dec9) if g[0] == "statement"]
    assert st and all((g[3].earliest, g[3].latest) == (date(2022, 12, 9), date(2022, 12, 9)) for g in st)
    # another sentence's date is not this one's: undated words told as news are the article's news,
    # words told in the perfect were said at a time the sentence does not give
    for verb, when in (("said", (PUB.earliest, PUB.latest)), ("has expressed", None), ("had expressed", None)):
        text = f"Vladimir Putin {verb} he was open to more talks. \"Yes,\" Vladimir Putin said on Dec. 9."
        st = sorted((g[5].trigger.start, g[3]) for g in run(text, {"Vladimir Putin": P}, dec9) if g[0] == "statement")
        assert [t and (t.earliest, t.latest) for _, t in st] == [when, (date(2022, 12, 9),) * 2], verb


def test_a_definite_noun_naming_an_earlier_event_again_is_that_event():
    text = ("Russia swapped Brittney Griner for Viktor Bout in December. Critics said the exchange of Brittney "
            "Griner was unfair.")
    got = run(text, {"Russia": G, "Brittney Griner": P, "Viktor Bout": P},
              {"December": ("DATE", "2022-12", date(2022, 12, 1), date(2022, 12, 31))})
    assert [(g[0], g[5].trigger.text, g[3].earliest) for g in got if g[0] == "exchange"] == [
        ("exchange", "swapped", date(2022, 12, 1))]


# (text, entities, times, event type, trigger, (earliest, latest) or None): a time expression of another
# sentence never dates an event, however the two sentences are linked
OTHER_SENTENCE = [
    ("Boeing said on Tuesday it would cut jobs. The plan was announced in March.", {"Boeing": "ORG"},
     {"Tuesday": ("DATE", "2022-12-20", PUB.earliest, PUB.latest),
      "March": ("DATE", "2022-03", date(2022, 3, 1), date(2022, 3, 31))},
     "statement", "said", (PUB.earliest, PUB.latest)),
    ("Boeing said it would cut jobs. Boeing first announced the plan in March.", {"Boeing": "ORG"},
     {"March": ("DATE", "2022-03", date(2022, 3, 1), date(2022, 3, 31))},
     "statement", "said", (PUB.earliest, PUB.latest)),
    ("Spirit AeroSystems signed an agreement with Boeing in March. Boeing wants a new agreement with "
     "Spirit AeroSystems.", {"Spirit AeroSystems": "ORG", "Boeing": "ORG"},
     {"March": ("DATE", "2022-03", date(2022, 3, 1), date(2022, 3, 31))}, "agreement", "agreement", None),
    ("Russia swapped Brittney Griner for Viktor Bout in December. Russia wants another exchange involving "
     "Viktor Bout.", {"Russia": G, "Brittney Griner": P, "Viktor Bout": P},
     {"December": ("DATE", "2022-12", date(2022, 12, 1), date(2022, 12, 31))}, "exchange", "exchange", None),
    ("Police arrested Ana Lopez in Madrid. She was charged with fraud in March.", {"Ana Lopez": P, "Madrid": G},
     {"March": ("DATE", "2022-03", date(2022, 3, 1), date(2022, 3, 31))}, "arrest", "arrested", None),
    ("Boeing said it would cut 10,000 jobs. Earlier this month, Boeing announced a hiring freeze.",
     {"Boeing": "ORG"}, {"Earlier this month": ("DATE", "2022-12", date(2022, 12, 1), date(2022, 12, 20))},
     "statement", "said", (PUB.earliest, PUB.latest)),
]


@pytest.mark.parametrize("text,names,times,etype,trigger,when", OTHER_SENTENCE,
                         ids=[r[0][:40] for r in OTHER_SENTENCE])
def test_time_never_comes_from_another_sentence(text, names, times, etype, trigger, when):
    at = text.rfind(trigger)                  # the trigger's last occurrence
    got = [g for g in run(text, names, times) if g[0] == etype and g[5].trigger.start == at]
    assert got, f"no {etype} event on {trigger!r}"
    time = got[0][3]
    assert (time.earliest, time.latest) == when if when else time is None


@pytest.mark.parametrize("text", [
    "Andy Bailey told reporters in London that a cut was possible in May.",
    "Andy Bailey said inflation was falling and that a cut was possible in May.",
])
def test_the_time_of_what_is_said_is_not_the_time_of_saying_it(text):
    # a month after publication in the reported clause: neither the saying's date nor moved to the past year
    got = run(text, {"Andy Bailey": P, "London": G}, {"May": ("DATE", "2023-05", date(2023, 5, 1), date(2023, 5, 31))})
    st = [g for g in got if g[0] == "statement"]
    assert st and all(g[3] is not None and (g[3].earliest, g[3].latest) == (PUB.earliest, PUB.latest) for g in st)


JAN = ("DATE", "2023-01", date(2023, 1, 1), date(2023, 1, 31))
JAN9 = ("DATE", "2023-01-09", date(2023, 1, 9), date(2023, 1, 9))
# (text, time expression and its tagged value, trigger, (earliest, latest)): a month the tagger put after
# publication (PUB: 2022-12-20) goes to the past year only under a finite past or a perfect; a participle in
# a passive infinitive or after a present "be", a plan and a deictic "next month" stay where they are
PAST_YEAR = [
    ("Paul Whitfield is scheduled to be sentenced next month.", {"next month": JAN}, "sentenced",
     (date(2023, 1, 1), date(2023, 1, 31))),
    ("Paul Whitfield resigned effective next month.", {"next month": JAN}, "resigned",
     (date(2023, 1, 1), date(2023, 1, 31))),
    ("Paul Whitfield is expected to be sentenced in January.", {"January": JAN}, "sentenced",
     (date(2023, 1, 1), date(2023, 1, 31))),
    ("Paul Whitfield is to be sentenced Jan. 9.", {"Jan. 9": JAN9}, "sentenced", (date(2023, 1, 9),) * 2),
    ("Paul Whitfield is sentenced in January.", {"January": JAN}, "sentenced", (date(2023, 1, 1), date(2023, 1, 31))),
    ("The judge scheduled Paul Whitfield's sentencing for Jan. 9.", {"Jan. 9": JAN9}, "sentencing",
     (date(2023, 1, 9),) * 2),
    ("The judge set Paul Whitfield's trial to begin Jan. 9.", {"Jan. 9": JAN9}, "trial", (date(2023, 1, 9),) * 2),
    # past forms still move it
    ("Paul Whitfield was sentenced in January.", {"January": JAN}, "sentenced", (date(2022, 1, 1), date(2022, 1, 31))),
    ("Prosecutors indicted Paul Whitfield in January.", {"January": JAN}, "indicted",
     (date(2022, 1, 1), date(2022, 1, 31))),
    ("Paul Whitfield has been charged in January.", {"January": JAN}, "charged", (date(2022, 1, 1), date(2022, 1, 31))),
]


@pytest.mark.parametrize("text,times,trigger,when", PAST_YEAR, ids=[r[0][:45] for r in PAST_YEAR])
def test_only_a_past_form_moves_a_month_to_the_past_year(text, times, trigger, when):
    got = [g for g in run(text, {"Paul Whitfield": P}, times) if g[5].trigger.text == trigger]
    assert got, f"no event on {trigger!r}"
    assert (got[0][3].earliest, got[0][3].latest) == when


def test_a_clause_describing_a_noun_keeps_its_time():
    # "which was drafted in March" dates the drafting, not the saying above the noun it describes
    text = "Boeing said the plan, which was drafted in March, would cut jobs."
    got = run(text, {"Boeing": "ORG"}, {"March": ("DATE", "2022-03", date(2022, 3, 1), date(2022, 3, 31))})
    st = [g for g in got if g[0] == "statement"]
    assert [(g[3].earliest, g[3].latest) for g in st] == [(PUB.earliest, PUB.latest)]


# (text, entities, event type, trigger word or None): a word that names an event kind is no trigger inside
# a person's, a place's, a company's or a show's name, written in the entities or missed by them; a
# treaty's or an agreement's name is the event
IN_NAMES = [
    ("Boeing's Stan Deal said the company would cut jobs.", {"Boeing": "ORG", "Stan Deal": P}, "agreement", None),
    ("Boeing's Stan Deal said the company would cut jobs.", {"Boeing": "ORG"}, "agreement", None),
    ("Boeing fired Stan Deal in March.", {"Boeing": "ORG", "Stan Deal": P}, "agreement", None),
    ("Shares fell on the New York Stock Exchange on Monday.", {"New York Stock Exchange": "ORG"}, "exchange", None),
    ("Ana Lopez hosts Meet the Press with Tom Reyes.",
     {"Ana Lopez": P, "Tom Reyes": P, "Meet the Press": "WORK_OF_ART"}, "meeting", None),
    ("Russia and Ukraine signed the Black Sea Grain Agreement in July.",
     {"Russia": G, "Ukraine": G, "Black Sea Grain Agreement": "LAW"}, "agreement", "Agreement"),
    ("The United States and Russia signed the Treaty on Mutual Legal Assistance in 1999.",
     {"United States": G, "Russia": G, "Treaty on Mutual Legal Assistance": "ORG"}, "treaty", "Treaty"),
    ("Russia and Ukraine reached a deal on grain in July.", {"Russia": G, "Ukraine": G}, "agreement", "deal"),
    # capitalised for where it stands, not for being a name: a title-case headline, a sentence's first word
    ("Russia Completes Swap Of Ana Lopez For Tom Reyes", {"Russia": G, "Ana Lopez": P, "Tom Reyes": P},
     "exchange", "Swap"),
    ("Swap Of Ana Lopez For Tom Reyes Completed", {"Ana Lopez": P, "Tom Reyes": P}, "exchange", "Swap"),
]


# a hearing is a court's only when said with a court ("bail hearing", "in federal court", "a judge set a
# hearing"); a legislature's or a board's is no trial, and a clinical trial tries a drug, not a person
HEARINGS = [
    ("Ana Lopez testified at a Senate hearing in May.", {"Ana Lopez": P, "Senate": "ORG"}, "trial", None),
    ("The confirmation hearing of Ana Lopez began on Monday.", {"Ana Lopez": P}, "trial", None),
    ("The hearing of Ana Lopez was held in the Senate.", {"Ana Lopez": P, "Senate": "ORG"}, "trial", None),
    ("The clinical trial of Ana Lopez began on Monday.", {"Ana Lopez": P}, "trial", None),
    ("The bail hearing of Ana Lopez was held in Madrid.", {"Ana Lopez": P, "Madrid": G}, "trial", "hearing"),
    ("A judge set a hearing for Ana Lopez on Monday.", {"Ana Lopez": P}, "trial", "hearing"),
    ("The hearing of Ana Lopez was held in federal court.", {"Ana Lopez": P}, "trial", "hearing"),
    ("The trial of Ana Lopez began on Monday.", {"Ana Lopez": P}, "trial", "trial"),
]


# verbs of appointing and removing make an appointment or a resignation (leaving a post, by choice or not)
# only with a post ("as chief executive", "CEO", "to lead"); "stepped down", "stood aside" need none
APPOINTMENTS = [
    ("Boeing named Kelly Ortberg as chief executive in July.", {"Boeing": "ORG", "Kelly Ortberg": P},
     "appointment", "named"),
    ("Kelly Ortberg was named CEO of Boeing.", {"Boeing": "ORG", "Kelly Ortberg": P}, "appointment", "named"),
    ("Boeing hired Kelly Ortberg as its new chief executive.", {"Boeing": "ORG", "Kelly Ortberg": P},
     "appointment", "hired"),
    ("Kelly Ortberg was promoted to chief operating officer.", {"Kelly Ortberg": P}, "appointment", "promoted"),
    ("Boeing named Kelly Ortberg to lead the company.", {"Boeing": "ORG", "Kelly Ortberg": P}, "appointment",
     "named"),
    ("Police named Ana Lopez as a suspect.", {"Ana Lopez": P}, "appointment", None),
    ("Ana Lopez was named the winner of the award.", {"Ana Lopez": P}, "appointment", None),
    ("Boeing hired 500 engineers in Seattle.", {"Boeing": "ORG", "Seattle": G}, "appointment", None),
    ("Ana Lopez picked up Tom Reyes from his office.", {"Ana Lopez": P, "Tom Reyes": P}, "appointment", None),
    ("Tom Reyes picked Ana Lopez from the bench.", {"Ana Lopez": P, "Tom Reyes": P}, "appointment", None),
    ("FBI agents removed documents from the office of Ana Lopez.", {"FBI": "ORG", "Ana Lopez": P}, "resignation",
     None),
    ("The Senate removed Ana Lopez from office in March.", {"Senate": "ORG", "Ana Lopez": P}, "resignation",
     "removed"),
    ("Police fired at Ana Lopez in Madrid.", {"Ana Lopez": P, "Madrid": G}, "resignation", None),
    ("Dave Calhoun stepped down as chief executive.", {"Dave Calhoun": P}, "resignation", "stepped"),
    ("Dave Calhoun stood down as chief executive in March.", {"Dave Calhoun": P}, "resignation", "stood"),
    ("Dave Calhoun stepped aside in March.", {"Dave Calhoun": P}, "resignation", "stepped"),
    ("Boeing ousted Dave Calhoun in March.", {"Boeing": "ORG", "Dave Calhoun": P}, "resignation", "ousted"),
    ("Ana Lopez was fired from her job in March.", {"Ana Lopez": P}, "resignation", "fired"),
    ("Boeing fired Stan Deal as head of its commercial airplanes unit.", {"Boeing": "ORG", "Stan Deal": P},
     "resignation", "fired"),
    # a rank makes a post of a noun outside `POSTS`, not of one that names no office
    ("Acme named Ana Lopez its chief economist.", {"Acme": "ORG", "Ana Lopez": P}, "appointment", "named"),
    ("Police named Ana Lopez as the chief suspect.", {"Ana Lopez": P}, "appointment", None),
    ("A man named Tom Reyes was arrested in Madrid.", {"Tom Reyes": P, "Madrid": G}, "appointment", None),
]

# corporate and electoral acts: a takeover, a body's vote, a candidate's concession (not a statement's "concede")
BUSINESS = [
    ("Acme acquired Velmar in 2019.", {"Acme": "ORG", "Velmar": "ORG"}, "takeover", "acquired"),
    ("The Commission opened an investigation into Kestrel's takeover of Halvorsen.",
     {"Commission": "ORG", "Kestrel": "ORG", "Halvorsen": "ORG"}, "takeover", "takeover"),
    ("The Senate voted 52-48 to confirm Ana Lopez.", {"Senate": "ORG", "Ana Lopez": P}, "vote", "voted"),
    ("Ana Lopez won 40% of the vote.", {"Ana Lopez": P}, "vote", None),
    ("Ana Lopez conceded defeat on Sunday night.", {"Ana Lopez": P}, "concession", "conceded"),
    ("Ana Lopez conceded that mistakes were made.", {"Ana Lopez": P}, "concession", None),
]


@pytest.mark.parametrize("text,names,etype,trigger", IN_NAMES + HEARINGS + APPOINTMENTS + BUSINESS,
                         ids=[r[0][:40] for r in IN_NAMES + HEARINGS + APPOINTMENTS + BUSINESS])
def test_trigger_words(text, names, etype, trigger):
    got = [g[5].trigger.text for g in run(text, names) if g[0] == etype]
    assert got == ([trigger] if trigger else []), [(g[0], g[5].trigger.text) for g in run(text, names)]


TUESDAY = {"Tuesday": ("DATE", "2022-12-13", date(2022, 12, 13), date(2022, 12, 13))}


# (text, entities, times, event type, {role: [names]} the event must hold, (earliest, latest) or None): the person
# a verb of appointing or removing puts in or out of a post is its patient however the small model hangs the name
# (an object, a predicate before "as", a modifier of the post), the one who names them its agent
APPOINTEES = [
    # the model reads "The board named Jane Roe" as a board called Jane Roe: the board is who named her
    ("The board named Jane Roe as chief executive on Tuesday, ousting John Doe.", {"Jane Roe": P, "John Doe": P},
     TUESDAY, "appointment", {"patient": ["Jane Roe"]}, (date(2022, 12, 13), date(2022, 12, 13))),
    # the participle set off by a comma is dated with the naming it goes with
    ("The board named Jane Roe as chief executive on Tuesday, ousting John Doe.", {"Jane Roe": P, "John Doe": P},
     TUESDAY, "resignation", {"patient": ["John Doe"]}, (date(2022, 12, 13), date(2022, 12, 13))),
    ("The board of Acme Corp named Jane Roe as chief executive on Tuesday, ousting John Doe.",
     {"Acme Corp": "ORG", "Jane Roe": P, "John Doe": P}, TUESDAY, "appointment",
     {"agent": ["Acme Corp"], "patient": ["Jane Roe"]}, (date(2022, 12, 13), date(2022, 12, 13))),
    ("Acme Corp named Jane Roe as chief executive on Tuesday, ousting John Doe.",
     {"Acme Corp": "ORG", "Jane Roe": P, "John Doe": P}, TUESDAY, "resignation", {"patient": ["John Doe"]},
     (date(2022, 12, 13), date(2022, 12, 13))),
    # no "as": a rank makes "chief economist" a post, and the name hung on it is the appointee
    ("The Federal Reserve Bank of New York named William Dudley chief economist.",
     {"Federal Reserve Bank": "ORG", "New York": G, "William Dudley": P}, {}, "appointment",
     {"agent": ["Federal Reserve Bank"], "patient": ["William Dudley"]}, None),
    # the name before "as", read as a predicate
    ("Walt Disney Co. named Robert Iger as chief executive.", {"Walt Disney Co.": "ORG", "Robert Iger": P}, {},
     "appointment", {"agent": ["Walt Disney Co."], "patient": ["Robert Iger"]}, None),
    ("Jane Roe, named chief executive on Tuesday, thanked the board.", {"Jane Roe": P}, TUESDAY, "appointment",
     {"patient": ["Jane Roe"]}, (date(2022, 12, 13), date(2022, 12, 13))),
]


@pytest.mark.parametrize("text,names,times,etype,roles,when", APPOINTEES,
                         ids=[f"{r[0][:40]}-{r[3]}" for r in APPOINTEES])
def test_who_is_appointed_or_removed_and_when(text, names, times, etype, roles, when):
    got = [g for g in run(text, names, times) if g[0] == etype]
    assert len(got) == 1, [(g[0], g[2]) for g in run(text, names, times)]
    ev = got[0][5]
    name_of = {e.id: e.name for e in entities_named(text, names)}
    for role, who in roles.items():
        assert sorted(name_of[e] for r, e in ev.participants if r == role) == who, ev.participants
    assert ((ev.time.earliest, ev.time.latest) if ev.time else None) == when


@pytest.mark.parametrize("text", [
    "The board named Jane Roe as chief executive on Tuesday, after ousting John Doe.",
    "Acme Corp named Jane Roe as chief executive on Tuesday. It said it was ousting John Doe.",
])
def test_a_participle_takes_no_time_it_does_not_go_with(text):
    got = [g for g in run(text, {"Jane Roe": P, "John Doe": P, "Acme Corp": "ORG"}, TUESDAY) if g[0] == "resignation"]
    assert all(g[3] is None for g in got), got


@pytest.mark.parametrize("text", [
    "The budget will be cut, he told Reuters.",
    "\"We have no choice,\" he told Reuters.",
    "Finance Minister Paul Smith spoke on Monday. \"We have no choice,\" he told Reuters.",
])
def test_whom_a_speaker_told_is_never_the_speaker(text):
    # the speaker is "he" (Paul Smith where the pronoun resolves); the outlet told is the recipient, and a
    # statement with no speaker named is none
    got = [g[5] for g in run(text, {"Paul Smith": P, "Reuters": "ORG"}) if g[0] == "statement"]
    told = [e for e in got if e.trigger.text == "told"]
    reuters = "e2"
    assert all(("agent", reuters) not in e.participants for e in told), told
    assert all(any(r == "agent" for r, _ in e.participants) for e in got), got
    if "Paul Smith" in text:
        assert [sorted(e.participants) for e in told] == [[("agent", "e1"), ("recipient", reuters)]]
    else:
        assert told == []


def test_evidence_sentence_and_trigger_offsets():
    text = "Header line\nBoris Johnson resigned in July."
    got = run(text, {"Boris Johnson": P})
    ev = got[0][5]
    assert ev.sentence.text == "Boris Johnson resigned in July."
    assert text[ev.trigger.start:ev.trigger.end] == "resigned"


# (value, publication interval, interval of the expression): `range_of` for what the tagger left unplaced
RANGES = [
    ("XXXX-08-05", DateRange(date(2022, 7, 1), date(2022, 8, 4)), (date(2022, 8, 5), date(2022, 8, 5))),
    # a weekday or week where the publication is not known to the day: within a week of it, not its whole year
    ("XXXX-WXX-5", DateRange(date(2022, 11, 11), None), (date(2022, 11, 5), None)),
    ("XXXX-WXX-5", DateRange(date(2022, 11, 11), date(2022, 11, 30)), (date(2022, 11, 5), date(2022, 12, 6))),
    ("XXXX-WXX", DateRange(None, date(2022, 8, 4)), (None, date(2022, 8, 10))),
    ("XXXX-WXX-5", None, None),
    ("XXXX-WXX-5", DateRange(None, None), None),
]


@pytest.mark.parametrize("value,published,span", RANGES)
def test_unplaced_dates_are_read_against_the_publication_interval(value, published, span):
    from storyline.read.events.timing import range_of
    got = range_of(TimeExpression(0, 6, "Friday", "DATE", value), published)
    assert ((got.earliest, got.latest) if got else None) == span


D = lambda text, day: {text: ("DATE", f"2025-03-{day:02d}", date(2025, 3, day), date(2025, 3, day))}  # noqa: E731
MARCH = DateRange(date(2025, 3, 20), date(2025, 3, 20))
# (text, entities, times, the incident's and the death's (place, day); None: no such event)
INCIDENTS = [
    # the relative clause hung on the place by the parser still tells the explosion's deaths
    ("Lawmakers questioned regulators after the March 13 explosion at the Gulfstar plant in Pasadena, which killed "
     "two workers.", {"Gulfstar": "ORG", "Pasadena": G}, D("March 13", 13), ("Pasadena", 13), ("Pasadena", 13)),
    # a participle after the incident's clause
    ("An explosion tore through a chemical plant in Marl on Tuesday, killing two workers.", {"Marl": G},
     D("Tuesday", 18), ("Marl", 18), ("Marl", 18)),
    # the incident as the subject: it takes the death's date
    ("The blast at the plant in Marl killed three workers on March 4.", {"Marl": G}, D("March 4", 4),
     ("Marl", 4), ("Marl", 4)),
    ("Two workers died as a result of the March 13 blast.", {}, D("March 13", 13), (None, 13), (None, 13)),
    # a later death from injuries is not dated by the blast; "the city of Marl" is the place
    ("A worker has died from injuries suffered in Tuesday's explosion at a plant in the German city of Marl.",
     {"Marl": G}, D("Tuesday", 18), ("Marl", 18), None),
    # not incidents: a verb "blast", an undated blast
    ("Trump blasted the media on Tuesday.", {"Trump": P}, D("Tuesday", 18), None, None),
    ("A blast shook the town.", {}, {}, None, None),
]


@pytest.mark.parametrize("text,names,times,incident,death", INCIDENTS, ids=[r[0][:40] for r in INCIDENTS])
def test_incidents_and_the_deaths_they_caused(text, names, times, incident, death):
    found = {etype: (place, when and when.earliest.day) for etype, _, _, when, place, _ in
             run(text, names, times, MARCH) if etype in ("incident", "death")}
    assert (found.get("incident"), found.get("death")) == (incident, death)


def _day(word, d):
    return {word: ("DATE", d.isoformat(), d, d)}


D13, D16 = date(2022, 12, 13), date(2022, 12, 16)
# (text, entities, times, event type, trigger, {role: [names]} it must hold, place, modality, (earliest, latest) or
# None): kinds news reports daily, read with their arguments from the parse like the others: a ban on someone, an
# appeal and the ruling on it, a strike, a rate decision, an agreement signed in the passive
KINDS = [
    # two subjects the parser gives one verb ("runner", "Ana Lopez"): the name is the patient
    ("The Spanish runner Ana Lopez was banned for two years on Tuesday.", {"Ana Lopez": P}, _day("Tuesday", D13),
     "ban", "banned", {"patient": ["Ana Lopez"]}, None, "actual", (D13, D13)),
    ("Ana Lopez has been provisionally suspended.", {"Ana Lopez": P}, {}, "ban", "suspended",
     {"patient": ["Ana Lopez"]}, None, "actual", None),
    # the subject of "faces" bears the ban; "of up to four years" is its length, not a lapse of time
    ("Ana Lopez faces a ban of up to four years after testing positive.", {"Ana Lopez": P},
     {"up to four years": ("DURATION", "P4Y", None, None)}, "ban", "ban", {"patient": ["Ana Lopez"]}, None,
     "possible", None),
    ("WADA has appealed against the two-year ban handed to Ana Lopez.", {"WADA": "ORG", "Ana Lopez": P}, {},
     "ban", "ban", {"patient": ["Ana Lopez"]}, None, "actual", None),
    ("WADA has appealed against the two-year ban handed to Ana Lopez.", {"WADA": "ORG", "Ana Lopez": P}, {},
     "appeal", "appealed", {"agent": ["WADA"]}, None, "actual", None),
    ("Ana Lopez has already lodged her own appeal.", {"Ana Lopez": P}, {}, "appeal", "appeal",
     {"agent": ["Ana Lopez"]}, None, "actual", None),
    # the outcome of an appeal is a ruling (a verdict), whose case names whom it concerns
    ("The Court of Arbitration for Sport on Tuesday dismissed both appeals in the doping case of Ana Lopez.",
     {"Court of Arbitration for Sport": "ORG", "Ana Lopez": P}, _day("Tuesday", D13), "verdict", "dismissed",
     {"agent": ["Court of Arbitration for Sport"], "patient": ["Ana Lopez"]}, None, "actual", (D13, D13)),
    ("The court upheld WADA's appeal on Friday.", {"WADA": "ORG"}, _day("Friday", D16), "verdict", "upheld",
     {"patient": ["WADA"]}, None, "actual", (D16, D16)),
    ("The Court of Appeal overturned the conviction of Tom Reyes.", {"Court of Appeal": "ORG", "Tom Reyes": P},
     {}, "verdict", "overturned", {"agent": ["Court of Appeal"], "patient": ["Tom Reyes"]}, None, "actual", None),
    # strikes: kept without a named party when dated; where the strikers are is where it is
    ("Dockworkers at the Port of Santos walked off the job on Monday.", {"Port of Santos": "FAC"},
     _day("Monday", date(2022, 12, 12)), "strike", "walked", {}, "Port of Santos", "actual",
     (date(2022, 12, 12),) * 2),
    ("Workers in Marl went on strike on Tuesday.", {"Marl": G}, _day("Tuesday", D13), "strike", "strike", {},
     "Marl", "actual", (D13, D13)),
    ("Members of Unite walked out on Tuesday.", {"Unite": "ORG"}, _day("Tuesday", D13), "strike", "walked",
     {}, None, "actual", (D13, D13)),
    ("Members are expected to vote on it on Friday.", {}, _day("Friday", D16), "vote", "vote", {}, None, "expected",
     (D16, D16)),
    # a rate decision: its rate, never "the tax rate"; "is expected to cut": the bank cuts
    ("Chile's central bank cut its key interest rate by half a percentage point on Tuesday.", {"Chile": G},
     _day("Tuesday", D13), "rate decision", "cut", {"agent": ["Chile"]}, None, "actual", (D13, D13)),
    ("Chile's central bank is expected to cut its benchmark interest rate on Friday.", {"Chile": G},
     _day("Friday", D16), "rate decision", "cut", {"agent": ["Chile"]}, None, "expected", (D16, D16)),
    ("The Bank of England held interest rates at 5.25% on Tuesday.", {"Bank of England": "ORG"},
     _day("Tuesday", D13), "rate decision", "held", {"agent": ["Bank of England"]}, None, "actual", (D13, D13)),
    ("The Federal Reserve approved a rate hike on Tuesday.", {"Federal Reserve": "ORG"}, _day("Tuesday", D13),
     "rate decision", "hike", {"agent": ["Federal Reserve"]}, None, "actual", (D13, D13)),
    ("A ruling by the Court of Arbitration for Sport is expected next month.",
     {"Court of Arbitration for Sport": "ORG"}, {}, "verdict", "ruling", {"agent": ["Court of Arbitration for Sport"]},
     None, "expected", None),
    # "since 1989" dates an earlier strike, not the first one since
    ("It is the first strike by Unite since 1989.", {"Unite": "ORG"},
     {"1989": ("DATE", "1989", *Y(1989))}, "strike", "strike", {"agent": ["Unite"]}, None, "actual", None),
    # an agreement signed in the passive: its signatories are the by-phrase
    ("The agreement was signed on Tuesday by the union and the ABTP at the labour court in Santos.",
     {"ABTP": "ORG", "Santos": G}, _day("Tuesday", D13), "agreement", "agreement", {"agent": ["ABTP"]}, None,
     "actual", (D13, D13)),
]


@pytest.mark.parametrize("text,names,times,etype,trigger,roles,place,modality,when", KINDS,
                         ids=[f"{r[0][:40]}-{r[3]}" for r in KINDS])
def test_kinds_with_their_arguments(text, names, times, etype, trigger, roles, place, modality, when):
    got = [g for g in run(text, names, times) if g[0] == etype]
    assert [g[5].trigger.text for g in got] == [trigger], [(g[0], g[5].trigger.text, g[2]) for g in run(text, names, times)]
    _, mod, _, time, where, ev = got[0]
    name_of = {e.id: e.name for e in entities_named(text, names)}
    for role, who in roles.items():
        assert sorted(name_of[e] for r, e in ev.participants if r == role) == who, ev.participants
    assert (mod, ((time.earliest, time.latest) if time else None)) == (modality, when)
    if place:
        assert where == place


# words of those kinds that say something else: a ban of a thing, a plea, a walk, an attack, a football shot,
# other rates and cuts, verbs of ruling on no appeal
NOT_KINDS = [
    ("The government banned imports of Russian oil on Tuesday.", {"Russian": "NORP"}, "ban"),
    ("Tom Reyes defended his travel ban on Tuesday.", {"Tom Reyes": P}, "ban"),
    ("The EU's ban on Russian oil took effect on Tuesday.", {"EU": "ORG", "Russian": "NORP"}, "ban"),
    ("Acme suspended operations at its plant on Tuesday.", {"Acme": "ORG"}, "ban"),
    ("Ana Lopez appealed for calm on Tuesday.", {"Ana Lopez": P}, "appeal"),
    ("Ana Lopez appealed to voters to stay at home.", {"Ana Lopez": P}, "appeal"),
    ("Tom Reyes dismissed the idea on Tuesday.", {"Tom Reyes": P}, "verdict"),
    ("Acme rejected the offer on Tuesday.", {"Acme": "ORG"}, "verdict"),
    ("Ana Lopez walked out of prison on Tuesday.", {"Ana Lopez": P}, "strike"),
    ("Israel carried out a drone strike on Tuesday.", {"Israel": G}, "strike"),
    ("Messi's strike on Tuesday won the game.", {"Messi": P}, "strike"),
    ("Israel's strikes on Gaza continued on Tuesday.", {"Israel": G, "Gaza": G}, "strike"),
    ("Acme cut 500 jobs on Tuesday.", {"Acme": "ORG"}, "rate decision"),
    ("The government cut the tax rate on Tuesday.", {"Spain": G}, "rate decision"),
    ("Spain announced a tax cut on Tuesday.", {"Spain": G}, "rate decision"),
    ("HSBC raised its mortgage rates on Tuesday.", {"HSBC": "ORG"}, "rate decision"),
]


@pytest.mark.parametrize("text,names,etype", NOT_KINDS, ids=[r[0][:40] for r in NOT_KINDS])
def test_words_of_those_kinds_that_say_something_else(text, names, etype):
    got = run(text, names, _day("Tuesday", D13))
    assert [g for g in got if g[0] == etype] == [], [(g[0], g[5].trigger.text, g[2]) for g in got]
